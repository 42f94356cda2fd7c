// Worlds of any size for benchmarks: states on a grid, each bordering its grid neighbours, with
// a spread of sizes, a few alliances, and a great power pressing on its neighbours.
#pragma once

#include <vector>

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon::bench {

/// A world of `n` states at turn 0 with the standard ruleset, deterministic for a given n.
World synthetic_world(int n);

/// Every seat's orders from the bots.
std::vector<OrderSet> bot_orders(const World& world);

/// synthetic_world(n) three turns into a match, played by the bots, so that treaties, pressure
/// and Finlandization levels are all in play.
World warmed_world(int n);

}  // namespace hegemon::bench
