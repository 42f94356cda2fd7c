// Chat: the lobby's (every identified connection hears it) and a match's, public or private.
// A private message goes only where a player can read it: to a seat a bot plays, nobody holds
// or whose player is not connected it is refused (NO_RECIPIENT), never dropped after an Ack.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <unordered_map>

#include "protocol/wire.pb.h"
#include "server/log.h"
#include "server/match_store.h"
#include "server/request.h"

namespace hegemon::server {

class ChatRequests {
 public:
  /// How many of the lobby's latest messages a newcomer's Welcome carries.
  static constexpr std::size_t kLobbyChatKept = 50;

  ChatRequests(MatchStore& store, Log& log);
  /// Reads the lobby's latest messages from storage (once, at start, before the network runs).
  void restore();
  /// The lobby's latest messages, oldest first: what a Welcome carries.
  const std::deque<pb::ChatMessage>& lobby_history() const { return lobby_said_; }
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
  MatchStore& store_;
  Log& log_;
  std::deque<pb::ChatMessage> lobby_said_;
};

}  // namespace hegemon::server
