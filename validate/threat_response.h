// Experiment (a): what a state did in one turn toward the state it fears most — balanced against
// it, bandwagoned with it, both or neither — read from its accepted orders, and how strong it was
// against that threat.
#pragma once

#include <array>

#include "sim/match_play.h"

namespace hegemon::validate {

/// What a state-turn's accepted orders did toward its top threat.
///  - Balancing: proposing, accepting or asking to join a mutual defense pact without the threat;
///    raising its forces' share of the budget by at least a percentage point (internal
///    balancing); joining a sanction against the threat.
///  - Bandwagoning: a Bandwagon order toward the threat; proposing, accepting or asking to join a
///    mutual defense or neutrality treaty that includes the threat.
enum class Response : int { Balances = 0, Bandwagons = 1, Both = 2, Neither = 3 };
inline constexpr int kResponseCount = 4;
const char* response_name(Response response);

/// The upper edges of the power-ratio bins (own aggregate power over the threat's); the last bin
/// is everything from the last edge up.
inline constexpr std::array<double, 4> kPowerRatioEdges{0.05, 0.2, 0.5, 1.0};
inline constexpr int kPowerBinCount = static_cast<int>(kPowerRatioEdges.size()) + 1;
/// The bin of a power ratio, 0 (weakest) to kPowerBinCount - 1 (strongest).
int power_bin(double ratio);
/// "< 0.05", "0.05–0.2", …, "≥ 1".
const char* power_bin_label(int bin);

/// The smallest rise of the forces' share, in basis points, that counts as internal balancing.
inline constexpr int kInternalBalancingBp = 100;

/// What `s` did toward `threat` in the turn `play`, from its orders that resolve_turn accepted.
Response response_toward(const sim::TurnPlay& play, StateIndex s, StateIndex threat);

/// Counts of responses per power bin.
using ResponseCounts = std::array<std::array<long long, kResponseCount>, kPowerBinCount>;

/// Adds every state-turn of `play` with a top threat (the true threat matrix of the world before
/// the turn) to `counts`.
void count_responses(const sim::TurnPlay& play, ResponseCounts& counts);

}  // namespace hegemon::validate
