// Pressure and support as a doctrine weighs them: pressing weaker neighbours, sanctions as soft
// balancing, guarantees and aid for the threatened, and bandwagoning when that is what the seat's
// security and sovereignty favour.
#pragma once

#include "shared/bots/assessment.h"
#include "shared/bots/draft.h"

namespace hegemon {

/// Pressure on neighbours the seat outweighs, kept up on those already under its sway.
void press_neighbours(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      Draft& draft);

/// Joins sanctions against a state it fears (more readily the more states already sanction it)
/// and lifts them when the threat has passed or its own stability cannot bear the cost.
void soft_balance(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                  Draft& draft);

/// Guarantees for neighbours of the state it fears that fall under that state's sway, and aid for
/// allies facing the same danger (aid after the budget, from its projection).
void support_the_threatened(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                            const SetBudget& budget, Rng& rng, Draft& draft);

/// Seeks the protection of the state it fears most when that is worth more than the sovereignty
/// it costs and more than the best alliance it could find against it (`best_balance`).
void bandwagon_if_better(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                         double best_balance, Rng& rng, Draft& draft);

}  // namespace hegemon
