// Views that stay secret over a whole match. An observer that keeps every view it received and
// averages them knows a withheld budget no better than one view says; what the public turn report
// says carries no private number; and what the public arithmetic of GDP and stability lets an
// observer work out is measured, not assumed.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/turn_context.h"
#include "shared/view.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::make_world;
using testing::orders_for;
using testing::plain_state;
using testing::split;

constexpr int kTurns = 40;

/// A whole match of the cold war with a bot in every seat: the world after each turn, and each
/// turn's journal. Played once for every test here.
struct PlayedMatch {
  World start;
  std::vector<World> worlds;
  std::vector<Journal> journals;
};

const PlayedMatch& cold_war_match() {
  static const PlayedMatch match = [] {
    PlayedMatch m;
    m.start = load_scenario_file("cold_war_1949", 1962);
    World w = m.start;
    for (int turn = 0; turn < kTurns && !w.ended; ++turn) {
      std::vector<OrderSet> orders;
      for (StateIndex s = 0; s < w.size(); ++s) orders.push_back(play_seat(w, s).orders);
      TurnResult r = resolve_turn(w, orders);
      w = r.world;
      m.worlds.push_back(std::move(r.world));
      m.journals.push_back(std::move(r.journal));
    }
    return m;
  }();
  return match;
}

const pb::StateView* seen_in(const pb::PlayerView& v, const std::string& id) {
  for (const auto& o : v.others())
    if (o.id() == id) return &o;
  return nullptr;
}

/// How well an observer knows the withheld quantities it watched all match, as mean absolute
/// relative errors over every (target, quantity): of the match-average of its estimates against
/// the match-average of the truth, and of one view against the truth that turn; beside the mean
/// error its views stated.
struct Recovery {
  double averaged = 0;
  double single = 0;
  double stated = 0;
  int quantities = 0;
};

/// One quantity watched over the match.
struct Watched {
  double estimates = 0, truths = 0, single_misses = 0;
  int turns = 0;
};

Recovery recovery(const PlayedMatch& m, StateIndex observer) {
  // Quantities: the seven allocation shares, territorial defense, power projection, stability.
  constexpr int kQuantities = kCategoryCount + 3;
  std::map<StateIndex, std::array<Watched, kQuantities>> watched;
  double stated = 0;
  int views = 0;
  for (const World& w : m.worlds) {
    const pb::PlayerView v = make_view(w, observer);
    for (StateIndex t = 0; t < w.size(); ++t) {
      const State& truth = w.states[t];
      if (t == observer || truth.publish_budget) continue;
      const pb::StateView* seen = seen_in(v, truth.id);
      if (!seen) continue;
      const Allocation guess = from_proto(seen->allocation());
      std::array<double, kQuantities> est{}, real{};
      for (int c = 0; c < kCategoryCount; ++c) {
        est[c] = guess.bp[c];
        real[c] = truth.allocation.bp[c];
      }
      est[kCategoryCount] = seen->territorial_defense();
      real[kCategoryCount] = truth.territorial_defense;
      est[kCategoryCount + 1] = seen->power_projection();
      real[kCategoryCount + 1] = truth.power_projection;
      est[kCategoryCount + 2] = seen->stability();
      real[kCategoryCount + 2] = truth.stability;
      for (int q = 0; q < kQuantities; ++q) {
        Watched& x = watched[t][q];
        x.estimates += est[q];
        x.truths += real[q];
        if (real[q] > 0) x.single_misses += std::fabs(est[q] - real[q]) / real[q];
        ++x.turns;
      }
      stated += seen->estimate_error();
      ++views;
    }
  }
  Recovery r;
  for (const auto& [target, quantities] : watched)
    for (int q = 0; q < kQuantities; ++q) {
      const Watched& x = quantities[q];
      // Shares under 5 % are mostly rounding; a relative error on them says little.
      const bool share = q < kCategoryCount;
      if (x.turns == 0 || x.truths <= 0) continue;
      if (share && x.truths / x.turns < 500) continue;
      r.averaged += std::fabs(x.estimates - x.truths) / x.truths;
      r.single += x.single_misses / x.turns;
      ++r.quantities;
    }
  if (r.quantities > 0) {
    r.averaged /= r.quantities;
    r.single /= r.quantities;
  }
  if (views > 0) r.stated = stated / views;
  return r;
}

/// The state that starts with the least intelligence (the first of equals).
StateIndex least_intelligent(const World& w) {
  StateIndex best = 0;
  for (StateIndex s = 1; s < w.size(); ++s)
    if (w.states[s].intelligence < w.states[best].intelligence) best = s;
  return best;
}

