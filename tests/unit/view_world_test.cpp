// The world a client builds from its view, and the preview of its orders resolved on it: the
// viewer's own state exact, everyone else as estimated, the threats the view shows, and the
// effects and verdicts of the player's orders.
//
// The world: Aurelia (the viewer in most tests) is allied with Borealis, which publishes its
// budget; Castellan, the great power, withholds its budget; Dunmore withholds too and
// accommodates Castellan.
#include "shared/view_world.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "client/app/preview.h"
#include "shared/io/scenario_files.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/view.h"
#include "test_world.h"

namespace hegemon {
namespace {

using google::protobuf::util::MessageDifferencer;
using testing::add_treaty;
using testing::make_world;
using testing::plain_state;

constexpr StateIndex kAurelia = 0;
constexpr StateIndex kBorealis = 1;
constexpr StateIndex kCastellan = 2;
constexpr StateIndex kDunmore = 3;

World four_states() {
  World w = make_world(testing::aurelia_and_neighbours(), {{0, 1}, {1, 2}, {2, 3}, {0, 2}}, false);
  w.turn = 3;
  add_treaty(w, TreatyType::MutualDefense, {kAurelia, kBorealis}, TreatyTerms{200, 100, 0, 0, 2});
  w.states[kDunmore].relations[kCastellan].finland_level = 45;
  w.states[kDunmore].relations[kCastellan].finland_status = FinlandStatus::Accommodating;
  w.states[kAurelia].relations[kCastellan].hostility = 12;
  w.states[kAurelia].relations[kCastellan].finland_level = 8;
  w.states[kAurelia].relations[kCastellan].coercion = 2;
  w.guarantees.push_back({kCastellan, kDunmore, 8});
  w.sanctions.push_back({kBorealis, kCastellan});
  refresh_derived(w);
  return w;
}

pb::OrderSet budget_orders(const std::string& state, std::array<int, kCategoryCount> bp,
                           bool publish = true) {
  pb::OrderSet set;
  set.set_state(state);
  set.set_turn(4);
  pb::SetBudget* b = set.add_orders()->mutable_set_budget();
  Allocation a;
  a.bp = bp;
  *b->mutable_allocation() = to_proto(a);
  b->set_publish_budget(publish);
  return set;
}

TEST(WorldFromView, KeepsTheViewersOwnStateExactly) {
  const World truth = four_states();
  const World built = world_from_view(make_view(truth, kAurelia), make_facts(truth));
  ASSERT_EQ(built.size(), truth.size());
  EXPECT_TRUE(MessageDifferencer::Equals(to_proto(built, kAurelia), to_proto(truth, kAurelia)));
  EXPECT_EQ(built.turn, truth.turn);
  EXPECT_EQ(built.ruleset.name(), truth.ruleset.name());
  EXPECT_DOUBLE_EQ(built.ruleset.finlandized_enter(), truth.ruleset.finlandized_enter());
}

TEST(WorldFromView, PutsTheStatesInTheServersOrderWhateverTheViewer) {
  const World truth = four_states();
  for (StateIndex viewer = 0; viewer < truth.size(); ++viewer) {
    const World built = world_from_view(make_view(truth, viewer), make_facts(truth));
    ASSERT_EQ(built.size(), truth.size());
    for (StateIndex s = 0; s < truth.size(); ++s) EXPECT_EQ(built.states[s].id, truth.states[s].id);
    EXPECT_TRUE(MessageDifferencer::Equals(to_proto(built, viewer), to_proto(truth, viewer)))
        << "viewer " << truth.states[viewer].id;
  }
}

TEST(WorldFromView, KeepsTheEstimatesOfOthersAndThePublishedFiguresOfOthers) {
  const World truth = four_states();
  const pb::PlayerView view = make_view(truth, kAurelia);
  const World built = world_from_view(view, make_facts(truth));
  for (const auto& seen : view.others()) {
    const State& st = built.states[built.find(seen.id())];
    EXPECT_DOUBLE_EQ(st.territorial_defense, seen.territorial_defense()) << seen.id();
    EXPECT_DOUBLE_EQ(st.power_projection, seen.power_projection()) << seen.id();
    EXPECT_DOUBLE_EQ(st.technology, seen.technology()) << seen.id();
    EXPECT_DOUBLE_EQ(st.gdp, seen.gdp()) << seen.id();
    EXPECT_EQ(st.allocation, from_proto(seen.allocation())) << seen.id();
    EXPECT_EQ(st.publish_budget, seen.budget_published()) << seen.id();
    // Nothing private leaks in: the view never had it.
    EXPECT_EQ(st.intelligence, 0.0);
  }
  // The withholder is seen as estimated, not as it is; the publisher exactly.
  EXPECT_NE(built.states[kCastellan].power_projection, truth.states[kCastellan].power_projection);
  EXPECT_DOUBLE_EQ(built.states[kBorealis].power_projection,
                   truth.states[kBorealis].power_projection);
  EXPECT_EQ(built.states[kBorealis].allocation, truth.states[kBorealis].allocation);
  // A public status keeps its status (at the level where it begins).
  EXPECT_EQ(built.states[kDunmore].relations[kCastellan].finland_status,
            FinlandStatus::Accommodating);
  EXPECT_DOUBLE_EQ(built.states[kDunmore].relations[kCastellan].finland_level,
                   truth.ruleset.accommodation_enter());
}

TEST(WorldFromView, CarriesTheMapTreatiesGuaranteesAndSanctions) {
  const World truth = four_states();
  const World built = world_from_view(make_view(truth, kAurelia), make_facts(truth));
  EXPECT_EQ(built.map().borders, truth.map().borders);
  EXPECT_EQ(built.map().distance, truth.map().distance);
  ASSERT_EQ(built.treaties.size(), truth.treaties.size());
  EXPECT_TRUE(built.share_treaty(kAurelia, kBorealis, TreatyType::MutualDefense));
  EXPECT_EQ(built.next_treaty_id, truth.treaties.back().id + 1);
  ASSERT_EQ(built.guarantees.size(), 1u);
  EXPECT_EQ(built.guarantees[0].guarantor, kCastellan);
  // The guarantor's hidden influence is taken to cover its guarantee's upkeep.
  EXPECT_GE(built.states[kCastellan].influence, truth.ruleset.guarantee_influence_cost());
  EXPECT_TRUE(built.is_sanctioning(kBorealis, kCastellan));
}

TEST(WorldFromView, ReckonsTheThreatsTheViewShows) {
  const World truth = four_states();
  const pb::PlayerView view = make_view(truth, kAurelia);
  const World built = world_from_view(view, make_facts(truth));
  ASSERT_EQ(view.threats_size(), 3);
  for (const auto& t : view.threats())
    EXPECT_NEAR(built.threat.at(kAurelia, built.find(t.from())), t.total(), 1e-9) << t.from();
}

TEST(WorldFromView, RefusesASpectatorsViewFactsWithoutRulesAndAnotherMatchsFacts) {
  const World truth = four_states();
  EXPECT_THROW(world_from_view(make_view(truth, kSpectator), make_facts(truth)), SchemaError);
  pb::MatchFacts no_rules = make_facts(truth);
  no_rules.clear_ruleset();
  EXPECT_THROW(world_from_view(make_view(truth, kAurelia), no_rules), SchemaError);
  // Facts of another match (other states) are refused, not misread.
  pb::MatchFacts other_match = make_facts(truth);
  other_match.set_states(0, "ZZZ");
  EXPECT_THROW(world_from_view(make_view(truth, kAurelia), other_match), SchemaError);
}

TEST(Preview, ABudgetThatRaisesTerritorialDefenseShowsForcesRising) {
  const World truth = four_states();
  const pb::PlayerView view = make_view(truth, kAurelia);
  const client::Preview standing = client::preview_orders(
      view, make_facts(truth), budget_orders("AUR", truth.states[kAurelia].allocation.bp));
  const client::Preview defended = client::preview_orders(
      view, make_facts(truth), budget_orders("AUR", {4000, 500, 1500, 2000, 1000, 500, 500}));
  ASSERT_TRUE(defended.available) << defended.problem;
  ASSERT_TRUE(standing.available) << standing.problem;
  EXPECT_DOUBLE_EQ(defended.territorial_defense.before, truth.states[kAurelia].territorial_defense);
  EXPECT_GT(defended.territorial_defense.after, defended.territorial_defense.before);
  EXPECT_GT(defended.territorial_defense.after, standing.territorial_defense.after);
  EXPECT_LT(defended.power_projection.after, standing.power_projection.after);
  ASSERT_EQ(defended.verdicts.size(), 1u);
  EXPECT_TRUE(defended.verdicts[0].accepted());
  // The money: revenue, the treaty's contribution taken first, the rest for the split.
  const double revenue = 1000 * 0.2;
  EXPECT_NEAR(defended.revenue, revenue, 1e-9);
  EXPECT_NEAR(defended.contributions, revenue * 0.01, 1e-9);
  EXPECT_NEAR(defended.spendable, revenue * 0.99, 1e-9);
}

TEST(Preview, AgreesWithTheServerWhenEveryoneElsePublishesAndSendsNothing) {
  World truth = four_states();
  for (auto& st : truth.states) st.publish_budget = true;
  truth.guarantees.clear();
  refresh_derived(truth);
  const pb::OrderSet orders = budget_orders("AUR", {3000, 1000, 2000, 2000, 1000, 500, 500});
  const client::Preview p =
      client::preview_orders(make_view(truth, kAurelia), make_facts(truth), orders);
  ASSERT_TRUE(p.available) << p.problem;
  const World next = resolve_turn(truth, {orders_from_proto(truth, orders)}).world;
  // The only differences left are what the view cannot know (others' growth, tax and influence)
  // and the growth shock the preview leaves out; forces are the viewer's own doing.
  EXPECT_NEAR(p.territorial_defense.after, next.states[kAurelia].territorial_defense, 1e-6);
  EXPECT_NEAR(p.power_projection.after, next.states[kAurelia].power_projection, 1e-6);
  EXPECT_NEAR(p.technology.after, next.states[kAurelia].technology, 1e-9);
}

TEST(Preview, AnInvalidOrderShowsItsReason) {
  const World truth = four_states();
  const pb::PlayerView view = make_view(truth, kAurelia);
  pb::OrderSet orders = budget_orders("AUR", {3000, 3000, 2000, 2000, 1000, 500, 500});
  pb::ApplyPressure* self = orders.add_orders()->mutable_apply_pressure();
  self->set_target("AUR");
  self->set_kind(pb::DIPLOMATIC);
  self->set_intensity(1);
  pb::ApplyPressure* nobody = orders.add_orders()->mutable_apply_pressure();
  nobody->set_target("ZZZ");
  nobody->set_kind(pb::ECONOMIC);
  nobody->set_intensity(2);
  const client::Preview p = client::preview_orders(view, make_facts(truth), orders);
  ASSERT_TRUE(p.available) << p.problem;
  ASSERT_EQ(p.verdicts.size(), 3u);
  EXPECT_FALSE(p.verdicts[0].accepted());
  EXPECT_NE(p.verdicts[0].reason().find("sum to 12000"), std::string::npos)
      << p.verdicts[0].reason();
  EXPECT_FALSE(p.verdicts[1].accepted());
  EXPECT_NE(p.verdicts[1].reason().find("itself"), std::string::npos) << p.verdicts[1].reason();
  EXPECT_FALSE(p.verdicts[2].accepted());
  EXPECT_NE(p.verdicts[2].reason().find("ZZZ"), std::string::npos) << p.verdicts[2].reason();
  // A rejected budget leaves the standing one in force: the forces move as they would anyway.
  const client::Preview standing = client::preview_orders(
      view, make_facts(truth), budget_orders("AUR", truth.states[kAurelia].allocation.bp));
  EXPECT_DOUBLE_EQ(p.territorial_defense.after, standing.territorial_defense.after);
}

TEST(Preview, SaysWhetherEachTreatysSpendingFloorIsMet) {
  const World truth = four_states();
  const pb::PlayerView view = make_view(truth, kAurelia);
  // Revenue is about 20 % of GDP: 5 % of the budget on forces is about 1 % of GDP, below the
  // 2 % floor; 20 % of it is about 4 %, above.
  const client::Preview lean = client::preview_orders(
      view, make_facts(truth), budget_orders("AUR", {300, 200, 2500, 4000, 1500, 1000, 500}));
  const client::Preview strong = client::preview_orders(
      view, make_facts(truth), budget_orders("AUR", {1500, 500, 2500, 3000, 1500, 500, 500}));
  ASSERT_EQ(lean.floors.size(), 1u);
  ASSERT_EQ(strong.floors.size(), 1u);
  EXPECT_EQ(lean.floors[0].floor_bp, 200);
  EXPECT_FALSE(lean.floors[0].met);
  EXPECT_TRUE(strong.floors[0].met);
  EXPECT_GT(strong.floors[0].spent_bp, lean.floors[0].spent_bp);
}

TEST(Preview, ExplainsWhyThereIsNoPreview) {
  const World truth = four_states();
  const client::Preview spectator = client::preview_orders(
      make_view(truth, kSpectator), make_facts(truth), budget_orders("AUR", {}));
  EXPECT_FALSE(spectator.available);
  EXPECT_FALSE(spectator.problem.empty());
  const client::Preview other =
      client::preview_orders(make_view(truth, kAurelia), make_facts(truth),
                             budget_orders("CAS", truth.states[kAurelia].allocation.bp));
  EXPECT_FALSE(other.available);
  EXPECT_NE(other.problem.find("CAS"), std::string::npos) << other.problem;
}

TEST(Preview, WorksForEverySeatOfEveryShippedScenario) {
  for (const std::string& name : list_scenarios()) {
    const World world = load_scenario_file(name, 11);
    for (StateIndex s = 0; s < world.size(); ++s) {
      const pb::PlayerView view = make_view(world, s);
      const client::Preview p =
          client::preview_orders(view, make_facts(world),
                                 budget_orders(world.states[s].id, world.states[s].allocation.bp));
      ASSERT_TRUE(p.available) << name << " " << world.states[s].id << ": " << p.problem;
      ASSERT_EQ(p.verdicts.size(), 1u);
      EXPECT_TRUE(p.verdicts[0].accepted()) << p.verdicts[0].reason();
      EXPECT_GT(p.gdp.after, 0.0);
    }
  }
}

TEST(Preview, TheDraftsOrderSetPutsTheBudgetFirst) {
  client::MatchModel model;
  model.my_state = "AUR";
  model.view.set_turn(3);
  model.draft.allocation.set_welfare(10000);
  model.draft.publish_budget = false;
  pb::Order pressure;
  pressure.mutable_apply_pressure()->set_target("CAS");
  model.draft.orders.push_back(pressure);
  const pb::OrderSet set = client::draft_order_set(model);
  EXPECT_EQ(set.state(), "AUR");
  EXPECT_EQ(set.turn(), 4);
  ASSERT_EQ(set.orders_size(), 2);
  EXPECT_EQ(set.orders(0).set_budget().allocation().welfare(), 10000);
  EXPECT_FALSE(set.orders(0).set_budget().publish_budget());
  EXPECT_TRUE(set.orders(1).has_apply_pressure());
}

}  // namespace
}  // namespace hegemon
