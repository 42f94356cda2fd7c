// Properties of resolve_turn that hold whatever the players order: over many random worlds and
// random order sets of every kind, valid and invalid, drawn from a seeded hegemon::Rng.
// Resolution is deterministic; money is neither made nor lost; no stock goes negative and no
// bounded value leaves its range; every order gets one verdict; and no player's view holds what
// another state keeps to itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "invariants.h"
#include "shared/resolve.h"
#include "shared/rng.h"
#include "shared/schema_adapter.h"
#include "shared/view.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::deterministic_bytes;

constexpr int kWorlds = 40;
constexpr int kTurns = 8;
constexpr int kOrderKinds = 15;  // the alternatives of hegemon::Order

int below(Rng& rng, int n) {
  return static_cast<int>(rng.next() % static_cast<std::uint64_t>(n));
}
double between(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
bool chance(Rng& rng, double p) { return rng.uniform() < p; }

Allocation random_allocation(Rng& rng) {
  Allocation a;
  std::array<double, kCategoryCount> weight{};
  double total = 0;
  for (double& x : weight) total += (x = chance(rng, 0.15) ? 0.0 : rng.uniform());
  if (total <= 0) {
    a[Category::Welfare] = kBasisPoints;
    return a;
  }
  for (int c = 0; c < kCategoryCount; ++c)
    a.bp[c] = static_cast<int>(weight[c] / total * kBasisPoints);
  a[Category::Welfare] += kBasisPoints - a.total();
  return a;
}

TreatyTerms random_terms(Rng& rng, bool may_be_invalid) {
  TreatyTerms t;
  t.spending_floor_bp = below(rng, 400);
  t.contribution_bp = chance(rng, 0.5) ? 0 : below(rng, 300);
  t.duration = chance(rng, 0.6) ? 0 : 2 + below(rng, 10);
  t.review_period = chance(rng, 0.6) ? 0 : 1 + below(rng, 4);
  if (t.duration > 0 && t.review_period > t.duration) t.review_period = t.duration;
  t.exit_notice = below(rng, 3);
  if (may_be_invalid && chance(rng, 0.15)) {
    switch (below(rng, 3)) {
      case 0: t.spending_floor_bp = chance(rng, 0.5) ? -10 : 9000; break;
      case 1: t.contribution_bp = 7000; break;
      default: t.exit_notice = -1; break;
    }
  }
  return t;
}

/// Some members for a treaty among states other than `s` (for neutrality, exactly one).
std::vector<StateIndex> random_members(Rng& rng, int n, StateIndex s, TreatyType type) {
  std::vector<StateIndex> out;
  const int want = type == TreatyType::Neutrality ? 1 : 1 + below(rng, std::min(3, n - 1));
  for (int tries = 0; tries < 20 && static_cast<int>(out.size()) < want; ++tries) {
    const StateIndex m = below(rng, n);
    if (m != s && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

/// A world of 3 to 6 states with every number drawn at random: economies from tiny to huge,
/// random borders and distances, records of hostility, Finlandization levels (with statuses that
/// agree), treaties, guarantees, sanctions, open proposals and scripted events.
World random_world(std::uint64_t seed, double volatility) {
  Rng rng(mix_seed(seed, 0xB0A7D));
  const int n = 3 + below(rng, 4);
  std::vector<State> states;
  for (int i = 0; i < n; ++i) {
    State s = testing::plain_state("S" + std::to_string(i));
    s.gdp = 50.0 * std::exp(between(rng, 0.0, 4.5));
    s.population = between(rng, 1.0, 300.0);
    s.growth = between(rng, -0.02, 0.06);
    s.tax_share = between(rng, 0.1, 0.45);
    s.territorial_defense = chance(rng, 0.1) ? 0.0 : between(rng, 0.0, 1000.0);
    s.power_projection = chance(rng, 0.1) ? 0.0 : between(rng, 0.0, 1000.0);
    s.technology = between(rng, 0.5, 3.0);
    s.stability = between(rng, 5.0, 100.0);
    s.lean = static_cast<GovernmentLean>(below(rng, 3));
    s.influence = chance(rng, 0.1) ? 0.0 : between(rng, 0.0, 80.0);
    s.reputation = between(rng, 0.0, 100.0);
    s.intelligence = between(rng, 0.0, 60.0);
    s.allocation = random_allocation(rng);
    s.publish_budget = chance(rng, 0.5);
    states.push_back(s);
  }
  std::vector<std::pair<int, int>> borders;
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b)
      if (chance(rng, 0.5)) borders.emplace_back(a, b);
  World w = testing::make_world(states, borders, false);
  w.seed = seed;
  w.scenario.turns = 30;
  w.ruleset.set_growth_volatility(volatility);
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b)
      if (!w.map().borders[a][b])
        w.edit_map().distance[a][b] = w.edit_map().distance[b][a] = between(rng, 600, 9000);

  for (int s = 0; s < n; ++s)
    for (int o = 0; o < n; ++o) {
      if (o == s) continue;
      Relation& rel = w.states[s].relations[o];
      if (chance(rng, 0.4)) rel.hostility = between(rng, 0.0, 80.0);
      if (chance(rng, 0.3)) {
        rel.finland_level = between(rng, 0.0, 95.0);
        rel.finland_status = rel.finland_level >= w.ruleset.finlandized_enter()
                                 ? FinlandStatus::Finlandized
                             : rel.finland_level >= w.ruleset.accommodation_enter()
                                 ? FinlandStatus::Accommodating
                                 : FinlandStatus::Independent;
      }
    }
  for (int t = below(rng, 4); t > 0; --t) {
    const StateIndex founder = below(rng, n);
    const auto type = static_cast<TreatyType>(1 + below(rng, 6));
    std::vector<StateIndex> members = random_members(rng, n, founder, type);
    members.push_back(founder);
    const int id = testing::add_treaty(w, type, members, random_terms(rng, false));
    Treaty* treaty = w.find_treaty(id);
    treaty->cohesion = between(rng, 0.2, 1.0);
    treaty->interoperability = between(rng, 0.0, 0.8);
  }
  for (int g = below(rng, 3); g > 0; --g) {
    const StateIndex a = below(rng, n), b = below(rng, n);
    if (a != b) w.guarantees.push_back({a, b, 1 + below(rng, 5)});
  }
  for (int k = below(rng, 3); k > 0; --k) {
    const StateIndex a = below(rng, n), b = below(rng, n);
    if (a != b && !w.is_sanctioning(a, b)) w.sanctions.push_back({a, b});
  }
  for (int k = below(rng, 3); k > 0; --k) {
    Proposal p;
    p.id = w.next_proposal_id++;
    p.proposer = below(rng, n);
    p.type = static_cast<TreatyType>(1 + below(rng, 6));
    p.members = random_members(rng, n, p.proposer, p.type);
    p.members.insert(p.members.begin(), p.proposer);
    p.terms = random_terms(rng, false);
    p.accepted = {p.proposer};
    w.proposals.push_back(p);
  }
  for (int k = below(rng, 4); k > 0; --k) {
    ScenarioEvent e;
    e.turn = 1 + below(rng, kTurns);
    e.state = below(rng, n);
    e.headline = "Unrest in " + w.states[e.state].name;
    e.gdp_change = between(rng, -0.5, 0.3);
    e.stability_change = between(rng, -40.0, 20.0);
    e.territorial_defense_change = between(rng, -0.8, 0.5);
    e.power_projection_change = between(rng, -0.8, 0.5);
    e.technology_change = between(rng, -1.0, 1.0);
    if (chance(rng, 0.5)) {
      e.hostile_toward = (e.state + 1) % n;
      e.hostility = between(rng, 0.0, 60.0);
    }
    w.scenario.events.push_back(e);
  }
  refresh_derived(w);
  return w;
}

/// A state index: usually one of the match (the sender itself included), sometimes none.
StateIndex random_target(Rng& rng, int n) {
  if (chance(rng, 0.92)) return below(rng, n);
  const StateIndex wrong[] = {-1, n, 1000};
  return wrong[below(rng, 3)];
}

int random_proposal_id(const World& w, Rng& rng) {
  if (!w.proposals.empty() && chance(rng, 0.8))
    return w.proposals[below(rng, static_cast<int>(w.proposals.size()))].id;
  return below(rng, 40) - 2;
}

/// One order of kind `kind` (0..14, in the order of the Order variant), valid or not.
Order random_order(const World& w, StateIndex s, int kind, Rng& rng) {
  const int n = w.size();
  switch (kind) {
    case 0: {
      SetBudget b{random_allocation(rng), chance(rng, 0.5)};
      if (chance(rng, 0.15))
        b.allocation.bp[below(rng, kCategoryCount)] += chance(rng, 0.5) ? 7 : -20000;
      return b;
    }
    case 1: {
      const auto type = chance(rng, 0.08) ? static_cast<TreatyType>(chance(rng, 0.5) ? 0 : 9)
                                          : static_cast<TreatyType>(1 + below(rng, 6));
      std::vector<StateIndex> members;
      for (int k = chance(rng, 0.05) ? 0 : 1 + below(rng, 3); k > 0; --k)
        members.push_back(random_target(rng, n));
      return ProposeTreaty{type, members, random_terms(rng, true), "Accord " + std::to_string(s)};
    }
    case 2: return AcceptProposal{random_proposal_id(w, rng)};
    case 3: return RejectProposal{random_proposal_id(w, rng)};
    case 4: return CounterProposal{random_proposal_id(w, rng), random_terms(rng, true)};
    case 5:
      if (!w.treaties.empty() && chance(rng, 0.8))
        return WithdrawFromTreaty{w.treaties[below(rng, static_cast<int>(w.treaties.size()))].id};
      return WithdrawFromTreaty{below(rng, 30) - 2};
    case 6: return CancelProposal{random_proposal_id(w, rng)};
    case 7: {
      const auto kind_of = static_cast<PressureKind>(chance(rng, 0.08) ? 4 : 1 + below(rng, 3));
      const int intensity = chance(rng, 0.08) ? (chance(rng, 0.5) ? 0 : 4) : 1 + below(rng, 3);
      return ApplyPressure{random_target(rng, n), kind_of, intensity};
    }
    case 8: return OfferGuarantee{random_target(rng, n)};
    case 9: {
      const double odd[] = {-5.0, 0.0, std::numeric_limits<double>::quiet_NaN(), 1e12};
      return SendMilitaryAid{random_target(rng, n),
                             chance(rng, 0.85) ? between(rng, 0.1, 30.0) : odd[below(rng, 4)]};
    }
    case 10: return JoinSanction{random_target(rng, n)};
    case 11: return LiftSanction{random_target(rng, n)};
    case 12: return Bandwagon{random_target(rng, n)};
    case 13:
      if (!w.treaties.empty() && chance(rng, 0.8))
        return RequestAccession{w.treaties[below(rng, static_cast<int>(w.treaties.size()))].id};
      return RequestAccession{below(rng, 30) - 2};
    default: return UnreadableOrder{"the order has no kind"};
  }
}

OrderSet random_order_set(const World& w, StateIndex s, Rng& rng) {
  OrderSet set{s, {}};
  for (int k = below(rng, 7); k > 0; --k)
    set.orders.push_back(random_order(w, s, below(rng, kOrderKinds), rng));
  return set;
}

/// Order sets for most seats; now and then a second set for one seat, and one for a seat that
/// does not exist.
std::vector<OrderSet> random_orders(const World& w, Rng& rng) {
  std::vector<OrderSet> sets;
  for (int s = 0; s < w.size(); ++s)
    if (chance(rng, 0.85)) sets.push_back(random_order_set(w, s, rng));
  if (chance(rng, 0.1)) sets.push_back(random_order_set(w, below(rng, w.size()), rng));
  if (chance(rng, 0.05)) {
    OrderSet stray = random_order_set(w, 0, rng);
    stray.state = chance(rng, 0.5) ? -1 : w.size();
    sets.push_back(stray);
  }
  // Seats do not send in state order.
  for (size_t i = sets.size(); i > 1; --i)
    std::swap(sets[i - 1], sets[below(rng, static_cast<int>(i))]);
  return sets;
}

using TurnCheck = std::function<void(const World& before, const std::vector<OrderSet>& orders,
                                     const TurnResult& result, const std::string& where)>;

/// Plays kTurns random turns in each of kWorlds random worlds and runs `check` on every one.
void for_random_turns(const TurnCheck& check, double volatility = 0.01) {
  for (int seed = 1; seed <= kWorlds; ++seed) {
    World w = random_world(static_cast<std::uint64_t>(seed), volatility);
    Rng rng(mix_seed(static_cast<std::uint64_t>(seed), 0x0DE25));
    for (int turn = 1; turn <= kTurns; ++turn) {
      const std::vector<OrderSet> orders = random_orders(w, rng);
      TurnResult r = resolve_turn(w, orders);
      check(w, orders, r, "world " + std::to_string(seed) + ", turn " + std::to_string(turn));
      if (::testing::Test::HasFatalFailure()) return;
      w = std::move(r.world);
    }
  }
}

TEST(Properties, TheSameWorldAndOrdersGiveByteIdenticalWorldsJournalsAndVerdicts) {
  for_random_turns([](const World& before, const std::vector<OrderSet>& orders,
                      const TurnResult& r, const std::string& where) {
    const World copy = before;
    const TurnResult again = resolve_turn(copy, orders);
    EXPECT_EQ(deterministic_bytes(to_proto(r.world)), deterministic_bytes(to_proto(again.world)))
        << where;
    EXPECT_TRUE(testing::same_journal(r.journal, again.journal)) << where;
    ASSERT_EQ(r.results.size(), again.results.size()) << where;
    for (size_t i = 0; i < r.results.size(); ++i) {
      ASSERT_EQ(r.results[i].size(), again.results[i].size()) << where;
      for (size_t j = 0; j < r.results[i].size(); ++j) {
        EXPECT_EQ(r.results[i][j].accepted, again.results[i][j].accepted) << where;
        EXPECT_EQ(r.results[i][j].reason, again.results[i][j].reason) << where;
      }
    }
  });
}

TEST(Properties, DifferentSeedsGiveDifferentEconomiesWhenGrowthIsVolatile) {
  for (int seed = 1; seed <= kWorlds; ++seed) {
    const auto gdps_after_a_turn = [&](std::uint64_t match_seed, double volatility) {
      World w = random_world(static_cast<std::uint64_t>(seed), volatility);
      w.seed = match_seed;
      std::vector<double> gdps;
      for (const auto& st : resolve_turn(w, {}).world.states) gdps.push_back(st.gdp);
      return gdps;
    };
    EXPECT_NE(gdps_after_a_turn(1000, 0.01), gdps_after_a_turn(1001, 0.01)) << "world " << seed;
    // Without volatility the seed plays no part in growth.
    EXPECT_EQ(gdps_after_a_turn(1000, 0.0), gdps_after_a_turn(1001, 0.0)) << "world " << seed;
  }
}

TEST(Properties, EveryOrderGetsExactlyOneVerdict) {
  for_random_turns([](const World&, const std::vector<OrderSet>& orders, const TurnResult& r,
                      const std::string& where) {
    testing::expect_one_result_per_order(orders, r, where);
  });
}

TEST(Properties, BudgetsAreConservedEveryTurn) {
  for_random_turns([](const World&, const std::vector<OrderSet>& orders, const TurnResult& r,
                      const std::string& where) {
    testing::expect_budgets_conserved(orders, r, where);
  });
}

TEST(Properties, NoStockGoesNegativeAndNoBoundedValueLeavesItsRange) {
  for_random_turns([](const World&, const std::vector<OrderSet>&, const TurnResult& r,
                      const std::string& where) {
    testing::expect_world_in_bounds(r.world, where);
  });
}

TEST(Properties, AStateThatSpendsItsLastInfluenceIsNeverLeftInDebt) {
  // No income from diplomacy this turn, so what it has is all it can spend: once with pressure
  // alone, once with a guarantee it already keeps and must go on paying for.
  for (const bool keeps_a_guarantee : {false, true}) {
    State spender = testing::plain_state("SPD");
    spender.influence = keeps_a_guarantee ? 10 : 20;
    spender.allocation.bp = {2000, 1000, 2000, 4000, 1000, 0, 0};
    World w = testing::make_world(
        {spender, testing::plain_state("TGT", 300), testing::plain_state("OTH", 300)});
    OrderSet orders{0, {}};
    if (keeps_a_guarantee) {
      w.guarantees.push_back({0, 2, 5});
      orders.orders = {ApplyPressure{1, PressureKind::MilitaryPosture, 2},
                       OfferGuarantee{1}, ApplyPressure{1, PressureKind::Diplomatic, 1}};
    } else {
      orders.orders = {ApplyPressure{1, PressureKind::MilitaryPosture, 3},
                       ApplyPressure{1, PressureKind::Economic, 3},
                       ApplyPressure{1, PressureKind::Diplomatic, 3}};
    }
    const TurnResult r = resolve_turn(w, {orders});
    testing::expect_one_result_per_order({orders}, r, "spender");
    EXPECT_GE(r.world.states[0].influence, 0.0)
        << (keeps_a_guarantee ? "with" : "without") << " a standing guarantee";
  }
}

TEST(Properties, NoPlayersViewHoldsAnotherStatesPrivateValues) {
  for_random_turns([](const World&, const std::vector<OrderSet>&, const TurnResult& r,
                      const std::string& where) {
    for (StateIndex viewer = kSpectator; viewer < r.world.size(); ++viewer)
      testing::expect_view_hides_private_values(r.world, viewer, where);
  });
}

TEST(Properties, TheRandomOrdersExerciseEveryKindBothAcceptedAndRejected) {
  std::array<int, kOrderKinds> accepted{}, rejected{};
  for_random_turns([&](const World&, const std::vector<OrderSet>& orders, const TurnResult& r,
                       const std::string&) {
    for (size_t i = 0; i < orders.size(); ++i)
      for (const auto& v : r.results[i])
        ++(v.accepted ? accepted : rejected)[orders[i].orders[v.index].index()];
  });
  for (int kind = 0; kind < kOrderKinds; ++kind) {
    EXPECT_GT(rejected[kind], 0) << "order kind " << kind;
    if (kind != kOrderKinds - 1) {  // an unreadable order is never accepted
      EXPECT_GT(accepted[kind], 0) << "order kind " << kind;
    }
  }
}

}  // namespace
}  // namespace hegemon
