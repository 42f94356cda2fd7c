// The budget: seven shares that sum to 100 %, the money they come to, the transparency choice,
// and what the shared rules engine expects them to do next turn.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

void money_lines(const pb::PlayerView& view, const TurnMoney& m) {
  const pb::State& own = view.own();
  ImGui::Text("Revenue this turn: %s", money(m.revenue).c_str());
  const std::string how = "GDP " + money(own.gdp()) + " x tax share " +
                          fixed(own.tax_share() * 100.0, 1) + " % x " +
                          fixed(years_per_turn(view), 2) + " year(s) per turn.";
  help_marker(how.c_str());
  ImGui::Text("Treaty contributions, taken first: %s (%s of revenue)",
              money(m.contributions).c_str(), percent_of_bp(m.contribution_bp).c_str());
  if (ImGui::IsItemHovered() && m.contribution_bp > 0) {
    ImGui::BeginTooltip();
    for (const auto& t : view.treaties())
      if (is_member(t, own.id()) && t.terms().contribution_bp() > 0)
        ImGui::BulletText("%s: %s", treaty_title(t).c_str(),
                          percent_of_bp(t.terms().contribution_bp()).c_str());
    ImGui::EndTooltip();
  }
  ImGui::Text("Left for your split: %s", money(m.spendable).c_str());
}

/// Forces as a share of GDP against the floors the player signed and the levels the ruleset
/// tolerates: the consequences of a defense budget before it is sent.
void burden_lines(const pb::PlayerView& view, const pb::MatchFacts& facts,
                  const pb::Allocation& allocation, const TurnMoney& m) {
  const pb::State& own = view.own();
  const double gdp_turn = own.gdp() * years_per_turn(view);
  const double forces_money = m.spendable *
                              (allocation.territorial_defense() + allocation.power_projection()) /
                              kFullBudgetBp;
  const double forces_pct = gdp_turn > 0 ? forces_money / gdp_turn * 100.0 : 0.0;
  int floor_bp = 0;
  for (const auto& t : view.treaties())
    if (is_member(t, own.id())) floor_bp = std::max(floor_bp, t.terms().spending_floor_bp());
  ImGui::Text("Forces take %.2f %% of GDP.", forces_pct);
  if (floor_bp > 0) {
    ImGui::SameLine();
    const bool met = forces_pct * 100.0 + 1e-9 >= floor_bp;
    ImGui::TextColored(met ? kGood : kBad, "Your treaties ask at least %s%s",
                       percent_of_bp(floor_bp).c_str(), met ? "." : ": a breach.");
  }
  const pb::Ruleset& rules = facts.ruleset();
  if (facts.has_ruleset()) {
    if (forces_pct > rules.defense_tolerated_gdp_percent())
      ImGui::TextColored(kWarn,
                         "Above %.1f %% of GDP, defense crowds out welfare: stability falls.",
                         rules.defense_tolerated_gdp_percent());
    if (forces_pct > rules.defense_drag_free_gdp_percent())
      ImGui::TextColored(kWarn, "Above %.1f %% of GDP, defense drags on growth.",
                         rules.defense_drag_free_gdp_percent());
  }
}

struct Row {
  const char* label;
  const PreviewNumber* number;
  int decimals;
  bool higher_is_better;
};

