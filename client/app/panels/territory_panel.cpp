// The map drawn from the scenario's territories: filled outlines coloured by a lens, alliances as
// hubs and spokes, arrows set apart, labels that give way to one another, zoom and pan.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"
#include "client/app/panels/territory_map.h"

namespace hegemon::client {
namespace {

// Okabe and Ito's palette: told apart with every common kind of colour blindness.
constexpr ImU32 kBlue = IM_COL32(0, 114, 178, 255);
constexpr ImU32 kSky = IM_COL32(86, 180, 233, 255);
constexpr ImU32 kOrange = IM_COL32(230, 159, 0, 255);
constexpr ImU32 kVermillion = IM_COL32(213, 94, 0, 255);
constexpr ImU32 kPurple = IM_COL32(204, 121, 167, 255);
constexpr ImU32 kSea = IM_COL32(24, 34, 52, 255);
constexpr ImU32 kLandAround = IM_COL32(88, 90, 86, 255);
constexpr ImU32 kOutline = IM_COL32(15, 15, 15, 220);
constexpr ImU32 kOwnOutline = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kSelectedOutline = kSky;
constexpr ImU32 kLabel = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kLabelShadow = IM_COL32(0, 0, 0, 200);

const char* lens_name(MapLens lens) {
  switch (lens) {
    case MapLens::Bloc:
      return "Blocs";
    case MapLens::ThreatToYou:
      return "Threat to you";
    case MapLens::Finlandization:
      return "Finlandization";
    case MapLens::Gdp:
      return "GDP";
    case MapLens::Stability:
      return "Stability";
  }
  return "";
}

/// A ramp from light to dark for a figure from 0 to 1 (cividis-like: readable without hue).
ImU32 ramp(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const auto mix = [t](float a, float b) { return static_cast<int>(a + (b - a) * t); };
  return IM_COL32(mix(250, 120), mix(235, 20), mix(170, 40), 255);
}

struct Figures {
  std::map<std::string, double> threat, gdp, stability;
  double max_gdp = 1;
};

Figures figures_of(const pb::PlayerView& view) {
  Figures f;
  for (const auto& t : view.threats()) f.threat[t.from()] = t.total();
  if (!view.own().id().empty()) {
    f.gdp[view.own().id()] = view.own().gdp();
    f.stability[view.own().id()] = view.own().stability();
  }
  for (const auto& o : view.others()) {
    f.gdp[o.id()] = o.gdp();
    f.stability[o.id()] = o.stability();
  }
  for (const auto& [id, g] : f.gdp) f.max_gdp = std::max(f.max_gdp, g);
  return f;
}

ImU32 fill_of(MapLens lens, const std::string& id, const pb::PlayerView& view, const Figures& f,
              const std::map<std::string, ImU32>& blocs) {
  switch (lens) {
    case MapLens::Bloc: {
      auto it = blocs.find(id);
      return it == blocs.end() ? IM_COL32(150, 150, 150, 255) : it->second;
    }
    case MapLens::ThreatToYou: {
      if (id == view.own().id()) return kSky;
      auto it = f.threat.find(id);
      return it == f.threat.end() ? IM_COL32(150, 150, 150, 255)
                                  : ramp(static_cast<float>(it->second / 100.0));
    }
    case MapLens::Finlandization:
      switch (strongest_status(view, id)) {
        case pb::FINLANDIZED:
          return kVermillion;
        case pb::ACCOMMODATING:
          return kOrange;
        default:
          return kBlue;
      }
    case MapLens::Gdp: {
      auto it = f.gdp.find(id);
      const double g = it == f.gdp.end() ? 1.0 : std::max(1.0, it->second);
      return ramp(static_cast<float>(std::log10(g) / std::log10(std::max(10.0, f.max_gdp))));
    }
    case MapLens::Stability: {
      auto it = f.stability.find(id);
      return ramp(it == f.stability.end() ? 0.0f : 1.0f - static_cast<float>(it->second / 100.0));
    }
  }
  return IM_COL32(150, 150, 150, 255);
}

/// Fills a territory's triangles as they are (no feathered edges, so no seam between them).
void fill(ImDrawList* draw, const pb::Territory& t, const MapCamera& cam, ImVec2 c, ImU32 color) {
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const int corners = t.triangles_size() / 6 * 3;  // whole triangles only
  if (corners < 3) return;
  draw->PrimReserve(corners, corners);
  const float* v = t.triangles().data();
  for (int i = 0; i < corners; ++i)
    draw->PrimVtx(ImVec2(cam.screen_x(v[2 * i], c.x), cam.screen_y(v[2 * i + 1], c.y)), uv, color);
}

void outline(ImDrawList* draw, const pb::Territory& t, const MapCamera& cam, ImVec2 c, ImU32 color,
             float thickness, std::vector<ImVec2>& scratch) {
  const ImVec4 clip = draw->GetClipRectMax().x > 0
                          ? ImVec4(draw->GetClipRectMin().x, draw->GetClipRectMin().y,
                                   draw->GetClipRectMax().x, draw->GetClipRectMax().y)
                          : ImVec4(-1e9f, -1e9f, 1e9f, 1e9f);
  for (const auto& o : t.outlines()) {
    scratch.clear();
    // A corner closer than a pixel and a half to the last one kept adds nothing to the eye but
    // work to a software renderer: zoomed out, a coast of thousands of corners is a few hundred.
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i + 1 < o.xy_size(); i += 2) {
      const ImVec2 p(cam.screen_x(o.xy(i), c.x), cam.screen_y(o.xy(i + 1), c.y));
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x),
      y1 = std::max(y1, p.y);
      if (!scratch.empty() && std::abs(p.x - scratch.back().x) < 1.5f &&
          std::abs(p.y - scratch.back().y) < 1.5f)
        continue;
      scratch.push_back(p);
    }
    if (x1 < clip.x || x0 > clip.z || y1 < clip.y || y0 > clip.w) continue;  // out of sight
    if (scratch.size() >= 3)
      draw->AddPolyline(scratch.data(), static_cast<int>(scratch.size()), color, ImDrawFlags_Closed,
                        thickness);
  }
}

