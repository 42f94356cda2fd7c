// Worlds of any size for benchmarks: states on a grid, each bordering its grid neighbours, with
// a spread of sizes, a few alliances, and a great power pressing on its neighbours.
#pragma once

#include "shared/world.h"

namespace hegemon::bench {

/// A world of `n` states at turn 0 with the standard ruleset, deterministic for a given n.
World synthetic_world(int n);

}  // namespace hegemon::bench
