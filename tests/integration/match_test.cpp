// Matches played over real sockets on 127.0.0.1 against a real server and a real SQLite file.
#include <gtest/gtest.h>

#include <algorithm>

#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

TEST(Match, ThreePlayersPlayTheTutorialToItsEnd) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan"), lin(server.port(), "Liv");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV", "LIN"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
  ASSERT_TRUE(lin.join(id, "LIN").has_seat_granted());
  const int turns = kar.view().turns();
  ASSERT_EQ(turns, 20);

  for (int turn = 1; turn <= turns; ++turn) {
    for (Player* p : {&kar, &drv, &lin}) {
      const pb::ServerMessage reply = p->submit_budget(id, turn);
      ASSERT_TRUE(reply.has_orders_accepted()) << reply.DebugString();
      EXPECT_EQ(reply.orders_accepted().turn(), turn);
      EXPECT_TRUE(reply.orders_accepted().results(0).accepted());
    }
    for (Player* p : {&kar, &drv, &lin}) {
      const pb::TurnResolved resolved = p->wait_turn();
      EXPECT_EQ(resolved.view().turn(), turn);
      EXPECT_EQ(resolved.report().turn(), turn);
      // Each player receives its own view and its own report, nothing more.
      EXPECT_EQ(resolved.view().viewer(), p->state());
      EXPECT_EQ(resolved.report().viewer(), p->state());
      EXPECT_EQ(resolved.view().own().id(), p->state());
    }
  }
  EXPECT_TRUE(kar.view().ended());
  EXPECT_FALSE(kar.view().end_reason().empty());

  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage matches = kar.connection().call(list);
  ASSERT_EQ(matches.match_list().matches_size(), 1);
  EXPECT_EQ(matches.match_list().matches(0).status(), pb::MATCH_FINISHED);
  EXPECT_EQ(matches.match_list().matches(0).turn(), 20);

  // A finished match takes no more orders.
  EXPECT_EQ(error_of(kar.submit_budget(id, 21)), pb::MATCH_NOT_RUNNING);
}

TEST(Match, TheDeadlineResolvesATurnWithoutTheMissingPlayer) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"}, /*deadline_seconds=*/1);
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  // Dragan sends nothing; the turn resolves at the deadline all the same.
  const auto started = std::chrono::steady_clock::now();
  const pb::TurnResolved for_kar = kar.wait_turn(5s);
  const pb::TurnResolved for_drv = drv.wait_turn(5s);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 500ms);
  EXPECT_EQ(for_kar.view().turn(), 1);
  EXPECT_EQ(for_drv.view().turn(), 1);
  EXPECT_NE(server.log_text().find("deadline of turn 1 passed; not ready: Republic of Dravia"),
            std::string::npos);
}

TEST(Match, AReconnectingPlayerGetsItsSeatTheViewAndTheReportsItMissed) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"});
  std::string token;
  {
    Player drv(server.port(), "Dragan");
    ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
    token = drv.seat_token();
    ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
    ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
    ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
    drv.wait_turn();
    kar.wait_turn();
    // Dragan readies turn 2 and drops.
    ASSERT_TRUE(drv.submit_budget(id, 2).has_orders_accepted());
  }
  // Turn 2 resolves while Dragan is away.
  ASSERT_TRUE(kar.submit_budget(id, 2).has_orders_accepted());
  kar.wait_turn();

  client::ServerConnection again;
  again.connect("127.0.0.1", server.port(), "Dragan");
  pb::ClientMessage m;
  m.mutable_reconnect()->set_match_id(id);
  m.mutable_reconnect()->set_seat_token(token);
  m.mutable_reconnect()->set_last_report_turn(1);
  const pb::ServerMessage reply = again.call(m);
  ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
  EXPECT_EQ(reply.seat_granted().state(), "DRV");
  EXPECT_EQ(reply.seat_granted().view().turn(), 2);
  EXPECT_EQ(reply.seat_granted().view().own().id(), "DRV");
  // The match's facts come again with every seat granted: a client that restarted has none.
  EXPECT_EQ(reply.seat_granted().facts().states_size(), 4);
  EXPECT_TRUE(reply.seat_granted().facts().has_ruleset());
  ASSERT_EQ(reply.seat_granted().missed_reports_size(), 1);
  EXPECT_EQ(reply.seat_granted().missed_reports(0).turn(), 2);
  EXPECT_EQ(reply.seat_granted().missed_reports(0).viewer(), "DRV");

  // The seat is usable again: its orders are accepted.
  pb::ClientMessage orders;
  orders.mutable_submit_orders()->set_match_id(id);
  orders.mutable_submit_orders()->mutable_orders()->set_state("DRV");
  orders.mutable_submit_orders()->mutable_orders()->set_turn(3);
  EXPECT_TRUE(again.call(orders).has_orders_accepted());

  // A wrong token takes no seat.
  m.mutable_reconnect()->set_seat_token("0123456789abcdef0123456789abcdef");
  EXPECT_EQ(error_of(again.call(m)), pb::NOT_YOUR_SEAT);
}

