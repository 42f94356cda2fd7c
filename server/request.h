// One request on its way to its handler, and what a connection must be to make it.
#pragma once

#include <cstdint>
#include <memory>

#include "protocol/wire.pb.h"
#include "server/match_phase.h"
#include "server/match_session.h"
#include "server/peer.h"
#include "server/reply.h"

namespace hegemon::server {

/// What a connection must be to make a request. Each standing implies the ones before it
/// except Anonymous, which only Hello needs.
enum class Standing {
  Anonymous,   // has not said Hello yet
  Identified,  // said Hello
  Seated,      // holds a seat of the match the request names
  Owner,       // proves with the owner token that it speaks for the match's owner
  // An umpire's and an administrator's standing come here, each with its refusal below.
};

/// The refusal of a request by a connection without `needed` (toward `match_id` where the
/// standing is one in a match): the same code and sentence whichever request it was.
Verdict standing_refusal(Standing needed, std::uint64_t match_id);

struct Request {
  Peer& from;
  const pb::ClientMessage& message;
  /// The match the request names; null for requests that name none (and lobby chat).
  std::shared_ptr<MatchSession> match;
  Reply reply;
};

}  // namespace hegemon::server
