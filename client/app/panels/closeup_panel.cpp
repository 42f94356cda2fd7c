// A closeup of one state: what you know of it and how sure you are, its treaties and your
// relations, the threat both ways with its four factors, its Finlandization status, and how it
// has moved turn by turn as you saw it.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

const pb::ThreatView* threat_from(const google::protobuf::RepeatedPtrField<pb::ThreatView>& list,
                                  const std::string& id) {
  for (const auto& t : list)
    if (t.from() == id) return &t;
  return nullptr;
}

/// A figure with its unit and how sure you are of it: "412.0 points (within 15 %)" for an
/// estimate, "412.0 points" when exact.
std::string sure(double value, double error, int decimals = 1, const char* unit = "") {
  std::string out = fixed(value, decimals) + (*unit ? std::string(" ") + unit : "");
  if (error <= 0) return out;
  return out + "  (within " + fixed(error * 100.0, 0) + " %)";
}

void threat_rows(const char* title, const pb::ThreatView* t) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(title);
  if (!t) {
    ImGui::TableSetColumnIndex(1);
    ImGui::TextDisabled("-");
    return;
  }
  const double figures[] = {t->total(), t->power(), t->proximity(), t->offense(), t->intentions()};
  for (int i = 0; i < 5; ++i) {
    ImGui::TableSetColumnIndex(i + 1);
    ImGui::TextColored(i == 0 ? danger_color(figures[i]) : ImVec4(0.85f, 0.85f, 0.85f, 1.0f), "%s",
                       fixed(figures[i]).c_str());
  }
  ImGui::TableSetColumnIndex(6);
  ImGui::Text("x %s", fixed(t->alliance_discount(), 2).c_str());
}

/// Its GDP and forces as each view you received showed them.
void history_plots(const MatchModel& model, const std::string& id, float width) {
  std::vector<float> gdp, forces;
  for (const auto& v : model.history) {
    if (v.own().id() == id) {
      gdp.push_back(static_cast<float>(v.own().gdp()));
      forces.push_back(
          static_cast<float>(v.own().territorial_defense() + v.own().power_projection()));
    } else if (const pb::StateView* s = find_other(v, id)) {
      gdp.push_back(static_cast<float>(s->gdp()));
      forces.push_back(static_cast<float>(s->territorial_defense() + s->power_projection()));
    }
  }
  if (gdp.size() < 2) {
    ImGui::TextDisabled("Its history appears here after the first turn resolves.");
    return;
  }
  const float first_turn = static_cast<float>(model.history.front().turn());
  for (const auto& [label, values] :
       {std::pair{"GDP (bn)", &gdp}, std::pair{"forces (capability points)", &forces}}) {
    const auto [low, high] = std::minmax_element(values->begin(), values->end());
    ImGui::Text("%s: %s at turn %.0f, %s now (lowest %s, highest %s)", label,
                fixed(values->front()).c_str(), first_turn, fixed(values->back()).c_str(),
                fixed(*low).c_str(), fixed(*high).c_str());
    // From zero, so that a small change does not look like a collapse.
    ImGui::PlotLines((std::string("##") + label).c_str(), values->data(),
                     static_cast<int>(values->size()), 0, nullptr, 0.0f, *high * 1.1f,
                     ImVec2(width, ImGui::GetFrameHeight() * 2.0f));
  }
}

}  // namespace

