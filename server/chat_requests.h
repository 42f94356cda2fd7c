// Chat: the lobby's (every identified connection hears it) and a match's, public or private.
// A private message goes only where a player can read it: to a seat a bot plays, nobody holds
// or whose player is not connected it is refused (NO_RECIPIENT), never dropped after an Ack.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>

#include "server/request.h"

namespace hegemon::server {

class ChatRequests {
 public:
  /// The connection hears the lobby's chat from now on.
  void enter(Peer& who);
  /// It no longer does (it closed).
  void leave(const Peer& who);
  void send(Request& request);
  /// Connections hearing the lobby's chat.
  std::size_t audience() const { return audience_.size(); }

 private:
  void send_in_lobby(Request& request);
  void send_in_match(Request& request);

  // By session id, so that entering and leaving cost the same with 10 000 connections as with one.
  std::unordered_map<std::uint64_t, std::weak_ptr<Outbox>> audience_;
};

}  // namespace hegemon::server
