// Views: what one player may see of the world, and the turn report written for it. The whole
// World never leaves the server; these are what it sends.
#pragma once

#include <vector>

#include "protocol/view.pb.h"
#include "shared/journal.h"
#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// A spectator's seat: it sees public information only.
inline constexpr StateIndex kSpectator = -1;

/// The world as `viewer` believes it to be: every other state's withheld budget and forces
/// replaced by the viewer's estimates, its influence and intelligence hidden (zeroed). Threats
/// in a view are computed on this, so they cannot reveal what the estimates hide.
World perceived_world(const World& world, StateIndex viewer);

/// Relative error of `viewer`'s estimates of withheld values (the spectator has no intelligence).
double estimate_error(const World& world, StateIndex viewer);

/// The view for `viewer` (a state index, or kSpectator). Its only score is the viewer's own,
/// reckoned on perceived_world (the spectator gets none).
pb::PlayerView make_view(const World& world, StateIndex viewer);

/// The report of the turn that produced `world`, as `viewer` may read it, with the verdicts on its
/// own orders when it sent any.
pb::TurnReport make_report(const World& world, const Journal& journal, StateIndex viewer,
                           const std::vector<OrderResult>* own_results);

}  // namespace hegemon
