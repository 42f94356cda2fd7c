// How the server answers a request: a Reply callback that every handler, the lobby and the
// matches call exactly once, and the error replies they build.
#pragma once

#include <functional>
#include <string>

#include "protocol/wire.pb.h"

namespace hegemon::server {

struct Verdict;

/// Answers one request; the connection puts the request's id on the message.
using Reply = std::function<void(pb::ServerMessage)>;

/// A reply carrying an error: a code a client branches on and a sentence a person can act on.
pb::ServerMessage error_message(pb::ErrorCode code, const std::string& reason);
/// A reply carrying a refusal (a match phase's or a missing standing's).
pb::ServerMessage error_message(const Verdict& refusal);
/// The empty reply of a request that only needed doing.
pb::ServerMessage ack_message();

}  // namespace hegemon::server
