#include "shared/bots/treaty_plan.h"

#include <algorithm>
#include <string>

#include "shared/bots/budget_plan.h"
#include "shared/finlandization.h"
#include "shared/format.h"
#include "shared/threat.h"
#include "shared/validate.h"

namespace hegemon {
namespace {

/// The chance a state reviews one of its treaties in a turn.
constexpr double kReviewChance = 1.0 / 3.0;

std::vector<StateIndex> others_in(const std::vector<StateIndex>& members, StateIndex me) {
  std::vector<StateIndex> out;
  for (StateIndex m : members)
    if (m != me) out.push_back(m);
  return out;
}

/// The members of `t` but `me`, into `out` (its storage reused).
void others_in(const Treaty& t, StateIndex me, std::vector<StateIndex>& out) {
  out.clear();
  for (const auto& m : t.members)
    if (m.state != me) out.push_back(m.state);
}

/// The part of the seat's threat from `other` that its offensive capability makes up.
double offense_part(const World& w, const Assessment& a, StateIndex other) {
  const Ruleset& r = w.ruleset;
  const ThreatFactors& f = a.factors[other];
  const double base = r.threat_weight_power() * f.power + r.threat_weight_offense() * f.offense +
                      r.threat_weight_intentions() * f.intentions;
  return base > 0 ? a.danger[other] * r.threat_weight_offense() * f.offense / base : 0.0;
}

/// Danger shed when `other`'s threat is discounted to `discount` (non-aggression, neutrality).
double discount_relief(const Assessment& a, StateIndex other, double discount) {
  const double now = a.factors[other].alliance_discount;
  return a.danger[other] * std::max(0.0, 1.0 - discount / std::max(1e-9, now));
}

/// Sovereignty the seat expects to give up to a much stronger partner it ties itself to: a
/// patron's sway, as the Finlandization push of the rules reckons it.
double sway_cost(const SeatView& view, const Assessment& a, const std::vector<StateIndex>& partners) {
  const StateIndex me = view.seat();
  double cost = 0;
  for (StateIndex p : partners)
    if (a.power[p] > view.rules().finland_min_power_ratio() * a.power[me])
      cost += expected_sway(view, a, p, 0.0);
  return cost;
}

/// What allies are worth to a seat's standing among states: partners who fear the state it fears
/// most are kept out of that state's orbit, and weaker partners under the seat's own sway stay in
/// its camp.
double standing_gained(const SeatView& view, const Assessment& a,
                       const std::vector<StateIndex>& partners) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  double gained = 0;
  for (StateIndex p : partners) {
    if (a.most_feared >= 0 && p != a.most_feared)
      gained += 2.0 * w.threat.at(p, a.most_feared) / 100.0 * a.threat[a.most_feared] / 10.0;
    if (w.states[p].relations[me].finland_status != FinlandStatus::Independent) gained += 5.0;
  }
  return gained;
}

std::string names(const World& w, const std::vector<StateIndex>& states) {
  std::string out;
  for (StateIndex s : states) out += (out.empty() ? "" : ", ") + w.states[s].name;
  return out;
}

}  // namespace

