// Stability and domestic politics, scripted events, objectives and the end of a match (the score
// itself is in scoring_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "shared/resolve.h"
#include "shared/scoring.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::entry_about;
using testing::entry_read_by;
using testing::make_world;
using testing::next_world;
using testing::orders_for;
using testing::plain_state;
using testing::split;

constexpr double kTight = 1e-9;

/// Stability after one turn by the rule in domestic.cpp: the turn's welfare and defense spending
/// as shares of the GDP the budget came from (the turn's starting GDP), the growth it had, the sanctioners' share of world
/// GDP, and the pull toward the resting level.
double expected_stability(const Ruleset& r, double stability_before, double gdp_before,
                          const State& after, double sanctioned_share = 0, double y = 1) {
  const double growth = (after.gdp / gdp_before - 1.0) / y;
  const double welfare_pct = after.last_spending[Category::Welfare] / (gdp_before * y) * 100.0;
  const double defense_pct = after.last_spending.forces() / (gdp_before * y) * 100.0;
  const double change = r.stability_per_welfare_gdp_percent() * welfare_pct -
                        r.stability_loss_per_defense_gdp_percent() *
                            std::max(0.0, defense_pct - r.defense_tolerated_gdp_percent()) -
                        r.stability_loss_per_recession_percent() * std::max(0.0, -growth * 100.0) -
                        r.stability_loss_sanctioned() * sanctioned_share +
                        r.stability_reversion() * (r.stability_resting_level() - stability_before);
  return std::clamp(stability_before + change * y, 0.0, 100.0);
}

TEST(Domestic, WelfareSpendingRaisesStability) {
  State generous = plain_state("B");
  generous.allocation = split({1000, 1000, 0, 6000, 1000, 500, 500});
  const World w = make_world({plain_state("A"), generous});
  const Ruleset& r = w.ruleset;
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].stability, expected_stability(r, 60, 1000, after.states[0]), kTight);
  EXPECT_NEAR(after.states[1].stability, expected_stability(r, 60, 1000, after.states[1]), kTight);
  // Plain A: growth 2 % + investment 0.15 % x 4 % of GDP - defense burden 0.3 % x 1 % = 2.3 %;
  // welfare 60 of the GDP of 1000 the budget came from, and a pull of -0.5 toward 55.
  EXPECT_NEAR(after.states[0].gdp, 1023.0, kTight);
  EXPECT_NEAR(after.states[0].stability, 60 + 0.3 * 6000.0 / 1000.0 - 0.5, kTight);
  EXPECT_GT(after.states[1].stability, after.states[0].stability);
}

TEST(Domestic, DefenseAboveTheToleratedShareLowersStability) {
  State hawk = plain_state("A");
  hawk.growth = 0.1;                                                 // keep clear of recession
  hawk.allocation = split({4000, 3000, 1000, 1000, 500, 250, 250});  // forces 14 % of GDP
  const World w = make_world({hawk});
  const Ruleset& r = w.ruleset;
  const TurnResult result = resolve_turn(w, {});
  const State& after = result.world.states[0];
  EXPECT_GT(after.gdp, 1000.0);
  const double defense_pct = 140.0 / 1000.0 * 100.0;
  ASSERT_GT(defense_pct, r.defense_tolerated_gdp_percent());
  EXPECT_NEAR(after.stability, expected_stability(r, 60, 1000, after), kTight);
  EXPECT_NEAR(after.stability, 60 + 0.3 * 2000.0 / 1000.0 - (defense_pct - 4.0) - 0.5, kTight);
  EXPECT_LT(after.stability, 55.0);
  EXPECT_NE(entry_read_by(result.journal, 0, "defense crowding out welfare"), nullptr);
}

TEST(Domestic, ARecessionLowersStability) {
  State slump = plain_state("A");
  slump.growth = -0.05;
  const World w = make_world({slump});
  const Ruleset& r = w.ruleset;
  const TurnResult result = resolve_turn(w, {});
  const State& after = result.world.states[0];
  // Trend -5 %, investment +0.6 %, defense burden -0.3 %: -4.7 %. Forces take exactly the
  // tolerated 4 % of the GDP the budget came from, so only the recession bites.
  EXPECT_NEAR(after.gdp, 953.0, kTight);
  EXPECT_NEAR(after.stability, expected_stability(r, 60, 1000, after), kTight);
  EXPECT_NEAR(after.stability, 60 + 0.3 * 6000.0 / 1000.0 - 1.5 * 4.7 - 0.5, kTight);
  EXPECT_NE(entry_read_by(result.journal, 0, "recession -7.05"), nullptr);
}

