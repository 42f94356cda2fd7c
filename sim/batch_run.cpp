#include "sim/batch_run.h"

#include "shared/rng.h"
#include "sim/match_play.h"
#include "sim/ordered_run.h"

namespace hegemon::sim {
namespace {

MatchText play_one(const BatchPlan& plan, int match) {
  World world = *plan.start;
  world.seed = match_seed(plan.seed, match);
  MatchRecorder recorder(match, plan.choice);
  play_match(std::move(world), plan.turns, recorder);
  return recorder.take();
}

}  // namespace

std::uint64_t match_seed(std::uint64_t run_seed, int match) {
  return mix_seed(run_seed, static_cast<std::uint64_t>(match));
}

MatchRange shard_range(int matches, const Shard& shard) {
  const auto block = [&](int i) {
    return static_cast<int>(static_cast<long long>(matches) * i / shard.count);
  };
  return {block(shard.index), block(shard.index + 1)};
}

void run_batch(const BatchPlan& plan, const std::function<void(int, MatchText&&)>& deliver,
               const std::function<void(int)>& progress) {
  run_in_order<MatchText>(
      plan.range.first, plan.range.end, plan.jobs,
      [&](int match) { return play_one(plan, match); }, deliver, progress);
}

}  // namespace hegemon::sim