/// A line from a to b moved sideways by `offset` pixels, so that lines of different kinds
/// between the same states lie side by side.
void offset_line(ImVec2& a, ImVec2& b, float offset) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::max(1e-3f, std::sqrt(dx * dx + dy * dy));
  const ImVec2 n(-dy / length * offset, dx / length * offset);
  a = ImVec2(a.x + n.x, a.y + n.y);
  b = ImVec2(b.x + n.x, b.y + n.y);
}

void arrow(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 color, float thickness, bool dashed,
           float offset) {
  offset_line(from, to, offset);
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length < 12.0f) return;
  const ImVec2 u(dx / length, dy / length);
  const ImVec2 start(from.x + u.x * 8, from.y + u.y * 8), tip(to.x - u.x * 8, to.y - u.y * 8);
  const float head = 7.0f + thickness;
  const ImVec2 base(tip.x - u.x * head, tip.y - u.y * head);
  if (dashed) {
    const float run = std::sqrt((base.x - start.x) * (base.x - start.x) +
                                (base.y - start.y) * (base.y - start.y));
    for (float s = 0; s < run; s += 12.0f) {
      const float e = std::min(run, s + 7.0f);
      draw->AddLine(ImVec2(start.x + u.x * s, start.y + u.y * s),
                    ImVec2(start.x + u.x * e, start.y + u.y * e), color, thickness);
    }
  } else {
    draw->AddLine(start, base, color, thickness);
  }
  draw->AddTriangleFilled(tip, ImVec2(base.x - u.y * head * 0.55f, base.y + u.x * head * 0.55f),
                          ImVec2(base.x + u.y * head * 0.55f, base.y - u.x * head * 0.55f), color);
}

