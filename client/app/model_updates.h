// How the server's messages change the MatchModel: pure functions, no network, no window. The
// match screen reads the model; these are the only writers besides the player's own draft.
#pragma once

#include <string>
#include <vector>

#include "client/app/match_model.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

/// Notifications kept at most; the oldest go first.
inline constexpr std::size_t kMaxNotifications = 200;
/// Chat messages kept at most.
inline constexpr std::size_t kMaxChat = 500;

/// A seat granted by JoinMatch or Reconnect: the view, the token, the reports missed while away.
/// A seat in another match (or another state) starts a fresh model.
void apply_seat_granted(MatchModel& model, const pb::SeatGranted& granted);

/// Watching a match as a spectator: the public view, no seat.
void apply_observing(MatchModel& model, const pb::Observing& observing);

/// A resolved turn: the new view and report are kept (history, reports), the draft starts again
/// from the new standing allocation, and what changed for this player becomes notifications.
/// A turn the model already has is ignored.
void apply_turn_resolved(MatchModel& model, const pb::TurnResolved& resolved);

/// Seats, readiness, status and deadline as they are now.
void apply_match_update(MatchModel& model, const pb::MatchUpdate& update);

void apply_chat(MatchModel& model, const pb::ChatMessage& message);

/// The server's verdict on the orders sent: kept for the report panel, readiness follows it.
void apply_orders_accepted(MatchModel& model, const pb::OrdersAccepted& accepted);

/// A request of this match failed: `what_failed` says which ("sending the orders").
void apply_error(MatchModel& model, const pb::Error& error, const std::string& what_failed);

/// Applies an event (request_id 0) of the model's match: TurnResolved, MatchUpdate or
/// ChatMessage. False when the event is of another match or another kind.
bool apply_event(MatchModel& model, const pb::ServerMessage& event);

/// The draft for the turn being collected, starting from the view's standing allocation and
/// transparency choice, with no other orders.
void reset_draft(MatchModel& model);

/// What a resolved turn changed for the viewer of `after`: proposals addressed to it, treaty
/// breaches, Finlandization status changes, treaties signed and ended, events, the end.
std::vector<Notification> turn_notifications(const pb::PlayerView& before,
                                             const pb::PlayerView& after,
                                             const pb::TurnReport& report);

/// Open proposals addressed to the viewer of `after` that were not open in `before`.
std::vector<Notification> proposal_notifications(const pb::PlayerView& before,
                                                 const pb::PlayerView& after);

/// The state's name in the view ("Linnmark"), or its id when the view does not name it.
std::string state_name(const pb::PlayerView& view, const std::string& id);

/// The period a turn covers: "1952" for a scenario in years, "Q3 2027" in quarters (turn 1 is
/// the first period of the scenario).
std::string period_of_turn(const pb::PlayerView& view, int turn);

/// "mutual defense pact", "non-aggression pact", ...
std::string treaty_type_text(pb::TreatyType type);

}  // namespace hegemon::client
