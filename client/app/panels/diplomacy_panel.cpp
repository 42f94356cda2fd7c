// Diplomacy: proposals to answer, the player's own proposals, a treaty editor, the treaties in
// force with each member's standing, pressure and support, and the orders drafted so far with
// their verdicts.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"
#include "shared/threat.h"
#include "shared/view_world.h"

namespace hegemon::client {
namespace {

bool contains(const google::protobuf::RepeatedPtrField<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string names(const pb::PlayerView& view,
                  const google::protobuf::RepeatedPtrField<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + name_of(view, id);
  return out.empty() ? std::string("no one") : out;
}

/// The draft's answer to a proposal (accept, reject, counter or cancel), or nullptr.
const pb::Order* answer_in_draft(const OrderDraft& draft, int proposal_id) {
  for (const auto& o : draft.orders) {
    if ((o.has_accept_proposal() && o.accept_proposal().proposal_id() == proposal_id) ||
        (o.has_reject_proposal() && o.reject_proposal().proposal_id() == proposal_id) ||
        (o.has_counter_proposal() && o.counter_proposal().proposal_id() == proposal_id) ||
        (o.has_cancel_proposal() && o.cancel_proposal().proposal_id() == proposal_id))
      return &o;
  }
  return nullptr;
}

bool withdrawal_in_draft(const OrderDraft& draft, int treaty_id) {
  return std::any_of(draft.orders.begin(), draft.orders.end(), [&](const pb::Order& o) {
    return o.has_withdraw_from_treaty() && o.withdraw_from_treaty().treaty_id() == treaty_id;
  });
}

bool accession_in_draft(const OrderDraft& draft, int treaty_id) {
  return std::any_of(draft.orders.begin(), draft.orders.end(), [&](const pb::Order& o) {
    return o.has_request_accession() && o.request_accession().treaty_id() == treaty_id;
  });
}

/// The player's open request to join this treaty, or nullptr.
const pb::Proposal* open_accession(const pb::PlayerView& view, const std::string& me,
                                   int treaty_id) {
  for (const auto& p : view.proposals())
    if (p.status() == pb::PROPOSAL_OPEN && p.proposer() == me && p.accession_to() == treaty_id)
      return &p;
  return nullptr;
}

/// Sliders and fields for a treaty's terms. True when anything changed.
bool terms_editor(int& floor_bp, int& contribution_bp, int& duration, int& review,
                  int& exit_notice) {
  bool changed = false;
  const float width = ImGui::GetFontSize() * 12.0f;
  float floor_pct = static_cast<float>(floor_bp) / 100.0f;
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderFloat("Spending floor", &floor_pct, 0.0f, 10.0f, "%.2f %% of GDP",
                         ImGuiSliderFlags_AlwaysClamp)) {
    floor_bp = static_cast<int>(std::lround(floor_pct * 100.0f));
    changed = true;
  }
  help_marker(
      "Every member must spend at least this share of its GDP on forces each turn; falling "
      "short is a public breach that costs reputation and the treaty's cohesion.");
  float contribution_pct = static_cast<float>(contribution_bp) / 100.0f;
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderFloat("Contribution", &contribution_pct, 0.0f, 10.0f, "%.2f %% of revenue",
                         ImGuiSliderFlags_AlwaysClamp)) {
    contribution_bp = static_cast<int>(std::lround(contribution_pct * 100.0f));
    changed = true;
  }
  help_marker(
      "Paid by every member into the treaty's fund each turn, before its own budget; the "
      "fund becomes territorial defense for all members.");
  auto turns = [&](const char* label, int& value, const char* help) {
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputInt(label, &value)) {
      value = std::clamp(value, 0, 999);
      changed = true;
    }
    help_marker(help);
  };
  turns("Duration (turns)", duration, "How long the treaty lasts; 0 = open-ended.");
  turns("Review every (turns)", review,
        "At each review a treaty whose cohesion has fallen too far lapses; 0 = never reviewed.");
  turns("Exit notice (turns)", exit_notice,
        "Turns between a member's notice of withdrawal and its exit.");
  return changed;
}

pb::TreatyTerms make_terms(int floor_bp, int contribution_bp, int duration, int review,
                           int exit_notice) {
  pb::TreatyTerms t;
  t.set_spending_floor_bp(floor_bp);
  t.set_contribution_bp(contribution_bp);
  t.set_duration(duration);
  t.set_review_period(review);
  t.set_exit_notice(exit_notice);
  return t;
}

