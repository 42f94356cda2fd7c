// The scenarios shipped under assets/scenarios: each loads, and plays forty turns (or to its end)
// with a bot of its scenario's doctrine in every seat without breaking a rule: every order a bot sends is
// accepted, budgets balance, stocks stay in range, and no view gives away a private value.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "invariants.h"
#include "shared/io/scenario_files.h"
#include "shared/bots/bot.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/view.h"

namespace hegemon {
namespace {

constexpr int kTurns = 40;

std::vector<std::string> ids_of(const World& w) {
  std::vector<std::string> ids;
  for (const auto& s : w.states) ids.push_back(s.id);
  return ids;
}

TEST(Scenarios, TheShippedScenariosAreListed) {
  const std::vector<std::string> names = list_scenarios();
  for (const char* expected : {"cold_war_1949", "indo_pacific", "tutorial"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
}

TEST(Scenarios, TheColdWarOf1949HasTheGreatPowersAndTheNordicAndCentralEuropeanStates) {
  const World w = load_scenario_file("cold_war_1949", 1);
  EXPECT_GE(w.size(), 10);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"USA", "United States"}, {"SU", "Soviet Union"}, {"UK", "United Kingdom"},
      {"FRA", "France"},        {"FRG", "West Germany"}, {"FIN", "Finland"},
      {"SWE", "Sweden"},        {"NOR", "Norway"},       {"POL", "Poland"}};
  for (const auto& [id, name] : expected) {
    const StateIndex s = w.find(id);
    ASSERT_GE(s, 0) << id;
    EXPECT_EQ(w.states[s].name, name);
  }
  // Finland starts bound to Moscow by its treaty of friendship.
  EXPECT_TRUE(w.share_treaty(w.find("FIN"), w.find("SU"), TreatyType::Neutrality));
}

TEST(Scenarios, TheIndoPacificHasAtLeastEightStates) {
  const World w = load_scenario_file("indo_pacific", 1);
  EXPECT_GE(w.size(), 8);
  for (const char* id : {"USA", "CHN", "JPN", "TWN"})
    EXPECT_GE(w.find(id), 0) << id;
}

TEST(Scenarios, TheTutorialHasExactlyFourStates) {
  const World w = load_scenario_file("tutorial", 1);
  EXPECT_EQ(w.size(), 4) << ::testing::PrintToString(ids_of(w));
}

class ScenarioRun : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioRun, PlaysFortyTurnsWithBotsInEverySeatWithoutBreakingARule) {
  World w = load_scenario_file(GetParam(), 20240601);
  ASSERT_GT(w.size(), 0);
  testing::expect_world_in_bounds(w, "at the start");
  const int turns = std::min(kTurns, w.scenario.turns);
  int played = 0;
  while (played < turns && !w.ended) {
    std::vector<OrderSet> orders;
    for (StateIndex s = 0; s < w.size(); ++s) orders.push_back(play_seat(w, s).orders);
    TurnResult r = resolve_turn(w, orders);
    ++played;
    const std::string where = GetParam() + ", turn " + std::to_string(played);
    testing::expect_one_result_per_order(orders, r, where);
    for (size_t i = 0; i < r.results.size(); ++i)
      for (const auto& v : r.results[i])
        EXPECT_TRUE(v.accepted) << where << ": " << w.states[orders[i].state].name << "'s order "
                                << v.index << " was rejected: " << v.reason;
    testing::expect_budgets_conserved(orders, r, where);
    testing::expect_world_in_bounds(r.world, where);
    if (played == 1) {
      const TurnResult again = resolve_turn(w, orders);
      EXPECT_EQ(testing::deterministic_bytes(to_proto(r.world)),
                testing::deterministic_bytes(to_proto(again.world)))
          << where;
      EXPECT_TRUE(testing::same_journal(r.journal, again.journal)) << where;
    }
    if (played % 10 == 1)
      for (StateIndex viewer : {kSpectator, 0, r.world.size() / 2, r.world.size() - 1})
        testing::expect_view_hides_private_values(r.world, viewer, where);
    if (HasFailure()) return;  // one broken turn says enough
    w = std::move(r.world);
  }
  EXPECT_TRUE(played == turns || !w.end_reason.empty())
      << "stopped after " << played << " turns without a reason";
  EXPECT_EQ(w.turn, played);
}

std::string scenario_name(const ::testing::TestParamInfo<std::string>& param) {
  return param.param;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioRun, ::testing::ValuesIn(list_scenarios()),
                         scenario_name);

}  // namespace
}  // namespace hegemon
