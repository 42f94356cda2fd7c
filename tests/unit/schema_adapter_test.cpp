// The adapter between engine structs and the .proto schema: exact round trips, and refusal of
// anything that names a state the world does not have.
#include "shared/schema_adapter.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace hegemon {
namespace {

std::string bytes_of(const google::protobuf::Message& message) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return out;
}

/// A world with every field of every struct set to something other than its default, so that a
/// field the adapter forgets shows up as a difference.
World busy_world() {
  World w;
  const char* ids[] = {"AAA", "BBB", "CCC"};
  for (int i = 0; i < 3; ++i) {
    State s;
    s.id = ids[i];
    s.name = std::string("State ") + ids[i];
    s.gdp = 1000.5 + i;
    s.population = 40.25 + i;
    s.growth = 0.021 + i * 0.001;
    s.tax_share = 0.31;
    s.territorial_defense = 120.75;
    s.power_projection = 80.125 + i;
    s.technology = 1.3;
    s.stability = 61.5;
    s.lean = i == 1 ? GovernmentLean::Hawkish : GovernmentLean::Dovish;
    s.government_changes = i;
    s.influence = 12.5;
    s.reputation = 55.5;
    s.intelligence = 3.75;
    s.allocation.bp = {2000, 1500 + i, 2000, 2000 - i, 1000, 750, 750};
    s.publish_budget = i != 2;
    s.relations.assign(3, Relation{});
    for (int j = 0; j < 3; ++j) {
      if (j == i) continue;
      Relation& r = s.relations[j];
      r.hostility = 1.5 * (j + 1) + i;
      r.finland_level = 10.0 * j + i;
      r.finland_status = j == 0 ? FinlandStatus::Accommodating : FinlandStatus::Finlandized;
      r.finland_change = 0.5 + j;
      r.finland_push = 2.25;
      r.finland_resistance = 1.125;
      r.coercion = 3.0 + i;
      r.bandwagoned = (i + j) % 2 == 1;
    }
    s.color = "#a0b0c" + std::to_string(i);
    s.map_x = 100 * i;
    s.map_y = 50 * i + 7;
    s.last_spending.money = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5 + i};
    s.last_revenue = 310.25;
    s.last_contributions = 4.125;
    w.states.push_back(s);
  }

  w.scenario.name = "busy";
  w.scenario.title = "A busy world";
  w.scenario.description = "Everything set.";
  w.scenario.ruleset_name = "mini";
  w.scenario.start_year = 1948;
  w.scenario.quarterly = true;
  w.scenario.turns = 40;
  w.scenario.events.push_back(ScenarioEvent{3, 2, "Crisis", -0.05, -4, 0.1, -0.2, 0.05, 0, 2.5});
  w.scenario.events.push_back(ScenarioEvent{5, 1, "Calm", 0.01, 2, 0, 0, 0, -1, 0});
  w.scenario.objectives.push_back(
      Objective{1, ObjectiveKind::StayIndependentOf, 0, 50, "Stay free of AAA"});
  w.scenario.objectives.push_back(Objective{0, ObjectiveKind::GdpGrowth, -1, 1.2, "Grow"});
  w.scenario.end_conditions.push_back(EndCondition{"BBB falls", 1, 0, 0});
  w.scenario.end_conditions.push_back(EndCondition{"Someone wins", -1, -1, 900});
  w.scenario.start_gdp = {1000, 1001, 1002};

  w.ruleset.set_name("mini");
  w.ruleset.set_tech_ceiling(3);
  w.ruleset.set_finland_gain(4.5);

  w.edit_map().borders = {{false, true, false}, {true, false, true}, {false, true, false}};
  w.edit_map().distance = {{0, 0, 640}, {0, 0, 0}, {640, 0, 0}};
  w.turn = 7;
  w.seed = 0xfeedfacecafebeefULL;

  Treaty pact;
  pact.id = 4;
  pact.type = TreatyType::MutualDefense;
  pact.name = "Pact";
  pact.members = {MemberStanding{0, true, 0, 0}, MemberStanding{1, false, 2, 6}};
  pact.terms = TreatyTerms{200, 50, 20, 4, 2};
  pact.signed_turn = 1;
  pact.cohesion = 0.75;
  pact.interoperability = 0.4;
  pact.fund = 12.5;
  w.treaties.push_back(pact);

  Proposal proposal;
  proposal.id = 9;
  proposal.proposer = 2;
  proposal.type = TreatyType::ConfidenceBuilding;
  proposal.name = "Open skies";
  proposal.members = {2, 0};
  proposal.terms = TreatyTerms{0, 10, 0, 0, 1};
  proposal.accepted = {2};
  proposal.turn = 6;
  proposal.counter_of = 8;
  proposal.status = ProposalStatus::Countered;
  w.proposals.push_back(proposal);

  w.guarantees.push_back(Guarantee{0, 1, 12});
  w.sanctions.push_back(Sanction{2, 0});
  w.next_treaty_id = 5;
  w.next_proposal_id = 10;
  w.scores = {Score{1, 2, 3, 4, 5, 15}, Score{2, 3, 4, 5, 6, 20}, Score{0.5, 0, 0, 0, 0, 0.5}};
  w.threat.n = 3;
  w.threat.cells = {0, 1.5, 2.5, 3.5, 0, 4.5, 5.5, 6.5, 0};
  w.ended = true;
  w.end_reason = "the umpire ended the match";
  return w;
}

