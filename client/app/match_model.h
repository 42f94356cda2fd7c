// What the match screens show: the player's own view of the world, the reports and chat it has
// received, the orders it is drafting, and notifications. Owned by the UI thread; updated only
// from what the server sent (the client never computes an outcome of its own).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocol/map.pb.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

struct Notification {
  enum class Kind { Proposal, Breach, Status, Treaty, Info, Error };
  Kind kind = Kind::Info;
  int turn = 0;
  std::string text;
  bool seen = false;
};

/// The orders being drafted for the turn being collected.
struct OrderDraft {
  int turn = 0;                  // the turn these orders are for
  pb::Allocation allocation;     // starts as the standing allocation
  bool publish_budget = true;
  std::vector<pb::Order> orders; // everything else: treaties, pressure, aid, sanctions, ...
  bool dirty = false;            // changed since last sent
};

struct MatchModel {
  std::uint64_t match_id = 0;
  std::string my_state;                    // empty for a spectator
  std::string seat_token;                  // kept to reconnect
  pb::MatchSummary summary;                // seats, readiness, status, deadline
  pb::PlayerView view;                     // the latest view
  pb::MatchFacts facts;                    // the states, map and rules, sent once per match
  /// The scenario's drawn map, from the client's assets; null when it has none.
  std::shared_ptr<const pb::TerritoryMap> territories;
  std::vector<pb::PlayerView> history;     // every view received, in turn order (for plots)
  std::vector<pb::TurnReport> reports;     // every report received, in turn order
  std::vector<pb::ChatMessage> chat;
  std::vector<Notification> notifications;
  OrderDraft draft;
  std::optional<pb::OrdersAccepted> last_accepted;  // the server's verdict on the last orders sent
  bool ready = false;
  bool told_over = false;                  // the end of the match was announced (once)
  std::string status_line;                 // the last error or confirmation, for the status bar

  bool spectator() const { return my_state.empty(); }
  int collecting_turn() const { return view.turn() + 1; }
};

/// What the match screens ask for; the app sends it through the network thread.
struct MatchActions {
  /// Sends the draft (all orders) for the turn being collected, with readiness.
  std::function<void(const pb::OrderSet& orders, bool ready)> submit;
  std::function<void(bool ready)> set_ready;
  /// Chat: empty `to_state` = everyone in the match.
  std::function<void(const std::string& to_state, const std::string& text)> chat;
  std::function<void()> leave;
};

}  // namespace hegemon::client
