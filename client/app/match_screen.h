// The match: a top bar (match, turn and period, deadline countdown, orders and readiness,
// connection), the map on the left above the notifications, and the panels of panels.h as tabs
// on the right. Everything is drawn from the player's own view in the MatchModel.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "client/app/match_model.h"
#include "client/app/match_tabs.h"
#include "client/app/network_session.h"
#include "client/app/panels.h"
#include "client/app/ui_style.h"

namespace hegemon::client {

struct MatchScreenActions {
  MatchActions match;
  std::function<void()> to_lobby;          // back to the lobby (the seat stays the player's)
  std::function<void(bool pause)> pause;   // empty unless this client owns the match
};

class MatchScreen {
 public:
  void draw(MatchModel& model, const MatchScreenActions& actions, LinkState link,
            const UiFonts& fonts);
  /// Brings a tab to the front on the next frame.
  void show_tab(MatchTab tab) { requested_ = tab; }
  MatchTab current_tab() const { return current_; }
  /// The state selected on the map or in a panel ("" for none), and selecting one.
  const std::string& selected() const { return selected_; }
  void select(const std::string& state) { selected_ = state; }
  /// The diplomacy panel's choices (the treaty being drafted, pressure, aid).
  const DiplomacyPanel& diplomacy() const { return diplomacy_; }
  DiplomacyPanel& diplomacy() { return diplomacy_; }

  /// Whether a state's closeup is open, and whose (for the tour and the tests).
  bool closeup_open() const { return closeup_open_; }
  bool debrief_open() const { return debrief_open_; }
  const std::string& closeup_state() const { return closeup_state_; }
  void open_closeup(const std::string& state) {
    closeup_state_ = state;
    closeup_open_ = !state.empty();
  }

 private:
  void draw_closeup(const MatchModel& model);
  void draw_debrief(const MatchModel& model);
  void draw_top_bar(MatchModel& model, const MatchScreenActions& actions, LinkState link,
                    const UiFonts& fonts);
  void draw_orders_controls(MatchModel& model, const MatchActions& actions);
  void draw_notifications(MatchModel& model);
  void draw_tabs(MatchModel& model, const MatchActions& actions);
  void draw_seats(const MatchModel& model);
  /// Everything the screen holds belongs to one match and seat: entering another (or the same
  /// match as another state, or as a spectator) starts every panel afresh. A tab asked for stays.
  void start_afresh_if_other(const MatchModel& model);

  MapPanel map_;
  BudgetPanel budget_;
  DiplomacyPanel diplomacy_;
  ThreatPanel threats_;
  FinlandPanel finland_;
  GoalsPanel goals_;
  HistoryPanel history_;
  ReportPanel report_;
  ChatPanel chat_;
  std::string selected_;  // the state selected on the map or in a panel
  CloseupPanel closeup_;
  bool closeup_open_ = false;
  std::string closeup_state_;  // whose closeup is open (the last state clicked on the map)
  DebriefPanel debrief_;
  bool debrief_open_ = false;
  bool debrief_offered_ = false;  // opened by itself once the match is over
  std::optional<MatchTab> requested_;
  MatchTab current_ = MatchTab::Budget;
  std::uint64_t shown_match_ = 0;  // the match and seat the panels hold choices for
  std::string shown_state_;
};

}  // namespace hegemon::client
