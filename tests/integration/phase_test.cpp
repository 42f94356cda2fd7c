// The match's phases seen from the wire: what each phase refuses and how it says so, orders that
// race a turn that has begun to resolve, pause and resume only once stored, and a finished match
// that a restart keeps.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// `orders` with a second order, one that changes nothing (no proposal 999 999 exists): the
/// turn's report lists a verdict per order, so it tells which of the two sets the turn applied.
pb::OrderSet with_second_order(pb::OrderSet orders) {
  orders.add_orders()->mutable_cancel_proposal()->set_proposal_id(999999);
  return orders;
}

pb::ClientMessage submit_request(std::uint64_t match, const pb::OrderSet& orders, bool ready) {
  pb::ClientMessage m;
  m.mutable_submit_orders()->set_match_id(match);
  *m.mutable_submit_orders()->mutable_orders() = orders;
  m.mutable_submit_orders()->set_ready(ready);
  return m;
}

/// A tutorial match that Karla (KAR) and Dragan (DRV) play to its end with their standing
/// budgets; returns its id.
std::uint64_t play_a_match(Player& kar, Player& drv) {
  const std::uint64_t id = seat_kar_and_drv(kar, drv);
  for (int turn = 1; turn <= kar.view().turns(); ++turn) {
    EXPECT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    EXPECT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    kar.wait_turn();
    drv.wait_turn();
  }
  EXPECT_TRUE(kar.view().ended());
  return id;
}
pb::ClientMessage owner_request(bool pause, std::uint64_t match, const std::string& token) {
  pb::ClientMessage m;
  if (pause) {
    m.mutable_pause_match()->set_match_id(match);
    m.mutable_pause_match()->set_owner_token(token);
  } else {
    m.mutable_resume_match()->set_match_id(match);
    m.mutable_resume_match()->set_owner_token(token);
  }
  return m;
}

pb::ClientMessage ready_request(std::uint64_t match) {
  pb::ClientMessage m;
  m.mutable_set_ready()->set_match_id(match);
  m.mutable_set_ready()->set_ready(true);
  return m;
}

pb::ClientMessage observe_request(std::uint64_t match) {
  pb::ClientMessage m;
  m.mutable_observe_match()->set_match_id(match);
  return m;
}

pb::ClientMessage chat_request(std::uint64_t match, const std::string& text) {
  pb::ClientMessage m;
  m.mutable_send_chat()->set_match_id(match);
  m.mutable_send_chat()->set_text(text);
  return m;
}

/// The match as the lobby lists it.
pb::MatchSummary summary_of(Player& player, std::uint64_t match) {
  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage reply = player.connection().call(list);
  for (const auto& m : reply.match_list().matches())
    if (m.match_id() == match) return m;
  ADD_FAILURE() << "match " << match << " is not listed";
  return {};
}

/// Expects `reply` to be the error `code` with `words` in its reason.
void expect_refused(const pb::ServerMessage& reply, pb::ErrorCode code, const std::string& words) {
  EXPECT_EQ(error_of(reply), code) << reply.DebugString();
  EXPECT_NE(reply.error().reason().find(words), std::string::npos) << reply.error().reason();
}

std::int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}


/// Karla (KAR) and Dragan (DRV), turn after turn of tutorial matches (a new one when one
/// ends), for a race run until it is hit.
class RaceTrack {
 public:
  explicit RaceTrack(std::uint16_t port) : kar(port, "Karla"), drv(port, "Dragan") {}

  /// Opens the next attempt: its turn, in a new match when the last one is over.
  void next() {
    ++attempts;
    if (match != 0 && ++turn <= kar.view().turns()) return;
    match = seat_kar_and_drv(kar, drv);
    standing = kar.view().own().allocation();
    turn = 1;
  }
  /// A set of the standing budget for the turn being raced.
  pb::OrderSet standing_budget(const std::string& state) const {
    return budget(state, turn, standing);
  }
  /// Waits a little longer at each attempt (0 to 3 ms), so that a second request lands
  /// before, inside and after the moment the turn begins to resolve.
  void stagger() const {
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::microseconds(150 * (attempts % 20));
    while (std::chrono::steady_clock::now() < until) std::this_thread::yield();
  }
  /// Whether to go on: under the bounds of attempts and time, and `hit` not yet.
  bool go_on(bool hit) const {
    return !hit && attempts < 300 && std::chrono::steady_clock::now() < give_up_;
  }

