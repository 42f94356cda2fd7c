#include "server/match_phase.h"

#include <stdexcept>

namespace hegemon::server {
namespace {

using Name = MatchPhase::Name;
using Event = MatchPhase::Event;

Verdict allowed() { return {}; }

Verdict refused(pb::ErrorCode code, std::string reason) { return {code, std::move(reason)}; }

const char* event_name(Event event) {
  switch (event) {
    case Event::Start: return "start";
    case Event::BeginResolving: return "begin resolving";
    case Event::TurnStored: return "turn stored";
    case Event::LastTurnStored: return "last turn stored";
    case Event::TurnNotStored: return "turn not stored";
    case Event::PauseStored: return "pause stored";
    case Event::ResumeStored: return "resume stored";
  }
  return "?";
}

Verdict in_lobby(Intent intent) {
  switch (intent) {
    case Intent::SubmitOrders:
    case Intent::Ready:
      return refused(pb::MATCH_NOT_RUNNING,
                     "the match has not started: it starts when a player takes a seat; join a "
                     "seat first");
    case Intent::Pause:
    case Intent::Resume:
      return refused(pb::MATCH_NOT_RUNNING,
                     "the match has not started (it starts when a player takes a seat), so it "
                     "cannot be paused or resumed yet");
    case Intent::ResolveTurn:
      return refused(pb::MATCH_NOT_RUNNING, "the match has not started");
    default:
      return allowed();
  }
}

Verdict while_resolving(Intent intent, int turn) {
  const std::string resolving = "turn " + std::to_string(turn) + " is being resolved";
  const std::string next = std::to_string(turn + 1);
  switch (intent) {
    case Intent::SubmitOrders:
      return refused(pb::TURN_RESOLVING, resolving +
                                             "; these orders were not taken: send them for "
                                             "turn " + next + " once its TurnResolved arrives");
    case Intent::Ready:
      return refused(pb::TURN_RESOLVING, resolving + "; readiness counts again for turn " + next +
                                             " once its TurnResolved arrives");
    case Intent::ResolveTurn:
      return refused(pb::TURN_RESOLVING, resolving + " already");
    default:
      return allowed();
  }
}

Verdict while_paused(Intent intent) {
  switch (intent) {
    case Intent::SubmitOrders:
    case Intent::Ready:
      return refused(pb::MATCH_NOT_RUNNING,
                     "the match is paused; orders and readiness are taken again when its owner "
                     "resumes it");
    case Intent::ResolveTurn:
      return refused(pb::MATCH_NOT_RUNNING, "the match is paused");
    default:
      return allowed();
  }
}

Verdict when_finished(Intent intent, int turns) {
  const std::string over = "the match is over (after turn " + std::to_string(turns) + ")";
  switch (intent) {
    case Intent::Join:
      return refused(pb::MATCH_NOT_RUNNING,
                     over + "; observe it instead, or reconnect to a seat you held to read its "
                            "reports");
    case Intent::SubmitOrders:
    case Intent::Ready:
      return refused(pb::MATCH_NOT_RUNNING, over + "; it takes no more orders");
    case Intent::Pause:
    case Intent::Resume:
      return refused(pb::MATCH_NOT_RUNNING, over + "; it can no longer be paused or resumed");
    case Intent::ResolveTurn:
      return refused(pb::MATCH_NOT_RUNNING, over);
    default:
      return allowed();
  }
}

}  // namespace

const char* phase_name(Name name) {
  switch (name) {
    case Name::Lobby: return "lobby";
    case Name::Collecting: return "collecting";
    case Name::Resolving: return "resolving";
    case Name::Paused: return "paused";
    case Name::Finished: return "finished";
  }
  return "?";
}

MatchPhase MatchPhase::restored(pb::MatchStatus status, bool ended, bool started) {
  MatchPhase phase;
  phase.name_ = status == pb::MATCH_FINISHED || ended ? Name::Finished
                : status == pb::MATCH_PAUSED          ? Name::Paused
                : started                             ? Name::Collecting
                                                      : Name::Lobby;
  return phase;
}

Verdict MatchPhase::can(Intent intent, int resolved_turns) const {
  switch (name_) {
    case Name::Lobby: return in_lobby(intent);
    case Name::Collecting: return allowed();
    case Name::Resolving: return while_resolving(intent, resolved_turns + 1);
    case Name::Paused: return while_paused(intent);
    case Name::Finished: return when_finished(intent, resolved_turns);
  }
  return allowed();
}

bool MatchPhase::apply(Event event) {
  const Name before = name_;
  auto no_transition = [&] {
    throw std::logic_error(std::string("a match in the phase \"") + phase_name(name_) +
                           "\" has no transition for \"" + event_name(event) + "\"");
  };
  switch (event) {
    case Event::Start:
      if (name_ != Name::Lobby) no_transition();
      name_ = Name::Collecting;
      break;
    case Event::BeginResolving:
      if (name_ != Name::Collecting) no_transition();
      name_ = Name::Resolving;
      break;
    case Event::TurnStored:
    case Event::TurnNotStored:
      if (name_ != Name::Resolving) no_transition();
      name_ = pause_after_turn_ ? Name::Paused : Name::Collecting;
      pause_after_turn_ = false;
      break;
    case Event::LastTurnStored:
      if (name_ != Name::Resolving) no_transition();
      name_ = Name::Finished;
      pause_after_turn_ = false;
      break;
    case Event::PauseStored:
      // Stored while a turn resolves: that turn still counts, then the match pauses. A match
      // that ended meanwhile stays over.
      if (name_ == Name::Lobby) no_transition();
      if (name_ == Name::Resolving) pause_after_turn_ = true;
      if (name_ == Name::Collecting) name_ = Name::Paused;
      break;
    case Event::ResumeStored:
      if (name_ == Name::Lobby) no_transition();
      if (name_ == Name::Resolving) pause_after_turn_ = false;
      if (name_ == Name::Paused) name_ = Name::Collecting;
      break;
  }
  return name_ != before;
}

pb::MatchStatus MatchPhase::status() const {
  switch (name_) {
    case Name::Paused: return pb::MATCH_PAUSED;
    case Name::Finished: return pb::MATCH_FINISHED;
    default: return pb::MATCH_WAITING;
  }
}

}  // namespace hegemon::server