double treaty_value(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                    TreatyType type, const std::vector<StateIndex>& partners,
                    const TreatyTerms& terms, double trust, Standing standing) {
  const bool member = standing == Standing::InForce;
  const World& w = view.world();
  const Ruleset& r = w.ruleset;
  const StateIndex me = view.seat();
  // A floor above what the seat's standing budget spends on forces is money it must move from
  // elsewhere.
  const State& own = view.own();
  const double spendable = a.spendable;
  const double forces_bp = own.allocation[Category::TerritorialDefense] +
                           own.allocation[Category::PowerProjection];
  const double spent_bp =
      own.gdp > 0 ? spendable * forces_bp / (own.gdp * w.scenario.years_per_turn()) : 0.0;
  const double floor_cost = std::max(0.0, terms.spending_floor_bp - spent_bp) / 10.0 +
                            terms.contribution_bp / 20.0;
  double value = 0;
  switch (type) {
    case TreatyType::MutualDefense:
      value = d.security_weight() * danger_relief(view, a, partners, trust, member) -
              d.entrapment_aversion() * entrapment(view, a, partners) - floor_cost -
              d.sovereignty_weight() * sway_cost(view, a, partners) +
              d.influence_weight() * standing_gained(view, a, partners);
      break;
    case TreatyType::MilitaryAid: {
      // Pooled contributions are shared equally: the poorer members gain what the richer pay.
      const double mine = std::max(1e-9, own.gdp * own.tax_share);
      double pool = mine;
      for (StateIndex p : partners) pool += w.states[p].gdp * w.states[p].tax_share;
      const double gain = pool / double(partners.size() + 1) / mine - 1.0;
      value = d.security_weight() * 0.3 * danger_relief(view, a, partners, trust, member) +
              10.0 * gain * terms.contribution_bp / 100.0 -
              d.entrapment_aversion() * 0.5 * entrapment(view, a, partners) - floor_cost;
      break;
    }
    case TreatyType::JointExercises:
      for (StateIndex p : partners)
        if (view.ties().share(me, p, TreatyType::MutualDefense))
          value += d.exercises_weight() * reach_of(w, p, me) /
                   (1.0 + reach_of(w, p, me) + defensive_force(view.own())) * a.total_danger /
                   10.0;
      value -= floor_cost;
      break;
    case TreatyType::ConfidenceBuilding:
      for (StateIndex p : partners)
        value += d.reassurance_weight() * offense_part(w, a, p) *
                 (1.0 - r.confidence_building_offense_damping());
      value -= floor_cost;
      break;
    case TreatyType::NonAggression:
      for (StateIndex p : partners)
        value += d.reassurance_weight() *
                 discount_relief(a, p, r.non_aggression_threat_discount());
      value -= floor_cost;
      break;
    case TreatyType::Neutrality:
      for (StateIndex p : partners)
        value += d.reassurance_weight() *
                     discount_relief(a, p, r.non_aggression_threat_discount()) +
                 d.sovereignty_weight() * expected_sway(view, a, p, 0.0) *
                     (1.0 - r.neutrality_gain_factor());
      // Neutral toward one power, the seat gives up what alliances against it would bring; the
      // power it is neutral toward gives up its sway over the seat.
      value -= d.security_weight() * 0.2 * a.total_danger / 10.0;
      for (StateIndex p : partners)
        if (a.power[p] * r.finland_min_power_ratio() < a.power[me]) value -= d.influence_weight() * 5.0;
      break;
  }
  return value;
}

void answer_proposals(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      Draft& draft) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  for (const auto& p : w.proposals) {
    if (p.status != ProposalStatus::Open || p.proposer == me || p.has_accepted(me)) continue;
    // A request to join a treaty the seat is in is weighed as what the applicant would add.
    const Treaty* joined = p.accession_to != 0 ? w.find_treaty(p.accession_to) : nullptr;
    const std::vector<StateIndex> partners =
        joined ? std::vector<StateIndex>{p.proposer} : others_in(p.members, me);
    const double trust =
        joined ? credibility(w, *joined) : expected_credibility(w, p.members);
    const double value = treaty_value(view, a, d, p.type, partners, p.terms, trust);
    const auto what = [&] {
      return joined
                 ? w.states[p.proposer].name + "'s request to join " +
                       (joined->name.empty() ? std::string(treaty_type_name(p.type)) : joined->name)
                 : std::string(treaty_type_name(p.type)) + " with " + names(w, partners);
    };
    if (worth_it(value, d.treaty_threshold(), d.temperature(), rng)) {
      draft.add(AcceptProposal{p.id},
                [&] { return "accepts the " + what() + ": worth " + fmt(value); });
      continue;
    }
    // Terms too dear: the same treaty at a floor the seat can keep may still be worth it (an
    // accession is on the treaty's own terms, not open to counters).
    if (!joined && p.terms.spending_floor_bp > d.floor_accepted_bp()) {
      TreatyTerms lighter = p.terms;
      lighter.spending_floor_bp = d.floor_accepted_bp();
      const double lighter_value = treaty_value(view, a, d, p.type, partners, lighter,
                                                          trust);
      if (lighter_value > d.treaty_threshold()) {
        draft.add(CounterProposal{p.id, lighter}, [&] {
          return "counters the " + what() + " with a floor of " +
                 fmt(lighter.spending_floor_bp / 100.0, 2) + " % of GDP: worth " +
                 fmt(lighter_value) + " against " + fmt(value);
        });
        continue;
      }
    }
    draft.add(RejectProposal{p.id},
              [&] { return "rejects the " + what() + ": worth only " + fmt(value); });
  }
}

