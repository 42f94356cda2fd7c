// One match watched by many spectators: how long after its player sees a turn resolved the last
// spectator sees it too.
#include <algorithm>

#include "fleet.h"
#include "io_wait.h"
#include "latency.h"
#include "server_load.h"

namespace hegemon::load {

SpectatorFigures measure_spectators(const ServerChild& server, const LoadOptions& options) {
  asio::io_context io;
  Fleet player(io), watchers(io);
  SpectatorFigures f;
  f.asked = options.spectators;
  const auto limit = seconds(options.timeout_seconds);
  player.open(server.port(), 1, "ruler", 1, options.timeout_seconds);
  watchers.open(server.port(), options.spectators, "watcher", 1000, options.timeout_seconds);
  if (player.welcomed().empty()) {
    f.problem = "the player's connection was refused";
    return f;
  }
  const auto ruler = player.welcomed().front();

  std::uint64_t match = 0;
  pb::Allocation allocation;
  bool seated = false, answered = false;
  pb::ClientMessage create;
  create.mutable_create_match()->set_name("watched");
  create.mutable_create_match()->set_scenario(options.scenario);
  create.mutable_create_match()->set_seed(7);
  pb::SeatPlan* seat = create.mutable_create_match()->add_seats();
  seat->set_state(options.seat);
  seat->set_kind(pb::SEAT_HUMAN);
  ruler->request(create, [&](const pb::ServerMessage& reply) {
    if (!reply.has_match_created()) {
      answered = true;
      f.problem = "CreateMatch refused";
      return;
    }
    match = reply.match_created().match().match_id();
    pb::ClientMessage join;
    join.mutable_join_match()->set_match_id(match);
    join.mutable_join_match()->set_state(options.seat);
    ruler->request(join, [&](const pb::ServerMessage& joined) {
      answered = true;
      seated = joined.has_seat_granted();
      if (seated)
        allocation = joined.seat_granted().view().own().allocation();
      else
        f.problem = "JoinMatch refused";
    });
  });
  run_until(
      io, [&] { return answered; }, limit);
  if (!seated) return f;

  int observing = 0, observe_answers = 0;
  for (const auto& w : watchers.welcomed()) {
    pb::ClientMessage observe;
    observe.mutable_observe_match()->set_match_id(match);
    w->request(observe, [&](const pb::ServerMessage& reply) {
      ++observe_answers;
      if (reply.has_observing()) ++observing;
    });
  }
  const int watching = static_cast<int>(watchers.welcomed().size());
  run_until(
      io, [&] { return observe_answers == watching; }, limit);
  f.watching = observing;

  // Each turn: the player's TurnResolved, then every spectator's, timed from the player's.
  Clock::time_point resolved_at{};
  int seen = 0;
  Latencies* lag = nullptr;
  std::size_t turn_bytes = 0;
  for (const auto& w : watchers.welcomed())
    w->on_event([&](const pb::ServerMessage& event) {
      if (!event.has_turn_resolved()) return;
      ++seen;
      turn_bytes = event.ByteSizeLong();
      if (lag) lag->add(ms_between(resolved_at, Clock::now()));
    });
  bool ruler_saw = false;
  ruler->on_event([&](const pb::ServerMessage& event) {
    if (!event.has_turn_resolved()) return;
    resolved_at = Clock::now();
    ruler_saw = true;
  });
  for (int turn = 1; turn <= options.turns; ++turn) {
    Latencies this_turn;
    lag = &this_turn;
    seen = 0;
    ruler_saw = false;
    pb::ClientMessage m;
    m.mutable_submit_orders()->set_match_id(match);
    *m.mutable_submit_orders()->mutable_orders() = budget_orders(options.seat, turn, allocation);
    m.mutable_submit_orders()->set_ready(true);
    ruler->request(m, [](const pb::ServerMessage&) {});
    run_until(
        io, [&] { return ruler_saw && seen >= observing; }, limit);
    lag = nullptr;
    SpectatorFigures::Turn t;
    t.reached = seen;
    t.p50_ms = this_turn.percentile(50);
    t.last_ms = this_turn.max();
    f.turns.push_back(t);
    if (seen < observing) break;
  }
  f.turn_bytes = turn_bytes;
  player.close_all();
  watchers.close_all();
  return f;
}

}  // namespace hegemon::load
