// The requests a connection makes of the server as a whole: saying hello, the list of matches
// and of scenarios, creating a match, and pinging.
#pragma once

#include <deque>
#include <optional>
#include <string>

#include "server/lobby.h"
#include "server/log.h"
#include "server/request.h"

namespace hegemon::server {

class LobbyRequests {
 public:
  LobbyRequests(Lobby& lobby, Log& log, std::string server_name, std::string assets_dir);

  /// Identifies the connection; true when it was welcomed.
  bool hello(Request& request, const std::deque<pb::ChatMessage>& lobby_chat);
  void list_matches(Request& request);
  /// Every scenario with its states and doctrines, read from the files once per server.
  void list_scenarios(Request& request);
  void create_match(Request& request);
  static void ping(Request& request);

 private:
  Lobby& lobby_;
  Log& log_;
  std::string server_name_;
  std::string assets_dir_;
  std::optional<pb::ServerMessage> scenarios_;  // the ScenarioList, once read
};

}  // namespace hegemon::server
