// The map of a scenario without a drawn map: every state at its map position, sized by its
// economy and filled with its alliance's colour; borders, treaties, pressure and Finlandization
// drawn between them. (territory_panel.cpp draws the scenarios that have territories.)
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

/// The smallest stretch of map coordinates (0..1000) the panel shows across, so that a map of
/// two neighbours is not blown up to fill the screen.
constexpr float kMinSpan = 250.0f;
constexpr ImU32 kBackground = IM_COL32(22, 28, 38, 255);
// Borders are dark and dotted, so that no treaty's line (a non-aggression pact's is grey) reads
// as one.
constexpr ImU32 kBorderLine = IM_COL32(95, 95, 95, 150);
constexpr ImU32 kPressureArrow = IM_COL32(235, 70, 60, 230);
constexpr ImU32 kSanctionArrow = IM_COL32(220, 90, 220, 200);
constexpr ImU32 kOwnRing = IM_COL32(255, 255, 255, 255);
// Sky blue: never taken for the amber of an accommodating state.
constexpr ImU32 kSelectedRing = IM_COL32(86, 180, 233, 255);
constexpr ImU32 kLabel = IM_COL32(235, 235, 235, 255);

void dotted_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  for (float s = 0; s < length; s += 5.0f)
    draw->AddCircleFilled(ImVec2(a.x + dx * s / length, a.y + dy * s / length), 1.0f, color, 4);
}

/// A state as the map draws it.
struct Spot {
  std::string id;
  ImVec2 at;
  float radius = 10;
  ImU32 fill = 0;
  pb::FinlandStatus status = pb::INDEPENDENT;
  bool own = false;
};

ImU32 to_u32(ImVec4 c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, alpha));
}

ImVec2 toward(ImVec2 from, ImVec2 to, float distance) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::max(1e-3f, std::sqrt(dx * dx + dy * dy));
  return ImVec2(from.x + dx / length * distance, from.y + dy / length * distance);
}

void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  constexpr float kDash = 7.0f, kGap = 5.0f;
  for (float s = 0; s < length; s += kDash + kGap) {
    const float e = std::min(length, s + kDash);
    draw->AddLine(ImVec2(a.x + dx * s / length, a.y + dy * s / length),
                  ImVec2(a.x + dx * e / length, a.y + dy * e / length), color, thickness);
  }
}

/// An arrow from the rim of one circle to the rim of another.
void arrow(ImDrawList* draw, const Spot& from, const Spot& to, ImU32 color, float thickness,
           bool dashed) {
  const ImVec2 start = toward(from.at, to.at, from.radius + 3.0f);
  const ImVec2 tip = toward(to.at, from.at, to.radius + 4.0f);
  const float head = 6.0f + thickness * 1.5f;
  const ImVec2 base = toward(tip, start, head);
  if (dashed)
    dashed_line(draw, start, base, color, thickness);
  else
    draw->AddLine(start, base, color, thickness);
  const float dx = tip.x - base.x, dy = tip.y - base.y;
  const ImVec2 left(base.x - dy * 0.55f, base.y + dx * 0.55f);
  const ImVec2 right(base.x + dy * 0.55f, base.y - dx * 0.55f);
  draw->AddTriangleFilled(tip, left, right, color);
}

std::string status_line(const pb::PlayerView& view, const std::string& id) {
  std::string out;
  auto add = [&](const std::string& other, pb::FinlandStatus s) {
    if (s == pb::INDEPENDENT) return;
    if (!out.empty()) out += "; ";
    out += std::string(finland_status_label(s)) + " toward " + name_of(view, other);
  };
  if (id == view.own().id()) {
    for (const auto& rel : view.own().relations()) add(rel.other(), rel.finland_status());
  } else if (const pb::StateView* other = find_other(view, id)) {
    for (const auto& rel : other->public_relations()) add(rel.other(), rel.finland_status());
  }
  return out.empty() ? std::string("independent") : out;
}

}  // namespace

