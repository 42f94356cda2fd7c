// Small conveniences for tests that play turns on the hand-built worlds of test_world.h: order
// sets, a turn played, and questions asked of the turn's journal.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "shared/journal.h"
#include "shared/orders.h"
#include "shared/resolve.h"
#include "shared/world.h"

namespace hegemon::testing {

/// An allocation from seven basis-point shares, in Category order.
inline Allocation split(std::array<int, kCategoryCount> bp) {
  Allocation a;
  a.bp = bp;
  return a;
}

/// One state's orders.
inline OrderSet orders_for(StateIndex state, std::vector<Order> orders) {
  return OrderSet{state, std::move(orders)};
}

/// The world after one turn with these order sets (seats without one keep their allocation).
inline World next_world(const World& world, const std::vector<OrderSet>& orders = {}) {
  return resolve_turn(world, orders).world;
}

/// The world after `turns` turns without orders.
inline World after_quiet_turns(World world, int turns) {
  for (int i = 0; i < turns; ++i) world = next_world(world);
  return world;
}

/// The first journal entry `viewer` may read whose text contains `fragment`, or nullptr.
inline const JournalEntry* entry_read_by(const Journal& journal, StateIndex viewer,
                                         const std::string& fragment) {
  for (const JournalEntry* e : journal.readable_by(viewer))
    if (e->text.find(fragment) != std::string::npos) return e;
  return nullptr;
}

/// The first journal entry of this topic whose text contains `fragment`, or nullptr.
inline const JournalEntry* entry_about(const Journal& journal, Topic topic,
                                       const std::string& fragment = "") {
  for (const JournalEntry& e : journal.entries())
    if (e.topic == topic && e.text.find(fragment) != std::string::npos) return &e;
  return nullptr;
}

}  // namespace hegemon::testing
