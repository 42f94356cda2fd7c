// Scores and the end of a match. Each component (security, prosperity, influence, sovereignty,
// objectives) is 0..100 and measured against the state's own starting position, 50 being where it
// began, so that every state, great or small, can win by doing better than it started.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon {

/// 100 - the worst threat `s` feels (0 when the world has no threat matrix yet).
double security_measure(const World& world, StateIndex s);
/// Half the state's influence (counted up to 100), half its reputation.
double influence_measure(const State& state);
/// 100 - the state's highest Finlandization level toward any other state.
double sovereignty_measure(const State& state);
/// Keeps every state's starting position (GDP and the three measures above) in
/// world.scenario, from the world as it stands: a match calls it once, at turn 0.
void record_starting_position(World& world);

/// Every state's score as the world stands.
std::vector<Score> compute_scores(const World& world);
/// State `s`'s score alone, with its security measure given rather than read from the world's
/// threat matrix: a view reckons it on the threats its viewer believes it feels.
Score score_of(const World& world, StateIndex s, double security);
/// Whether an objective is met as the world stands.
bool objective_met(const World& world, const Objective& objective);
/// Why the match ends after this world, or empty when it goes on.
std::string end_reason(const World& world);

}  // namespace hegemon
