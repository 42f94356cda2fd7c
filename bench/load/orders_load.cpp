// Acknowledged order sets: how many a second the server makes durable and answers, and how long
// each waits for its answer at a steady pace.
#include <random>

#include "fleet.h"
#include "io_wait.h"
#include "latency.h"
#include "server_load.h"

namespace hegemon::load {
namespace {

const char* const kTutorialStates[] = {"KAR", "DRV", "LIN", "THA"};

/// A seated player: its connection, match, state and the allocation its view started with.
struct Seat {
  std::shared_ptr<LoadConnection> connection;
  std::uint64_t match = 0;
  std::string state;
  pb::Allocation allocation;
};

pb::ClientMessage submit(const Seat& seat, int turn, bool ready) {
  pb::ClientMessage m;
  m.mutable_submit_orders()->set_match_id(seat.match);
  *m.mutable_submit_orders()->mutable_orders() = budget_orders(seat.state, turn, seat.allocation);
  m.mutable_submit_orders()->set_ready(ready);
  return m;
}

void count_refusal(const pb::ServerMessage& reply, std::map<std::string, long long>& refusals) {
  if (reply.has_error())
    ++refusals[pb::ErrorCode_Name(reply.error().code())];
  else if (!reply.has_orders_accepted())
    ++refusals["unexpected reply"];
}

}  // namespace

pb::Allocation typical_allocation() {
  pb::Allocation a;
  a.set_territorial_defense(2000);
  a.set_power_projection(1000);
  a.set_economy(2500);
  a.set_welfare(2000);
  a.set_research(1000);
  a.set_diplomacy(800);
  a.set_intelligence(700);
  return a;
}

pb::OrderSet budget_orders(const std::string& state, int turn, const pb::Allocation& allocation) {
  pb::OrderSet orders;
  orders.set_state(state);
  orders.set_turn(turn);
  pb::SetBudget* budget = orders.add_orders()->mutable_set_budget();
  *budget->mutable_allocation() = allocation;
  budget->set_publish_budget(true);
  return orders;
}

OrderFigures measure_orders(const ServerChild& server, const LoadOptions& options) {
  asio::io_context io;
  Fleet fleet(io);
  OrderFigures f;
  f.players = options.players;
  const auto limit = seconds(options.timeout_seconds);
  fleet.open(server.port(), options.players, "player", 1000, options.timeout_seconds);
  const auto& connections = fleet.welcomed();

  // Four players to a match, every seat human and nobody ever ready: turn 1 stays open.
  std::vector<Seat> seats(connections.size());
  int created = 0, answered = 0;
  for (std::size_t i = 0; i < connections.size(); i += 4) {
    pb::ClientMessage create;
    create.mutable_create_match()->set_name("load " + std::to_string(i / 4));
    create.mutable_create_match()->set_scenario("tutorial");
    for (const char* state : kTutorialStates) {
      pb::SeatPlan* seat = create.mutable_create_match()->add_seats();
      seat->set_state(state);
      seat->set_kind(pb::SEAT_HUMAN);
    }
    connections[i]->request(create, [&, i](const pb::ServerMessage& reply) {
      ++answered;
      if (!reply.has_match_created()) {
        count_refusal(reply, f.refusals);
        if (f.setup_problem.empty()) f.setup_problem = "CreateMatch: " + reply.DebugString();
        return;
      }
      ++created;
      for (std::size_t k = i; k < i + 4 && k < connections.size(); ++k)
        seats[k].match = reply.match_created().match().match_id();
    });
  }
  const int creates = static_cast<int>((connections.size() + 3) / 4);
  run_until(
      io, [&] { return answered == creates; }, limit);
  int joined = 0;
  answered = 0;
  int joins = 0;
  for (std::size_t i = 0; i < connections.size(); ++i) {
    if (seats[i].match == 0) continue;
    ++joins;
    seats[i].connection = connections[i];
    seats[i].state = kTutorialStates[i % 4];
    pb::ClientMessage join;
    join.mutable_join_match()->set_match_id(seats[i].match);
    join.mutable_join_match()->set_state(seats[i].state);
    connections[i]->request(join, [&, i](const pb::ServerMessage& reply) {
      ++answered;
      if (!reply.has_seat_granted()) {
        seats[i].match = 0;
        count_refusal(reply, f.refusals);
        return;
      }
      ++joined;
      seats[i].allocation = reply.seat_granted().view().own().allocation();
    });
  }
  run_until(
      io, [&] { return answered == joins; }, limit);
  std::erase_if(seats, [](const Seat& s) { return s.match == 0 || !s.connection; });
  f.seated = joined;

  // Saturated: each player keeps in_flight sets unanswered, sending one more per answer.
  bool pumping = true;
  long long acks = 0;
  std::function<void(Seat&)> send_one = [&](Seat& seat) {
    seat.connection->request(submit(seat, 1, false), [&](const pb::ServerMessage& reply) {
      if (reply.has_orders_accepted())
        ++acks;
      else
        count_refusal(reply, f.refusals);
      if (pumping) send_one(seat);
    });
  };
  for (auto& seat : seats)
    for (int k = 0; k < options.in_flight; ++k) send_one(seat);
  run_for(io, std::chrono::seconds(1));  // warm-up
  const long long before = acks;
  auto start = Clock::now();
  run_for(io, seconds(options.seconds));
  f.acks = acks - before;
  f.acks_per_second = static_cast<double>(f.acks) * 1000.0 / ms_between(start, Clock::now());
  pumping = false;
  auto drained = [&] {
    for (const auto& s : seats)
      if (s.connection->unanswered() > 0 && s.connection->is_open()) return false;
    return true;
  };
  run_until(io, drained, limit);

  // Paced: every player sends orders_per_second sets a second, each at its own phase, whatever
  // the answers; each answer's latency is measured from its own send.
  Latencies latencies;
  const auto period = seconds(1.0 / options.orders_per_second);
  std::mt19937 random(7);
  std::vector<Clock::time_point> next(seats.size());
  start = Clock::now();
  for (auto& t : next)
    t = start + std::chrono::duration_cast<Clock::duration>(
                    period * std::uniform_real_distribution<double>(0, 1)(random));
  const auto end = start + seconds(options.seconds);
  long long sent = 0;
  asio::steady_timer tick(io);
  std::function<void()> pace = [&] {
    const auto now = Clock::now();
    if (now >= end) return;
    for (std::size_t i = 0; i < seats.size(); ++i)
      while (next[i] <= now) {
        const auto at = Clock::now();
        ++sent;
        seats[i].connection->request(submit(seats[i], 1, false),
                                     [&, at](const pb::ServerMessage& reply) {
                                       if (!reply.has_orders_accepted())
                                         return count_refusal(reply, f.refusals);
                                       ++f.paced_acks;
                                       latencies.add(ms_between(at, Clock::now()));
                                     });
        next[i] += period;
      }
    tick.expires_after(std::chrono::milliseconds(1));
    tick.async_wait([&](std::error_code ec) {
      if (!ec) pace();
    });
  };
  pace();
  run_until(
      io, [&] { return Clock::now() >= end; }, limit);
  run_until(io, drained, limit);
  tick.cancel();
  f.offered_per_second = static_cast<double>(sent) / options.seconds;
  f.p50_ms = latencies.percentile(50);
  f.p99_ms = latencies.percentile(99);
  f.max_ms = latencies.max();
  fleet.close_all();
  return f;
}

}  // namespace hegemon::load
