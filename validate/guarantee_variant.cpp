#include "validate/guarantee_variant.h"

#include <variant>

#include "shared/validate.h"

namespace hegemon::validate {

sim::OrderAmendment keep_guarantee(StateIndex guarantor, StateIndex protected_state) {
  return [guarantor, protected_state](const World& before, std::vector<OrderSet>& orders,
                                      std::vector<BotDecision>& decisions) {
    OrderSet& set = orders[guarantor];
    for (const Order& o : set.orders)
      if (const auto* g = std::get_if<OfferGuarantee>(&o); g && g->target == protected_state)
        return;  // its own bot renews it this turn
    set.orders.push_back(OfferGuarantee{protected_state});
    const auto verdicts = validate_orders(before, set);
    if (!verdicts.back().accepted) {
      set.orders.pop_back();
      return;
    }
    // The reason goes with the order only where the bots wrote theirs (a batch may skip them).
    if (decisions[guarantor].reasons.size() + 1 == set.orders.size())
      decisions[guarantor].reasons.push_back(
          "the scenario variant keeps this guarantee in force all match");
  };
}

bool guaranteed_in_turn(const World& world, StateIndex guarantor, StateIndex protected_state) {
  for (const Guarantee& g : world.guarantees)
    if (g.guarantor == guarantor && g.protected_state == protected_state &&
        g.expires_turn >= world.turn)
      return true;
  return false;
}

}  // namespace hegemon::validate
