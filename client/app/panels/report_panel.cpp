// The turn report: the verdicts on the orders sent, then what happened and why, by topic.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

bool about(const pb::ReportEntry& e, const std::string& state) {
  return std::find(e.states().begin(), e.states().end(), state) != e.states().end();
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return s;
}

void verdicts(const pb::TurnReport& report) {
  if (report.order_results_size() == 0) {
    ImGui::TextDisabled("You sent no orders for this turn: your standing budget held.");
    return;
  }
  int accepted = 0;
  for (const auto& r : report.order_results()) accepted += r.accepted() ? 1 : 0;
  const int refused = report.order_results_size() - accepted;
  ImGui::TextColored(refused > 0 ? kWarn : kGood, "Your orders: %d accepted, %d refused.", accepted,
                     refused);
  for (const auto& r : report.order_results()) {
    if (r.accepted()) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::Bullet();
    ImGui::TextWrapped("Order %d refused: %s.", r.index() + 1, r.reason().c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace

void ReportPanel::draw(MatchModel& model) {
  const auto& reports = model.reports;
  const pb::PlayerView& view = model.view;
  if (reports.empty()) {
    ImGui::TextDisabled("No report yet: the first arrives when turn 1 resolves.");
    return;
  }
  const pb::TurnReport* shown = &reports.back();
  for (const auto& r : reports)
    if (r.turn() == turn) shown = &r;

  const std::string current =
      "Turn " + std::to_string(shown->turn()) + " (" + period_of(view, shown->turn()) + ")";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  if (ImGui::BeginCombo("Report", current.c_str())) {
    for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
      const std::string label = "Turn " + std::to_string(it->turn()) + " (" +
                                period_of(view, it->turn()) + ")" +
                                (it == reports.rbegin() ? " - latest" : "");
      const bool is_shown = &*it == shown;
      if (ImGui::Selectable(label.c_str(), is_shown))
        turn = it == reports.rbegin() ? -1 : it->turn();
      if (is_shown) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
  ImGui::InputTextWithHint("##filter", "filter the entries", &filter);
  const std::string& me = view.own().id();
  if (!me.empty()) {
    // Beside the filter when the line has room for it, below it otherwise.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float needed = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                         ImGui::CalcTextSize("Only about you").x + style.ItemSpacing.x;
    const float room =
        ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x;
    if (room >= needed) ImGui::SameLine();
    ImGui::Checkbox("Only about you", &only_mine);
  }

  if (!me.empty()) verdicts(*shown);
  ImGui::Separator();

  const std::string needle = lowered(filter);
  std::map<int, std::vector<const pb::ReportEntry*>> by_topic;
  for (const auto& e : shown->entries()) {
    if (only_mine && !me.empty() && !about(e, me)) continue;
    if (!needle.empty() && lowered(e.text()).find(needle) == std::string::npos) continue;
    by_topic[static_cast<int>(e.topic())].push_back(&e);
  }
  if (by_topic.empty()) ImGui::TextDisabled("No entry matches.");
  for (const auto& [topic, entries] : by_topic) {
    const std::string header = std::string(topic_label(static_cast<pb::ReportTopic>(topic))) +
                               " (" + std::to_string(entries.size()) + ")###topic" +
                               std::to_string(topic);
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    ImGui::PushID(topic);
    for (const pb::ReportEntry* e : entries) {
      const bool mine = !me.empty() && about(*e, me);
      ImGui::Bullet();
      if (!mine) ImGui::PushStyleColor(ImGuiCol_Text, kDim);
      text_wrapped(e->text());
      if (!mine) ImGui::PopStyleColor();
      if (e->before() != 0.0 || e->after() != 0.0) {
        ImGui::Indent();
        // Small quantities (technology, cohesion) need more digits than GDP does.
        const double size = std::max(std::abs(e->before()), std::abs(e->after()));
        const int decimals = size < 10.0 ? 3 : 1;
        ImGui::TextDisabled("%s -> %s (%s)", fixed(e->before(), decimals).c_str(),
                            fixed(e->after(), decimals).c_str(),
                            signed_fixed(e->after() - e->before(), decimals).c_str());
        ImGui::Unindent();
      }
    }
    ImGui::PopID();
  }
}

}  // namespace hegemon::client