TEST(Domestic, BeingSanctionedCostsStability) {
  const World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")});
  const Ruleset& r = w.ruleset;
  const World joined = next_world(w, {orders_for(0, {JoinSanction{1}})});
  const World bitten = next_world(joined);
  EXPECT_NEAR(bitten.states[1].stability,
              expected_stability(r, joined.states[1].stability, joined.states[1].gdp,
                                 bitten.states[1], 1.0 / 3.0),
              kTight);
  EXPECT_LT(bitten.states[1].stability, bitten.states[2].stability);
}

TEST(Domestic, StabilityIsPulledTowardItsRestingLevel) {
  State low = plain_state("A");
  low.stability = 30;
  const World w = make_world({low});
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].stability, 30 + 0.3 * 6000.0 / 1000.0 + 0.1 * (55 - 30), kTight);
}

TEST(Domestic, AGovernmentFallsBelowTheThresholdAndItsSuccessorShiftsTheBudget) {
  State shaky = plain_state("A");
  shaky.stability = 5;  // 5 + 1.74 + 5.0 stays below 20
  const World w = make_world({shaky, plain_state("B")});
  const Ruleset& r = w.ruleset;
  const TurnResult result = resolve_turn(w, {});
  const State& after = result.world.states[0];
  EXPECT_EQ(after.government_changes, 1);
  EXPECT_NEAR(after.stability, r.government_change_reset(), kTight);
  // A centrist government spending less on defense (2000) than on welfare (3000) gives way to a
  // hawkish one, which moves half the cut share of welfare to territorial defense.
  EXPECT_EQ(after.lean, GovernmentLean::Hawkish);
  EXPECT_EQ(after.allocation[Category::Welfare], 3000 - 450);
  EXPECT_EQ(after.allocation[Category::TerritorialDefense], 1000 + 450);
  EXPECT_EQ(after.allocation[Category::PowerProjection], 1000);
  EXPECT_EQ(after.allocation.total(), 10000);
  // The fall is news to everyone.
  const JournalEntry* fall = entry_read_by(result.journal, 1, "The government of State A fell");
  ASSERT_NE(fall, nullptr);
  EXPECT_EQ(fall->topic, Topic::Domestic);
  EXPECT_TRUE(fall->is_public);
  EXPECT_NE(fall->text.find("A hawkish government replaces a centrist one"), std::string::npos)
      << fall->text;
  EXPECT_NE(fall->text.find("from welfare to defense"), std::string::npos) << fall->text;
  // The standing allocation carries the change into the next turn's spending.
  const World next = next_world(result.world);
  EXPECT_NEAR(next.states[0].last_spending[Category::TerritorialDefense],
              after.gdp * 0.2 * 1450 / 10000.0, kTight);
  // The neighbour's government stands.
  EXPECT_EQ(result.world.states[1].government_changes, 0);
}

TEST(Domestic, AFallenHawkishOrHighSpendingGovernmentGivesWayToADovishOne) {
  State hawk = plain_state("A");
  hawk.stability = 0;
  hawk.growth = 0.1;
  hawk.lean = GovernmentLean::Hawkish;
  State centrist = hawk;
  centrist.id = "B";
  centrist.name = "State B";
  centrist.lean = GovernmentLean::Centrist;
  centrist.allocation = split({4000, 3000, 1000, 1000, 500, 250, 250});
  const World after = next_world(make_world({hawk, centrist}));
  for (StateIndex s : {0, 1}) {
    EXPECT_EQ(after.states[s].lean, GovernmentLean::Dovish) << s;
    EXPECT_EQ(after.states[s].government_changes, 1) << s;
    EXPECT_EQ(after.states[s].allocation.total(), 10000) << s;
  }
  // A dove moves 30 % of projection and 15 % of territorial defense to welfare.
  EXPECT_EQ(after.states[0].allocation.bp,
            (std::array<int, 7>{850, 700, 2000, 3450, 1000, 1000, 1000}));
  EXPECT_EQ(after.states[1].allocation.bp,
            (std::array<int, 7>{3400, 2100, 1000, 2500, 500, 250, 250}));
}

