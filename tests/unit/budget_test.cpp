// Revenue, treaty contributions and budgets turned into capabilities: what one turn of spending
// buys, computed from the ruleset's own constants on hand-built states.
#include <gtest/gtest.h>

#include "shared/resolve.h"
#include "shared/turn_context.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::add_treaty;
using testing::entry_about;
using testing::make_world;
using testing::next_world;
using testing::orders_for;
using testing::plain_state;
using testing::split;

constexpr double kTight = 1e-9;

TEST(Budget, RevenueIsGdpTimesTaxShareForAYearlyTurn) {
  State rich = plain_state("B", 2000);
  rich.tax_share = 0.25;
  const World after = next_world(make_world({plain_state("A"), rich}));
  EXPECT_NEAR(after.states[0].last_revenue, 1000 * 0.2 * 1.0, kTight);
  EXPECT_NEAR(after.states[1].last_revenue, 2000 * 0.25 * 1.0, kTight);
  EXPECT_NEAR(after.states[0].last_contributions, 0.0, kTight);
}

TEST(Budget, AQuarterlyTurnCollectsAQuarterOfAYearsRevenueAndWearsForcesAQuarterAsMuch) {
  World w = make_world({plain_state("A")});
  w.scenario.quarterly = true;
  const Ruleset& r = w.ruleset;
  const World after = next_world(w);
  const double revenue = 1000 * 0.2 * 0.25;
  EXPECT_NEAR(after.states[0].last_revenue, revenue, kTight);
  // 10 % of the quarter's revenue each on territorial defense and power projection.
  EXPECT_NEAR(after.states[0].territorial_defense,
              100 * (1 - r.territorial_defense_depreciation() * 0.25) +
                  revenue * 0.1 * r.territorial_defense_per_money(),
              kTight);
  EXPECT_NEAR(after.states[0].power_projection,
              100 * (1 - r.power_projection_depreciation() * 0.25) +
                  revenue * 0.1 * r.power_projection_per_money(),
              kTight);
  // Research of 2 % of the quarter's GDP earns a quarter of a year's technology.
  EXPECT_NEAR(after.states[0].technology, 1.0 + r.tech_gain_per_gdp_percent() * 2.0 * 0.25, kTight);
}

TEST(Budget, SpendingFollowsTheBasisPointSplitOfWhatIsLeft) {
  State a = plain_state("A");
  a.allocation = split({2500, 500, 1234, 2766, 1000, 1500, 500});
  const World after = next_world(make_world({a}));
  const Spending& sp = after.states[0].last_spending;
  const int bp[kCategoryCount] = {2500, 500, 1234, 2766, 1000, 1500, 500};
  for (int c = 0; c < kCategoryCount; ++c)
    EXPECT_NEAR(sp.money[c], 200.0 * bp[c] / 10000.0, kTight) << "category " << c;
}

TEST(Budget, ABudgetOrderTakesEffectInTheTurnItIsSent) {
  const World w = make_world({plain_state("A")});
  const Allocation hawk = split({4000, 2000, 1000, 1000, 1000, 500, 500});
  const World after = next_world(w, {orders_for(0, {SetBudget{hawk, false}})});
  EXPECT_EQ(after.states[0].allocation, hawk);
  EXPECT_FALSE(after.states[0].publish_budget);
  EXPECT_NEAR(after.states[0].last_spending[Category::TerritorialDefense], 80.0, kTight);
  EXPECT_NEAR(after.states[0].last_spending[Category::PowerProjection], 40.0, kTight);
}

TEST(Budget, TreatyContributionsAreTakenFirstIntoTheTreatyFund) {
  World w = make_world({plain_state("A"), plain_state("B", 2000), plain_state("C")});
  TreatyTerms terms;
  terms.contribution_bp = 1000;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].last_contributions, 20.0, kTight);
  EXPECT_NEAR(after.states[1].last_contributions, 40.0, kTight);
  EXPECT_NEAR(after.states[2].last_contributions, 0.0, kTight);
  EXPECT_NEAR(after.find_treaty(id)->fund, 60.0, kTight);
  // The own split divides only what is left: 10 % of 180.
  EXPECT_NEAR(after.states[0].last_spending[Category::TerritorialDefense], 18.0, kTight);
  EXPECT_NEAR(after.states[2].last_spending[Category::TerritorialDefense], 20.0, kTight);
}

