#include "validate/threat_response.h"

#include <algorithm>
#include <variant>

#include "shared/threat.h"

namespace hegemon::validate {
namespace {

int forces_bp(const Allocation& a) {
  return a[Category::TerritorialDefense] + a[Category::PowerProjection];
}

bool contains(const std::vector<StateIndex>& states, StateIndex s) {
  return std::find(states.begin(), states.end(), s) != states.end();
}

/// The two acts a treaty order can be toward the threat, given the treaty's type and whole
/// membership (the state itself included).
struct Acts {
  bool balances = false;
  bool bandwagons = false;
};

Acts treaty_acts(TreatyType type, const std::vector<StateIndex>& members, StateIndex threat) {
  const bool with_threat = contains(members, threat);
  Acts a;
  if (type == TreatyType::MutualDefense) {
    a.balances = !with_threat;
    a.bandwagons = with_threat;
  } else if (type == TreatyType::Neutrality) {
    a.bandwagons = with_threat;
  }
  return a;
}

class ActReader {
 public:
  ActReader(const World& before, StateIndex s, StateIndex threat)
      : w_(before), s_(s), threat_(threat) {}

  Acts operator()(const SetBudget& o) const {
    Acts a;
    a.balances = forces_bp(o.allocation) - forces_bp(w_.states[s_].allocation) >=
                 kInternalBalancingBp;
    return a;
  }
  Acts operator()(const ProposeTreaty& o) const {
    std::vector<StateIndex> members = o.members;
    members.push_back(s_);
    return treaty_acts(o.type, members, threat_);
  }
  Acts operator()(const AcceptProposal& o) const {
    const Proposal* p = w_.find_proposal(o.proposal_id);
    if (!p) return {};
    std::vector<StateIndex> members = p->members;
    members.push_back(p->proposer);
    return treaty_acts(p->type, members, threat_);
  }
  Acts operator()(const RequestAccession& o) const {
    const Treaty* t = w_.find_treaty(o.treaty_id);
    if (!t) return {};
    std::vector<StateIndex> members{s_};
    for (const auto& m : t->members) members.push_back(m.state);
    return treaty_acts(t->type, members, threat_);
  }
  Acts operator()(const JoinSanction& o) const { return {o.target == threat_, false}; }
  Acts operator()(const Bandwagon& o) const { return {false, o.protector == threat_}; }
  template <typename Other>
  Acts operator()(const Other&) const {
    return {};
  }

 private:
  const World& w_;
  StateIndex s_, threat_;
};

}  // namespace

const char* response_name(Response response) {
  switch (response) {
    case Response::Balances: return "balances";
    case Response::Bandwagons: return "bandwagons";
    case Response::Both: return "both";
    case Response::Neither: return "neither";
  }
  return "?";
}

int power_bin(double ratio) {
  int bin = 0;
  while (bin < static_cast<int>(kPowerRatioEdges.size()) && ratio >= kPowerRatioEdges[bin]) ++bin;
  return bin;
}

const char* power_bin_label(int bin) {
  static constexpr const char* kLabels[kPowerBinCount] = {"< 0.05", "0.05–0.2", "0.2–0.5",
                                                          "0.5–1", "≥ 1"};
  return bin >= 0 && bin < kPowerBinCount ? kLabels[bin] : "?";
}

Response response_toward(const sim::TurnPlay& play, StateIndex s, StateIndex threat) {
  const OrderSet& set = play.orders[s];
  const auto& verdicts = play.result.results[s];
  const ActReader reader(play.before, s, threat);
  bool balances = false, bandwagons = false;
  for (const OrderResult& r : verdicts) {
    if (!r.accepted || r.index < 0 || r.index >= static_cast<int>(set.orders.size())) continue;
    const Acts a = std::visit(reader, set.orders[r.index]);
    balances = balances || a.balances;
    bandwagons = bandwagons || a.bandwagons;
  }
  if (balances && bandwagons) return Response::Both;
  if (balances) return Response::Balances;
  if (bandwagons) return Response::Bandwagons;
  return Response::Neither;
}

void count_responses(const sim::TurnPlay& play, ResponseCounts& counts) {
  const World& w = play.before;
  for (StateIndex s = 0; s < w.size() && s < static_cast<int>(play.orders.size()); ++s) {
    const StateIndex threat = top_threat(w, s);
    if (threat < 0) continue;
    const double theirs = aggregate_power(w.ruleset, w.states[threat]);
    if (theirs <= 0) continue;
    const double ratio = aggregate_power(w.ruleset, w.states[s]) / theirs;
    ++counts[power_bin(ratio)][static_cast<int>(response_toward(play, s, threat))];
  }
}

}  // namespace hegemon::validate