void CloseupPanel::draw(const MatchModel& model, const std::string& id) {
  const pb::PlayerView& view = model.view;
  const bool own = id == view.own().id();
  const pb::StateView* other = own ? nullptr : find_other(view, id);
  if (!own && !other) {
    ImGui::TextDisabled("No state %s in this match.", id.c_str());
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("%s (%s)%s", name_of(view, id).c_str(), id.c_str(), own ? ", your state" : "");

  // What you know of it, and how sure you are.
  const double error = own ? 0.0 : other->estimate_error();
  const pb::Allocation& allocation = own ? view.own().allocation() : other->allocation();
  if (ImGui::CollapsingHeader("What you know", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (own)
      ImGui::TextDisabled("Your own figures, exact.");
    else if (error <= 0)
      ImGui::TextDisabled("It publishes its budget: these figures are exact.");
    else
      ImGui::TextDisabled(
          "It withholds its budget: budget, forces and stability are your "
          "estimates, each within %s %% (technology within half that).",
          fixed(error * 100.0, 0).c_str());
    const double gdp = own ? view.own().gdp() : other->gdp();
    const double population = own ? view.own().population() : other->population();
    ImGui::Text("GDP %s, population %s million", money(gdp).c_str(), fixed(population).c_str());
    ImGui::Text(
        "Stability %s",
        sure(own ? view.own().stability() : other->stability(), error, 1, "of 100").c_str());
    ImGui::Text("Territorial defense %s",
                sure(own ? view.own().territorial_defense() : other->territorial_defense(), error,
                     1, "points")
                    .c_str());
    ImGui::Text(
        "Power projection %s",
        sure(own ? view.own().power_projection() : other->power_projection(), error, 1, "points")
            .c_str());
    ImGui::Text("Technology %s", sure(own ? view.own().technology() : other->technology(),
                                      error * 0.5, 3, "x forces")
                                     .c_str());
    ImGui::Text("Reputation %s; government %s (%d changes)",
                fixed(own ? view.own().reputation() : other->reputation()).c_str(),
                lean_label(own ? view.own().lean() : other->lean()),
                own ? view.own().government_changes() : other->government_changes());
    std::string split;
    for (int c = 0; c < 7; ++c) {
      const int bp[] = {allocation.territorial_defense(),
                        allocation.power_projection(),
                        allocation.economy(),
                        allocation.welfare(),
                        allocation.research(),
                        allocation.diplomacy(),
                        allocation.intelligence()};
      split += std::string(c ? ", " : "") + category_name(c) + " " + percent_of_bp(bp[c], 0);
    }
    ImGui::Text("Budget: %s", split.c_str());
  }

  // Its treaties, those you share marked.
  if (ImGui::CollapsingHeader("Treaties", ImGuiTreeNodeFlags_DefaultOpen)) {
    int count = 0;
    for (const auto& t : view.treaties()) {
      if (!is_member(t, id)) continue;
      ++count;
      const bool shared = !own && is_member(t, view.own().id());
      ImGui::Bullet();
      ImGui::TextWrapped("%s%s", treaty_title(t).c_str(), shared ? " (you are a member)" : "");
    }
    if (count == 0) ImGui::TextDisabled("None.");
  }

  if (!own && !view.own().id().empty() &&
      ImGui::CollapsingHeader("You and it", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (const pb::Relation* rel = own_relation(view, id)) {
      ImGui::Text("Its record of hostile acts toward you: %s", fixed(rel->hostility()).c_str());
      if (rel->coercion() > 0)
        ImGui::TextColored(kBad, "It pressed you last turn (intensity %s).",
                           fixed(rel->coercion()).c_str());
      ImGui::Text("Your Finlandization level toward it: %s (%s)",
                  fixed(rel->finland_level()).c_str(),
                  rel->finland_status() == pb::FINLANDIZED     ? "Finlandized"
                  : rel->finland_status() == pb::ACCOMMODATING ? "accommodating"
                                                               : "independent");
      if (rel->bandwagoned()) ImGui::Text("You sought its protection last turn.");
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("closeup-threat", 7, flags,
                          ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 3.5f))) {
      for (const char* h :
           {"Threat", "total", "power", "proximity", "offense", "intentions", "alliance"})
        ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      threat_rows("it to you", threat_from(view.threats(), id));
      threat_rows("you to it", threat_from(view.threat_to_others(), id));
      ImGui::EndTable();
    }
  }

  if (ImGui::CollapsingHeader("Finlandization", ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto& statuses = own ? view.own().relations() : other->public_relations();
    bool any = false;
    for (const auto& rel : statuses) {
      if (rel.finland_status() == pb::INDEPENDENT) continue;
      any = true;
      ImGui::TextColored(status_color(rel.finland_status()), "%s toward %s",
                         rel.finland_status() == pb::FINLANDIZED ? "Finlandized" : "accommodating",
                         name_of(view, rel.other()).c_str());
    }
    for (const auto& o : view.others())
      for (const auto& rel : o.public_relations())
        if (rel.other() == id && rel.finland_status() != pb::INDEPENDENT) {
          any = true;
          ImGui::Text(
              "%s %s it", name_of(view, o.id()).c_str(),
              rel.finland_status() == pb::FINLANDIZED ? "is Finlandized toward" : "accommodates");
        }
    if (!any) ImGui::TextDisabled("Independent of every power, and no state accommodates it.");
  }

  if (ImGui::CollapsingHeader("History", ImGuiTreeNodeFlags_DefaultOpen))
    history_plots(model, id, width);
  ImGui::PopTextWrapPos();
}

}  // namespace hegemon::client
