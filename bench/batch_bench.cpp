// Batch throughput of the simulator: whole cold_war_1949 matches of 40 turns, a bot in every
// seat, no output written. Figures and the callgrind command: docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include "sim/batch_run.h"
#include "sim/match_play.h"
#include "sim/start_world.h"

namespace hegemon::bench {
namespace {

constexpr int kTurns = 40;

const World& cold_war() {
  static const World world = [] {
    sim::SimOptions o;
    o.scenario = "cold_war_1949";
    return sim::start_world(o, HEGEMON_ASSETS_DIR);
  }();
  return world;
}

/// Watches nothing, as `hegemon-sim` with no decision log does: the bots write no reasons.
class NoReader : public sim::MatchObserver {
 public:
  bool reads_reasons() const override { return false; }
};

/// One match on one thread: the cost of a match, from the copy of the start world to its end.
void BM_ColdWarMatch(benchmark::State& state) {
  const World& start = cold_war();
  std::uint64_t match = 0;
  for (auto _ : state) {
    World world = start;
    world.seed = sim::match_seed(1, static_cast<int>(match++));
    NoReader nothing;
    const World last = sim::play_match(std::move(world), kTurns, nothing);
    benchmark::DoNotOptimize(last.turn);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ColdWarMatch)->Unit(benchmark::kMillisecond);

/// A batch of 200 matches on J threads, as `hegemon-sim --matches 200 --jobs J` plays it; the
/// counter is matches per minute of wall-clock time.
void BM_ColdWarBatch(benchmark::State& state) {
  constexpr int kMatches = 200;
  sim::BatchPlan plan;
  plan.start = &cold_war();
  plan.turns = kTurns;
  plan.range = {0, kMatches};
  plan.jobs = static_cast<int>(state.range(0));
  for (auto _ : state)
    sim::run_batch(plan, [](int, sim::MatchText&&) {}, [](int) {});
  state.counters["matches_per_minute"] = benchmark::Counter(
      60.0 * kMatches * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ColdWarBatch)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hegemon::bench
