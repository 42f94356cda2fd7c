// What the server acknowledged survives: a kill at any instant, a restart, a disk that refuses.
#include <gtest/gtest.h>

#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

pb::Allocation defense_heavy() {
  pb::Allocation a;
  a.set_territorial_defense(4000);
  a.set_power_projection(500);
  a.set_economy(1500);
  a.set_welfare(2500);
  a.set_research(500);
  a.set_diplomacy(500);
  a.set_intelligence(500);
  return a;
}

TEST(Durability, AServerKilledRightAfterAcknowledgingOrdersRestartsWithThemAndFinishesTheMatch) {
  TempDir data;
  std::uint64_t id = 0;
  std::string kar_token, drv_token;
  {
    ServerProcess server(data.path());
    Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
    id = seat_kar_and_drv(kar, drv);
    kar_token = kar.seat_token();
    drv_token = drv.seat_token();
    // One turn resolves, then Karla's orders for turn 2 are acknowledged and the server dies.
    ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
    kar.wait_turn();
    const pb::ServerMessage ack = kar.submit(id, budget("KAR", 2, defense_heavy()), true);
    ASSERT_TRUE(ack.has_orders_accepted());
    server.kill_now();
  }
  ServerProcess restarted(data.path());
  Player kar(restarted.port(), "Karla"), drv(restarted.port(), "Dragan");
  for (auto [player, token] : {std::pair{&kar, kar_token}, std::pair{&drv, drv_token}}) {
    const pb::ServerMessage reply = player->reconnect(id, token, 1);
    ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
    EXPECT_EQ(reply.seat_granted().view().turn(), 1);  // the resolved turn survived
  }
  // Karla's acknowledged orders (and her readiness) are still there: Dragan's readiness alone
  // resolves turn 2, with her defense-heavy budget.
  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage matches = kar.connection().call(list);
  ASSERT_EQ(matches.match_list().matches_size(), 1);
  for (const auto& seat : matches.match_list().matches(0).seats())
    if (seat.state() == "KAR") {
      EXPECT_TRUE(seat.ready());
    }
  ASSERT_TRUE(drv.submit(id, budget("DRV", 2, defense_heavy()), true).has_orders_accepted());
  const pb::TurnResolved second = kar.wait_turn();
  EXPECT_EQ(second.view().turn(), 2);
  EXPECT_EQ(second.view().own().allocation().territorial_defense(), 4000);
  drv.wait_turn();

  // And the match goes on to its end.
  for (int turn = 3; turn <= 20; ++turn) {
    ASSERT_TRUE(kar.submit(id, budget("KAR", turn, defense_heavy()), true).has_orders_accepted());
    ASSERT_TRUE(drv.submit(id, budget("DRV", turn, defense_heavy()), true).has_orders_accepted());
    kar.wait_turn();
    drv.wait_turn();
  }
  EXPECT_TRUE(kar.view().ended());
}

TEST(Durability, AServerKilledAroundTheLastTurnGivesEverySeatTheLastReportAfterARestart) {
  TempDir data;
  std::uint64_t id = 0;
  std::string kar_token, drv_token;
  int turns = 0;
  {
    ServerProcess server(data.path());
    Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
    id = seat_kar_and_drv(kar, drv);
    kar_token = kar.seat_token();
    drv_token = drv.seat_token();
    turns = kar.view().turns();
    for (int turn = 1; turn < turns; ++turn) {
      ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
      ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
      kar.wait_turn();
      drv.wait_turn();
    }
    // The last turn's orders are acknowledged, and the server dies while that turn is being
    // resolved, stored or announced.
    ASSERT_TRUE(kar.submit_budget(id, turns).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turns).has_orders_accepted());
    server.kill_now();
  }
  // Whether the last turn was stored before the kill (the match is over) or not (the restart
  // resolves it), each seat gets its report of it and never NOT_FOUND.
  ServerProcess restarted(data.path());
  Player kar(restarted.port(), "Karla"), drv(restarted.port(), "Dragan");
  for (auto [player, token] : {std::pair{&kar, kar_token}, std::pair{&drv, drv_token}}) {
    const pb::ServerMessage reply = player->reconnect(id, token, turns - 1);
    ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
    if (reply.seat_granted().missed_reports_size() == 0) {
      EXPECT_EQ(player->wait_turn().report().turn(), turns);
    } else {
      ASSERT_EQ(reply.seat_granted().missed_reports_size(), 1);
      EXPECT_EQ(reply.seat_granted().missed_reports(0).turn(), turns);
    }
  }
  EXPECT_TRUE(kar.view().ended());
}

