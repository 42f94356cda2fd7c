// One match played by bots from a start world: every seat's decision through play_seat, then
// resolve_turn, with an observer told of each step (the tables, the printed turn, the history).
#pragma once

#include <functional>
#include <vector>

#include "shared/bots/bot.h"
#include "shared/orders.h"
#include "shared/resolve.h"
#include "shared/world.h"

namespace hegemon::sim {

/// What a turn was played from: the world before it, the orders of every seat (orders[s] for
/// states[s]) and why each seat's bot chose them (decisions[s].reasons[i] explains
/// orders[s].orders[i]; decisions[s].orders is left empty, its orders having moved to `orders`).
struct TurnPlay {
  const World& before;
  const std::vector<OrderSet>& orders;
  const std::vector<BotDecision>& decisions;
  const TurnResult& result;  // result.world is the world after the turn
};

/// Told of a match as it is played. Every method does nothing unless overridden.
class MatchObserver {
 public:
  virtual ~MatchObserver() = default;
  /// The world at turn 0.
  virtual void start(const World&) {}
  virtual void turn(const TurnPlay&) {}
  /// The world after the last turn played.
  virtual void end(const World&) {}
  /// Whether it reads the bots' reasons (TurnPlay::decisions[s].reasons); when none of a match's
  /// readers does, the bots skip writing them and the reasons stay empty.
  virtual bool reads_reasons() const { return true; }
};

/// Changes a turn's orders after the bots have chosen them and before the turn is resolved: a
/// scenario variant's standing policy (validate/ keeps a guarantee in force this way). An order it
/// appends to orders[s] gets its reason appended to decisions[s].reasons, so that the two stay
/// aligned for the observer.
using OrderAmendment = std::function<void(const World& before, std::vector<OrderSet>& orders,
                                          std::vector<BotDecision>& decisions)>;

/// Plays `world` forward for `turns` turns or until the match ends and returns the last world.
/// Deterministic: the same world (seed included) and amendment give the same match.
World play_match(World world, int turns, MatchObserver& observer,
                 const OrderAmendment& amend = {});

}  // namespace hegemon::sim
