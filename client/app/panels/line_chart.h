// A chart of figures over the turns: labelled axes (the period along the bottom, the unit up the
// side), a scale from zero or a fixed one, and one line per state with its name at its end.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace hegemon::client {

struct ChartLine {
  std::string label;  // at the line's end: a state's code
  ImU32 color = 0;
  std::vector<float> values;  // one per turn, from the chart's first turn
  bool emphasised = false;    // drawn thicker: the viewer's own state
};

struct ChartScale {
  std::string unit;         // after the top figure: "bn", "points", ...
  std::string first, last;  // the periods at the two ends ("1949", "1952")
  float fixed_top = 0;      // a 0..fixed_top scale (0: from zero to the highest value)
  int decimals = 0;
};

/// Draws the chart `width` wide and `height` tall at the cursor and moves past it. A tooltip
/// under the mouse gives each line's value at the turn it points at.
void line_chart(const char* id, const std::vector<ChartLine>& lines, const ChartScale& scale,
                float width, float height);

}  // namespace hegemon::client
