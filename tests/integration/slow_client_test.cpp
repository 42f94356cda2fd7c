// A client that never reads what it is sent, or that floods the server with requests, cannot
// hold up anyone else.
#include <gtest/gtest.h>

#include <asio.hpp>

#include <future>
#include <memory>
#include <vector>

#include "protocol/frame_codec.h"
#include "player.h"
#include "raw_connection.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

TEST(SlowClient, AClientThatStopsReadingIsCutOffWhileTheOthersPlayOn) {
  TempDir data;
  server::ServerSettings settings;
  settings.session.max_outbox = 64 * 1024;
  TestServer server(data.path(), settings);
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = kar.create("cold_war_1949", {"USA", "SU"});
  ASSERT_TRUE(kar.join(id, "USA").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "SU").has_seat_granted());

  // A raw connection that says hello, then asks for views it never reads.
  asio::io_context io;
  asio::ip::tcp::socket sloth(io);
  sloth.connect({asio::ip::make_address("127.0.0.1"), server.port()});
  pb::ClientMessage hello;
  hello.set_request_id(1);
  hello.mutable_hello()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  hello.mutable_hello()->set_player_name("Sloth");
  std::string burst = net::encode_frame(hello);
  pb::ClientMessage observe;
  observe.set_request_id(2);
  observe.mutable_observe_match()->set_match_id(id);
  burst += net::encode_frame(observe);
  for (std::uint64_t i = 0; i < 3000; ++i) {
    pb::ClientMessage view;
    view.set_request_id(3 + i);
    view.mutable_get_view()->set_match_id(id);
    burst += net::encode_frame(view);
  }
  std::error_code ec;
  asio::write(sloth, asio::buffer(burst), ec);  // it may be cut off before all of it is written

  // The players of the match carry on, turn after turn.
  for (int turn = 1; turn <= 3; ++turn) {
    ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    EXPECT_EQ(kar.wait_turn(5s).view().turn(), turn);
    EXPECT_EQ(drv.wait_turn(5s).view().turn(), turn);
  }
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (server.log_text().find("behind in reading; disconnecting it") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(20ms);
  EXPECT_NE(server.log_text().find("(Sloth)"), std::string::npos);
  EXPECT_NE(server.log_text().find("behind in reading; disconnecting it"), std::string::npos);
}

TEST(SlowClient, AListenerCutOffWhileEveryoneIsBeingSentTheSameChatLeavesTheOthersServed) {
  TempDir data;
  server::ServerSettings settings;
  settings.session.max_outbox = 64 * 1024;
  settings.session.requests_per_second = 0;
  TestServer server(data.path(), settings);
  // Listeners before and after the sloth in the lobby's audience, so that it falls behind in
  // the middle of delivering one message to all of them.
  std::vector<std::unique_ptr<Player>> listeners;
  for (int i = 0; i < 3; ++i)
    listeners.push_back(std::make_unique<Player>(server.port(), "Listener" + std::to_string(i)));
  RawConnection sloth(server.port());
  ASSERT_TRUE(sloth.hello("Sloth"));
  for (int i = 3; i < 6; ++i)
    listeners.push_back(std::make_unique<Player>(server.port(), "Listener" + std::to_string(i)));
  Player talker(server.port(), "Talker");

  pb::ClientMessage chat;
  chat.mutable_send_chat()->set_text(std::string(500, 'x'));
  const auto cut_off = [&] {
    return server.log_text().find("(Sloth) from") != std::string::npos &&
           server.log_text().find("behind in reading; disconnecting it") != std::string::npos;
  };
  // The kernel's buffers take a few MiB before the server's own queue for the sloth grows.
  // Fifty at a time: what one turn of the loop queues for a connection that does read stays
  // well under its limit.
  for (int round = 0; round < 600 && !cut_off(); ++round) {
    auto replies = talker.connection().request_together(std::vector<pb::ClientMessage>(50, chat));
    for (auto& reply : replies) {
      ASSERT_EQ(reply.wait_for(10s), std::future_status::ready);
      ASSERT_TRUE(reply.get().has_ack());
    }
  }
  EXPECT_TRUE(cut_off());
  // Everyone else is still served, and hears the lobby.
  chat.mutable_send_chat()->set_text("still here?");
  ASSERT_TRUE(talker.connection().call(chat).has_ack());
  for (auto& listener : listeners) {
    pb::ServerMessage event;
    bool heard = false;
    while (!heard && listener->connection().wait_event(pb::ServerMessage::kChat, event, 10s))
      heard = event.chat().text() == "still here?";
    EXPECT_TRUE(heard);
  }
  Player late(server.port(), "Late");
  pb::ClientMessage list;
  list.mutable_list_matches();
  EXPECT_TRUE(late.connection().call(list).has_match_list());
}

TEST(SlowClient, AClientThatFloodsTheServerIsRateLimitedWhileTheOthersPlayOn) {
  TempDir data;
  TestServer server(data.path());
  Player kar(server.port(), "Karla"), drv(server.port(), "Dragan");
  const std::uint64_t id = kar.create("cold_war_1949", {"USA", "SU"});
  ASSERT_TRUE(kar.join(id, "USA").has_seat_granted());
  ASSERT_TRUE(drv.join(id, "SU").has_seat_granted());

  client::ServerConnection flood;
  flood.connect("127.0.0.1", server.port(), "Flood");
  std::vector<std::future<pb::ServerMessage>> replies;
  for (int i = 0; i < 1000; ++i) {
    pb::ClientMessage view;
    view.mutable_get_view()->set_match_id(id);
    replies.push_back(flood.request(view));
  }
  ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
  ASSERT_TRUE(drv.submit_budget(id, 1).has_orders_accepted());
  EXPECT_EQ(kar.wait_turn(5s).view().turn(), 1);

  int answered = 0, limited = 0;
  for (auto& r : replies) {
    const pb::ServerMessage m = r.get();
    if (m.has_view()) ++answered;
    if (error_of(m) == pb::RATE_LIMITED) ++limited;
  }
  EXPECT_EQ(answered + limited, 1000);  // every request answered, the excess refused
  EXPECT_GE(answered, 199);             // the burst is served (less the token its Hello took)
  EXPECT_GT(limited, 500);
  EXPECT_NE(server.log_text().find("(Flood) from"), std::string::npos);
  EXPECT_NE(server.log_text().find("refusing the excess"), std::string::npos);
}

}  // namespace
}  // namespace hegemon::testing
