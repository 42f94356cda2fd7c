#include "shared/bots/assessment.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "shared/validate.h"


namespace hegemon {

namespace {

/// A set of states as bits: a few words on the stack for any world of up to 256 states, the heap
/// only beyond, so that weighing one treaty allocates nothing.
class StateSet {
 public:
  explicit StateSet(int states) {
    if (states > kInlineWords * 64) {
      heap_.assign(size_t(states + 63) / 64, 0);
      words_ = heap_.data();
    }
  }
  StateSet(const StateSet&) = delete;
  StateSet& operator=(const StateSet&) = delete;
  void add(StateIndex s) { words_[s / 64] |= std::uint64_t{1} << (s % 64); }
  bool has(StateIndex s) const { return (words_[s / 64] >> (s % 64)) & 1u; }

 private:
  static constexpr int kInlineWords = 4;
  std::array<std::uint64_t, kInlineWords> inline_{};
  std::vector<std::uint64_t> heap_;
  std::uint64_t* words_ = inline_.data();
};

}  // namespace

double reach_of(const World& w, StateIndex helper, StateIndex helped) {
  const State& h = w.states[helper];
  return proximity(w, helper, helped) * h.forces() * h.technology;
}

double expected_credibility(const World& w, double mean_reputation) {
  return (0.5 + 0.5 * w.ruleset.starting_interoperability()) * mean_reputation / 100.0;
}

double expected_credibility(const World& w, const std::vector<StateIndex>& members) {
  if (members.empty()) return 0;
  double reputation = 0;
  for (StateIndex m : members) reputation += w.states[m].reputation;
  return expected_credibility(w, reputation / static_cast<double>(members.size()));
}

double exposure(const Assessment& a, StateIndex source, double cover) {
  return a.projection[source] / (a.projection[source] + a.own_defense + cover);
}

void assess(const SeatView& view, Assessment& a) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  const int n = w.size();
  a.own_defense = 0;
  a.spendable = 0;
  a.total_danger = 0;
  a.most_feared = -1;
  a.threat.assign(n, 0.0);
  a.cover.assign(n, 0.0);
  a.exposure.assign(n, 0.0);
  a.alone.assign(n, 0.0);
  a.danger.assign(n, 0.0);
  a.power.assign(n, 0.0);
  a.reach.assign(n, 0.0);
  a.projection.assign(n, 1.0);
  // Power and forces as the view's threats were reckoned from them.
  const ThreatInputs& seen = view.inputs();
  for (int s = 0; s < n; ++s) {
    a.power[s] = seen.power[s];
    a.projection[s] = seen.projection[s] + 1.0;
    if (s != me) a.reach[s] = reach_of(w, s, me);
  }
  a.own_defense = defensive_force(view.own());

  // Allied cover, source by source: a pact covers against every state outside it.
  for (const auto& t : w.treaties) {
    if (t.type != TreatyType::MutualDefense || !t.has_member(me)) continue;
    double force = 0;
    StateSet members(n);
    for (const auto& m : t.members) {
      members.add(m.state);
      if (m.state != me) force += reach_of(w, m.state, me);
    }
    force *= credibility(w, t);
    for (int s = 0; s < n; ++s)
      if (!members.has(s)) a.cover[s] += force;
  }
  for (const auto& g : w.guarantees) {
    if (g.protected_state != me) continue;
    const State& guarantor = w.states[g.guarantor];
    const double force = guarantor.reputation / 100.0 * guarantor.forces() * guarantor.technology;
    for (int s = 0; s < n; ++s)
      if (s != g.guarantor) a.cover[s] += force;
  }

  a.spendable = expected_spendable(w, me);
  a.factors = view.felt();
  a.sway.assign(n, FinlandForces{});
  // Only a much stronger state, or one the seat courted, moves its level: without either there
  // is nothing for the Finlandization model to reckon.
  bool swayed = false;
  for (int s = 0; s < n; ++s)
    swayed = swayed ||
             (s != me && (a.power[s] > w.ruleset.finland_min_power_ratio() * a.power[me] ||
                          view.own().relations[s].bandwagoned));
  // Only the seat's own levels are reckoned, on the view's treaties.
  const FinlandModel* model = nullptr;
  if (swayed) {
    a.sway_model.reset(w, view.inputs(), me);
    model = &a.sway_model;
  }
  double worst = 0;
  for (int s = 0; s < n; ++s) {
    if (s == me) continue;
    if (model) a.sway[s] = model->forces(me, s, w.states[me].relations[s].coercion,
                                         w.states[me].relations[s].bandwagoned);
    a.threat[s] = a.factors[s].total;
    a.exposure[s] = exposure(a, s, a.cover[s]);
    a.alone[s] = exposure(a, s, 0.0);
    a.danger[s] = a.threat[s] * a.exposure[s];
    a.total_danger += a.danger[s];
    if (a.danger[s] > worst) worst = a.danger[s], a.most_feared = s;
  }
  double top = 0;
  for (double t : a.threat) top = std::max(top, t);
  a.concern.assign(n, 0.0);
  if (top > 0)
    for (int s = 0; s < n; ++s) a.concern[s] = a.threat[s] / top;
  a.worst_quarrel.assign(n, 0.0);
  a.quarrel_with.assign(n, Assessment::kUnreckoned);
}

