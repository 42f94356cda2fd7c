// resolve_turn: the whole of one turn, from order sets to the next world.
#pragma once

#include <vector>

#include "shared/journal.h"
#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

struct TurnResult {
  World world;                                     // the world after the turn
  std::vector<std::vector<OrderResult>> results;  // per submitted order set, in the same order
  Journal journal;
};

/// Resolves one turn. Seats without an order set keep their standing allocation and do nothing
/// else. Deterministic: the same world and order sets give the same result, byte for byte.
/// Steps, in this order: validate -> revenue and treaty contributions -> budgets into
/// capabilities -> economy -> treaties, aid, guarantees, sanctions -> intentions -> threat matrix
/// -> Finlandization -> treaty compliance and credibility -> stability and domestic politics ->
/// events -> scores -> end.
TurnResult resolve_turn(const World& world, const std::vector<OrderSet>& orders);
/// The same, written into `into` over whatever it held: a caller resolving turn after turn (a
/// batch of matches) keeps one result and reuses its world's and journal's storage.
void resolve_turn(const World& world, const std::vector<OrderSet>& orders, TurnResult& into);

}  // namespace hegemon

namespace hegemon {

/// Recomputes what follows from the rest of the world (threat matrix, scores); used after loading.
void refresh_derived(World& world);

}  // namespace hegemon
