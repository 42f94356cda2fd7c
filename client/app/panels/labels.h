// What the match panels share: names and one-line explanations of the game's terms, colours,
// number formats, lookups in the player's view, and a few small widgets. Only the panels use it.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "client/app/match_model.h"
#include "protocol/orders.pb.h"
#include "protocol/view.pb.h"

namespace hegemon::client {

// --- Budget categories, in the order of pb::Allocation's fields --------------------------------

inline constexpr int kBudgetCategories = 7;
inline constexpr int kFullBudgetBp = 10000;

/// "Territorial defense", "Power projection", ...
const char* category_name(int category);
/// What money in this category buys, in one line.
const char* category_effect(int category);
int category_share(const pb::Allocation& allocation, int category);
void set_category_share(pb::Allocation& allocation, int category, int bp);
int allocation_total(const pb::Allocation& allocation);

/// Sets one category's share and moves the others in proportion to their shares so that the
/// total is exactly 10 000 basis points (evenly when all the others are at zero).
void rebalance(pb::Allocation& allocation, int category, int bp);

// --- Terms of the game ----------------------------------------------------------------------

const char* treaty_type_label(pb::TreatyType type);        // "Mutual defense pact"
const char* treaty_type_description(pb::TreatyType type);  // what it does, in one line
const char* pressure_kind_label(pb::PressureKind kind);
const char* pressure_kind_description(pb::PressureKind kind);
const char* finland_status_label(pb::FinlandStatus status);  // "independent", ...
const char* lean_label(pb::GovernmentLean lean);
const char* topic_label(pb::ReportTopic topic);

// --- Numbers ----------------------------------------------------------------------------------

/// `value` with `decimals` digits after the point.
std::string fixed(double value, int decimals = 1);
/// With a sign: "+3.2", "-0.5", "0.0".
std::string signed_fixed(double value, int decimals = 1);
/// Basis points as a percentage: 250 -> "2.50 %".
std::string percent_of_bp(double bp, int decimals = 2);
/// Money in billions: "123.4 bn".
std::string money(double billions);

// --- The view ---------------------------------------------------------------------------------

/// Every state of the view, the viewer's own first (none for a spectator).
std::vector<std::string> state_ids(const pb::PlayerView& view);
/// The state's name, or its id when the view does not name it.
std::string name_of(const pb::PlayerView& view, const std::string& id);
const pb::StateView* find_other(const pb::PlayerView& view, const std::string& id);
const pb::Relation* own_relation(const pb::PlayerView& view, const std::string& other);
const pb::Treaty* find_treaty(const pb::PlayerView& view, int id);
bool is_member(const pb::Treaty& treaty, const std::string& state);
/// "NATO (mutual defense pact)" or "mutual defense pact 3".
std::string treaty_title(const pb::Treaty& treaty);
/// The terms in one line: "floor 2.00 % of GDP, contribution 1.00 %, open-ended, ...".
std::string terms_summary(const pb::TreatyTerms& terms);
/// The member states by name, comma-separated.
std::string member_names(const pb::PlayerView& view, const pb::Treaty& treaty);
/// The period a turn covers: "1952", or "Q3 2027" in a scenario of quarters.
std::string period_of(const pb::PlayerView& view, int turn);
double years_per_turn(const pb::PlayerView& view);
/// The highest Finlandization status `id` holds toward anyone, as the view shows it.
pb::FinlandStatus strongest_status(const pb::PlayerView& view, const std::string& id);
/// An order in words: "pressure Korvia (economic, intensity 2)".
std::string describe_order(const pb::PlayerView& view, const pb::Order& order);

/// This turn's money for the viewer, before any growth: revenue (GDP x tax share x years per
/// turn), the treaty contributions taken first (in proportion when they ask for more than all of
/// it), and what is left for the split.
struct TurnMoney {
  double revenue = 0;
  int contribution_bp = 0;  // the sum over the viewer's treaties
  double contributions = 0;
  double spendable = 0;
};
TurnMoney turn_money(const pb::PlayerView& view);

// --- Colours ----------------------------------------------------------------------------------

/// "#a8322d" as a colour; a neutral grey when the text is not a colour.
ImU32 parse_color(const std::string& hex, float alpha = 1.0f);
ImU32 treaty_type_color(pb::TreatyType type);
ImVec4 status_color(pb::FinlandStatus status);
/// Green at 0 through amber to red at 100.
ImVec4 danger_color(double value_0_100);
inline const ImVec4 kGood{0.45f, 0.85f, 0.45f, 1.0f};
inline const ImVec4 kBad{1.0f, 0.45f, 0.40f, 1.0f};
inline const ImVec4 kWarn{1.0f, 0.75f, 0.30f, 1.0f};
inline const ImVec4 kDim{0.60f, 0.60f, 0.60f, 1.0f};

/// Each state's colour on the map: states in one mutual defense bloc share the colour of the
/// bloc's largest economy; others keep their own.
std::map<std::string, ImU32> alliance_colors(const pb::PlayerView& view);

// --- Widgets ----------------------------------------------------------------------------------

/// A "(?)" that explains on hover.
void help_marker(const char* text);
/// `text` dimmed when the rest of the line holds it, else a "(?)" that shows it on hover: a
/// hint is never cut.
void hint(const char* text);
/// Where `text` may break to fit `width`: at spaces only, and never before a unit that follows a
/// number (" %", " bn"), so that "1.120" and "-0.06 %" stay whole (ImGui's own wrapping also
/// breaks after a full stop). Each line is a [begin, end) range of `text`; a '\n' ends a line.
std::vector<std::pair<std::size_t, std::size_t>> wrap_lines(
    const std::string& text, float width,
    const std::function<float(std::size_t, std::size_t)>& measure);
/// ImGui::TextWrapped for prose with figures in it: lines broken as wrap_lines says.
void text_wrapped(const std::string& text);
/// A combo of the view's states (the viewer's own left out unless `include_self`); true when
/// the choice changed.
bool state_combo(const char* label, const pb::PlayerView& view, std::string& id, bool include_self);
/// A bar 0..100 filling `width` (the rest of the line when 0), coloured by `color`, with the
/// value written on it.
void value_bar(double value_0_100, ImVec4 color, float width = 0.0f, const char* overlay = nullptr);
/// Send and Send & ready for the whole draft (`orders` is draft_order_set(model)), disabled when
/// the budget does not sum to 100 % or the match is over, with what has been sent so far.
void send_buttons(MatchModel& model, const MatchActions& actions, const pb::OrderSet& orders);
/// "before -> after (+change)" coloured good or bad; `higher_is_better` says which.
void change_text(double before, double after, int decimals, bool higher_is_better);

}  // namespace hegemon::client
