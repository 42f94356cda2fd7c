// The one place where the rules engine's plain structs meet the generated .proto types.
//
// The engine names states by position (StateIndex); the schema names them by id ("FIN"). Every
// conversion from the schema checks what it reads, because a saved world or an order set may come
// from a file or a socket: bad input is refused with a SchemaError (or, for a single order, kept
// as an UnreadableOrder), never trusted and never a crash.
#pragma once

#include <optional>
#include <stdexcept>

#include "protocol/orders.pb.h"
#include "protocol/world.pb.h"
#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// A schema message that cannot become (or come from) a consistent engine value: an unknown state
/// id, a matrix of the wrong size, an enum value with no meaning. The text says what and where.
struct SchemaError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --- Enums ----------------------------------------------------------------------------------
// From the schema, nullopt means "unset or out of range": proto3 enums carry any integer.

pb::TreatyType to_proto(TreatyType type);
/// nullopt for TREATY_TYPE_UNSPECIFIED and for values out of range.
std::optional<TreatyType> from_proto(pb::TreatyType type);

pb::FinlandStatus to_proto(FinlandStatus status);
std::optional<FinlandStatus> from_proto(pb::FinlandStatus status);

pb::GovernmentLean to_proto(GovernmentLean lean);
std::optional<GovernmentLean> from_proto(pb::GovernmentLean lean);

pb::ProposalStatus to_proto(ProposalStatus status);
std::optional<ProposalStatus> from_proto(pb::ProposalStatus status);

pb::ObjectiveKind to_proto(ObjectiveKind kind);
/// nullopt for OBJECTIVE_UNSPECIFIED and for values out of range.
std::optional<ObjectiveKind> from_proto(pb::ObjectiveKind kind);

pb::PressureKind to_proto(PressureKind kind);
/// nullopt for PRESSURE_UNSPECIFIED and for values out of range.
std::optional<PressureKind> from_proto(pb::PressureKind kind);

// --- Plain values (no state ids inside, so nothing to refuse) ------------------------------------

pb::Allocation to_proto(const Allocation& allocation);
Allocation from_proto(const pb::Allocation& allocation);

pb::TreatyTerms to_proto(const TreatyTerms& terms);
TreatyTerms from_proto(const pb::TreatyTerms& terms);

pb::Spending to_proto(const Spending& spending);
Spending from_proto(const pb::Spending& spending);

// --- States ---------------------------------------------------------------------------------

/// One state with its relations toward every other state of `world`, in state order (its own
/// entry is not written; relations the engine has not sized yet are written at their defaults).
/// Throws SchemaError when `state` is not a position in `world`.
pb::State to_proto(const World& world, StateIndex state);

/// Reads one state; `ids` are the ids of all states in the world in order (the state's own id
/// among them), so that relations land at the position of the state they name. Relations not in
/// the message stay at their defaults. Throws SchemaError on an unknown or repeated `other`, a
/// relation toward the state itself, or an enum out of range.
State state_from_proto(const pb::State& message, const std::vector<std::string>& ids);

// --- Parts of the world, for views ---------------------------------------------------------------
// Each throws SchemaError when it names a state index outside the world.

pb::Treaty to_proto(const World& world, const Treaty& treaty);
pb::Proposal to_proto(const World& world, const Proposal& proposal);
pb::Guarantee to_proto(const World& world, const Guarantee& guarantee);
pb::Sanction to_proto(const World& world, const Sanction& sanction);
pb::Objective to_proto(const World& world, const Objective& objective);
/// The score of `state` (scores are kept by position, beside the states).
pb::Score to_proto(const World& world, StateIndex state, const Score& score);

// --- The whole world --------------------------------------------------------------------------

/// The world as the schema saves it: scenario facts (map borders, events, objectives, end
/// conditions, start GDP) in World.scenario, the full distance matrix in World.distance_km and
/// the threat matrix in World.threat, both row-major. Throws SchemaError when the world is not
/// consistent (an index out of range, a matrix of the wrong size): such a world would not load
/// back, so it is refused before it is saved.
pb::World to_proto(const World& world);

/// The inverse of to_proto, exact field for field. Throws SchemaError when the message names an
/// unknown state, repeats a state id, has matrices or per-state lists of the wrong size, or
/// carries an enum value with no meaning. Does not recompute anything: what was saved is restored.
/// A scenario file's own parts of World.scenario (states, distances, starting_treaties,
/// km_per_map_unit) are not read: in a saved world the states and the map say it all.
World world_from_proto(const pb::World& message);

// --- Orders -----------------------------------------------------------------------------------

/// One order. An order with no kind, naming an unknown state or carrying an enum value out of
/// range becomes UnreadableOrder with a reason a player can act on.
Order order_from_proto(const World& world, const pb::Order& message);

/// Converts every order in place, so results stay aligned with what the seat sent. Throws
/// SchemaError when the order set's own state is not in the world.
OrderSet orders_from_proto(const World& world, const pb::OrderSet& message);

/// One engine order as the schema sends it. An UnreadableOrder becomes an order with no kind.
/// Throws SchemaError when the order names a state index outside the world.
pb::Order to_proto(const World& world, const Order& order);

/// An order set for `turn` (normally world.turn + 1), for bots and clients that build engine
/// orders. Throws SchemaError when a state index is outside the world.
pb::OrderSet to_proto(const World& world, const OrderSet& orders, int turn);

}  // namespace hegemon
