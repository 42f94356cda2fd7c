// Finlandization as the theory has it: a much stronger neighbour's pressure builds a level in a
// small state that rises with the power gap, proximity and coercion, is held down by the small
// state's defense, allies, guarantees and stability, and decays when the pressure stops; past
// thresholds the state accommodates, then is Finlandized, and the server holds it to that.
//
// The worlds are small and hand-built: Karvonia (GDP 5000) borders Linnmark (GDP 200); Thalassia,
// a middle power, and Dravia, another small state, join where a test needs them.
#include "shared/finlandization.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared/resolve.h"
#include "shared/validate.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::add_treaty;
using testing::make_world;
using testing::plain_state;

constexpr StateIndex kStrong = 0;  // Karvonia, the pressurer
constexpr StateIndex kSmall = 1;   // Linnmark
constexpr StateIndex kThird = 2;   // Thalassia, a possible ally or guarantor
constexpr StateIndex kFourth = 3;  // Dravia, another small neighbour

State karvonia(double gdp = 5000) {
  State s = plain_state("KAR", gdp);
  s.name = "Karvonia";
  return s;
}

State linnmark() {
  State s = plain_state("LIN", 200);
  s.name = "Linnmark";
  return s;
}

State thalassia() {
  State s = plain_state("THA", 1000);
  s.name = "Thalassia";
  s.territorial_defense = 600;
  s.power_projection = 600;
  return s;
}

State dravia() {
  State s = plain_state("DRV", 200);
  s.name = "Dravia";
  return s;
}

/// Karvonia and Linnmark, bordering (or 3000 km apart).
World pair(double strong_gdp = 5000, bool bordering = true) {
  return make_world({karvonia(strong_gdp), linnmark()}, {}, bordering);
}

/// Karvonia, Linnmark and Thalassia, all bordering.
World trio() { return make_world({karvonia(), linnmark(), thalassia()}); }

Relation& toward(World& w, StateIndex small, StateIndex strong) {
  return w.states[small].relations[strong];
}
const Relation& toward(const World& w, StateIndex small, StateIndex strong) {
  return w.states[small].relations[strong];
}

void set_level(World& w, double level, FinlandStatus status, StateIndex small = kSmall) {
  toward(w, small, kStrong).finland_level = level;
  toward(w, small, kStrong).finland_status = status;
}

OrderSet press(StateIndex by, StateIndex target, PressureKind kind, int intensity) {
  return {by, {ApplyPressure{target, kind, intensity}}};
}

/// Resolves one turn; every order in it is meant to be accepted.
TurnResult play(const World& w, const std::vector<OrderSet>& orders = {}) {
  TurnResult r = resolve_turn(w, orders);
  for (size_t i = 0; i < r.results.size(); ++i)
    for (const auto& res : r.results[i])
      EXPECT_TRUE(res.accepted) << "order " << res.index << " of set " << i << ": " << res.reason;
  return r;
}

/// Linnmark's level toward Karvonia after one turn.
double level_after(const World& w, const std::vector<OrderSet>& orders = {}) {
  const TurnResult r = play(w, orders);
  return toward(r.world, kSmall, kStrong).finland_level;
}

OrderResult verdict(const World& w, StateIndex s, const Order& order) {
  return validate_orders(w, OrderSet{s, {order}}).at(0);
}

int add_proposal(World& w, StateIndex proposer, TreatyType type, std::vector<StateIndex> members) {
  Proposal p;
  p.id = w.next_proposal_id++;
  p.proposer = proposer;
  p.type = type;
  p.members = std::move(members);
  p.accepted = {proposer};
  p.turn = w.turn;
  w.proposals.push_back(p);
  return p.id;
}

/// The public Finlandization entries of a journal that concern `state` (pointers into `j`).
std::vector<const JournalEntry*> published_about(const Journal& j, StateIndex state) {
  std::vector<const JournalEntry*> out;
  for (const auto& e : j.entries())
    if (e.topic == Topic::Finlandization && e.is_public &&
        std::find(e.states.begin(), e.states.end(), state) != e.states.end())
      out.push_back(&e);
  return out;
}

/// The one public entry announcing a change of Linnmark's status toward Karvonia.
const JournalEntry* transition_entry(const std::vector<const JournalEntry*>& entries,
                                     FinlandStatus from, FinlandStatus to) {
  const JournalEntry* found = nullptr;
  for (const JournalEntry* e : entries) {
    const bool both = std::find(e->states.begin(), e->states.end(), kSmall) != e->states.end() &&
                      std::find(e->states.begin(), e->states.end(), kStrong) != e->states.end();
    if (both && e->before == static_cast<double>(from) && e->after == static_cast<double>(to)) {
      EXPECT_EQ(found, nullptr) << "the transition is announced twice";
      found = e;
    }
  }
  return found;
}

// --- What raises the level -------------------------------------------------------------------

TEST(Finlandization, PressureOrdersRaiseTheLevelFasterThanNoPressure) {
  World w = pair();
  set_level(w, 20, FinlandStatus::Independent);
  const double quiet = level_after(w);
  const double pressed = level_after(w, {press(kStrong, kSmall, PressureKind::Diplomatic, 1)});
  EXPECT_GT(pressed, 20.0);
  EXPECT_GT(pressed, quiet);
}

