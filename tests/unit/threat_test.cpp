// Balance of threat: the four factors, the discounts between allies and partners, the security
// dilemma and what damps it, and how pressure and sanctions read as hostile intent.
#include "shared/threat.h"

#include <gtest/gtest.h>

#include "shared/resolve.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::add_treaty;
using testing::entry_read_by;
using testing::make_world;
using testing::next_world;
using testing::orders_for;
using testing::plain_state;
using testing::quiet_ruleset;

constexpr double kTight = 1e-9;

World pair_of_neighbours() { return make_world({plain_state("A"), plain_state("B")}); }
World three_neighbours() {
  return make_world({plain_state("A"), plain_state("B"), plain_state("C")});
}

/// The total threat from the factors as the ruleset weighs them.
double combined(const Ruleset& r, double power, double proximity, double offense, double intentions,
                double discount) {
  const double base = r.threat_weight_power() * power + r.threat_weight_offense() * offense +
                      r.threat_weight_intentions() * intentions;
  const double reach = r.proximity_floor() + (1.0 - r.proximity_floor()) * proximity / 100.0;
  return base * reach * discount;
}

TEST(Threat, APlainNeighbourIsReadFactorByFactor) {
  const World w = pair_of_neighbours();
  const Ruleset& r = w.ruleset;
  const ThreatFactors f = threat_factors(w, 0, 1);
  EXPECT_NEAR(f.power, 50.0, kTight);
  EXPECT_NEAR(f.proximity, 100.0, kTight);
  // Projection 100 against defense 100 (and the 1 that keeps it finite), damped by publication.
  EXPECT_NEAR(f.offense, 100.0 * 100.0 / 201.0 * r.transparency_offense_damping(), kTight);
  // No hostile acts and a published budget: only the reputation of 60 lost from 100.
  EXPECT_NEAR(f.intentions, 40.0 * r.intentions_per_lost_reputation(), kTight);
  EXPECT_NEAR(f.alliance_discount, 1.0, kTight);
  EXPECT_NEAR(f.total, combined(r, 50.0, 100.0, f.offense, 12.0, 1.0), kTight);
  EXPECT_NEAR(f.total, 0.35 * 50 + 0.35 * 8000.0 / 201.0 + 0.3 * 12, kTight);
  // The matrix holds the same number, row = the state that feels it.
  EXPECT_NEAR(w.threat.at(0, 1), f.total, kTight);
  EXPECT_EQ(w.threat.at(0, 0), 0.0);
}

TEST(Threat, AggregatePowerAddsEconomyPopulationAndForcesTimesTechnology) {
  const Ruleset r = quiet_ruleset();
  State s = plain_state("A", 2000);
  s.technology = 1.5;
  EXPECT_NEAR(aggregate_power(r, s),
              r.power_weight_gdp() * 2000 + r.power_weight_population() * 50 +
                  r.power_weight_forces() * 200 * 1.5,
              kTight);
  EXPECT_NEAR(aggregate_power(r, s), 2325.0, kTight);
}

TEST(Threat, ThePowerFactorIsTheOthersShareOfThePairsAggregatePower) {
  const World w = make_world({plain_state("A"), plain_state("B", 3000)});
  const double a = 1000 + 25 + 200, b = 3000 + 25 + 200;
  EXPECT_NEAR(threat_factors(w, 0, 1).power, 100.0 * b / (a + b), kTight);
  EXPECT_NEAR(threat_factors(w, 1, 0).power, 100.0 * a / (a + b), kTight);
  EXPECT_GT(w.threat.at(0, 1), w.threat.at(1, 0));
  EXPECT_EQ(top_threat(w, 0), 1);
}