void preview_section(const pb::PlayerView& view, const pb::OrderSet& orders, const Preview& p) {
  ImGui::Separator();
  ImGui::Text("Next turn, if no one else does anything");
  ImGui::SameLine();
  ImGui::TextColored(kWarn, "(preview - the server decides)");
  help_marker(
      "The shared rules engine resolves your orders on the world as your view shows it: other "
      "states as you estimate them, sending no orders, and no economic shock. The server "
      "resolves the turn on the truth and with everyone's orders.");
  if (!p.available) {
    ImGui::TextColored(kWarn, "No preview: %s", p.problem.c_str());
    return;
  }
  // Each figure with its unit, so that nobody has to guess what 460.1 is.
  const Row rows[] = {
      {"GDP (bn a year)", &p.gdp, 1, true},
      {"Territorial defense (points)", &p.territorial_defense, 1, true},
      {"Power projection (points)", &p.power_projection, 1, true},
      {"Technology (x forces)", &p.technology, 3, true},
      {"Stability (0-100)", &p.stability, 1, true},
      {"Influence (points)", &p.influence, 1, true},
      {"Reputation (0-100)", &p.reputation, 1, true},
      {"Highest threat you feel (0-100)", &p.highest_threat, 1, false},
      {"Highest Finlandization level (0-100)", &p.highest_finland_level, 1, false},
  };
  if (ImGui::BeginTable("preview", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Highest Finlandization level (0-100)").x);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    for (const Row& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(row.label);
      ImGui::TableSetColumnIndex(1);
      change_text(row.number->before, row.number->after, row.decimals, row.higher_is_better);
    }
    ImGui::EndTable();
  }

  for (const PreviewFloor& f : p.floors) {
    if (f.met)
      ImGui::TextColored(kGood, "%s: floor %s of GDP met (%s).", f.treaty.c_str(),
                         percent_of_bp(f.floor_bp).c_str(), percent_of_bp(f.spent_bp).c_str());
    else
      ImGui::TextColored(kBad, "%s: floor %s of GDP missed (%s): a public breach.",
                         f.treaty.c_str(), percent_of_bp(f.floor_bp).c_str(),
                         percent_of_bp(f.spent_bp).c_str());
  }

  int refused = 0;
  for (const auto& v : p.verdicts) {
    if (v.accepted()) continue;
    ++refused;
    const std::string what = v.index() >= 0 && v.index() < orders.orders_size()
                                 ? describe_order(view, orders.orders(v.index()))
                                 : "Order " + std::to_string(v.index() + 1);
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::TextWrapped("Would be refused - %s: %s", what.c_str(), v.reason().c_str());
    ImGui::PopStyleColor();
  }
  if (refused == 0)
    ImGui::TextColored(kGood, "All %d order(s) would be accepted.",
                       static_cast<int>(p.verdicts.size()));

  if (!p.report.empty() && ImGui::TreeNode("What the report would say (preview)")) {
    for (const auto& line : p.report) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::TreePop();
  }
}

}  // namespace

void BudgetPanel::draw(MatchModel& model, const MatchActions& actions) {
  const pb::PlayerView& view = model.view;
  if (model.spectator() || view.own().id().empty()) {
    ImGui::TextDisabled("Spectators watch; only a seat sets a budget.");
    return;
  }
  OrderDraft& draft = model.draft;
  const int turn = model.collecting_turn();
  ImGui::Text("Budget of %s for turn %d (%s)", view.own().name().c_str(), turn,
              period_of(view, turn).c_str());
  if (view.ended()) ImGui::TextColored(kWarn, "The match is over: %s", view.end_reason().c_str());

  const TurnMoney m = turn_money(view);
  money_lines(view, m);
  ImGui::Spacing();

  ImGui::Checkbox("Keep the total at 100 %", &keep_total);
  help_marker(
      "On: moving one share moves the others in proportion. Off: each share moves alone, and "
      "Send waits until they sum to 100 %.");
  ImGui::SameLine();
  if (ImGui::SmallButton("Back to the standing budget")) {
    draft.allocation = view.own().allocation();
    draft.publish_budget = view.own().publish_budget();
    draft.dirty = true;
  }

  if (ImGui::BeginTable("shares", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("Category", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Share", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Money", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("00000.0 bn").x);
    ImGui::TableHeadersRow();
    for (int c = 0; c < kBudgetCategories; ++c) {
      ImGui::PushID(c);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(category_name(c));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", category_effect(c));
      ImGui::TableSetColumnIndex(1);
      const int share = category_share(draft.allocation, c);
      float percent = static_cast<float>(share) / 100.0f;
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::SliderFloat("##share", &percent, 0.0f, 100.0f, "%.2f %%",
                             ImGuiSliderFlags_AlwaysClamp)) {
        const int bp = static_cast<int>(std::lround(percent * 100.0f));
        if (keep_total)
          rebalance(draft.allocation, c, bp);
        else
          set_category_share(draft.allocation, c, bp);
        draft.dirty = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", category_effect(c));
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(money(m.spendable * share / kFullBudgetBp).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const int total = allocation_total(draft.allocation);
  if (total != kFullBudgetBp)
    ImGui::TextColored(kBad, "The shares sum to %s: %s %s before you can send.",
                       percent_of_bp(total).c_str(),
                       total < kFullBudgetBp ? "give out" : "take back",
                       percent_of_bp(std::abs(kFullBudgetBp - total)).c_str());
  burden_lines(view, model.facts, draft.allocation, m);

  ImGui::Spacing();
  if (ImGui::Checkbox("Publish the budget", &draft.publish_budget)) draft.dirty = true;
  ImGui::PushStyleColor(ImGuiCol_Text, kDim);
  ImGui::TextWrapped("%s", draft.publish_budget
                               ? "Everyone sees your budget and forces exactly; your power "
                                 "projection alarms them less."
                               : "Others see only estimates of your budget and forces; your "
                                 "secrecy reads to them as hostile intent.");
  ImGui::PopStyleColor();

  const pb::OrderSet orders = draft_order_set(model);
  preview_section(view, orders, preview.get(view, model.facts, orders));

  ImGui::Separator();
  send_buttons(model, actions, orders);
}

}  // namespace hegemon::client