  Player kar, drv;
  std::uint64_t match = 0;
  int turn = 0;
  int attempts = 0;
  pb::Allocation standing;

 private:
  std::chrono::steady_clock::time_point give_up_ = std::chrono::steady_clock::now() + 60s;
};

/// A server without a request rate limit: races are run as fast as the turns go.
server::ServerSettings unthrottled() {
  server::ServerSettings settings;
  settings.session.requests_per_second = 0;
  return settings;
}

// Karla's first set is ready; Dragan's readiness then resolves the turn while Karla sends a
// replacement. Whatever the order the two reach the server in, an acknowledged replacement is
// the one the turn applies, and one that comes too late is refused as such: TURN_RESOLVING
// while the turn resolves, WRONG_TURN once the next turn is open. The race is run until the
// replacement has both won it and arrived while the turn was resolving, a few times.
TEST(Phase, AReplacementOrderSetRacingTheTurnIsAppliedOrRefusedNeverAcknowledgedAndDropped) {
  TempDir data;
  TestServer server(data.path(), unthrottled());
  RaceTrack race(server.port());
  Player &kar = race.kar, &drv = race.drv;
  int acknowledged_and_dropped = 0, applied = 0, refused_as_resolving = 0, refused_as_late = 0;
  while (race.go_on(acknowledged_and_dropped > 0 || (refused_as_resolving >= 3 && applied >= 3))) {
    race.next();
    const std::uint64_t id = race.match;
    const int turn = race.turn;
    ASSERT_TRUE(kar.submit(id, race.standing_budget("KAR"), true).has_orders_accepted());
    auto drv_reply = drv.connection().request(submit_request(id, race.standing_budget("DRV"), true));
    race.stagger();
    auto kar_reply = kar.connection().request(
        submit_request(id, with_second_order(race.standing_budget("KAR")), true));
    const pb::ServerMessage replacement = kar_reply.get();
    ASSERT_TRUE(drv_reply.get().has_orders_accepted());
    const pb::TurnResolved resolved = kar.wait_turn();
    drv.wait_turn();
    ASSERT_EQ(resolved.view().turn(), turn);
    const bool replaced = resolved.report().order_results_size() == 2;
    if (replacement.has_orders_accepted()) {
      EXPECT_EQ(replacement.orders_accepted().turn(), turn);
      (replaced ? applied : acknowledged_and_dropped) += 1;
    } else if (error_of(replacement) == pb::TURN_RESOLVING) {
      EXPECT_NE(replacement.error().reason().find("turn " + std::to_string(turn) +
                                                  " is being resolved"),
                std::string::npos)
          << replacement.error().reason();
      EXPECT_FALSE(replaced);
      ++refused_as_resolving;
    } else {
      ASSERT_EQ(error_of(replacement), pb::WRONG_TURN) << replacement.DebugString();
      EXPECT_NE(replacement.error().reason().find("collecting orders for turn " +
                                                  std::to_string(turn + 1)),
                std::string::npos)
          << replacement.error().reason();
      EXPECT_FALSE(replaced);
      ++refused_as_late;
    }
  }
  EXPECT_EQ(acknowledged_and_dropped, 0)
      << "order sets acknowledged for a turn that was resolved without them, in "
      << race.attempts << " attempts";
  EXPECT_GT(refused_as_resolving, 0) << "the race was never lost in " << race.attempts
                                     << " attempts";
  EXPECT_GT(applied, 0);
  RecordProperty("attempts", race.attempts);
  RecordProperty("applied", applied);
  RecordProperty("refused_as_resolving", refused_as_resolving);
  RecordProperty("refused_as_late", refused_as_late);
  std::size_t waits = 0;
  const std::string log = server.log_text();
  for (auto at = log.find("on their way to storage"); at != std::string::npos;
       at = log.find("on their way to storage", at + 1))
    ++waits;
  RecordProperty("turns_that_waited_for_orders", static_cast<int>(waits));
}

