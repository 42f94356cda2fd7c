#include "shared/threat.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hegemon {

TreatyTies::TreatyTies(const World& world) : n_(world.size()), bits_(size_t(n_) * n_, 0) {
  for (const auto& t : world.treaties) {
    const auto bit = static_cast<std::uint8_t>(1u << static_cast<int>(t.type));
    for (const auto& a : t.members)
      for (const auto& b : t.members) bits_[size_t(a.state) * n_ + b.state] |= bit;
  }
}

namespace {

double power_of(const Ruleset& rules, const State& s, double forces, double technology) {
  return rules.power_weight_gdp() * s.gdp + rules.power_weight_population() * s.population +
         rules.power_weight_forces() * forces * technology;
}

}  // namespace

double aggregate_power(const Ruleset& rules, const State& s) {
  return power_of(rules, s, s.forces(), s.technology);
}

double proximity_from_map(const World& world, StateIndex a, StateIndex b) {
  if (a == b || world.map().borders[a][b]) return 1.0;
  return 1.0 / (1.0 + world.map().distance[a][b] / world.ruleset.proximity_distance_scale());
}

void build_proximity(World& world) {
  const int n = world.size();
  std::vector<double> p(size_t(n) * n, 1.0);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b) p[size_t(a) * n + b] = proximity_from_map(world, a, b);
  world.edit_map().proximity = std::move(p);
}

double projectable_force(const State& s) { return s.power_projection * s.technology; }
double defensive_force(const State& s) { return s.territorial_defense * s.technology; }

ThreatInputs::ThreatInputs(const World& world, const TreatyTies& treaty_ties) : ties(&treaty_ties) {
  refresh(world);
}

void ThreatInputs::refresh(const World& world) {
  const size_t n = world.states.size();
  power.resize(n);
  projection.resize(n);
  defense.resize(n);
  reputation_term.resize(n);
  for (size_t s = 0; s < n; ++s) refresh_state(world, static_cast<StateIndex>(s));
}

void ThreatInputs::refresh_state(const World& world, StateIndex s) {
  const State& st = world.states[s];
  believe_state(world.ruleset, s, st, st.territorial_defense, st.power_projection, st.technology);
}

void ThreatInputs::believe_state(const Ruleset& r, StateIndex s, const State& st,
                                 double territorial_defense, double power_projection,
                                 double technology) {
  power[s] = power_of(r, st, territorial_defense + power_projection, technology);
  projection[s] = power_projection * technology;
  defense[s] = territorial_defense * technology;
  // What a state's conduct says of its intent to everyone: opacity and lost reputation.
  reputation_term[s] = (st.publish_budget ? 0.0 : r.intentions_opacity()) +
                       (100.0 - st.reputation) * r.intentions_per_lost_reputation();
}

namespace {

// Inlined into the pair loops, which run it for every pair of states every turn.
[[gnu::always_inline]] inline ThreatFactors factors(const World& world, const ThreatInputs& in,
                                                    StateIndex felt_by, StateIndex from,
                                                    const Relation& record) {
  const Ruleset& r = world.ruleset;
  const State& other = world.states[from];
  ThreatFactors f;
  if (felt_by == from) return f;

  f.power = 100.0 * in.power[from] / std::max(1e-9, in.power[felt_by] + in.power[from]);
  f.proximity = 100.0 * proximity(world, felt_by, from);

  // The security dilemma: projection reads as offensive whatever it was bought for; publishing
  // the budget and confidence-building agreements make it read as less so.
  const double proj = in.projection[from];
  double offense = 100.0 * proj / (proj + in.defense[felt_by] + 1.0);
  if (other.publish_budget) offense *= r.transparency_offense_damping();
  if (in.ties->share(felt_by, from, TreatyType::ConfidenceBuilding))
    offense *= r.confidence_building_offense_damping();
  f.offense = offense;

  f.intentions = std::clamp(record.hostility + in.reputation_term[from], 0.0, 100.0);

  if (in.ties->share(felt_by, from, TreatyType::MutualDefense))
    f.alliance_discount = r.ally_threat_discount();
  else if (in.ties->share(felt_by, from, TreatyType::NonAggression) ||
           in.ties->share(felt_by, from, TreatyType::Neutrality) || record.bandwagoned)
    f.alliance_discount = r.non_aggression_threat_discount();

  const double base = r.threat_weight_power() * f.power + r.threat_weight_offense() * f.offense +
                      r.threat_weight_intentions() * f.intentions;
  const double reach = r.proximity_floor() + (1.0 - r.proximity_floor()) * f.proximity / 100.0;
  f.total = std::clamp(base * reach * f.alliance_discount, 0.0, 100.0);
  return f;
}

[[gnu::always_inline]] inline ThreatFactors factors(const World& world, const ThreatInputs& in,
                                                    StateIndex felt_by, StateIndex from) {
  return factors(world, in, felt_by, from, world.states[felt_by].relations[from]);
}

}  // namespace

ThreatFactors threat_factors(const World& world, const ThreatInputs& inputs, StateIndex felt_by,
                             StateIndex from, const Relation& record) {
  return factors(world, inputs, felt_by, from, record);
}

ThreatFactors threat_factors(const World& world, StateIndex felt_by, StateIndex from) {
  const TreatyTies ties(world);
  return factors(world, ThreatInputs(world, ties), felt_by, from);
}