TEST(Finlandization, HigherIntensityRaisesTheLevelFaster) {
  const World w = pair();
  const double mild = level_after(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 1)});
  const double firm = level_after(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 2)});
  const double harsh = level_after(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 3)});
  EXPECT_GT(mild, 0.0);
  EXPECT_GT(firm, mild);
  EXPECT_GT(harsh, firm);
}

TEST(Finlandization, MilitaryPostureWeighsMoreThanEconomicAndEconomicMoreThanDiplomaticPressure) {
  const World w = pair();
  const double diplomatic = level_after(w, {press(kStrong, kSmall, PressureKind::Diplomatic, 2)});
  const double economic = level_after(w, {press(kStrong, kSmall, PressureKind::Economic, 2)});
  const double military =
      level_after(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 2)});
  EXPECT_GT(economic, diplomatic);
  EXPECT_GT(military, economic);
}

TEST(Finlandization, PressureOfSeveralKindsAddsUp) {
  const World w = pair();
  const double military_alone =
      level_after(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 1)});
  const double together = level_after(
      w, {OrderSet{kStrong,
                   {ApplyPressure{kSmall, PressureKind::MilitaryPosture, 1},
                    ApplyPressure{kSmall, PressureKind::Diplomatic, 1}}}});
  EXPECT_GT(together, military_alone);
}

TEST(Finlandization, ALargerPowerGapRaisesTheLevelMore) {
  // Pressure firm enough that even the modest gap's push outweighs Linnmark's resistance.
  const auto pressed = [](double strong_gdp) {
    return level_after(pair(strong_gdp),
                       {press(kStrong, kSmall, PressureKind::MilitaryPosture, 2)});
  };
  const double modest = pressed(2000), large = pressed(5000), overwhelming = pressed(20000);
  EXPECT_GT(modest, 0.0);
  EXPECT_GT(large, modest);
  EXPECT_GT(overwhelming, large);
}

TEST(Finlandization, ADistantPressurerRaisesTheLevelLessThanANeighbour) {
  const auto order = press(kStrong, kSmall, PressureKind::MilitaryPosture, 2);
  const double neighbour = level_after(pair(5000, true), {order});
  const double distant = level_after(pair(5000, false), {order});
  EXPECT_GT(distant, 0.0);
  EXPECT_LT(distant, neighbour);
}

TEST(Finlandization, NoLevelBuildsBelowTheMinimumPowerRatioHoweverHardThePressure) {
  World w = pair(500);  // (500 + 25 + 200) / (200 + 25 + 200): well below a ratio of 3
  ASSERT_LT(aggregate_power(w.ruleset, w.states[kStrong]) /
                aggregate_power(w.ruleset, w.states[kSmall]),
            w.ruleset.finland_min_power_ratio());
  set_level(w, 20, FinlandStatus::Independent);
  const TurnResult r = play(w, {OrderSet{kStrong,
                                         {ApplyPressure{kSmall, PressureKind::MilitaryPosture, 3},
                                          ApplyPressure{kSmall, PressureKind::Economic, 3}}}});
  const Relation& rel = toward(r.world, kSmall, kStrong);
  EXPECT_EQ(rel.finland_push, 0.0);
  EXPECT_LE(rel.finland_level, 20.0);
}

// --- What holds it down ----------------------------------------------------------------------

TEST(Finlandization, TheSmallStatesOwnTerritorialDefenseLowersTheGain) {
  // The same forces, once as projection and once as territorial defense: the same aggregate
  // power, so the same push, but only territorial defense resists.
  World projecting = pair();
  projecting.states[kSmall].territorial_defense = 100;
  projecting.states[kSmall].power_projection = 300;
  World defending = pair();
  defending.states[kSmall].territorial_defense = 400;
  defending.states[kSmall].power_projection = 0;
  const FinlandForces f_projecting = finland_forces(projecting, kSmall, kStrong, 1.0);
  const FinlandForces f_defending = finland_forces(defending, kSmall, kStrong, 1.0);
  EXPECT_DOUBLE_EQ(f_defending.push, f_projecting.push);
  EXPECT_GT(f_defending.own_defense, f_projecting.own_defense);
  EXPECT_GT(f_defending.resistance, f_projecting.resistance);

  const auto order = press(kStrong, kSmall, PressureKind::Diplomatic, 1);
  EXPECT_LT(level_after(defending, {order}), level_after(projecting, {order}));
}

TEST(Finlandization, AMutualDefenseAllyWithCredibleForcesLowersTheGain) {
  const World alone = trio();
  World allied = trio();
  add_treaty(allied, TreatyType::MutualDefense, {kSmall, kThird});
  const auto order = press(kStrong, kSmall, PressureKind::Diplomatic, 1);
  const TurnResult a = play(alone, {order});
  const TurnResult b = play(allied, {order});
  EXPECT_GT(toward(b.world, kSmall, kStrong).finland_resistance,
            toward(a.world, kSmall, kStrong).finland_resistance);
  EXPECT_LT(toward(b.world, kSmall, kStrong).finland_level,
            toward(a.world, kSmall, kStrong).finland_level);
}

TEST(Finlandization, AnAllianceItsMembersCannotTrustResistsLess) {
  World trusted = trio();
  add_treaty(trusted, TreatyType::MutualDefense, {kSmall, kThird});
  World doubted = trusted;
  doubted.treaties.back().cohesion = 0.2;  // repeated free riding
  const auto order = press(kStrong, kSmall, PressureKind::Diplomatic, 1);
  EXPECT_GT(finland_forces(trusted, kSmall, kStrong, 1.0).allies,
            finland_forces(doubted, kSmall, kStrong, 1.0).allies);
  EXPECT_LT(level_after(trusted, {order}), level_after(doubted, {order}));
}