TEST(Threat, ProximityIsAHundredForNeighboursAndFallsWithDistance) {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")}, {{0, 1}});
  const Ruleset& r = w.ruleset;
  EXPECT_NEAR(threat_factors(w, 0, 1).proximity, 100.0, kTight);
  // 3000 km on a scale of 1500 km.
  const double far = 100.0 / (1.0 + 3000.0 / r.proximity_distance_scale());
  EXPECT_NEAR(threat_factors(w, 0, 2).proximity, far, kTight);
  EXPECT_NEAR(far, 100.0 / 3.0, kTight);
  // The same state far away is feared less, but never less than the floor's share.
  const ThreatFactors near_f = threat_factors(w, 0, 1), far_f = threat_factors(w, 0, 2);
  EXPECT_NEAR(far_f.total / near_f.total,
              r.proximity_floor() + (1 - r.proximity_floor()) * far / 100.0, kTight);

  w.edit_map().distance[0][2] = w.edit_map().distance[2][0] = 6000;
  refresh_derived(w);
  EXPECT_NEAR(threat_factors(w, 0, 2).proximity, 100.0 / (1.0 + 6000.0 / 1500.0), kTight);
  EXPECT_LT(threat_factors(w, 0, 2).total, far_f.total);
}

TEST(Threat, OffenseIsTheOthersProjectionAgainstTheHoldersDefense) {
  State a = plain_state("A");
  a.territorial_defense = 50;
  a.technology = 2.0;
  State b = plain_state("B");
  b.power_projection = 300;
  b.technology = 1.5;
  b.publish_budget = false;
  const World w = make_world({a, b});
  const double proj = 300 * 1.5, def = 50 * 2.0;
  EXPECT_NEAR(projectable_force(w.states[1]), proj, kTight);
  EXPECT_NEAR(defensive_force(w.states[0]), def, kTight);
  EXPECT_NEAR(threat_factors(w, 0, 1).offense, 100.0 * proj / (proj + def + 1.0), kTight);
}

TEST(Threat, IntentionsAddHostileActsOpacityAndLostReputation) {
  World w = pair_of_neighbours();
  const Ruleset& r = w.ruleset;
  w.states[0].relations[1].hostility = 20;
  w.states[1].reputation = 30;
  w.states[1].publish_budget = false;
  EXPECT_NEAR(threat_factors(w, 0, 1).intentions,
              20 + r.intentions_opacity() + 70 * r.intentions_per_lost_reputation(), kTight);
  EXPECT_NEAR(threat_factors(w, 0, 1).intentions, 53.0, kTight);
  // The record is the holder's own: B reads A's intentions from its own, empty, record.
  EXPECT_NEAR(threat_factors(w, 1, 0).intentions, 40 * r.intentions_per_lost_reputation(), kTight);
  // The factor never passes 100.
  w.states[0].relations[1].hostility = 95;
  EXPECT_NEAR(threat_factors(w, 0, 1).intentions, 100.0, kTight);
}

TEST(Threat, AlliesInAMutualDefensePactDiscountEachOthersThreat) {
  World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const double before = threat_factors(w, 0, 1).total;
  add_treaty(w, TreatyType::MutualDefense, {0, 1});
  EXPECT_NEAR(threat_factors(w, 0, 1).alliance_discount, r.ally_threat_discount(), kTight);
  EXPECT_NEAR(threat_factors(w, 0, 1).total, before * r.ally_threat_discount(), kTight);
  EXPECT_NEAR(threat_factors(w, 1, 0).total, before * r.ally_threat_discount(), kTight);
  EXPECT_NEAR(w.threat.at(0, 1), before * 0.3, kTight);
  // Outsiders are not discounted.
  EXPECT_NEAR(threat_factors(w, 0, 2).total, before, kTight);
}

TEST(Threat, NonAggressionAndNeutralityPartnersDiscountLessThanAllies) {
  World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const double before = threat_factors(w, 0, 1).total;
  add_treaty(w, TreatyType::NonAggression, {0, 1});
  add_treaty(w, TreatyType::Neutrality, {0, 2});
  EXPECT_NEAR(threat_factors(w, 0, 1).total, before * r.non_aggression_threat_discount(), kTight);
  EXPECT_NEAR(threat_factors(w, 0, 2).total, before * r.non_aggression_threat_discount(), kTight);
  // An alliance on top of a non-aggression pact counts as the alliance.
  add_treaty(w, TreatyType::MutualDefense, {0, 1});
  EXPECT_NEAR(threat_factors(w, 0, 1).total, before * r.ally_threat_discount(), kTight);
}

