#include "shared/validate.h"

#include <algorithm>
#include <string>
#include <utility>

#include "shared/finlandization.h"
#include "shared/format.h"
#include "shared/threat.h"

namespace hegemon {
namespace {

/// The budget's categories as a refusal names them, in the order of Allocation::bp.
constexpr const char* kCategoryNames[kCategoryCount] = {
    "territorial defense", "power projection", "economy", "welfare", "research",
    "diplomacy",           "intelligence"};

/// What earlier orders of the same set have already committed, for the checks of later ones.
struct Commitments {
  double influence_left = 0;
  double projection_budget = 0;
  double aid_promised = 0;
  bool budget_seen = false;
  // A few entries at most: plain vectors, searched in order, cost less than sets.
  std::vector<std::pair<StateIndex, int>> pressures;  // (target, kind)
  std::vector<StateIndex> guarantees;
  std::vector<int> answered_proposals;
  std::vector<int> accessions;  // treaties this set already asks to join
};

template <typename T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string name_of(const World& w, StateIndex s) { return w.states[s].name; }

std::string check_terms(const TreatyTerms& t) {
  if (t.spending_floor_bp < 0 || t.spending_floor_bp > 5000)
    return "the spending floor must be between 0 and 5000 basis points of GDP";
  if (t.contribution_bp < 0 || t.contribution_bp > 5000)
    return "the contribution must be between 0 and 5000 basis points of revenue";
  if (t.duration < 0 || t.review_period < 0 || t.exit_notice < 0)
    return "duration, review period and exit notice cannot be negative";
  if (t.duration > 0 && t.review_period > t.duration)
    return "the review period cannot be longer than the treaty's duration";
  return {};
}

/// Why `s` may not act against `target` (pressure, sanction), or empty when it may.
std::string opposition_bar(const World& w, StateIndex s, StateIndex target, const char* act) {
  const Relation& rel = w.states[s].relations[target];
  if (rel.finland_status != FinlandStatus::Independent)
    return name_of(w, s) + " is " + finland_status_name(rel.finland_status) + " toward " +
           name_of(w, target) + ": it cannot " + act + " it";
  return {};
}

std::string target_bar(const World& w, StateIndex s, StateIndex target) {
  if (target < 0 || target >= w.size()) return "no such state";
  if (target == s) return "a state cannot direct this at itself";
  return {};
}

/// Revenue after contributions of `contribution_bp` basis points (capped at the whole revenue).
double spendable_after(const World& world, StateIndex s, int contribution_bp) {
  const State& st = world.states[s];
  const double revenue = st.gdp * st.tax_share * world.scenario.years_per_turn();
  return revenue * (1.0 - std::min(contribution_bp, kBasisPoints) / double(kBasisPoints));
}

class OrderChecker {
 public:
  OrderChecker(const World& w, StateIndex s, const StandingCommitments& commitments)
      : w_(w), s_(s), spendable_(spendable_after(w, s, commitments.contribution_bp[s])) {
    const State& st = w.states[s];
    // Influence is paid in the diplomacy step, after a year's wear and alongside the upkeep of
    // the guarantees the state already keeps; this turn's new influence is not counted on.
    const Ruleset& r = w.ruleset;
    c_.influence_left = st.influence * (1.0 - r.influence_decay() * w.scenario.years_per_turn());
    for (int g = 0; g < commitments.guarantees_kept[s]; ++g)
      c_.influence_left -= r.guarantee_influence_cost();
    c_.projection_budget = spendable_ * st.allocation[Category::PowerProjection] / kBasisPoints;
  }

  std::string operator()(const SetBudget& o) {
    if (c_.budget_seen) return "this order set already has a budget; send one budget per turn";
    for (int i = 0; i < kCategoryCount; ++i)
      if (o.allocation.bp[i] < 0) return "budget shares cannot be negative";
    // Each share checked before they are added up, so that no sum of huge shares can wrap
    // round to 10 000.
    for (int i = 0; i < kCategoryCount; ++i)
      if (o.allocation.bp[i] > kBasisPoints)
        return std::string("a budget share is at most 10000 basis points (100 %); ") +
               kCategoryNames[i] + " has " + std::to_string(o.allocation.bp[i]);
    const int total = o.allocation.total();
    if (total != kBasisPoints)
      return "budget shares sum to " + std::to_string(total) +
             " basis points; they must sum to 10000 (100 %)";
    if (c_.aid_promised > 0) {
      const double budget = spendable_ * o.allocation[Category::PowerProjection] / kBasisPoints;
      if (budget < c_.aid_promised)
        return "this budget leaves " + fmt(budget) + " for power projection, less than the " +
               fmt(c_.aid_promised) + " of military aid already ordered";
    }
    c_.budget_seen = true;
    c_.projection_budget = spendable_ * o.allocation[Category::PowerProjection] / kBasisPoints;
    return {};
  }