namespace {

/// danger_relief's sum over the sources, `inside(s)` telling the pact's partners.
template <typename Inside>
double relief_over(const Assessment& a, StateIndex me, int n, double added, double ally_discount,
                   bool already_allied, Inside inside) {
  double relief = 0;
  for (int s = 0; s < n; ++s) {
    if (s == me || a.threat[s] <= 0) continue;
    if (inside(s)) {
      // An ally's threat is discounted: how much depends on what already discounts it.
      const double now = a.factors[s].alliance_discount;
      relief += already_allied ? a.danger[s] * (1.0 / ally_discount - 1.0)
                               : a.danger[s] * std::max(0.0, 1.0 - ally_discount / now);
    } else if (already_allied) {
      const double without = std::max(0.0, a.cover[s] - added);
      relief += a.threat[s] * (exposure(a, s, without) - a.exposure[s]);
    } else {
      relief += a.threat[s] * (a.exposure[s] - exposure(a, s, a.cover[s] + added));
    }
  }
  return relief;
}

}  // namespace

double danger_relief(const SeatView& view, const Assessment& a,
                     const std::vector<StateIndex>& partners, double credibility_expected,
                     bool already_allied) {
  const World& w = view.world();
  const int n = w.size();
  const double ally_discount = w.ruleset.ally_threat_discount();
  double added = 0;
  for (StateIndex p : partners) added += a.reach[p];
  added *= credibility_expected;
  // One partner, the case of every pact a seat weighs proposing, needs no set of members.
  if (partners.size() == 1) {
    const StateIndex partner = partners[0];
    return relief_over(a, view.seat(), n, added, ally_discount, already_allied,
                       [partner](StateIndex s) { return s == partner; });
  }
  StateSet in_pact(n);
  for (StateIndex p : partners) in_pact.add(p);
  return relief_over(a, view.seat(), n, added, ally_discount, already_allied,
                     [&in_pact](StateIndex s) { return in_pact.has(s); });
}

double entrapment(const SeatView& view, const Assessment& a,
                  const std::vector<StateIndex>& partners) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  // Each partner brings its worst quarrel with a state the seat is less concerned by; concern is
  // relative to what the seat fears most, so a distant power still shares its allies' chief foe.
  StateSet inside(w.size());
  for (StateIndex p : partners) inside.add(p);
  inside.add(me);
  double quarrels = 0;
  for (StateIndex p : partners) {
    if (a.quarrel_with[p] == Assessment::kUnreckoned) {
      a.quarrel_with[p] = -1;
      const double* fears = &w.threat.cells[size_t(p) * w.size()];
      for (int x = 0; x < w.size(); ++x) {
        if (x == p || x == me) continue;
        const double quarrel = fears[x] * (1.0 - a.concern[x]);
        if (quarrel > a.worst_quarrel[p]) a.worst_quarrel[p] = quarrel, a.quarrel_with[p] = x;
      }
    }
    // The partner's worst quarrel over all states is the one over those outside the pact unless
    // it is with a fellow member.
    double worst = a.worst_quarrel[p];
    if (a.quarrel_with[p] >= 0 && inside.has(a.quarrel_with[p])) {
      worst = 0;
      const double* fears = &w.threat.cells[size_t(p) * w.size()];
      for (int x = 0; x < w.size(); ++x)
        if (!inside.has(x)) worst = std::max(worst, fears[x] * (1.0 - a.concern[x]));
    }
    quarrels += worst / 10.0;
  }
  return quarrels;
}

double expected_sway(const SeatView& view, const Assessment& a, StateIndex strong,
                     double extra_push) {
  const FinlandForces& f = a.sway[strong];
  return (f.push + extra_push) / (1.0 + f.resistance) * view.world().scenario.years_per_turn();
}

}  // namespace hegemon
