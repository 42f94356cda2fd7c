// What protocol/README.md promises, checked on real sockets frame by frame: replies before the
// events they cause, per-order verdicts, the scenario list, private messages nobody can read,
// and request id 0.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "player.h"
#include "raw_connection.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

/// The frames up to and including the reply to `request_id`.
std::vector<pb::ServerMessage> frames_until_reply(RawConnection& c, std::uint64_t request_id) {
  std::vector<pb::ServerMessage> out;
  while (auto frame = c.read()) {
    out.push_back(*frame);
    if (frame->request_id() == request_id) return out;
  }
  ADD_FAILURE() << "no reply to request " << request_id;
  return out;
}

pb::ClientMessage chat(std::uint64_t match, const std::string& to_state, const std::string& text) {
  pb::ClientMessage m;
  m.mutable_send_chat()->set_match_id(match);
  m.mutable_send_chat()->set_to_state(to_state);
  m.mutable_send_chat()->set_text(text);
  return m;
}

class ProtocolTest : public ::testing::Test {
 protected:
  ProtocolTest() : server_(data_.path()) {}

  /// A raw connection holding `state` of `match`.
  std::unique_ptr<RawConnection> seated(std::uint64_t match, const std::string& state) {
    auto c = std::make_unique<RawConnection>(server_.port());
    EXPECT_TRUE(c->hello("Raw " + state));
    pb::ClientMessage join;
    join.mutable_join_match()->set_match_id(match);
    join.mutable_join_match()->set_state(state);
    c->send(join, 2);
    EXPECT_TRUE(frames_until_reply(*c, 2).back().has_seat_granted());
    return c;
  }

  TempDir data_;
  TestServer server_;
};

TEST_F(ProtocolTest, TheAckOfAChatComesBeforeTheChatItCauses) {
  Player owner(server_.port(), "Olga");
  const std::uint64_t match = owner.create("tutorial", {"KAR", "DRV"});
  auto kar = seated(match, "KAR");
  Player drv(server_.port(), "Dragan");
  ASSERT_TRUE(drv.join(match, "DRV").has_seat_granted());

  std::uint64_t id = 10;
  for (const pb::ClientMessage& message :
       {chat(0, "", "lobby"), chat(match, "", "public"), chat(match, "DRV", "private"),
        chat(match, "KAR", "to myself")}) {
    // Whatever else was on its way (seat updates) is read first.
    while (kar->read(std::chrono::milliseconds(100))) {
    }
    kar->send(message, id);
    const auto reply = kar->read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->request_id(), id) << "the first frame after a chat is its reply";
    EXPECT_TRUE(reply->has_ack()) << reply->DebugString();
    const auto event = kar->read();
    ASSERT_TRUE(event) << "the sender receives its own message too";
    EXPECT_EQ(event->request_id(), 0u);
    ASSERT_TRUE(event->has_chat());
    EXPECT_EQ(event->chat().text(), message.send_chat().text());
    ++id;
  }
}

TEST_F(ProtocolTest, ASeatAndReadinessAreAnsweredBeforeTheUpdatesTheyCause) {
  Player owner(server_.port(), "Olga");
  const std::uint64_t match = owner.create("tutorial", {"KAR", "DRV"});
  RawConnection kar(server_.port());
  ASSERT_TRUE(kar.hello("Karla"));
  pb::ClientMessage join;
  join.mutable_join_match()->set_match_id(match);
  join.mutable_join_match()->set_state("KAR");
  kar.send(join, 2);
  auto first = kar.read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->request_id(), 2u);
  EXPECT_TRUE(first->has_seat_granted());
  auto second = kar.read();
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->has_match_update()) << second->DebugString();
  EXPECT_EQ(second->match_update().what(), "Karla took Karvonian Federation");

  pb::ClientMessage ready;
  ready.mutable_set_ready()->set_match_id(match);
  ready.mutable_set_ready()->set_ready(true);
  kar.send(ready, 3);
  first = kar.read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->request_id(), 3u);
  EXPECT_TRUE(first->has_ack()) << first->DebugString();
  second = kar.read();
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->has_match_update());
  EXPECT_NE(second->match_update().what().find("is ready"), std::string::npos);
}

TEST_F(ProtocolTest, ASetIsAcceptedWithAVerdictPerOrder) {
  Player kar(server_.port(), "Karla");
  const std::uint64_t match = kar.create("tutorial", {"KAR", "DRV"});
  ASSERT_TRUE(kar.join(match, "KAR").has_seat_granted());
  pb::OrderSet orders;
  orders.set_state("KAR");
  orders.set_turn(1);
  *orders.add_orders()->mutable_set_budget()->mutable_allocation() = kar.view().own().allocation();
  orders.add_orders()->mutable_apply_pressure()->set_target("NOWHERE");
  pb::ApplyPressure* too_hard = orders.add_orders()->mutable_apply_pressure();
  too_hard->set_target("DRV");
  too_hard->set_kind(pb::DIPLOMATIC);
  too_hard->set_intensity(9);
  pb::ApplyPressure* fine = orders.add_orders()->mutable_apply_pressure();
  fine->set_target("DRV");
  fine->set_kind(pb::DIPLOMATIC);
  fine->set_intensity(1);
  const pb::ServerMessage reply = kar.submit(match, orders, false);
  ASSERT_TRUE(reply.has_orders_accepted()) << reply.DebugString();
  const auto& results = reply.orders_accepted().results();
  ASSERT_EQ(results.size(), 4);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(results[i].index(), i);
  EXPECT_TRUE(results[0].accepted()) << results[0].reason();
  EXPECT_FALSE(results[1].accepted());
  EXPECT_NE(results[1].reason().find("NOWHERE"), std::string::npos) << results[1].reason();
  EXPECT_FALSE(results[2].accepted());
  EXPECT_NE(results[2].reason().find("intensity"), std::string::npos) << results[2].reason();
  EXPECT_TRUE(results[3].accepted()) << results[3].reason();
}

