// A batch: matches [first, end) of a run played on J threads, each from a copy of the start world
// with its own seed, handed over in match order whatever the threads' timing.
#pragma once

#include <cstdint>
#include <functional>

#include "shared/world.h"
#include "sim/match_record.h"
#include "sim/sim_options.h"

namespace hegemon::sim {

/// The seed match `match` of a run seeded `run_seed` is played with.
std::uint64_t match_seed(std::uint64_t run_seed, int match);

/// The matches [first, end) of the run that a shard plays: contiguous blocks, so that the
/// shards 0..K-1 in order cover 0..N-1 in order.
struct MatchRange {
  int first = 0;
  int end = 0;
};
MatchRange shard_range(int matches, const Shard& shard);

struct BatchPlan {
  const World* start = nullptr;
  std::uint64_t seed = 1;
  int turns = 0;
  MatchRange range;
  int jobs = 1;
  OutputChoice choice;
};

/// Plays the plan's matches. `deliver(match, text)` is called on the calling thread for each
/// match in increasing order; `progress(done)` after each. The first error of any match stops
/// the batch and is rethrown here.
void run_batch(const BatchPlan& plan, const std::function<void(int, MatchText&&)>& deliver,
               const std::function<void(int)>& progress);

}  // namespace hegemon::sim