void state_tooltip(const pb::PlayerView& view, const std::string& id) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  const bool own = id == view.own().id();
  ImGui::Text("%s (%s)%s", name_of(view, id).c_str(), id.c_str(), own ? " - you" : "");
  ImGui::Separator();
  if (own) {
    const pb::State& s = view.own();
    ImGui::Text("GDP %s, population %.1f m", money(s.gdp()).c_str(), s.population());
    ImGui::Text("Territorial defense %.1f, power projection %.1f", s.territorial_defense(),
                s.power_projection());
    ImGui::Text("Technology %.2f, stability %.1f, reputation %.1f", s.technology(), s.stability(),
                s.reputation());
    ImGui::Text("Influence %.1f", s.influence());
    ImGui::Text("Budget %s", s.publish_budget() ? "published: everyone sees it exactly"
                                                : "withheld: others see estimates");
    ImGui::Text("Government %s (%d changes)", lean_label(s.lean()), s.government_changes());
  } else if (const pb::StateView* s = find_other(view, id)) {
    ImGui::Text("GDP %s, population %.1f m", money(s->gdp()).c_str(), s->population());
    ImGui::Text("Territorial defense %.1f, power projection %.1f", s->territorial_defense(),
                s->power_projection());
    if (s->estimate_error() > 0)
      ImGui::TextColored(kWarn, "Forces and technology are estimates, within about %.0f %%",
                         s->estimate_error() * 100.0);
    ImGui::Text("Technology %.2f, stability %.1f, reputation %.1f", s->technology(), s->stability(),
                s->reputation());
    ImGui::Text("Budget %s", s->budget_published() ? "published" : "withheld");
    ImGui::Text("Government %s (%d changes)", lean_label(s->lean()), s->government_changes());
    for (const auto& t : view.threats())
      if (t.from() == id) ImGui::Text("The threat you feel from it: %.1f of 100", t.total());
  }
  const pb::FinlandStatus strongest = strongest_status(view, id);
  ImGui::TextColored(status_color(strongest), "Status: %s", status_line(view, id).c_str());
  for (const auto& t : view.treaties())
    if (is_member(t, id)) ImGui::BulletText("%s", treaty_title(t).c_str());
  ImGui::TextDisabled("Click to inspect it in the other panels.");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

namespace {

/// Places the next legend item on this line when it fits, on the next one otherwise.
void flow(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float last = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x * 2.0f;
  if (last + width < right) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 2.0f);
}

enum class Swatch { Line, Dashed, Dotted, Arrow, Ring, Disc };

void legend_item(Swatch kind, ImU32 color, const char* text) {
  const float h = ImGui::GetTextLineHeight();
  const float w = h * 1.8f;
  flow(w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 a(p.x + 1, p.y + h * 0.5f), b(p.x + w - 1, p.y + h * 0.5f);
  switch (kind) {
    case Swatch::Line: draw->AddLine(a, b, color, 2.5f); break;
    case Swatch::Dashed: dashed_line(draw, a, b, color, 2.0f); break;
    case Swatch::Dotted:
      dotted_line(draw, a, b, color);
      break;
    case Swatch::Arrow: {
      draw->AddLine(a, ImVec2(b.x - 5, b.y), color, 2.0f);
      draw->AddTriangleFilled(b, ImVec2(b.x - 6, b.y - 4), ImVec2(b.x - 6, b.y + 4), color);
      break;
    }
    case Swatch::Ring:
      draw->AddCircle(ImVec2(p.x + w * 0.5f, p.y + h * 0.5f), h * 0.4f, color, 0, 2.0f);
      break;
    case Swatch::Disc:
      draw->AddCircleFilled(ImVec2(p.x + w * 0.5f, p.y + h * 0.5f), h * 0.4f, color);
      break;
  }
  ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(text);
}

void legend() {
  ImGui::TextDisabled("Treaties:");
  for (pb::TreatyType type : {pb::MUTUAL_DEFENSE, pb::NON_AGGRESSION, pb::MILITARY_AID,
                              pb::JOINT_EXERCISES, pb::CONFIDENCE_BUILDING, pb::NEUTRALITY})
    legend_item(Swatch::Line, treaty_type_color(type), treaty_type_label(type));
  legend_item(Swatch::Dotted, kBorderLine, "border");
  ImGui::TextDisabled("Arrows:");
  legend_item(Swatch::Arrow, kPressureArrow, "pressure on you");
  legend_item(Swatch::Dashed, to_u32(kWarn), "accommodated power");
  legend_item(Swatch::Dashed, to_u32(kBad), "Finlandizing power");
  legend_item(Swatch::Dashed, kSanctionArrow, "sanction");
  ImGui::TextDisabled("States:");
  legend_item(Swatch::Disc, IM_COL32(150, 150, 150, 255),
              "size = GDP (log), colour = mutual defense bloc");
  legend_item(Swatch::Ring, kOwnRing, "you");
  legend_item(Swatch::Ring, kSelectedRing, "selected");
  legend_item(Swatch::Ring, to_u32(kWarn), "accommodating");
  legend_item(Swatch::Ring, to_u32(kBad), "Finlandized (F)");
}

}  // namespace

