// The panels of the match screen: one struct each, drawing from the MatchModel it does not own
// and asking for actions through MatchActions. Each keeps only its own widget state.
//
// Each draw() fills the current ImGui window (or child, or tab) from where the cursor is: the
// match screen opens the window, sizes it and gives it its title.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "client/app/match_model.h"
#include "client/app/panels/goals.h"
#include "client/app/panels/territory_map.h"
#include "client/app/preview.h"

namespace hegemon::client {

/// The map: states drawn from the view's map positions with ImGui draw lists, coloured by
/// alliance, marks for Finlandization status, lines for treaties, arrows for pressure; a click
/// selects a state (shared with the other panels through `selected`).
/// What the drawn map's territories are coloured by.
enum class MapLens { Bloc, ThreatToYou, Finlandization, Gdp, Stability };

/// The map: the scenario's territories when it has a drawn map (zoom, pan, a lens to colour them
/// by), else every state at its position as a disc; treaties, pressure, sanctions and
/// Finlandization drawn between them either way.
struct MapPanel {
  void draw(MatchModel& model, std::string& selected);

  bool show_legend = true;
  MapLens lens = MapLens::Bloc;
  MapCamera camera;
  std::string fitted_scenario;       // the camera is fitted anew for another scenario's map
  bool dragged = false;              // a press that moved the map selects nothing
  float canvas_x = 0, canvas_y = 0;  // the drawn map's centre on the screen in the last frame

 private:
  void draw_territories(MatchModel& model, std::string& selected);
};

/// A closeup of one state: what the viewer knows of it and how sure, its treaties, the
/// viewer's relations with it and the threat both ways with its factors, its Finlandization
/// status, and its GDP and forces over the turns as the viewer saw them.
struct CloseupPanel {
  void draw(const MatchModel& model, const std::string& state);
};

/// The debrief of a finished match: the final standings with who played each state and every
/// part of every score, each total as a bar of what its parts gave it, every state's GDP over
/// the turns, and the key events of the reports turn by turn.
struct DebriefPanel {
  void draw(const MatchModel& model);
};

/// The figures and standing of one state as a tooltip (the viewer's own in full).
void state_tooltip(const pb::PlayerView& view, const std::string& id);

/// One control per budget category, revenue and treaty contributions, the transparency choice,
/// and a preview of next turn computed by the shared rules engine on the player's own view.
struct BudgetPanel {
  void draw(MatchModel& model, const MatchActions& actions);

  /// Moving one share moves the others in proportion, so the total stays at 100 %. Off, the
  /// shares move alone and Send waits until they sum to 100 %.
  bool keep_total = true;
  PreviewCache preview;
};

/// Proposals received (accept / reject / counter), a treaty editor, treaties in force with each
/// member's compliance; pressure, guarantees, aid, sanctions and bandwagoning orders.
struct DiplomacyPanel {
  void draw(MatchModel& model, const MatchActions& actions, const std::string& selected);

  // The treaty editor.
  int editor_type = 1;  // pb::TreatyType
  std::string editor_name;
  std::vector<std::string> editor_members;
  int editor_floor_bp = 200;
  int editor_contribution_bp = 0;
  int editor_duration = 0;
  int editor_review = 0;
  int editor_exit_notice = 2;
  // The counter-proposal being written (0 = none) and its terms.
  int counter_of = 0;
  int counter_floor_bp = 0;
  int counter_contribution_bp = 0;
  int counter_duration = 0;
  int counter_review = 0;
  int counter_exit_notice = 0;
  // Pressure and support: the target (it follows the map's selection unless chosen here), the
  // kind and intensity of pressure, the amount of aid.
  std::string target;
  std::string followed_selection;
  int pressure_kind = 1;  // pb::PressureKind
  int pressure_intensity = 1;
  double aid_amount = 0;
  PreviewCache preview;
  // Every state's aggregate power as the view shows it (the rules' own measure), taken once per
  // turn: bandwagoning is offered only toward a state stronger than the player's.
  int powers_turn = -1;
  std::vector<std::pair<std::string, double>> powers;
};

/// The threat this state feels from each other state, broken into Walt's four factors.
struct ThreatPanel {
  void draw(const MatchModel& model, std::string& selected);
};

/// The Finlandization level toward each strong neighbour, its trend, what raises and lowers it.
struct FinlandPanel {
  void draw(const MatchModel& model);
};

/// The player's objectives and how its score is made (client/app/panels/goals.h).
class GoalsPanel {
 public:
  void draw(const MatchModel& model);

 private:
  int turn_ = -1;  // the view the lines below were worked out for
  std::string shown_for_;
  std::vector<GoalLine> lines_;
  ScoreBreakdown score_;
};

/// Plots over turns: GDP, forces, threat, levels, score.
struct HistoryPanel {
  /// Compares with `selected` (else the state the viewer fears most).
  void draw(const MatchModel& model, const std::string& selected);
};

/// The turn report with its explanations, and the verdicts on the orders sent.
struct ReportPanel {
  void draw(MatchModel& model);

  int turn = -1;           // the report shown; -1 = the newest
  std::string filter;      // only entries containing this text
  bool only_mine = false;  // only entries about the player's own state
};

/// Public and private chat.
struct ChatPanel {
  void draw(MatchModel& model, const MatchActions& actions);

  std::string input;
  std::string to_state;           // empty = everyone
  std::size_t messages_seen = 0;  // scrolls to the bottom when more arrive
};

}  // namespace hegemon::client
