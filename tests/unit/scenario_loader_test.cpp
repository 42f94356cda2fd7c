// Scenario and ruleset texts into worlds: what a good file builds, and what each kind of bad file
// is told (always "path:line:col: problem", at the line of the offending entry).
#include "shared/scenario_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "shared/io/scenario_files.h"
#include "shared/schema_adapter.h"

namespace hegemon {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPath = "assets/scenarios/test.txtpb";
constexpr const char* kRulesetPath = "assets/rulesets/mini.txtpb";

constexpr const char* kRuleset = R"(name: "mini"
tech_ceiling: 3
power_weight_gdp: 1
threat_weight_power: 1
threat_weight_offense: 1
proximity_distance_scale: 500
estimate_intelligence_scale: 10
estimate_drift_period: 4
estimate_redraw_step: 0.25
guarantee_duration: 4
proposal_lifetime: 2
finland_min_power_ratio: 2
accommodation_leave: 20
accommodation_enter: 30
finlandized_leave: 50
finlandized_enter: 60
growth_floor: -0.1
growth_ceiling: 0.1
territorial_defense_depreciation: 0.05
starting_interoperability: 0.2
)";

constexpr const char* kScenario = R"(name: "test"
title: "Three states"
ruleset: "mini"
start_year: 1950
turns: 10
states {
  id: "AAA"
  name: "Alpha"
  gdp: 1000
  population: 50
  growth: 0.02
  tax_share: 0.3
  territorial_defense: 100
  power_projection: 200
  technology: 1.5
  stability: 60
  reputation: 50
  allocation { territorial_defense: 2000 power_projection: 3000 economy: 3000 welfare: 2000 }
  map_x: 0
  map_y: 0
  relations { other: "BBB" hostility: 5 }
}
states {
  id: "BBB"
  name: "Beta"
  gdp: 100
  population: 5
  growth: 0.03
  tax_share: 0.25
  territorial_defense: 20
  technology: 1
  stability: 70
  reputation: 60
  allocation { territorial_defense: 3000 economy: 3000 welfare: 3000 research: 1000 }
  map_x: 30
  map_y: 40
  relations { other: "AAA" finland_level: 25 }
}
states {
  id: "CCC"
  name: "Gamma"
  gdp: 300
  population: 20
  tax_share: 0.2
  technology: 1
  stability: 50
  reputation: 50
  allocation { economy: 5000 welfare: 5000 }
  map_x: 300
  map_y: 400
}
borders { a: "AAA" b: "BBB" }
distances { a: "BBB" b: "CCC" km: 777 }
starting_treaties { type: MUTUAL_DEFENSE name: "Pact"
                    members: ["AAA", "CCC"] terms { spending_floor_bp: 200 } }
starting_treaties { type: NEUTRALITY members: "BBB" members: "AAA" name: "Friendship" }
events { turn: 3 state: "CCC" headline: "Crisis" gdp_change: -0.05
         hostile_toward: "AAA" hostility: 2 }
