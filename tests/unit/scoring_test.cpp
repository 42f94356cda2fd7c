// The score: every component measured against the state's own starting position (50 = where it
// began), the objectives as the share of its own met, the total their weighted mean; so a small
// state that keeps its independence and grows scores like a great power that keeps its lead.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "protocol/world.pb.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/scoring.h"
#include "shared/view.h"
#include "shared/view_world.h"
#include "test_world.h"

namespace hegemon {
namespace {

using testing::make_world;
using testing::plain_state;

constexpr double kTight = 1e-9;

double weighted_mean(const Ruleset& r, const Score& s, bool with_objectives) {
  const double w_obj = with_objectives ? r.score_weight_objectives() : 0.0;
  return (r.score_weight_security() * s.security + r.score_weight_prosperity() * s.prosperity +
          r.score_weight_influence() * s.influence + r.score_weight_sovereignty() * s.sovereignty +
          w_obj * s.objectives) /
         (r.score_weight_security() + r.score_weight_prosperity() + r.score_weight_influence() +
          r.score_weight_sovereignty() + w_obj);
}

/// A great power (GDP 10000, strong projection, full influence) and a small state (GDP 100).
World great_and_small(bool bordering) {
  State great = plain_state("G", 10000);
  great.power_projection = 2000;
  great.influence = 100;
  State small = plain_state("S", 100);
  small.influence = 3;
  small.reputation = 40;
  return make_world({great, small}, {}, bordering);
}

TEST(Scoring, AtTheStartEveryComponentIsFiftyWhateverTheStatesSize) {
  const World w = great_and_small(true);
  ASSERT_GT(w.threat.at(1, 0), w.threat.at(0, 1));
  for (const Score& s : compute_scores(w)) {
    EXPECT_NEAR(s.security, 50.0, kTight);
    EXPECT_NEAR(s.prosperity, 50.0, kTight);
    EXPECT_NEAR(s.influence, 50.0, kTight);
    EXPECT_NEAR(s.sovereignty, 50.0, kTight);
    EXPECT_NEAR(s.total, 50.0, kTight);
  }
}

TEST(Scoring, EachComponentMovesWithTheChangeSinceTheStart) {
  World w = make_world({plain_state("A"), plain_state("B")});
  const Ruleset& r = w.ruleset;
  const double start_security = w.scenario.start_security[0];
  ASSERT_EQ(w.turn, 0);
  w.states[0].gdp = 1200;  // both started at 1000
  w.states[0].influence = 150;
  w.states[0].relations[1].finland_level = 35;
  refresh_derived(w);
  const std::vector<Score> scores = compute_scores(w);
  const Score& a = scores[0];
  EXPECT_NEAR(a.security,
              50.0 + r.score_security_scale() * (100.0 - w.threat.at(0, 1) - start_security),
              kTight);
  // Prosperity is growth against the state's own trend, on a log scale: at turn 0 the trend is
  // where it began, so A's 1.2 counts in full and B's standing still is 50.
  EXPECT_NEAR(a.prosperity, 50.0 + r.score_prosperity_per_doubling() * std::log2(1.2), kTight);
  EXPECT_NEAR(scores[1].prosperity, 50.0, kTight);
  // Influence counts up to 100, half and half with reputation: 55 at the start, 80 now.
  EXPECT_NEAR(a.influence, 50.0 + r.score_influence_scale() * 25.0, kTight);
  EXPECT_NEAR(scores[1].influence, 50.0, kTight);
  // Sovereignty fell from 100 to 65.
  EXPECT_NEAR(a.sovereignty, 50.0 - r.score_sovereignty_scale() * 35.0, kTight);
  EXPECT_NEAR(scores[1].sovereignty, 50.0, kTight);
  // No objectives: the total is the mean of the other four.
  EXPECT_NEAR(a.objectives, 0.0, kTight);
  EXPECT_NEAR(a.total, weighted_mean(r, a, false), kTight);
}

TEST(Scoring, ComponentsStayWithinZeroAndAHundred) {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C")});
  w.states[0].gdp = 100000;
  w.states[1].gdp = 10;
  w.states[1].relations[0].finland_level = 100;
  w.states[2].reputation = 100;
  w.states[2].influence = 1000;
  refresh_derived(w);
  const std::vector<Score> scores = compute_scores(w);
  EXPECT_NEAR(scores[0].prosperity, 100.0, kTight);
  EXPECT_NEAR(scores[1].prosperity, 0.0, kTight);
  // Its sovereignty fell by the whole scale: as far down as the ruleset's scale takes it.
  EXPECT_NEAR(scores[1].sovereignty,
              std::max(0.0, 50.0 - w.ruleset.score_sovereignty_scale() * 100.0), kTight);
  EXPECT_LT(scores[1].sovereignty, 50.0);
  EXPECT_LE(scores[2].influence, 100.0);
  for (const Score& s : scores)
    for (double c : {s.security, s.prosperity, s.influence, s.sovereignty, s.total}) {
      EXPECT_GE(c, 0.0);
      EXPECT_LE(c, 100.0);
    }
}

TEST(Scoring, ASmallStateThatKeepsItsIndependenceAndGrowsScoresLikeAGreatPowerThatKeepsItsLead) {
  // The same record, one small and one great: five years on, each has grown at its own trend
  // and kept where it stood.
  World w = great_and_small(false);
  w.turn = 5;
  for (auto& st : w.states) st.gdp *= std::pow(1.0 + st.growth, 5.0);
  refresh_derived(w);
  const std::vector<Score> scores = compute_scores(w);
  // Equal but for the small shift in the threat each feels as their forces did not grow.
  EXPECT_NEAR(scores[0].total, scores[1].total, 0.05);
  EXPECT_NEAR(scores[1].total, 50.0, 0.05);
}

TEST(Scoring, ObjectivesCountAsTheShareOfTheStatesOwnObjectivesMet) {
  World w = make_world({plain_state("A"), plain_state("B")});
  const Ruleset& r = w.ruleset;
  w.scenario.objectives.push_back({0, ObjectiveKind::KeepStability, -1, 50, "Keep order"});
  w.scenario.objectives.push_back({0, ObjectiveKind::GdpGrowth, -1, 1.5, "Grow half again"});
  w.scenario.objectives.push_back({1, ObjectiveKind::KeepStability, -1, 70, "Calm"});
  const std::vector<Score> scores = compute_scores(w);
  EXPECT_NEAR(scores[0].objectives, 50.0, kTight);  // one of its two
  EXPECT_NEAR(scores[1].objectives, 0.0, kTight);   // none of its one
  EXPECT_NEAR(scores[0].total, weighted_mean(r, scores[0], true), kTight);
  EXPECT_NEAR(scores[1].total, weighted_mean(r, scores[1], true), kTight);
  // Meeting all of one objective is worth as much as all of two.
  w.states[1].stability = 80;
  EXPECT_NEAR(compute_scores(w)[1].objectives, 100.0, kTight);
  EXPECT_GT(compute_scores(w)[1].total, scores[0].total);
}

TEST(Scoring, TheStartingPositionIsSavedAndRestoredWithTheWorld) {
  World w = make_world({plain_state("A"), plain_state("B", 400)});
  w.states[1].relations[0].finland_level = 20;
  record_starting_position(w);
  ASSERT_EQ(w.scenario.start_sovereignty, (std::vector<double>{100.0, 80.0}));
  const World back = world_from_proto(to_proto(w));
  EXPECT_EQ(back.scenario.start_gdp, w.scenario.start_gdp);
  EXPECT_EQ(back.scenario.start_security, w.scenario.start_security);
  EXPECT_EQ(back.scenario.start_influence, w.scenario.start_influence);
  EXPECT_EQ(back.scenario.start_sovereignty, w.scenario.start_sovereignty);

  pb::World bad = to_proto(w);
  bad.mutable_scenario()->add_start_security(1.0);
  EXPECT_THROW(world_from_proto(bad), SchemaError);
}

TEST(Scoring, AViewCarriesTheViewersOwnStartSoItsPreviewScoresItAsTheServerDoes) {
  World w = make_world(testing::aurelia_and_neighbours());
  // A few turns on: GDP, influence, threat and levels have all moved since the start.
  for (int turn = 0; turn < 3; ++turn) w = resolve_turn(w, {}).world;
  w.states[3].relations[2].finland_level = 25;
  refresh_derived(w);
  for (StateIndex viewer : {0, 3}) {
    const pb::PlayerView view = make_view(w, viewer);
    EXPECT_NEAR(view.own_start().influence(), w.scenario.start_influence[viewer], kTight);
    EXPECT_NEAR(view.own_start().sovereignty(), w.scenario.start_sovereignty[viewer], kTight);
    ASSERT_EQ(view.scores_size(), 1);
    const World seen = world_from_view(view, make_facts(w));
    const StateIndex me = seen.find(w.states[viewer].id);
    const Score& previewed = seen.scores[me];
    // Prosperity, influence and sovereignty need no estimate: they match the server's exactly.
    EXPECT_NEAR(previewed.prosperity, view.scores(0).prosperity(), 1e-6);
    EXPECT_NEAR(previewed.influence, view.scores(0).influence(), 1e-6);
    EXPECT_NEAR(previewed.sovereignty, view.scores(0).sovereignty(), 1e-6);
  }
  // Another state's start influence is never sent; its GDP at the start, which was public, is.
  const pb::PlayerView view = make_view(w, 0);
  for (const auto& other : view.others())
    EXPECT_NEAR(other.start_gdp(), w.scenario.start_gdp[w.find(other.id())], kTight);
}

}  // namespace
}  // namespace hegemon
