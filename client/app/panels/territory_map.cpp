#include "client/app/panels/territory_map.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>

namespace hegemon::client {

std::shared_ptr<const pb::TerritoryMap> load_territory_map(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  auto map = std::make_shared<pb::TerritoryMap>();
  if (!map->ParseFromIstream(&in) || map->width() <= 0 || map->height() <= 0) return nullptr;
  return map;
}

namespace {

bool in_triangle(float px, float py, const float* t) {
  const auto side = [](float ax, float ay, float bx, float by, float x, float y) {
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  };
  const float d1 = side(t[0], t[1], t[2], t[3], px, py);
  const float d2 = side(t[2], t[3], t[4], t[5], px, py);
  const float d3 = side(t[4], t[5], t[0], t[1], px, py);
  const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
  const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

}  // namespace

std::string territory_at(const pb::TerritoryMap& map, float x, float y) {
  for (const auto& t : map.territories()) {
    const float* v = t.triangles().data();
    for (int i = 0; i + 6 <= t.triangles_size(); i += 6)
      if (in_triangle(x, y, v + i)) return t.state();
  }
  return {};
}

void MapCamera::fit(const pb::TerritoryMap& map, float width, float height) {
  centre_x = map.width() * 0.5f;
  centre_y = map.height() * 0.5f;
  pixels_per_unit = std::max(1e-3f, std::min(width / map.width(), height / map.height()));
  fitted = true;
}

void MapCamera::zoom_about(float factor, float px, float py) {
  // The map point under (px, py) stays there: it moves by (p / old - p / new) map units.
  const float before = pixels_per_unit;
  pixels_per_unit = std::clamp(pixels_per_unit * factor, 0.05f, 400.0f);
  centre_x += px / before - px / pixels_per_unit;
  centre_y += py / before - py / pixels_per_unit;
}

void MapCamera::pan(float dx, float dy) {
  centre_x -= dx / pixels_per_unit;
  centre_y -= dy / pixels_per_unit;
}

float MapCamera::screen_x(float x, float canvas_centre_x) const {
  return canvas_centre_x + (x - centre_x) * pixels_per_unit;
}
float MapCamera::screen_y(float y, float canvas_centre_y) const {
  return canvas_centre_y + (y - centre_y) * pixels_per_unit;
}
float MapCamera::map_x(float sx, float canvas_centre_x) const {
  return centre_x + (sx - canvas_centre_x) / pixels_per_unit;
}
float MapCamera::map_y(float sy, float canvas_centre_y) const {
  return centre_y + (sy - canvas_centre_y) / pixels_per_unit;
}

std::vector<float> place_labels(const std::vector<LabelBox>& labels) {
  constexpr float kLeftOut = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> shift(labels.size(), kLeftOut);
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return labels[a].priority > labels[b].priority;
  });
  struct Placed {
    float x0, y0, x1, y1;
  };
  std::vector<Placed> placed;
  const auto overlaps = [&](const Placed& r) {
    return std::any_of(placed.begin(), placed.end(), [&](const Placed& p) {
      return r.x0 < p.x1 && p.x0 < r.x1 && r.y0 < p.y1 && p.y0 < r.y1;
    });
  };
  for (std::size_t i : order) {
    const LabelBox& l = labels[i];
    for (float dy : {0.0f, -l.height, l.height}) {
      const Placed r{l.x - l.width * 0.5f, l.y + dy - l.height * 0.5f, l.x + l.width * 0.5f,
                     l.y + dy + l.height * 0.5f};
      if (overlaps(r)) continue;
      placed.push_back(r);
      shift[i] = dy;
      break;
    }
  }
  return shift;
}

}  // namespace hegemon::client
