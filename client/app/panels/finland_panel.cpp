// Finlandization: the level toward each power that presses on this state, where it stands
// against the thresholds, how it moved and why, and the public statuses of everyone else.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

ImU32 to_u32(ImVec4 c) { return ImGui::ColorConvertFloat4ToU32(c); }

/// The level as a bar 0..100 with the thresholds where accommodation and Finlandization begin.
void level_bar(double level, const pb::Ruleset& rules) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = std::max(60.0f, ImGui::GetContentRegionAvail().x);
  const float h = ImGui::GetFrameHeight();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
  const float filled = w * static_cast<float>(std::clamp(level, 0.0, 100.0) / 100.0);
  draw->AddRectFilled(p, ImVec2(p.x + filled, p.y + h), to_u32(danger_color(level)), 3.0f);
  auto mark = [&](double threshold, ImVec4 color, const char* letter) {
    const float x = p.x + w * static_cast<float>(std::clamp(threshold, 0.0, 100.0) / 100.0);
    draw->AddLine(ImVec2(x, p.y - 2.0f), ImVec2(x, p.y + h + 2.0f), to_u32(color), 2.0f);
    draw->AddText(ImVec2(x + 3.0f, p.y), to_u32(color), letter);
  };
  mark(rules.accommodation_enter(), kWarn, "A");
  mark(rules.finlandized_enter(), kBad, "F");
  const std::string text = fixed(level, 1) + " / 100";
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  draw->AddText(ImVec2(p.x + (w - size.x) * 0.5f, p.y + (h - size.y) * 0.5f),
                IM_COL32(255, 255, 255, 255), text.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "A: accommodating from %.0f (independent again below %.0f)\n"
        "F: Finlandized from %.0f (accommodating again below %.0f)",
        rules.accommodation_enter(), rules.accommodation_leave(), rules.finlandized_enter(),
        rules.finlandized_leave());
}

/// The level toward `other` in every view received, oldest first.
std::vector<float> level_history(const MatchModel& model, const std::string& other) {
  std::vector<float> levels;
  for (const auto& v : model.history) {
    double level = 0;
    for (const auto& rel : v.own().relations())
      if (rel.other() == other) level = rel.finland_level();
    levels.push_back(static_cast<float>(level));
  }
  return levels;
}

void status_consequence(pb::FinlandStatus status, const std::string& power,
                        const pb::Ruleset& rules) {
  ImGui::PushStyleColor(ImGuiCol_Text, status_color(status));
  switch (status) {
    case pb::ACCOMMODATING:
      ImGui::TextWrapped(
          "Accommodating: you cannot join or propose a military alliance directed "
          "against %s, nor sanction or pressure it. Independent again below %.0f.",
          power.c_str(), rules.accommodation_leave());
      break;
    case pb::FINLANDIZED:
      ImGui::TextWrapped(
          "Finlandized: you must leave alliances hostile to %s, keep a neutrality "
          "treaty with it, cannot aid or guarantee states it presses, and it takes a "
          "share of your diplomacy's influence. Your government and your budget stay "
          "your own. Accommodating again below %.0f.",
          power.c_str(), rules.finlandized_leave());
      break;
    default:
      ImGui::TextWrapped("Independent: accommodation begins at %.0f.", rules.accommodation_enter());
      break;
  }
  ImGui::PopStyleColor();
}

}  // namespace