objectives { state: "BBB" kind: STAY_INDEPENDENT_OF other: "AAA" value: 50 }
end_conditions { state: "BBB" other: "AAA" description: "Beta is Finlandized" }
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "the test text has no " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// The 1-based line of the first occurrence of `marker` in `text`.
int line_of(const std::string& text, const std::string& marker) {
  const std::size_t at = text.find(marker);
  EXPECT_NE(at, std::string::npos) << "the test text has no " << marker;
  int line = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

std::string scenario_error(const std::string& text) {
  try {
    load_world(text, kPath, parse_ruleset(kRuleset, kRulesetPath), 1);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  ADD_FAILURE() << "the scenario was accepted";
  return "";
}

std::string ruleset_error(const std::string& text) {
  try {
    parse_ruleset(text, kRulesetPath);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  ADD_FAILURE() << "the ruleset was accepted";
  return "";
}

/// True when `message` has a line "path:<line>:...: ...<words>...".
::testing::AssertionResult says_at(const std::string& message, const std::string& path, int line,
                                   const std::string& words) {
  const std::string place = path + ":" + std::to_string(line) + ":";
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    const std::string one = message.substr(start, end - start);
    if (one.rfind(place, 0) == 0 && one.find(words) != std::string::npos)
      return ::testing::AssertionSuccess();
    start = end + 1;
  }
  return ::testing::AssertionFailure()
         << "expected \"" << place << "...: ..." << words << "...\" in:\n" << message;
}

// --- A good scenario ------------------------------------------------------------------------

TEST(ScenarioLoader, BuildsTheWorldAtTurnZero) {
  const World world = load_world(kScenario, kPath, parse_ruleset(kRuleset, kRulesetPath), 77);
  ASSERT_EQ(world.size(), 3);
  EXPECT_EQ(world.states[0].id, "AAA");
  EXPECT_EQ(world.states[2].name, "Gamma");
  EXPECT_EQ(world.turn, 0);
  EXPECT_EQ(world.seed, 77u);
  EXPECT_EQ(world.ruleset.name(), "mini");

  ASSERT_EQ(world.states[1].relations.size(), 3u);
  EXPECT_DOUBLE_EQ(world.states[1].relations[0].finland_level, 25);
  EXPECT_DOUBLE_EQ(world.states[0].relations[1].hostility, 5);
  EXPECT_DOUBLE_EQ(world.states[2].relations[0].hostility, 0);

  EXPECT_TRUE(world.map().borders[0][1]);
  EXPECT_TRUE(world.map().borders[1][0]);
  EXPECT_FALSE(world.map().borders[0][2]);
  EXPECT_DOUBLE_EQ(world.map().distance[0][1], 0);      // neighbours
  EXPECT_DOUBLE_EQ(world.map().distance[2][1], 777);    // explicit
  EXPECT_DOUBLE_EQ(world.map().distance[0][2], 6000);   // 500 map units x 12 km
  EXPECT_DOUBLE_EQ(world.map().distance[1][1], 0);

  ASSERT_EQ(world.treaties.size(), 2u);
  EXPECT_EQ(world.treaties[0].id, 1);
  EXPECT_EQ(world.treaties[1].id, 2);
  EXPECT_EQ(world.next_treaty_id, 3);
  EXPECT_EQ(world.treaties[0].type, TreatyType::MutualDefense);
  EXPECT_EQ(world.treaties[0].terms.spending_floor_bp, 200);
  EXPECT_DOUBLE_EQ(world.treaties[0].interoperability, 0.2);
  EXPECT_DOUBLE_EQ(world.treaties[1].interoperability, 0);
  EXPECT_DOUBLE_EQ(world.treaties[1].cohesion, 1);
  EXPECT_EQ(world.treaties[1].signed_turn, 0);
  EXPECT_TRUE(world.treaties[1].has_member(0));
  EXPECT_TRUE(world.treaties[1].member(1)->compliant);

  EXPECT_EQ(world.scenario.name, "test");
  EXPECT_EQ(world.scenario.ruleset_name, "mini");
  EXPECT_EQ(world.scenario.start_year, 1950);
  EXPECT_FALSE(world.scenario.quarterly);
  EXPECT_EQ(world.scenario.turns, 10);
  ASSERT_EQ(world.scenario.events.size(), 1u);
  EXPECT_EQ(world.scenario.events[0].state, 2);
  EXPECT_EQ(world.scenario.events[0].hostile_toward, 0);
  EXPECT_EQ(world.scenario.objectives[0].kind, ObjectiveKind::StayIndependentOf);
  EXPECT_EQ(world.scenario.end_conditions[0].other, 0);
  EXPECT_EQ(world.scenario.start_gdp, (std::vector<double>{1000, 100, 300}));

  EXPECT_EQ(world.scores.size(), 3u);
  EXPECT_EQ(world.threat.n, 3);
  EXPECT_EQ(world.threat.cells.size(), 9u);
}

TEST(ScenarioLoader, LoadedWorldSurvivesTheSchemaRoundTrip) {
  const World world = load_world(kScenario, kPath, parse_ruleset(kRuleset, kRulesetPath), 5);
  const pb::World first = to_proto(world);
  const pb::World second = to_proto(world_from_proto(first));
  std::string a, b;
  ASSERT_TRUE(first.SerializeToString(&a));
  ASSERT_TRUE(second.SerializeToString(&b));
  EXPECT_EQ(a, b);
}

TEST(ScenarioLoader, ReadsTheRulesetName) {
  EXPECT_EQ(scenario_ruleset_name(kScenario, kPath), "mini");
  EXPECT_TRUE(says_at(
      [] {
        try {
          scenario_ruleset_name("name: \"x\"\nturns: 3 4\n", kPath);
        } catch (const ScenarioError& error) {
          return std::string(error.what());
        }
        return std::string();
      }(),
      kPath, 2, ""));
  EXPECT_THROW(scenario_ruleset_name("name: \"x\"\n", kPath), ScenarioError);
  EXPECT_THROW(scenario_ruleset_name("ruleset: \"../../etc/passwd\"\n", kPath), ScenarioError);
}

// --- Bad scenarios ----------------------------------------------------------------------------

TEST(ScenarioLoader, SyntaxErrorNamesPathAndLine) {
  const std::string text = replaced(kScenario, "  gdp: 100\n", "  gdp: 100 {\n");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "gdp: 100 {"), ""));
}

