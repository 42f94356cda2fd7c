// The drawn map's geometry, apart from the screen: where the camera looks, which territory a
// point falls in, and which labels fit without covering one another. The map panel draws with
// it; the tests check it without a window.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "protocol/map.pb.h"

namespace hegemon::client {

/// Reads a scenario's drawn map (assets/maps/SCENARIO.territories.pb); null when the file is
/// missing or unreadable, for then the map is drawn as positions and lines.
std::shared_ptr<const pb::TerritoryMap> load_territory_map(const std::string& path);

/// Which state's territory holds the map point (x, y): its id, or empty for the sea and the
/// land around.
std::string territory_at(const pb::TerritoryMap& map, float x, float y);

/// The map's camera: the map point shown at the canvas's centre and how many pixels a map unit
/// takes. `fit` shows the whole map; zooming keeps the point under the mouse where it is.
struct MapCamera {
  float centre_x = 0, centre_y = 0;
  float pixels_per_unit = 1;
  bool fitted = false;

  void fit(const pb::TerritoryMap& map, float width, float height);
  /// Zooms by `factor` about the canvas point (px, py), measured from the canvas's centre.
  void zoom_about(float factor, float px, float py);
  /// Moves the map by (dx, dy) pixels.
  void pan(float dx, float dy);
  float screen_x(float x, float canvas_centre_x) const;
  float screen_y(float y, float canvas_centre_y) const;
  float map_x(float sx, float canvas_centre_x) const;
  float map_y(float sy, float canvas_centre_y) const;
};

/// A label that wants room on the map: a box about its centre, and how much it matters.
struct LabelBox {
  float x = 0, y = 0;  // centre
  float width = 0, height = 0;
  float priority = 0;  // higher first (the viewer, the selection, then the largest states)
};

/// Which labels to show so that none covers another: each in turn by priority, shown where it
/// wants to be or nudged just above or below, and left out when neither has room. Returns, per
/// label, the vertical shift it is shown with, or NaN when it is left out.
std::vector<float> place_labels(const std::vector<LabelBox>& labels);

}  // namespace hegemon::client