TEST(Threat, AStateThatBandwagonedFearsItsProtectorLess) {
  World w = pair_of_neighbours();
  const double before = threat_factors(w, 0, 1).total;
  w.states[0].relations[1].bandwagoned = true;
  EXPECT_NEAR(threat_factors(w, 0, 1).total, before * w.ruleset.non_aggression_threat_discount(),
              kTight);
  EXPECT_NEAR(threat_factors(w, 1, 0).total, before, kTight);
}

TEST(Threat, BuildingPowerProjectionRaisesEveryNeighboursThreat) {
  const World base = three_neighbours();
  World armed = base;
  armed.states[0].power_projection += 200;
  refresh_derived(armed);
  for (StateIndex neighbour : {1, 2}) {
    EXPECT_GT(armed.threat.at(neighbour, 0), base.threat.at(neighbour, 0)) << neighbour;
    EXPECT_GT(threat_factors(armed, neighbour, 0).offense,
              threat_factors(base, neighbour, 0).offense);
  }
  // 300 projected against 100 defended, damped by publication.
  EXPECT_NEAR(threat_factors(armed, 1, 0).offense,
              100.0 * 300 / 401.0 * armed.ruleset.transparency_offense_damping(), kTight);
}

TEST(Threat, BuildingTerritorialDefenseLeavesTheOffenseNeighboursReadUnchanged) {
  const World base = three_neighbours();
  World armed = base, fortified = base;
  armed.states[0].power_projection += 200;
  fortified.states[0].territorial_defense += 200;
  refresh_derived(armed);
  refresh_derived(fortified);
  for (StateIndex neighbour : {1, 2}) {
    // Defense adds only to aggregate power; projection adds to power and to offense alike.
    EXPECT_NEAR(threat_factors(fortified, neighbour, 0).offense,
                threat_factors(base, neighbour, 0).offense, kTight);
    EXPECT_NEAR(threat_factors(fortified, neighbour, 0).power,
                threat_factors(armed, neighbour, 0).power, kTight);
    EXPECT_LT(fortified.threat.at(neighbour, 0), armed.threat.at(neighbour, 0));
  }
  // What it does do is blunt the neighbours' offense against it.
  EXPECT_LT(threat_factors(fortified, 0, 1).offense, threat_factors(base, 0, 1).offense);
  EXPECT_NEAR(threat_factors(fortified, 0, 1).offense,
              100.0 * 100 / 401.0 * base.ruleset.transparency_offense_damping(), kTight);
}

TEST(Threat, PublishingTheBudgetDampsTheOffenseItsNeighboursRead) {
  World w = pair_of_neighbours();
  const Ruleset& r = w.ruleset;
  w.states[1].publish_budget = false;
  const ThreatFactors opaque = threat_factors(w, 0, 1);
  EXPECT_NEAR(opaque.offense, 100.0 * 100 / 201.0, kTight);
  w.states[1].publish_budget = true;
  const ThreatFactors open = threat_factors(w, 0, 1);
  EXPECT_NEAR(open.offense, opaque.offense * r.transparency_offense_damping(), kTight);
  EXPECT_NEAR(open.intentions, opaque.intentions - r.intentions_opacity(), kTight);
  EXPECT_LT(open.total, opaque.total);
}

TEST(Threat, AConfidenceBuildingAgreementDampsTheOffenseBetweenItsMembers) {
  World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const ThreatFactors before = threat_factors(w, 0, 1);
  add_treaty(w, TreatyType::ConfidenceBuilding, {0, 1});
  const ThreatFactors after = threat_factors(w, 0, 1);
  EXPECT_NEAR(after.offense, before.offense * r.confidence_building_offense_damping(), kTight);
  // Both dampers together: 0.8 x 0.6 of the raw offense.
  EXPECT_NEAR(after.offense, 100.0 * 100 / 201.0 * 0.8 * 0.6, kTight);
  EXPECT_NEAR(after.alliance_discount, 1.0, kTight);
  EXPECT_LT(after.total, before.total);
  EXPECT_NEAR(threat_factors(w, 0, 2).offense, before.offense, kTight);
}