// The same race with readiness: Karla declares herself ready again while Dragan's readiness
// resolves the turn. Until the turn begins to resolve it is taken; from then it is refused with
// TURN_RESOLVING, the same refusal orders get.
TEST(Phase, ReadinessRacingTheTurnIsTakenOrRefusedAsResolving) {
  TempDir data;
  TestServer server(data.path(), unthrottled());
  RaceTrack race(server.port());
  int refused_as_resolving = 0;
  while (race.go_on(refused_as_resolving > 0)) {
    race.next();
    ASSERT_TRUE(race.kar.submit(race.match, race.standing_budget("KAR"), true).has_orders_accepted());
    auto drv_reply =
        race.drv.connection().request(submit_request(race.match, race.standing_budget("DRV"), true));
    race.stagger();
    auto kar_reply = race.kar.connection().request(ready_request(race.match));
    const pb::ServerMessage ready = kar_reply.get();
    ASSERT_TRUE(drv_reply.get().has_orders_accepted());
    ASSERT_EQ(race.kar.wait_turn().view().turn(), race.turn);
    race.drv.wait_turn();
    if (ready.has_ack()) continue;  // taken for this turn, or for the next one if it was open
    ASSERT_EQ(error_of(ready), pb::TURN_RESOLVING) << ready.DebugString();
    EXPECT_NE(ready.error().reason().find("readiness counts again for turn " +
                                          std::to_string(race.turn + 1)),
              std::string::npos)
        << ready.error().reason();
    ++refused_as_resolving;
  }
  EXPECT_GT(refused_as_resolving, 0) << "the race was never lost in " << race.attempts
                                     << " attempts";
}

TEST(Phase, AFinishedMatchIsThereAfterARestartWithEveryReportOfEverySeat) {
  TempDir data;
  std::uint64_t id = 0;
  std::string kar_token, drv_token;
  int turns = 0;
  {
    TestServer server(data.path());
    Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
    id = play_a_match(kar, drv);
    kar_token = kar.seat_token();
    drv_token = drv.seat_token();
    turns = kar.view().turns();
  }
  server::ServerSettings one_match;
  one_match.max_matches = 1;
  TestServer restarted(data.path(), one_match);
  Player kar(restarted.port(), "Karla"), drv(restarted.port(), "Dragan");
  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage matches = kar.connection().call(list);
  ASSERT_EQ(matches.match_list().matches_size(), 1);
  EXPECT_EQ(matches.match_list().matches(0).status(), pb::MATCH_FINISHED);
  EXPECT_EQ(matches.match_list().matches(0).turn(), turns);
  for (auto [player, token, state] : {std::tuple{&kar, kar_token, "KAR"},
                                      std::tuple{&drv, drv_token, "DRV"}}) {
    const pb::ServerMessage reply = player->reconnect(id, token, 0);
    ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
    EXPECT_TRUE(reply.seat_granted().view().ended());
    ASSERT_EQ(reply.seat_granted().missed_reports_size(), turns);
    for (int i = 0; i < turns; ++i) {
      EXPECT_EQ(reply.seat_granted().missed_reports(i).turn(), i + 1);
      EXPECT_EQ(reply.seat_granted().missed_reports(i).viewer(), state);
    }
    EXPECT_EQ(error_of(player->submit_budget(id, turns + 1)), pb::MATCH_NOT_RUNNING);
  }
  // A spectator sees it too, and a finished match does not count against the server's limit.
  Player watcher(restarted.port(), "Wanda");
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage seen = watcher.connection().call(observe);
  ASSERT_TRUE(seen.has_observing()) << seen.DebugString();
  EXPECT_TRUE(seen.observing().view().ended());
  EXPECT_GT(kar.create("tutorial", {"KAR"}), id);
}

TEST(Phase, AMatchWaitsInTheLobbyWithItsClockStoppedUntilItsFirstPlayerSitsDown) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), watcher(server.port(), "Wanda");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"}, /*deadline_seconds=*/1);
  EXPECT_EQ(summary_of(kar, id).deadline_unix_ms(), 0);
  // In the lobby there is nothing to order, ready, pause or resume; watching and chat are open.
  expect_refused(kar.connection().call(owner_request(true, id, kar.owner_token())),
                 pb::MATCH_NOT_RUNNING, "has not started");
  expect_refused(kar.connection().call(owner_request(false, id, kar.owner_token())),
                 pb::MATCH_NOT_RUNNING, "has not started");
  pb::OrderSet orders;
  orders.set_state("KAR");
  orders.set_turn(1);
  // Orders and readiness need a seat, and in the lobby nobody holds one yet.
  expect_refused(kar.submit(id, orders, true), pb::NOT_YOUR_SEAT, "join a seat");
  expect_refused(kar.connection().call(ready_request(id)), pb::NOT_YOUR_SEAT, "join a seat");
  ASSERT_TRUE(watcher.connection().call(observe_request(id)).has_observing());
  EXPECT_TRUE(watcher.connection().call(chat_request(id, "who plays?")).has_ack());

  // A whole deadline passes in the lobby and no turn resolves.
  std::this_thread::sleep_for(1300ms);
  pb::ServerMessage event;
  EXPECT_FALSE(watcher.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 100ms));
  const std::int64_t before_join = now_unix_ms();
  const pb::ServerMessage seat = kar.join(id, "KAR");
  ASSERT_TRUE(seat.has_seat_granted());
  EXPECT_EQ(seat.seat_granted().view().turn(), 0);
  // The clock starts with the match: the first seat taken.
  EXPECT_GE(seat.seat_granted().match().deadline_unix_ms(), before_join + 900);
  EXPECT_EQ(kar.wait_turn(5s).view().turn(), 1);
}

