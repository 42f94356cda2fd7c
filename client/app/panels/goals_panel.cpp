// Goals: the player's scenario objectives with whether each is met and how far along it is, and
// the score with how it is made, so that a jump in the score never comes unexplained.
#include <imgui.h>

#include "client/app/panels.h"
#include "client/app/panels/goals.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {

void GoalsPanel::draw(const MatchModel& model) {
  if (model.spectator()) {
    ImGui::TextWrapped("A spectator has no goals: each player's objectives and score are its own "
                       "until the match ends (then the final standings show every score).");
    return;
  }
  // Worked out once per view: the objectives are checked on the world the view describes.
  if (turn_ != model.view.turn() || shown_for_ != model.view.viewer()) {
    turn_ = model.view.turn();
    shown_for_ = model.view.viewer();
    lines_ = goal_lines(model.view, model.facts);
    score_ = score_breakdown(model.view, model.facts);
  }

  ImGui::TextUnformatted("Your objectives");
  ImGui::Separator();
  if (lines_.empty()) {
    ImGui::TextDisabled("The scenario sets you no objectives: your score is made of the other "
                        "four parts alone.");
  } else if (ImGui::BeginTable("objectives", 3,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("not yet").x);
    ImGui::TableSetupColumn("objective", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("where it stands", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (const auto& line : lines_) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(line.met ? kGood : kWarn, "%s", line.met ? "met" : "not yet");
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", line.description.c_str());
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, kDim);
      ImGui::TextWrapped("%s", line.progress.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::EndTable();
    ImGui::TextDisabled("Objectives count at the end of the match, as they stand then.");
  }

  ImGui::Spacing();
  if (!score_.known) {
    ImGui::TextDisabled("No score yet.");
    return;
  }
  ImGui::Text("Your score: %s", fixed(score_.total, 1).c_str());
  ImGui::Separator();
  if (ImGui::BeginTable("score", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("part", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("score 100.0").x);
    ImGui::TableSetupColumn("weight", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("weight 0.00").x);
    ImGui::TableSetupColumn("in the total", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("in the total 00.0").x);
    ImGui::TableHeadersRow();
    for (const auto& part : score_.parts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(part.name.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", part.meaning.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(part.value, 1).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(part.weight > 0 ? fixed(part.weight, 2).c_str() : "-");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(part.contribution, 1).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kDim);
  ImGui::TextWrapped("Each part runs from 0 to 100, 50 being where your state began; the total is "
                     "their average weighted as the ruleset says, so the last column adds up to "
                     "it. The highest total at the end wins.");
  ImGui::PopStyleColor();
}

}  // namespace hegemon::client
