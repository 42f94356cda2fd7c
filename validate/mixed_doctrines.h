// The doctrines of a validation match: each state plays its scenario's default with probability
// one half, otherwise a doctrine drawn uniformly from the ruleset's (which may be the default
// again), drawn from the match seed so the same seed always gives the same mix.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon::validate {

/// The doctrine each state of `start` plays in the match seeded `match_seed` (one per state, in
/// state order). Empty names when the ruleset has no doctrines.
std::vector<std::string> mixed_doctrines(const World& start, std::uint64_t match_seed);

/// Sets each state's doctrine to `doctrines[s]`.
void assign_doctrines(World& world, const std::vector<std::string>& doctrines);

}  // namespace hegemon::validate
