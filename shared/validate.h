// Order validation: every order accepted or rejected with a reason a player can act on. The same
// function serves the server and the client's preview.
#pragma once

#include <vector>

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// Validates an order set against the world as it stands before the turn, one order at a time
/// and in order (a budget ordered earlier in the set is what later aid is checked against).
std::vector<OrderResult> validate_orders(const World& world, const OrderSet& orders);

/// Revenue the state expects this turn after treaty contributions, before any change in GDP.
double expected_spendable(const World& world, StateIndex s);

}  // namespace hegemon