TEST(Match, TwoMatchesRunSideBySideWithoutInterfering) {
  TempDir data;
  TestServer server(data.path());
  Player a1(server.port(), "Anna"), a2(server.port(), "Arne");
  Player b1(server.port(), "Bea"), b2(server.port(), "Bo");
  const std::uint64_t first = a1.create("tutorial", {"KAR", "LIN"});
  const std::uint64_t second = b1.create("tutorial", {"KAR", "LIN"});
  ASSERT_NE(first, second);
  ASSERT_TRUE(a1.join(first, "KAR").has_seat_granted());
  ASSERT_TRUE(a2.join(first, "LIN").has_seat_granted());
  ASSERT_TRUE(b1.join(second, "KAR").has_seat_granted());
  ASSERT_TRUE(b2.join(second, "LIN").has_seat_granted());
  // The same seat of one match is not the same seat of the other.
  EXPECT_NE(a1.seat_token(), b1.seat_token());

  // The first match plays three turns while the second waits.
  for (int turn = 1; turn <= 3; ++turn) {
    ASSERT_TRUE(a1.submit_budget(first, turn).has_orders_accepted());
    ASSERT_TRUE(a2.submit_budget(first, turn).has_orders_accepted());
    EXPECT_EQ(a1.wait_turn().view().turn(), turn);
    EXPECT_EQ(a2.wait_turn().view().turn(), turn);
  }
  pb::ServerMessage event;
  EXPECT_FALSE(b1.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 200ms));
  // A seat of one match cannot order in the other.
  EXPECT_EQ(error_of(a1.submit_budget(second, 1)), pb::NOT_YOUR_SEAT);

  ASSERT_TRUE(b1.submit_budget(second, 1).has_orders_accepted());
  ASSERT_TRUE(b2.submit_budget(second, 1).has_orders_accepted());
  EXPECT_EQ(b1.wait_turn().view().turn(), 1);

  // Chat stays in its match.
  pb::ClientMessage chat;
  chat.mutable_send_chat()->set_match_id(first);
  chat.mutable_send_chat()->set_text("hello, first match");
  ASSERT_TRUE(a1.connection().call(chat).has_ack());
  ASSERT_TRUE(a2.connection().wait_event(pb::ServerMessage::kChat, event, 2s));
  EXPECT_EQ(event.chat().text(), "hello, first match");
  EXPECT_FALSE(b2.connection().wait_event(pb::ServerMessage::kChat, event, 200ms));
}

TEST(Match, TheMatchsFactsComeOnceWithTheSeatOrTheWatchAndTheViewsLeaveThemOut) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), watcher(server.port(), "Wanda");
  const std::uint64_t id = kar.create("tutorial", {"KAR"});
  const pb::ServerMessage granted = kar.join(id, "KAR");
  ASSERT_TRUE(granted.has_seat_granted());
  const pb::MatchFacts& facts = granted.seat_granted().facts();
  ASSERT_EQ(facts.states_size(), 4);
  EXPECT_EQ(facts.distance_km_size(), 4 * 3 / 2);
  EXPECT_FALSE(facts.ruleset().name().empty());
  EXPECT_GT(facts.borders_size(), 0);
  // Every state the view shows is one of the facts' states, the viewer's own included.
  const pb::PlayerView& view = granted.seat_granted().view();
  EXPECT_NE(std::find(facts.states().begin(), facts.states().end(), view.own().id()),
            facts.states().end());
  for (const auto& other : view.others())
    EXPECT_NE(std::find(facts.states().begin(), facts.states().end(), other.id()),
              facts.states().end());

  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage watching = watcher.connection().call(observe);
  ASSERT_TRUE(watching.has_observing());
  EXPECT_EQ(watching.observing().facts().SerializeAsString(), facts.SerializeAsString());

  // A turn's views carry neither the map nor the rules: nothing of them is in the frame.
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  const pb::TurnResolved resolved = kar.wait_turn();
  EXPECT_EQ(resolved.view().turn(), 1);
  EXPECT_EQ(resolved.view().SerializeAsString().find(facts.ruleset().name()), std::string::npos);
  pb::ServerMessage event;
  ASSERT_TRUE(watcher.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 5s));
  EXPECT_EQ(event.turn_resolved().view().SerializeAsString().find(facts.ruleset().name()),
            std::string::npos);
}

