// Scores and the end of a match: the standard score (security, prosperity, influence,
// sovereignty) plus the scenario's objectives.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon {

/// Every state's score as the world stands.
std::vector<Score> compute_scores(const World& world);
/// Whether an objective is met as the world stands.
bool objective_met(const World& world, const Objective& objective);
/// Why the match ends after this world, or empty when it goes on.
std::string end_reason(const World& world);

}  // namespace hegemon