TEST(Finlandization, AThirdPartyGuaranteeLowersTheGain) {
  const World w = trio();
  const auto order = press(kStrong, kSmall, PressureKind::Diplomatic, 1);
  const TurnResult unguaranteed = play(w, {order});
  const TurnResult guaranteed = play(w, {order, OrderSet{kThird, {OfferGuarantee{kSmall}}}});
  EXPECT_GT(toward(guaranteed.world, kSmall, kStrong).finland_resistance,
            toward(unguaranteed.world, kSmall, kStrong).finland_resistance);
  EXPECT_LT(toward(guaranteed.world, kSmall, kStrong).finland_level,
            toward(unguaranteed.world, kSmall, kStrong).finland_level);
}

TEST(Finlandization, AGuaranteeFromThePressurerItselfDoesNotResistIt) {
  const World w = pair();
  const double pressed = level_after(w, {press(kStrong, kSmall, PressureKind::Diplomatic, 1)});
  const double pressed_and_guaranteed =
      level_after(w, {OrderSet{kStrong,
                               {ApplyPressure{kSmall, PressureKind::Diplomatic, 1},
                                OfferGuarantee{kSmall}}}});
  EXPECT_DOUBLE_EQ(pressed_and_guaranteed, pressed);
}

TEST(Finlandization, HigherStabilityLowersTheGain) {
  World shaky = pair();
  shaky.states[kSmall].stability = 30;
  World steady = pair();
  steady.states[kSmall].stability = 90;
  const auto order = press(kStrong, kSmall, PressureKind::MilitaryPosture, 1);
  EXPECT_LT(level_after(steady, {order}), level_after(shaky, {order}));
}

TEST(Finlandization, WithoutCoercionTheLevelDecaysTurnAfterTurn) {
  World w = pair();
  w.scenario.turns = 40;
  set_level(w, 60, FinlandStatus::Accommodating);
  double last = 60;
  int turn = 0;
  while (++turn <= 40 && toward(w, kSmall, kStrong).finland_status != FinlandStatus::Independent) {
    w = play(w).world;
    const double level = toward(w, kSmall, kStrong).finland_level;
    EXPECT_LT(level, last) << "turn " << turn;
    last = level;
  }
  // Quiet turns take it back below the threshold where it stops accommodating.
  EXPECT_LT(last, w.ruleset.accommodation_leave());
  EXPECT_EQ(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Independent);
}

TEST(Finlandization, ANeutralityTreatyWithThePressurerDampsTheGain) {
  const World plain = pair();
  World neutral = pair();
  add_treaty(neutral, TreatyType::Neutrality, {kSmall, kStrong});
  const auto order = press(kStrong, kSmall, PressureKind::MilitaryPosture, 2);
  const TurnResult a = play(plain, {order});
  const TurnResult b = play(neutral, {order});
  const double damping = plain.ruleset.neutrality_gain_factor();
  EXPECT_NEAR(toward(b.world, kSmall, kStrong).finland_push,
              toward(a.world, kSmall, kStrong).finland_push * damping, 1e-9);
  EXPECT_LT(toward(b.world, kSmall, kStrong).finland_level,
            toward(a.world, kSmall, kStrong).finland_level);
}

TEST(Finlandization, BandwagoningRaisesTheLevelAndGivesTheProtectorInfluence) {
  World w = pair();
  toward(w, kSmall, kStrong).hostility = 20;
  const TurnResult aloof = play(w);
  const TurnResult courting = play(w, {OrderSet{kSmall, {Bandwagon{kStrong}}}});
  const double y = w.scenario.years_per_turn();
  const Ruleset& r = w.ruleset;
  EXPECT_EQ(toward(aloof.world, kSmall, kStrong).finland_level, 0.0);
  // Courting is part of the push, and the level moves by the push less what resistance holds
  // back and what relaxes.
  const Relation& rel = toward(courting.world, kSmall, kStrong);
  EXPECT_NEAR(rel.finland_push - toward(aloof.world, kSmall, kStrong).finland_push,
              r.finland_bandwagon_gain(), 1e-9);
  EXPECT_NEAR(rel.finland_level,
              (rel.finland_push - r.finland_resistance_pull() * rel.finland_resistance -
               r.finland_decay_flat()) * y,
              1e-9);
  EXPECT_GT(rel.finland_level, 0.5 * r.finland_bandwagon_gain() * y);
  EXPECT_NEAR(courting.world.states[kStrong].influence - aloof.world.states[kStrong].influence,
              w.ruleset.bandwagon_influence_gain() * y, 1e-9);
  // Siding with the threat forgives half its record.
  EXPECT_NEAR(toward(courting.world, kSmall, kStrong).hostility,
              0.5 * toward(aloof.world, kSmall, kStrong).hostility, 1e-9);
}

// --- Status and its hysteresis -----------------------------------------------------------------

TEST(Finlandization, PassingTheAccommodationThresholdMakesTheStateAccommodateAndIsPublished) {
  World w = pair();
  set_level(w, w.ruleset.accommodation_enter() - 1, FinlandStatus::Independent);
  const TurnResult r = play(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 1)});
  const Relation& rel = toward(r.world, kSmall, kStrong);
  ASSERT_GE(rel.finland_level, w.ruleset.accommodation_enter());
  EXPECT_EQ(rel.finland_status, FinlandStatus::Accommodating);
  const JournalEntry* e = transition_entry(published_about(r.journal, kSmall),
                                           FinlandStatus::Independent,
                                           FinlandStatus::Accommodating);
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->text.find("Linnmark now accommodates Karvonia"), std::string::npos) << e->text;
}