TEST(Threat, PressureRaisesTheTargetsRecordOfHostilityWhichFadesOverTurns) {
  const World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const double intentions_before = threat_factors(w, 1, 0).intentions;
  const TurnResult pressed =
      resolve_turn(w, {orders_for(0, {ApplyPressure{1, PressureKind::Diplomatic, 2}})});
  ASSERT_TRUE(pressed.results[0][0].accepted);
  const double recorded = r.hostility_per_pressure() * 2;
  EXPECT_NEAR(pressed.world.states[1].relations[0].hostility, recorded, kTight);
  EXPECT_NEAR(recorded, 16.0, kTight);
  EXPECT_NEAR(pressed.world.states[0].relations[1].hostility, 0.0, kTight);
  EXPECT_NEAR(pressed.world.states[2].relations[0].hostility, 0.0, kTight);
  EXPECT_NEAR(threat_factors(pressed.world, 1, 0).intentions, intentions_before + recorded, kTight);
  const JournalEntry* read = entry_read_by(pressed.journal, 1, "now reads State A's intentions");
  ASSERT_NE(read, nullptr);
  EXPECT_FALSE(read->is_public);
  EXPECT_EQ(entry_read_by(pressed.journal, 2, "now reads State A's intentions"), nullptr);

  const World later = next_world(pressed.world);
  EXPECT_NEAR(later.states[1].relations[0].hostility, recorded * (1 - r.hostility_decay()), kTight);
  const World later_still = next_world(later);
  EXPECT_NEAR(later_still.states[1].relations[0].hostility,
              recorded * (1 - r.hostility_decay()) * (1 - r.hostility_decay()), kTight);
}

TEST(Threat, SanctionsInForceCutTheTargetsGrowthFromTheNextTurn) {
  const World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const World joined = next_world(w, {orders_for(0, {JoinSanction{1}})});
  const World control = next_world(w);
  ASSERT_TRUE(joined.is_sanctioning(0, 1));
  // Joined this turn: no bite yet.
  EXPECT_NEAR(joined.states[1].gdp, control.states[1].gdp, kTight);
  EXPECT_NEAR(joined.states[0].gdp, control.states[0].gdp, kTight);

  const World bitten = next_world(joined);
  const World control2 = next_world(control);
  // The sanctioner holds a third of world GDP, so the target's growth falls by a third of the
  // full loss, and the sanctioner pays a third of the self-cost.
  const double growth_lost =
      bitten.states[1].gdp / joined.states[1].gdp - control2.states[1].gdp / control.states[1].gdp;
  EXPECT_NEAR(growth_lost, -r.sanction_gdp_loss() / 3.0, 1e-12);
  const double cost =
      bitten.states[0].gdp / joined.states[0].gdp - control2.states[0].gdp / control.states[0].gdp;
  EXPECT_NEAR(cost, -r.sanction_self_cost() / 3.0, 1e-12);
  EXPECT_NEAR(bitten.states[2].gdp, control2.states[2].gdp, kTight);
}

TEST(Threat, SanctionsInForceCountAsAStandingHostileAct) {
  const World w = three_neighbours();
  const Ruleset& r = w.ruleset;
  const World joined = next_world(w, {orders_for(0, {JoinSanction{1}})});
  EXPECT_NEAR(joined.states[1].relations[0].hostility, r.hostility_per_sanction(), kTight);
  const World second = next_world(joined);
  EXPECT_NEAR(second.states[1].relations[0].hostility,
              r.hostility_per_sanction() * (1 - r.hostility_decay()) + r.hostility_per_sanction(),
              kTight);
  EXPECT_NEAR(second.states[1].relations[0].hostility, 10.5, kTight);
  // Lifted, the record only fades.
  const World lifted = next_world(second, {orders_for(0, {LiftSanction{1}})});
  EXPECT_FALSE(lifted.is_sanctioning(0, 1));
  EXPECT_NEAR(lifted.states[1].relations[0].hostility, 10.5 * (1 - r.hostility_decay()), kTight);
}

}  // namespace
}  // namespace hegemon
