#include "shared/policy.h"

#include <algorithm>
#include <cmath>

#include "shared/finlandization.h"
#include "shared/threat.h"
#include "shared/validate.h"

namespace hegemon {
namespace {

/// The share of revenue (basis points) that spends `gdp_bp` of GDP on forces.
int revenue_bp_for_gdp_bp(const World& w, StateIndex s, int gdp_bp) {
  const State& st = w.states[s];
  const double spendable = std::max(1e-9, expected_spendable(w, s));
  const double money = st.gdp * w.scenario.years_per_turn() * gdp_bp / kBasisPoints;
  return static_cast<int>(std::ceil(money / spendable * kBasisPoints));
}

Allocation plan_budget(const World& w, StateIndex s, StateIndex threat) {
  const State& st = w.states[s];
  const double felt = threat >= 0 ? w.threat.at(s, threat) : 0.0;
  int defense = 800 + static_cast<int>(felt * 30.0);
  if (st.lean == GovernmentLean::Hawkish) defense += 600;
  if (st.lean == GovernmentLean::Dovish) defense -= 600;
  if (st.stability < 35) defense -= 1000;
  // Keep every spending floor the state has signed, with a margin.
  for (const auto& t : w.treaties)
    if (t.has_member(s) && t.terms.spending_floor_bp > 0)
      defense = std::max(defense, revenue_bp_for_gdp_bp(w, s, t.terms.spending_floor_bp + 20));
  defense = std::clamp(defense, 500, 6500);

  // Stronger than its threat: projection deters; weaker: territorial defense protects without
  // provoking (and resists Finlandization).
  const double mine = aggregate_power(w.ruleset, st);
  const double theirs = threat >= 0 ? aggregate_power(w.ruleset, w.states[threat]) : 0.0;
  const int projection = mine > 1.5 * theirs ? defense * 55 / 100 : defense * 25 / 100;

  Allocation a;
  a[Category::TerritorialDefense] = defense - projection;
  a[Category::PowerProjection] = projection;
  const int rest = kBasisPoints - defense;
  a[Category::Economy] = rest * 30 / 100;
  a[Category::Research] = rest * 12 / 100;
  a[Category::Diplomacy] = rest * 10 / 100;
  a[Category::Intelligence] = rest * 8 / 100;
  a[Category::Welfare] = kBasisPoints - a.total();
  return a;
}

/// Walt's very weak state: one whose feared power outweighs it four times the ratio at which
/// Finlandization begins. Only such a state bandwagons.
bool very_weak(const World& w, StateIndex s, StateIndex threat) {
  if (threat < 0) return false;
  const double ratio = aggregate_power(w.ruleset, w.states[threat]) /
                       std::max(1e-9, aggregate_power(w.ruleset, w.states[s]));
  return ratio > 4 * w.ruleset.finland_min_power_ratio();
}

bool has_open_proposal(const World& w, StateIndex s) {
  return std::any_of(w.proposals.begin(), w.proposals.end(), [&](const Proposal& p) {
    return p.proposer == s && p.status == ProposalStatus::Open;
  });
}

void answer_proposals(const World& w, StateIndex s, StateIndex threat, OrderSet& out) {
  for (const auto& p : w.proposals) {
    if (p.status != ProposalStatus::Open || !p.has_member(s) || p.has_accepted(s)) continue;
    const bool with_threat = threat >= 0 && p.has_member(threat);
    const bool weak = very_weak(w, s, threat);
    // Balance against the threat; join it only when too weak to do otherwise (bandwagoning).
    const bool good = !is_military(p.type) || !with_threat || weak;
    if (good)
      out.orders.push_back(AcceptProposal{p.id});
    else
      out.orders.push_back(RejectProposal{p.id});
  }
}

void seek_allies(const World& w, StateIndex s, StateIndex threat, OrderSet& out) {
  if (threat < 0 || w.threat.at(s, threat) < 30 || has_open_proposal(w, s)) return;
  StateIndex best = -1;
  double best_power = 0;
  for (int o = 0; o < w.size(); ++o) {
    if (o == s || o == threat || w.share_treaty(s, o, TreatyType::MutualDefense)) continue;
    if (w.threat.at(o, threat) < 20) continue;  // only states that fear the same power
    const double p = aggregate_power(w.ruleset, w.states[o]);
    if (p > best_power) best_power = p, best = o;
  }
  if (best < 0) return;
  ProposeTreaty p;
  p.type = TreatyType::MutualDefense;
  p.members = {best};
  p.terms = {150, 0, 0, 4, 2};
  p.name = w.states[s].name + "-" + w.states[best].name + " defense pact";
  out.orders.push_back(p);
}

/// A much stronger state keeps up pressure on the neighbours already leaning its way and on the
/// weakest new one, as far as its influence goes (the validation drops what it cannot pay for).
void lean_on_neighbours(const World& w, StateIndex s, OrderSet& out) {
  const State& st = w.states[s];
  if (st.lean == GovernmentLean::Dovish) return;
  const double mine = aggregate_power(w.ruleset, st);
  StateIndex weakest = -1;
  double best = 0;
  for (int o = 0; o < w.size(); ++o) {
    if (o == s || proximity(w, s, o) < 0.5) continue;
    const double ratio = mine / std::max(1e-9, aggregate_power(w.ruleset, w.states[o]));
    if (ratio < 3 * w.ruleset.finland_min_power_ratio()) continue;
    if (w.share_treaty(s, o, TreatyType::MutualDefense)) continue;
    if (w.states[o].relations[s].finland_level >= 20)
      out.orders.push_back(ApplyPressure{o, PressureKind::Diplomatic, 1});
    else if (ratio > best)
      best = ratio, weakest = o;
  }
  if (weakest >= 0) out.orders.push_back(ApplyPressure{weakest, PressureKind::Diplomatic, 1});
}

void guarantee_the_threatened(const World& w, StateIndex s, StateIndex threat, OrderSet& out) {
  if (threat < 0) return;
  for (int o = 0; o < w.size(); ++o) {
    if (o == s || o == threat) continue;
    const Relation& rel = w.states[o].relations[threat];
    if (rel.finland_level > 25 && rel.finland_status != FinlandStatus::Finlandized) {
      out.orders.push_back(OfferGuarantee{o});
      return;
    }
  }
}

void bandwagon_if_weak(const World& w, StateIndex s, StateIndex threat, OrderSet& out) {
  if (!very_weak(w, s, threat)) return;
  const Relation& rel = w.states[s].relations[threat];
  bool allied = false;
  for (const auto& t : w.treaties)
    if (t.type == TreatyType::MutualDefense && t.has_member(s) && !t.has_member(threat))
      allied = true;
  if (!allied && rel.finland_level > 30)
    out.orders.push_back(Bandwagon{threat});
}

}  // namespace

OrderSet simple_policy(const World& w, StateIndex s) {
  OrderSet draft{s, {}};
  const StateIndex threat = top_threat(w, s);
  draft.orders.push_back(SetBudget{plan_budget(w, s, threat), w.states[s].publish_budget});
  answer_proposals(w, s, threat, draft);
  seek_allies(w, s, threat, draft);
  bandwagon_if_weak(w, s, threat, draft);
  lean_on_neighbours(w, s, draft);
  guarantee_the_threatened(w, s, threat, draft);

  // Keep only what the rules accept, so the policy never sends an order it knows will fail.
  OrderSet out{s, {}};
  const auto results = validate_orders(w, draft);
  for (const auto& r : results)
    if (r.accepted) out.orders.push_back(draft.orders[r.index]);
  return out;
}

}  // namespace hegemon