  std::string operator()(const ProposeTreaty& o) {
    const int type = static_cast<int>(o.type);
    if (type < 1 || type > 6) return "unknown treaty type";
    if (o.members.empty()) return "a treaty needs at least one other member";
    std::set<StateIndex> seen;
    for (StateIndex m : o.members) {
      if (auto bar = target_bar(w_, s_, m); !bar.empty())
        return m == s_ ? "list only the other members; the proposer is always a member" : bar;
      if (!seen.insert(m).second) return name_of(w_, m) + " is listed twice";
    }
    if (o.type == TreatyType::Neutrality && o.members.size() != 1)
      return "a neutrality treaty is between exactly two states";
    if (auto bad = check_terms(o.terms); !bad.empty()) return bad;
    std::vector<StateIndex> all = o.members;
    all.push_back(s_);
    if (auto bar = finland_bar(o.type, all); !bar.empty()) return bar;
    for (const auto& t : w_.treaties) {
      if (t.type != o.type || t.members.size() != all.size()) continue;
      if (std::all_of(all.begin(), all.end(), [&](StateIndex m) { return t.has_member(m); }))
        return "these states already have a " + std::string(treaty_type_name(o.type)) +
               " (treaty " + std::to_string(t.id) + ")";
    }
    return spend_influence(w_.ruleset.proposal_influence_cost(), "propose a treaty");
  }

  std::string operator()(const AcceptProposal& o) {
    const Proposal* p = open_proposal_for(o.proposal_id);
    if (!p) return missing_proposal(o.proposal_id);
    if (p->has_accepted(s_)) return "you have already accepted proposal " +
                                    std::to_string(o.proposal_id);
    // A member that admits a new one joins nothing: only a state entering a treaty is barred.
    if (!is_member_admitting(*p))
      if (auto bar = finland_bar(p->type, p->members); !bar.empty()) return bar;
    return answer(o.proposal_id);
  }

  std::string operator()(const RejectProposal& o) {
    const Proposal* p = open_proposal_for(o.proposal_id);
    if (!p) return missing_proposal(o.proposal_id);
    if (p->proposer == s_) return "you cannot reject your own proposal; cancel it instead";
    return answer(o.proposal_id);
  }

  std::string operator()(const CounterProposal& o) {
    const Proposal* p = open_proposal_for(o.proposal_id);
    if (!p) return missing_proposal(o.proposal_id);
    if (p->proposer == s_) return "you cannot counter your own proposal; cancel it and propose anew";
    if (p->accession_to != 0)
      return "an accession takes the treaty's terms as they stand: accept or reject proposal " +
             std::to_string(o.proposal_id);
    if (auto bad = check_terms(o.terms); !bad.empty()) return bad;
    if (o.terms == p->terms) return "a counter-proposal must change the terms";
    if (auto bar = finland_bar(p->type, p->members); !bar.empty()) return bar;
    if (contains(c_.answered_proposals, o.proposal_id)) return answer(o.proposal_id);
    if (auto bad = spend_influence(w_.ruleset.proposal_influence_cost(), "counter a proposal");
        !bad.empty())
      return bad;
    return answer(o.proposal_id);
  }

  std::string operator()(const WithdrawFromTreaty& o) {
    const Treaty* t = w_.find_treaty(o.treaty_id);
    if (!t) return "no treaty " + std::to_string(o.treaty_id) + " is in force";
    const MemberStanding* m = t->member(s_);
    if (!m) return "you are not a member of treaty " + std::to_string(o.treaty_id);
    if (m->notice_given_turn > 0)
      return "notice of withdrawal was already given on turn " +
             std::to_string(m->notice_given_turn);
    if (t->type == TreatyType::Neutrality) {
      for (const auto& other : t->members) {
        if (other.state != s_ &&
            w_.states[s_].relations[other.state].finland_status == FinlandStatus::Finlandized)
          return name_of(w_, s_) + " is Finlandized toward " + name_of(w_, other.state) +
                 ": it cannot renounce their neutrality treaty";
      }
    }
    return {};
  }

  std::string operator()(const CancelProposal& o) {
    const Proposal* p = w_.find_proposal(o.proposal_id);
    if (!p || p->status != ProposalStatus::Open)
      return "no open proposal " + std::to_string(o.proposal_id);
    if (p->proposer != s_) return "only the proposer can cancel proposal " +
                                  std::to_string(o.proposal_id);
    return answer(o.proposal_id);
  }

