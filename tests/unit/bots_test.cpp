// Bots with doctrines: each doctrine's characteristic choice on a hand-built situation, decisions
// that depend only on the seat's own view, and orders that the rules always accept.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/resolve.h"
#include "shared/rng.h"
#include "shared/schema_adapter.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::make_world;
using testing::plain_state;

template <typename T>
int count_orders(const OrderSet& set) {
  int n = 0;
  for (const Order& o : set.orders) n += std::holds_alternative<T>(o) ? 1 : 0;
  return n;
}

template <typename T>
const T* find_order(const OrderSet& set) {
  for (const Order& o : set.orders)
    if (const T* found = std::get_if<T>(&o)) return found;
  return nullptr;
}

int forces_bp(const OrderSet& set) {
  const SetBudget* b = find_order<SetBudget>(set);
  return b ? b->allocation[Category::TerritorialDefense] + b->allocation[Category::PowerProjection]
           : -1;
}

/// How many of `seeds` worlds (the same world, another match seed) make `seat` under `doctrine`
/// choose what `chose` looks for.
int times_chosen(World w, StateIndex seat, const std::string& doctrine, int seeds,
                 const std::function<bool(const OrderSet&)>& chose) {
  int n = 0;
  for (int s = 0; s < seeds; ++s) {
    w.seed = mix_seed(77, static_cast<std::uint64_t>(s));
    n += chose(play_seat(w, seat, doctrine).orders) ? 1 : 0;
  }
  return n;
}

/// A great power (A) bordering two middling states (B, C) that both fear it, and a small one (D).
World great_power_and_neighbours() {
  State a = plain_state("A", 8000);
  a.power_projection = 1500;
  a.territorial_defense = 800;
  a.publish_budget = false;
  a.influence = 200;
  State d = plain_state("D", 150);
  d.territorial_defense = 15;
  d.power_projection = 5;
  return make_world({a, plain_state("B", 1500), plain_state("C", 1500), d});
}