TEST(Budget, ContributionsOwedBeyondTheWholeRevenueShrinkInProportion) {
  World w = make_world({plain_state("A"), plain_state("B")});
  TreatyTerms heavy;
  heavy.contribution_bp = 6000;
  const int first = add_treaty(w, TreatyType::MutualDefense, {0, 1}, heavy);
  const int second = add_treaty(w, TreatyType::MilitaryAid, {0, 1}, heavy);
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].last_contributions, 200.0, kTight);
  EXPECT_NEAR(after.states[0].last_spending[Category::Welfare], 0.0, kTight);
  // Each treaty gets 6000 / 12000 of each member's 200.
  EXPECT_NEAR(after.find_treaty(first)->fund, 200.0, kTight);
  EXPECT_NEAR(after.find_treaty(second)->fund, 200.0, kTight);
}

TEST(Budget, ForcesAreTheWornStockPlusSpendingTimesTechnology) {
  State a = plain_state("A");
  a.technology = 1.5;
  const World w = make_world({a});
  const Ruleset& r = w.ruleset;
  const World after = next_world(w);
  // 20 on each force; the technology the state had when it spent multiplies what it bought.
  EXPECT_NEAR(after.states[0].territorial_defense,
              100 * (1 - r.territorial_defense_depreciation()) +
                  20 * r.territorial_defense_per_money() * 1.5,
              kTight);
  EXPECT_NEAR(
      after.states[0].power_projection,
      100 * (1 - r.power_projection_depreciation()) + 20 * r.power_projection_per_money() * 1.5,
      kTight);
  EXPECT_NEAR(after.states[0].territorial_defense, 122.0, kTight);
  EXPECT_NEAR(after.states[0].power_projection, 118.0, kTight);
}

TEST(Budget, ForcesWithoutSpendingOnlyWearAway) {
  State a = plain_state("A");
  a.allocation = split({0, 0, 4000, 4000, 1000, 500, 500});
  const World w = make_world({a});
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].territorial_defense,
              100 * (1 - w.ruleset.territorial_defense_depreciation()), kTight);
  EXPECT_NEAR(after.states[0].power_projection,
              100 * (1 - w.ruleset.power_projection_depreciation()), kTight);
}

TEST(Budget, ResearchRaisesTechnologyByTheShareOfGdpItTakes) {
  State a = plain_state("A");
  a.allocation = split({1000, 1000, 1000, 3000, 2500, 1000, 500});  // research 50 = 5 % of GDP
  const World w = make_world({a, plain_state("B")});
  const World after = next_world(w);
  EXPECT_NEAR(after.states[0].technology, 1.0 + w.ruleset.tech_gain_per_gdp_percent() * 5.0,
              kTight);
  EXPECT_NEAR(after.states[1].technology, 1.0 + w.ruleset.tech_gain_per_gdp_percent() * 2.0,
              kTight);
  EXPECT_NEAR(after.states[0].technology, 1.1, kTight);
}

TEST(Budget, TechnologyStopsAtTheCeiling) {
  State a = plain_state("A");
  a.technology = testing::quiet_ruleset().tech_ceiling() - 0.01;
  a.allocation = split({1000, 1000, 0, 2000, 5000, 500, 500});
  const World w = make_world({a});
  const World after = next_world(w);
  EXPECT_DOUBLE_EQ(after.states[0].technology, w.ruleset.tech_ceiling());
}

TEST(Budget, DiplomacyBuysInfluenceWhileOldInfluenceDecays) {
  const World w = make_world({plain_state("A")});
  const Ruleset& r = w.ruleset;
  const World after = next_world(w);
  // 20 spent on diplomacy, which is 10 % of the budget.
  const double gain = 20 * r.influence_per_money() + r.influence_per_budget_percent() * 10.0;
  EXPECT_NEAR(after.states[0].influence, 50 * (1 - r.influence_decay()) + gain, kTight);
  EXPECT_NEAR(after.states[0].influence, 53.5, kTight);
}

TEST(Budget, IntelligenceSpendingBuildsIntelligenceWhileOldIntelligenceDecays) {
  const World w = make_world({plain_state("A")});
  const Ruleset& r = w.ruleset;
  const World after = next_world(w);
  const double gain = 20 * r.intelligence_per_money() + r.intelligence_per_budget_percent() * 10.0;
  EXPECT_NEAR(after.states[0].intelligence, 10 * (1 - r.intelligence_decay()) + gain, kTight);
  EXPECT_NEAR(after.states[0].intelligence, 22.0, kTight);
}