TEST(ScenarioLoader, UnknownFieldNamesPathLineAndField) {
  const std::string text = replaced(kScenario, "  population: 5\n", "  populace: 5\n");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "populace"), "populace"));
}

TEST(ScenarioLoader, AllocationMustSumToTenThousandAtTheLineOfThatState) {
  const std::string text =
      replaced(kScenario, "research: 1000 }", "research: 800 }");  // Beta's allocation
  const std::string message = scenario_error(text);
  const int line = line_of(text, "research: 800 }");
  EXPECT_TRUE(says_at(message, kPath, line,
                      "state \"BBB\": allocation sums to 9800 basis points; it must sum to 10000"));
  EXPECT_NE(message.find(std::string(kPath) + ":" + std::to_string(line) + ":3: "),
            std::string::npos)
      << message;
}

TEST(ScenarioLoader, DuplicateStateId) {
  const std::string text = replaced(kScenario, "id: \"CCC\"", "id: \"AAA\"");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "name: \"Gamma\"") - 1,
                      "\"AAA\" is already used"));
}

TEST(ScenarioLoader, BadStateIdAndValuesOutOfRange) {
  std::string text = replaced(kScenario, "id: \"CCC\"", "id: \"ccc\"");
  text = replaced(text, "gdp: 300", "gdp: -300");
  text = replaced(text, "stability: 70", "stability: 170");
  text = replaced(text, "technology: 1.5", "technology: 4");
  text = replaced(text, "tax_share: 0.25", "tax_share: 0.9");
  const std::string message = scenario_error(text);
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "\"ccc\""), "A-Z, 0-9 or _"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "gdp: -300"), "gdp is -300"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "stability: 170"), "between 0 and 100"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "technology: 4"), "at most 3"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "tax_share: 0.9"), "tax_share"));
}

TEST(ScenarioLoader, UnknownStateInABorder) {
  const std::string text = replaced(kScenario, "borders { a: \"AAA\" b: \"BBB\" }",
                                    "borders { a: \"AAA\" b: \"XYZ\" }");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "b: \"XYZ\""), "\"XYZ\""));
}

TEST(ScenarioLoader, DuplicateBorderAndBadDistance) {
  std::string text = replaced(kScenario, "distances { a: \"BBB\" b: \"CCC\" km: 777 }",
                              "borders { a: \"BBB\" b: \"AAA\" }\n"
                              "distances { a: \"BBB\" b: \"BBB\" km: 0 }");
  const std::string message = scenario_error(text);
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "borders { a: \"BBB\""), "already listed"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "distances {"), "km is 0"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "distances {"), "to itself"));
}

TEST(ScenarioLoader, UnknownMemberInATreaty) {
  const std::string text =
      replaced(kScenario, "members: [\"AAA\", \"CCC\"]", "members: [\"AAA\", \"QQQ\"]");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "\"QQQ\""),
                      "starting treaty \"Pact\": a member names \"QQQ\""));
}

TEST(ScenarioLoader, NeutralityTreatyWithThreeMembers) {
  const std::string text = replaced(kScenario, "members: \"BBB\" members: \"AAA\"",
                                    "members: \"BBB\" members: \"AAA\" members: \"CCC\"");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "Friendship"),
                      "neutrality treaty binds exactly 2 states; this one lists 3"));
}

TEST(ScenarioLoader, TreatyTermsOutOfRange) {
  const std::string text =
      replaced(kScenario, "terms { spending_floor_bp: 200 }", "terms { spending_floor_bp: 6000 }");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "6000"), "spending_floor_bp"));
}

TEST(ScenarioLoader, EventTurnOutOfRange) {
  const std::string text = replaced(kScenario, "events { turn: 3", "events { turn: 11");
  EXPECT_TRUE(says_at(scenario_error(text), kPath, line_of(text, "turn: 11"),
                      "turn is 11; it must be between 1 and 10"));
}

