// The phase a match is in, the one function that moves it, and the one answer to "may this be
// done now?" that every request handler asks, so that a refusal reads the same whatever asked.
//
//   Lobby --Start (the first seat is taken; at once without human seats)--> Collecting
//   Collecting --BeginResolving (every human ready, or the deadline)--> Resolving
//   Resolving --TurnStored--> Collecting, or Paused when a pause was stored meanwhile
//   Resolving --LastTurnStored--> Finished
//   Resolving --TurnNotStored (storage failed; the turn is computed again)--> Collecting or Paused
//   Collecting --PauseStored--> Paused --ResumeStored--> Collecting
//
// Pause and resume move the phase only once storage has made them durable, so the phase in
// memory is never ahead of the one a restart would bring back.
#pragma once

#include <string>

#include "protocol/wire.pb.h"

namespace hegemon::server {

/// What a request, or the match's own clock, asks to do.
enum class Intent {
  Join,
  Reconnect,
  Observe,
  Leave,
  View,
  Chat,
  SubmitOrders,
  Ready,
  Pause,
  Resume,
  ResolveTurn,  // the deadline, every human ready, or a retry after a storage failure
};

/// The answer to "may this be done now?": allowed, or an error code a client acts on and a
/// sentence a person can.
struct Verdict {
  pb::ErrorCode code = pb::ERROR_UNSPECIFIED;  // ERROR_UNSPECIFIED: allowed
  std::string reason;
  explicit operator bool() const { return code == pb::ERROR_UNSPECIFIED; }
};

class MatchPhase {
 public:
  enum class Name { Lobby, Collecting, Resolving, Paused, Finished };
  enum class Event {
    Start,
    BeginResolving,
    TurnStored,
    LastTurnStored,
    TurnNotStored,
    PauseStored,
    ResumeStored,
  };

  /// A new match: in the lobby until it starts.
  MatchPhase() = default;
  /// The phase a stored match comes back in: `status` as stored, `ended` from its world,
  /// `started` when a seat was taken or a turn resolved (or it has no human seat).
  static MatchPhase restored(pb::MatchStatus status, bool ended, bool started);

  Name now() const { return name_; }
  /// Whether `intent` may be done now; `resolved_turns` (the world's turn) words the refusals.
  Verdict can(Intent intent, int resolved_turns) const;
  /// The one transition function. Throws std::logic_error for an event this phase has no
  /// transition for: that is a fault of the server, never something a client can cause.
  /// Returns true when the phase changed.
  bool apply(Event event);
  /// The status the lobby shows and storage keeps.
  pb::MatchStatus status() const;
  /// A pause was stored while the turn resolved: the match pauses once the turn is stored.
  bool pauses_after_turn() const { return pause_after_turn_; }

 private:
  Name name_ = Name::Lobby;
  bool pause_after_turn_ = false;
};

/// The phase's name as the log writes it.
const char* phase_name(MatchPhase::Name name);

}  // namespace hegemon::server