TEST_F(ProtocolTest, TheScenariosAndTheirStatesAreListedBeforeAnyMatch) {
  Player ada(server_.port(), "Ada");
  pb::ClientMessage list;
  list.mutable_list_scenarios();
  const pb::ServerMessage reply = ada.connection().call(list);
  ASSERT_TRUE(reply.has_scenario_list()) << reply.DebugString();
  const pb::ScenarioSummary* tutorial = nullptr;
  for (const auto& s : reply.scenario_list().scenarios())
    if (s.name() == "tutorial") tutorial = &s;
  ASSERT_NE(tutorial, nullptr);
  EXPECT_FALSE(tutorial->title().empty());
  EXPECT_GT(tutorial->turns(), 0);
  std::vector<std::string> ids;
  for (const auto& state : tutorial->states()) {
    ids.push_back(state.id());
    EXPECT_FALSE(state.name().empty());
    bool known = false;
    for (const auto& d : tutorial->doctrines()) known = known || d.name() == state.doctrine();
    EXPECT_TRUE(known) << state.id() << "'s doctrine " << state.doctrine() << " is listed";
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"KAR", "DRV", "LIN", "THA"}));
  // What it lists is what CreateMatch takes.
  EXPECT_NE(ada.create(tutorial->name(), {ids[2]}), 0u);
}

TEST_F(ProtocolTest, APrivateMessageNobodyCanReadIsRefusedAndOneToAPlayerAwayIsKept) {
  Player kar(server_.port(), "Karla");
  const std::uint64_t match = kar.create("tutorial", {"KAR", "DRV", "LIN"});
  ASSERT_TRUE(kar.join(match, "KAR").has_seat_granted());
  std::string drv_token;
  {
    Player drv(server_.port(), "Dragan");
    ASSERT_TRUE(drv.join(match, "DRV").has_seat_granted());
    drv_token = drv.seat_token();
  }
  // Dragan's connection is gone once the lobby shows his seat disconnected.
  pb::ClientMessage list;
  list.mutable_list_matches();
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {
    const pb::ServerMessage matches = kar.connection().call(list);
    for (const auto& seat : matches.match_list().matches(0).seats())
      if (seat.state() == "DRV") gone = !seat.connected();
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(gone);

  for (const char* to : {"THA", "LIN"}) {
    const pb::ServerMessage reply = kar.connection().call(chat(match, to, "anyone?"));
    EXPECT_EQ(error_of(reply), pb::NO_RECIPIENT) << to;
    EXPECT_NE(reply.error().reason().find("nothing was sent"), std::string::npos);
  }
  // A player away keeps the seat and reads what was said to it on return.
  EXPECT_TRUE(kar.connection().call(chat(match, "DRV", "while you were out")).has_ack());
  EXPECT_NE(kar.connection().call(chat(match, "THA", "x")).error().reason().find("bot"),
            std::string::npos);
  EXPECT_EQ(error_of(kar.connection().call(chat(match, "XYZ", "x"))), pb::NOT_FOUND);

  // Back, Dragan reads what is sent to him.
  Player back(server_.port(), "Dragan");
  const pb::ServerMessage granted = back.reconnect(match, drv_token, 0);
  ASSERT_TRUE(granted.has_seat_granted());
  ASSERT_EQ(granted.seat_granted().chat_size(), 1);
  EXPECT_EQ(granted.seat_granted().chat(0).text(), "while you were out");
  EXPECT_TRUE(kar.connection().call(chat(match, "DRV", "welcome back")).has_ack());
  pb::ServerMessage event;
  ASSERT_TRUE(back.connection().wait_event(pb::ServerMessage::kChat, event, 5s));
  EXPECT_EQ(event.chat().text(), "welcome back");
}

TEST_F(ProtocolTest, RequestIdZeroAndTheEmptyFrameAreFatal) {
  for (const bool empty_frame : {true, false}) {
    RawConnection c(server_.port());
    ASSERT_TRUE(c.hello("Zero"));
    if (empty_frame) {
      c.send_raw(std::string(1, '\0'));  // a frame of length 0: every field at its default
    } else {
      pb::ClientMessage list;
      list.mutable_list_matches();
      c.send(list, 0);
    }
    const auto error = c.read();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->request_id(), 0u);
    EXPECT_EQ(error_of(*error), pb::MALFORMED_FRAME);
    EXPECT_NE(error->error().reason().find("request id 0"), std::string::npos);
    EXPECT_TRUE(c.closed_within(std::chrono::seconds(5)));
  }
}

}  // namespace
}  // namespace hegemon::testing
