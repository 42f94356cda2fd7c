// The built-in policy: a simple, deterministic seat player that reads the threat matrix the way
// Walt's states do. It balances (own spending, then alliances against its top threat), bandwagons
// when it is very weak, and presses weaker neighbours when it is much stronger.
#pragma once

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// Orders for state `s` this turn. Every order it returns passes validate_orders.
OrderSet simple_policy(const World& world, StateIndex s);

}  // namespace hegemon