TEST(Finlandization, PassingTheFinlandizationThresholdFinlandizesTheStateAndIsPublished) {
  World w = pair();
  set_level(w, w.ruleset.finlandized_enter() - 1, FinlandStatus::Accommodating);
  const TurnResult r = play(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 1)});
  EXPECT_EQ(toward(r.world, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
  const JournalEntry* e = transition_entry(published_about(r.journal, kSmall),
                                           FinlandStatus::Accommodating,
                                           FinlandStatus::Finlandized);
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->text.find("Linnmark is now Finlandized toward Karvonia"), std::string::npos)
      << e->text;
}

TEST(Finlandization, BetweenTheAccommodationThresholdsAStateKeepsTheStatusItHad) {
  const Ruleset r = testing::quiet_ruleset();
  const double between = (r.accommodation_enter() + r.accommodation_leave()) / 2;
  World rising = pair();
  set_level(rising, between, FinlandStatus::Independent);
  World falling = pair();
  set_level(falling, between, FinlandStatus::Accommodating);
  const World a = play(rising).world;
  const World b = play(falling).world;
  // Both levels end the turn in the band, equal, and each state keeps its status.
  ASSERT_DOUBLE_EQ(toward(a, kSmall, kStrong).finland_level,
                   toward(b, kSmall, kStrong).finland_level);
  ASSERT_GE(toward(a, kSmall, kStrong).finland_level, r.accommodation_leave());
  ASSERT_LT(toward(a, kSmall, kStrong).finland_level, r.accommodation_enter());
  EXPECT_EQ(toward(a, kSmall, kStrong).finland_status, FinlandStatus::Independent);
  EXPECT_EQ(toward(b, kSmall, kStrong).finland_status, FinlandStatus::Accommodating);
}