TEST(Bots, EveryDoctrineOfTheStandardRulesetIsThereWithATitleAndADescription) {
  const World w = great_power_and_neighbours();
  const std::vector<std::string> names = doctrine_names(w.ruleset);
  for (const char* expected : {"defensive_realist", "offensive_realist", "institutionalist", "hedger"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  for (const auto& d : w.ruleset.doctrines()) {
    EXPECT_FALSE(d.title().empty()) << d.name();
    EXPECT_FALSE(d.description().empty()) << d.name();
  }
}

TEST(Bots, AnUnknownDoctrineIsRefusedWithTheNamesThatExist) {
  const World w = great_power_and_neighbours();
  try {
    play_seat(w, 1, "pacifist");
    FAIL() << "an unknown doctrine was played";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("pacifist"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("defensive_realist"), std::string::npos) << e.what();
  }
}

TEST(Bots, AnOffensiveRealistPressesTheWeakNeighbourADefensiveRealistLeavesAlone) {
  const World w = great_power_and_neighbours();
  auto presses_d = [](const OrderSet& o) {
    for (const Order& order : o.orders)
      if (const auto* p = std::get_if<ApplyPressure>(&order); p && p->target == 3) return true;
    return false;
  };
  EXPECT_GE(times_chosen(w, 0, "offensive_realist", 20, presses_d), 15);
  EXPECT_EQ(times_chosen(w, 0, "defensive_realist", 20, presses_d), 0);
}

TEST(Bots, AnOffensiveRealistBuysMoreProjectionThanADefensiveRealistInTheSameSeat) {
  const World w = great_power_and_neighbours();
  auto projection = [&](const std::string& doctrine) {
    const BotDecision decision = play_seat(w, 0, doctrine);
    const SetBudget* b = find_order<SetBudget>(decision.orders);
    return b ? b->allocation[Category::PowerProjection] : -1;
  };
  EXPECT_GT(projection("offensive_realist"), 2 * projection("defensive_realist"));
}

TEST(Bots, ThreatenedStatesSeekAlliesThatFearTheSamePowerNeverThePowerItself) {
  const World w = great_power_and_neighbours();
  int pacts_with_c = 0;
  for (int s = 0; s < 60; ++s) {
    World seeded = w;
    seeded.seed = mix_seed(5, static_cast<std::uint64_t>(s));
    for (const Order& o : play_seat(seeded, 1, "defensive_realist").orders.orders) {
      const auto* p = std::get_if<ProposeTreaty>(&o);
      if (!p || p->type != TreatyType::MutualDefense) continue;
      EXPECT_EQ(std::count(p->members.begin(), p->members.end(), 0), 0) << "a pact with A";
      pacts_with_c += std::count(p->members.begin(), p->members.end(), 2) > 0 ? 1 : 0;
    }
  }
  EXPECT_GE(pacts_with_c, 10);  // of 60 turns, each with the doctrine's initiative chance
}

TEST(Bots, AnInstitutionalistPublishesItsBudgetMoreOftenThanAnOffensiveRealist) {
  World w = great_power_and_neighbours();
  auto publishes = [](const OrderSet& o) {
    const SetBudget* b = find_order<SetBudget>(o);
    return b && b->publish_budget;
  };
  // Both start withholding: only those that reconsider and choose to publish do.
  w.states[1].publish_budget = false;
  const int institutionalist = times_chosen(w, 1, "institutionalist", 200, publishes);
  const int realist = times_chosen(w, 1, "offensive_realist", 200, publishes);
  EXPECT_GT(institutionalist, realist + 10);
}

TEST(Bots, AnInstitutionalistJoinsASanctionOthersHaveBegunAgainstTheStateItFears) {
  World w = great_power_and_neighbours();
  w.sanctions.push_back({2, 0});
  w.sanctions.push_back({3, 0});
  auto sanctions_a = [](const OrderSet& o) {
    const JoinSanction* s = find_order<JoinSanction>(o);
    return s && s->target == 0;
  };
  const int institutionalist = times_chosen(w, 1, "institutionalist", 40, sanctions_a);
  const int hedger = times_chosen(w, 1, "hedger", 40, sanctions_a);
  EXPECT_GE(institutionalist, 10);
  EXPECT_LT(hedger, institutionalist);
}

TEST(Bots, ASmallStateAloneBesideAGreatPowerReassuresItWithAHedgersTreaties) {
  // No ally within reach: A and D border each other; E is far from both.
  const World full = great_power_and_neighbours();
  const World w =
      make_world({full.states[0], full.states[3], plain_state("E", 200)}, {{0, 1}}, false);
  auto reassures_a = [](const OrderSet& o) {
    for (const Order& order : o.orders)
      if (const auto* p = std::get_if<ProposeTreaty>(&order);
          p && p->members == std::vector<StateIndex>{0} &&
          (p->type == TreatyType::NonAggression || p->type == TreatyType::Neutrality ||
           p->type == TreatyType::ConfidenceBuilding))
        return true;
    return false;
  };
  EXPECT_GE(times_chosen(w, 1, "hedger", 80, reassures_a), 10);
}

TEST(Bots, ANeighboursBuildUpRaisesDefenseEvenWhenItIsNotTheTopThreat) {
  // B fears A most; C is a lesser neighbour. C's projection build-up must still move B's budget.
  World calm = great_power_and_neighbours();
  World armed = calm;
  armed.states[2].power_projection *= 4;
  refresh_derived(calm);
  refresh_derived(armed);
  ASSERT_GT(armed.threat.at(1, 0), armed.threat.at(1, 2)) << "A must stay B's top threat";
  EXPECT_GT(forces_bp(play_seat(armed, 1, "defensive_realist").orders),
            forces_bp(play_seat(calm, 1, "defensive_realist").orders) + 100);
}

TEST(Bots, ASeatTakesUpNewInitiativesOnlySometimesButAnswersEveryTurn) {
  World w = great_power_and_neighbours();
  Proposal offer;
  offer.id = w.next_proposal_id++;
  offer.proposer = 2;
  offer.type = TreatyType::MutualDefense;
  offer.members = {2, 1};
  offer.accepted = {2};
  offer.turn = w.turn;
  w.proposals.push_back(offer);
  auto initiatives = [](const OrderSet& o) {
    return count_orders<ProposeTreaty>(o) + count_orders<RequestAccession>(o) +
           count_orders<Bandwagon>(o);
  };
  auto answers = [](const OrderSet& o) {
    return count_orders<AcceptProposal>(o) + count_orders<RejectProposal>(o) +
           count_orders<CounterProposal>(o);
  };
  constexpr int kSeeds = 80;
  int with_initiative = 0;
  for (int s = 0; s < kSeeds; ++s) {
    w.seed = mix_seed(9, static_cast<std::uint64_t>(s));
    const OrderSet o = play_seat(w, 1, "defensive_realist").orders;
    with_initiative += initiatives(o) > 0 ? 1 : 0;
    EXPECT_EQ(answers(o), 1) << "seed " << s;
  }
  // An initiative is taken with the doctrine's chance, and not every one finds a treaty worth
  // proposing: some turns, never all.
  const double chance = find_doctrine(w.ruleset, "defensive_realist")->initiative();
  EXPECT_GT(with_initiative, 0);
  EXPECT_LE(with_initiative, static_cast<int>(kSeeds * chance * 1.5) + 2);
}

TEST(Bots, ABotsOrdersDoNotChangeWhenWhatItCannotSeeChanges) {
  const World w = great_power_and_neighbours();
  World hidden = w;
  // Nothing of this is in B's view: others' influence, intelligence, their records and levels
  // toward third states, their doctrines, a proposal B is not party to, the events to come.
  hidden.states[0].influence += 37;
  hidden.states[2].intelligence += 20;
  hidden.states[2].relations[0].hostility = 55;
  hidden.states[3].relations[0].finland_level = 35;
  hidden.states[0].doctrine = "offensive_realist";
  Proposal secret;
  secret.id = hidden.next_proposal_id++;
  secret.proposer = 2;
  secret.type = TreatyType::MutualDefense;
  secret.members = {2, 3};
  hidden.proposals.push_back(secret);
  ScenarioEvent coming;
  coming.turn = 5;
  coming.state = 0;
  coming.headline = "a fleet sails";
  hidden.scenario.events.push_back(coming);
  for (const char* doctrine : {"defensive_realist", "offensive_realist", "institutionalist", "hedger"}) {
    const BotDecision a = play_seat(w, 1, doctrine);
    const BotDecision b = play_seat(hidden, 1, doctrine);
    EXPECT_EQ(a.reasons, b.reasons) << doctrine;
  }
}

TEST(Bots, TheSameWorldGivesTheSameOrdersAndAnotherSeedOtherHistories) {
  const World w = load_scenario_file("cold_war_1949", 3);
  EXPECT_EQ(play_seat(w, 5).reasons, play_seat(w, 5).reasons);
  // Over a few turns, two seeds part ways.
  auto history = [&](std::uint64_t seed) {
    World x = w;
    x.seed = seed;
    std::string all;
    for (int t = 0; t < 6; ++t) {
      std::vector<OrderSet> sets;
      for (StateIndex s = 0; s < x.size(); ++s) {
        BotDecision d = play_seat(x, s);
        for (const auto& r : d.reasons) all += r + "\n";
        sets.push_back(std::move(d.orders));
      }
      x = resolve_turn(x, sets).world;
    }
    return all;
  };
  EXPECT_EQ(history(11), history(11));
  EXPECT_NE(history(11), history(12));
}

/// The bots a batch keeps for a whole match, reusing their storage from turn to turn, decide
/// exactly as fresh ones do, and skipping the reasons changes no order.
TEST(Bots, BotsKeptForAWholeMatchDecideAsFreshOnesWithOrWithoutReasons) {
  World w = load_scenario_file("cold_war_1949", 5);
  std::vector<StateIndex> seats(size_t(w.size()));
  for (StateIndex s = 0; s < w.size(); ++s) seats[size_t(s)] = s;
  MatchBots explained(Reasons::Written), terse(Reasons::Skipped);
  std::vector<BotDecision> kept, quiet;
  TurnResult into;
  for (int t = 0; t < 12; ++t) {
    const std::vector<BotDecision> fresh = play_seats(w, seats);
    explained.play(w, seats, kept);
    terse.play(w, seats, quiet);
    std::vector<OrderSet> sets;
    for (size_t i = 0; i < seats.size(); ++i) {
      const std::string orders = to_proto(w, fresh[i].orders, w.turn).SerializeAsString();
      EXPECT_EQ(to_proto(w, kept[i].orders, w.turn).SerializeAsString(), orders) << "turn " << t;
      EXPECT_EQ(to_proto(w, quiet[i].orders, w.turn).SerializeAsString(), orders) << "turn " << t;
      EXPECT_EQ(kept[i].reasons, fresh[i].reasons);
      EXPECT_EQ(kept[i].reasons.size(), kept[i].orders.orders.size());
      EXPECT_TRUE(quiet[i].reasons.empty());
      sets.push_back(fresh[i].orders);
    }
    // A result written over the last one's storage is the result resolved afresh.
    const TurnResult afresh = resolve_turn(w, sets);
    resolve_turn(w, sets, into);
    EXPECT_EQ(to_proto(into.world).SerializeAsString(), to_proto(afresh.world).SerializeAsString());
    EXPECT_EQ(into.journal.size(), afresh.journal.size());
    w = into.world;
  }
}

/// Every scenario, many seeds, a random doctrine per seat: every order a bot sends is accepted.
TEST(Bots, NeverSendAnOrderTheRulesRefuseOverManySeedsAndScenarios) {
  for (const char* scenario : {"tutorial", "indo_pacific", "cold_war_1949"}) {
    const World base = load_scenario_file(scenario, 1);
    const std::vector<std::string> doctrines = doctrine_names(base.ruleset);
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      World w = base;
      w.seed = mix_seed(seed, 99);
      Rng pick(seed);
      for (auto& st : w.states)
        st.doctrine = doctrines[static_cast<size_t>(pick.uniform() * double(doctrines.size()))];
      while (!w.ended) {
        std::vector<OrderSet> sets;
        for (StateIndex s = 0; s < w.size(); ++s) sets.push_back(play_seat(w, s).orders);
        TurnResult r = resolve_turn(w, sets);
        for (size_t i = 0; i < r.results.size(); ++i)
          for (const auto& verdict : r.results[i])
            ASSERT_TRUE(verdict.accepted)
                << scenario << " seed " << seed << " turn " << w.turn + 1 << ": "
                << w.states[sets[i].state].name << " (" << w.states[sets[i].state].doctrine
                << "): " << verdict.reason;
        w = std::move(r.world);
      }
    }
  }
}

}  // namespace
}  // namespace hegemon
