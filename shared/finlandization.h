// Finlandization: a much stronger neighbour's pressure accumulates on a smaller state as a level
// (0..100) that moves with the balance of two forces: the push (the power gap, proximity and
// coercion, a dominant ally's sway, the state's own bandwagoning) and the resistance (the small
// state's defense, its allies' credible support, guarantees and stability). It rises while the push
// outweighs the resistance, falls while the resistance outweighs the push, and relaxes toward zero
// unless coercion holds it up. Past thresholds the state accommodates, then is Finlandized; the
// server enforces both.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "shared/threat.h"
#include "shared/world.h"

namespace hegemon {

struct TurnContext;

/// The forces that moved one level this turn (rates per year).
struct FinlandForces {
  double push = 0;          // pressure + sway + bandwagoning
  double pressure = 0;      // power gap x proximity x (structural weight + coercion)
  double sway = 0;          // a much stronger ally's sway over a weaker member of its pact
  double bandwagoning = 0;  // the state's own courting of the stronger one
  double resistance = 0;    // own defense + allies + guarantees + stability
  double own_defense = 0;
  double allies = 0;
  double guarantees = 0;
  double stability = 0;
  /// Push less what the resistance holds back: the level's drive before relaxation, per year.
  /// Negative when the resistance outweighs the push; zero when nothing pushes at all.
  double drive(const Ruleset& rules) const;
};

/// What raises and lowers levels in one world. It reads the world once (powers, forces, each
/// state's alliances and guarantees) so that the n^2 pairs of a turn cost little each.
class FinlandModel {
 public:
  explicit FinlandModel(const World& world);
  /// The model of one small state's levels only, for a state weighing its own: forces() may be
  /// asked only with `small` as the small state. It reads the levels of the world as they are
  /// when asked, so the world must not change while the model is in use; `ties` must describe
  /// the world's treaties and outlive the model.
  FinlandModel(const World& world, const TreatyTies& ties, StateIndex small);
  /// A model of nothing yet, for reset to fill.
  FinlandModel() = default;
  /// Makes this the one-state model FinlandModel(world, ties, small) would be, keeping the
  /// storage: a bot weighing its levels seat after seat allocates nothing.
  void reset(const World& world, const TreatyTies& ties, StateIndex small);
  /// The same on the ties and the powers and forces already taken in `inputs` (of `world`).
  void reset(const World& world, const ThreatInputs& inputs, StateIndex small);
  FinlandModel(const FinlandModel&) = delete;
  FinlandModel& operator=(const FinlandModel&) = delete;
  /// What raises and lowers `small`'s level toward `strong`, given this turn's coercion and
  /// whether `small` bandwagoned with `strong`.
  FinlandForces forces(StateIndex small, StateIndex strong, double coercion,
                       bool bandwagoned = false) const;
  /// The power `strong` must exceed for its gap over `small` to press at all: below it, and
  /// without bandwagoning, forces() is all zeros (so that a turn's pair loop skips the pair).
  double pressing_power(StateIndex small) const {
    return (1.0 - 1e-9) * min_ratio_ * std::max(1e-9, power_[small]);
  }
  /// Whether `strong`'s power exceeds pressing_power(small) (`threshold`).
  bool may_press(StateIndex strong, double threshold) const {
    return std::max(1e-9, power_[strong]) > threshold;
  }

