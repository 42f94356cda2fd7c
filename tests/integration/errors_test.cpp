// Bad input of every kind gets the promised error, is logged, and disturbs no other player.
#include <gtest/gtest.h>

#include "protocol/frame_codec.h"
#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// A match in progress whose players must carry on whatever the others do.
class ErrorsTest : public ::testing::Test {
 protected:
  ErrorsTest()
      : server_(data_.path()), kar_(server_.port(), "Karla"), drv_(server_.port(), "Dragan") {
    match_ = kar_.create("tutorial", {"KAR", "DRV"}, 0, "secret");
    EXPECT_TRUE(kar_.join(match_, "KAR", "secret").has_seat_granted());
    EXPECT_TRUE(drv_.join(match_, "DRV", "secret").has_seat_granted());
  }

  /// The innocent players still play a whole turn.
  void players_carry_on(int turn) {
    ASSERT_TRUE(kar_.submit_budget(match_, turn).has_orders_accepted());
    ASSERT_TRUE(drv_.submit_budget(match_, turn).has_orders_accepted());
    EXPECT_EQ(kar_.wait_turn().view().turn(), turn);
    EXPECT_EQ(drv_.wait_turn().view().turn(), turn);
  }

  TempDir data_;
  TestServer server_;
  Player kar_, drv_;
  std::uint64_t match_ = 0;
};

TEST_F(ErrorsTest, OrdersForAnotherSeatAreRefused) {
  pb::OrderSet orders;
  orders.set_state("DRV");
  orders.set_turn(1);
  const pb::ServerMessage reply = kar_.submit(match_, orders, true);
  EXPECT_EQ(error_of(reply), pb::NOT_YOUR_SEAT);
  EXPECT_NE(reply.error().reason().find("your seat is KAR"), std::string::npos);
  EXPECT_NE(server_.log_text().find("NOT_YOUR_SEAT"), std::string::npos);
  players_carry_on(1);
}

TEST_F(ErrorsTest, OrdersForAnotherTurnAreRefused) {
  const pb::ServerMessage reply = kar_.submit_budget(match_, 5);
  EXPECT_EQ(error_of(reply), pb::WRONG_TURN);
  EXPECT_NE(reply.error().reason().find("collecting orders for turn 1"), std::string::npos);
  EXPECT_EQ(error_of(kar_.submit_budget(match_, 0)), pb::WRONG_TURN);
  players_carry_on(1);
  // The turn just resolved cannot be ordered again.
  EXPECT_EQ(error_of(kar_.submit_budget(match_, 1)), pb::WRONG_TURN);
}

TEST_F(ErrorsTest, AWrongPasswordTakesNoSeatAndSeesNothing) {
  Player intruder(server_.port(), "Ivo");
  const pb::ServerMessage reply = intruder.join(match_, "LIN", "guess");
  EXPECT_EQ(error_of(reply), pb::WRONG_PASSWORD);
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(match_);
  observe.mutable_observe_match()->set_password("guess");
  EXPECT_EQ(error_of(intruder.connection().call(observe)), pb::WRONG_PASSWORD);
  players_carry_on(1);
}

TEST_F(ErrorsTest, ATakenSeatABotSeatAndAnUnknownStateAreRefused) {
  Player late(server_.port(), "Lena");
  EXPECT_EQ(error_of(late.join(match_, "KAR", "secret")), pb::SEAT_TAKEN);
  EXPECT_EQ(error_of(late.join(match_, "THA", "secret")), pb::NOT_ALLOWED);
  EXPECT_EQ(error_of(late.join(match_, "XYZ", "secret")), pb::NOT_FOUND);
  EXPECT_EQ(error_of(late.join(999, "KAR", "secret")), pb::NOT_FOUND);
  players_carry_on(1);
}