TEST(SchemaAdapter, WorldRoundTripGivesIdenticalBytes) {
  const pb::World first = to_proto(busy_world());
  const pb::World second = to_proto(world_from_proto(first));
  EXPECT_EQ(bytes_of(first), bytes_of(second));
}

TEST(SchemaAdapter, WorldRoundTripKeepsEngineValues) {
  const World before = busy_world();
  const World after = world_from_proto(to_proto(before));
  ASSERT_EQ(after.size(), 3);
  EXPECT_EQ(after.states[1].relations.size(), 3u);
  EXPECT_EQ(after.states[1].relations[2].finland_status, FinlandStatus::Finlandized);
  EXPECT_DOUBLE_EQ(after.states[1].relations[2].hostility, before.states[1].relations[2].hostility);
  EXPECT_EQ(after.states[2].allocation, before.states[2].allocation);
  EXPECT_EQ(after.map().borders, before.map().borders);
  EXPECT_EQ(after.map().distance, before.map().distance);
  EXPECT_EQ(after.threat.n, 3);
  EXPECT_EQ(after.threat.cells, before.threat.cells);
  EXPECT_EQ(after.scenario.start_gdp, before.scenario.start_gdp);
  EXPECT_TRUE(after.scenario.quarterly);
  EXPECT_EQ(after.scenario.events[1].hostile_toward, -1);
  EXPECT_EQ(after.scenario.objectives[1].other, -1);
  EXPECT_EQ(after.scenario.end_conditions[1].state, -1);
  EXPECT_EQ(after.treaties[0].members[1].notice_given_turn, 6);
  EXPECT_EQ(after.treaties[0].terms, before.treaties[0].terms);
  EXPECT_EQ(after.proposals[0].status, ProposalStatus::Countered);
  EXPECT_EQ(after.sanctions, before.sanctions);
  EXPECT_DOUBLE_EQ(after.scores[1].total, 20);
  EXPECT_EQ(after.seed, before.seed);
  EXPECT_DOUBLE_EQ(after.ruleset.finland_gain(), 4.5);
}

TEST(SchemaAdapter, WritesEveryOtherStatesRelationInStateOrder) {
  const pb::World message = to_proto(busy_world());
  const pb::State& middle = message.states(1);
  ASSERT_EQ(middle.relations_size(), 2);
  EXPECT_EQ(middle.relations(0).other(), "AAA");
  EXPECT_EQ(middle.relations(1).other(), "CCC");
  EXPECT_EQ(message.scores(2).state(), "CCC");
  EXPECT_EQ(message.threat_size(), 9);
  EXPECT_EQ(message.distance_km_size(), 9);
  ASSERT_EQ(message.scenario().borders_size(), 2);
  EXPECT_EQ(message.scenario().borders(1).a(), "BBB");
  EXPECT_EQ(message.scenario().borders(1).b(), "CCC");
}

