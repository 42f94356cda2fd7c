// Experiment (c)'s variant: a third party keeps a guarantee to a small state in force all match.
// Each turn, unless its bot already did, the guarantor's order set gets an OfferGuarantee for the
// small state appended — when validate_orders accepts it there: its own guarantee runs out at the
// end of the coming turn or is not in force, it has the influence, and it is not Finlandized
// toward a power pressing the small state. A guarantee lasts guarantee_duration turns, so the
// renewal keeps it in force without a gap as long as the guarantor can pay for it.
#pragma once

#include "sim/match_play.h"

namespace hegemon::validate {

/// The amendment that keeps `guarantor`'s guarantee to `protected_state` in force.
sim::OrderAmendment keep_guarantee(StateIndex guarantor, StateIndex protected_state);

/// True when `guarantor`'s guarantee to `protected_state` was in force in the turn that ended
/// with `world` (a guarantee expiring at turn T still protects in turn T).
bool guaranteed_in_turn(const World& world, StateIndex guarantor, StateIndex protected_state);

}  // namespace hegemon::validate