TEST(ScenarioLoader, ObjectiveAndEndConditionNeedKnownStates) {
  std::string text = replaced(kScenario, "kind: STAY_INDEPENDENT_OF other: \"AAA\"",
                              "kind: STAY_INDEPENDENT_OF");
  text = replaced(text, "end_conditions { state: \"BBB\" other: \"AAA\"",
                  "end_conditions { state: \"BBB\" other: \"DDD\"");
  const std::string message = scenario_error(text);
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "objectives"), "other names no state"));
  EXPECT_TRUE(says_at(message, kPath, line_of(text, "end_conditions"), "\"DDD\""));
}

TEST(ScenarioLoader, HeaderRules) {
  const std::string text = R"(title: "nothing"
turns: 500
states { id: "AAA" name: "A" gdp: 1 population: 1 tax_share: 0.1 technology: 1
  allocation { economy: 10000 } }
)";
  const std::string message = scenario_error(text);
  EXPECT_TRUE(says_at(message, kPath, 1, "the scenario has no name"));
  EXPECT_TRUE(says_at(message, kPath, 1, "names no ruleset"));
  EXPECT_TRUE(says_at(message, kPath, 2, "turns is 500"));
  EXPECT_TRUE(says_at(message, kPath, 3, "at least 2"));
}

TEST(ScenarioLoader, DamagedTextIsRefusedNeverTrusted) {
  const Ruleset ruleset = parse_ruleset(kRuleset, kRulesetPath);
  const std::string good = kScenario;
  // Deterministic damage: drop one character, or turn it into another, all along the file.
  for (std::size_t at = 0; at < good.size(); at += 2) {
    for (const std::string& damaged :
         {std::string(good).erase(at, 1), std::string(good).replace(at, 1, "9"),
          std::string(good).replace(at, 1, "\"")}) {
      try {
        const World world = load_world(damaged, kPath, ruleset, 1);
        EXPECT_EQ(world.scores.size(), world.states.size());
      } catch (const ScenarioError& error) {
        EXPECT_EQ(std::string(error.what()).rfind(kPath, 0), 0u) << error.what();
      }
    }
  }
}

// --- Bad rulesets -----------------------------------------------------------------------------

TEST(ScenarioLoader, RulesetParsesAndKeepsItsValues) {
  const Ruleset ruleset = parse_ruleset(kRuleset, kRulesetPath);
  EXPECT_EQ(ruleset.name(), "mini");
  EXPECT_DOUBLE_EQ(ruleset.tech_ceiling(), 3);
  EXPECT_DOUBLE_EQ(ruleset.growth_floor(), -0.1);
}

TEST(ScenarioLoader, RulesetThresholdsOutOfOrder) {
  const std::string text =
      replaced(kRuleset, "finlandized_enter: 60", "finlandized_enter: 40");
  EXPECT_TRUE(says_at(ruleset_error(text), kRulesetPath, line_of(text, "accommodation_enter"),
                      "thresholds must be ordered"));
}

TEST(ScenarioLoader, RulesetNegativeConstant) {
  const std::string text = std::string(kRuleset) + "influence_decay: -0.5\n";
  EXPECT_TRUE(says_at(ruleset_error(text), kRulesetPath, line_of(text, "influence_decay"),
                      "influence_decay is -0.5; it must be between 0 and 1"));
}

TEST(ScenarioLoader, RulesetFractionAboveOneAndMissingScale) {
  std::string text = replaced(kRuleset, "territorial_defense_depreciation: 0.05",
                              "territorial_defense_depreciation: 1.5");
  text = replaced(text, "proximity_distance_scale: 500\n", "");
  text = replaced(text, "finland_min_power_ratio: 2", "finland_min_power_ratio: 0.5");
  const std::string message = ruleset_error(text);
  EXPECT_TRUE(says_at(message, kRulesetPath, line_of(text, "depreciation"),
                      "territorial_defense_depreciation is 1.5; it must be between 0 and 1"));
  EXPECT_TRUE(says_at(message, kRulesetPath, 1, "proximity_distance_scale is 0"));
  EXPECT_TRUE(says_at(message, kRulesetPath, line_of(text, "finland_min_power_ratio"),
                      "greater than 1"));
}

