// Where a match sends what a connection should receive. Sessions implement it; matches hold
// weak references, so a dropped connection never keeps anything alive.
#pragma once

#include <memory>
#include <string>

#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"

namespace hegemon::server {

/// An event (request id 0) encoded once for every connection it goes to: a turn's public view
/// sent to a thousand spectators is serialized once and its bytes shared, not copied.
using EncodedEvent = std::shared_ptr<const std::string>;

/// Encodes `event` (its request id 0) as a frame for any number of connections.
inline EncodedEvent encode_event(const pb::ServerMessage& event) {
  return std::make_shared<const std::string>(net::encode_frame(event));
}

class Outbox {
 public:
  virtual ~Outbox() = default;
  /// Queues a message for the peer (never blocks).
  virtual void deliver(const pb::ServerMessage& message) = 0;
  /// Queues an event encoded once for many peers (never blocks).
  virtual void deliver(const EncodedEvent& event) = 0;
  /// The name the player gave in Hello.
  virtual const std::string& player_name() const = 0;
  /// A short label for logs ("session 12 (Alice) from 127.0.0.1:50122").
  virtual std::string label() const = 0;
};

}  // namespace hegemon::server
