#include "shared/bots/seat_view.h"

#include "shared/view.h"

namespace hegemon {

double SeatView::error_about(StateIndex other) const {
  return other == seat_ || seen_->states[other].publish_budget ? 0.0 : error_;
}

namespace {

/// Writes into `w` the world with nothing in it that is private to any state: the spectator's
/// view. What a match never changes (its ruleset, map and the scenario's frame) is copied only
/// when `frame` is set.
void make_public(const World& truth, World& w, bool frame, EstimateDraws* draws) {
  if (frame) {
    w.scenario = ScenarioInfo{};
    w.scenario.name = truth.scenario.name;
    w.scenario.start_year = truth.scenario.start_year;
    w.scenario.quarterly = truth.scenario.quarterly;
    w.scenario.turns = truth.scenario.turns;
    w.scenario.start_gdp = truth.scenario.start_gdp;
    w.ruleset = truth.ruleset;
    w.share_map_of(truth);
    w.seed = truth.seed;
  }
  w.turn = truth.turn;
  w.states = truth.states;
  w.treaties = truth.treaties;
  w.proposals.clear();
  w.guarantees = truth.guarantees;
  w.sanctions = truth.sanctions;
  w.next_treaty_id = truth.next_treaty_id;
  w.next_proposal_id = truth.next_proposal_id;
  w.ended = truth.ended;
  w.end_reason = truth.end_reason;
  const ViewerAccuracy accuracy = viewer_accuracy(truth, kSpectator);
  for (int s = 0; s < w.size(); ++s) {
    hide_private(w.states[s]);
    apply_estimate(w.states[s], estimate_state(truth, kSpectator, s, accuracy, draws[s]));
  }
  w.threat = compute_threat_matrix(w);
}

/// Copies into `out` the items of `all` that `keep` holds, assigning over the items `out` already
/// has so that their storage is reused from seat to seat.
template <typename T, typename Keep>
void keep_only(const std::vector<T>& all, std::vector<T>& out, Keep keep) {
  size_t kept = 0;
  for (const T& item : all) {
    if (!keep(item)) continue;
    if (kept < out.size())
      out[kept] = item;
    else
      out.push_back(item);
    ++kept;
  }
  out.resize(kept);
}

}  // namespace

void SeatViews::refresh(const World& truth) {
  // The first world gives the match's frame; a world of another size is another match.
  const bool frame = truth_ == nullptr || seen_.size() != truth.size();
  truth_ = &truth;
  focused_ = -1;
  const size_t n = size_t(truth.size());
  if (frame) draws_.assign((n + 1) * n, EstimateDraws{});
  make_public(truth, seen_, frame, draws_.data());
  ties_.emplace(seen_);
  inputs_.emplace(seen_, *ties_);
  public_states_ = seen_.states;
  public_threat_ = seen_.threat.cells;
  accommodating_.assign(n, 0);
  for (size_t s = 0; s < n; ++s)
    for (const Relation& rel : truth.states[s].relations)
      if (rel.finland_status != FinlandStatus::Independent) accommodating_[s] = 1;
}

SeatView SeatViews::focus(StateIndex seat) {
  const int n = seen_.size();
  const World& truth = *truth_;
  const StateIndex unfocused = focused_;
  if (unfocused >= 0) {
    seen_.states[unfocused] = public_states_[unfocused];
    for (int o = 0; o < n; ++o)
      seen_.threat.at(unfocused, o) = public_threat_[size_t(unfocused) * n + o];
  }
  focused_ = seat;
  const ViewerAccuracy accuracy = viewer_accuracy(truth, seat);
  for (int s = 0; s < n; ++s)
    if (s != seat && !truth.states[s].publish_budget)
      apply_estimate(seen_.states[s],
                     estimate_state(truth, seat, s, accuracy, draws_[size_t(seat + 1) * n + s]));
  seen_.states[seat] = truth.states[seat];

  keep_only(truth.proposals, seen_.proposals,
            [seat](const Proposal& p) { return p.has_member(seat); });
  keep_only(truth.scenario.objectives, seen_.scenario.objectives,
            [seat](const Objective& o) { return o.state == seat; });

  // What the seat feels, reckoned on its own estimates: only the states whose figures this focus
  // changed are read again (its own, the last seat's and the withheld budgets).
  if (unfocused < 0) {
    inputs_->refresh(seen_);
  } else {
    for (int s = 0; s < n; ++s)
      if (s == seat || s == unfocused || !truth.states[s].publish_budget)
        inputs_->refresh_state(seen_, s);
  }
  threats_felt_by(seen_, *inputs_, seat, felt_);
  for (int o = 0; o < n; ++o) seen_.threat.at(seat, o) = felt_[o].total;
  return SeatView(seen_, *ties_, felt_, *inputs_, accommodating_, seat, accuracy.error);
}

}  // namespace hegemon
