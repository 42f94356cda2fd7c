// Every refusal the request table makes, on real sockets: a request without the standing it
// needs is refused with one code and one sentence whichever request it was.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "player.h"
#include "raw_connection.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// One request of every kind that names `match`, except Hello.
std::vector<pb::ClientMessage> every_request(std::uint64_t match) {
  std::vector<std::function<void(pb::ClientMessage&)>> fill = {
      [](pb::ClientMessage& m) { m.mutable_ping()->set_nonce(7); },
      [](pb::ClientMessage& m) { m.mutable_list_matches(); },
      [](pb::ClientMessage& m) { m.mutable_list_scenarios(); },
      [](pb::ClientMessage& m) {
        m.mutable_create_match()->set_name("x");
        m.mutable_create_match()->set_scenario("tutorial");
      },
      [&](pb::ClientMessage& m) {
        m.mutable_join_match()->set_match_id(match);
        m.mutable_join_match()->set_state("LIN");
      },
      [&](pb::ClientMessage& m) { m.mutable_reconnect()->set_match_id(match); },
      [&](pb::ClientMessage& m) { m.mutable_observe_match()->set_match_id(match); },
      [&](pb::ClientMessage& m) { m.mutable_leave_match()->set_match_id(match); },
      [&](pb::ClientMessage& m) { m.mutable_get_view()->set_match_id(match); },
      [&](pb::ClientMessage& m) {
        m.mutable_submit_orders()->set_match_id(match);
        m.mutable_submit_orders()->mutable_orders()->set_state("KAR");
        m.mutable_submit_orders()->mutable_orders()->set_turn(1);
      },
      [&](pb::ClientMessage& m) { m.mutable_set_ready()->set_match_id(match); },
      [&](pb::ClientMessage& m) { m.mutable_pause_match()->set_match_id(match); },
      [&](pb::ClientMessage& m) { m.mutable_resume_match()->set_match_id(match); },
      [&](pb::ClientMessage& m) {
        m.mutable_send_chat()->set_match_id(match);
        m.mutable_send_chat()->set_text("hello");
      },
  };
  std::vector<pb::ClientMessage> out(fill.size());
  for (std::size_t i = 0; i < fill.size(); ++i) fill[i](out[i]);
  return out;
}

class DispatchTest : public ::testing::Test {
 protected:
  DispatchTest() : server_(data_.path()), kar_(server_.port(), "Karla"), drv_(server_.port(), "Dragan") {
    match_ = seat_kar_and_drv(kar_, drv_);
  }

  TempDir data_;
  TestServer server_;
  Player kar_, drv_;
  std::uint64_t match_ = 0;
};

TEST_F(DispatchTest, EveryRequestBeforeHelloIsRefusedInOneWording) {
  RawConnection anonymous(server_.port());
  std::string first_reason;
  std::uint64_t id = 1;
  for (const pb::ClientMessage& request : every_request(match_)) {
    anonymous.send(request, id);
    const auto reply = anonymous.read();
    ASSERT_TRUE(reply) << request.DebugString();
    EXPECT_EQ(reply->request_id(), id);
    ASSERT_EQ(error_of(*reply), pb::NOT_IDENTIFIED) << request.DebugString();
    EXPECT_NE(reply->error().reason().find("say Hello first"), std::string::npos);
    if (first_reason.empty()) first_reason = reply->error().reason();
    EXPECT_EQ(reply->error().reason(), first_reason);
    ++id;
  }
  // Still open, and Hello works after all that.
  EXPECT_TRUE(anonymous.hello("Late"));
}

TEST_F(DispatchTest, ASecondHelloIsRefusedAndChangesNothing) {
  RawConnection twice(server_.port());
  ASSERT_TRUE(twice.hello("Once"));
  pb::ClientMessage hello;
  hello.mutable_hello()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  hello.mutable_hello()->set_player_name("Twice");
  twice.send(hello, 2);
  const auto reply = twice.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(error_of(*reply), pb::BAD_REQUEST);
  EXPECT_NE(reply->error().reason().find("already said hello"), std::string::npos);
}

