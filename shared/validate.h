// Order validation: every order accepted or rejected with a reason a player can act on. The same
// function serves the server and the client's preview.
#pragma once

#include <vector>

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// What every state of a world is committed to before its orders, taken in one pass over the
/// treaties and guarantees rather than once per state: a turn checks every state's orders.
struct StandingCommitments {
  explicit StandingCommitments(const World& world);
  /// Per state, the basis points of revenue its treaties take (before any cap).
  std::vector<int> contribution_bp;
  /// Per state, the guarantees it keeps into the coming turn (each costs upkeep).
  std::vector<int> guarantees_kept;
};

/// Validates an order set against the world as it stands before the turn, one order at a time
/// and in order (a budget ordered earlier in the set is what later aid is checked against).
std::vector<OrderResult> validate_orders(const World& world, const OrderSet& orders);
/// The same with the world's commitments already taken (`commitments` of `world`).
std::vector<OrderResult> validate_orders(const World& world, const OrderSet& orders,
                                         const StandingCommitments& commitments);

/// Revenue the state expects this turn after treaty contributions, before any change in GDP.
double expected_spendable(const World& world, StateIndex s);

}  // namespace hegemon
