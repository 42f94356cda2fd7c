// Finlandization: a much stronger neighbour's pressure accumulates on a smaller state as a level
// (0..100) that builds with the power gap, proximity and coercion, is divided by the small state's
// defense, its allies' credible support, guarantees and stability, and decays when the pressure
// stops. Past thresholds the state accommodates, then is Finlandized; the server enforces both.
#pragma once

#include <vector>

#include "shared/threat.h"
#include "shared/world.h"

namespace hegemon {

/// The forces that moved one level this turn.
struct FinlandForces {
  double push = 0;        // power gap x proximity x (structural pressure + coercion)
  double resistance = 0;  // own defense + allies + guarantees + stability
  double own_defense = 0;
  double allies = 0;
  double guarantees = 0;
  double stability = 0;
};

/// What raises and lowers levels in one world. It reads the world once (powers, forces, each
/// state's alliances and guarantees) so that the n^2 pairs of a turn cost little each.
class FinlandModel {
 public:
  explicit FinlandModel(const World& world);
  /// What raises and lowers `small`'s level toward `strong`, given this turn's coercion.
  FinlandForces forces(StateIndex small, StateIndex strong, double coercion) const;

 private:
  struct Support {
    int treaty = 0;       // index into world.treaties
    double weight = 0;    // credibility x the reachable force of the other members
  };
  const World& world_;
  TreatyTies ties_;
  double log_min_ratio_;
  std::vector<double> power_, log_power_, projection_, defense_;
  // Per small state, in one flat array each: supports_[support_begin_[s] .. support_begin_[s+1]).
  std::vector<int> support_begin_;
  std::vector<Support> supports_;
  std::vector<int> guarantee_begin_;
  std::vector<std::pair<StateIndex, double>> guarantees_;  // (guarantor, weight)
};

/// One pair's forces, for reports and tests (builds a FinlandModel: use one for many pairs).
FinlandForces finland_forces(const World& world, StateIndex small, StateIndex strong,
                             double coercion);

/// True when a military treaty among `members` counts as directed against `pressurer`: it does
/// not include the pressurer and some member fears it beyond the ruleset's threshold.
bool directed_against(const World& world, TreatyType type, const std::vector<StateIndex>& members,
                      StateIndex pressurer);

/// The states `s` accommodates or is Finlandized toward (status at least `at_least`).
std::vector<StateIndex> powers_accommodated_by(const World& world, StateIndex s,
                                               FinlandStatus at_least);

}  // namespace hegemon
