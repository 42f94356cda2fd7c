// Small hand-built worlds for unit tests: the standard ruleset without random shocks, and states
// whose every number the test sets.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon::testing {

/// The standard ruleset from assets/rulesets, with growth shocks turned off so that expectations
/// can be exact.
Ruleset quiet_ruleset();

/// A state with round numbers: GDP 1000, population 50, tax 20 %, forces 100/100, technology 1,
/// stability 60, reputation 60, influence 50, a balanced allocation, budget published.
State plain_state(const std::string& id, double gdp = 1000);

/// A world of the given states, all bordering each other unless `borders` is given as pairs
/// of indices; distances 500 km between bordering states and 3000 km otherwise. Turn 0 of a
/// 20-turn yearly scenario; threat matrix and scores filled in.
World make_world(std::vector<State> states,
                 const std::vector<std::pair<int, int>>& borders = {}, bool all_border = true);

/// Four states for view tests: Aurelia (GDP 1000) and Borealis (800) publish their budgets;
/// Castellan (3000, strong projection, technology 1.4) and Dunmore (250, small) withhold theirs.
std::vector<State> aurelia_and_neighbours();

/// Adds an active treaty among `members` and returns its id.
int add_treaty(World& world, TreatyType type, const std::vector<StateIndex>& members,
               TreatyTerms terms = {});

}  // namespace hegemon::testing
