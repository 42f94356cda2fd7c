#include "sim/match_play.h"

#include <utility>

namespace hegemon::sim {

World play_match(World world, int turns, MatchObserver& observer, const OrderAmendment& amend) {
  observer.start(world);
  const int n = world.size();
  MatchBots bots(observer.reads_reasons() ? Reasons::Written : Reasons::Skipped);
  std::vector<OrderSet> orders(n);
  std::vector<BotDecision> decisions;
  std::vector<StateIndex> seats(n);
  for (int s = 0; s < n; ++s) seats[s] = s;
  // One result kept from turn to turn: the world before a turn and the world after it trade
  // places, so each turn's copy of the world writes into storage the last but one turn held.
  TurnResult result;
  for (int t = 0; t < turns && !world.ended; ++t) {
    bots.play(world, seats, decisions);
    for (int s = 0; s < n; ++s) {
      std::swap(orders[s], decisions[s].orders);
      decisions[s].orders.orders.clear();
    }
    if (amend) amend(world, orders, decisions);
    resolve_turn(world, orders, result);
    observer.turn(TurnPlay{world, orders, decisions, result});
    std::swap(world, result.world);
  }
  observer.end(world);
  return world;
}

}  // namespace hegemon::sim
