// Every request the server understands, in one table: the standing a connection needs to make
// it, the match it names, and the handler that does it. The connection only frames and
// forwards; the table decides who may ask what, so a refusal reads the same whatever was asked,
// and adding a request is one row and one handler.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "server/chat_requests.h"
#include "server/lobby.h"
#include "server/lobby_requests.h"
#include "server/log.h"
#include "server/match_requests.h"
#include "server/request.h"

namespace hegemon::server {

class RequestTable {
 public:
  RequestTable(Lobby& lobby, Log& log, std::string server_name, std::string assets_dir);
  RequestTable(const RequestTable&) = delete;
  RequestTable& operator=(const RequestTable&) = delete;

  /// Checks the request's standing and match, then hands it to its handler, which answers
  /// through `reply` exactly once.
  void dispatch(Peer& from, const pb::ClientMessage& message, Reply reply);
  /// The connection closed: the lobby and every match it followed let it go.
  void disconnected(Peer& from);

 private:
  /// Which match a request names: none, one it must name, or one it may (0 = the lobby).
  enum class Names { NoMatch, Match, MatchOrLobby };
  struct Route {
    Standing needs = Standing::Identified;
    Names names = Names::NoMatch;
    std::uint64_t (*match_id)(const pb::ClientMessage&) = nullptr;
    /// For Standing::Owner: the owner token the request carries.
    const std::string& (*owner_token)(const pb::ClientMessage&) = nullptr;
    std::function<void(Request&)> handle;  // empty: no such request
  };
  static constexpr std::size_t kBodies = 64;  // above every ClientMessage body's field number

  void add(pb::ClientMessage::BodyCase body, Route route);

  Lobby& lobby_;
  LobbyRequests lobby_requests_;
  MatchRequests match_requests_;
  ChatRequests chat_requests_;
  std::array<Route, kBodies> routes_{};
};

}  // namespace hegemon::server
