// Experiment (b): does a state's defense spending answer another state's power-projection
// build-up, for neighbours (states sharing a border) and, as the control, for distant states?
// For each ordered pair (i, j) and turn t: x = j's relative change in power projection over turn
// t, y = the change of i's forces' share of its budget (in percentage points) in turn t + 1, the
// first budget i sets after seeing it. The first turn of a match is left out as x: its changes are
// the switch from the scenario's hand-written allocations to each bot's first budget, not a
// build-up in answer to anything. A second fit measures the build-up as the bots weigh danger, in
// absolute force against i's own: x' = j's change in power projection over i's forces.
//
// Turns carry shocks common to every state (the scripted events, the first turns' settling from
// the scenario's allocations, growth), which move x and y together whatever the distance. So
// each fit is also made within the match-turn: x and y less their mean over the group's pairs in
// that turn of that match. And as a check that y answers x rather than moving with it, the same
// within-turn fit on j's change in the turn after (a build-up the budget cannot have seen).
#pragma once

#include <array>
#include <vector>

#include "shared/world.h"
#include "validate/statistics.h"

namespace hegemon::validate {

/// The pairs compared: bordering states, and states farther apart than kDistantKm.
enum class PairGroup : int { Neighbours = 0, Distant = 1 };
inline constexpr int kPairGroupCount = 2;
inline constexpr double kDistantKm = 3000;
/// A build-up: power projection grew by more than this fraction over the turn.
inline constexpr double kBuildUp = 0.10;

/// What one group of pairs showed.
struct DilemmaFigures {
  Regression fit;         // y on x
  Regression scaled_fit;  // y on x'
  Mean after_buildup;     // y when j built up by more than kBuildUp
  Mean otherwise;         // y when it did not
  // The same, x and y less their mean over the group's pairs in the match-turn.
  Regression turn_fit;
  Regression turn_scaled_fit;
  Mean turn_after_buildup;
  Mean turn_otherwise;
  // Within the match-turn, y on j's relative change in the turn after: what moves together
  // without being an answer.
  Regression lead_fit;

  void merge(const DilemmaFigures& other);
};

using DilemmaGroups = std::array<DilemmaFigures, kPairGroupCount>;

/// Gathers the pairs of one match, turn by turn.
class DilemmaRecorder {
 public:
  /// Called with the world before and after each turn, in order.
  void turn(const World& before, const World& after, DilemmaGroups& groups);

  /// One pair's figures in one turn.
  struct Pair {
    StateIndex j = 0;
    int group = 0;
    double x = 0, scaled_x = 0, y = 0;
    bool scaled = false;  // whether i had forces to scale by
  };

 private:
  // Each state's change in power projection over the previous turn: relative, and absolute.
  std::vector<double> last_change_;
  std::vector<double> last_delta_;
  std::vector<bool> known_;  // whether it had any projection to change from (and not turn 1)
  std::vector<Pair> last_pairs_;  // the previous turn's pairs, for the fit on the turn after
};

}  // namespace hegemon::validate
