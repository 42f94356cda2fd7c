// The validation experiments in small: the same code as ./hegemon validate on tens of matches,
// asserting the directions the theory predicts, and that the document depends only on the seed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared/bots/bot.h"
#include "sim/start_world.h"
#include "validate/guarantee_variant.h"
#include "validate/headlines.h"
#include "validate/mixed_doctrines.h"
#include "validate/report.h"
#include "validate/statistics.h"
#include "validate/threat_response.h"
#include "validate/validation_run.h"

namespace hegemon::validate {
namespace {

std::vector<ScenarioFindings> run_all(const ValidationPlan& plan) {
  std::vector<ScenarioFindings> out;
  for (const ScenarioSetup& setup : validation_scenarios())
    out.push_back(run_scenario(setup, plan, [](int) {}));
  return out;
}

ValidationPlan small_plan(int matches, int jobs) {
  ValidationPlan plan;
  plan.matches = matches;
  plan.jobs = jobs;
  return plan;
}

World cold_war() {
  sim::SimOptions o;
  o.scenario = "cold_war_1949";
  return sim::start_world(o, HEGEMON_ASSETS_DIR);
}

TEST(Validation, TheDirectionsOfTheTheoryHoldOnASmallRun) {
  const std::vector<ScenarioFindings> findings = run_all(small_plan(40, 2));
  const Headlines h = headlines(findings);

  // (a) Walt: balancing dominates, and the weakest bandwagon more than the strongest.
  ASSERT_GT(h.all.state_turns, 0);
  EXPECT_GT(h.all.balancing, h.all.bandwagoning);
  ASSERT_GT(h.weakest.state_turns, 0);
  ASSERT_GT(h.strongest.state_turns, 0);
  EXPECT_GT(h.weakest.bandwagoning, h.strongest.bandwagoning);

  // (b) The security dilemma, as the verdict is made: within the match-turn, a neighbour's
  // build-up moves defense spending more than a distant state's, and does so net of what moves
  // with a build-up the budget has not yet seen. Measured as the bots weigh danger (a build-up
  // in force against the state's own forces), the same holds before the turn is taken out.
  const DilemmaFigures& near = h.dilemma[static_cast<int>(PairGroup::Neighbours)];
  const DilemmaFigures& far = h.dilemma[static_cast<int>(PairGroup::Distant)];
  ASSERT_GT(near.fit.n, 0);
  ASSERT_GT(far.fit.n, 0);
  ASSERT_GT(near.lead_fit.n, 0);
  ASSERT_GT(far.lead_fit.n, 0);
  EXPECT_GT(near.turn_fit.slope(), far.turn_fit.slope());
  EXPECT_GT(near.turn_fit.slope() - near.lead_fit.slope(), 0);
  EXPECT_GT(near.turn_fit.slope() - near.lead_fit.slope(),
            far.turn_fit.slope() - far.lead_fit.slope());
  EXPECT_GT(near.scaled_fit.slope(), far.scaled_fit.slope());

  // (c) A guarantee kept in force does not leave more small states under the power's sway, and
  // it is in force every turn of the variant.
  EXPECT_LE(h.guarantee.guaranteed_pressed, h.guarantee.baseline_pressed);
  EXPECT_LE(h.guarantee.guaranteed_level, h.guarantee.baseline_level);
  for (const auto& sc : findings)
    for (const auto& g : sc.guarantee) EXPECT_GT(g.guaranteed.guaranteed_share.value(), 0.95);

  // (d) Measured: the cold war has blocs, one ratio per match.
  EXPECT_EQ(h.bloc_ratios.size(), 40u);
}

TEST(Validation, TheSameSeedGivesTheSameDocumentWhateverTheJobs) {
  const ValidationPlan one = small_plan(4, 1), two = small_plan(4, 2);
  const std::string a = validation_report(run_all(one), one);
  const std::string b = validation_report(run_all(two), two);
  EXPECT_EQ(a, b);
  ValidationPlan other = two;
  other.seed = kDefaultSeed + 1;
  EXPECT_NE(validation_report(run_all(other), other), a);
}

TEST(Validation, MixedDoctrinesAreDrawnFromTheSeedAndKeepTheDefaultAboutHalfTheTime) {
  const World start = cold_war();
  const std::vector<std::string> names = doctrine_names(start.ruleset);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(mixed_doctrines(start, 7), mixed_doctrines(start, 7));
  long long kept = 0, total = 0;
  std::vector<long long> drawn(names.size(), 0);
  for (std::uint64_t seed = 0; seed < 500; ++seed) {
    const auto doctrines = mixed_doctrines(start, seed);
    ASSERT_EQ(doctrines.size(), static_cast<size_t>(start.size()));
    for (StateIndex s = 0; s < start.size(); ++s) {
      ++total;
      if (doctrines[s] == doctrine_in_force(start, s)) ++kept;
      for (size_t d = 0; d < names.size(); ++d) drawn[d] += doctrines[s] == names[d];
    }
  }
  // The default with probability 1/2 + 1/(2k) for k doctrines.
  const double expected = 0.5 + 0.5 / static_cast<double>(names.size());
  EXPECT_NEAR(static_cast<double>(kept) / static_cast<double>(total), expected, 0.03);
  for (long long n : drawn) EXPECT_GT(n, 0);  // every doctrine is played
}

TEST(Validation, PowerBinsFollowTheirEdges) {
  EXPECT_EQ(power_bin(0.0), 0);
  EXPECT_EQ(power_bin(0.049), 0);
  EXPECT_EQ(power_bin(0.05), 1);
  EXPECT_EQ(power_bin(0.3), 2);
  EXPECT_EQ(power_bin(0.99), 3);
  EXPECT_EQ(power_bin(1.0), kPowerBinCount - 1);
  EXPECT_EQ(power_bin(40.0), kPowerBinCount - 1);
}

TEST(Validation, StatisticsAreTheTextbookOnes) {
  Regression fit;
  for (double x : {0.0, 1.0, 2.0, 3.0}) fit.add(x, 2.0 * x + 1.0);
  EXPECT_NEAR(fit.slope(), 2.0, 1e-12);
  EXPECT_NEAR(fit.correlation(), 1.0, 1e-12);
  Regression flat;
  flat.add(1, 1);
  flat.add(1, 2);
  EXPECT_EQ(flat.slope(), 0);
  EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(quantile({}, 0.5), 0);
}

TEST(Validation, TheGuaranteeVariantAppendsAValidOfferOnlyWhenTheGuaranteeRunsOut) {
  World world = cold_war();
  const StateIndex usa = world.find("USA"), fin = world.find("FIN");
  std::vector<OrderSet> orders(world.size());
  for (StateIndex s = 0; s < world.size(); ++s) orders[s].state = s;
  std::vector<BotDecision> decisions(world.size());
  const sim::OrderAmendment amend = keep_guarantee(usa, fin);
  amend(world, orders, decisions);
  ASSERT_EQ(orders[usa].orders.size(), 1u);
  EXPECT_EQ(std::get<OfferGuarantee>(orders[usa].orders[0]).target, fin);
  EXPECT_EQ(decisions[usa].reasons.size(), 1u);

  // With a guarantee in force beyond the coming turn, nothing is added.
  world.guarantees.push_back({usa, fin, world.turn + 3});
  std::vector<OrderSet> again(world.size());
  for (StateIndex s = 0; s < world.size(); ++s) again[s].state = s;
  amend(world, again, decisions);
  EXPECT_TRUE(again[usa].orders.empty());
  EXPECT_TRUE(guaranteed_in_turn(world, usa, fin));
}

}  // namespace
}  // namespace hegemon::validate