// The criterion. One view's error is uniform within +-e (the stated error), so its mean absolute
// value is e/2. An observer that could average fresh errors away would be left with about
// e / (2 sqrt(n)) after n views, 0.08 e over forty turns. The views keep their secret if the
// match-average is still at least half as far off as one view: mean absolute relative error of
// the average >= e/4, and >= half the mean miss of a single view (renormalised shares and
// clamped stability miss a little less than e/2, hence the second, self-scaled, bound). Both are
// means over every withheld (target, quantity) the observer watched, dozens of independent
// errors, so the figure is stable from seed to seed.
void expect_recovers_no_better_than_stated(const PlayedMatch& m, StateIndex observer,
                                           const std::string& who) {
  const Recovery r = recovery(m, observer);
  ASSERT_GE(r.quantities, 20) << who << " watched too few withheld quantities to judge";
  std::printf("%s: stated error %.3f, one view off by %.3f, the match-average off by %.3f "
              "(%d quantities)\n",
              who.c_str(), r.stated, r.single, r.averaged, r.quantities);
  EXPECT_GE(r.averaged, 0.25 * r.stated) << who;
  EXPECT_GE(r.averaged, 0.5 * r.single) << who;
}

TEST(ViewSecrecy, ASpectatorAveragingAWholeMatchOfViewsKnowsAWithheldBudgetNoBetterThanOneView) {
  expect_recovers_no_better_than_stated(cold_war_match(), kSpectator, "the spectator");
}

TEST(ViewSecrecy, ALowIntelligenceStateAveragingAWholeMatchOfViewsKnowsNoBetterThanOneView) {
  const PlayedMatch& m = cold_war_match();
  const StateIndex observer = least_intelligent(m.start);
  expect_recovers_no_better_than_stated(m, observer, m.start.states[observer].name);
}

TEST(ViewSecrecy, AnEstimateErrorStaysFromTurnToTurnAndMovesOnlyALittle) {
  const PlayedMatch& m = cold_war_match();
  const World& first = m.worlds.front();
  const Ruleset& r = first.ruleset;
  // The spectator's intelligence never changes, so its errors are never re-drawn: each turn's
  // error on a target's power projection is within a small step of the last.
  const double step = 3.0 * r.estimate_drift_share() / r.estimate_drift_period();  // of e
  int compared = 0;
  for (size_t i = 1; i < m.worlds.size(); ++i)
    for (StateIndex t = 0; t < first.size(); ++t) {
      const World& before = m.worlds[i - 1];
      const World& after = m.worlds[i];
      if (before.states[t].publish_budget || after.states[t].publish_budget) continue;
      const double e = estimate_error(after, kSpectator);
      const auto miss = [&](const World& w) {
        return estimate_state(w, kSpectator, t).power_projection / w.states[t].power_projection - 1;
      };
      EXPECT_LE(std::fabs(miss(after) - miss(before)), step * e + 1e-12)
          << first.states[t].name << ", turn " << after.turn;
      ++compared;
    }
  EXPECT_GT(compared, 0);
}

TEST(ViewSecrecy, TheErrorIsRedrawnWhenTheViewersIntelligenceEntersAnotherBand) {
  World w = cold_war_match().worlds.front();
  const StateIndex viewer = least_intelligent(w);
  StateIndex target = 0;
  while (w.states[target].publish_budget || target == viewer) ++target;
  const Ruleset& r = w.ruleset;
  const auto miss = [&](double intelligence) {
    w.states[viewer].intelligence = intelligence;
    return estimate_state(w, viewer, target).power_projection /
               w.states[target].power_projection - 1;
  };
  // Within a band only the stated error scales the same draw; in the next band it is re-drawn.
  const double scale = r.estimate_intelligence_scale();
  const double band_top = scale * r.estimate_redraw_step();  // error base / (1 + step)
  const double low = miss(0.1 * band_top) / estimate_error(w, viewer);
  const double same_band = miss(0.9 * band_top) / estimate_error(w, viewer);
  EXPECT_NEAR(low, same_band, 1e-12);
  const double next_band = miss(1.1 * band_top) / estimate_error(w, viewer);
  EXPECT_NE(low, next_band);
}