TEST(Durability, ARestartedServerResumesEveryUnfinishedMatchWhereItStood) {
  TempDir data;
  std::uint64_t first = 0, second = 0;
  std::string token;
  {
    TestServer server(data.path());
    Player kar(server.port(), "Karla");
    first = kar.create("tutorial", {"KAR"});
    second = kar.create("cold_war_1949", {"FIN"});
    ASSERT_TRUE(kar.join(first, "KAR").has_seat_granted());
    token = kar.seat_token();
    for (int turn = 1; turn <= 3; ++turn) {
      ASSERT_TRUE(kar.submit_budget(first, turn).has_orders_accepted());
      kar.wait_turn();
    }
  }
  TestServer again(data.path());
  Player kar(again.port(), "Karla");
  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage matches = kar.connection().call(list);
  ASSERT_EQ(matches.match_list().matches_size(), 2);
  EXPECT_EQ(matches.match_list().matches(0).match_id(), first);
  EXPECT_EQ(matches.match_list().matches(0).turn(), 3);
  EXPECT_EQ(matches.match_list().matches(1).match_id(), second);
  EXPECT_EQ(matches.match_list().matches(1).turn(), 0);
  // New matches get new ids.
  EXPECT_GT(kar.create("tutorial", {"KAR"}), second);
  const pb::ServerMessage reply = kar.reconnect(first, token, 0);
  ASSERT_TRUE(reply.has_seat_granted());
  EXPECT_EQ(reply.seat_granted().missed_reports_size(), 3);
}

TEST(Durability, ADatabaseThatCannotBeWrittenMakesTheServerRefuseOrdersNeverAcknowledgeThem) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"});
  ASSERT_TRUE(kar.join(id, "KAR").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "DRV").has_seat_granted());
  server.on_server_thread([](server::Server& s) { s.store().set_read_only(true); });

  const pb::ServerMessage refused = kar.submit_budget(id, 1);
  EXPECT_EQ(error_of(refused), pb::STORAGE_UNAVAILABLE);
  EXPECT_NE(refused.error().reason().find("not accepted"), std::string::npos);
  EXPECT_NE(server.log_text().find("writes of a commit failed"), std::string::npos);
  // Nothing was taken: Dragan's readiness does not resolve the turn on Karla's refused orders.
  EXPECT_EQ(error_of(drv.submit_budget(id, 1)), pb::STORAGE_UNAVAILABLE);
  pb::ServerMessage event;
  EXPECT_FALSE(kar.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 300ms));

  // Once the disk takes writes again, the same orders go through.
  server.on_server_thread([](server::Server& s) { s.store().set_read_only(false); });
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
  EXPECT_EQ(kar.wait_turn().view().turn(), 1);
}

TEST(Durability, OrdersArrivingTogetherShareCommits) {
  TempDir data;
  TestServer server(data.path());
  constexpr int kPlayers = 3;
  Player owner(server.port(), "Owner");
  const std::uint64_t id = owner.create("tutorial", {"KAR", "DRV", "LIN"});
  std::vector<std::unique_ptr<Player>> players;
  const char* states[] = {"KAR", "DRV", "LIN"};
  for (int i = 0; i < kPlayers; ++i) {
    players.push_back(std::make_unique<Player>(server.port(), std::string("P") + states[i]));
    ASSERT_TRUE(players.back()->join(id, states[i]).has_seat_granted());
  }
  std::uint64_t before = 0;
  server.on_server_thread([&](server::Server& s) { before = s.store().commits(); });
  // Many order sets sent at once, without waiting for each reply.
  std::vector<std::future<pb::ServerMessage>> replies;
  for (int round = 0; round < 20; ++round)
    for (auto& p : players) {
      pb::ClientMessage m;
      m.mutable_submit_orders()->set_match_id(id);
      m.mutable_submit_orders()->mutable_orders()->set_state(p->state());
      m.mutable_submit_orders()->mutable_orders()->set_turn(1);
      replies.push_back(p->connection().request(m));
    }
  for (auto& r : replies) ASSERT_TRUE(r.get().has_orders_accepted());
  std::uint64_t after = 0;
  server.on_server_thread([&](server::Server& s) { after = s.store().commits(); });
  EXPECT_LT(after - before, replies.size());  // fewer commits than acknowledged writes
}

}  // namespace
}  // namespace hegemon::testing