  std::string operator()(const ApplyPressure& o) {
    if (auto bar = target_bar(w_, s_, o.target); !bar.empty()) return bar;
    const int kind = static_cast<int>(o.kind);
    if (kind < 1 || kind > 3) return "unknown kind of pressure";
    if (o.intensity < 1 || o.intensity > 3) return "pressure intensity must be 1, 2 or 3";
    if (contains(c_.pressures, std::pair<StateIndex, int>{o.target, kind}))
      return "this order set already applies " + std::string(pressure_kind_name(o.kind)) +
             " pressure on " + name_of(w_, o.target);
    if (auto bar = opposition_bar(w_, s_, o.target, "put pressure on"); !bar.empty()) return bar;
    // Only an accepted pressure counts against a later one of the same kind.
    if (auto bad = spend_influence(w_.ruleset.pressure_influence_cost() * o.intensity,
                                   "apply pressure");
        !bad.empty())
      return bad;
    c_.pressures.push_back({o.target, kind});
    return {};
  }

  std::string operator()(const OfferGuarantee& o) {
    if (auto bar = target_bar(w_, s_, o.target); !bar.empty()) return bar;
    if (contains(c_.guarantees, o.target))
      return "this order set already guarantees " + name_of(w_, o.target);
    for (const auto& g : w_.guarantees)
      if (g.guarantor == s_ && g.protected_state == o.target && g.expires_turn > w_.turn + 1)
        return "your guarantee to " + name_of(w_, o.target) + " runs until turn " +
               std::to_string(g.expires_turn);
    if (auto bar = support_bar(o.target, "guarantee"); !bar.empty()) return bar;
    if (auto bad = spend_influence(w_.ruleset.guarantee_influence_cost(), "offer a guarantee");
        !bad.empty())
      return bad;
    c_.guarantees.push_back(o.target);
    return {};
  }

  std::string operator()(const SendMilitaryAid& o) {
    if (auto bar = target_bar(w_, s_, o.target); !bar.empty()) return bar;
    if (!(o.amount > 0)) return "military aid must be a positive amount";
    if (c_.aid_promised + o.amount > c_.projection_budget + 1e-9)
      return "aid of " + fmt(c_.aid_promised + o.amount) + " exceeds this turn's power projection budget of about " +
             fmt(c_.projection_budget);
    if (auto bar = support_bar(o.target, "send aid to"); !bar.empty()) return bar;
    c_.aid_promised += o.amount;
    return {};
  }

  std::string operator()(const JoinSanction& o) {
    if (auto bar = target_bar(w_, s_, o.target); !bar.empty()) return bar;
    if (w_.is_sanctioning(s_, o.target)) return "you already sanction " + name_of(w_, o.target);
    return opposition_bar(w_, s_, o.target, "sanction");
  }

  std::string operator()(const LiftSanction& o) {
    if (auto bar = target_bar(w_, s_, o.target); !bar.empty()) return bar;
    if (!w_.is_sanctioning(s_, o.target)) return "you do not sanction " + name_of(w_, o.target);
    return {};
  }

  std::string operator()(const Bandwagon& o) {
    if (auto bar = target_bar(w_, s_, o.protector); !bar.empty()) return bar;
    const Ruleset& r = w_.ruleset;
    if (aggregate_power(r, w_.states[o.protector]) <= aggregate_power(r, w_.states[s_]))
      return name_of(w_, o.protector) + " is not stronger than " + name_of(w_, s_) +
             ": a state bandwagons only with a stronger one";
    return {};
  }

  std::string operator()(const RequestAccession& o) {
    const Treaty* t = w_.find_treaty(o.treaty_id);
    if (!t) return "no treaty " + std::to_string(o.treaty_id) + " is in force";
    const std::string label = "treaty " + std::to_string(o.treaty_id) +
                              (t->name.empty() ? std::string() : " (" + t->name + ")");
    if (t->has_member(s_)) return name_of(w_, s_) + " is already a member of " + label;
    if (t->type == TreatyType::Neutrality)
      return label + " is a neutrality treaty, between exactly two states: it takes no new members";
    if (contains(c_.accessions, o.treaty_id))
      return "this order set already asks to join " + label;
    for (const auto& p : w_.proposals)
      if (p.status == ProposalStatus::Open && p.proposer == s_ && p.accession_to == o.treaty_id)
        return "your request to join " + label + " is already open (proposal " +
               std::to_string(p.id) + ")";
    std::vector<StateIndex> members{s_};
    for (const auto& m : t->members) members.push_back(m.state);
    if (auto bar = finland_bar(t->type, members); !bar.empty()) return bar;
    if (auto bad = spend_influence(w_.ruleset.proposal_influence_cost(), "ask to join a treaty");
        !bad.empty())
      return bad;
    c_.accessions.push_back(o.treaty_id);
    return {};
  }

  std::string operator()(const UnreadableOrder& o) { return o.reason; }

