// How long one turn takes to resolve, for worlds of 4, 24 and 200 states. Orders come from the
// bots and are prepared outside the timed loop. Figures: docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>


#include "bench/synthetic_world.h"
#include "shared/bots/bot.h"
#include "shared/resolve.h"
#include "shared/threat.h"
#include "shared/view.h"

namespace hegemon::bench {
namespace {

void BM_ResolveTurn(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  const std::vector<OrderSet> orders = bot_orders(world);
  for (auto _ : state) {
    TurnResult result = resolve_turn(world, orders);
    benchmark::DoNotOptimize(result.world.turn);
  }
  const TurnResult sample = resolve_turn(world, orders);
  state.SetLabel(std::to_string(world.size()) + " states, " +
                 std::to_string(world.treaties.size()) + " treaties, " +
                 std::to_string(sample.journal.size()) + " report entries");
}
BENCHMARK(BM_ResolveTurn)->Arg(4)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

// What the server does after each turn besides resolving it: the report of every seat (the
// journal's text is made once here) and one view, here the first seat's.
void BM_TurnWithReports(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  const std::vector<OrderSet> orders = bot_orders(world);
  for (auto _ : state) {
    TurnResult result = resolve_turn(world, orders);
    for (int s = 0; s < result.world.size(); ++s)
      benchmark::DoNotOptimize(make_report(result.world, result.journal, s, &result.results[s]));
  }
}
BENCHMARK(BM_TurnWithReports)->Arg(4)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

// The part of a turn that is only copying: resolve_turn starts from a copy of the world.
void BM_CopyWorld(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    World copy = world;
    benchmark::DoNotOptimize(copy.turn);
  }
}
BENCHMARK(BM_CopyWorld)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_ThreatMatrix(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(compute_threat_matrix(world));
}
BENCHMARK(BM_ThreatMatrix)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_BotsAllSeats(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(bot_orders(world));
}
BENCHMARK(BM_BotsAllSeats)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

void BM_PlayerView(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(make_view(world, 0));
  state.counters["view_bytes"] = static_cast<double>(make_view(world, 0).ByteSizeLong());
  state.counters["facts_bytes"] = static_cast<double>(make_facts(world).ByteSizeLong());
}
BENCHMARK(BM_PlayerView)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

/// What the server makes after every turn: the view of every seat and the spectators' view of the
/// new world, serialized.
void BM_EveryViewOfATurn(benchmark::State& state) {
  const World world = warmed_world(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    const WorldViews views(world);
    for (StateIndex v = kSpectator; v < world.size(); ++v)
      bytes += views.of(v).SerializeAsString().size();
  }
  state.counters["bytes_a_turn"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EveryViewOfATurn)->Arg(24)->Arg(200)->Unit(benchmark::kMicrosecond);

/// What every state believes of every other, every budget withheld: what bots ask each turn.
void BM_EstimateAllPairs(benchmark::State& state) {
  World world = warmed_world(static_cast<int>(state.range(0)));
  for (State& s : world.states) s.publish_budget = false;
  for (auto _ : state)
    for (int v = 0; v < world.size(); ++v)
      for (int t = 0; t < world.size(); ++t) benchmark::DoNotOptimize(estimate_state(world, v, t));
}
BENCHMARK(BM_EstimateAllPairs)->Arg(18)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hegemon::bench