void MapPanel::draw(MatchModel& model, std::string& selected) {
  const pb::PlayerView& view = model.view;
  const std::vector<std::string> ids = state_ids(view);
  if (ids.empty()) {
    ImGui::TextDisabled("No map yet: the match has not sent a view.");
    return;
  }
  if (model.territories && model.territories->scenario() == view.scenario())
    return draw_territories(model, selected);

  ImGui::Checkbox("Legend", &show_legend);
  ImGui::SameLine();
  hint("Hover a state for its figures; click it to inspect it.");

  const float legend_height = show_legend ? ImGui::GetTextLineHeightWithSpacing() * 5.5f : 0.0f;
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.y = std::max(160.0f, size.y - legend_height);
  size.x = std::max(160.0f, size.x);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("map", size);
  const bool canvas_hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  draw->AddRectFilled(p0, p1, kBackground, 4.0f);
  draw->PushClipRect(p0, p1, true);

  // Map coordinates (0..1000) zoomed to the states' extent, the same scale on both axes, centred,
  // with room at the edges for the circles and their labels.
  float min_x = FLT_MAX, max_x = -FLT_MAX, min_y = FLT_MAX, max_y = -FLT_MAX;
  auto extend = [&](int x, int y) {
    min_x = std::min(min_x, static_cast<float>(x));
    max_x = std::max(max_x, static_cast<float>(x));
    min_y = std::min(min_y, static_cast<float>(y));
    max_y = std::max(max_y, static_cast<float>(y));
  };
  if (!view.own().id().empty()) extend(view.own().map_x(), view.own().map_y());
  for (const auto& o : view.others()) extend(o.map_x(), o.map_y());
  const float pad = 40.0f;
  const float span_x = std::max(kMinSpan, max_x - min_x);
  const float span_y = std::max(kMinSpan, max_y - min_y);
  const float zoom =
      std::max(0.01f, std::min((size.x - 2.0f * pad) / span_x, (size.y - 2.0f * pad) / span_y));
  const ImVec2 map_center((min_x + max_x) * 0.5f, (min_y + max_y) * 0.5f);
  const ImVec2 screen_center(p0.x + size.x * 0.5f, p0.y + size.y * 0.5f);
  const float scale = std::clamp(std::min(size.x, size.y) / 600.0f, 0.6f, 1.6f);
  const std::map<std::string, ImU32> colors = alliance_colors(view);

  std::map<std::string, Spot> spots;
  auto place = [&](const std::string& id, int x, int y, double gdp, bool own) {
    Spot s;
    s.id = id;
    s.at = ImVec2(screen_center.x + (static_cast<float>(x) - map_center.x) * zoom,
                  screen_center.y + (static_cast<float>(y) - map_center.y) * zoom);
    s.radius = (3.0f + 4.5f * static_cast<float>(std::log10(std::max(gdp, 1.0)))) * scale;
    s.fill = colors.count(id) ? colors.at(id) : IM_COL32(128, 128, 128, 255);
    s.status = strongest_status(view, id);
    s.own = own;
    spots[id] = s;
  };
  if (!view.own().id().empty())
    place(view.own().id(), view.own().map_x(), view.own().map_y(), view.own().gdp(), true);
  for (const auto& o : view.others()) place(o.id(), o.map_x(), o.map_y(), o.gdp(), false);
  auto spot = [&](const std::string& id) -> const Spot* {
    auto it = spots.find(id);
    return it == spots.end() ? nullptr : &it->second;
  };

  // Borders, thin and grey.
  for (const auto& b : model.facts.borders())
    if (const Spot* a = spot(b.a()), *c = spot(b.b()); a && c)
      dotted_line(draw, a->at, c->at, kBorderLine);

  // Treaties: one line per pair of members, shifted sideways by type so that two treaties
  // between the same states both show.
  for (const auto& t : view.treaties()) {
    const float shift = (static_cast<float>(t.type()) - 3.5f) * 2.5f * scale;
    const float thickness = t.type() == pb::MUTUAL_DEFENSE ? 3.0f : 1.5f;
    for (int i = 0; i < t.members_size(); ++i)
      for (int j = i + 1; j < t.members_size(); ++j) {
        const Spot* a = spot(t.members(i).state());
        const Spot* c = spot(t.members(j).state());
        if (!a || !c) continue;
        const float dx = c->at.x - a->at.x, dy = c->at.y - a->at.y;
        const float length = std::max(1e-3f, std::sqrt(dx * dx + dy * dy));
        const ImVec2 off(-dy / length * shift, dx / length * shift);
        draw->AddLine(ImVec2(a->at.x + off.x, a->at.y + off.y),
                      ImVec2(c->at.x + off.x, c->at.y + off.y), treaty_type_color(t.type()),
                      thickness);
      }
  }

  // Sanctions: soft balancing, from the sanctioner to its target.
  for (const auto& s : view.sanctions())
    if (const Spot* a = spot(s.sanctioner()), *c = spot(s.target()); a && c)
      arrow(draw, *a, *c, kSanctionArrow, 1.5f, true);

  // Pressure on the viewer (its own relations say who coerced it last turn) ...
  if (const Spot* me = spot(view.own().id()))
    for (const auto& rel : view.own().relations()) {
      if (rel.coercion() <= 0) continue;
      if (const Spot* from = spot(rel.other()))
        arrow(draw, *from, *me, kPressureArrow,
              std::min(6.0f, 1.5f + 0.8f * static_cast<float>(rel.coercion())), false);
    }
  // ... and the powers that states accommodate or are Finlandized toward (public statuses).
  auto status_arrows = [&](const std::string& holder,
                           const google::protobuf::RepeatedPtrField<pb::Relation>& relations) {
    const Spot* small = spot(holder);
    if (!small) return;
    for (const auto& rel : relations) {
      if (rel.finland_status() == pb::INDEPENDENT) continue;
      if (const Spot* power = spot(rel.other()))
        arrow(draw, *power, *small, to_u32(status_color(rel.finland_status())),
              rel.finland_status() == pb::FINLANDIZED ? 2.5f : 1.8f, true);
    }
  };
  status_arrows(view.own().id(), view.own().relations());
  for (const auto& o : view.others()) status_arrows(o.id(), o.public_relations());

  // Which state is under the mouse (the nearest within its circle).
  std::string hovered;
  if (canvas_hovered) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float best = 1e9f;
    for (const auto& [id, s] : spots) {
      const float dx = mouse.x - s.at.x, dy = mouse.y - s.at.y;
      const float d = std::sqrt(dx * dx + dy * dy);
      if (d <= s.radius + 5.0f && d < best) {
        best = d;
        hovered = id;
      }
    }
  }

  // The states, with their rings.
  for (const auto& [id, s] : spots) {
    draw->AddCircleFilled(s.at, s.radius, s.fill, 32);
    draw->AddCircle(s.at, s.radius, IM_COL32(0, 0, 0, 200), 32, 1.5f);
    float ring = s.radius + 3.0f;
    if (s.own) {
      draw->AddCircle(s.at, ring, kOwnRing, 32, 2.5f);
      ring += 3.5f;
    }
    if (s.status != pb::INDEPENDENT) {
      draw->AddCircle(s.at, ring, to_u32(status_color(s.status)), 32, 2.5f);
      if (s.status == pb::FINLANDIZED) {
        const ImVec2 mark(s.at.x + ring * 0.7f, s.at.y - ring * 0.7f - ImGui::GetFontSize());
        draw->AddText(mark, to_u32(kBad), "F");
      }
      ring += 3.5f;
    }
    if (id == selected) draw->AddCircle(s.at, ring + 1.0f, kSelectedRing, 32, 2.0f);
    if (id == hovered) draw->AddCircle(s.at, s.radius, IM_COL32(255, 255, 255, 160), 32, 1.0f);
    const ImVec2 text_size = ImGui::CalcTextSize(id.c_str());
    draw->AddText(ImVec2(s.at.x - text_size.x * 0.5f, s.at.y + ring + 1.0f), kLabel, id.c_str());
  }
  draw->PopClipRect();

  if (!hovered.empty()) {
    state_tooltip(view, hovered);
    if (clicked) selected = hovered;
  }

  if (show_legend) legend();
}

}  // namespace hegemon::client
