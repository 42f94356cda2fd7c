#include "player.h"

#include <stdexcept>

namespace hegemon::testing {

pb::ErrorCode error_of(const pb::ServerMessage& reply) {
  return reply.has_error() ? reply.error().code() : pb::ERROR_UNSPECIFIED;
}

pb::OrderSet budget(const std::string& state, int turn, const pb::Allocation& allocation) {
  pb::OrderSet orders;
  orders.set_state(state);
  orders.set_turn(turn);
  pb::SetBudget* b = orders.add_orders()->mutable_set_budget();
  *b->mutable_allocation() = allocation;
  b->set_publish_budget(true);
  return orders;
}

std::uint64_t seat_kar_and_drv(Player& kar, Player& drv) {
  const std::uint64_t id = kar.create("tutorial", {"KAR", "DRV"});
  if (!kar.join(id, "KAR").has_seat_granted() || !drv.join(id, "DRV").has_seat_granted())
    throw std::runtime_error("taking KAR and DRV in a new tutorial match failed");
  return id;
}

Player::Player(std::uint16_t port, const std::string& name) {
  connection_.connect("127.0.0.1", port, name);
}

std::uint64_t Player::create(const std::string& scenario, const std::vector<std::string>& humans,
                             std::uint32_t deadline_seconds, const std::string& password) {
  pb::ClientMessage m;
  pb::CreateMatch* c = m.mutable_create_match();
  c->set_name(scenario + " test");
  c->set_scenario(scenario);
  for (const auto& state : humans) {
    pb::SeatPlan* seat = c->add_seats();
    seat->set_state(state);
    seat->set_kind(pb::SEAT_HUMAN);
  }
  c->set_turn_deadline_seconds(deadline_seconds);
  c->set_password(password);
  c->set_seed(42);
  const pb::ServerMessage reply = connection_.call(m);
  if (!reply.has_match_created())
    throw std::runtime_error("creating a match failed: " + reply.DebugString());
  owner_token_ = reply.match_created().owner_token();
  return reply.match_created().match().match_id();
}

pb::ServerMessage Player::join(std::uint64_t match, const std::string& state,
                               const std::string& password) {
  pb::ClientMessage m;
  m.mutable_join_match()->set_match_id(match);
  m.mutable_join_match()->set_state(state);
  m.mutable_join_match()->set_password(password);
  pb::ServerMessage reply = connection_.call(m);
  if (reply.has_seat_granted()) {
    seat_token_ = reply.seat_granted().seat_token();
    state_ = reply.seat_granted().state();
    view_ = reply.seat_granted().view();
  }
  return reply;
}

pb::ServerMessage Player::reconnect(std::uint64_t match, const std::string& token,
                                   int last_report_turn) {
  pb::ClientMessage m;
  m.mutable_reconnect()->set_match_id(match);
  m.mutable_reconnect()->set_seat_token(token);
  m.mutable_reconnect()->set_last_report_turn(last_report_turn);
  pb::ServerMessage reply = connection_.call(m);
  if (reply.has_seat_granted()) {
    seat_token_ = token;
    state_ = reply.seat_granted().state();
    view_ = reply.seat_granted().view();
  }
  return reply;
}

pb::ServerMessage Player::submit(std::uint64_t match, const pb::OrderSet& orders, bool ready) {
  pb::ClientMessage m;
  m.mutable_submit_orders()->set_match_id(match);
  *m.mutable_submit_orders()->mutable_orders() = orders;
  m.mutable_submit_orders()->set_ready(ready);
  return connection_.call(m);
}

pb::ServerMessage Player::submit_budget(std::uint64_t match, int turn, bool ready) {
  return submit(match, budget(state_, turn, view_.own().allocation()), ready);
}

pb::TurnResolved Player::wait_turn(std::chrono::milliseconds timeout) {
  pb::ServerMessage event;
  if (!connection_.wait_event(pb::ServerMessage::kTurnResolved, event, timeout))
    throw std::runtime_error(state_ + ": no turn was resolved in time");
  view_ = event.turn_resolved().view();
  return event.turn_resolved();
}

}  // namespace hegemon::testing