 private:
  struct Support {
    int treaty = 0;       // index into world.treaties
    StateIndex ally = 0;  // the member whose force it is
    double weight = 0;    // the treaty's credibility x the ally's force that reaches the state
  };
  /// Fills everything but the ties, for every small state or only for `only` (when >= 0), the
  /// powers and forces from `inputs` when given.
  void build(StateIndex only, const ThreatInputs* inputs = nullptr);
  friend void update_finlandization(TurnContext& ctx);
  /// forces() itself, inlined into the turn's pair loop.
  FinlandForces pair_forces(StateIndex small, StateIndex strong, double coercion,
                            bool bandwagoned) const;
  /// 1 - `holder`'s level toward `strong` as the turn began (asked for every ally of every pair
  /// under pressure, hence inline). `holder` is an ally or guarantor of some state.
  double independence(StateIndex holder, StateIndex strong) const {
    if (holder == strong) return 1.0;
    const double level = start_levels_ ? start_levels_of_[holder][strong]
                                       : world_->states[holder].relations[strong].finland_level;
    return 1.0 - level / 100.0;
  }
  /// How far `patron` dominates `small` in the pacts they share (0 when it does not).
  double dominance(StateIndex small, StateIndex patron) const {
    for (int i = dominance_begin_[small]; i < dominance_begin_[small + 1]; ++i)
      if (dominance_[i].first == patron) return dominance_[i].second;
    return 0.0;
  }
  const World* world_ = nullptr;
  std::optional<TreatyTies> own_ties_;
  const TreatyTies* ties_ = nullptr;
  /// log of `s`'s aggregate power, taken on first use.
  double log_of(StateIndex s) const;
  double min_ratio_ = 0;
  double log_min_ratio_ = 0;
  std::vector<double> power_, projection_, defense_;
  mutable std::vector<double> log_power_;  // NaN until log_of takes it
  // Per small state, in one flat array each: supports_[support_begin_[s] .. support_begin_[s+1]).
  std::vector<int> support_begin_;
  std::vector<Support> supports_;
  std::vector<int> guarantee_begin_;
  std::vector<std::pair<StateIndex, double>> guarantees_;  // (guarantor, weight)
  std::vector<int> next_;  // build's cursor into each group, kept for its storage
  // The members of each mutual defense pact as bits (words_per_treaty_ words a treaty, by index
  // into world.treaties): whether a pact includes the pressurer is asked for every ally of every
  // pair under pressure.
  std::vector<std::uint64_t> member_bits_;
  size_t words_per_treaty_ = 0;
  bool in_treaty(int treaty, StateIndex s) const {
    return (member_bits_[size_t(treaty) * words_per_treaty_ + size_t(s) / 64] >> (s % 64)) & 1u;
  }
  // Rows of n, one per ally or guarantor (holder_row_[holder], -1 for the others): its levels
  // toward the column states as the turn began. An ally or guarantor under the pressurer's own
  // sway is that much less help against it. Null for a one-state model, which reads the levels
  // where they are.
  std::unique_ptr<double[]> start_levels_;
  std::vector<const double*> start_levels_of_;  // each holder's row of start_levels_, or null
  int n_ = 0;                                   // the world's states
  const double* proximity_ = nullptr;           // the world's proximity table, when built
  // Per weaker member, like the supports: (patron, how far it dominates the mutual defense pacts
  // the two share, 0..1), in the order the pacts list them.
  std::vector<int> dominance_begin_;
  std::vector<std::pair<StateIndex, double>> dominance_;
  std::vector<std::pair<StateIndex, std::pair<StateIndex, double>>> dominance_found_;
  bool has_pacts_ = false;  // any mutual defense pact the model reads (else no sway at all)
  StateIndex only_ = -1;    // the one small state of a one-state model, else -1
};

/// One pair's forces, for reports and tests (builds a FinlandModel: use one for many pairs).
FinlandForces finland_forces(const World& world, StateIndex small, StateIndex strong,
                             double coercion, bool bandwagoned = false);

/// True when a military treaty among `members` counts as directed against `pressurer`: it does
/// not include the pressurer and some member fears it beyond the ruleset's threshold.
bool directed_against(const World& world, TreatyType type, const std::vector<StateIndex>& members,
                      StateIndex pressurer);

/// The states `s` accommodates or is Finlandized toward (status at least `at_least`).
std::vector<StateIndex> powers_accommodated_by(const World& world, StateIndex s,
                                               FinlandStatus at_least);

}  // namespace hegemon
