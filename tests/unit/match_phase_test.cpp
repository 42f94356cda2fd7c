// The match phase machine on its own: which intent each phase allows, how it refuses the others,
// and the transitions it has (and the ones it has not).
#include <gtest/gtest.h>

#include <stdexcept>

#include "server/match_phase.h"

namespace hegemon::server {
namespace {

using Name = MatchPhase::Name;
using Event = MatchPhase::Event;

MatchPhase reached(std::initializer_list<Event> events) {
  MatchPhase phase;
  for (Event e : events) phase.apply(e);
  return phase;
}

MatchPhase in(Name name) {
  switch (name) {
    case Name::Lobby: return {};
    case Name::Collecting: return reached({Event::Start});
    case Name::Resolving: return reached({Event::Start, Event::BeginResolving});
    case Name::Paused: return reached({Event::Start, Event::PauseStored});
    case Name::Finished:
      return reached({Event::Start, Event::BeginResolving, Event::LastTurnStored});
  }
  return {};
}

constexpr auto OK = pb::ERROR_UNSPECIFIED;
constexpr auto OFF = pb::MATCH_NOT_RUNNING;
constexpr auto BUSY = pb::TURN_RESOLVING;

struct Row {
  Intent intent;
  pb::ErrorCode lobby, collecting, resolving, paused, finished;
};

// The whole answer of can(), phase by phase.
const Row kTable[] = {
    {Intent::Join, OK, OK, OK, OK, OFF},
    {Intent::Reconnect, OK, OK, OK, OK, OK},
    {Intent::Observe, OK, OK, OK, OK, OK},
    {Intent::Leave, OK, OK, OK, OK, OK},
    {Intent::View, OK, OK, OK, OK, OK},
    {Intent::Chat, OK, OK, OK, OK, OK},
    {Intent::SubmitOrders, OFF, OK, BUSY, OFF, OFF},
    {Intent::Ready, OFF, OK, BUSY, OFF, OFF},
    {Intent::Pause, OFF, OK, OK, OK, OFF},
    {Intent::Resume, OFF, OK, OK, OK, OFF},
    {Intent::ResolveTurn, OFF, OK, BUSY, OFF, OFF},
};

TEST(MatchPhase, EachPhaseAllowsAndRefusesWhatTheTableSays) {
  for (const Row& row : kTable) {
    const std::pair<Name, pb::ErrorCode> expected[] = {{Name::Lobby, row.lobby},
                                                       {Name::Collecting, row.collecting},
                                                       {Name::Resolving, row.resolving},
                                                       {Name::Paused, row.paused},
                                                       {Name::Finished, row.finished}};
    for (auto [name, code] : expected) {
      const Verdict verdict = in(name).can(row.intent, 3);
      EXPECT_EQ(verdict.code, code) << "intent " << static_cast<int>(row.intent) << " in "
                                    << phase_name(name);
      EXPECT_EQ(static_cast<bool>(verdict), code == OK);
      // Every refusal says why in a sentence; an allowance says nothing.
      EXPECT_EQ(verdict.reason.empty(), code == OK) << verdict.reason;
    }
  }
}

TEST(MatchPhase, RefusalsSayWhatToDoNext) {
  const Verdict resolving = in(Name::Resolving).can(Intent::SubmitOrders, 3);
  EXPECT_NE(resolving.reason.find("turn 4 is being resolved"), std::string::npos);
  EXPECT_NE(resolving.reason.find("send them for turn 5"), std::string::npos);
  EXPECT_NE(in(Name::Lobby).can(Intent::SubmitOrders, 0).reason.find("takes a seat"),
            std::string::npos);
  EXPECT_NE(in(Name::Paused).can(Intent::Ready, 3).reason.find("resumes"), std::string::npos);
  EXPECT_NE(in(Name::Finished).can(Intent::Join, 20).reason.find("observe it instead"),
            std::string::npos);
}

TEST(MatchPhase, AMatchStartsInTheLobbyAndLeavesItOnce) {
  MatchPhase phase;
  EXPECT_EQ(phase.now(), Name::Lobby);
  EXPECT_EQ(phase.status(), pb::MATCH_WAITING);
  EXPECT_TRUE(phase.apply(Event::Start));
  EXPECT_EQ(phase.now(), Name::Collecting);
  EXPECT_THROW(phase.apply(Event::Start), std::logic_error);
  EXPECT_THROW(MatchPhase().apply(Event::BeginResolving), std::logic_error);
  EXPECT_THROW(MatchPhase().apply(Event::PauseStored), std::logic_error);
}

TEST(MatchPhase, ATurnResolvesOnlyFromCollectingAndEndsInCollectingOrFinished) {
  MatchPhase phase = in(Name::Collecting);
  EXPECT_THROW(phase.apply(Event::TurnStored), std::logic_error);
  phase.apply(Event::BeginResolving);
  EXPECT_THROW(phase.apply(Event::BeginResolving), std::logic_error);
  EXPECT_EQ(phase.status(), pb::MATCH_WAITING);
  phase.apply(Event::TurnStored);
  EXPECT_EQ(phase.now(), Name::Collecting);
  phase.apply(Event::BeginResolving);
  phase.apply(Event::TurnNotStored);  // the turn is computed again later
  EXPECT_EQ(phase.now(), Name::Collecting);
  phase.apply(Event::BeginResolving);
  phase.apply(Event::LastTurnStored);
  EXPECT_EQ(phase.now(), Name::Finished);
  EXPECT_EQ(phase.status(), pb::MATCH_FINISHED);
  EXPECT_THROW(phase.apply(Event::BeginResolving), std::logic_error);
}

TEST(MatchPhase, PauseAndResumeChangeThePhaseWhenStoredAndAreIdempotent) {
  MatchPhase phase = in(Name::Collecting);
  EXPECT_TRUE(phase.apply(Event::PauseStored));
  EXPECT_EQ(phase.now(), Name::Paused);
  EXPECT_EQ(phase.status(), pb::MATCH_PAUSED);
  EXPECT_FALSE(phase.apply(Event::PauseStored));
  EXPECT_THROW(phase.apply(Event::BeginResolving), std::logic_error);
  EXPECT_TRUE(phase.apply(Event::ResumeStored));
  EXPECT_EQ(phase.now(), Name::Collecting);
  EXPECT_FALSE(phase.apply(Event::ResumeStored));
}

TEST(MatchPhase, APauseStoredWhileTheTurnResolvesTakesEffectOnceTheTurnIsStored) {
  MatchPhase phase = in(Name::Resolving);
  EXPECT_FALSE(phase.apply(Event::PauseStored));
  EXPECT_EQ(phase.now(), Name::Resolving);
  EXPECT_TRUE(phase.pauses_after_turn());
  phase.apply(Event::TurnStored);
  EXPECT_EQ(phase.now(), Name::Paused);
  EXPECT_FALSE(phase.pauses_after_turn());

  // A resumption stored meanwhile cancels it; a turn that could not be stored pauses too.
  MatchPhase resumed = in(Name::Resolving);
  resumed.apply(Event::PauseStored);
  resumed.apply(Event::ResumeStored);
  resumed.apply(Event::TurnStored);
  EXPECT_EQ(resumed.now(), Name::Collecting);
  MatchPhase failed = in(Name::Resolving);
  failed.apply(Event::PauseStored);
  failed.apply(Event::TurnNotStored);
  EXPECT_EQ(failed.now(), Name::Paused);
  // The last turn ends the match whatever was asked.
  MatchPhase last = in(Name::Resolving);
  last.apply(Event::PauseStored);
  last.apply(Event::LastTurnStored);
  EXPECT_EQ(last.now(), Name::Finished);
}

TEST(MatchPhase, AStoredMatchComesBackInThePhaseItWasStoredIn) {
  EXPECT_EQ(MatchPhase::restored(pb::MATCH_WAITING, false, false).now(), Name::Lobby);
  EXPECT_EQ(MatchPhase::restored(pb::MATCH_WAITING, false, true).now(), Name::Collecting);
  EXPECT_EQ(MatchPhase::restored(pb::MATCH_PAUSED, false, true).now(), Name::Paused);
  EXPECT_EQ(MatchPhase::restored(pb::MATCH_FINISHED, true, true).now(), Name::Finished);
  // A world that ended is over even if its status was not stored as finished.
  EXPECT_EQ(MatchPhase::restored(pb::MATCH_WAITING, true, true).now(), Name::Finished);
}

}  // namespace
}  // namespace hegemon::server