void cancel_stale_proposals(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                            Draft& draft) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  for (const auto& p : w.proposals) {
    if (p.proposer != me || p.status != ProposalStatus::Open || p.accession_to != 0) continue;
    const std::vector<StateIndex> partners = others_in(p.members, me);
    bool barred = false;
    for (StateIndex m : partners)
      barred = barred || (is_military(p.type) && view.accommodates_a_power(m));
    const double value = treaty_value(view, a, d, p.type, partners, p.terms,
                                      expected_credibility(w, p.members));
    if (barred || value < 0)
      draft.add(CancelProposal{p.id}, [&] {
        return "withdraws its proposal of a " + std::string(treaty_type_name(p.type)) + " to " +
               names(w, partners) +
               (barred ? ": a partner can no longer sign it"
                       : ": no longer worth having (" + fmt(value) + ")");
      });
  }
}

void leave_treaties(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                    Draft& draft) {
  const World& w = view.world();
  const StateIndex me = view.seat();
  std::vector<StateIndex> partners;
  for (const auto& t : w.treaties) {
    const MemberStanding* m = t.member(me);
    if (!m || m->notice_given_turn > 0 || t.type == TreatyType::Neutrality) continue;
    // A state reviews each commitment now and then, not every turn.
    if (rng.uniform() >= kReviewChance) continue;
    others_in(t, me, partners);
    const double value = treaty_value(view, a, d, t.type, partners, t.terms, credibility(w, t),
                                      Standing::InForce);
    // Leaving costs reputation and cannot be undone quickly: only a treaty clearly in the red is
    // left, and even then not always at once.
    if (value < -d.withdrawal_threshold() && rng.uniform() < 0.5)
      draft.add(WithdrawFromTreaty{t.id}, [&] {
        return "gives notice on " +
               (t.name.empty() ? std::string(treaty_type_name(t.type)) : t.name) +
               ": it now costs more than it gives (worth " + fmt(value) + ")";
      });
  }
}