TEST(Phase, APausedMatchRefusesOrdersAndReadinessButNotSeatsWatchersOrChat) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan"), watcher(server.port(), "Wanda");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(kar.connection().call(owner_request(true, id, kar.owner_token())).has_ack());
  // Pausing a paused match changes nothing and says so with an Ack.
  ASSERT_TRUE(kar.connection().call(owner_request(true, id, kar.owner_token())).has_ack());
  expect_refused(kar.submit_budget(id, 1), pb::MATCH_NOT_RUNNING, "paused");
  expect_refused(kar.connection().call(ready_request(id)), pb::MATCH_NOT_RUNNING, "paused");
  const pb::ServerMessage seat = drv.join(id, "DRV");
  ASSERT_TRUE(seat.has_seat_granted()) << seat.DebugString();
  EXPECT_EQ(seat.seat_granted().match().status(), pb::MATCH_PAUSED);
  EXPECT_EQ(seat.seat_granted().match().deadline_unix_ms(), 0);
  ASSERT_TRUE(watcher.connection().call(observe_request(id)).has_observing());
  EXPECT_TRUE(drv.connection().call(chat_request(id, "coffee?")).has_ack());

  ASSERT_TRUE(kar.connection().call(owner_request(false, id, kar.owner_token())).has_ack());
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
  EXPECT_EQ(kar.wait_turn().view().turn(), 1);
}

TEST(Phase, AFinishedMatchRefusesWhatWouldChangeItAndStillShowsItself) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan"), late(server.port(), "Lena");
  const std::uint64_t id = play_a_match(kar, drv);
  const int turns = kar.view().turns();
  const std::string over = "the match is over (after turn " + std::to_string(turns) + ")";
  expect_refused(late.join(id, "DRV"), pb::MATCH_NOT_RUNNING, "observe it instead");
  expect_refused(kar.submit_budget(id, turns + 1), pb::MATCH_NOT_RUNNING, over);
  expect_refused(kar.connection().call(ready_request(id)), pb::MATCH_NOT_RUNNING, over);
  expect_refused(kar.connection().call(owner_request(true, id, kar.owner_token())),
                 pb::MATCH_NOT_RUNNING, over);
  expect_refused(kar.connection().call(owner_request(false, id, kar.owner_token())),
                 pb::MATCH_NOT_RUNNING, over);
  // Seats, spectators and chat still work on what is there.
  const pb::ServerMessage back = late.reconnect(id, drv.seat_token(), turns - 1);
  ASSERT_TRUE(back.has_seat_granted()) << back.DebugString();
  EXPECT_EQ(back.seat_granted().missed_reports_size(), 1);
  pb::ServerMessage watch = late.connection().call(observe_request(id));
  EXPECT_TRUE(watch.has_observing()) << watch.DebugString();
  EXPECT_TRUE(kar.connection().call(chat_request(id, "good game")).has_ack());
}

