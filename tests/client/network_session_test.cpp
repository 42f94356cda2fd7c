// The client's network session against a real hegemon server on 127.0.0.1: requests answered
// through poll(), a refused connection, and a dropped connection that comes back by itself and
// takes its seat back with the seat token.
#include <gtest/gtest.h>

#include <asio.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "client/app/network_session.h"
#include "test_server.h"

namespace hegemon::client {
namespace {

using namespace std::chrono_literals;


/// Polls like a frame loop until `done` or the time is up.
template <class Done>
bool poll_until(NetworkSession& session, Done done, std::chrono::milliseconds limit = 10s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    session.poll();
    if (done()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

/// Sends `message` and polls until its reply.
pb::ServerMessage ask(NetworkSession& session, pb::ClientMessage message) {
  std::optional<pb::ServerMessage> reply;
  std::string failure;
  session.send(std::move(message), [&](const pb::ServerMessage& r) { reply = r; },
               [&](const std::string& why) { failure = why; });
  EXPECT_TRUE(poll_until(session, [&] { return reply || !failure.empty(); })) << "no reply";
  EXPECT_EQ(failure, "");
  return reply.value_or(pb::ServerMessage{});
}

TEST(ReconnectDelay, GrowsAndIsCapped) {
  EXPECT_EQ(reconnect_delay(1), 500ms);
  EXPECT_EQ(reconnect_delay(2), 1000ms);
  EXPECT_EQ(reconnect_delay(4), 4000ms);
  EXPECT_EQ(reconnect_delay(6), 15000ms);
  EXPECT_EQ(reconnect_delay(50), 15000ms);
}

TEST(NetworkSession, ConnectsWithoutBlockingAndDeliversRepliesFromPoll) {
  testing::TempDir data;
  testing::TestServer server(data.path());
  NetworkSession session;
  int online = 0;
  session.set_online_handler([&](const pb::Welcome& welcome, bool again) {
    ++online;
    EXPECT_FALSE(again);
    EXPECT_FALSE(welcome.server_name().empty());
  });
  session.connect("127.0.0.1", server.port(), "Ada");
  EXPECT_EQ(session.state(), LinkState::Connecting);  // connect() returned before the handshake
  ASSERT_TRUE(poll_until(session, [&] { return session.online(); })) << session.status_text();
  EXPECT_EQ(online, 1);
  EXPECT_NE(session.status_text().find("Connected to 127.0.0.1:"), std::string::npos);

  // Going online was activity (the client draws again on it); a poll with nothing new is not.
  const std::uint64_t online_activity = session.activity();
  EXPECT_GT(online_activity, 0u);
  session.poll();
  EXPECT_EQ(session.activity(), online_activity);

  pb::ClientMessage list;
  list.mutable_list_matches();
  const pb::ServerMessage reply = ask(session, list);
  EXPECT_FALSE(reply.has_error()) << reply.DebugString();
  EXPECT_EQ(reply.match_list().matches_size(), 0);  // a fresh server has no match
  EXPECT_EQ(session.pending_requests(), 0u);
  EXPECT_GT(session.activity(), online_activity);  // the reply counted
}

TEST(NetworkSession, ARefusedConnectionIsReportedOrRetried) {
  std::uint16_t port = 0;
  {
    testing::TempDir data;
    testing::TestServer server(data.path());
    port = server.port();
  }  // nobody listens there now
  NetworkSession session;
  session.connect("127.0.0.1", port, "Ada");
  ASSERT_TRUE(poll_until(session, [&] { return session.state() != LinkState::Connecting; }));
  EXPECT_EQ(session.state(), LinkState::Offline);
  EXPECT_FALSE(session.last_error().empty());
  bool failed = false;
  pb::ClientMessage list;
  list.mutable_list_matches();
  EXPECT_FALSE(session.send(list, {}, [&](const std::string&) { failed = true; }));
  EXPECT_TRUE(failed);

  NetworkSession::Settings patient;
  patient.retry_first_connect = true;
  NetworkSession retrying(patient);
  retrying.connect("127.0.0.1", port, "Ada");
  ASSERT_TRUE(poll_until(retrying, [&] { return retrying.state() == LinkState::Waiting; }));
  EXPECT_NE(retrying.status_text().find("Trying again in"), std::string::npos)
      << retrying.status_text();
}

TEST(NetworkSession, ComesBackAfterADropAndTakesTheSeatBack) {
  testing::TempDir data;
  auto server = std::make_unique<testing::TestServer>(data.path());
  const std::uint16_t port = server->port();

  NetworkSession session;
  int connections = 0;
  bool again = false;
  session.set_online_handler([&](const pb::Welcome&, bool a) {
    ++connections;
    again = a;
  });
  session.connect("127.0.0.1", port, "Ada");
  ASSERT_TRUE(poll_until(session, [&] { return session.online(); }));

  pb::ClientMessage create;
  create.mutable_create_match()->set_name("Drop test");
  create.mutable_create_match()->set_scenario("tutorial");
  pb::SeatPlan& seat = *create.mutable_create_match()->add_seats();
  seat.set_state("LIN");
  seat.set_kind(pb::SEAT_HUMAN);
  const pb::ServerMessage created = ask(session, create);
  ASSERT_TRUE(created.has_match_created()) << created.DebugString();
  const std::uint64_t match = created.match_created().match().match_id();
  pb::ClientMessage join;
  join.mutable_join_match()->set_match_id(match);
  join.mutable_join_match()->set_state("LIN");
  const pb::ServerMessage joined = ask(session, join);
  ASSERT_TRUE(joined.has_seat_granted()) << joined.DebugString();
  const std::string token = joined.seat_granted().seat_token();

  // The server goes away: the session notices, fails nothing silently and waits to retry.
  server.reset();
  ASSERT_TRUE(poll_until(session, [&] {
    return session.state() == LinkState::Waiting || session.state() == LinkState::Connecting;
  }));
  EXPECT_FALSE(session.last_error().empty());

  // The server comes back on the same port with the same data; the session reconnects alone.
  server = std::make_unique<testing::TestServer>(data.path(), server::ServerSettings{}, port);
  ASSERT_TRUE(poll_until(session, [&] { return session.online(); }, 20s)) << session.status_text();
  EXPECT_EQ(connections, 2);
  EXPECT_TRUE(again);

  pb::ClientMessage reconnect;
  reconnect.mutable_reconnect()->set_match_id(match);
  reconnect.mutable_reconnect()->set_seat_token(token);
  const pb::ServerMessage back = ask(session, reconnect);
  ASSERT_TRUE(back.has_seat_granted()) << back.DebugString();
  EXPECT_EQ(back.seat_granted().state(), "LIN");
}

TEST(NetworkSession, EventsReachTheHandlerFromPoll) {
  testing::TempDir data;
  testing::TestServer server(data.path());
  NetworkSession session;
  std::vector<pb::ServerMessage> events;
  session.set_event_handler([&](const pb::ServerMessage& e) { events.push_back(e); });
  session.connect("127.0.0.1", server.port(), "Ada");
  ASSERT_TRUE(poll_until(session, [&] { return session.online(); }));
  pb::ClientMessage chat;
  chat.mutable_send_chat()->set_text("anyone for a tutorial match?");
  EXPECT_TRUE(ask(session, chat).has_ack());
  ASSERT_TRUE(poll_until(session, [&] { return !events.empty(); }));
  EXPECT_TRUE(events.front().has_chat());
  EXPECT_EQ(events.front().chat().text(), "anyone for a tutorial match?");

  session.disconnect();
  EXPECT_EQ(session.state(), LinkState::Offline);
}

}  // namespace
}  // namespace hegemon::client