TEST_F(DispatchTest, EveryRequestNamingAnUnknownMatchGetsNotFound) {
  RawConnection lost(server_.port());
  ASSERT_TRUE(lost.hello("Lost"));
  std::uint64_t id = 10;
  int match_requests = 0;
  for (const pb::ClientMessage& request : every_request(999)) {
    lost.send(request, id);
    const auto reply = lost.read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->request_id(), id);
    if (reply->has_error() && reply->error().code() == pb::NOT_FOUND &&
        reply->error().reason().find("there is no match 999") != std::string::npos)
      ++match_requests;
    ++id;
  }
  // Join, reconnect, observe, leave, view, orders, ready, pause, resume and chat name a match.
  EXPECT_EQ(match_requests, 10);
}

TEST_F(DispatchTest, OrdersReadinessAndPrivateChatNeedASeatInThatMatch) {
  Player spectator(server_.port(), "Sven");
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(match_);
  ASSERT_TRUE(spectator.connection().call(observe).has_observing());

  pb::ClientMessage ready;
  ready.mutable_set_ready()->set_match_id(match_);
  ready.mutable_set_ready()->set_ready(true);
  pb::ClientMessage whisper;
  whisper.mutable_send_chat()->set_match_id(match_);
  whisper.mutable_send_chat()->set_to_state("KAR");
  whisper.mutable_send_chat()->set_text("psst");
  pb::OrderSet orders;
  orders.set_state("KAR");
  orders.set_turn(1);
  const std::vector<pb::ServerMessage> replies = {
      spectator.submit(match_, orders, true), spectator.connection().call(ready),
      spectator.connection().call(whisper)};
  const std::string expected = "this connection holds no seat in match " +
                               std::to_string(match_) + "; join a seat or reconnect first";
  for (const auto& reply : replies) {
    EXPECT_EQ(error_of(reply), pb::NOT_YOUR_SEAT);
    EXPECT_EQ(reply.error().reason(), expected);
  }
  // A seat of another match is no seat of this one.
  Player other(server_.port(), "Otto");
  const std::uint64_t elsewhere = other.create("tutorial", {"KAR"});
  ASSERT_TRUE(other.join(elsewhere, "KAR").has_seat_granted());
  EXPECT_EQ(error_of(other.submit_budget(match_, 1)), pb::NOT_YOUR_SEAT);
  // The seat holders are not disturbed.
  EXPECT_TRUE(kar_.submit_budget(match_, 1).has_orders_accepted());
}

TEST_F(DispatchTest, PauseAndResumeNeedTheOwnerToken) {
  std::string first_reason;
  for (const bool pause : {true, false}) {
    for (const std::string& token : {std::string(), std::string("not-the-token")}) {
      pb::ClientMessage m;
      if (pause) {
        m.mutable_pause_match()->set_match_id(match_);
        m.mutable_pause_match()->set_owner_token(token);
      } else {
        m.mutable_resume_match()->set_match_id(match_);
        m.mutable_resume_match()->set_owner_token(token);
      }
      const pb::ServerMessage reply = drv_.connection().call(m);
      EXPECT_EQ(error_of(reply), pb::NOT_ALLOWED);
      EXPECT_NE(reply.error().reason().find("only the owner of match"), std::string::npos);
      if (first_reason.empty()) first_reason = reply.error().reason();
      EXPECT_EQ(reply.error().reason(), first_reason);
    }
  }
  // The owner's token works from any connection, the owner's seat or not.
  pb::ClientMessage pause;
  pause.mutable_pause_match()->set_match_id(match_);
  pause.mutable_pause_match()->set_owner_token(kar_.owner_token());
  EXPECT_TRUE(drv_.connection().call(pause).has_ack());
}

TEST_F(DispatchTest, AnEnvelopeWithoutARequestIsABadRequest) {
  RawConnection blank(server_.port());
  ASSERT_TRUE(blank.hello("Blank"));
  // request_id 4 and field 60, which no ClientMessage body has: an envelope with no request.
  blank.send_raw(std::string("\x05\x08\x04\xe0\x03\x01", 6));
  const auto reply = blank.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->request_id(), 4u);
  EXPECT_EQ(error_of(*reply), pb::BAD_REQUEST);
  EXPECT_NE(reply->error().reason().find("no request in it"), std::string::npos);
  EXPECT_FALSE(blank.hello("Again"));  // a second Hello: refused, and the connection lives
}

}  // namespace
}  // namespace hegemon::testing
