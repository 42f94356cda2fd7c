#include "sim/match_play.h"

#include <utility>

namespace hegemon::sim {

World play_match(World world, int turns, MatchObserver& observer, const OrderAmendment& amend) {
  observer.start(world);
  const int n = world.size();
  std::vector<OrderSet> orders(n);
  std::vector<BotDecision> decisions;
  std::vector<StateIndex> seats(n);
  for (int s = 0; s < n; ++s) seats[s] = s;
  for (int t = 0; t < turns && !world.ended; ++t) {
    decisions = play_seats(world, seats);
    for (int s = 0; s < n; ++s) {
      orders[s] = std::move(decisions[s].orders);
      decisions[s].orders = OrderSet{};
    }
    if (amend) amend(world, orders, decisions);
    TurnResult result = resolve_turn(world, orders);
    observer.turn(TurnPlay{world, orders, decisions, result});
    world = std::move(result.world);
  }
  observer.end(world);
  return world;
}

}  // namespace hegemon::sim
