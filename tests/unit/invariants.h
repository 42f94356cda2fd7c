// What must hold after every turn, whatever was ordered: the checks shared by the property tests
// and the scenario runs. Each reports failures through GoogleTest with `where` in the message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "shared/journal.h"
#include "shared/resolve.h"
#include "shared/world.h"

namespace hegemon::testing {

/// The message serialized with deterministic map ordering: equal bytes mean equal messages.
std::string deterministic_bytes(const google::protobuf::Message& message);

/// True when two journals hold the same entries in the same order, field for field.
bool same_journal(const Journal& a, const Journal& b);

/// Stocks are never negative and bounded values stay in their ranges: GDP and population
/// positive; forces, influence and intelligence not negative; stability and reputation in
/// [0, 100]; technology in (0, tech_ceiling]; Finlandization levels and threat in [0, 100].
void expect_world_in_bounds(const World& world, const std::string& where);

/// Every order set got exactly one result per order, each with its own position, and a reason
/// exactly when it was rejected.
void expect_one_result_per_order(const std::vector<OrderSet>& orders, const TurnResult& result,
                                 const std::string& where);

/// Each state's revenue went to its own categories, military aid and treaty contributions and
/// nowhere else: sum(last_spending) + aid + last_contributions == last_revenue. Aid is not stored
/// in the world, so it is what the balance leaves over; it must lie between nothing and what the
/// state's accepted aid orders asked for, and fall short of them only when the whole projection
/// budget went to aid.
void expect_budgets_conserved(const std::vector<OrderSet>& orders, const TurnResult& result,
                              const std::string& where);

/// A copy of `world` in which every value another state keeps to itself is different: influence,
/// intelligence, last turn's spending, revenue and contributions, and its relations (hostility
/// records, Finlandization levels inside the band of their public status, pushes, resistances,
/// coercion, bandwagoning). Public statuses stay. Derived values are recomputed.
World with_private_values_changed(const World& world, StateIndex viewer, std::uint64_t salt);

/// `viewer`'s view of `world` is byte for byte the one it gets when every other state's private
/// values are different: nothing private reaches it.
void expect_view_hides_private_values(const World& world, StateIndex viewer,
                                      const std::string& where);

}  // namespace hegemon::testing
