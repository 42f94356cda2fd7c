// The drawn map's geometry without a window: the shipped territories, which territory a point
// falls in, the camera, and labels that give way to one another.
#include "client/app/panels/territory_map.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "shared/io/scenario_files.h"
#include "shared/rng.h"

namespace hegemon::client {
namespace {

std::string map_path(const std::string& scenario) {
  return std::string(HEGEMON_ASSETS_DIR) + "/maps/" + scenario + ".territories.pb";
}

TEST(TerritoryMap, EveryShippedScenarioHasATerritoryForEachStateHoldingItsOwnLabel) {
  for (const std::string& name : list_scenarios()) {
    const auto map = load_territory_map(map_path(name));
    ASSERT_NE(map, nullptr) << name << ": no drawn map at " << map_path(name);
    EXPECT_EQ(map->scenario(), name);
    const World world = load_scenario_file(name, 1);
    ASSERT_EQ(map->territories_size(), world.size()) << name;
    for (const auto& t : map->territories()) {
      EXPECT_GE(world.find(t.state()), 0) << name << ": " << t.state() << " is no state of it";
      EXPECT_GT(t.triangles_size(), 0) << t.state();
      EXPECT_EQ(t.triangles_size() % 6, 0) << t.state();
      EXPECT_GT(t.outlines_size(), 0) << t.state();
      // The name is written inside the state's own land, not on a neighbour or the sea.
      EXPECT_EQ(territory_at(*map, t.label_x(), t.label_y()), t.state()) << name;
      EXPECT_GE(t.label_x(), 0.0f);
      EXPECT_LE(t.label_x(), map->width());
      EXPECT_GE(t.label_y(), 0.0f);
      EXPECT_LE(t.label_y(), map->height());
    }
  }
}

TEST(TerritoryMap, TheSeaAndAMissingFileBelongToNobody) {
  const auto map = load_territory_map(map_path("tutorial"));
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(territory_at(*map, 1.0f, 1.0f), "");  // the north-west corner is open sea
  EXPECT_EQ(load_territory_map(map_path("no_such_scenario")), nullptr);
}

TEST(TerritoryMap, TheFictionalCellsBorderWhereTheScenarioSaysAndNowhereElse) {
  // Dravia and Linnmark do not border each other in the tutorial; Karvonia borders both.
  const auto map = load_territory_map(map_path("tutorial"));
  ASSERT_NE(map, nullptr);
  const auto shares_a_corner = [&](const std::string& a, const std::string& b) {
    const pb::Territory *ta = nullptr, *tb = nullptr;
    for (const auto& t : map->territories()) {
      if (t.state() == a) ta = &t;
      if (t.state() == b) tb = &t;
    }
    for (const auto& oa : ta->outlines())
      for (int i = 0; i + 1 < oa.xy_size(); i += 2)
        for (const auto& ob : tb->outlines())
          for (int j = 0; j + 1 < ob.xy_size(); j += 2)
            if (std::hypot(oa.xy(i) - ob.xy(j), oa.xy(i + 1) - ob.xy(j + 1)) < 0.5f) return true;
    return false;
  };
  EXPECT_TRUE(shares_a_corner("KAR", "DRV"));
  EXPECT_TRUE(shares_a_corner("KAR", "LIN"));
  EXPECT_FALSE(shares_a_corner("DRV", "LIN"));
  EXPECT_FALSE(shares_a_corner("THA", "DRV"));
}

TEST(MapCamera, FitsTheWholeMapAndZoomsAboutThePointUnderTheMouse) {
  pb::TerritoryMap map;
  map.set_width(1000);
  map.set_height(500);
  MapCamera cam;
  cam.fit(map, 400, 400);
  EXPECT_FLOAT_EQ(cam.pixels_per_unit, 0.4f);  // the width decides
  EXPECT_FLOAT_EQ(cam.screen_x(0, 200), 0.0f);
  EXPECT_FLOAT_EQ(cam.screen_x(1000, 200), 400.0f);
  // The map point under the mouse stays under it through a zoom in and back out.
  const float mx = 130, my = -70;  // from the canvas's centre
  const float ux = cam.map_x(mx, 0), uy = cam.map_y(my, 0);
  cam.zoom_about(3.0f, mx, my);
  EXPECT_NEAR(cam.map_x(mx, 0), ux, 1e-3);
  EXPECT_NEAR(cam.map_y(my, 0), uy, 1e-3);
  EXPECT_FLOAT_EQ(cam.pixels_per_unit, 1.2f);
  cam.pan(40, 0);
  EXPECT_NEAR(cam.map_x(mx + 40, 0), ux, 1e-3);  // the map moved with the drag
}

TEST(Labels, NoneThatIsShownCoversAnotherAndTheMostImportantAreShown) {
  Rng rng(7);
  std::vector<LabelBox> boxes;
  for (int i = 0; i < 60; ++i)
    boxes.push_back({static_cast<float>(rng.uniform() * 300),
                     static_cast<float>(rng.uniform() * 200),
                     30.0f + static_cast<float>(rng.uniform() * 50), 14.0f, static_cast<float>(i)});
  const std::vector<float> shift = place_labels(boxes);
  ASSERT_EQ(shift.size(), boxes.size());
  EXPECT_FALSE(std::isnan(shift[59]));  // the highest priority always has its place
  EXPECT_EQ(shift[59], 0.0f);           // and where it asked for it
  int shown = 0;
  for (std::size_t a = 0; a < boxes.size(); ++a) {
    if (std::isnan(shift[a])) continue;
    ++shown;
    for (std::size_t b = a + 1; b < boxes.size(); ++b) {
      if (std::isnan(shift[b])) continue;
      const bool apart = std::abs(boxes[a].x - boxes[b].x) * 2 >= boxes[a].width + boxes[b].width ||
                         std::abs(boxes[a].y + shift[a] - boxes[b].y - shift[b]) * 2 >=
                             boxes[a].height + boxes[b].height;
      EXPECT_TRUE(apart) << a << " and " << b << " overlap";
    }
  }
  EXPECT_GT(shown, 10);
  EXPECT_LT(shown, 60);  // crowded: some give way
}

}  // namespace
}  // namespace hegemon::client