void FinlandPanel::draw(const MatchModel& model) {
  const pb::PlayerView& view = model.view;
  const pb::Ruleset& rules = model.facts.ruleset();
  const std::string& me = view.own().id();

  if (!me.empty()) {
    std::vector<const pb::Relation*> pressed;
    for (const auto& rel : view.own().relations())
      if (rel.finland_level() > 0.05 || rel.finland_status() != pb::INDEPENDENT ||
          rel.coercion() > 0 || rel.finland_change() != 0.0 || rel.bandwagoned())
        pressed.push_back(&rel);
    std::stable_sort(pressed.begin(), pressed.end(),
                     [](const pb::Relation* a, const pb::Relation* b) {
                       return a->finland_level() > b->finland_level();
                     });

    if (pressed.empty())
      ImGui::TextWrapped("No power presses on %s: every Finlandization level is at zero.",
                         view.own().name().c_str());
    for (const pb::Relation* rel : pressed) {
      const std::string power = name_of(view, rel->other());
      ImGui::PushID(rel->other().c_str());
      ImGui::Text("Toward %s:", power.c_str());
      ImGui::SameLine();
      ImGui::TextColored(status_color(rel->finland_status()), "%s",
                         finland_status_label(rel->finland_status()));
      level_bar(rel->finland_level(), rules);

      const double change = rel->finland_change();
      const ImVec4 trend = change > 0.05 ? kBad : change < -0.05 ? kGood : kDim;
      ImGui::TextColored(trend, "Last turn %s: push %.2f against resistance %.2f.",
                         signed_fixed(change, 1).c_str(), rel->finland_push(),
                         rel->finland_resistance());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The level moves by push - %.1f x resistance a year: it rises while the push "
            "outweighs your resistance and falls while your resistance outweighs the push. It "
            "also relaxes toward zero, more slowly while you are being coerced.",
            rules.finland_resistance_pull());
      const std::vector<float> levels = level_history(model, rel->other());
      if (levels.size() >= 2) {
        ImGui::PlotLines("##trend", levels.data(), static_cast<int>(levels.size()), 0, nullptr,
                         0.0f, 100.0f,
                         ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight() * 1.6f));
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("The level toward %s over the turns (0-100).", power.c_str());
      }
      if (rel->coercion() > 0)
        ImGui::TextColored(kBad, "%s applied coercion %.1f to you last turn.", power.c_str(),
                           rel->coercion());
      else
        ImGui::TextDisabled("No coercion from %s last turn.", power.c_str());
      if (rel->bandwagoned())
        ImGui::TextColored(kWarn, "You sought %s's protection last turn: that raises the level.",
                           power.c_str());
      status_consequence(rel->finland_status(), power, rules);
      ImGui::Separator();
      ImGui::PopID();
    }

    if (ImGui::TreeNode("What raises a level, what lowers it")) {
      ImGui::TextWrapped(
          "Raises it: a power much stronger than you (from %.1f times your power, full at ten "
          "times that), close to you, pressing you (diplomatic, economic, military posture: "
          "coercion adds to the push), its sway when it dominates a defense pact you share with "
          "it, and your own bandwagoning with it.",
          rules.finland_min_power_ratio());
      ImGui::TextWrapped(
          "Lowers it: your territorial defense against its power projection, your allies' "
          "credible force (cohesion, interoperability, reputation, and how far they reach you), "
          "guarantees from third states, and your stability. Each point of resistance holds back "
          "%.1f points of push a year; resistance beyond the push brings the level down.",
          rules.finland_resistance_pull());
      ImGui::TextWrapped(
          "The level also relaxes by %.1f a year plus %.0f %% of itself, divided by 1 + %.1f x "
          "the coercion applied to you. A neutrality treaty with the power damps its push.",
          rules.finland_decay_flat(), rules.finland_decay_share() * 100.0,
          rules.finland_decay_coercion_divisor());
      ImGui::TreePop();
    }
    ImGui::Spacing();
  }

  ImGui::Text("Public statuses");
  help_marker("Every state's status toward each power it accommodates is public; levels are not.");
  int shown = 0;
  if (ImGui::BeginTable("public", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Toward");
    ImGui::TableSetupColumn("Status");
    ImGui::TableHeadersRow();
    for (const auto& other : view.others())
      for (const auto& rel : other.public_relations()) {
        if (rel.finland_status() == pb::INDEPENDENT) continue;
        ++shown;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(name_of(view, other.id()).c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(name_of(view, rel.other()).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextColored(status_color(rel.finland_status()), "%s",
                           finland_status_label(rel.finland_status()));
      }
    ImGui::EndTable();
  }
  if (shown == 0) ImGui::TextDisabled("Every other state is independent.");
}

}  // namespace hegemon::client
