// The "create a match" dialog of the lobby: scenario, which seats are human, the turn deadline
// and a password. For scenarios this client has in its assets it offers a human/bot choice per
// state; for others it takes the human states as a list of ids.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "client/app/scenario_catalog.h"
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
  void choose_scenario(const std::string& name);
  std::vector<std::string> human_states() const;

  bool open_requested_ = false;
  std::vector<ScenarioInfo> scenarios_;  // those this client has
  std::string scenario_ = "tutorial";
  const ScenarioInfo* known_ = nullptr;  // scenario_ when the client has it
  std::string name_;
  std::vector<bool> human_;              // per state of known_
  std::string human_list_;               // human state ids when the scenario is unknown
  int take_ = 0;                         // index into human_states(): the seat to take
  int deadline_seconds_ = 0;
  bool bot_plays_absent_ = false;
  std::string password_;
  std::string error_;
};

}  // namespace hegemon::client
