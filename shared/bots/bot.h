// A bot seat: the orders a doctrine chooses for one state this turn, decided from that state's
// own view of the world (its estimates included), never from the truth.
#pragma once

#include <string>
#include <vector>

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// What a bot chose for one seat and why: `reasons[i]` explains `orders.orders[i]`.
struct BotDecision {
  OrderSet orders;
  std::vector<std::string> reasons;
  std::string doctrine;  // the doctrine that chose them
};

/// The doctrine of this name in the ruleset, or nullptr.
const pb::Doctrine* find_doctrine(const Ruleset& rules, const std::string& name);

/// The names of every doctrine in the ruleset, in ruleset order.
std::vector<std::string> doctrine_names(const Ruleset& rules);

/// The name of the doctrine a bot plays `seat` by when none is asked for: the state's own (the
/// scenario's default or the match's choice), else the ruleset's first; empty when the ruleset
/// has none.
std::string doctrine_in_force(const World& world, StateIndex seat);

/// The orders the bot playing `seat` chooses this turn, under `doctrine` (empty: the state's own
/// doctrine, or the ruleset's first when the state names none). Deterministic for a given world:
/// its choices are drawn from the match seed, the turn and the seat. Every order it returns passes
/// validate_orders. Throws std::invalid_argument for a doctrine the ruleset does not have.
BotDecision play_seat(const World& world, StateIndex seat, const std::string& doctrine = {});

/// play_seat for several seats of one turn, each under its state's own doctrine, sharing the work
/// all their views have in common. The decisions come in the order of `seats`.
std::vector<BotDecision> play_seats(const World& world, const std::vector<StateIndex>& seats);

}  // namespace hegemon