TEST(Domestic, AFallenDovishGovernmentGivesWayToAHawkishOne) {
  State dove = plain_state("A");
  dove.stability = 0;
  dove.lean = GovernmentLean::Dovish;
  const World after = next_world(make_world({dove}));
  EXPECT_EQ(after.states[0].lean, GovernmentLean::Hawkish);
  EXPECT_EQ(after.states[0].allocation.bp,
            (std::array<int, 7>{1450, 1000, 2000, 2550, 1000, 1000, 1000}));
}

TEST(Domestic, AGovernmentAboveTheThresholdStands) {
  State steady = plain_state("A");
  steady.stability = 21;
  const World after = next_world(make_world({steady}));
  EXPECT_GE(after.states[0].stability, 20.0);
  EXPECT_EQ(after.states[0].government_changes, 0);
  EXPECT_EQ(after.states[0].lean, GovernmentLean::Centrist);
  EXPECT_EQ(after.states[0].allocation, plain_state("A").allocation);
}

World with_event_on_turn_two() {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")});
  ScenarioEvent e;
  e.turn = 2;
  e.state = 0;
  e.headline = "Oil found offshore";
  e.gdp_change = 0.1;
  e.stability_change = -10;
  e.territorial_defense_change = -0.2;
  e.power_projection_change = 0.5;
  e.technology_change = 0.5;
  e.hostile_toward = 1;
  e.hostility = 30;
  w.scenario.events.push_back(e);
  return w;
}

TEST(Domestic, AScriptedEventAppliesOnItsTurn) {
  const World w = with_event_on_turn_two();
  World control = w;
  control.scenario.events.clear();
  const World turn1 = next_world(w), control1 = next_world(control);
  EXPECT_NEAR(turn1.states[0].gdp, control1.states[0].gdp, kTight);
  EXPECT_NEAR(turn1.states[0].stability, control1.states[0].stability, kTight);
  EXPECT_NEAR(turn1.states[1].relations[0].hostility, 0.0, kTight);

  const TurnResult turn2 = resolve_turn(turn1, {});
  const World control2 = next_world(control1);
  const State& a = turn2.world.states[0];
  EXPECT_NEAR(a.gdp, control2.states[0].gdp * 1.1, kTight);
  EXPECT_NEAR(a.stability, control2.states[0].stability - 10, kTight);
  EXPECT_NEAR(a.territorial_defense, control2.states[0].territorial_defense * 0.8, kTight);
  EXPECT_NEAR(a.power_projection, control2.states[0].power_projection * 1.5, kTight);
  EXPECT_NEAR(a.technology, control2.states[0].technology + 0.5, kTight);
  EXPECT_NEAR(turn2.world.states[1].relations[0].hostility, 30.0, kTight);
  const JournalEntry* news = entry_read_by(turn2.journal, 2, "Oil found offshore");
  ASSERT_NE(news, nullptr);
  EXPECT_EQ(news->topic, Topic::Event);
  EXPECT_TRUE(news->is_public);
  EXPECT_NE(news->text.find("State A: GDP +10.0 %; stability -10.0"), std::string::npos)
      << news->text;
}

TEST(Domestic, AScriptedEventDoesNotRepeatAfterItsTurn) {
  const World turn2 = next_world(next_world(with_event_on_turn_two()));
  const TurnResult turn3 = resolve_turn(turn2, {});
  const Ruleset& r = turn2.ruleset;
  // Only research moves technology now: 2 % of GDP, +0.04.
  EXPECT_NEAR(turn3.world.states[0].technology, turn2.states[0].technology + 0.04, kTight);
  EXPECT_NEAR(turn3.world.states[1].relations[0].hostility, 30.0 * (1 - r.hostility_decay()),
              kTight);
  EXPECT_EQ(entry_about(turn3.journal, Topic::Event), nullptr);
}