TEST(SchemaAdapter, RelationsMayComeInAnyOrderAndMissingOnesStayDefault) {
  pb::World message = to_proto(busy_world());
  pb::State* first = message.mutable_states(0);
  first->mutable_relations()->SwapElements(0, 1);
  first->mutable_relations()->RemoveLast();  // drops the relation toward BBB
  const World world = world_from_proto(message);
  EXPECT_DOUBLE_EQ(world.states[0].relations[1].hostility, 0);
  EXPECT_DOUBLE_EQ(world.states[0].relations[2].hostility,
                   busy_world().states[0].relations[2].hostility);
}

TEST(SchemaAdapter, RefusesWorldsThatNameUnknownStates) {
  const pb::World good = to_proto(busy_world());
  auto refuses = [](pb::World message) {
    EXPECT_THROW(world_from_proto(message), SchemaError) << message.ShortDebugString();
  };
  {
    pb::World m = good;
    m.mutable_treaties(0)->mutable_members(1)->set_state("XYZ");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_proposals(0)->add_accepted("NOPE");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_sanctions(0)->set_target("");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_states(0)->mutable_relations(0)->set_other("QQQ");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scenario()->mutable_events(0)->set_hostile_toward("QQQ");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scenario()->mutable_borders(0)->set_b("QQQ");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scores(0)->set_state("QQQ");
    refuses(m);
  }
  try {
    pb::World m = good;
    m.mutable_guarantees(0)->set_protected_state("XYZ");
    world_from_proto(m);
    FAIL() << "a guarantee of an unknown state was accepted";
  } catch (const SchemaError& error) {
    EXPECT_NE(std::string(error.what()).find("\"XYZ\""), std::string::npos) << error.what();
  }
}

TEST(SchemaAdapter, RefusesInconsistentSizesAndMeaninglessValues) {
  const pb::World good = to_proto(busy_world());
  auto refuses = [](pb::World message) {
    EXPECT_THROW(world_from_proto(message), SchemaError) << message.ShortDebugString();
  };
  {
    pb::World m = good;
    m.add_threat(1.0);
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_distance_km()->RemoveLast();
    refuses(m);
  }
  {
    pb::World m = good;
    m.clear_distance_km();  // borders without a map
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scenario()->add_start_gdp(5);
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scores()->RemoveLast();
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_states(2)->set_id("AAA");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_states(1)->set_id("");
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_treaties(0)->set_type(static_cast<pb::TreatyType>(42));
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_treaties(0)->set_type(pb::TREATY_TYPE_UNSPECIFIED);
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_states(0)->set_lean(static_cast<pb::GovernmentLean>(7));
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_scenario()->mutable_objectives(0)->set_kind(pb::OBJECTIVE_UNSPECIFIED);
    refuses(m);
  }
  {
    pb::World m = good;
    m.mutable_states(0)->mutable_relations(1)->set_other("AAA");  // toward itself
    refuses(m);
  }
}

TEST(SchemaAdapter, NeverCrashesOnDamagedSaves) {
  const std::string good = bytes_of(to_proto(busy_world()));
  // Deterministic damage: flip one byte at a time across the whole message.
  for (std::size_t at = 0; at < good.size(); at += 3) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    pb::World message;
    if (!message.ParseFromString(damaged)) continue;
    try {
      const World world = world_from_proto(message);
      (void)to_proto(world);
    } catch (const SchemaError&) {
    }
  }
}

TEST(SchemaAdapter, RefusesToSaveAnInconsistentWorld) {
  World w = busy_world();
  w.sanctions.push_back(Sanction{0, 7});
  EXPECT_THROW(to_proto(w), SchemaError);
  w = busy_world();
  w.threat.cells.pop_back();
  EXPECT_THROW(to_proto(w), SchemaError);
  w = busy_world();
  w.edit_map().borders[0][1] = false;  // one-sided
  EXPECT_THROW(to_proto(w), SchemaError);
}

