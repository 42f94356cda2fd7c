#include "shared/bots/pressure_plan.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "shared/format.h"
#include "shared/threat.h"
#include "shared/validate.h"

namespace hegemon {

void press_neighbours(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      Draft& draft) {
  if (d.pressure_power_ratio() <= 0) return;
  const World& w = view.world();
  const StateIndex me = view.seat();
  const State& own = view.own();
  if (own.lean == GovernmentLean::Dovish) return;
  std::vector<StateIndex> targets;
  std::vector<double> values;
  for (int o = 0; o < w.size(); ++o) {
    if (o == me || proximity(w, me, o) < 0.5) continue;
    const double ratio = a.power[me] / std::max(1e-9, a.power[o]);
    const bool under_sway = w.states[o].relations[me].finland_status != FinlandStatus::Independent;
    if (ratio < d.pressure_power_ratio() && !under_sway) continue;
    // What pressure buys is sway (and the influence that comes with it); what it costs is the
    // hostility it records, which the target and its friends answer by balancing.
    const double value = d.influence_weight() * std::log(std::max(1.0, ratio)) * 5.0 +
                         (under_sway ? 10.0 : 0.0) - a.threat[o] * 0.2;
    targets.push_back(o);
    values.push_back(value);
  }
  int pressed = 0;
  for (int i : ranked_by_chance(values, d.temperature(), rng)) {
    if (values[i] <= 0 || pressed >= 3) break;
    const StateIndex o = targets[i];
    const double ratio = a.power[me] / std::max(1e-9, a.power[o]);
    int intensity = 1 + (ratio > 2 * d.pressure_power_ratio()) + (ratio > 4 * d.pressure_power_ratio());
    intensity = std::clamp(intensity, 1, std::max(1, d.max_pressure_intensity()));
    PressureKind kind = PressureKind::Diplomatic;
    if (projectable_force(own) > 2.0 * defensive_force(w.states[o]) && rng.uniform() < 0.5)
      kind = PressureKind::MilitaryPosture;
    else if (own.gdp > 5.0 * w.states[o].gdp && rng.uniform() < 0.5)
      kind = PressureKind::Economic;
    draft.add(ApplyPressure{o, kind, intensity}, [&] {
      return std::string(pressure_kind_name(kind)) + " pressure on " + w.states[o].name +
             " (intensity " + std::to_string(intensity) + "), whose power it outweighs " +
             fmt(ratio) + " times";
    });
    ++pressed;
  }
}

void soft_balance(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                  Draft& draft) {
  if (d.sanction_threat() <= 0) return;
  const World& w = view.world();
  const StateIndex me = view.seat();
  const bool strained = view.own().stability < d.stability_alarm();
  for (int t = 0; t < w.size(); ++t) {
    if (t == me) continue;
    const bool sanctioning = w.is_sanctioning(me, t);
    if (sanctioning) {
      if (a.threat[t] < d.lift_sanction_threat() || strained)
        draft.add(LiftSanction{t}, [&] {
          return "lifts its sanction on " + w.states[t].name +
                 (strained ? ": its own stability cannot bear the cost"
                           : ": the threat has passed (" + fmt(a.threat[t]) + ")");
        });
      continue;
    }
    if (strained || a.threat[t] < d.sanction_threat() ||
        view.ties().share(me, t, TreatyType::MutualDefense))
      continue;
    int others = 0;
    for (const auto& s : w.sanctions) others += s.target == t ? 1 : 0;
    // Soft balancing is coordinated: a lone sanction costs much and achieves little, so the more
    // states already sanction, the likelier the seat joins them.
    const double value = a.threat[t] - d.sanction_threat() + 8.0 * others;
    if (worth_it(value, 15.0, d.temperature() + 5.0, rng))
      draft.add(JoinSanction{t}, [&] {
        return "sanctions " + w.states[t].name + " (threat " + fmt(a.threat[t]) + ", " +
               std::to_string(others) + " states already sanction it)";
      });
  }
}

void support_the_threatened(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                            const SetBudget& budget, Rng& rng, Draft& draft) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  const StateIndex feared = a.most_feared;
  if (feared < 0) return;
  if (d.guarantee_power_ratio() > 0) {
    StateIndex best = -1;
    double best_value = 0;
    for (int o = 0; o < w.size(); ++o) {
      if (o == me || o == feared || proximity(w, o, feared) < 0.5) continue;
      if (a.power[me] < d.guarantee_power_ratio() * a.power[o]) continue;
      if (w.states[o].relations[feared].finland_status == FinlandStatus::Finlandized) continue;
      const bool swayed =
          w.states[o].relations[feared].finland_status == FinlandStatus::Accommodating;
      const bool exposed =
          a.power[feared] > w.ruleset.finland_min_power_ratio() * a.power[o];
      if (!swayed && !exposed) continue;
      const double value = a.danger[feared] * (swayed ? 2.0 : 1.0) * (0.5 + rng.uniform());
      if (value > best_value) best_value = value, best = o;
    }
    if (best >= 0 && best_value > 5.0)
      draft.add(OfferGuarantee{best}, [&] {
        return "guarantees " + w.states[best].name + ", which " + w.states[feared].name +
               " could draw into its orbit";
      });
  }
  if (d.aid_share() > 0) {
    const double projection_budget =
        a.spendable * budget.allocation[Category::PowerProjection] / kBasisPoints;
    StateIndex ally = -1;
    double need = 0;
    for (int o = 0; o < w.size(); ++o) {
      if (o == me || !view.ties().share(me, o, TreatyType::MutualDefense)) continue;
      if (a.power[me] < 3.0 * a.power[o]) continue;
      const double theirs = w.threat.at(o, feared);
      if (theirs > need) need = theirs, ally = o;
    }
    if (ally >= 0 && need > 30 && projection_budget > 0)
      draft.add(SendMilitaryAid{ally, d.aid_share() * projection_budget}, [&] {
        return "sends military aid to " + w.states[ally].name + ", which fears " +
               w.states[feared].name + " (" + fmt(need) + ")";
      });
  }
}

void bandwagon_if_better(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                         double best_balance, Rng& rng, Draft& draft) {
  const StateIndex feared = a.most_feared;
  const StateIndex me = view.seat();
  if (feared < 0 || a.power[feared] <= a.power[me]) return;
  const Ruleset& r = view.rules();
  // Security: its threat is discounted as a protector's. Sovereignty: courting it adds to the
  // push toward Finlandization, against whatever resistance the seat has.
  const double now = a.factors[feared].alliance_discount;
  const double relief =
      a.danger[feared] * std::max(0.0, 1.0 - r.non_aggression_threat_discount() / now);
  const double cost = expected_sway(view, a, feared, r.finland_bandwagon_gain()) -
                      expected_sway(view, a, feared, 0.0);
  const double value = d.security_weight() * relief - d.sovereignty_weight() * cost * 4.0;
  if (value > best_balance && worth_it(value, d.treaty_threshold(), d.temperature(), rng))
    draft.add(Bandwagon{feared}, [&] {
      return "seeks " + view.world().states[feared].name + "'s protection: worth " + fmt(value) +
             ", more than balancing against it (" + fmt(best_balance) + ")";
    });
}

}  // namespace hegemon