TEST(Finlandization, BetweenTheFinlandizationThresholdsAStateKeepsTheStatusItHad) {
  const Ruleset r = testing::quiet_ruleset();
  const double between = (r.finlandized_enter() + r.finlandized_leave()) / 2;
  World accommodating = pair();
  set_level(accommodating, between, FinlandStatus::Accommodating);
  World finlandized = pair();
  set_level(finlandized, between, FinlandStatus::Finlandized);
  const auto order = press(kStrong, kSmall, PressureKind::Diplomatic, 1);
  const World a = play(accommodating, {order}).world;
  const World b = play(finlandized, {order}).world;
  ASSERT_GE(toward(a, kSmall, kStrong).finland_level, r.finlandized_leave());
  ASSERT_LT(toward(a, kSmall, kStrong).finland_level, r.finlandized_enter());
  ASSERT_GE(toward(b, kSmall, kStrong).finland_level, r.finlandized_leave());
  ASSERT_LT(toward(b, kSmall, kStrong).finland_level, r.finlandized_enter());
  EXPECT_EQ(toward(a, kSmall, kStrong).finland_status, FinlandStatus::Accommodating);
  EXPECT_EQ(toward(b, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
}

TEST(Finlandization, FallingBelowALeaveThresholdStepsTheStatusDownAndIsPublished) {
  World w = pair();
  set_level(w, w.ruleset.finlandized_leave() + 1, FinlandStatus::Finlandized);
  TurnResult r = play(w);
  ASSERT_LT(toward(r.world, kSmall, kStrong).finland_level, w.ruleset.finlandized_leave());
  EXPECT_EQ(toward(r.world, kSmall, kStrong).finland_status, FinlandStatus::Accommodating);
  const JournalEntry* out_of_it = transition_entry(published_about(r.journal, kSmall),
                                                   FinlandStatus::Finlandized,
                                                   FinlandStatus::Accommodating);
  ASSERT_NE(out_of_it, nullptr);
  EXPECT_NE(out_of_it->text.find("worked its way out"), std::string::npos) << out_of_it->text;

  set_level(w, w.ruleset.accommodation_leave() + 1, FinlandStatus::Accommodating);
  r = play(w);
  ASSERT_LT(toward(r.world, kSmall, kStrong).finland_level, w.ruleset.accommodation_leave());
  EXPECT_EQ(toward(r.world, kSmall, kStrong).finland_status, FinlandStatus::Independent);
  const JournalEntry* free = transition_entry(published_about(r.journal, kSmall),
                                              FinlandStatus::Accommodating,
                                              FinlandStatus::Independent);
  ASSERT_NE(free, nullptr);
  EXPECT_NE(free->text.find("Linnmark is independent of Karvonia again"), std::string::npos)
      << free->text;
}

TEST(Finlandization, EveryPlayerReadsTheTransitionsInItsReport) {
  World w = trio();
  set_level(w, w.ruleset.accommodation_enter() - 1, FinlandStatus::Independent);
  const TurnResult r = play(w, {press(kStrong, kSmall, PressureKind::MilitaryPosture, 1)});
  ASSERT_EQ(toward(r.world, kSmall, kStrong).finland_status, FinlandStatus::Accommodating);
  for (StateIndex reader : {kStrong, kSmall, kThird}) {
    const auto readable = r.journal.readable_by(reader);
    EXPECT_TRUE(std::any_of(readable.begin(), readable.end(), [](const JournalEntry* e) {
      return e->topic == Topic::Finlandization &&
             e->text.find("Linnmark now accommodates Karvonia") != std::string::npos;
    })) << w.states[reader].name;
  }
}

// --- What an accommodating state may not do ----------------------------------------------------

/// Linnmark accommodates Karvonia; Thalassia has offered it a defense pact and a non-aggression
/// pact.
World accommodating_world() {
  World w = trio();
  set_level(w, 50, FinlandStatus::Accommodating);
  add_proposal(w, kThird, TreatyType::MutualDefense, {kThird, kSmall});
  add_proposal(w, kThird, TreatyType::NonAggression, {kThird, kSmall});
  return w;
}

TEST(Finlandization, AnAccommodatingStateCannotSanctionOrPressureItsPressurer) {
  const World w = accommodating_world();
  const OrderResult sanction = verdict(w, kSmall, JoinSanction{kStrong});
  EXPECT_FALSE(sanction.accepted);
  EXPECT_NE(sanction.reason.find("Karvonia"), std::string::npos) << sanction.reason;
  const OrderResult pressure =
      verdict(w, kSmall, ApplyPressure{kStrong, PressureKind::Diplomatic, 1});
  EXPECT_FALSE(pressure.accepted);
  EXPECT_NE(pressure.reason.find("Karvonia"), std::string::npos) << pressure.reason;
  // It may still sanction and press others.
  EXPECT_TRUE(verdict(w, kSmall, JoinSanction{kThird}).accepted);
}

TEST(Finlandization, AnAccommodatingStateCannotProposeAnAllianceDirectedAgainstItsPressurer) {
  const World w = accommodating_world();
  ASSERT_TRUE(directed_against(w, TreatyType::MutualDefense, {kSmall, kThird}, kStrong));
  for (TreatyType type :
       {TreatyType::MutualDefense, TreatyType::MilitaryAid, TreatyType::JointExercises}) {
    const OrderResult r = verdict(w, kSmall, ProposeTreaty{type, {kThird}, {}, "Straits pact"});
    EXPECT_FALSE(r.accepted) << treaty_type_name(type);
    EXPECT_NE(r.reason.find("directed against Karvonia"), std::string::npos) << r.reason;
  }
}

TEST(Finlandization, AnAccommodatingStateCannotJoinAMilitaryAllianceDirectedAgainstItsPressurer) {
  const World w = accommodating_world();
  const int pact = w.proposals[0].id;
  const OrderResult accept = verdict(w, kSmall, AcceptProposal{pact});
  EXPECT_FALSE(accept.accepted);
  EXPECT_NE(accept.reason.find("directed against Karvonia"), std::string::npos) << accept.reason;
  const OrderResult counter = verdict(w, kSmall, CounterProposal{pact, {200, 0, 0, 0, 1}});
  EXPECT_FALSE(counter.accepted);
  EXPECT_NE(counter.reason.find("directed against Karvonia"), std::string::npos)
      << counter.reason;
}

TEST(Finlandization, AnAccommodatingStateMayStillJoinNonMilitaryTreaties) {
  const World w = accommodating_world();
  EXPECT_TRUE(verdict(w, kSmall, AcceptProposal{w.proposals[1].id}).accepted);
  for (TreatyType type : {TreatyType::NonAggression, TreatyType::ConfidenceBuilding}) {
    const OrderResult r = verdict(w, kSmall, ProposeTreaty{type, {kThird}, {}, ""});
    EXPECT_TRUE(r.accepted) << treaty_type_name(type) << ": " << r.reason;
  }
  // Nor is a pact that includes the pressurer directed against it.
  const OrderResult with_pressurer =
      verdict(w, kSmall, ProposeTreaty{TreatyType::MutualDefense, {kStrong, kThird}, {}, ""});
  EXPECT_TRUE(with_pressurer.accepted) << with_pressurer.reason;
}

TEST(Finlandization, AnIndependentStateMayJoinTheAllianceAnAccommodatingOneMayNot) {
  World w = accommodating_world();
  set_level(w, 10, FinlandStatus::Independent);
  EXPECT_TRUE(verdict(w, kSmall, AcceptProposal{w.proposals[0].id}).accepted);
  EXPECT_TRUE(verdict(w, kSmall, JoinSanction{kStrong}).accepted);
}

// --- A newly Finlandized state ---------------------------------------------------------------

struct Submission {
  World before;
  TurnResult turn;
  int pact = 0;
};

/// Linnmark, close to the threshold and allied with Thalassia, is pressed hard enough by Karvonia
/// to be Finlandized this turn; Karvonia leans on Dravia too.
Submission submission() {
  Submission s;
  World& w = s.before;
  w = make_world({karvonia(), linnmark(), thalassia(), dravia()});
  s.pact = add_treaty(w, TreatyType::MutualDefense, {kSmall, kThird});
  w.find_treaty(s.pact)->name = "Straits Defense Pact";
  set_level(w, w.ruleset.finlandized_enter() - 1, FinlandStatus::Accommodating);
  s.turn = play(w, {OrderSet{kStrong,
                             {ApplyPressure{kSmall, PressureKind::MilitaryPosture, 3},
                              ApplyPressure{kSmall, PressureKind::Economic, 3},
                              ApplyPressure{kFourth, PressureKind::Diplomatic, 1}}}});
  return s;
}

TEST(Finlandization, ANewlyFinlandizedStateLeavesAlliancesDirectedAgainstItsPressurer) {
  const Submission s = submission();
  const World& w = s.turn.world;
  ASSERT_EQ(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
  for (const auto& t : w.treaties)
    EXPECT_FALSE(t.type == TreatyType::MutualDefense && t.has_member(kSmall))
        << "still in " << t.name;
  EXPECT_EQ(w.find_treaty(s.pact), nullptr) << "a pact of one is no pact";
  // Leaving without notice is a broken commitment: its reputation falls and its former ally
  // reads it as hostile.
  EXPECT_NEAR(w.states[kSmall].reputation,
              s.before.states[kSmall].reputation - w.ruleset.reputation_loss_per_early_exit(),
              1e-9);
  EXPECT_NEAR(w.states[kThird].relations[kSmall].hostility,
              s.before.states[kThird].relations[kSmall].hostility +
                  w.ruleset.hostility_per_broken_treaty(),
              1e-9);
  const auto entries = published_about(s.turn.journal, kSmall);
  EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [](const JournalEntry* e) {
    return e->text.find("Linnmark left Straits Defense Pact without notice") != std::string::npos;
  }));
}

TEST(Finlandization, ANewlyFinlandizedStateSignsANeutralityTreatyItCannotRenounce) {
  const Submission s = submission();
  const World& w = s.turn.world;
  ASSERT_EQ(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
  const Treaty* neutrality = nullptr;
  for (const auto& t : w.treaties)
    if (t.type == TreatyType::Neutrality && t.has_member(kSmall) && t.has_member(kStrong))
      neutrality = &t;
  ASSERT_NE(neutrality, nullptr);
  EXPECT_EQ(neutrality->members.size(), 2u);
  const auto entries = published_about(s.turn.journal, kSmall);
  EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [](const JournalEntry* e) {
    return e->text.find("signed a neutrality treaty with Karvonia") != std::string::npos;
  }));

  const OrderResult renounce = verdict(w, kSmall, WithdrawFromTreaty{neutrality->id});
  EXPECT_FALSE(renounce.accepted);
  EXPECT_NE(renounce.reason.find("Karvonia"), std::string::npos) << renounce.reason;
  // Karvonia, which is not Finlandized, may give notice.
  EXPECT_TRUE(verdict(w, kStrong, WithdrawFromTreaty{neutrality->id}).accepted);
}