TEST(Match, ASpectatorSeesOnlyPublicInformation) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), watcher(server.port(), "Wanda");
  const std::uint64_t id = kar.create("tutorial", {"KAR"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage reply = watcher.connection().call(observe);
  ASSERT_TRUE(reply.has_observing());
  EXPECT_FALSE(reply.observing().view().has_own());
  EXPECT_EQ(reply.observing().view().proposals_size(), 0);
  EXPECT_EQ(reply.observing().view().threats_size(), 0);

  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  pb::ServerMessage event;
  ASSERT_TRUE(watcher.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 5s));
  const pb::TurnResolved& seen = event.turn_resolved();
  EXPECT_FALSE(seen.view().has_own());
  EXPECT_TRUE(seen.view().viewer().empty());
  EXPECT_EQ(seen.report().order_results_size(), 0);
  // A spectator cannot order for anyone.
  pb::OrderSet orders;
  orders.set_state("KAR");
  orders.set_turn(2);
  Player& w = watcher;
  pb::ClientMessage submit;
  submit.mutable_submit_orders()->set_match_id(id);
  *submit.mutable_submit_orders()->mutable_orders() = orders;
  EXPECT_EQ(error_of(w.connection().call(submit)), pb::NOT_YOUR_SEAT);
}

TEST(Match, TheOwnerPausesAndResumesAMatch) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());

  pb::ClientMessage pause;
  pause.mutable_pause_match()->set_match_id(id);
  pause.mutable_pause_match()->set_owner_token("not the owner's token");
  EXPECT_EQ(error_of(drv.connection().call(pause)), pb::NOT_ALLOWED);
  pause.mutable_pause_match()->set_owner_token(kar.owner_token());
  ASSERT_TRUE(kar.connection().call(pause).has_ack());
  EXPECT_EQ(error_of(drv.submit_budget(id, 1)), pb::MATCH_NOT_RUNNING);

  pb::ClientMessage resume;
  resume.mutable_resume_match()->set_match_id(id);
  resume.mutable_resume_match()->set_owner_token(kar.owner_token());
  ASSERT_TRUE(kar.connection().call(resume).has_ack());
  ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  EXPECT_EQ(kar.wait_turn().view().turn(), 1);
}

TEST(Match, ChatReachesEveryoneOrOnlyTheAddressee) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan"), lin(server.port(), "Liv");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV", "LIN"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
  ASSERT_TRUE(lin.join(id, "LIN").has_seat_granted());

  pb::ClientMessage whisper;
  whisper.mutable_send_chat()->set_match_id(id);
  whisper.mutable_send_chat()->set_to_state("LIN");
  whisper.mutable_send_chat()->set_text("Accept our guarantee.");
  ASSERT_TRUE(drv.connection().call(whisper).has_ack());
  pb::ServerMessage event;
  ASSERT_TRUE(lin.connection().wait_event(pb::ServerMessage::kChat, event, 2s));
  EXPECT_EQ(event.chat().from_state(), "DRV");
  EXPECT_EQ(event.chat().to_state(), "LIN");
  EXPECT_FALSE(kar.connection().wait_event(pb::ServerMessage::kChat, event, 200ms));
  // The sender gets its own copy, for its chat history.
  ASSERT_TRUE(drv.connection().wait_event(pb::ServerMessage::kChat, event, 2s));
  EXPECT_EQ(event.chat().text(), "Accept our guarantee.");

  pb::ClientMessage lobby;
  lobby.mutable_send_chat()->set_text("anyone for a cold war?");
  ASSERT_TRUE(kar.connection().call(lobby).has_ack());
  EXPECT_TRUE(drv.connection().wait_event(pb::ServerMessage::kChat, event, 2s));
  EXPECT_EQ(event.chat().text(), "anyone for a cold war?");

  whisper.mutable_send_chat()->set_text(std::string(501, 'x'));
  EXPECT_EQ(error_of(drv.connection().call(whisper)), pb::BAD_REQUEST);
}

}  // namespace
}  // namespace hegemon::testing