 private:
  /// Why this state may not join a treaty of this type with these members, or empty when it may.
  std::string finland_bar(TreatyType type, const std::vector<StateIndex>& members) {
    if (!is_military(type)) return {};
    for (StateIndex p : accommodated()) {
      if (directed_against(w_, type, members, p))
        return name_of(w_, s_) + " is " +
               finland_status_name(w_.states[s_].relations[p].finland_status) + " toward " +
               name_of(w_, p) + ": it cannot join a " + treaty_type_name(type) +
               " directed against " + name_of(w_, p);
    }
    return {};
  }
  /// A Finlandized state's diplomacy cannot oppose its pressurer: no guarantee or aid for a state
  /// the pressurer is coercing.
  std::string support_bar(StateIndex target, const char* act) {
    for (StateIndex p : accommodated()) {
      if (w_.states[s_].relations[p].finland_status < FinlandStatus::Finlandized) continue;
      if (w_.states[target].relations[p].coercion > 0 || w_.is_sanctioning(p, target))
        return name_of(w_, s_) + " is Finlandized toward " + name_of(w_, p) + ": it cannot " +
               act + " " + name_of(w_, target) + ", which " + name_of(w_, p) + " is pressing";
    }
    return {};
  }
  /// The powers this state accommodates or is Finlandized toward, taken from its relations once
  /// per order set, when an order first asks.
  const std::vector<StateIndex>& accommodated() {
    if (!accommodated_taken_) {
      accommodated_ = powers_accommodated_by(w_, s_, FinlandStatus::Accommodating);
      accommodated_taken_ = true;
    }
    return accommodated_;
  }
  const Proposal* open_proposal_for(int id) const {
    const Proposal* p = w_.find_proposal(id);
    if (!p || p->status != ProposalStatus::Open || !p->has_member(s_)) return nullptr;
    return p;
  }
  /// True when `p` asks this state, already a member of the treaty, to admit a new member.
  bool is_member_admitting(const Proposal& p) const {
    if (p.accession_to == 0 || p.proposer == s_) return false;
    const Treaty* t = w_.find_treaty(p.accession_to);
    return t && t->has_member(s_);
  }
  std::string missing_proposal(int id) const {
    return "no open proposal " + std::to_string(id) + " addressed to " + name_of(w_, s_);
  }
  std::string answer(int id) {
    if (contains(c_.answered_proposals, id))
      return "this order set already answers proposal " + std::to_string(id);
    c_.answered_proposals.push_back(id);
    return {};
  }
  std::string spend_influence(double cost, const char* act) {
    if (cost > c_.influence_left + 1e-9)
      return "not enough influence to " + std::string(act) + ": it costs " + fmt(cost) +
             " and " + fmt(c_.influence_left) + " is left";
    c_.influence_left -= cost;
    return {};
  }

  const World& w_;
  StateIndex s_;
  double spendable_;  // this turn's revenue after contributions, before any change in GDP
  Commitments c_;
  std::vector<StateIndex> accommodated_;
  bool accommodated_taken_ = false;
};

}  // namespace

StandingCommitments::StandingCommitments(const World& world)
    : contribution_bp(world.states.size(), 0), guarantees_kept(world.states.size(), 0) {
  // Most treaties pool nothing: only those that do need their members looked through.
  for (const auto& t : world.treaties)
    if (t.terms.contribution_bp != 0)
      for (const auto& m : t.members) contribution_bp[m.state] += t.terms.contribution_bp;
  for (const auto& g : world.guarantees)
    if (g.expires_turn > world.turn) ++guarantees_kept[g.guarantor];
}

double expected_spendable(const World& world, StateIndex s) {
  int contribution_bp = 0;
  for (const auto& t : world.treaties)
    if (t.terms.contribution_bp != 0 && t.has_member(s)) contribution_bp += t.terms.contribution_bp;
  return spendable_after(world, s, contribution_bp);
}

std::vector<OrderResult> validate_orders(const World& world, const OrderSet& orders) {
  return validate_orders(world, orders, StandingCommitments(world));
}

std::vector<OrderResult> validate_orders(const World& world, const OrderSet& orders,
                                         const StandingCommitments& commitments) {
  std::vector<OrderResult> results;
  results.reserve(orders.orders.size());
  if (orders.state < 0 || orders.state >= world.size()) {
    for (int i = 0; i < static_cast<int>(orders.orders.size()); ++i)
      results.push_back({i, false, "these orders are for a state that is not in this match"});
    return results;
  }
  OrderChecker check(world, orders.state, commitments);
  for (int i = 0; i < static_cast<int>(orders.orders.size()); ++i) {
    std::string reason = std::visit(check, orders.orders[i]);
    results.push_back({i, reason.empty(), std::move(reason)});
  }
  return results;
}

}  // namespace hegemon
