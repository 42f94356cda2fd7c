// The "create a match" dialog of the lobby: scenario, which seats are human, the doctrine a bot
// plays each seat by, the turn deadline and a password. For scenarios this client has in its
// assets it offers a human/bot choice and a doctrine per state; for others it takes the human
// states as a list of ids and leaves the doctrines to the server. What it has chosen is a
// CreateMatchForm.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "client/app/create_match_form.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

class CreateMatchDialog {
 public:
  /// Called with the request and the seat to take once the match exists ("" = none).
  using OnCreate = std::function<void(const pb::CreateMatch& request, const std::string& take)>;

  /// Opens the dialog on the next draw, with `player` for the default match name.
  void open(const std::string& player);
  /// Draws the dialog while open.
  void draw(const OnCreate& on_create);

 private:
  void draw_seats();

  bool open_requested_ = false;
  CreateMatchForm form_;
  std::string error_;
};

}  // namespace hegemon::client