TEST(SchemaAdapter, EnumsConvertBothWays) {
  for (TreatyType t : {TreatyType::MutualDefense, TreatyType::NonAggression,
                       TreatyType::MilitaryAid, TreatyType::JointExercises,
                       TreatyType::ConfidenceBuilding, TreatyType::Neutrality})
    EXPECT_EQ(from_proto(to_proto(t)), t);
  for (FinlandStatus s :
       {FinlandStatus::Independent, FinlandStatus::Accommodating, FinlandStatus::Finlandized})
    EXPECT_EQ(from_proto(to_proto(s)), s);
  for (GovernmentLean l :
       {GovernmentLean::Centrist, GovernmentLean::Hawkish, GovernmentLean::Dovish})
    EXPECT_EQ(from_proto(to_proto(l)), l);
  for (ProposalStatus s : {ProposalStatus::Open, ProposalStatus::Signed, ProposalStatus::Rejected,
                           ProposalStatus::Expired, ProposalStatus::Countered,
                           ProposalStatus::Withdrawn})
    EXPECT_EQ(from_proto(to_proto(s)), s);
  for (ObjectiveKind k : {ObjectiveKind::StayIndependentOf, ObjectiveKind::Finlandize,
                          ObjectiveKind::GdpGrowth, ObjectiveKind::InAllianceWith,
                          ObjectiveKind::KeepStability})
    EXPECT_EQ(from_proto(to_proto(k)), k);
  for (PressureKind k :
       {PressureKind::Diplomatic, PressureKind::Economic, PressureKind::MilitaryPosture})
    EXPECT_EQ(from_proto(to_proto(k)), k);

  EXPECT_EQ(to_proto(TreatyType::Neutrality), pb::NEUTRALITY);
  EXPECT_EQ(to_proto(PressureKind::MilitaryPosture), pb::MILITARY_POSTURE);
  EXPECT_FALSE(from_proto(pb::TREATY_TYPE_UNSPECIFIED));
  EXPECT_FALSE(from_proto(static_cast<pb::TreatyType>(99)));
  EXPECT_FALSE(from_proto(pb::PRESSURE_UNSPECIFIED));
  EXPECT_FALSE(from_proto(pb::OBJECTIVE_UNSPECIFIED));
  EXPECT_FALSE(from_proto(static_cast<pb::FinlandStatus>(3)));
  EXPECT_FALSE(from_proto(static_cast<pb::ProposalStatus>(-1)));
}

TEST(SchemaAdapter, ValuesConvertBothWays) {
  Allocation allocation;
  allocation.bp = {1, 2, 3, 4, 5, 6, 9979};
  EXPECT_EQ(from_proto(to_proto(allocation)), allocation);
  EXPECT_EQ(to_proto(allocation).welfare(), 4);
  const TreatyTerms terms{200, 30, 10, 2, 3};
  EXPECT_EQ(from_proto(to_proto(terms)), terms);
  Spending spending;
  spending.money = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5};
  EXPECT_EQ(from_proto(to_proto(spending)).money, spending.money);
  EXPECT_DOUBLE_EQ(to_proto(spending).intelligence(), 6.5);
}

// --- Orders -----------------------------------------------------------------------------------

