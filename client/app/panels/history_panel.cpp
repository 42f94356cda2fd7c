// History: the player's own state over the turns beside another's as the player sees it (a
// spectator: every state's), one point per turn, on charts with their periods and units.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"
#include "client/app/panels/line_chart.h"

namespace hegemon::client {
namespace {

double highest_threat(const pb::PlayerView& v) {
  double worst = 0;
  for (const auto& t : v.threats()) worst = std::max(worst, t.total());
  return worst;
}

double highest_level(const pb::PlayerView& v) {
  double worst = 0;
  for (const auto& rel : v.own().relations()) worst = std::max(worst, rel.finland_level());
  return worst;
}

double own_score(const pb::PlayerView& v) {
  for (const auto& s : v.scores())
    if (s.state() == v.own().id()) return s.total();
  return 0;
}

/// A figure of state `id` as a view shows it (the own state's exactly, another's as seen);
/// NaN when the view does not show the state.
using Figure = double (*)(double gdp, double defense, double projection, double stability);

double figure_of(const pb::PlayerView& v, const std::string& id, Figure f) {
  if (v.own().id() == id)
    return f(v.own().gdp(), v.own().territorial_defense(), v.own().power_projection(),
             v.own().stability());
  if (const pb::StateView* o = find_other(v, id))
    return f(o->gdp(), o->territorial_defense(), o->power_projection(), o->stability());
  return std::nan("");
}

/// One line over the history: the state's figure turn by turn (a turn that did not show the
/// state repeats the one before).
std::vector<float> series_of(const std::vector<pb::PlayerView>& history, const std::string& id,
                             Figure f) {
  std::vector<float> out;
  for (const auto& v : history) {
    const double x = figure_of(v, id, f);
    out.push_back(std::isnan(x) ? (out.empty() ? 0.0f : out.back()) : static_cast<float>(x));
  }
  return out;
}

std::vector<float> series_of(const std::vector<pb::PlayerView>& history,
                             double (*f)(const pb::PlayerView&)) {
  std::vector<float> out;
  for (const auto& v : history) out.push_back(static_cast<float>(f(v)));
  return out;
}

struct Chart {
  const char* title;
  const char* help;
  ChartScale scale;
  std::vector<ChartLine> lines;
};

}  // namespace

void HistoryPanel::draw(const MatchModel& model, const std::string& selected) {
  const auto& history = model.history;
  if (history.empty()) {
    ImGui::TextDisabled("No turn received yet.");
    return;
  }
  const pb::PlayerView& now = model.view;
  const std::string& me = now.own().id();
  const int first = history.front().turn(), last = history.back().turn();
  const auto period = [&](int turn) {
    return turn <= 0 ? "start " + period_of(now, 1) : period_of(now, turn);
  };
  const auto base = [&](const char* unit, float fixed_top) {
    ChartScale s;
    s.unit = unit;
    s.first = period(first);
    s.last = period(last);
    s.fixed_top = fixed_top;
    return s;
  };
  const Figure gdp = [](double g, double, double, double) { return g; };
  const Figure defense = [](double, double d, double, double) { return d; };
  const Figure projection = [](double, double, double p, double) { return p; };
  const Figure stability = [](double, double, double, double s) { return s; };
  const std::map<std::string, ImU32> blocs = alliance_colors(now);
  const ImU32 kOwn = IM_COL32(250, 250, 250, 255), kOther = IM_COL32(86, 180, 233, 255);

  // Whom the lines compare with: the selected state, else the one the viewer fears most; a
  // spectator sees every state.
  std::vector<std::string> shown;
  std::string compared;
  if (!me.empty()) {
    shown.push_back(me);
    compared = selected != me ? selected : "";
    if (compared.empty() || !find_other(now, compared)) {
      double worst = -1;
      for (const auto& t : now.threats())
        if (t.total() > worst) worst = t.total(), compared = t.from();
    }
    if (!compared.empty()) shown.push_back(compared);
  } else {
    for (const auto& o : now.others()) shown.push_back(o.id());
  }
  const auto lines_of = [&](Figure f) {
    std::vector<ChartLine> lines;
    for (const std::string& id : shown) {
      ChartLine l;
      l.label = id;
      l.color =
          id == me ? kOwn : (!me.empty() ? kOther : (blocs.count(id) ? blocs.at(id) : kOther));
      l.emphasised = id == me;
      l.values = series_of(history, id, f);
      lines.push_back(std::move(l));
    }
    return lines;
  };
  const auto own_line = [&](double (*f)(const pb::PlayerView&)) {
    return std::vector<ChartLine>{{me, kOwn, series_of(history, f), true}};
  };

  std::vector<Chart> charts = {
      {"GDP", "Billions a year; public for every state.", base("bn", 0), lines_of(gdp)},
      {"Territorial defense",
       "Capability points: protects and alarms no one. Another state's "
       "is your estimate unless it publishes its budget.",
       base("points", 0), lines_of(defense)},
      {"Power projection",
       "Capability points: what neighbours fear. Another state's is your "
       "estimate unless it publishes its budget.",
       base("points", 0), lines_of(projection)},
      {"Stability", "0-100: below the ruleset's threshold the government falls.", base("", 100),
       lines_of(stability)},
  };
  if (!me.empty()) {
    charts.push_back({"Highest threat felt", "0-100: the worst threat any state poses to you.",
                      base("", 100), own_line(highest_threat)});
    charts.push_back({"Highest Finlandization level",
                      "0-100: toward the power pressing you hardest.", base("", 100),
                      own_line(highest_level)});
    charts.push_back({"Score", "0-100, 50 where you began: see the Goals tab for its parts.",
                      base("", 100), own_line(own_score)});
  }

  ImGui::PushTextWrapPos(0.0f);
  if (me.empty())
    ImGui::TextDisabled(
        "Every state's public figures and your estimates of the rest, one point "
        "per turn.");
  else if (!compared.empty())
    ImGui::TextDisabled(
        "You (white) beside %s (blue, as you see it); click a state on the map "
        "to compare with it.",
        name_of(now, compared).c_str());
  ImGui::PopTextWrapPos();
  // Two charts a row when there is room for them, one otherwise.
  const float avail = ImGui::GetContentRegionAvail().x;
  const int columns = avail > 640.0f ? 2 : 1;
  if (!ImGui::BeginTable("charts", columns, ImGuiTableFlags_SizingStretchSame)) return;
  for (const Chart& c : charts) {
    ImGui::TableNextColumn();
    ImGui::PushID(c.title);
    ImGui::TextUnformatted(c.title);
    help_marker(c.help);
    line_chart("chart", c.lines, c.scale, ImGui::GetContentRegionAvail().x,
               ImGui::GetTextLineHeight() * 7.0f);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace hegemon::client
