// Copying a world: the map is shared between copies and changed only through a copy of its own;
// a turn's copy leaves out the threat matrix it is about to write anew.
#include <gtest/gtest.h>

#include "shared/resolve.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::make_world;
using testing::plain_state;

World three_states() {
  return make_world({plain_state("A"), plain_state("B"), plain_state("C")}, {{0, 1}}, false);
}

TEST(WorldCopy, CopiesShareTheMapUntilOneChangesIt) {
  const World original = three_states();
  World copy = original;
  EXPECT_EQ(&copy.map(), &original.map());
  copy.edit_map().distance[0][2] = 9999;
  EXPECT_NE(&copy.map(), &original.map());
  EXPECT_DOUBLE_EQ(copy.map().distance[0][2], 9999);
  EXPECT_DOUBLE_EQ(original.map().distance[0][2], 3000);
  EXPECT_EQ(copy.map().borders, original.map().borders);
}

TEST(WorldCopy, AWorldOfItsOwnChangesItsMapInPlace) {
  World w = three_states();
  const WorldMap* before = &w.map();
  w.edit_map().distance[1][2] = 1234;
  EXPECT_EQ(&w.map(), before);
}

TEST(WorldCopy, CopyAllButThreatKeepsTheTargetsMatrixAndTakesEverythingElse) {
  World from = three_states();
  from.turn = 4;
  from.next_treaty_id = 9;
  from.end_reason = "because";
  World to;
  to.threat.n = 1;
  to.threat.cells = {42.0};
  copy_all_but_threat(from, to);
  EXPECT_EQ(to.threat.n, 1);
  EXPECT_EQ(to.threat.cells, std::vector<double>{42.0});
  EXPECT_EQ(to.turn, 4);
  EXPECT_EQ(to.next_treaty_id, 9);
  EXPECT_EQ(to.end_reason, "because");
  EXPECT_EQ(to.size(), 3);
  EXPECT_EQ(&to.map(), &from.map());
  EXPECT_EQ(to.scores.size(), from.scores.size());
}

TEST(WorldCopy, AResolvedTurnSharesItsMapAndHasAFullThreatMatrix) {
  const World w = three_states();
  const TurnResult r = resolve_turn(w, {});
  EXPECT_EQ(&r.world.map(), &w.map());
  EXPECT_EQ(r.world.threat.n, 3);
  EXPECT_EQ(r.world.threat.cells.size(), 9u);
}

}  // namespace
}  // namespace hegemon