/// The key, in a box of its own in the corner of the map with the fewest states' labels, its
/// entries flowing in rows as wide as half the map: drawn over the map, it is never pushed out
/// of the window. It takes at most a third of the map's height; entries that do not fit are
/// listed when the mouse is over it.
void key(ImDrawList* draw, ImVec2 p0, ImVec2 p1, MapLens lens,
         const std::map<std::string, ImVec2>& labels, bool map_hovered) {
  struct Entry {
    ImU32 color;
    std::string text;
    bool line;
  };
  std::vector<Entry> entries;
  switch (lens) {
    case MapLens::Bloc:
      entries = {{IM_COL32(150, 150, 150, 255), "no pact", false}};
      break;
    case MapLens::ThreatToYou:
      entries = {{kSky, "you", false}, {ramp(0.1f), "low", false}, {ramp(0.9f), "grave", false}};
      break;
    case MapLens::Finlandization:
      entries = {{kBlue, "independent", false},
                 {kOrange, "accommodating", false},
                 {kVermillion, "Finlandized", false}};
      break;
    case MapLens::Gdp:
      entries = {{ramp(0.2f), "small", false}, {ramp(0.95f), "largest", false}};
      break;
    case MapLens::Stability:
      entries = {{ramp(0.1f), "stable", false}, {ramp(0.9f), "unrest", false}};
      break;
  }
  for (Entry e : {Entry{treaty_type_color(pb::MUTUAL_DEFENSE), "defense pact", true},
                  Entry{treaty_type_color(pb::NON_AGGRESSION), "other treaty", true},
                  Entry{IM_COL32(235, 70, 60, 230), "pressure on you", true},
                  Entry{kOrange, "accommodation", true}, Entry{kPurple, "sanction", true},
                  Entry{kOwnOutline, "you", true}, Entry{kSelectedOutline, "selected", true}})
    entries.push_back(e);

  const float h = ImGui::GetTextLineHeight();
  const float swatch = h * 1.3f, gap = h * 0.8f;
  const float max_width = std::max(220.0f, (p1.x - p0.x) * 0.5f);
  // Lay the entries out in rows after the title, to size the box; only whole rows, within a
  // third of the map's height. When some are left out the title says so, and hovering it lists
  // them all.
  const float most = std::max(h, (p1.y - p0.y) / 3.0f - 12.0f);
  std::string title;
  std::vector<ImVec2> at;
  float width = 0;
  std::size_t shown = 0;
  for (const bool cut : {false, true}) {
    title = std::string(lens_name(lens)) + (cut ? " (all: hover here):" : ":");
    at.clear();
    float x = ImGui::CalcTextSize(title.c_str()).x + gap, y = 0;
    width = x;
    for (const Entry& e : entries) {
      const float w = swatch + 4.0f + ImGui::CalcTextSize(e.text.c_str()).x;
      if (x + w > max_width) x = 0, y += h + 3.0f;
      at.emplace_back(x, y);
      x += w + gap;
      width = std::max(width, x);
    }
    shown = entries.size();
    while (shown > 1 && at[shown - 1].y + h > most) --shown;
    if (shown == entries.size()) break;
  }
  const float rows = (shown > 0 ? at[shown - 1].y : 0.0f) + h;
  const ImVec2 box(width + 8.0f, rows + 8.0f);
  // The corner that covers the fewest labels, the lower left when several tie.
  ImVec2 top(p0.x + 6.0f, p1.y - box.y - 6.0f);
  int fewest = 1 << 30;
  for (ImVec2 corner :
       {ImVec2(p0.x + 6.0f, p1.y - box.y - 6.0f), ImVec2(p1.x - box.x - 6.0f, p1.y - box.y - 6.0f),
        ImVec2(p0.x + 6.0f, p0.y + 6.0f), ImVec2(p1.x - box.x - 6.0f, p0.y + 6.0f)}) {
    int covered = 0;
    for (const auto& [id, l] : labels)
      covered +=
          l.x >= corner.x && l.x <= corner.x + box.x && l.y >= corner.y && l.y <= corner.y + box.y;
    if (covered < fewest) fewest = covered, top = corner;
  }
  draw->AddRectFilled(top, ImVec2(top.x + box.x, top.y + box.y), IM_COL32(10, 12, 18, 215), 4.0f);
  const ImVec2 title_end(top.x + 6.0f + ImGui::CalcTextSize(title.c_str()).x, top.y + 4.0f + h);
  if (shown < entries.size() && map_hovered && ImGui::IsMouseHoveringRect(top, title_end)) {
    ImGui::BeginTooltip();
    for (const Entry& e : entries) {
      ImGui::ColorButton(e.text.c_str(), ImGui::ColorConvertU32ToFloat4(e.color),
                         ImGuiColorEditFlags_NoTooltip, ImVec2(h * 1.3f, h * 0.8f));
      ImGui::SameLine();
      ImGui::TextUnformatted(e.text.c_str());
    }
    ImGui::EndTooltip();
  }
  entries.resize(shown);
  const ImVec2 o(top.x + 6.0f, top.y + 4.0f);
  draw->AddText(o, IM_COL32(190, 190, 190, 255), title.c_str());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ImVec2 q(o.x + at[i].x, o.y + at[i].y);
    if (entries[i].line)
      draw->AddLine(ImVec2(q.x, q.y + h * 0.5f), ImVec2(q.x + swatch, q.y + h * 0.5f),
                    entries[i].color, 3.0f);
    else
      draw->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + swatch, q.y + h - 2), entries[i].color,
                          2.0f);
    draw->AddText(ImVec2(q.x + swatch + 4.0f, q.y), kLabel, entries[i].text.c_str());
  }
}

}  // namespace