void verdict_text(bool accepted, const std::string& reason, const char* source) {
  if (accepted) {
    ImGui::TextColored(kGood, "%s: accepted", source);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::TextWrapped("%s: refused - %s", source, reason.c_str());
    ImGui::PopStyleColor();
  }
}

/// The chancery: what every section of the panel reads, and where its orders are drafted.
struct Chancery {
  MatchModel& model;
  const pb::PlayerView& view;
  const std::string& me;
  OrderDraft& draft;
  const pb::Ruleset& rules;
  void add_order(pb::Order order) {
    draft.orders.push_back(std::move(order));
    draft.dirty = true;
  }
};

/// Proposals addressed to the player: accept, reject, or counter with new terms.
void proposals_received(DiplomacyPanel& panel, Chancery& c) {
  const pb::PlayerView& view = c.view;
  const std::string& me = c.me;
  const OrderDraft& draft = c.draft;
  const pb::Ruleset& rules = c.rules;
  int shown = 0;
  for (const auto& p : view.proposals()) {
    if (p.status() != pb::PROPOSAL_OPEN || p.proposer() == me || !contains(p.members(), me) ||
        contains(p.accepted(), me))
      continue;
    ++shown;
    ImGui::PushID(p.id());
    ImGui::Text("#%d %s%s%s from %s", p.id(), p.accession_to() != 0 ? "Request to join a " : "",
                treaty_type_label(p.type()),
                p.name().empty() ? "" : (" \"" + p.name() + "\"").c_str(),
                name_of(view, p.proposer()).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", treaty_type_description(p.type()));
    ImGui::Indent();
    if (p.accession_to() != 0)
      ImGui::TextWrapped(
          "%s asks to join treaty %d on its terms; it joins once every member has accepted. "
          "Its terms cannot be countered.",
          name_of(view, p.proposer()).c_str(), p.accession_to());
    ImGui::TextWrapped("Members: %s. Accepted so far: %s.", names(view, p.members()).c_str(),
                       names(view, p.accepted()).c_str());
    ImGui::TextWrapped("Terms: %s.", terms_summary(p.terms()).c_str());
    if (p.counter_of() != 0) ImGui::TextDisabled("It counters proposal #%d.", p.counter_of());
    if (const pb::Order* answer = answer_in_draft(draft, p.id())) {
      ImGui::TextColored(kWarn, "In your orders: %s.", describe_order(view, *answer).c_str());
    } else {
      if (ImGui::Button("Accept")) {
        pb::Order o;
        o.mutable_accept_proposal()->set_proposal_id(p.id());
        c.add_order(o);
      }
      ImGui::SameLine();
      if (ImGui::Button("Reject")) {
        pb::Order o;
        o.mutable_reject_proposal()->set_proposal_id(p.id());
        c.add_order(o);
      }
      ImGui::SameLine();
      ImGui::BeginDisabled(p.accession_to() != 0);
      const bool counter = ImGui::Button("Counter...");
      ImGui::EndDisabled();
      if (counter) {
        panel.counter_of = p.id();
        panel.counter_floor_bp = p.terms().spending_floor_bp();
        panel.counter_contribution_bp = p.terms().contribution_bp();
        panel.counter_duration = p.terms().duration();
        panel.counter_review = p.terms().review_period();
        panel.counter_exit_notice = p.terms().exit_notice();
      }
      if (panel.counter_of == p.id()) {
        ImGui::TextDisabled(
            "Your terms (a counter rejects this proposal and puts these to the "
            "same members; it costs %.1f influence):",
            rules.proposal_influence_cost());
        terms_editor(panel.counter_floor_bp, panel.counter_contribution_bp, panel.counter_duration,
                     panel.counter_review, panel.counter_exit_notice);
        const pb::TreatyTerms terms =
            make_terms(panel.counter_floor_bp, panel.counter_contribution_bp,
                       panel.counter_duration, panel.counter_review, panel.counter_exit_notice);
        const bool same = terms.SerializeAsString() == p.terms().SerializeAsString();
        ImGui::BeginDisabled(same);
        if (ImGui::Button("Add the counter-proposal to your orders")) {
          pb::Order o;
          o.mutable_counter_proposal()->set_proposal_id(p.id());
          *o.mutable_counter_proposal()->mutable_terms() = terms;
          c.add_order(o);
          panel.counter_of = 0;
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) panel.counter_of = 0;
        if (same) ImGui::TextDisabled("Change at least one term to counter.");
      }
    }
    ImGui::Unindent();
    ImGui::Separator();
    ImGui::PopID();
  }
  if (shown == 0) ImGui::TextDisabled("No proposal awaits your answer.");
}

/// The player's own open proposals (which it may withdraw) and those it has accepted.
void proposals_backed(Chancery& c) {
  const pb::PlayerView& view = c.view;
  const std::string& me = c.me;
  const OrderDraft& draft = c.draft;
  int shown = 0;
  for (const auto& p : view.proposals()) {
    if (p.status() != pb::PROPOSAL_OPEN || !contains(p.accepted(), me)) continue;
    ++shown;
    ImGui::PushID(p.id());
    std::vector<std::string> waiting;
    for (const auto& m : p.members())
      if (!contains(p.accepted(), m)) waiting.push_back(name_of(view, m));
    std::string waiting_text;
    for (const auto& w : waiting) waiting_text += (waiting_text.empty() ? "" : ", ") + w;
    ImGui::Text("#%d %s%s%s", p.id(), treaty_type_label(p.type()),
                p.name().empty() ? "" : (" \"" + p.name() + "\"").c_str(),
                p.proposer() == me ? "" : (" from " + name_of(view, p.proposer())).c_str());
    ImGui::Indent();
    ImGui::TextWrapped("Members: %s. Waiting for: %s.", names(view, p.members()).c_str(),
                       waiting_text.empty() ? "no one" : waiting_text.c_str());
    ImGui::TextWrapped("Terms: %s.", terms_summary(p.terms()).c_str());
    if (p.proposer() == me) {
      if (const pb::Order* answer = answer_in_draft(draft, p.id())) {
        ImGui::TextColored(kWarn, "In your orders: %s.", describe_order(view, *answer).c_str());
      } else if (ImGui::SmallButton("Withdraw this proposal")) {
        pb::Order o;
        o.mutable_cancel_proposal()->set_proposal_id(p.id());
        c.add_order(o);
      }
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (shown == 0) ImGui::TextDisabled("You have no open proposal.");
  int closed = 0;
  for (const auto& p : view.proposals()) closed += p.status() != pb::PROPOSAL_OPEN ? 1 : 0;
  if (closed > 0 && ImGui::TreeNode("Closed proposals")) {
    for (const auto& p : view.proposals()) {
      if (p.status() == pb::PROPOSAL_OPEN) continue;
      const char* how = p.status() == pb::PROPOSAL_SIGNED      ? "signed"
                        : p.status() == pb::PROPOSAL_REJECTED  ? "rejected"
                        : p.status() == pb::PROPOSAL_EXPIRED   ? "expired"
                        : p.status() == pb::PROPOSAL_COUNTERED ? "countered"
                                                               : "withdrawn";
      ImGui::Bullet();
      ImGui::Text("#%d %s from %s: %s", p.id(), treaty_type_label(p.type()),
                  name_of(view, p.proposer()).c_str(), how);
    }
    ImGui::TreePop();
  }
}

/// The treaty editor: type, name, members and terms, into a ProposeTreaty order.
void treaty_editor(DiplomacyPanel& panel, Chancery& c, const std::string& selected) {
  const pb::PlayerView& view = c.view;
  const std::string& me = c.me;
  const pb::Ruleset& rules = c.rules;
  ImGui::PushID("editor");
  const pb::TreatyType type = static_cast<pb::TreatyType>(panel.editor_type);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  if (ImGui::BeginCombo("Type", treaty_type_label(type))) {
    for (int t = pb::MUTUAL_DEFENSE; t <= pb::NEUTRALITY; ++t) {
      const auto candidate = static_cast<pb::TreatyType>(t);
      if (ImGui::Selectable(treaty_type_label(candidate), t == panel.editor_type) &&
          t != panel.editor_type) {
        panel.editor_type = t;
        // A spending floor is what an alliance asks of its members; other treaties start without.
        panel.editor_floor_bp = t == pb::MUTUAL_DEFENSE ? DiplomacyPanel{}.editor_floor_bp : 0;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", treaty_type_description(candidate));
    }
    ImGui::EndCombo();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kDim);
  ImGui::TextWrapped("%s", treaty_type_description(type));
  ImGui::PopStyleColor();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  ImGui::InputTextWithHint("Name", "optional, e.g. Northern Pact", &panel.editor_name);

  ImGui::Text("Invite:");
  int column = 0;
  for (const auto& other : view.others()) {
    auto it = std::find(panel.editor_members.begin(), panel.editor_members.end(), other.id());
    bool invited = it != panel.editor_members.end();
    if (column++ % 4 != 0) ImGui::SameLine(0.0f, ImGui::GetFontSize());
    const std::string label = name_of(view, other.id()) + "##" + other.id();
    if (ImGui::Checkbox(label.c_str(), &invited)) {
      if (invited)
        panel.editor_members.push_back(other.id());
      else
        panel.editor_members.erase(it);
    }
  }
  if (!selected.empty() && selected != me &&
      std::find(panel.editor_members.begin(), panel.editor_members.end(), selected) ==
          panel.editor_members.end()) {
    const std::string invite = "Invite " + name_of(view, selected) + " (selected on the map)";
    if (ImGui::SmallButton(invite.c_str())) panel.editor_members.push_back(selected);
  }

  terms_editor(panel.editor_floor_bp, panel.editor_contribution_bp, panel.editor_duration,
               panel.editor_review, panel.editor_exit_notice);
  const double cost = rules.proposal_influence_cost();
  const bool affordable = view.own().influence() + 1e-9 >= cost;
  ImGui::TextColored(affordable ? kDim : kBad, "Proposing costs %.1f influence (you have %.1f).",
                     cost, view.own().influence());
  const bool neutrality_ok = type != pb::NEUTRALITY || panel.editor_members.size() == 1;
  if (!neutrality_ok)
    ImGui::TextColored(kBad, "A neutrality treaty is between exactly two states.");
  ImGui::BeginDisabled(panel.editor_members.empty() || !neutrality_ok);
  if (ImGui::Button("Add the proposal to your orders")) {
    pb::Order o;
    pb::ProposeTreaty* propose = o.mutable_propose_treaty();
    propose->set_type(type);
    propose->set_name(panel.editor_name);
    for (const auto& m : panel.editor_members) propose->add_members(m);
    *propose->mutable_terms() =
        make_terms(panel.editor_floor_bp, panel.editor_contribution_bp, panel.editor_duration,
                   panel.editor_review, panel.editor_exit_notice);
    c.add_order(o);
    panel.editor_members.clear();
    panel.editor_name.clear();
  }
  ImGui::EndDisabled();
  if (panel.editor_members.empty()) ImGui::TextDisabled("Invite at least one state.");
  ImGui::PopID();
}

/// Every treaty in force with its terms, credibility and each member's standing; notice to
/// leave the player's own.
void treaties_in_force(Chancery& c, bool seat) {
  const pb::PlayerView& view = c.view;
  const std::string& me = c.me;
  const OrderDraft& draft = c.draft;
  if (view.treaties_size() == 0) ImGui::TextDisabled("No treaty is in force.");
  for (const auto& t : view.treaties()) {
    ImGui::PushID(t.id());
    const bool mine = seat && is_member(t, me);
    const ImVec4 color = ImGui::ColorConvertU32ToFloat4(treaty_type_color(t.type()));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    const bool open = ImGui::TreeNodeEx("treaty", mine ? ImGuiTreeNodeFlags_DefaultOpen : 0, "%s%s",
                                        treaty_title(t).c_str(), mine ? " (yours)" : "");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\nMembers: %s", treaty_type_description(t.type()),
                        member_names(view, t).c_str());
    if (open) {
      ImGui::TextWrapped("Terms: %s. Signed on turn %d.", terms_summary(t.terms()).c_str(),
                         t.signed_turn());
      if (ImGui::BeginTable("credibility", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12.0f);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted("Cohesion");
        help_marker(
            "Falls with every breach (free riding), recovers while every member keeps "
            "its commitments. Below the ruleset's minimum the treaty lapses at its "
            "review.");
        ImGui::TableSetColumnIndex(1);
        value_bar(t.cohesion() * 100.0, danger_color(100.0 - t.cohesion() * 100.0), 0.0f,
                  fixed(t.cohesion(), 2).c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted("Interoperability");
        help_marker(
            "Built by joint exercises among the members; fades without them. With "
            "cohesion and reputation it makes the treaty credible.");
        ImGui::TableSetColumnIndex(1);
        value_bar(t.interoperability() * 100.0, ImVec4(0.3f, 0.6f, 0.9f, 1.0f), 0.0f,
                  fixed(t.interoperability(), 2).c_str());
        ImGui::EndTable();
      }
      if (t.fund() > 0) ImGui::Text("Fund this turn: %s", money(t.fund()).c_str());
      if (ImGui::BeginTable("members", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Member");
        ImGui::TableSetupColumn("Commitments");
        ImGui::TableSetupColumn("Notice");
        ImGui::TableHeadersRow();
        for (const auto& m : t.members()) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::Text("%s%s", name_of(view, m.state()).c_str(), m.state() == me ? " (you)" : "");
          ImGui::TableSetColumnIndex(1);
          if (m.compliant())
            ImGui::TextColored(kGood, "kept");
          else
            ImGui::TextColored(kBad, "breach");
          if (m.breaches() > 0) {
            ImGui::SameLine();
            ImGui::TextColored(kWarn, "(%d breach%s in all)", m.breaches(),
                               m.breaches() == 1 ? "" : "es");
          }
          ImGui::TableSetColumnIndex(2);
          if (m.notice_given_turn() > 0)
            ImGui::TextColored(kWarn, "leaving (notice on turn %d)", m.notice_given_turn());
          else
            ImGui::TextDisabled("-");
        }
        ImGui::EndTable();
      }
      if (seat && !mine && t.type() != pb::NEUTRALITY) {
        if (const pb::Proposal* asked = open_accession(view, me, t.id())) {
          ImGui::TextDisabled("Your request to join (proposal #%d) awaits the members' answers.",
                              asked->id());
        } else if (accession_in_draft(draft, t.id())) {
          ImGui::TextColored(kWarn, "Your request to join is in your orders.");
        } else {
          if (ImGui::SmallButton("Request to join")) {
            pb::Order o;
            o.mutable_request_accession()->set_treaty_id(t.id());
            c.add_order(o);
          }
          ImGui::SameLine();
          ImGui::TextDisabled("on its terms, if every member accepts; costs %.1f influence.",
                              c.rules.proposal_influence_cost());
        }
      }
      if (mine) {
        int my_notice = 0;
        for (const auto& m : t.members())
          if (m.state() == me) my_notice = m.notice_given_turn();
        if (my_notice > 0) {
          ImGui::TextDisabled("You gave notice on turn %d.", my_notice);
        } else if (withdrawal_in_draft(draft, t.id())) {
          ImGui::TextColored(kWarn, "Your notice to leave is in your orders.");
        } else {
          const int notice = t.terms().exit_notice();
          const std::string label = "Give notice to leave (exit after " + std::to_string(notice) +
                                    (notice == 1 ? " turn)" : " turns)");
          if (ImGui::SmallButton(label.c_str())) {
            pb::Order o;
            o.mutable_withdraw_from_treaty()->set_treaty_id(t.id());
            c.add_order(o);
          }
        }
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

/// Pressure, guarantee, military aid, sanction and bandwagoning toward one target.
void pressure_and_support(DiplomacyPanel& panel, Chancery& c, const std::string& selected) {
  const pb::PlayerView& view = c.view;
  const std::string& me = c.me;
  const OrderDraft& draft = c.draft;
  const pb::Ruleset& rules = c.rules;
  // The target follows the map's selection; the combo overrides it until the next selection.
  if (selected != panel.followed_selection) {
    panel.followed_selection = selected;
    if (!selected.empty() && selected != me) panel.target = selected;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
  state_combo("Target", view, panel.target, false);
  if (panel.target.empty() || panel.target == me || !find_other(view, panel.target)) {
    ImGui::TextDisabled("Choose a state here or on the map.");
  } else {
    const std::string name = name_of(view, panel.target);
    if (const pb::Relation* rel = own_relation(view, panel.target);
        rel && rel->finland_status() != pb::INDEPENDENT)
      ImGui::TextColored(status_color(rel->finland_status()),
                         "You are %s toward %s: you cannot pressure or sanction it.",
                         finland_status_label(rel->finland_status()), name.c_str());

    ImGui::Separator();
    ImGui::Text("Pressure");
    const auto kind = static_cast<pb::PressureKind>(panel.pressure_kind);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::BeginCombo("Kind", pressure_kind_label(kind))) {
      for (int k = pb::DIPLOMATIC; k <= pb::MILITARY_POSTURE; ++k) {
        const auto candidate = static_cast<pb::PressureKind>(k);
        if (ImGui::Selectable(pressure_kind_label(candidate), k == panel.pressure_kind))
          panel.pressure_kind = k;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", pressure_kind_description(candidate));
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::SliderInt("Intensity", &panel.pressure_intensity, 1, 3, "%d",
                     ImGuiSliderFlags_AlwaysClamp);
    ImGui::SameLine();
    if (ImGui::Button("Apply pressure")) {
      pb::Order o;
      o.mutable_apply_pressure()->set_target(panel.target);
      o.mutable_apply_pressure()->set_kind(kind);
      o.mutable_apply_pressure()->set_intensity(panel.pressure_intensity);
      c.add_order(o);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kDim);
    ImGui::TextWrapped(
        "%s Costs %.1f influence. A hostile act: %s will remember it, and when you "
        "are much stronger it pushes %s toward accommodating you.",
        pressure_kind_description(kind), rules.pressure_influence_cost() * panel.pressure_intensity,
        name.c_str(), name.c_str());
    ImGui::PopStyleColor();

    ImGui::Separator();
    ImGui::Text("Support");
    if (ImGui::Button("Offer a security guarantee")) {
      pb::Order o;
      o.mutable_offer_guarantee()->set_target(panel.target);
      c.add_order(o);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("for %d turns, %.1f influence a turn: it helps %s resist Finlandization.",
                        rules.guarantee_duration(), rules.guarantee_influence_cost(), name.c_str());
    for (const auto& g : view.guarantees())
      if (g.guarantor() == me && g.protected_state() == panel.target)
        ImGui::TextColored(kGood, "You guarantee %s until turn %d.", name.c_str(),
                           g.expires_turn());

    const TurnMoney m = turn_money(view);
    const double projection_budget =
        m.spendable * draft.allocation.power_projection() / kFullBudgetBp;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::InputDouble("Aid (bn)", &panel.aid_amount, 1.0, 10.0, "%.1f");
    panel.aid_amount = std::max(0.0, panel.aid_amount);
    ImGui::SameLine();
    ImGui::BeginDisabled(panel.aid_amount <= 0.0);
    if (ImGui::Button("Send military aid")) {
      pb::Order o;
      o.mutable_send_military_aid()->set_target(panel.target);
      o.mutable_send_military_aid()->set_amount(panel.aid_amount);
      c.add_order(o);
    }
    ImGui::EndDisabled();
    ImGui::TextColored(panel.aid_amount > projection_budget + 1e-9 ? kBad : kDim,
                       "Taken from your power projection budget this turn (%s); it becomes "
                       "%s's territorial defense.",
                       money(projection_budget).c_str(), name.c_str());

    ImGui::Separator();
    ImGui::Text("Soft balancing and bandwagoning");
    bool sanctioning = false;
    std::string sanctioners;
    for (const auto& s : view.sanctions()) {
      if (s.target() != panel.target) continue;
      if (s.sanctioner() == me) sanctioning = true;
      sanctioners += (sanctioners.empty() ? "" : ", ") + name_of(view, s.sanctioner());
    }
    if (sanctioning) {
      if (ImGui::Button("Lift the sanction")) {
        pb::Order o;
        o.mutable_lift_sanction()->set_target(panel.target);
        c.add_order(o);
      }
    } else if (ImGui::Button("Join a sanction")) {
      pb::Order o;
      o.mutable_join_sanction()->set_target(panel.target);
      c.add_order(o);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("costs %s growth and stability from next turn, and you some trade.",
                        name.c_str());
    if (!sanctioners.empty())
      ImGui::TextDisabled("Sanctioning %s now: %s.", name.c_str(), sanctioners.c_str());
    if (panel.powers_turn != view.turn()) {
      panel.powers_turn = view.turn();
      panel.powers.clear();
      const World seen = world_from_view(view, c.model.facts);
      for (const State& st : seen.states)
        panel.powers.emplace_back(st.id, aggregate_power(seen.ruleset, st));
    }
    const auto power_of = [&](const std::string& id) {
      for (const auto& [state, power] : panel.powers)
        if (state == id) return power;
      return 0.0;
    };
    if (power_of(panel.target) > power_of(me)) {
      const std::string seek = "Seek " + name + "'s protection";
      if (ImGui::Button(seek.c_str())) {
        pb::Order o;
        o.mutable_bandwagon()->set_protector(panel.target);
        c.add_order(o);
      }
      ImGui::PushStyleColor(ImGuiCol_Text, kDim);
      ImGui::TextWrapped(
          "Bandwagoning: the threat you feel from %s falls, your Finlandization "
          "level toward it rises, and it gains influence.",
          name.c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextDisabled(
          "%s is not stronger than you: a state bandwagons only with a stronger "
          "one.",
          name.c_str());
    }
  }
}

/// The orders drafted besides the budget, each with its verdict (the server's once sent, the
/// preview's until then), and the send buttons.
void drafted_orders(DiplomacyPanel& panel, Chancery& c, const MatchActions& actions) {
  const pb::PlayerView& view = c.view;
  MatchModel& model = c.model;
  OrderDraft& draft = c.draft;
  const std::string header = "Your orders for turn " + std::to_string(model.collecting_turn()) +
                             " (" + std::to_string(draft.orders.size()) + " besides the budget)";
  if (ImGui::CollapsingHeader((header + "###orders").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    const pb::OrderSet orders = draft_order_set(model);
    const Preview& p = panel.preview.get(view, c.model.facts, orders);
    const bool server_verdicts =
        !draft.dirty && model.last_accepted && model.last_accepted->turn() == draft.turn;
    int remove = -1;
    for (int i = 0; i < static_cast<int>(draft.orders.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::SmallButton("Remove")) remove = i;
      ImGui::SameLine();
      ImGui::TextWrapped("%s", describe_order(view, draft.orders[i]).c_str());
      ImGui::Indent();
      const int index = i + 1;  // the budget is order 0
      if (server_verdicts) {
        for (const auto& r : model.last_accepted->results())
          if (r.index() == index) verdict_text(r.accepted(), r.reason(), "Server");
      } else if (p.available) {
        for (const auto& r : p.verdicts)
          if (r.index() == index) verdict_text(r.accepted(), r.reason(), "Preview");
      }
      ImGui::Unindent();
      ImGui::PopID();
    }
    if (remove >= 0) {
      draft.orders.erase(draft.orders.begin() + remove);
      draft.dirty = true;
    }
    if (draft.orders.empty()) ImGui::TextDisabled("No orders besides the budget.");
    if (server_verdicts)
      for (const auto& r : model.last_accepted->results())
        if (r.index() == 0) verdict_text(r.accepted(), r.reason(), "Budget, server");
    send_buttons(model, actions, orders);
  }
}

}  // namespace

void DiplomacyPanel::draw(MatchModel& model, const MatchActions& actions,
                          const std::string& selected) {
  const pb::PlayerView& view = model.view;
  const std::string& me = view.own().id();
  const bool seat = !model.spectator() && !me.empty();
  Chancery c{model, view, me, model.draft, model.facts.ruleset()};
  // Every line of text wraps at the panel's edge: a treaty's long name is never cut.
  ImGui::PushTextWrapPos(0.0f);
  if (seat) {
    ImGui::Text("Influence %.1f", view.own().influence());
    help_marker(
        "Influence pays for proposals, counter-proposals, pressure and guarantees. "
        "Diplomacy spending buys it; it fades if not renewed.");
    ImGui::SameLine();
    ImGui::Text("   Reputation %.1f", view.own().reputation());
    help_marker(
        "Kept commitments raise it; breaches and broken treaties lower it. Allies with a "
        "poor reputation make a less credible alliance.");
    if (ImGui::CollapsingHeader("Proposals to you", ImGuiTreeNodeFlags_DefaultOpen))
      proposals_received(*this, c);
    if (ImGui::CollapsingHeader("Your proposals and those you accepted",
                                ImGuiTreeNodeFlags_DefaultOpen))
      proposals_backed(c);
    if (ImGui::CollapsingHeader("Propose a treaty")) treaty_editor(*this, c, selected);
  }
  if (ImGui::CollapsingHeader("Treaties in force", ImGuiTreeNodeFlags_DefaultOpen))
    treaties_in_force(c, seat);
  if (seat) {
    if (ImGui::CollapsingHeader("Pressure and support", ImGuiTreeNodeFlags_DefaultOpen))
      pressure_and_support(*this, c, selected);
    drafted_orders(*this, c, actions);
  }
  ImGui::PopTextWrapPos();
}

}  // namespace hegemon::client