TEST(Phase, PauseAndResumeTakeEffectOnlyOnceStoredAndSurviveARestart) {
  TempDir data;
  std::uint64_t id = 0;
  std::string owner;
  {
    TestServer server(data.path());
    Player kar(server.port(), "Karla");
    id = kar.create("tutorial", {"KAR", "DRV"}, /*deadline_seconds=*/3600);
    ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
    owner = kar.owner_token();
    // A pause and an order set in one write: the server reads both before the pause is stored,
    // and until it is, the match runs and takes the orders.
    auto replies = kar.connection().request_together(
        {owner_request(true, id, owner),
         submit_request(id, budget("KAR", 1, kar.view().own().allocation()), false)});
    ASSERT_EQ(replies[0].wait_for(5s), std::future_status::ready);
    ASSERT_TRUE(replies[0].get().has_ack());
    ASSERT_EQ(replies[1].wait_for(5s), std::future_status::ready);
    ASSERT_TRUE(replies[1].get().has_orders_accepted())
        << "the orders sent before the pause was stored were refused";
    EXPECT_EQ(summary_of(kar, id).status(), pb::MATCH_PAUSED);
    ASSERT_TRUE(kar.connection().call(owner_request(false, id, owner)).has_ack());

    server.on_server_thread([](server::Server& s) { s.store().set_read_only(true); });
    expect_refused(kar.connection().call(owner_request(true, id, owner)),
                   pb::STORAGE_UNAVAILABLE, "the match goes on");
    // A pause that was not stored did not happen: the match runs and its clock too.
    pb::MatchSummary summary = summary_of(kar, id);
    EXPECT_EQ(summary.status(), pb::MATCH_WAITING);
    EXPECT_GT(summary.deadline_unix_ms(), 0);
    server.on_server_thread([](server::Server& s) { s.store().set_read_only(false); });
    ASSERT_TRUE(kar.connection().call(owner_request(true, id, owner)).has_ack());
    summary = summary_of(kar, id);
    EXPECT_EQ(summary.status(), pb::MATCH_PAUSED);
    EXPECT_EQ(summary.deadline_unix_ms(), 0);
    server.on_server_thread([](server::Server& s) { s.store().set_read_only(true); });
    expect_refused(kar.connection().call(owner_request(false, id, owner)),
                   pb::STORAGE_UNAVAILABLE, "stays paused");
    // A resumption that was not stored did not happen either.
    EXPECT_EQ(summary_of(kar, id).status(), pb::MATCH_PAUSED);
    expect_refused(kar.submit_budget(id, 1), pb::MATCH_NOT_RUNNING, "paused");
  }
  {
    // What was acknowledged is what a restart brings back: paused.
    TestServer server(data.path());
    Player kar(server.port(), "Karla");
    EXPECT_EQ(summary_of(kar, id).status(), pb::MATCH_PAUSED);
    ASSERT_TRUE(kar.connection().call(owner_request(false, id, owner)).has_ack());
    EXPECT_EQ(summary_of(kar, id).status(), pb::MATCH_WAITING);
  }
  TestServer server(data.path());
  Player kar(server.port(), "Karla");
  const pb::MatchSummary summary = summary_of(kar, id);
  EXPECT_EQ(summary.status(), pb::MATCH_WAITING);
  EXPECT_GT(summary.deadline_unix_ms(), 0);
}

TEST(Phase, APauseStoredWhileTheTurnResolvesLetsTheTurnFinishThenPauses) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla");
  const std::uint64_t id = kar.create("tutorial", {"KAR"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  // Karla's readiness (the only human's) and her pause in one write: the pause is taken while
  // collecting and stored once the turn has begun to resolve.
  auto replies = kar.connection().request_together(
      {submit_request(id, budget("KAR", 1, kar.view().own().allocation()), true),
       owner_request(true, id, kar.owner_token())});
  ASSERT_EQ(replies[0].wait_for(5s), std::future_status::ready);
  ASSERT_TRUE(replies[0].get().has_orders_accepted());
  ASSERT_EQ(replies[1].wait_for(5s), std::future_status::ready);
  ASSERT_TRUE(replies[1].get().has_ack());
  pb::ServerMessage event;
  EXPECT_EQ(kar.wait_turn().view().turn(), 1);
  bool announced = false;
  while (kar.connection().wait_event(pb::ServerMessage::kMatchUpdate, event, 200ms))
    announced = announced || event.match_update().what() == "the match pauses once turn 1 is resolved";
  EXPECT_TRUE(announced);
  EXPECT_EQ(event.match_update().what(), "the match is paused by its owner");
  const pb::MatchSummary summary = summary_of(kar, id);
  EXPECT_EQ(summary.status(), pb::MATCH_PAUSED);
  EXPECT_EQ(summary.turn(), 1);
  expect_refused(kar.submit_budget(id, 2), pb::MATCH_NOT_RUNNING, "paused");

  ASSERT_TRUE(kar.connection().call(owner_request(false, id, kar.owner_token())).has_ack());
  ASSERT_TRUE(kar.submit_budget(id, 2).has_orders_accepted());
  EXPECT_EQ(kar.wait_turn().view().turn(), 2);
}

}  // namespace
}  // namespace hegemon::testing
