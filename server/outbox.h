// Where a match sends what a connection should receive. Sessions implement it; matches hold
// weak references, so a dropped connection never keeps anything alive.
#pragma once

#include <string>

#include "protocol/wire.pb.h"

namespace hegemon::server {

class Outbox {
 public:
  virtual ~Outbox() = default;
  /// Queues a message for the peer (never blocks).
  virtual void deliver(const pb::ServerMessage& message) = 0;
  /// The name the player gave in Hello.
  virtual const std::string& player_name() const = 0;
  /// A short label for logs ("session 12 (Alice) from 127.0.0.1:50122").
  virtual std::string label() const = 0;
};

}  // namespace hegemon::server
