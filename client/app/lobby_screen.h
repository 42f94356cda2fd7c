// The lobby: the matches on the server with their seats, turn and status; create a match, take a
// seat, watch, or take back a seat this client holds.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "client/app/create_match_dialog.h"
#include "client/app/ui_style.h"
#include "protocol/client_settings.pb.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

/// What the lobby shows; owned by the client, filled from MatchList replies.
struct LobbyModel {
  std::string server;                        // "host:port"
  std::string player;
  std::vector<pb::MatchSummary> matches;
  bool loaded = false;                       // a list has arrived since connecting
  bool loading = false;
  std::string status;                        // the last error or confirmation
  std::vector<pb::RememberedSeat> my_seats;  // seats this client can take back on this server
  std::vector<pb::ChatMessage> chat;         // the lobby's chat since connecting, oldest first
};

struct LobbyActions {
  std::function<void()> refresh;
  CreateMatchDialog::OnCreate create;
  std::function<void(std::uint64_t match, const std::string& state, const std::string& password)>
      join;
  std::function<void(std::uint64_t match, const std::string& password)> observe;
  std::function<void(const pb::RememberedSeat& seat)> resume;
  std::function<void()> disconnect;
  /// Says `text` to everyone in the lobby.
  std::function<void(const std::string& text)> chat;
};

/// "collecting turn 4", "paused", "finished".
std::string match_status_text(const pb::MatchSummary& match);
/// "2 humans (1 free), 2 bots".
std::string seats_text(const pb::MatchSummary& match);

class LobbyScreen {
 public:
  void draw(const LobbyModel& lobby, const LobbyActions& actions, const UiFonts& fonts);

 private:
  void draw_matches(const LobbyModel& lobby, const LobbyActions& actions, const UiFonts& fonts);
  void draw_chat(const LobbyModel& lobby, const LobbyActions& actions);
  void draw_table(const LobbyModel& lobby);
  void draw_details(const LobbyModel& lobby, const pb::MatchSummary& match,
                    const LobbyActions& actions, const UiFonts& fonts);

  std::uint64_t selected_ = 0;
  std::string password_;
  std::string chat_input_;
  std::size_t chat_seen_ = 0;
  CreateMatchDialog create_;
};

}  // namespace hegemon::client
