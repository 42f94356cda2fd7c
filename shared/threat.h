// Balance of threat (Walt): the threat one state feels from another, from aggregate power,
// proximity, offensive capability and intentions, discounted between allies.
#pragma once

#include <cstdint>
#include <vector>

#include "shared/world.h"

namespace hegemon {

/// The four factors (each 0..100) and how they combine for one ordered pair.
struct ThreatFactors {
  double power = 0;       // the other's share of the pair's aggregate power
  double proximity = 0;   // 100 for neighbours, falling with distance
  double offense = 0;     // the other's projectable force against the holder's defense
  double intentions = 0;  // hostile acts, broken commitments and opacity
  double alliance_discount = 1;
  double total = 0;
};

/// Which treaty types each ordered pair shares, one bit per type, so that loops over all pairs
/// never walk the treaty list.
class TreatyTies {
 public:
  explicit TreatyTies(const World& world);
  bool share(StateIndex a, StateIndex b, TreatyType type) const {
    return (bits_[size_t(a) * n_ + b] >> static_cast<int>(type)) & 1u;
  }
  /// Row `a` of the bits, by the other state: bit `type` set when the two share that type.
  const std::uint8_t* row(StateIndex a) const { return bits_.data() + size_t(a) * n_; }
  static constexpr std::uint8_t bit(TreatyType type) {
    return static_cast<std::uint8_t>(1u << static_cast<int>(type));
  }

 private:
  int n_;
  std::vector<std::uint8_t> bits_;
};

/// Aggregate power: economy, population and forces times technology.
double aggregate_power(const Ruleset& rules, const State& s);
/// Proximity of two states from the map itself (proximity() reads it from the table
/// build_proximity fills).
double proximity_from_map(const World& world, StateIndex a, StateIndex b);
/// Proximity of two states, 0..1: 1 for neighbours, 1 / (1 + distance / scale) otherwise. Inline:
/// every pair loop of a turn and every bot asks it.
inline double proximity(const World& world, StateIndex a, StateIndex b) {
  const auto n = static_cast<size_t>(world.size());
  if (world.map().proximity.size() == n * n) return world.map().proximity[size_t(a) * n + b];
  return proximity_from_map(world, a, b);
}
/// Fills world.map().proximity for every pair.
void build_proximity(World& world);
/// Force a state can project, technology included.
double projectable_force(const State& s);
/// Territorial defense, technology included.
double defensive_force(const State& s);
/// The threat `felt_by` feels from `from`, factor by factor.
ThreatFactors threat_factors(const World& world, StateIndex felt_by, StateIndex from);
/// Every state's factors as felt by `felt_by` (its own entry is zero).
std::vector<ThreatFactors> threats_felt_by(const World& world, StateIndex felt_by);

/// Per-state values every pair's threat reads (power, forces, what conduct says of intent),
/// taken once per world rather than once per pair. `ties` must outlive it and describe the same
/// treaties.
struct ThreatInputs {
  ThreatInputs(const World& world, const TreatyTies& treaty_ties);
  /// Takes the values again from `world` (the same states, changed figures), reusing the storage.
  void refresh(const World& world);
  /// Takes again only state `s`'s values, the others being unchanged.
  void refresh_state(const World& world, StateIndex s);
  /// Takes state `s`'s values with its forces and technology as given (a viewer's estimates of
  /// a withheld budget) in place of its own; its public figures are read from `st`.
  void believe_state(const Ruleset& rules, StateIndex s, const State& st,
                     double territorial_defense, double power_projection, double technology);
  const TreatyTies* ties;
  std::vector<double> power, projection, defense, reputation_term;
};

/// threats_felt_by from inputs already taken from `world`, written into `row` (resized to the
/// number of states), so that one seat's reckoning allocates nothing.
void threats_felt_by(const World& world, const ThreatInputs& inputs, StateIndex felt_by,
                     std::vector<ThreatFactors>& row);
/// The threat `felt_by` feels from `from`, from inputs already taken, with `record` standing for
/// what `felt_by` holds about `from` (its record of hostile acts, whether it sought `from`'s
/// protection): a view reckons another state's fears with that state's private record hidden.
ThreatFactors threat_factors(const World& world, const ThreatInputs& inputs, StateIndex felt_by,
                             StateIndex from, const Relation& record);
/// The factors of the threat every other state feels from `from`.
std::vector<ThreatFactors> threats_caused_by(const World& world, StateIndex from);
/// The whole matrix, row = the state that feels the threat.
ThreatMatrix compute_threat_matrix(const World& world);
/// The same written into `into`, reusing its storage when it already has the world's size. With
/// `worst_felt`, also the worst threat each state feels from another (security_measure's), taken
/// along the way: resolve_turn scores from it rather than reading the matrix again.
void compute_threat_matrix(const World& world, ThreatMatrix& into,
                           std::vector<double>* worst_felt = nullptr);
/// The state `felt_by` fears most, or -1 when it fears no one.
StateIndex top_threat(const World& world, StateIndex felt_by);

/// How much a treaty can be counted on: members keeping their commitments (cohesion), forces that
/// can work together (interoperability) and the members' reputations.
double credibility(const World& world, const Treaty& treaty);

}  // namespace hegemon
