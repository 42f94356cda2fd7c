// Balance of threat: whom this state fears and why (Walt's four factors), and whom it frightens
// (the security dilemma seen from the other side).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

/// One table of threats, sorted from the worst; a click on a row selects the state.
void threat_table(const char* id, const pb::PlayerView& view,
                  const google::protobuf::RepeatedPtrField<pb::ThreatView>& threats,
                  const char* first_column, std::string& selected) {
  std::vector<const pb::ThreatView*> rows;
  for (const auto& t : threats) rows.push_back(&t);
  std::stable_sort(rows.begin(), rows.end(), [](const pb::ThreatView* a, const pb::ThreatView* b) {
    return a->total() > b->total();
  });
  // The figures' columns are as wide as "100.0" and their heading, never narrower, so no figure
  // is clipped; the states' names take what is left, and the table scrolls sideways rather than
  // squeeze a column when the panel is narrow.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  // Rows are as tall as a frame with its spacing (the bars and the selectable names).
  const float rows_height =
      ImGui::GetFrameHeightWithSpacing() * static_cast<float>(rows.size() + 1) +
      ImGui::GetStyle().ScrollbarSize;
  if (!ImGui::BeginTable(id, 7, flags, ImVec2(0, rows_height))) return;
  const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
  const auto figure_width = [&](const char* heading) {
    return std::max(ImGui::CalcTextSize(heading).x, ImGui::CalcTextSize("100.0").x) + pad;
  };
  float longest_name = ImGui::CalcTextSize(first_column).x;
  for (const pb::ThreatView* t : rows)
    longest_name = std::max(longest_name, ImGui::CalcTextSize(name_of(view, t->from()).c_str()).x);
  ImGui::TableSetupScrollFreeze(1, 0);  // the names stay in sight while the figures scroll
  ImGui::TableSetupColumn(first_column, ImGuiTableColumnFlags_WidthFixed, longest_name + pad);
  ImGui::TableSetupColumn("Threat", ImGuiTableColumnFlags_WidthFixed,
                          figure_width("Threat") * 1.4f);
  for (const char* factor : {"Power", "Proximity", "Offense", "Intentions"})
    ImGui::TableSetupColumn(factor, ImGuiTableColumnFlags_WidthFixed, figure_width(factor));
  ImGui::TableSetupColumn(
      "Alliance", ImGuiTableColumnFlags_WidthFixed,
      std::max(ImGui::CalcTextSize("Alliance").x, ImGui::CalcTextSize("x 0.00").x) + pad);
  ImGui::TableHeadersRow();
  const ImVec4 factor_color(0.40f, 0.55f, 0.80f, 1.0f);
  for (const pb::ThreatView* t : rows) {
    ImGui::PushID(t->from().c_str());
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const std::string name = name_of(view, t->from());
    if (ImGui::Selectable(
            name.c_str(), selected == t->from(),
            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
      selected = t->from();
    ImGui::TableSetColumnIndex(1);
    value_bar(t->total(), danger_color(t->total()));
    ImGui::TableSetColumnIndex(2);
    value_bar(t->power(), factor_color);
    ImGui::TableSetColumnIndex(3);
    value_bar(t->proximity(), factor_color);
    ImGui::TableSetColumnIndex(4);
    value_bar(t->offense(), factor_color);
    ImGui::TableSetColumnIndex(5);
    value_bar(t->intentions(), factor_color);
    ImGui::TableSetColumnIndex(6);
    if (t->alliance_discount() < 1.0 - 1e-9)
      ImGui::TextColored(kGood, "x %.2f", t->alliance_discount());
    else
      ImGui::TextDisabled("none");
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void ThreatPanel::draw(const MatchModel& model, std::string& selected) {
  const pb::PlayerView& view = model.view;
  if (view.own().id().empty()) {
    ImGui::TextDisabled("Threats are felt by a state: take a seat to see them.");
    return;
  }
  ImGui::Text("The threat %s feels from each state", view.own().name().c_str());
  help_marker(
      "Walt's balance of threat, each factor 0-100. Power: its share of your pair's economy, "
      "population and forces. Proximity: 100 for a neighbour, less with distance. Offense: its "
      "power projection against your territorial defense. Intentions: its hostile acts toward "
      "you, its secrecy and its lost reputation. Threat = (power + offense + intentions) x reach, "
      "where reach grows with proximity; allies and non-aggression partners discount it (the "
      "Alliance column).");
  ImGui::PushStyleColor(ImGuiCol_Text, kDim);
  ImGui::TextWrapped(
      "Reckoned on what you see: estimates where a budget is secret. Click a row to inspect "
      "the state.");
  ImGui::PopStyleColor();
  threat_table("felt", view, view.threats(), "From", selected);

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Text("How much each state fears %s", view.own().name().c_str());
  help_marker(
      "The security dilemma: power projection raises every neighbour's threat whatever it was "
      "bought for, and they may balance against you. Territorial defense does not. Publishing "
      "your budget and confidence-building agreements make your projection read as less "
      "offensive.");
  ImGui::PushStyleColor(ImGuiCol_Text, kDim);
  ImGui::TextWrapped(
      "What your own forces and acts do to the others: they may arm or ally against you.");
  ImGui::PopStyleColor();
  threat_table("caused", view, view.threat_to_others(), "Felt by", selected);
}

}  // namespace hegemon::client
