// What one seat knows: the world as that seat's player view shows it. A bot decides from this and
// from nothing else, so it plays on the same estimates a human in the seat would see.
#pragma once

#include "shared/world.h"

namespace hegemon {

class SeatView {
 public:
  /// The view of `seat`: its own state exactly; every other state's withheld budget and forces
  /// as the seat's estimates (perceived_world in shared/view.h), their influence, intelligence,
  /// Finlandization levels, records and doctrines hidden; only the proposals the seat is party to
  /// and its own objectives; no scripted events ahead; the threat matrix as the seat reckons it.
  SeatView(const World& truth, StateIndex seat);

  StateIndex seat() const { return seat_; }
  /// The believed world. Its threat matrix is the seat's own reckoning of every pair.
  const World& world() const { return seen_; }
  const State& own() const { return seen_.states[seat_]; }
  const Ruleset& rules() const { return seen_.ruleset; }
  int size() const { return seen_.size(); }
  /// Relative error the seat's estimates of `other` carry (0 when `other` publishes its budget).
  double error_about(StateIndex other) const;

 private:
  StateIndex seat_;
  World seen_;
  double error_ = 0;
};

}  // namespace hegemon