void threats_felt_by(const World& world, const ThreatInputs& inputs, StateIndex felt_by,
                     std::vector<ThreatFactors>& row) {
  row.assign(world.states.size(), ThreatFactors{});
  for (int j = 0; j < world.size(); ++j)
    if (j != felt_by) row[j] = factors(world, inputs, felt_by, j);
}

std::vector<ThreatFactors> threats_felt_by(const World& world, StateIndex felt_by) {
  const TreatyTies ties(world);
  std::vector<ThreatFactors> row;
  threats_felt_by(world, ThreatInputs(world, ties), felt_by, row);
  return row;
}

std::vector<ThreatFactors> threats_caused_by(const World& world, StateIndex from) {
  const TreatyTies ties(world);
  const ThreatInputs inputs(world, ties);
  std::vector<ThreatFactors> column(world.size());
  for (int i = 0; i < world.size(); ++i)
    if (i != from) column[i] = factors(world, inputs, i, from);
  return column;
}

ThreatMatrix compute_threat_matrix(const World& world) {
  ThreatMatrix m;
  compute_threat_matrix(world, m);
  return m;
}

void compute_threat_matrix(const World& world, ThreatMatrix& m, std::vector<double>* worst_felt) {
  const int n = world.size();
  m.n = n;
  if (m.cells.size() != size_t(n) * n) m.cells.assign(size_t(n) * n, 0.0);
  if (worst_felt) worst_felt->assign(size_t(n), 0.0);
  const TreatyTies ties(world);
  const ThreatInputs in(world, ties);
  if (world.map().proximity.size() != size_t(n) * n) {
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) m.at(i, j) = i == j ? 0.0 : factors(world, in, i, j).total;
    if (worst_felt)
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
          if (j != i) (*worst_felt)[i] = std::max((*worst_felt)[i], m.at(i, j));
    return;
  }
  // factors() for every pair, its arithmetic unchanged, with what a row or the whole matrix
  // shares taken once: the ruleset's weights are held in locals because the compiler cannot tell
  // the matrix's stores from them.
  const Ruleset& r = world.ruleset;
  const double transparency = r.transparency_offense_damping(),
               confidence = r.confidence_building_offense_damping(),
               ally_discount = r.ally_threat_discount(),
               non_aggression_discount = r.non_aggression_threat_discount(),
               weight_power = r.threat_weight_power(), weight_offense = r.threat_weight_offense(),
               weight_intentions = r.threat_weight_intentions(), floor = r.proximity_floor(),
               beyond_floor = 1.0 - floor;
  constexpr std::uint8_t kAllied = TreatyTies::bit(TreatyType::MutualDefense);
  constexpr std::uint8_t kNonAggression = TreatyTies::bit(TreatyType::NonAggression) |
                                          TreatyTies::bit(TreatyType::Neutrality);
  constexpr std::uint8_t kConfidence = TreatyTies::bit(TreatyType::ConfidenceBuilding);
  std::vector<std::uint8_t> published(static_cast<size_t>(n));
  for (int j = 0; j < n; ++j) published[j] = world.states[j].publish_budget;
  for (int i = 0; i < n; ++i) {
    const Relation* const held = world.states[i].relations.data();
    const std::uint8_t* const tie = ties.row(i);
    const double* const near = world.map().proximity.data() + size_t(i) * n;
    const double own_power = in.power[i], own_defense = in.defense[i];
    double* const out = m.cells.data() + size_t(i) * n;
    double worst = 0;
    for (int j = 0; j < n; ++j) {
      if (j == i) {
        out[j] = 0.0;
        continue;
      }
      const double power = 100.0 * in.power[j] / std::max(1e-9, own_power + in.power[j]);
      const double proximity = 100.0 * near[j];
      const double proj = in.projection[j];
      double offense = 100.0 * proj / (proj + own_defense + 1.0);
      if (published[j]) offense *= transparency;
      if (tie[j] & kConfidence) offense *= confidence;
      const double intentions = std::clamp(held[j].hostility + in.reputation_term[j], 0.0, 100.0);
      double discount = 1;
      if (tie[j] & kAllied)
        discount = ally_discount;
      else if ((tie[j] & kNonAggression) || held[j].bandwagoned)
        discount = non_aggression_discount;
      const double base =
          weight_power * power + weight_offense * offense + weight_intentions * intentions;
      const double reach = floor + beyond_floor * proximity / 100.0;
      out[j] = std::clamp(base * reach * discount, 0.0, 100.0);
      worst = std::max(worst, out[j]);
    }
    if (worst_felt) (*worst_felt)[i] = worst;
  }
}

StateIndex top_threat(const World& world, StateIndex felt_by) {
  StateIndex best = -1;
  double best_value = 0;
  for (int j = 0; j < world.size(); ++j) {
    if (j == felt_by || world.threat.n != world.size()) continue;
    if (world.threat.at(felt_by, j) > best_value) {
      best_value = world.threat.at(felt_by, j);
      best = j;
    }
  }
  return best;
}

double credibility(const World& world, const Treaty& treaty) {
  if (treaty.members.empty()) return 0;
  double reputation = 0;
  for (const auto& m : treaty.members) reputation += world.states[m.state].reputation;
  reputation /= static_cast<double>(treaty.members.size());
  return treaty.cohesion * (0.5 + 0.5 * treaty.interoperability) * (reputation / 100.0);
}

}  // namespace hegemon