double propose_treaties(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                        Draft& draft) {
  const World& w = view.world();
  const StateIndex me = view.seat();

  struct Candidate {
    TreatyType type;
    StateIndex partner;  // -1 for a request to join treaty `accede_to`
    TreatyTerms terms;
    double value;
    int accede_to = 0;
  };
  std::vector<Candidate> candidates;
  bool awaiting = false;
  for (const auto& p : w.proposals)
    awaiting = awaiting || (p.proposer == me && p.status == ProposalStatus::Open);
  // While its proposals await answers the seat proposes nothing new; what balancing is worth is
  // then asked only if bandwagoning is on the table at all.
  const bool bandwagon_possible =
      a.most_feared >= 0 && a.power[a.most_feared] > a.power[me];
  if (awaiting && !bandwagon_possible) return 0.0;
  // How far each state fears the seat's dangers (its threats as the public reckons them).
  std::vector<double> shared(size_t(w.size()), 0.0);
  // (The seat's own danger and each state's threat from itself are zero, so every x may count.)
  for (int o = 0; o < w.size(); ++o) {
    const double* fears = &w.threat.cells[size_t(o) * w.size()];
    for (int x = 0; x < w.size(); ++x) shared[o] += a.danger[x] * fears[x] / 100.0;
  }
  candidates.reserve(w.treaties.size() + 6 * size_t(w.size()));
  // Joining an alliance in force: worth what its members' force would bring, if they all accept
  // (judged by how far the least concerned of them shares the seat's dangers).
  std::vector<StateIndex> members;
  for (const auto& t : w.treaties) {
    if (t.type != TreatyType::MutualDefense || t.has_member(me)) continue;
    others_in(t, me, members);
    double least = 1.0;
    for (StateIndex m : members)
      least = std::min(least, 2.0 * shared[m] / std::max(1e-9, a.total_danger));
    if (least <= 0.05) continue;
    const double value = treaty_value(view, a, d, t.type, members, t.terms, credibility(w, t));
    candidates.push_back({t.type, -1, t.terms, value * least, t.id});
  }
  const TreatyTerms pact_terms{d.floor_asked_bp(), 0, 0, 4, 2};
  const TreatyTerms light_terms{0, 0, 0, 0, 1};
  std::vector<StateIndex> partner(1);
  for (int o = 0; o < w.size(); ++o) {
    if (o == me) continue;
    partner[0] = o;
    const double trust =
        expected_credibility(w, (w.states[me].reputation + w.states[o].reputation) / 2.0);
    // A partner only signs what it gains from too: judge its likely answer by whether it fears
    // the seat's dangers.
    const double shared_share = shared[o] / std::max(1e-9, a.total_danger);
    auto consider = [&](TreatyType type, const TreatyTerms& terms, double likelihood) {
      if (likelihood <= 0.1 || view.ties().share(me, o, type)) return;
      const double value = treaty_value(view, a, d, type, partner, terms, trust);
      candidates.push_back({type, o, terms, value * likelihood});
    };
    const bool allied = view.ties().share(me, o, TreatyType::MutualDefense);
    // A state that accommodates any power may not join military treaties against it: the seat
    // proposes none to it rather than learn which ones.
    const bool open_to_pacts = !view.accommodates_a_power(o);
    if (open_to_pacts)
      consider(TreatyType::MutualDefense, pact_terms, std::min(1.0, 2.0 * shared_share));
    if (awaiting) continue;
    if (open_to_pacts) {
      if (allied) consider(TreatyType::JointExercises, light_terms, 1.0);
      if (allied && d.aid_share() > 0 && a.power[me] > 3.0 * a.power[o])
        consider(TreatyType::MilitaryAid, TreatyTerms{0, 100, 0, 0, 1}, 1.0);
    }
    // Reassurance is worth seeking only from a state that endangers the seat.
    if (a.danger[o] > 1.0) {
      consider(TreatyType::NonAggression, light_terms, 0.7);
      consider(TreatyType::ConfidenceBuilding, light_terms, 0.7);
      // Neutrality is the small state's answer to the one great power it fears most.
      if (o == a.most_feared && a.power[o] > w.ruleset.finland_min_power_ratio() * a.power[me])
        consider(TreatyType::Neutrality, light_terms, 0.8);
    }
  }
  std::vector<double> values;
  double best_pact = 0;
  for (const auto& c : candidates) {
    values.push_back(c.value);
    if (c.type == TreatyType::MutualDefense) best_pact = std::max(best_pact, c.value);
  }
  if (awaiting) return best_pact;
  int made = 0;
  for (int i : ranked_by_chance(values, d.temperature(), rng, d.treaty_threshold())) {
    if (made >= d.max_proposals()) break;
    const Candidate& c = candidates[i];
    if (c.value <= d.treaty_threshold()) continue;
    if (c.accede_to != 0) {
      const Treaty* t = w.find_treaty(c.accede_to);
      draft.add(RequestAccession{c.accede_to}, [&] {
        return "asks to join " +
               (t->name.empty() ? std::string(treaty_type_name(t->type)) : t->name) + ": worth " +
               fmt(c.value) + " after the chance its members all accept";
      });
      ++made;
      continue;
    }
    ProposeTreaty p;
    p.type = c.type;
    p.members = {c.partner};
    p.terms = c.terms;
    p.name = w.states[me].name + "-" + w.states[c.partner].name + " " + treaty_type_name(c.type);
    draft.add(p, [&] {
      return "proposes a " + std::string(treaty_type_name(c.type)) + " to " +
             w.states[c.partner].name + ": worth " + fmt(c.value) + " after the chance it accepts";
    });
    ++made;
  }
  return best_pact;
}

}  // namespace hegemon