TEST(Finlandization, AFinlandizedStateCannotGuaranteeOrAidAStateItsPressurerIsCoercing) {
  const Submission s = submission();
  const World& w = s.turn.world;
  ASSERT_EQ(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
  ASSERT_GT(w.states[kFourth].relations[kStrong].coercion, 0.0);
  const OrderResult guarantee = verdict(w, kSmall, OfferGuarantee{kFourth});
  EXPECT_FALSE(guarantee.accepted);
  EXPECT_NE(guarantee.reason.find("Karvonia"), std::string::npos) << guarantee.reason;
  const OrderResult aid = verdict(w, kSmall, SendMilitaryAid{kFourth, 0.5});
  EXPECT_FALSE(aid.accepted);
  EXPECT_NE(aid.reason.find("Karvonia"), std::string::npos) << aid.reason;
  // Thalassia is not being pressed: Linnmark may still stand by it.
  EXPECT_TRUE(verdict(w, kSmall, OfferGuarantee{kThird}).accepted);
  EXPECT_TRUE(verdict(w, kSmall, SendMilitaryAid{kThird, 0.5}).accepted);
}

TEST(Finlandization, AFinlandizedStateCannotJoinAnAllianceDirectedAgainstItsPressurer) {
  const Submission s = submission();
  const World& w = s.turn.world;
  const OrderResult r =
      verdict(w, kSmall, ProposeTreaty{TreatyType::MutualDefense, {kThird}, {}, ""});
  EXPECT_FALSE(r.accepted);
  EXPECT_NE(r.reason.find("directed against Karvonia"), std::string::npos) << r.reason;
}

TEST(Finlandization, AFinlandizedStateKeepsItsOwnBudget) {
  const Submission s = submission();
  const World& w = s.turn.world;
  ASSERT_EQ(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
  Allocation own;
  own.bp = {4000, 0, 2000, 2500, 500, 500, 500};
  const TurnResult next = play(w, {OrderSet{kSmall, {SetBudget{own, false}}}});
  EXPECT_EQ(next.world.states[kSmall].allocation, own);
  EXPECT_FALSE(next.world.states[kSmall].publish_budget);
}

TEST(Finlandization, ThePressurerGainsInfluenceFromAFinlandizedStatesDiplomacyEachTurn) {
  World independent = pair();
  add_treaty(independent, TreatyType::Neutrality, {kSmall, kStrong});
  World finlandized = independent;
  set_level(finlandized, 90, FinlandStatus::Finlandized);
  const Ruleset& r = independent.ruleset;
  const double y = independent.scenario.years_per_turn();
  // The share of what Linnmark's own diplomacy earns this turn that goes to Karvonia.
  const auto transfer = [&](const World& w) {
    const State& small = w.states[kSmall];
    const double diplomacy_money =
        small.gdp * small.tax_share * y * small.allocation[Category::Diplomacy] / kBasisPoints;
    const double own_gain =
        diplomacy_money * r.influence_per_money() +
        r.influence_per_budget_percent() * small.allocation[Category::Diplomacy] / 100.0 * y;
    return r.finland_influence_share() * own_gain;
  };
  ASSERT_GT(transfer(finlandized), 0.0);

  World a = independent, b = finlandized;
  for (int turn = 1; turn <= 3; ++turn) {
    const double carried = (b.states[kStrong].influence - a.states[kStrong].influence) *
                           (1.0 - r.influence_decay() * y);
    const double expected = carried + transfer(b);
    const TurnResult ra = play(a);
    const TurnResult rb = play(b);
    ASSERT_EQ(toward(rb.world, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
    EXPECT_NEAR(rb.world.states[kStrong].influence - ra.world.states[kStrong].influence, expected,
                1e-9)
        << "turn " << turn;
    const auto told = rb.journal.readable_by(kStrong);
    EXPECT_TRUE(std::any_of(told.begin(), told.end(), [](const JournalEntry* e) {
      return e->text.find("Karvonia gained") != std::string::npos &&
             e->text.find("from Linnmark's diplomacy") != std::string::npos;
    })) << "turn " << turn;
    a = ra.world;
    b = rb.world;
  }
}

TEST(Finlandization, WhenPressureStopsAndItBuildsDefenseAFinlandizedStateWorksItsWayBackOut) {
  World w = pair();
  add_treaty(w, TreatyType::Neutrality, {kSmall, kStrong});
  set_level(w, 75, FinlandStatus::Finlandized);
  Allocation defense;
  defense.bp = {3000, 0, 2000, 3000, 500, 1000, 500};
  std::vector<FinlandStatus> path{FinlandStatus::Finlandized};
  for (int turn = 1; turn <= 20 && path.back() != FinlandStatus::Independent; ++turn) {
    w = play(w, {OrderSet{kSmall, {SetBudget{defense, true}}}}).world;
    const FinlandStatus now = toward(w, kSmall, kStrong).finland_status;
    if (now != path.back()) path.push_back(now);
  }
  EXPECT_EQ(path, (std::vector<FinlandStatus>{FinlandStatus::Finlandized,
                                              FinlandStatus::Accommodating,
                                              FinlandStatus::Independent}));
  EXPECT_EQ(w.states[kSmall].allocation, defense);
}

// --- The balance of push and resistance --------------------------------------------------------

/// Linnmark allied with Thalassia (a credible mutual defense pact) and guaranteed by it; Karvonia
/// keeps its projection where it is, so that the balance stays the same turn after turn.
World defended_trio() {
  World w = trio();
  w.states[kStrong].allocation.bp = {1000, 150, 2850, 3000, 1000, 1000, 1000};
  add_treaty(w, TreatyType::MutualDefense, {kSmall, kThird});
  w.guarantees.push_back({kThird, kSmall, 100});
  refresh_derived(w);
  return w;
}

/// Linnmark's level turn by turn while Karvonia presses it diplomatically every turn.
std::vector<double> levels_under_steady_pressure(World w, int turns) {
  std::vector<double> levels;
  for (int turn = 0; turn < turns; ++turn) {
    w = play(w, {press(kStrong, kSmall, PressureKind::Diplomatic, 1)}).world;
    levels.push_back(toward(w, kSmall, kStrong).finland_level);
  }
  return levels;
}

TEST(Finlandization, TheLevelsDriveIsThePushLessWhatTheResistanceHoldsBack) {
  const World alone = pair();
  const World defended = defended_trio();
  const Ruleset& r = alone.ruleset;
  const FinlandForces weak = finland_forces(alone, kSmall, kStrong, 1.0);
  const FinlandForces strong = finland_forces(defended, kSmall, kStrong, 1.0);
  EXPECT_DOUBLE_EQ(weak.push, weak.pressure);
  EXPECT_DOUBLE_EQ(weak.drive(r), weak.push - r.finland_resistance_pull() * weak.resistance);
  EXPECT_GT(weak.drive(r), 0.0);  // the push outweighs a lone small state's resistance
  EXPECT_DOUBLE_EQ(strong.push, weak.push);
  EXPECT_LT(strong.drive(r), 0.0);  // allies and a guarantor outweigh the same push
  // Nothing pushes at all below the power ratio: no drive, only relaxation.
  const FinlandForces none = finland_forces(pair(500), kSmall, kStrong, 3.0);
  EXPECT_EQ(none.push, 0.0);
  EXPECT_EQ(none.drive(r), 0.0);
}

/// Expects every level to be above (rising) or below (falling) the one before, from `start`.
void expect_every_turn(const std::vector<double>& levels, double start, bool rising) {
  double last = start;
  for (size_t t = 0; t < levels.size(); ++t) {
    if (rising) EXPECT_GT(levels[t], last) << "turn " << t + 1;
    else EXPECT_LT(levels[t], last) << "turn " << t + 1;
    last = levels[t];
  }
}

TEST(Finlandization, SteadyPressureRaisesTheLevelOfAStateThatCannotResistIt) {
  World w = pair();
  set_level(w, 30, FinlandStatus::Independent);
  expect_every_turn(levels_under_steady_pressure(w, 8), 30, true);
}

TEST(Finlandization, UnderTheSameSteadyPressureAStateWithAlliesAndAGuarantorWorksItsWayBackOut) {
  World w = defended_trio();
  set_level(w, 65, FinlandStatus::Accommodating);
  const std::vector<double> levels = levels_under_steady_pressure(w, 6);
  expect_every_turn(levels, 65, false);
  EXPECT_LT(levels.back(), w.ruleset.accommodation_leave());
}

TEST(Finlandization, ResistanceHoldsDownBandwagoningsGainLikeAnyOtherPush) {
  const World alone = pair();
  const World defended = defended_trio();
  const Ruleset& r = alone.ruleset;
  const double gain = r.finland_bandwagon_gain() * alone.scenario.years_per_turn();
  const FinlandForces f = finland_forces(defended, kSmall, kStrong, 0.0, true);
  EXPECT_DOUBLE_EQ(f.bandwagoning, r.finland_bandwagon_gain());
  EXPECT_DOUBLE_EQ(f.push, f.pressure + f.bandwagoning);
  EXPECT_LT(f.drive(r), f.bandwagoning);
  const auto courting = [](const World& w) {
    return level_after(w, {OrderSet{kSmall, {Bandwagon{kStrong}}}});
  };
  // Alone, Linnmark's courting adds most of its gain; with allies and a guarantor, none of it.
  EXPECT_GT(courting(alone), 0.5 * gain);
  EXPECT_EQ(courting(defended), 0.0);
}

// --- Satellites -------------------------------------------------------------------------------

/// Linnmark, with a satellite's small army, Finlandized toward Karvonia; both in a mutual defense
/// pact when `allied`.
World satellite(bool allied) {
  State small = linnmark();
  small.territorial_defense = 20;
  small.power_projection = 5;
  World w = make_world({karvonia(), small});
  w.scenario.turns = 40;
  if (allied) add_treaty(w, TreatyType::MutualDefense, {kSmall, kStrong});
  add_treaty(w, TreatyType::Neutrality, {kSmall, kStrong});
  set_level(w, 80, FinlandStatus::Finlandized);
  return w;
}

TEST(Finlandization, ADominantAllysSwayKeepsItsSatelliteFinlandizedWithoutAnyPressure) {
  World w = satellite(true);
  EXPECT_GT(finland_forces(w, kSmall, kStrong, 0.0).sway, 0.0);
  bool sway_explained = false, breakdown_kept_private = true;
  for (int turn = 1; turn <= 15; ++turn) {
    const TurnResult r = play(w);
    w = r.world;
    const Relation& rel = toward(w, kSmall, kStrong);
    ASSERT_EQ(rel.coercion, 0.0);
    EXPECT_EQ(rel.finland_status, FinlandStatus::Finlandized) << "turn " << turn;
    // The satellite reads the sway in its own report; the patron reads only the level.
    for (const JournalEntry* e : r.journal.readable_by(kSmall))
      sway_explained |= e->text.find("from its sway as a dominant ally") != std::string::npos;
    for (const JournalEntry* e : r.journal.readable_by(kStrong))
      breakdown_kept_private &= e->text.find("resistance") == std::string::npos;
  }
  EXPECT_TRUE(sway_explained);
  EXPECT_TRUE(breakdown_kept_private);
}

TEST(Finlandization, WithoutThePactTheSameSatelliteDriftsOutOfFinlandization) {
  World w = satellite(false);
  EXPECT_EQ(finland_forces(w, kSmall, kStrong, 0.0).sway, 0.0);
  for (int turn = 1; turn <= 15; ++turn) w = play(w).world;
  EXPECT_NE(toward(w, kSmall, kStrong).finland_status, FinlandStatus::Finlandized);
}

TEST(Finlandization, AnAllyUnderThePressurersOwnSwayIsNoCounterweightToIt) {
  World free_ally = trio();
  add_treaty(free_ally, TreatyType::MutualDefense, {kSmall, kThird});
  free_ally.guarantees.push_back({kThird, kSmall, 100});
  World swayed_ally = free_ally;
  swayed_ally.states[kThird].relations[kStrong].finland_level = 100;
  World half_swayed = free_ally;
  half_swayed.states[kThird].relations[kStrong].finland_level = 50;
  const FinlandForces free = finland_forces(free_ally, kSmall, kStrong, 1.0);
  const FinlandForces half = finland_forces(half_swayed, kSmall, kStrong, 1.0);
  const FinlandForces swayed = finland_forces(swayed_ally, kSmall, kStrong, 1.0);
  EXPECT_GT(free.allies, half.allies);
  EXPECT_GT(half.allies, 0.0);
  EXPECT_EQ(swayed.allies, 0.0);
  EXPECT_GT(free.guarantees, 0.0);
  EXPECT_EQ(swayed.guarantees, 0.0);
}

TEST(Finlandization, APactsOtherMembersAreACounterweightToItsStrongestMember) {
  const auto sway_with = [](double third_gdp) {
    State third = thalassia();
    third.gdp = third_gdp;
    World w = make_world({karvonia(), linnmark(), third});
    add_treaty(w, TreatyType::MutualDefense, {kStrong, kSmall, kThird});
    return finland_forces(w, kSmall, kStrong, 0.0).sway;
  };
  World bilateral = pair();
  add_treaty(bilateral, TreatyType::MutualDefense, {kStrong, kSmall});
  const double alone = finland_forces(bilateral, kSmall, kStrong, 0.0).sway;
  EXPECT_GT(alone, 0.0);
  EXPECT_LT(sway_with(200), alone);    // a small third member offsets a little
  EXPECT_LT(sway_with(1000), sway_with(200));
  EXPECT_EQ(sway_with(3000), 0.0);      // a real counterweight: no sway at all
}

}  // namespace
}  // namespace hegemon