TEST_F(ErrorsTest, AVersionMismatchIsRefusedWithAReasonAndClosed) {
  client::ServerConnection old;
  old.open("127.0.0.1", server_.port());
  pb::ClientMessage hello;
  hello.mutable_hello()->set_protocol_version(99);
  hello.mutable_hello()->set_player_name("Oldtimer");
  const pb::ServerMessage reply = old.call(hello);
  EXPECT_EQ(error_of(reply), pb::VERSION_MISMATCH);
  EXPECT_NE(reply.error().reason().find("protocol 1"), std::string::npos);
  EXPECT_TRUE(old.wait_closed(2s));
  players_carry_on(1);
}

TEST_F(ErrorsTest, ARequestBeforeHelloIsRefused) {
  client::ServerConnection rude;
  rude.open("127.0.0.1", server_.port());
  pb::ClientMessage list;
  list.mutable_list_matches();
  EXPECT_EQ(error_of(rude.call(list)), pb::NOT_IDENTIFIED);
  players_carry_on(1);
}

TEST_F(ErrorsTest, AMalformedFrameIsRefusedAndTheConnectionClosed) {
  client::ServerConnection broken;
  broken.connect("127.0.0.1", server_.port(), "Bruno");
  // A length of 4 followed by four bytes that are no ClientMessage (an unterminated varint).
  broken.send_raw(std::string("\x04\xff\xff\xff\xff", 5));
  pb::ServerMessage event;
  ASSERT_TRUE(broken.wait_event(pb::ServerMessage::kError, event, 2s));
  EXPECT_EQ(event.error().code(), pb::MALFORMED_FRAME);
  EXPECT_TRUE(broken.wait_closed(2s));
  EXPECT_NE(server_.log_text().find("could not be read as a ClientMessage"), std::string::npos);
  players_carry_on(1);
}

TEST_F(ErrorsTest, AnOversizedFrameIsRefusedBeforeItsBodyArrives) {
  client::ServerConnection greedy;
  greedy.connect("127.0.0.1", server_.port(), "Greta");
  // Announce 64 MiB and send only the length: the server must answer without waiting for it.
  std::string header;
  for (std::uint32_t v = 64u << 20; ; v >>= 7) {
    if (v < 0x80) { header.push_back(static_cast<char>(v)); break; }
    header.push_back(static_cast<char>((v & 0x7F) | 0x80));
  }
  greedy.send_raw(header);
  pb::ServerMessage event;
  ASSERT_TRUE(greedy.wait_event(pb::ServerMessage::kError, event, 2s));
  EXPECT_EQ(event.error().code(), pb::FRAME_TOO_LARGE);
  EXPECT_TRUE(greedy.wait_closed(2s));
  players_carry_on(1);
}

TEST_F(ErrorsTest, AMessageWithNoRequestAndBadValuesAreRefused) {
  pb::ClientMessage empty;
  EXPECT_EQ(error_of(kar_.connection().call(empty)), pb::BAD_REQUEST);
  pb::ClientMessage create;
  create.mutable_create_match()->set_name("x");
  create.mutable_create_match()->set_scenario("../../etc/passwd");
  const pb::ServerMessage reply = kar_.connection().call(create);
  EXPECT_EQ(error_of(reply), pb::NOT_FOUND);
  EXPECT_NE(reply.error().reason().find("tutorial"), std::string::npos);  // lists what exists
  pb::OrderSet orders;
  orders.set_state("KAR");
  orders.set_turn(1);
  orders.add_orders()->mutable_apply_pressure()->set_target("NOWHERE");
  const pb::ServerMessage accepted = kar_.submit(match_, orders, false);
  ASSERT_TRUE(accepted.has_orders_accepted());
  EXPECT_FALSE(accepted.orders_accepted().results(0).accepted());
  EXPECT_NE(accepted.orders_accepted().results(0).reason().find("NOWHERE"), std::string::npos);
  players_carry_on(1);
}

}  // namespace
}  // namespace hegemon::testing