TEST(Budget, MilitaryAidComesOutOfTheProjectionBudgetAndArrivesAsTerritorialDefense) {
  const World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")});
  const Ruleset& r = w.ruleset;
  const auto result = resolve_turn(w, {orders_for(0, {SendMilitaryAid{1, 15}})});
  ASSERT_TRUE(result.results[0][0].accepted) << result.results[0][0].reason;
  const World& after = result.world;
  // The sender bought projection with only 20 - 15.
  EXPECT_NEAR(after.states[0].power_projection,
              100 * (1 - r.power_projection_depreciation()) + 5 * r.power_projection_per_money(),
              kTight);
  EXPECT_NEAR(after.states[0].territorial_defense, after.states[2].territorial_defense, kTight);
  // The receiver gets the aid times the sender's technology (1.04 after this turn's research).
  const double sender_tech = after.states[0].technology;
  EXPECT_NEAR(sender_tech, 1.04, kTight);
  EXPECT_NEAR(after.states[1].territorial_defense,
              after.states[2].territorial_defense + 15 * r.aid_forces_per_money() * sender_tech,
              kTight);
  EXPECT_NEAR(after.states[1].power_projection, after.states[2].power_projection, kTight);
  const JournalEntry* aid = entry_about(result.journal, Topic::Aid, "sent military aid");
  ASSERT_NE(aid, nullptr);
  EXPECT_TRUE(aid->is_public);
}

TEST(Budget, AidOrderedBeyondTheProjectionBudgetIsCutToWhatTheBudgetHolds) {
  // Validation never lets this through; the step guards itself all the same.
  World w = make_world({plain_state("A"), plain_state("B")});
  Journal journal;
  Rng rng(1);
  TurnContext ctx(w, journal, rng);
  ctx.aid_sent[0] = 50;
  collect_revenue(ctx);
  build_capabilities(ctx);
  EXPECT_NEAR(ctx.aid_sent[0], 20.0, kTight);
  EXPECT_NEAR(ctx.spending[0][Category::PowerProjection], 0.0, kTight);
  EXPECT_NEAR(w.states[0].power_projection, 100 * (1 - w.ruleset.power_projection_depreciation()),
              kTight);
  EXPECT_NE(entry_about(journal, Topic::Aid, "could send only 20.0 of the 50.0"), nullptr);
}

TEST(Budget, PooledContributionsBecomeEveryMembersTerritorialDefense) {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")});
  const Ruleset& r = w.ruleset;
  TreatyTerms terms;
  terms.contribution_bp = 1000;
  add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  const World after = next_world(w);
  // Each member spends 18 of its own on territorial defense (technology 1), then the fund of
  // 40 is shared equally and bought at the technology after research (1 + 0.02 x 1.8).
  const double tech = 1.0 + r.tech_gain_per_gdp_percent() * 1.8;
  EXPECT_NEAR(after.states[0].technology, tech, kTight);
  const double own = 100 * (1 - r.territorial_defense_depreciation()) + 18;
  EXPECT_NEAR(after.states[0].territorial_defense, own + 20 * tech, kTight);
  EXPECT_NEAR(after.states[1].territorial_defense, own + 20 * tech, kTight);
  EXPECT_NEAR(after.states[2].territorial_defense,
              100 * (1 - r.territorial_defense_depreciation()) + 20, kTight);
}

TEST(Budget, InteroperabilityMakesPooledMoneyGoFurther) {
  World w = make_world({plain_state("A"), plain_state("B")});
  const Ruleset& r = w.ruleset;
  TreatyTerms terms;
  terms.contribution_bp = 1000;
  add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  w.treaties[0].interoperability = 0.5;
  const World after = next_world(w);
  const double tech = 1.0 + r.tech_gain_per_gdp_percent() * 1.8;
  EXPECT_NEAR(after.states[0].territorial_defense,
              100 * (1 - r.territorial_defense_depreciation()) + 18 + 20 * tech * 1.5, kTight);
}

TEST(Budget, TheTurnsBudgetIsKeptForViewsAndCompliance) {
  const World after = next_world(make_world({plain_state("A")}));
  EXPECT_NEAR(after.states[0].last_spending[Category::Welfare], 60.0, kTight);
  EXPECT_NEAR(after.states[0].last_spending.forces(), 40.0, kTight);
  const World later = next_world(after);
  EXPECT_NEAR(later.states[0].last_revenue, after.states[0].gdp * 0.2, kTight);
}

}  // namespace
}  // namespace hegemon