TEST(SchemaAdapter, OrdersRoundTripThroughTheSchema) {
  const World world = busy_world();
  OrderSet orders;
  orders.state = 1;
  Allocation allocation;
  allocation.bp = {3000, 1000, 2000, 2000, 1000, 500, 500};
  orders.orders = {
      SetBudget{allocation, true},
      ProposeTreaty{TreatyType::JointExercises, {0, 2}, TreatyTerms{100, 0, 5, 0, 1}, "Drill"},
      AcceptProposal{9},
      RejectProposal{8},
      CounterProposal{9, TreatyTerms{0, 5, 0, 0, 2}},
      WithdrawFromTreaty{4},
      CancelProposal{3},
      ApplyPressure{0, PressureKind::Economic, 2},
      OfferGuarantee{2},
      SendMilitaryAid{2, 12.5},
      JoinSanction{0},
      LiftSanction{2},
      Bandwagon{0},
  };
  const pb::OrderSet first = to_proto(world, orders, world.turn + 1);
  EXPECT_EQ(first.state(), "BBB");
  EXPECT_EQ(first.turn(), 8);
  ASSERT_EQ(first.orders_size(), 13);
  EXPECT_EQ(first.orders(7).apply_pressure().target(), "AAA");

  const OrderSet back = orders_from_proto(world, first);
  EXPECT_EQ(back.state, 1);
  ASSERT_EQ(back.orders.size(), orders.orders.size());
  for (std::size_t i = 0; i < back.orders.size(); ++i)
    EXPECT_EQ(back.orders[i].index(), orders.orders[i].index()) << "order " << i;
  EXPECT_EQ(std::get<ProposeTreaty>(back.orders[1]).members, (std::vector<StateIndex>{0, 2}));
  EXPECT_EQ(std::get<ApplyPressure>(back.orders[7]).kind, PressureKind::Economic);
  EXPECT_EQ(bytes_of(to_proto(world, back, 8)), bytes_of(first));
}

TEST(SchemaAdapter, UnreadableOrdersKeepTheirPlaceAndSayWhy) {
  const World world = busy_world();
  pb::OrderSet message;
  message.set_state("CCC");
  message.add_orders()->mutable_join_sanction()->set_target("XYZ");
  message.add_orders();  // no kind at all
  message.add_orders()->mutable_accept_proposal()->set_proposal_id(9);
  pb::ApplyPressure* pressure = message.add_orders()->mutable_apply_pressure();
  pressure->set_target("AAA");
  pressure->set_kind(static_cast<pb::PressureKind>(12));
  pb::ProposeTreaty* proposal = message.add_orders()->mutable_propose_treaty();
  proposal->set_type(pb::NON_AGGRESSION);
  proposal->add_members("AAA");
  proposal->add_members("ZZZ");
  message.add_orders()->mutable_propose_treaty()->add_members("AAA");  // no type
  message.add_orders()->mutable_bandwagon();                            // no protector

  const OrderSet orders = orders_from_proto(world, message);
  EXPECT_EQ(orders.state, 2);
  ASSERT_EQ(orders.orders.size(), 7u);
  auto reason = [&](std::size_t i) {
    const auto* unreadable = std::get_if<UnreadableOrder>(&orders.orders[i]);
    return unreadable ? unreadable->reason : std::string("(readable)");
  };
  EXPECT_EQ(reason(0), "no state with id \"XYZ\" in this match");
  EXPECT_NE(reason(1), "(readable)");
  EXPECT_TRUE(std::holds_alternative<AcceptProposal>(orders.orders[2]));
  EXPECT_NE(reason(3).find("12"), std::string::npos) << reason(3);
  EXPECT_EQ(reason(4), "no state with id \"ZZZ\" in this match");
  EXPECT_NE(reason(5).find("type"), std::string::npos) << reason(5);
  EXPECT_NE(reason(6), "(readable)");
}

TEST(SchemaAdapter, RefusesAnOrderSetForAnUnknownState) {
  const World world = busy_world();
  pb::OrderSet message;
  message.set_state("XYZ");
  message.add_orders()->mutable_accept_proposal()->set_proposal_id(1);
  EXPECT_THROW(orders_from_proto(world, message), SchemaError);
  message.clear_state();
  EXPECT_THROW(orders_from_proto(world, message), SchemaError);
}

TEST(SchemaAdapter, RefusesToSendAnOrderNamingAStateOutsideTheWorld) {
  const World world = busy_world();
  EXPECT_THROW(to_proto(world, Order{JoinSanction{5}}), SchemaError);
  EXPECT_THROW(to_proto(world, OrderSet{-1, {}}, 1), SchemaError);
  EXPECT_FALSE(to_proto(world, Order{UnreadableOrder{"x"}}).has_set_budget());
}

}  // namespace
}  // namespace hegemon
