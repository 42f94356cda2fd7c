#include "shared/bots/seat_view.h"

#include <algorithm>

#include "shared/view.h"

namespace hegemon {

SeatView::SeatView(const World& truth, StateIndex seat)
    : seat_(seat), seen_(perceived_world(truth, seat)), error_(estimate_error(truth, seat)) {
  // What a player view never carries: other parties' proposals, other states' objectives and
  // doctrines, the scripted events to come, anyone's score but the match's own end.
  std::erase_if(seen_.proposals, [&](const Proposal& p) { return !p.has_member(seat); });
  std::erase_if(seen_.scenario.objectives, [&](const Objective& o) { return o.state != seat; });
  seen_.scenario.events.clear();
  seen_.scenario.end_conditions.clear();
  seen_.scores.clear();
  for (int s = 0; s < seen_.size(); ++s)
    if (s != seat) seen_.states[s].doctrine.clear();
}

double SeatView::error_about(StateIndex other) const {
  return other == seat_ || seen_.states[other].publish_budget ? 0.0 : error_;
}

}  // namespace hegemon
