// Storage seen from the wire: one failed write fails only itself within a group commit, reports
// are read from the database when a seat comes back (after a restart too), and what the server
// keeps in memory stays flat from turn to turn.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <future>

#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// Runs SQL on the server's database file through a connection of the test's own.
void run_sql(const std::filesystem::path& data, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((data / "hegemon.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

/// SELECT COUNT(*) FROM `from` on the server's database.
std::int64_t count_rows(const std::filesystem::path& data, const std::string& from) {
  sqlite3* db = nullptr;
  sqlite3_open((data / "hegemon.sqlite").c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + from).c_str(), -1, &q, nullptr);
  const std::int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(db);
  return n;
}

/// The stored reports of `state` in `match`, by turn, as the database holds them.
std::vector<std::string> stored_reports(const std::filesystem::path& data, std::uint64_t match,
                                        const std::string& state) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  sqlite3_open((data / "hegemon.sqlite").c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT report FROM reports WHERE match_id = ? AND state = ? ORDER BY turn",
                     -1, &q, nullptr);
  sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(match));
  sqlite3_bind_text(q, 2, state.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(q) == SQLITE_ROW)
    out.emplace_back(static_cast<const char*>(sqlite3_column_blob(q, 0)),
                     static_cast<std::size_t>(sqlite3_column_bytes(q, 0)));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

pb::ClientMessage budget_request(std::uint64_t match, const std::string& state, int turn) {
  pb::ClientMessage m;
  m.mutable_submit_orders()->set_match_id(match);
  m.mutable_submit_orders()->mutable_orders()->set_state(state);
  m.mutable_submit_orders()->mutable_orders()->set_turn(turn);
  return m;
}

std::size_t held_bytes(TestServer& server) {
  std::size_t bytes = 0;
  server.on_server_thread([&](server::Server& s) { bytes = s.lobby().held_bytes(); });
  return bytes;
}

TEST(Storage, OneMatchsFailedWriteLeavesAnotherMatchsWriteInTheSameCommitAcknowledged) {
  TempDir data;
  TestServer server(data.path());
  Player owner(server.port(), "Owner");
  const std::uint64_t kept = owner.create("tutorial", {"KAR"});
  const std::uint64_t refused = owner.create("tutorial", {"KAR"});
  Player a(server.port(), "A"), b(server.port(), "B");
  ASSERT_TRUE(a.join(kept, "KAR").has_seat_granted());
  ASSERT_TRUE(b.join(refused, "KAR").has_seat_granted());
  // The disk refuses every order of the second match, and only those.
  run_sql(data.path(), "CREATE TRIGGER refuse_match BEFORE INSERT ON order_log WHEN NEW.match_id = " +
                           std::to_string(refused) +
                           " BEGIN SELECT RAISE(ABORT, 'refused for this match'); END;");

  std::uint64_t before = 0, after = 0;
  server.on_server_thread([&](server::Server& s) { before = s.store().commits(); });
  std::vector<std::future<pb::ServerMessage>> kept_replies, refused_replies;
  for (int round = 0; round < 30; ++round) {
    kept_replies.push_back(a.connection().request(budget_request(kept, "KAR", 1)));
    refused_replies.push_back(b.connection().request(budget_request(refused, "KAR", 1)));
  }
  for (auto& r : kept_replies) {
    const pb::ServerMessage reply = r.get();
    EXPECT_TRUE(reply.has_orders_accepted()) << reply.DebugString();
  }
  for (auto& r : refused_replies) {
    const pb::ServerMessage reply = r.get();
    EXPECT_EQ(error_of(reply), pb::STORAGE_UNAVAILABLE) << reply.DebugString();
    EXPECT_NE(reply.error().reason().find("refused for this match"), std::string::npos);
  }
  server.on_server_thread([&](server::Server& s) { after = s.store().commits(); });
  // The writes shared commits: the refused ones were in the same transactions as the kept ones.
  EXPECT_LT(after - before, kept_replies.size());

  // The log holds every acknowledged set and none of the refused ones.
  EXPECT_EQ(count_rows(data.path(), "order_log WHERE match_id = " + std::to_string(kept)), 30);
  EXPECT_EQ(count_rows(data.path(), "order_log WHERE match_id = " + std::to_string(refused)), 0);
}

TEST(Storage, AReconnectingSeatGetsItsReportsFromTheDatabaseAlsoAfterARestart) {
  TempDir data;
  std::uint64_t id = 0;
  std::string token;
  std::vector<pb::TurnReport> seen;  // the reports Dragan received as the turns resolved
  {
    TestServer server(data.path());
    Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
    id = seat_kar_and_drv(kar, drv);
    token = drv.seat_token();
    for (int turn = 1; turn <= 3; ++turn) {
      ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
      ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
      kar.wait_turn();
      seen.push_back(drv.wait_turn().report());
    }
    // The reports the server sent are the ones it stored.
    const std::vector<std::string> stored = stored_reports(data.path(), id, "DRV");
    ASSERT_EQ(stored.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(stored[i], seen[i].SerializeAsString());

    Player again(server.port(), "Dragan");
    const pb::ServerMessage reply = again.reconnect(id, token, 1);
    ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
    ASSERT_EQ(reply.seat_granted().missed_reports_size(), 2);
    EXPECT_EQ(reply.seat_granted().missed_reports(0).SerializeAsString(), stored[1]);
    EXPECT_EQ(reply.seat_granted().missed_reports(1).SerializeAsString(), stored[2]);
  }
  TestServer restarted(data.path());
  Player drv(restarted.port(), "Dragan");
  const pb::ServerMessage reply = drv.reconnect(id, token, 0);
  ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
  ASSERT_EQ(reply.seat_granted().missed_reports_size(), 3);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(reply.seat_granted().missed_reports(i).SerializeAsString(),
              seen[i].SerializeAsString());
  EXPECT_EQ(reply.seat_granted().view().turn(), 3);
}

TEST(Storage, WhatTheServerKeepsInMemoryStaysFlatFromTurnToTurn) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = seat_kar_and_drv(kar, drv);
  Player watcher(server.port(), "Watcher");
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  ASSERT_TRUE(watcher.connection().call(observe).has_observing());
  std::vector<std::size_t> held;
  for (int turn = 1; turn <= 14; ++turn) {
    ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    kar.wait_turn();
    drv.wait_turn();
    held.push_back(held_bytes(server));
  }
  // Every turn adds a report per seat to the database, none to memory: the world's numbers
  // change, its size hardly does.
  for (std::size_t turn = 3; turn < held.size(); ++turn) {
    EXPECT_LE(held[turn], held[1] + held[1] / 20) << "after turn " << turn + 1;
    EXPECT_GE(held[turn], held[1] - held[1] / 20) << "after turn " << turn + 1;
  }
}

TEST(Storage, AFinishedMatchLeavesMemoryAndIsStillListedAndServedFromTheDatabase) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = seat_kar_and_drv(kar, drv);
  std::size_t playing = 0;
  pb::TurnResolved last;
  for (int turn = 1; !kar.view().ended(); ++turn) {
    ASSERT_LE(turn, 40);
    ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    last = kar.wait_turn();
    drv.wait_turn();
    if (turn == 2) playing = held_bytes(server);
  }
  const int turns = last.view().turn();
  // Over: the match keeps its summary and its seats, not its world.
  const std::size_t finished = held_bytes(server);
  EXPECT_LT(finished * 2, playing) << finished << " bytes finished, " << playing << " playing";
  bool retired = false;
  server.on_server_thread([&](server::Server& s) { retired = s.lobby().find(id)->retired(); });
  EXPECT_TRUE(retired);

  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage listed = kar.connection().call(list);
  ASSERT_EQ(listed.match_list().matches_size(), 1);
  EXPECT_EQ(listed.match_list().matches(0).status(), pb::MATCH_FINISHED);
  EXPECT_EQ(listed.match_list().matches(0).turn(), turns);

  // A seat that comes back gets the last view and every report it asks for, from the database.
  Player again(server.port(), "Dragan");
  const pb::ServerMessage reply = again.reconnect(id, drv.seat_token(), 0);
  ASSERT_TRUE(reply.has_seat_granted()) << reply.DebugString();
  EXPECT_EQ(reply.seat_granted().view().turn(), turns);
  EXPECT_TRUE(reply.seat_granted().view().ended());
  EXPECT_EQ(reply.seat_granted().missed_reports_size(), turns);
  // A spectator and a view request are served too.
  Player watcher(server.port(), "Watcher");
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage watching = watcher.connection().call(observe);
  ASSERT_TRUE(watching.has_observing()) << watching.DebugString();
  EXPECT_EQ(watching.observing().view().turn(), turns);
  pb::ClientMessage view;
  view.mutable_get_view()->set_match_id(id);
  const pb::ServerMessage seen = kar.connection().call(view);
  ASSERT_TRUE(seen.has_view()) << seen.DebugString();
  EXPECT_EQ(seen.view().own().id(), "KAR");
  EXPECT_EQ(seen.view().turn(), turns);
}

}  // namespace
}  // namespace hegemon::testing