void MapPanel::draw_territories(MatchModel& model, std::string& selected) {
  const pb::PlayerView& view = model.view;
  const pb::TerritoryMap& map = *model.territories;

  ImGui::SetNextItemWidth(ImGui::CalcTextSize("Finlandization").x + ImGui::GetFrameHeight() * 2);
  if (ImGui::BeginCombo("Colour by", lens_name(lens))) {
    for (MapLens l : {MapLens::Bloc, MapLens::ThreatToYou, MapLens::Finlandization, MapLens::Gdp,
                      MapLens::Stability})
      if (ImGui::Selectable(lens_name(l), l == lens)) lens = l;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox("Key", &show_legend);
  ImGui::SameLine();
  const bool refit = ImGui::SmallButton("Fit");
  ImGui::SameLine();
  hint("Wheel: zoom. Drag: move. Click a state to inspect it.");

  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(160.0f, size.x);
  size.y = std::max(160.0f, size.y);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("territories", size);
  const bool hovered_canvas = ImGui::IsItemHovered();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  const ImVec2 c(p0.x + size.x * 0.5f, p0.y + size.y * 0.5f);
  canvas_x = c.x;
  canvas_y = c.y;
  if (refit || !camera.fitted || fitted_scenario != map.scenario()) {
    camera.fit(map, size.x, size.y);
    fitted_scenario = map.scenario();
  }
  ImGuiIO& io = ImGui::GetIO();
  if (hovered_canvas && io.MouseWheel != 0.0f)
    camera.zoom_about(std::pow(1.2f, io.MouseWheel), io.MousePos.x - c.x, io.MousePos.y - c.y);
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    camera.pan(io.MouseDelta.x, io.MouseDelta.y);
    dragged = true;
  }
  const bool released = ImGui::IsItemDeactivated();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p0, p1, kSea, 4.0f);
  draw->PushClipRect(p0, p1, true);

  const Figures figures = figures_of(view);
  const std::map<std::string, ImU32> blocs = alliance_colors(view);
  for (const auto& t : map.land()) fill(draw, t, camera, c, kLandAround);
  std::map<std::string, ImVec2> anchor;
  for (const auto& t : map.territories()) {
    fill(draw, t, camera, c, fill_of(lens, t.state(), view, figures, blocs));
    anchor[t.state()] =
        ImVec2(camera.screen_x(t.label_x(), c.x), camera.screen_y(t.label_y(), c.y));
  }
  std::vector<ImVec2> scratch;
  for (const auto& t : map.land())
    outline(draw, t, camera, c, IM_COL32(60, 60, 60, 255), 1.0f, scratch);
  for (const auto& t : map.territories()) outline(draw, t, camera, c, kOutline, 1.0f, scratch);

  const auto at = [&](const std::string& id) -> const ImVec2* {
    auto it = anchor.find(id);
    return it == anchor.end() ? nullptr : &it->second;
  };
  // Treaties as a hub and its spokes: the largest economy among the members to each other one,
  // so a pact of twelve is eleven lines rather than sixty-six.
  for (const auto& t : view.treaties()) {
    std::string hub;
    double hub_gdp = -1;
    for (const auto& m : t.members()) {
      auto it = figures.gdp.find(m.state());
      const double g = it == figures.gdp.end() ? 0.0 : it->second;
      if (g > hub_gdp) hub_gdp = g, hub = m.state();
    }
    const ImVec2* h = at(hub);
    if (!h) continue;
    const float offset = (static_cast<float>(t.type()) - 3.5f) * 3.0f;
    const float thickness = t.type() == pb::MUTUAL_DEFENSE ? 2.5f : 1.5f;
    for (const auto& m : t.members()) {
      const ImVec2* s = at(m.state());
      if (!s || m.state() == hub) continue;
      ImVec2 a = *h, b = *s;
      offset_line(a, b, offset);
      draw->AddLine(a, b, treaty_type_color(t.type()), thickness);
    }
    draw->AddCircleFilled(*h, 4.0f, treaty_type_color(t.type()));
  }
  // Arrows of each kind keep to a lane of their own, so none lies on another.
  for (const auto& s : view.sanctions())
    if (const ImVec2* a = at(s.sanctioner()), *b = at(s.target()); a && b)
      arrow(draw, *a, *b, kPurple, 1.5f, true, 10.0f);
  if (const ImVec2* me = at(view.own().id()))
    for (const auto& rel : view.own().relations())
      if (rel.coercion() > 0)
        if (const ImVec2* from = at(rel.other()))
          arrow(draw, *from, *me, IM_COL32(235, 70, 60, 230),
                std::min(6.0f, 1.5f + 0.8f * static_cast<float>(rel.coercion())), false, 0.0f);
  const auto status_arrows = [&](const std::string& holder, const auto& relations) {
    const ImVec2* small = at(holder);
    if (!small) return;
    for (const auto& rel : relations)
      if (rel.finland_status() != pb::INDEPENDENT)
        if (const ImVec2* power = at(rel.other()))
          arrow(draw, *power, *small,
                rel.finland_status() == pb::FINLANDIZED ? kVermillion : kOrange, 2.0f, true, -8.0f);
  };
  status_arrows(view.own().id(), view.own().relations());
  for (const auto& o : view.others()) status_arrows(o.id(), o.public_relations());

  std::string hovered;
  if (hovered_canvas)
    hovered = territory_at(map, camera.map_x(io.MousePos.x, c.x), camera.map_y(io.MousePos.y, c.y));
  for (const auto& t : map.territories()) {
    if (t.state() == view.own().id()) outline(draw, t, camera, c, kOwnOutline, 2.5f, scratch);
    if (t.state() == selected) outline(draw, t, camera, c, kSelectedOutline, 3.0f, scratch);
    if (t.state() == hovered)
      outline(draw, t, camera, c, IM_COL32(255, 255, 255, 150), 1.5f, scratch);
  }

  // Labels: the viewer's and the selection's first, then the larger economies; a label with no
  // room is left out rather than drawn over another.
  std::vector<LabelBox> boxes;
  std::vector<std::string> texts;
  for (const auto& t : map.territories()) {
    const ImVec2 p = anchor[t.state()];
    const std::string name = name_of(view, t.state());
    const float name_width = ImGui::CalcTextSize(name.c_str()).x;
    // The full name once the territory is wide enough on screen to hold it.
    float min_x = 1e9f, max_x = -1e9f;
    for (int i = 0; i + 1 < t.triangles_size(); i += 2)
      min_x = std::min(min_x, t.triangles(i)), max_x = std::max(max_x, t.triangles(i));
    const bool room = (max_x - min_x) * camera.pixels_per_unit > name_width * 1.2f;
    texts.push_back(room ? name : t.state());
    const ImVec2 text = ImGui::CalcTextSize(texts.back().c_str());
    auto g = figures.gdp.find(t.state());
    float priority = g == figures.gdp.end() ? 0.0f : static_cast<float>(g->second);
    if (t.state() == selected) priority += 1e12f;
    if (t.state() == view.own().id()) priority += 2e12f;
    boxes.push_back({p.x, p.y, text.x + 4.0f, text.y + 2.0f, priority});
  }
  const std::vector<float> shifts = place_labels(boxes);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    if (std::isnan(shifts[i])) continue;
    const ImVec2 text = ImGui::CalcTextSize(texts[i].c_str());
    const ImVec2 pos(boxes[i].x - text.x * 0.5f, boxes[i].y + shifts[i] - text.y * 0.5f);
    draw->AddText(ImVec2(pos.x + 1, pos.y + 1), kLabelShadow, texts[i].c_str());
    draw->AddText(pos, kLabel, texts[i].c_str());
  }
  if (show_legend) key(draw, p0, p1, lens, anchor, hovered_canvas);
  if (!map.source().empty() && size.x > 500.0f) {
    const char* credit = "Outlines: Natural Earth";
    if (map.source().rfind("Natural Earth", 0) == 0) {
      const ImVec2 s = ImGui::CalcTextSize(credit);
      draw->AddText(ImVec2(p1.x - s.x - 6.0f, p1.y - s.y - 4.0f), IM_COL32(200, 200, 200, 150),
                    credit);
    }
  }
  draw->PopClipRect();

  if (!hovered.empty() && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    state_tooltip(view, hovered);
  if (released) {
    if (!dragged && !hovered.empty()) selected = hovered;
    dragged = false;
  }
}

}  // namespace hegemon::client
