// The compact history: the start world once, then per turn only what changed, from which a
// reader recovers the treaties in force and the relations at any turn.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sim/compact_history.h"
#include "sim/match_play.h"
#include "sim/start_world.h"

namespace hegemon::sim {
namespace {

using google::protobuf::Value;

Value parse(const std::string& line) {
  Value v;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &v).ok()) << line.substr(0, 200);
  return v;
}

const Value& key(const Value& object, const std::string& name) {
  const auto& fields = object.struct_value().fields();
  const auto it = fields.find(name);
  static const Value kMissing;
  EXPECT_NE(it, fields.end()) << name;
  return it == fields.end() ? kMissing : it->second;
}

/// Writes the history line while the match is played, and keeps the worlds to compare with.
class Recorder : public MatchObserver {
 public:
  void start(const World& w) override {
    line = std::make_unique<MatchHistoryLine>(3, w);
    worlds.push_back(w);
  }
  void turn(const TurnPlay& play) override {
    line->add_turn(play.result.world, play.result.journal);
    worlds.push_back(play.result.world);
  }
  std::unique_ptr<MatchHistoryLine> line;
  std::vector<World> worlds;
};

TEST(CompactHistory, TheChangesAddUpToTheWorldOfEveryTurn) {
  SimOptions o;
  o.scenario = "cold_war_1949";
  World start = start_world(o, HEGEMON_ASSETS_DIR);
  start.seed = 5;
  Recorder recorder;
  const World last = play_match(start, 12, recorder);
  const Value match = parse(recorder.line->finish(last));
  EXPECT_EQ(key(match, "match").number_value(), 3);
  EXPECT_EQ(key(match, "seed").string_value(), "5");
  const auto& turns = key(match, "turns").list_value().values();
  ASSERT_EQ(static_cast<size_t>(turns.size()), recorder.worlds.size());

  std::map<int, int> in_force;  // treaty id -> members, carried forward turn by turn
  std::map<std::pair<int, int>, double> levels;
  for (int t = 0; t < turns.size(); ++t) {
    const World& w = recorder.worlds[static_cast<size_t>(t)];
    EXPECT_EQ(key(turns[t], "turn").number_value(), w.turn);
    for (const Value& tr : key(turns[t], "treaties").list_value().values())
      in_force[static_cast<int>(key(tr, "id").number_value())] =
          key(tr, "members").list_value().values_size();
    for (const Value& id : key(turns[t], "treaties_ended").list_value().values())
      in_force.erase(static_cast<int>(id.number_value()));
    for (const Value& r : key(turns[t], "relations").list_value().values()) {
      const auto& v = r.list_value().values();
      levels[{static_cast<int>(v[0].number_value()), static_cast<int>(v[1].number_value())}] =
          v[3].number_value();
    }
    ASSERT_EQ(in_force.size(), w.treaties.size()) << "turn " << t;
    for (const Treaty& treaty : w.treaties)
      EXPECT_EQ(in_force[treaty.id], static_cast<int>(treaty.members.size())) << "turn " << t;
    for (int s = 0; s < w.size(); ++s)
      for (int p = 0; p < w.size(); ++p) {
        if (p == s) continue;
        EXPECT_NEAR(levels[std::make_pair(s, p)], w.states[s].relations[p].finland_level, 5e-4)
            << "turn " << t << " " << w.states[s].id << "->" << w.states[p].id;
      }
    const auto& gdp = key(turns[t], "gdp").list_value().values();
    ASSERT_EQ(gdp.size(), w.size());
    EXPECT_NEAR(gdp[0].number_value(), w.states[0].gdp, 5e-4);
  }
}

TEST(CompactHistory, TheStartLineHoldsTheScenarioOnce) {
  SimOptions o;
  o.scenario = "tutorial";
  const World start = start_world(o, HEGEMON_ASSETS_DIR);
  const std::string line = history_start_line(start);
  ASSERT_EQ(line.back(), '\n');
  const Value v = parse(line);
  EXPECT_EQ(key(v, "format").string_value(), "hegemon-sim history 1");
  const Value& world = key(v, "start");
  EXPECT_EQ(key(world, "states").list_value().values_size(), start.size());
  EXPECT_EQ(key(world, "distance_km").list_value().values_size(), start.size() * start.size());
}

}  // namespace
}  // namespace hegemon::sim