/// Draws kept from turn to turn (as the bots keep them) give the estimates drawn afresh, through
/// the drift's stretches and a change of the viewer's band.
TEST(ViewSecrecy, EstimatesOnDrawsKeptFromTurnToTurnAreTheEstimatesDrawnAfresh) {
  const PlayedMatch& m = cold_war_match();
  const int n = m.start.size();
  std::vector<EstimateDraws> kept(size_t(n + 1) * n);
  const StateIndex sharpened = least_intelligent(m.start);
  int compared = 0;
  for (size_t i = 0; i < m.worlds.size(); ++i) {
    World w = m.worlds[i];
    // Halfway through, one viewer's intelligence jumps into another band.
    if (i >= m.worlds.size() / 2)
      w.states[sharpened].intelligence += 10 * w.ruleset.estimate_intelligence_scale();
    for (StateIndex viewer = kSpectator; viewer < n; ++viewer) {
      const ViewerAccuracy accuracy = viewer_accuracy(w, viewer);
      for (StateIndex t = 0; t < n; ++t) {
        const StateEstimate fresh = estimate_state(w, viewer, t);
        const StateEstimate reused =
            estimate_state(w, viewer, t, accuracy, kept[size_t(viewer + 1) * n + t]);
        ASSERT_EQ(reused.allocation, fresh.allocation) << "turn " << w.turn;
        ASSERT_EQ(reused.territorial_defense, fresh.territorial_defense);
        ASSERT_EQ(reused.power_projection, fresh.power_projection);
        ASSERT_EQ(reused.technology, fresh.technology);
        ASSERT_EQ(reused.stability, fresh.stability);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

TEST(ViewSecrecy, EstimateStateIsWhatTheViewShows) {
  const PlayedMatch& m = cold_war_match();
  const World& w = m.worlds[m.worlds.size() / 2];
  for (StateIndex viewer : {kSpectator, StateIndex{0}, least_intelligent(m.start)}) {
    const pb::PlayerView v = make_view(w, viewer);
    for (StateIndex t = 0; t < w.size(); ++t) {
      if (t == viewer) continue;
      const StateEstimate e = estimate_state(w, viewer, t);
      const pb::StateView* seen = seen_in(v, w.states[t].id);
      ASSERT_NE(seen, nullptr);
      EXPECT_EQ(from_proto(seen->allocation()), e.allocation);
      EXPECT_EQ(seen->territorial_defense(), e.territorial_defense);
      EXPECT_EQ(seen->power_projection(), e.power_projection);
      EXPECT_EQ(seen->technology(), e.technology);
      EXPECT_EQ(seen->stability(), e.stability);
    }
  }
}

// --- What public GDP and stability give away ----------------------------------------------------
//
// GDP is public, as in the world: growth = trend + growth_per_investment_gdp_percent x investment
// - defense drag - sanctions + a shock within +-growth_volatility, so one turn's growth, inverted,
// names the economy share to within the shock. Stability answers to welfare and defense spending
// with no shock at all. The observer here knows the best an observer could: the trend (from the
// scenario), the ruleset, and even the withheld defense spending and revenue, so what is left is
// only what the rules themselves hide. Turns with pressure, events, sanctions, a fall of the
// government or a clamp at a limit are left out, as a careful observer would.

/// One state's withheld share as worked out from public arithmetic over the match.
struct Inferred {
  double guessed = 0, truth = 0, single_misses = 0;
  int turns = 0;
};

/// Whether this turn's public news or sanctions touched `t` in a way the inversion cannot undo.
bool disturbed(const World& before, const World& after, const Journal& journal, StateIndex t) {
  if (after.states[t].government_changes != before.states[t].government_changes) return true;
  for (const World* w : {&before, &after})
    for (const Sanction& s : w->sanctions)
      if (s.sanctioner == t || s.target == t) return true;
  for (const JournalEntry* e : journal.readable_by(kSpectator)) {
    if (e->topic != Topic::Pressure && e->topic != Topic::Event) continue;
    if (std::find(e->states.begin(), e->states.end(), t) != e->states.end()) return true;
  }
  return false;
}

/// What a share of this turn's spendable budget comes to as a percent of GDP.
double share_from_gdp_percent(const World& before, const World& after, StateIndex t, double pct) {
  const double y = before.scenario.years_per_turn();
  const State& st = after.states[t];
  const double spendable = st.last_revenue - st.last_contributions;
  return pct / 100.0 * before.states[t].gdp * y / spendable * kBasisPoints;
}

double defense_gdp_percent(const World& before, const World& after, StateIndex t) {
  return gdp_percent(after.states[t].last_spending.forces(), before.states[t].gdp,
                     before.scenario.years_per_turn());
}

/// Mean absolute relative error, over the withheld states, of the match-average share inferred
/// (and, as `single`, of one turn's).
struct InferenceError {
  double averaged = 0, single = 0;
  int states = 0;
};

InferenceError summarise(const std::map<StateIndex, Inferred>& inferred) {
  InferenceError out;
  for (const auto& [t, x] : inferred) {
    if (x.turns < 5 || x.truth <= 0) continue;
    out.averaged += std::fabs(x.guessed - x.truth) / x.truth;
    out.single += x.single_misses / x.turns;
    ++out.states;
  }
  if (out.states > 0) out.averaged /= out.states, out.single /= out.states;
  return out;
}

/// `category`'s share of every withheld budget as `guess(before, after, t)` works it out from
/// each undisturbed turn (a negative guess: the turn cannot be read).
template <typename Guess>
InferenceError infer_share(const PlayedMatch& m, Category category, const Guess& guess) {
  std::map<StateIndex, Inferred> inferred;
  for (size_t i = 0; i < m.worlds.size(); ++i) {
    const World& before = i == 0 ? m.start : m.worlds[i - 1];
    const World& after = m.worlds[i];
    for (StateIndex t = 0; t < after.size(); ++t) {
      if (after.states[t].publish_budget || disturbed(before, after, m.journals[i], t)) continue;
      const double share = guess(before, after, t);
      if (share < 0) continue;
      const double truth = after.states[t].allocation[category];
      Inferred& x = inferred[t];
      x.guessed += share;
      x.truth += truth;
      x.single_misses += std::fabs(share - truth) / truth;
      ++x.turns;
    }
  }
  return summarise(inferred);
}

double growth_of(const World& before, const World& after, StateIndex t) {
  return (after.states[t].gdp / before.states[t].gdp - 1.0) / before.scenario.years_per_turn();
}

/// The economy share of every withheld budget, from each turn's public GDP growth.
InferenceError economy_share_from_gdp(const PlayedMatch& m) {
  return infer_share(m, Category::Economy, [](const World& before, const World& after,
                                              StateIndex t) {
    const Ruleset& r = after.ruleset;
    const double g = growth_of(before, after, t);
    if (g <= r.growth_floor() + 1e-9 || g >= r.growth_ceiling() - 1e-9) return -1.0;
    const double drag = r.defense_drag_per_gdp_percent() *
                        std::max(0.0, defense_gdp_percent(before, after, t) -
                                          r.defense_drag_free_gdp_percent());
    const double invest_pct =
        (g - after.states[t].growth + drag) / r.growth_per_investment_gdp_percent();
    return share_from_gdp_percent(before, after, t, invest_pct);
  });
}

/// The welfare share of every withheld budget, from each turn's change of stability as `viewer`
/// sees it (the truth when `exact`).
InferenceError welfare_share_from_stability(const PlayedMatch& m, StateIndex viewer, bool exact) {
  return infer_share(m, Category::Welfare, [&](const World& before, const World& after,
                                               StateIndex t) {
    const Ruleset& r = after.ruleset;
    const double stability = after.states[t].stability;
    if (t == viewer || stability <= 0 || stability >= 100) return -1.0;
    const double s0 =
        exact ? before.states[t].stability : estimate_state(before, viewer, t).stability;
    const double s1 = exact ? stability : estimate_state(after, viewer, t).stability;
    const double y = before.scenario.years_per_turn();
    const double crowding = r.stability_loss_per_defense_gdp_percent() *
                            std::max(0.0, defense_gdp_percent(before, after, t) -
                                              r.defense_tolerated_gdp_percent());
    const double recession = r.stability_loss_per_recession_percent() *
                             std::max(0.0, -growth_of(before, after, t) * 100);
    const double reversion = r.stability_reversion() * (r.stability_resting_level() - s0);
    const double welfare_pct = ((s1 - s0) / y + crowding + recession - reversion) /
                               r.stability_per_welfare_gdp_percent();
    return share_from_gdp_percent(before, after, t, welfare_pct);
  });
}

TEST(ViewSecrecy, PublicGdpGivesAWithheldEconomyShareAwayOnlyToWithinTheGrowthShock) {
  const PlayedMatch& m = cold_war_match();
  const InferenceError e = economy_share_from_gdp(m);
  ASSERT_GE(e.states, 3);
  std::printf("economy share from public GDP: one turn off by %.3f, the match-average by %.3f "
              "(%d withheld budgets)\n",
              e.single, e.averaged, e.states);
  // The figures docs/RULES.md states: one turn's growth is off by about 40 %, a whole match's
  // average by about 5-13 % (seeds vary) for this best-informed observer, which is sharper than
  // a spectator's view (+-40 %) but not than a state's with good intelligence. If the growth
  // shock went, the channel would be exact and the documentation wrong: hence the floors.
  EXPECT_GT(e.single, 0.3);
  EXPECT_GT(e.averaged, 0.02);
}

TEST(ViewSecrecy, StabilityShownExactlyWouldGiveAWithheldWelfareShareAwaySoItIsAnEstimate) {
  const PlayedMatch& m = cold_war_match();
  // On the true stability the inversion is exact: the channel the estimate closes.
  const InferenceError truth = welfare_share_from_stability(m, kSpectator, true);
  ASSERT_GE(truth.states, 3);
  EXPECT_LT(truth.averaged, 0.01);
  // On the stability a spectator is shown it is no better than the view's stated error.
  const InferenceError seen = welfare_share_from_stability(m, kSpectator, false);
  ASSERT_GE(seen.states, 3);
  std::printf("welfare share from stability: exact %.4f, from the spectator's view %.3f "
              "(one turn %.3f)\n",
              truth.averaged, seen.averaged, seen.single);
  EXPECT_GE(seen.averaged, 0.25 * estimate_error(m.start, kSpectator));
}

// --- The public report -------------------------------------------------------------------------

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

TEST(ViewSecrecy, APublishedFinlandizationStatusChangeStatesNoLevel) {
  const PlayedMatch& m = cold_war_match();
  int changes = 0;
  for (const Journal& j : m.journals)
    for (const JournalEntry* e : j.readable_by(kSpectator)) {
      if (e->topic != Topic::Finlandization) continue;
      EXPECT_EQ(e->text.find("level"), std::string::npos) << e->text;
      // Before and after are statuses, which are public (0 and 0 for news without numbers).
      EXPECT_TRUE(e->before == 0 || e->before == 1 || e->before == 2) << e->text;
      EXPECT_TRUE(e->after == 0 || e->after == 1 || e->after == 2) << e->text;
      if (e->before == e->after) continue;
      // A change of status names states only, and state names carry no digits.
      EXPECT_FALSE(has_digit(e->text)) << e->text;
      ++changes;
    }
  EXPECT_GT(changes, 0) << "the match had no public Finlandization news to check";
}

TEST(ViewSecrecy, ABreachByAStateThatWithholdsItsBudgetDoesNotPublishWhatItSpent) {
  State free_rider = plain_state("B");
  free_rider.allocation = split({500, 500, 3000, 3000, 1000, 1000, 1000});  // forces 2 % of GDP
  free_rider.publish_budget = false;
  World w = make_world({plain_state("A"), free_rider, plain_state("C")});
  TreatyTerms terms;
  terms.spending_floor_bp = 300;
  testing::add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  const TurnResult result = resolve_turn(w, {});
  // Everyone reads that it fell short of the public floor, and what it cost it in reputation.
  const JournalEntry* breach = testing::entry_read_by(result.journal, 2, "State B spent");
  ASSERT_NE(breach, nullptr);
  EXPECT_TRUE(breach->is_public);
  EXPECT_NE(breach->text.find("less on forces than the 3.00 % floor"), std::string::npos)
      << breach->text;
  EXPECT_EQ(breach->text.find("% of GDP"), std::string::npos) << breach->text;
  // The state itself is told the figure.
  const JournalEntry* own = testing::entry_read_by(result.journal, 1, "2.00 % of GDP on forces");
  ASSERT_NE(own, nullptr);
  EXPECT_FALSE(own->is_public);
  EXPECT_EQ(testing::entry_read_by(result.journal, 2, "2.00 % of GDP on forces"), nullptr);
}

TEST(ViewSecrecy, AidFromAStateThatWithholdsItsBudgetIsPublicButNotItsWorth) {
  State sender = plain_state("A");
  sender.publish_budget = false;
  const World w = make_world({sender, plain_state("B"), plain_state("C")});
  const TurnResult result = resolve_turn(w, {orders_for(0, {SendMilitaryAid{1, 15}})});
  ASSERT_TRUE(result.results[0][0].accepted) << result.results[0][0].reason;
  const JournalEntry* seen = testing::entry_read_by(result.journal, 2, "sent military aid");
  ASSERT_NE(seen, nullptr);
  EXPECT_TRUE(seen->is_public);
  // Worth and forces added together would give the sender's technology away.
  EXPECT_FALSE(has_digit(seen->text)) << seen->text;
  for (StateIndex party : {0, 1}) {
    const JournalEntry* told = testing::entry_read_by(result.journal, party, "worth 15.0");
    ASSERT_NE(told, nullptr) << "party " << party;
  }
}

}  // namespace
}  // namespace hegemon
