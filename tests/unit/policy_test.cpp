// The built-in policy reproduces Walt's tendency: states mostly balance against the power they
// fear (their own spending, then alliances); only the very weak bandwagon with it.
#include <gtest/gtest.h>

#include <algorithm>

#include "shared/io/scenario_files.h"
#include "shared/policy.h"
#include "shared/resolve.h"
#include "shared/threat.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::make_world;
using testing::plain_state;

template <typename T>
const T* find_order(const OrderSet& set) {
  for (const Order& o : set.orders)
    if (const T* found = std::get_if<T>(&o)) return found;
  return nullptr;
}

int defense_bp(const OrderSet& set) {
  const SetBudget* b = find_order<SetBudget>(set);
  return b ? b->allocation[Category::TerritorialDefense] + b->allocation[Category::PowerProjection]
           : -1;
}

/// A great power (A) bordering two middling states (B, C) that both fear it, each about five
/// times weaker: strong enough to balance.
World great_power_and_two_neighbours() {
  State a = plain_state("A", 8000);
  a.power_projection = 1500;
  a.publish_budget = false;
  return make_world({a, plain_state("B", 1500), plain_state("C", 1500)});
}

TEST(Policy, AThreatenedStateBalancesWithAnotherThatFearsTheSamePower) {
  const World w = great_power_and_two_neighbours();
  ASSERT_EQ(top_threat(w, 1), 0);
  const OrderSet orders = simple_policy(w, 1);
  const ProposeTreaty* pact = find_order<ProposeTreaty>(orders);
  ASSERT_NE(pact, nullptr);
  EXPECT_EQ(pact->type, TreatyType::MutualDefense);
  EXPECT_EQ(pact->members, std::vector<StateIndex>{2});  // C, never A
  EXPECT_EQ(find_order<Bandwagon>(orders), nullptr);
}

TEST(Policy, AMoreThreatenedStateSpendsMoreOnDefense) {
  World calm = make_world({plain_state("A", 1000), plain_state("B", 1000)}, {}, false);
  const World threatened = great_power_and_two_neighbours();
  EXPECT_GT(defense_bp(simple_policy(threatened, 1)), defense_bp(simple_policy(calm, 1)));
}

TEST(Policy, AVeryWeakStateWithNoAllyBandwagonsWithThePowerItFears) {
  State a = plain_state("A", 20000);
  a.power_projection = 4000;
  State d = plain_state("D", 60);
  d.population = 3;
  d.territorial_defense = 10;
  d.power_projection = 0;
  World w = make_world({a, d});
  w.states[1].relations[0].finland_level = 35;
  refresh_derived(w);
  const OrderSet orders = simple_policy(w, 1);
  const Bandwagon* b = find_order<Bandwagon>(orders);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->protector, 0);
}

TEST(Policy, AStateAcceptsAnAllianceAgainstItsThreatAndRefusesOneWithIt) {
  World w = great_power_and_two_neighbours();
  Proposal against{1, 2, TreatyType::MutualDefense, "", {2, 1}, {}, {2}, 0, 0,
                   ProposalStatus::Open};
  Proposal with_threat{2, 0, TreatyType::MutualDefense, "", {0, 1}, {}, {0}, 0, 0,
                       ProposalStatus::Open};
  w.proposals = {against, with_threat};
  w.next_proposal_id = 3;
  const OrderSet orders = simple_policy(w, 1);
  bool accepted_against = false, rejected_with = false;
  for (const Order& o : orders.orders) {
    if (const auto* a = std::get_if<AcceptProposal>(&o)) accepted_against |= a->proposal_id == 1;
    if (const auto* r = std::get_if<RejectProposal>(&o)) rejected_with |= r->proposal_id == 2;
  }
  EXPECT_TRUE(accepted_against);
  EXPECT_TRUE(rejected_with);
}

TEST(Policy, OverAWholeColdWarMostStatesBalanceAndOnlyTheVeryWeakBandwagon) {
  World w = load_scenario_file("cold_war_1949", 3);
  std::vector<bool> balanced(w.size(), false), bandwagoned(w.size(), false);
  for (int turn = 0; turn < 40 && !w.ended; ++turn) {
    std::vector<OrderSet> orders;
    for (int s = 0; s < w.size(); ++s) {
      orders.push_back(simple_policy(w, s));
      const StateIndex threat = top_threat(w, s);
      for (const Order& o : orders.back().orders) {
        // Balancing: an alliance that leaves out the power the state fears most.
        if (const auto* p = std::get_if<ProposeTreaty>(&o);
            p && p->type == TreatyType::MutualDefense &&
            std::find(p->members.begin(), p->members.end(), threat) == p->members.end())
          balanced[s] = true;
        if (const auto* b = std::get_if<Bandwagon>(&o)) {
          bandwagoned[s] = true;
          // Only a state far weaker than its protector bandwagons.
          EXPECT_GT(aggregate_power(w.ruleset, w.states[b->protector]),
                    4 * w.ruleset.finland_min_power_ratio() *
                        aggregate_power(w.ruleset, w.states[s]))
              << w.states[s].name << " bandwagoned on turn " << turn + 1;
        }
      }
    }
    w = resolve_turn(w, orders).world;
  }
  const auto balancers = std::count(balanced.begin(), balanced.end(), true);
  const auto bandwagoners = std::count(bandwagoned.begin(), bandwagoned.end(), true);
  EXPECT_GT(balancers, bandwagoners) << balancers << " balanced, " << bandwagoners
                                     << " bandwagoned";
}

}  // namespace
}  // namespace hegemon
