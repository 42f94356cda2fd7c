#include "client/app/panels/line_chart.h"

#include <algorithm>
#include <cmath>

#include "client/app/panels/labels.h"

namespace hegemon::client {

void line_chart(const char* id, const std::vector<ChartLine>& lines, const ChartScale& scale,
                float width, float height) {
  std::size_t points = 0;
  float top = scale.fixed_top;
  for (const ChartLine& l : lines) {
    points = std::max(points, l.values.size());
    if (scale.fixed_top <= 0)
      for (float v : l.values) top = std::max(top, v);
  }
  if (top <= 0) top = 1;
  // A little room above the highest value, so that a line at the top is seen as a line.
  if (scale.fixed_top <= 0) top *= 1.08f;
  const float line = ImGui::GetTextLineHeight();
  const std::string top_label = fixed(top, scale.decimals) + " " + scale.unit;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float axis = ImGui::CalcTextSize(top_label.c_str()).x + 6.0f;
  const ImVec2 origin(p0.x + axis, p0.y + height - line - 4.0f);
  const ImVec2 corner(p0.x + width - ImGui::CalcTextSize("MMM").x, p0.y + line * 0.5f);
  ImGui::InvisibleButton(id, ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 axis_color = IM_COL32(150, 150, 150, 255);
  const ImU32 grid = IM_COL32(90, 90, 90, 90);
  draw->AddLine(origin, ImVec2(corner.x, origin.y), axis_color);
  draw->AddLine(origin, ImVec2(origin.x, corner.y), axis_color);
  const float mid_y = (origin.y + corner.y) * 0.5f;
  draw->AddLine(ImVec2(origin.x, corner.y), ImVec2(corner.x, corner.y), grid);
  draw->AddLine(ImVec2(origin.x, mid_y), ImVec2(corner.x, mid_y), grid);
  draw->AddText(ImVec2(p0.x, corner.y - line * 0.5f), axis_color, top_label.c_str());
  draw->AddText(ImVec2(p0.x, mid_y - line * 0.5f), axis_color,
                fixed(top * 0.5f, scale.decimals).c_str());
  draw->AddText(ImVec2(p0.x, origin.y - line), axis_color, "0");
  draw->AddText(ImVec2(origin.x, origin.y + 2.0f), axis_color, scale.first.c_str());
  draw->AddText(ImVec2(corner.x - ImGui::CalcTextSize(scale.last.c_str()).x, origin.y + 2.0f),
                axis_color, scale.last.c_str());
  if (points < 2) {
    draw->AddText(ImVec2(origin.x + 6.0f, mid_y - line * 0.5f), axis_color,
                  "the lines appear once a turn has resolved");
    return;
  }
  const auto x_of = [&](std::size_t k) {
    return origin.x +
           (corner.x - origin.x) * static_cast<float>(k) / static_cast<float>(points - 1);
  };
  const auto y_of = [&](float v) {
    return origin.y - (origin.y - corner.y) * std::clamp(v / top, 0.0f, 1.0f);
  };
  std::vector<ImVec2> xy;
  for (const ChartLine& l : lines) {
    if (l.values.size() < 2) continue;
    xy.clear();
    for (std::size_t k = 0; k < l.values.size(); ++k) xy.emplace_back(x_of(k), y_of(l.values[k]));
    draw->AddPolyline(xy.data(), static_cast<int>(xy.size()), l.color, 0,
                      l.emphasised ? 2.5f : 1.3f);
    draw->AddText(ImVec2(xy.back().x + 3.0f, xy.back().y - line * 0.5f), l.color, l.label.c_str());
  }
  if (!hovered) return;
  // The turn under the mouse, and every line's value there.
  const float mx = ImGui::GetIO().MousePos.x;
  const auto k = static_cast<std::size_t>(std::clamp(
      std::lround((mx - origin.x) / (corner.x - origin.x) * static_cast<float>(points - 1)), 0L,
      static_cast<long>(points - 1)));
  draw->AddLine(ImVec2(x_of(k), origin.y), ImVec2(x_of(k), corner.y), axis_color);
  ImGui::BeginTooltip();
  ImGui::TextDisabled("%zu turns after %s", k, scale.first.c_str());
  for (const ChartLine& l : lines)
    if (k < l.values.size())
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.color), "%s  %s %s", l.label.c_str(),
                         fixed(l.values[k], scale.decimals + 1).c_str(), scale.unit.c_str());
  ImGui::EndTooltip();
}

}  // namespace hegemon::client
