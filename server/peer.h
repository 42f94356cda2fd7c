// A connection as the request handlers see it: where replies and events go, who it said it is,
// and which matches it follows. The socket behind it (server/session.h) is none of their business.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "server/outbox.h"

namespace hegemon::server {

class Peer : public Outbox {
 public:
  /// The number Welcome gave this connection; unique for the server's lifetime.
  virtual std::uint64_t session_id() const = 0;
  /// This connection as an Outbox that matches and the lobby may keep a weak reference to.
  virtual std::shared_ptr<Outbox> outbox() = 0;
  /// Whether Hello was accepted.
  virtual bool identified() const = 0;
  /// Hello was accepted: from now on the connection is `player_name`.
  virtual void identify(const std::string& player_name) = 0;
  /// The connection now receives events of this match (it joined, reconnected or observes).
  virtual void follow(std::uint64_t match_id) = 0;
  /// It no longer does (it left).
  virtual void unfollow(std::uint64_t match_id) = 0;
  /// The matches it follows, which are told when it closes.
  virtual const std::set<std::uint64_t>& followed() const = 0;
  /// Closes the connection once what is queued for it (the reply just given) is sent.
  virtual void close_after_reply() = 0;
};

}  // namespace hegemon::server
