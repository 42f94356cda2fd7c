// The --autoplay test option: plays one seat through the very actions the match screen's
// controls use. Whenever the seat is not ready for the turn being collected and nothing is on
// its way, it sends the drafted orders (the budget the budget panel previews, and whatever else
// is drafted) and declares the seat ready.
#pragma once

#include "client/app/match_model.h"

namespace hegemon::client {

class Autoplay {
 public:
  /// Sends the draft with "ready" when the match is collecting orders, the seat is not ready
  /// and no earlier sending awaits its reply. True when it sent.
  bool step(const MatchModel& model, const MatchActions& actions);
  /// The reply to the orders sent has come (accepted or refused): the next step may send again
  /// if the seat is still not ready.
  void reply_received() { waiting_ = false; }
  /// The turn whose orders were sent last (0 before the first).
  int sent_for_turn() const { return sent_for_turn_; }

 private:
  bool waiting_ = false;
  int sent_for_turn_ = 0;
};

}  // namespace hegemon::client