TEST(ScenarioLoader, RulesetSyntaxAndUnknownField) {
  EXPECT_TRUE(says_at(ruleset_error(std::string(kRuleset) + "tech_ceilin: 4\n"), kRulesetPath,
                      line_of(std::string(kRuleset) + "tech_ceilin: 4\n", "tech_ceilin:"),
                      "tech_ceilin"));
  EXPECT_TRUE(says_at(ruleset_error("name: \"x\"\ntech_ceiling: \"high\"\n"), kRulesetPath, 2, ""));
}

// --- Files ------------------------------------------------------------------------------------

/// A throwaway assets folder for one test.
class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("hegemon-" + std::string(test->name()) + "-" + std::to_string(std::random_device{}()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "scenarios");
    fs::create_directories(dir_ / "rulesets");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const fs::path& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }

  std::string assets() const { return dir_.string(); }

  fs::path dir_;
};

TEST_F(ScenarioFiles, LoadsByNameAndByPath) {
  write("scenarios/three.txtpb", kScenario);
  write("rulesets/mini.txtpb", kRuleset);
  const World by_name = load_scenario_file("three", 3, assets());
  EXPECT_EQ(by_name.size(), 3);
  EXPECT_EQ(by_name.seed, 3u);
  const World by_path = load_scenario_file((dir_ / "scenarios/three.txtpb").string(), 3, assets());
  EXPECT_EQ(by_path.states[1].id, "BBB");
}

TEST_F(ScenarioFiles, PrefersTheRulesetBesideTheScenario) {
  write("course/scenarios/three.txtpb", kScenario);
  write("course/rulesets/mini.txtpb", replaced(kRuleset, "tech_ceiling: 3", "tech_ceiling: 2.5"));
  write("rulesets/mini.txtpb", kRuleset);
  const World world =
      load_scenario_file((dir_ / "course/scenarios/three.txtpb").string(), 1, assets());
  EXPECT_DOUBLE_EQ(world.ruleset.tech_ceiling(), 2.5);
}

TEST_F(ScenarioFiles, MissingScenarioListsTheAvailableOnes) {
  write("scenarios/baltic.txtpb", kScenario);
  write("scenarios/cold_war.txtpb", kScenario);
  write("scenarios/notes.md", "not a scenario");
  EXPECT_EQ(list_scenarios(assets()), (std::vector<std::string>{"baltic", "cold_war"}));
  try {
    load_scenario_file("nordic", 1, assets());
    FAIL() << "a missing scenario was found";
  } catch (const ScenarioError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("\"nordic\""), std::string::npos) << message;
    EXPECT_NE(message.find("baltic, cold_war"), std::string::npos) << message;
  }
  EXPECT_THROW(load_scenario_file((dir_ / "nowhere.txtpb").string(), 1, assets()),
               ScenarioError);
}

TEST_F(ScenarioFiles, MissingRulesetIsNamed) {
  write("scenarios/three.txtpb", kScenario);
  try {
    load_scenario_file("three", 1, assets());
    FAIL() << "a scenario without its ruleset was loaded";
  } catch (const ScenarioError& error) {
    EXPECT_NE(std::string(error.what()).find("\"mini\""), std::string::npos) << error.what();
  }
}

TEST_F(ScenarioFiles, ErrorsNameTheFileTheyAreIn) {
  write("scenarios/three.txtpb", replaced(kScenario, "turns: 10", "turns: 0"));
  write("rulesets/mini.txtpb", kRuleset);
  try {
    load_scenario_file("three", 1, assets());
    FAIL() << "a scenario with no turns was loaded";
  } catch (const ScenarioError& error) {
    EXPECT_TRUE(says_at(error.what(), (dir_ / "scenarios" / "three.txtpb").string(),
                        line_of(kScenario, "turns: 10"), "turns is 0"));
  }
}

TEST(ShippedScenarios, EveryScenarioLoadsWithItsRuleset) {
  const std::vector<std::string> names = list_scenarios();
  if (names.empty()) GTEST_SKIP() << "no scenarios under " << HEGEMON_ASSETS_DIR;
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    try {
      const World world = load_scenario_file(name, 1);
      EXPECT_GE(world.size(), 2);
      const pb::World saved = to_proto(world);
      std::string a, b;
      ASSERT_TRUE(saved.SerializeToString(&a));
      ASSERT_TRUE(to_proto(world_from_proto(saved)).SerializeToString(&b));
      EXPECT_EQ(a, b);
    } catch (const ScenarioError& error) {
      ADD_FAILURE() << error.what();
    }
  }
}

}  // namespace
}  // namespace hegemon
