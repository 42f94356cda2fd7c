// The budget a doctrine chooses from the seat's assessment.
#pragma once

#include "shared/bots/assessment.h"
#include "shared/orders.h"
#include "shared/rng.h"

namespace hegemon {

/// The revenue split and the publication choice for this turn; a sentence saying why goes to
/// `why` unless it is null.
SetBudget plan_budget(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      std::string* why);

/// The share of revenue (basis points) that spends `gdp_bp` of GDP on forces for the seat.
int revenue_bp_for_gdp_bp(const SeatView& view, const Assessment& a, int gdp_bp);

}  // namespace hegemon
