#include "client/app/autoplay.h"

#include "client/app/preview.h"

namespace hegemon::client {

bool Autoplay::step(const MatchModel& model, const MatchActions& actions) {
  if (model.spectator() || model.match_id == 0 || model.view.ended()) return false;
  if (model.summary.status() != pb::MATCH_WAITING) return false;
  if (model.ready || waiting_ || !actions.submit) return false;
  if (model.draft.turn != model.collecting_turn()) return false;
  waiting_ = true;
  sent_for_turn_ = model.collecting_turn();
  actions.submit(draft_order_set(model), true);
  return true;
}

}  // namespace hegemon::client
