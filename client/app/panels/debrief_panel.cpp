// The debrief at the end of a match: who played what, every score with its parts, the key events
// turn by turn, and charts comparing the states.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <map>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"
#include "client/app/panels/line_chart.h"

namespace hegemon::client {
namespace {

/// Who played the state: the player's name, or the bot and its doctrine.
std::string played_by(const MatchModel& model, const std::string& state) {
  for (const auto& seat : model.summary.seats()) {
    if (seat.state() != state) continue;
    if (seat.kind() == pb::SEAT_HUMAN && !seat.player_name().empty()) return seat.player_name();
    return seat.doctrine().empty() ? "bot" : "bot (" + seat.doctrine() + ")";
  }
  return "";
}

void standings(const MatchModel& model, const std::vector<pb::Score>& scores) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_BordersInnerV;
  const float height = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(scores.size() + 1) +
                       ImGui::GetStyle().ScrollbarSize;
  if (!ImGui::BeginTable("debrief standings", 9, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(2, 1);
  for (const char* column : {"#", "State", "Played by", "Total", "Security", "Prosperity",
                             "Influence", "Sovereignty", "Objectives"})
    ImGui::TableSetupColumn(column);
  ImGui::TableHeadersRow();
  int rank = 1;
  for (const auto& s : scores) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", rank++);
    ImGui::TableNextColumn();
    const std::string name = name_of(model.view, s.state());
    if (s.state() == model.my_state)
      ImGui::TextColored(kGood, "%s (you)", name.c_str());
    else
      ImGui::TextUnformatted(name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(played_by(model, s.state()).c_str());
    for (double value : {s.total(), s.security(), s.prosperity(), s.influence(), s.sovereignty(),
                         s.objectives()}) {
      ImGui::TableNextColumn();
      ImGui::Text("%.1f", value);
    }
  }
  ImGui::EndTable();
}

/// Each state's total as a bar split into what each part gave it (its weight times its value),
/// so that two equal totals made differently look different.
void score_bars(const MatchModel& model, const std::vector<pb::Score>& scores) {
  const pb::Ruleset& r = model.facts.ruleset();
  const ImU32 part_colors[] = {IM_COL32(0, 114, 178, 255), IM_COL32(0, 158, 115, 255),
                               IM_COL32(230, 159, 0, 255), IM_COL32(204, 121, 167, 255),
                               IM_COL32(240, 228, 66, 255)};
  const char* part_names[] = {"security", "prosperity", "influence", "sovereignty", "objectives"};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float name_width = 0;
  for (const auto& s : scores)
    name_width =
        std::max(name_width, ImGui::CalcTextSize(name_of(model.view, s.state()).c_str()).x);
  const float bar_width = std::max(80.0f, ImGui::GetContentRegionAvail().x - name_width - 60.0f);
  for (const auto& s : scores) {
    const double parts[] = {s.security(), s.prosperity(), s.influence(), s.sovereignty(),
                            s.objectives()};
    const double weights[] = {r.score_weight_security(), r.score_weight_prosperity(),
                              r.score_weight_influence(), r.score_weight_sovereignty(),
                              s.objectives() > 0 ? r.score_weight_objectives() : 0.0};
    double sum = 0;
    for (double w : weights) sum += w;
    ImGui::TextUnformatted(name_of(model.view, s.state()).c_str());
    ImGui::SameLine(name_width + 16.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    float x = p.x;
    for (int i = 0; i < 5 && sum > 0; ++i) {
      const float w = static_cast<float>(weights[i] * parts[i] / sum / 100.0) * bar_width;
      draw->AddRectFilled(ImVec2(x, p.y + 1), ImVec2(x + w, p.y + h - 1), part_colors[i]);
      x += w;
    }
    ImGui::Dummy(ImVec2(bar_width, h));
    ImGui::SameLine();
    ImGui::Text("%.1f", s.total());
  }
  const float line = ImGui::GetTextLineHeight();
  for (int i = 0; i < 5; ++i) {
    if (i) ImGui::SameLine();
    ImGui::ColorButton(part_names[i], ImGui::ColorConvertU32ToFloat4(part_colors[i]),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(line, line * 0.7f));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", part_names[i]);
  }
}

/// Every state's GDP turn by turn as the views showed it (GDP is public), one line each.
void gdp_chart(const MatchModel& model) {
  std::map<std::string, std::vector<float>> series;
  for (const auto& v : model.history) {
    if (!v.own().id().empty()) series[v.own().id()].push_back(static_cast<float>(v.own().gdp()));
    for (const auto& o : v.others()) series[o.id()].push_back(static_cast<float>(o.gdp()));
  }
  const std::map<std::string, ImU32> colors = alliance_colors(model.view);
  std::vector<ChartLine> lines;
  for (auto& [id, values] : series)
    lines.push_back({id, colors.count(id) ? colors.at(id) : IM_COL32(200, 200, 200, 255),
                     std::move(values), id == model.my_state});
  ChartScale scale;
  scale.unit = "bn";
  if (!model.history.empty()) {
    scale.first = period_of(model.view, std::max(model.history.front().turn(), 1));
    scale.last = period_of(model.view, std::max(model.history.back().turn(), 1));
  }
  line_chart("gdp", lines, scale, std::max(200.0f, ImGui::GetContentRegionAvail().x),
             std::max(120.0f, ImGui::GetTextLineHeight() * 10.0f));
}

/// The turns' key events: scripted events, treaties made and ended, changes of Finlandization
/// status, governments falling, and the end.
void timeline(const MatchModel& model) {
  int shown = 0;
  for (const auto& report : model.reports)
    for (const auto& e : report.entries()) {
      const pb::ReportTopic t = e.topic();
      if (t != pb::TOPIC_EVENT && t != pb::TOPIC_TREATY && t != pb::TOPIC_FINLANDIZATION &&
          t != pb::TOPIC_DOMESTIC && t != pb::TOPIC_END)
        continue;
      ++shown;
      ImGui::TextDisabled("%s", period_of(model.view, report.turn()).c_str());
      ImGui::SameLine(ImGui::CalcTextSize("Q4 0000").x + 12.0f);
      ImGui::TextWrapped("%s", e.text().c_str());
    }
  if (shown == 0) ImGui::TextDisabled("No events were reported to you.");
}

}  // namespace

void DebriefPanel::draw(const MatchModel& model) {
  const pb::PlayerView& view = model.view;
  std::vector<pb::Score> scores(view.scores().begin(), view.scores().end());
  std::stable_sort(scores.begin(), scores.end(),
                   [](const pb::Score& a, const pb::Score& b) { return a.total() > b.total(); });
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("%s: %s", model.summary.name().c_str(), view.title().c_str());
  ImGui::TextColored(kWarn, "The match is over%s%s", view.end_reason().empty() ? "." : ": ",
                     view.end_reason().c_str());
  if (!scores.empty() && scores.front().state() == model.my_state)
    ImGui::TextColored(kGood, "You finished first.");
  ImGui::PopTextWrapPos();
  if (ImGui::CollapsingHeader("Final standings", ImGuiTreeNodeFlags_DefaultOpen)) {
    standings(model, scores);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Each part 0 to 100, 50 where the state began; the bars show what each "
        "part gave the total by the ruleset's weights.");
    ImGui::PopTextWrapPos();
    score_bars(model, scores);
  }
  if (ImGui::CollapsingHeader("GDP of every state", ImGuiTreeNodeFlags_DefaultOpen))
    gdp_chart(model);
  if (ImGui::CollapsingHeader("Timeline", ImGuiTreeNodeFlags_DefaultOpen)) timeline(model);
}

}  // namespace hegemon::client