namespace hegemon::testing {
namespace {

/// Creates a tutorial match where KAR and DRV are human, with a 1 s deadline.
std::uint64_t deadline_match(Player& owner, bool bot_plays_absent) {
  pb::ClientMessage m;
  pb::CreateMatch* c = m.mutable_create_match();
  c->set_name("absentees");
  c->set_scenario("tutorial");
  for (const char* state : {"KAR", "DRV"}) {
    pb::SeatPlan* seat = c->add_seats();
    seat->set_state(state);
    seat->set_kind(pb::SEAT_HUMAN);
  }
  c->set_turn_deadline_seconds(1);
  c->set_bot_plays_absent_seats(bot_plays_absent);
  c->set_seed(7);
  const pb::ServerMessage reply = owner.connection().call(m);
  EXPECT_EQ(reply.match_created().match().bot_plays_absent_seats(), bot_plays_absent);
  return reply.match_created().match().match_id();
}

TEST(Match, AnAbsentSeatKeepsItsBudgetOrIsPlayedByTheBotAsTheMatchSays) {
  TempDir data;
  TestServer server(data.path());
  for (const bool bot : {false, true}) {
    Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
    const std::uint64_t id = deadline_match(kar, bot);
    ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
    ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
    const pb::Allocation before = drv.view().own().allocation();
    ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
    // Dragan sends nothing; the deadline resolves the turn.
    const pb::Allocation after = drv.wait_turn(5s).view().own().allocation();
    const bool unchanged = after.SerializeAsString() == before.SerializeAsString();
    EXPECT_EQ(unchanged, !bot) << (bot ? "the bot should have set a budget"
                                       : "the standing budget should have held");
  }
}

}  // namespace
}  // namespace hegemon::testing

namespace hegemon::testing {
namespace {

/// A seat coming back and a spectator arriving late get the match from its start: every view,
/// every report and the chat they may read, so their history and news are whole again.
TEST(Match, ALateSpectatorAndAReturningSeatGetTheWholeHistoryAndTheChat) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = seat_kar_and_drv(kar, drv);
  pb::ClientMessage say;
  say.mutable_send_chat()->set_match_id(id);
  say.mutable_send_chat()->set_text("good luck, all");
  ASSERT_TRUE(kar.connection().call(say).has_ack());
  say.mutable_send_chat()->set_to_state("DRV");
  say.mutable_send_chat()->set_text("just between us");
  ASSERT_TRUE(kar.connection().call(say).has_ack());
  for (int turn = 1; turn <= 3; ++turn) {
    ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    kar.wait_turn();
    drv.wait_turn();
  }

  // Karla comes back on a new connection with no report at all: views of turns 1 to 3.
  Player again(server.port(), "Karla");
  const pb::ServerMessage back = again.reconnect(id, kar.seat_token(), 0);
  ASSERT_TRUE(back.has_seat_granted()) << back.DebugString();
  const pb::SeatGranted& g = back.seat_granted();
  ASSERT_EQ(g.past_views_size(), 3);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(g.past_views(k).turn(), k + 1);
    EXPECT_EQ(g.past_views(k).viewer(), "KAR");
  }
  EXPECT_EQ(g.past_views(2).SerializeAsString(), g.view().SerializeAsString());
  EXPECT_EQ(g.missed_reports_size(), 3);
  ASSERT_EQ(g.chat_size(), 2);  // her own private message is hers to read
  EXPECT_EQ(g.chat(0).text(), "good luck, all");

  // A spectator arriving now: every public report and view since the start, the public chat.
  Player late(server.port(), "Wanda");
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage watching = late.connection().call(observe);
  ASSERT_TRUE(watching.has_observing());
  const pb::Observing& o = watching.observing();
  ASSERT_EQ(o.reports_size(), 3);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(o.reports(k).turn(), k + 1);
  ASSERT_EQ(o.past_views_size(), 4);  // the start and turns 1 to 3
  for (const auto& v : o.past_views()) EXPECT_TRUE(v.viewer().empty());
  ASSERT_EQ(o.chat_size(), 1);  // the private message is not a spectator's
  EXPECT_EQ(o.chat(0).text(), "good luck, all");
}

/// What is said in the lobby is kept: a newcomer's Welcome carries it, after a restart too.
TEST(Match, TheLobbysChatIsKeptForLateArrivalsAcrossARestart) {
  TempDir data;
  {
    TestServer server(data.path());
    Player ada(server.port(), "Ada");
    pb::ClientMessage say;
    say.mutable_send_chat()->set_text("class starts at ten");
    ASSERT_TRUE(ada.connection().call(say).has_ack());
    Player bo(server.port(), "Bo");
    ASSERT_EQ(bo.connection().welcome().lobby_chat_size(), 1);
    EXPECT_EQ(bo.connection().welcome().lobby_chat(0).from_player(), "Ada");
  }
  TestServer restarted(data.path());
  Player cy(restarted.port(), "Cy");
  ASSERT_EQ(cy.connection().welcome().lobby_chat_size(), 1);
  EXPECT_EQ(cy.connection().welcome().lobby_chat(0).text(), "class starts at ten");
}

}  // namespace
}  // namespace hegemon::testing
