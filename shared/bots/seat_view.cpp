#include "shared/bots/seat_view.h"

#include "shared/view.h"

namespace hegemon {

double SeatView::error_about(StateIndex other) const {
  return other == seat_ || seen_->states[other].publish_budget ? 0.0 : error_;
}

namespace {

/// The world with nothing in it that is private to any state: the spectator's view.
World public_world(const World& truth) {
  World w;
  w.scenario.name = truth.scenario.name;
  w.scenario.start_year = truth.scenario.start_year;
  w.scenario.quarterly = truth.scenario.quarterly;
  w.scenario.turns = truth.scenario.turns;
  w.scenario.start_gdp = truth.scenario.start_gdp;
  w.ruleset = truth.ruleset;
  w.map = truth.map;
  w.turn = truth.turn;
  w.seed = truth.seed;
  w.states = truth.states;
  w.treaties = truth.treaties;
  w.guarantees = truth.guarantees;
  w.sanctions = truth.sanctions;
  w.next_treaty_id = truth.next_treaty_id;
  w.next_proposal_id = truth.next_proposal_id;
  w.ended = truth.ended;
  w.end_reason = truth.end_reason;
  for (int s = 0; s < w.size(); ++s) {
    hide_private(w.states[s]);
    apply_estimate(w.states[s], estimate_state(truth, kSpectator, s));
  }
  w.threat = compute_threat_matrix(w);
  return w;
}

}  // namespace

SeatViews::SeatViews(const World& truth)
    : truth_(truth), seen_(public_world(truth)), ties_(seen_) {
  public_states_ = seen_.states;
  public_threat_ = seen_.threat.cells;
}

SeatView SeatViews::focus(StateIndex seat) {
  const int n = seen_.size();
  if (focused_ >= 0) {
    seen_.states[focused_] = public_states_[focused_];
    for (int o = 0; o < n; ++o)
      seen_.threat.at(focused_, o) = public_threat_[size_t(focused_) * n + o];
  }
  focused_ = seat;
  for (int s = 0; s < n; ++s)
    if (s != seat && !truth_.states[s].publish_budget)
      apply_estimate(seen_.states[s], estimate_state(truth_, seat, s));
  seen_.states[seat] = truth_.states[seat];

  seen_.proposals.clear();
  for (const auto& p : truth_.proposals)
    if (p.has_member(seat)) seen_.proposals.push_back(p);
  seen_.scenario.objectives.clear();
  for (const auto& o : truth_.scenario.objectives)
    if (o.state == seat) seen_.scenario.objectives.push_back(o);

  // What the seat feels, reckoned on its own estimates.
  felt_ = threats_felt_by(seen_, seat);
  for (int o = 0; o < n; ++o) seen_.threat.at(seat, o) = felt_[o].total;
  return SeatView(seen_, ties_, felt_, seat, estimate_error(truth_, seat));
}

}  // namespace hegemon
