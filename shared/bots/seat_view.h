// What one seat knows: the world as that seat's player view shows it. A bot decides from this and
// from nothing else, so it plays on the same estimates a human in the seat would see.
#pragma once

#include <optional>
#include <vector>

#include "shared/threat.h"
#include "shared/view.h"
#include "shared/world.h"

namespace hegemon {

/// One seat's view: its own state exactly; every other state's withheld budget, forces and
/// stability as the seat's estimates (estimate_state in shared/view.h); their influence,
/// intelligence, Finlandization levels, records and doctrines hidden; only the proposals the seat
/// is party to and its own objectives; no scripted events ahead; no scores. The threat matrix
/// holds the seat's own reckoning of what it feels, and the public reckoning (on the spectator's
/// estimates) of what other states feel: a seat's intelligence sharpens what it sees of others,
/// not what it knows of their fears.
class SeatView {
 public:
  StateIndex seat() const { return seat_; }
  /// The believed world.
  const World& world() const { return *seen_; }
  const State& own() const { return seen_->states[seat_]; }
  const Ruleset& rules() const { return seen_->ruleset; }
  int size() const { return seen_->size(); }
  /// Which treaty types each pair shares (treaties are public).
  const TreatyTies& ties() const { return *ties_; }
  /// The seat's threat from every state, factor by factor (its own entry is zero).
  const std::vector<ThreatFactors>& felt() const { return *felt_; }
  /// The per-state figures (power, forces) those threats were reckoned from, on the view.
  const ThreatInputs& inputs() const { return *inputs_; }
  /// Relative error the seat's estimates of `other` carry (0 when `other` publishes its budget).
  double error_about(StateIndex other) const;
  /// Whether `s` accommodates any power (a public status): it may then join no military treaty
  /// against that power.
  bool accommodates_a_power(StateIndex s) const { return (*accommodating_)[size_t(s)] != 0; }

 private:
  friend class SeatViews;
  SeatView(const World& seen, const TreatyTies& ties, const std::vector<ThreatFactors>& felt,
           const ThreatInputs& inputs, const std::vector<char>& accommodating, StateIndex seat,
           double error)
      : seen_(&seen),
        ties_(&ties),
        felt_(&felt),
        inputs_(&inputs),
        accommodating_(&accommodating),
        seat_(seat),
        error_(error) {}
  const World* seen_;
  const TreatyTies* ties_;
  const std::vector<ThreatFactors>* felt_;
  const ThreatInputs* inputs_;
  const std::vector<char>* accommodating_;
  StateIndex seat_;
  double error_;
};

/// Every seat's view of one turn, built from one copy of the world: what all seats see alike is
/// prepared once, and each view then only writes in the seat's own state and estimates. Kept from
/// turn to turn of one match (refresh), it reuses its storage, and copies the ruleset, the map
/// and the scenario's frame, which a match never changes, from the first world only.
class SeatViews {
 public:
  SeatViews() = default;
  explicit SeatViews(const World& truth) { refresh(truth); }
  SeatViews(const SeatViews&) = delete;
  SeatViews& operator=(const SeatViews&) = delete;

  /// Prepares the views of `truth`'s turn, a turn of the same match as any world before it;
  /// `truth` must outlive the views taken from it.
  void refresh(const World& truth);
  /// The view of `seat`. It stays valid until the next call, which refocuses the same world.
  SeatView focus(StateIndex seat);

 private:
  const World* truth_ = nullptr;
  World seen_;
  std::optional<TreatyTies> ties_;
  std::optional<ThreatInputs> inputs_;  // the focused seat's, refreshed at each focus
  std::vector<State> public_states_;  // each state as everyone sees it
  std::vector<double> public_threat_; // the threat matrix on the public estimates
  std::vector<ThreatFactors> felt_;   // the focused seat's own row, factor by factor
  std::vector<char> accommodating_;   // per state: whether it accommodates any power
  // The draws behind each viewer's estimates of each target, kept from turn to turn: row 0 is
  // the spectator's (the public estimates), row v + 1 state v's.
  std::vector<EstimateDraws> draws_;
  StateIndex focused_ = -1;
};

}  // namespace hegemon