TEST(Domestic, ObjectivesAreJudgedOnTheWorldAsItStands) {
  World w = make_world({plain_state("A"), plain_state("B")});
  w.states[0].relations[1].finland_level = 45;
  w.states[1].relations[0].finland_status = FinlandStatus::Finlandized;
  w.states[0].gdp = 1500;
  EXPECT_TRUE(objective_met(w, {0, ObjectiveKind::StayIndependentOf, 1, 50, ""}));
  EXPECT_FALSE(objective_met(w, {0, ObjectiveKind::StayIndependentOf, 1, 45, ""}));
  EXPECT_TRUE(objective_met(w, {0, ObjectiveKind::Finlandize, 1, 0, ""}));
  EXPECT_FALSE(objective_met(w, {1, ObjectiveKind::Finlandize, 0, 0, ""}));
  EXPECT_TRUE(objective_met(w, {0, ObjectiveKind::GdpGrowth, -1, 1.5, ""}));
  EXPECT_FALSE(objective_met(w, {1, ObjectiveKind::GdpGrowth, -1, 1.01, ""}));
  EXPECT_FALSE(objective_met(w, {0, ObjectiveKind::InAllianceWith, 1, 0, ""}));
  testing::add_treaty(w, TreatyType::MutualDefense, {0, 1});
  EXPECT_TRUE(objective_met(w, {0, ObjectiveKind::InAllianceWith, 1, 0, ""}));
  EXPECT_TRUE(objective_met(w, {0, ObjectiveKind::KeepStability, -1, 60, ""}));
  EXPECT_FALSE(objective_met(w, {0, ObjectiveKind::KeepStability, -1, 60.5, ""}));
}

TEST(Domestic, TheMatchEndsAfterItsLastTurn) {
  World w = make_world({plain_state("A"), plain_state("B")});
  w.scenario.turns = 2;
  const World turn1 = next_world(w);
  EXPECT_FALSE(turn1.ended);
  EXPECT_TRUE(turn1.end_reason.empty());
  const TurnResult last = resolve_turn(turn1, {});
  EXPECT_TRUE(last.world.ended);
  EXPECT_EQ(last.world.end_reason, "the last turn (2) was played");
  const JournalEntry* over = entry_about(last.journal, Topic::End);
  ASSERT_NE(over, nullptr);
  EXPECT_TRUE(over->is_public);
  EXPECT_EQ(over->text, "The match is over: the last turn (2) was played.");
}

TEST(Domestic, AnEndConditionEndsTheMatchEarly) {
  World w = make_world({plain_state("A"), plain_state("B")});
  w.scenario.end_conditions.push_back({"Someone reached a score of 1", -1, -1, 1.0});
  const World after = next_world(w);
  EXPECT_EQ(after.turn, 1);
  EXPECT_TRUE(after.ended);
  EXPECT_EQ(after.end_reason, "Someone reached a score of 1");
}

TEST(Domestic, AFinlandizationEndConditionNamesTheStates) {
  World w = make_world({plain_state("A"), plain_state("B")});
  w.scenario.end_conditions.push_back({"", 1, 0, 0});
  EXPECT_EQ(end_reason(w), "");
  w.states[1].relations[0].finland_status = FinlandStatus::Accommodating;
  EXPECT_EQ(end_reason(w), "");
  w.states[1].relations[0].finland_status = FinlandStatus::Finlandized;
  EXPECT_EQ(end_reason(w), "State B is Finlandized toward State A");
}

TEST(Domestic, OrdersAfterTheEndAreAllRejectedAndChangeNothing) {
  World w = make_world({plain_state("A"), plain_state("B")});
  w.scenario.turns = 1;
  const World ended = next_world(w);
  ASSERT_TRUE(ended.ended);
  const TurnResult late = resolve_turn(
      ended, {orders_for(0, {JoinSanction{1}, ApplyPressure{1, PressureKind::Diplomatic, 1}}),
              orders_for(1, {Bandwagon{0}})});
  ASSERT_EQ(late.results.size(), 2u);
  ASSERT_EQ(late.results[0].size(), 2u);
  for (const auto& set : late.results)
    for (const auto& r : set) {
      EXPECT_FALSE(r.accepted);
      EXPECT_EQ(r.reason, "the match has ended (the last turn (1) was played)");
    }
  EXPECT_EQ(late.results[0][1].index, 1);
  EXPECT_EQ(late.world.turn, 1);
  EXPECT_FALSE(late.world.is_sanctioning(0, 1));
  EXPECT_NEAR(late.world.states[0].gdp, ended.states[0].gdp, kTight);
  EXPECT_TRUE(late.journal.entries().empty());
}

}  // namespace
}  // namespace hegemon
