// Views: what one player may see of the world, and the turn report written for it. The whole
// World never leaves the server; these are what it sends.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "protocol/view.pb.h"
#include "shared/journal.h"
#include "shared/orders.h"
#include "shared/threat.h"
#include "shared/world.h"

namespace hegemon {

/// A spectator's seat: it sees public information only.
inline constexpr StateIndex kSpectator = -1;

/// What one viewer believes of another state's budget, forces and stability.
struct StateEstimate {
  Allocation allocation;
  double territorial_defense = 0;
  double power_projection = 0;
  double technology = 0;
  double stability = 0;
};

/// What `viewer` (a state or kSpectator) believes of `target`'s allocation, forces, technology and
/// stability, exactly as views (WorldViews) show them: the truth for its own state and
/// for a published budget, otherwise the truth off by the viewer's persistent error on each
/// quantity (within +-estimate_error, technology within half of it; stability capped at 100).
/// The error stays with the pair from turn to turn, wandering slowly, and is re-drawn when the
/// viewer's intelligence moves its stated error into another band, so averaging many views does
/// not recover the truth. Deterministic from the world alone, and cheap: nothing is allocated.
StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target);

/// What a viewer's estimates of every target share in one world: its stated error and the band
/// of intelligence it lies in. Taken once per viewer, it spares estimate_state the logarithms
/// for each target.
struct ViewerAccuracy {
  double error = 0;
  std::uint64_t band = 0;
};
ViewerAccuracy viewer_accuracy(const World& world, StateIndex viewer);

/// estimate_state with the viewer's accuracy in `world` already taken (the same figures).
StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target,
                             const ViewerAccuracy& accuracy);

/// The random draws one viewer's estimates of one target rest on. They change only when the
/// viewer's band of intelligence changes and once every estimate_drift_period turns, so a caller
/// that estimates the same pair turn after turn keeps them and spares the drawing.
struct EstimateDraws {
  static constexpr int kQuantities = kCategoryCount + 4;  // the allocation, forces, tech, stability
  std::uint64_t key = 0;  // which (match seed, viewer, target, band) they are for
  int knot = -1;          // which stretch of the drift; -1 before the first draw
  std::array<double, kQuantities> fixed{};
  std::array<double, kQuantities> from{}, to{};  // the stretch's two wandering points
};

/// estimate_state on draws kept from earlier turns of the same match (drawn afresh when they are
/// for another pair, band or stretch): the same figures as the other forms.
StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target,
                             const ViewerAccuracy& accuracy, EstimateDraws& draws);

/// Blanks what only the state itself knows: influence, intelligence, last turn's spending, its
/// doctrine, and of its relations everything but the public Finlandization status.
void hide_private(State& state);

/// Writes a viewer's estimate into the state it is of.
void apply_estimate(State& state, const StateEstimate& estimate);

/// Relative error of `viewer`'s estimates of withheld values (the spectator has no intelligence).
double estimate_error(const World& world, StateIndex viewer);

/// What never changes in a match, as its players receive it once: the states in the world's
/// order, the borders, every pair's distance and the ruleset.
pb::MatchFacts make_facts(const World& world);

/// Every view of one world, made from what they show alike. The turn, the scenario's frame,
/// every state's public figures and statuses, and the treaties, guarantees and sanctions in force
/// are put together once; each view then copies them and writes in only what its viewer sees
/// differently (its own state, its estimates, its proposals, objectives and score, and its own
/// row and column of threats), so a view costs in proportion to what it shows: no copy of the
/// world, no whole threat matrix, no other state's score.
class WorldViews {
 public:
  /// `world` must outlive the views' maker.
  explicit WorldViews(const World& world);
  WorldViews(const WorldViews&) = delete;  // its threat inputs point into it
  WorldViews& operator=(const WorldViews&) = delete;
  /// The view for `viewer` (a state index, or kSpectator). Its only score is the viewer's own,
  /// reckoned on the viewer's estimates (the spectator gets none); once the match has ended,
  /// every state's final score.
  pb::PlayerView of(StateIndex viewer) const;

 private:
  const World* world_;
  pb::PlayerView common_;  // every state among the others, with its public figures only
  TreatyTies ties_;
  ThreatInputs truth_;  // the inputs of the threat on the world's true figures
};

/// WorldViews(world).of(viewer): one view, for a caller that needs no other of the same world.
pb::PlayerView make_view(const World& world, StateIndex viewer);

/// The report of the turn that produced `world`, as `viewer` may read it, with the verdicts on its
/// own orders when it sent any.
pb::TurnReport make_report(const World& world, const Journal& journal, StateIndex viewer,
                           const std::vector<OrderResult>* own_results);

}  // namespace hegemon
