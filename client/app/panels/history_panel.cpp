// History: the player's own state over the turns, one point per turn received.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

struct Series {
  const char* label;
  const char* help;
  std::vector<float> values;
  int decimals = 1;
  bool percent_scale = false;  // a 0..100 quantity: fixed scale so that turns compare
};

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

void plot(const Series& s, float width) {
  const float last = s.values.empty() ? 0.0f : s.values.back();
  const float first = s.values.empty() ? 0.0f : s.values.front();
  ImGui::Text("%s", s.label);
  if (s.help) help_marker(s.help);
  ImGui::SameLine();
  ImGui::TextDisabled("%s (from %s)", fixed(last, s.decimals).c_str(),
                      fixed(first, s.decimals).c_str());
  const std::string id = std::string("##") + s.label;
  ImGui::PlotLines(id.c_str(), s.values.data(), static_cast<int>(s.values.size()), 0, nullptr,
                   s.percent_scale ? 0.0f : FLT_MAX, s.percent_scale ? 100.0f : FLT_MAX,
                   ImVec2(width, ImGui::GetFrameHeight() * 2.5f));
}

}  // namespace

void HistoryPanel::draw(const MatchModel& model) {
  const auto& history = model.history;
  if (model.view.own().id().empty()) {
    ImGui::TextDisabled("The history follows a state of your own: take a seat to see it.");
    return;
  }
  if (history.empty()) {
    ImGui::TextDisabled("No turn received yet.");
    return;
  }
  std::vector<Series> series = {
      {"GDP", "Billions a year.", {}, 1, false},
      {"Territorial defense", "Capability points: protects and alarms no one.", {}, 1, false},
      {"Power projection", "Capability points: what neighbours fear.", {}, 1, false},
      {"Stability", "0-100: below the ruleset's threshold the government falls.", {}, 1, true},
      {"Highest threat felt", "0-100: the worst threat any state poses to you.", {}, 1, true},
      {"Highest Finlandization level",
       "0-100: toward the power pressing you hardest.",
       {},
       1,
       true},
      {"Score", "Security, prosperity, influence, sovereignty and objectives.", {}, 1, false},
  };
  for (const auto& v : history) {
    const pb::State& s = v.own();
    series[0].values.push_back(static_cast<float>(s.gdp()));
    series[1].values.push_back(static_cast<float>(s.territorial_defense()));
    series[2].values.push_back(static_cast<float>(s.power_projection()));
    series[3].values.push_back(static_cast<float>(s.stability()));
    series[4].values.push_back(static_cast<float>(highest_threat(v)));
    series[5].values.push_back(static_cast<float>(highest_level(v)));
    series[6].values.push_back(static_cast<float>(own_score(v)));
  }
  ImGui::Text("Turns %d to %d, one point per turn.", history.front().turn(), history.back().turn());
  if (history.size() < 2) ImGui::TextDisabled("The lines appear after the first turn resolves.");

  if (ImGui::BeginTable("plots", 2, ImGuiTableFlags_SizingStretchSame)) {
    for (const Series& s : series) {
      ImGui::TableNextColumn();
      ImGui::PushID(s.label);
      plot(s, ImGui::GetContentRegionAvail().x);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace hegemon::client
