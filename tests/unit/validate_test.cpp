// Order validation: every order is accepted or rejected with a reason the player can act on, in
// the position it was sent; rejections reach the sender's turn report and nobody else's.
#include "shared/validate.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "shared/resolve.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::add_treaty;
using testing::entry_read_by;
using testing::make_world;
using testing::orders_for;
using testing::plain_state;
using testing::split;

/// Three plain states, A, B and C, all neighbours.
World three_states() { return make_world({plain_state("A"), plain_state("B"), plain_state("C")}); }

/// An open proposal from `proposer` to `others`, already standing in the world.
int open_proposal(World& w, StateIndex proposer, std::vector<StateIndex> others,
                  TreatyType type = TreatyType::NonAggression, TreatyTerms terms = {}) {
  Proposal p;
  p.id = w.next_proposal_id++;
  p.proposer = proposer;
  p.type = type;
  p.members = {proposer};
  p.members.insert(p.members.end(), others.begin(), others.end());
  p.terms = terms;
  p.accepted = {proposer};
  p.turn = w.turn;
  w.proposals.push_back(p);
  return p.id;
}

/// The verdict on a single order sent alone by `state`.
OrderResult verdict(const World& w, StateIndex state, Order order) {
  const auto results = validate_orders(w, orders_for(state, {std::move(order)}));
  EXPECT_EQ(results.size(), 1u);
  return results.empty() ? OrderResult{} : results[0];
}

/// The reason a single order is rejected, or "accepted".
std::string rejection(const World& w, StateIndex state, Order order) {
  const OrderResult r = verdict(w, state, std::move(order));
  return r.accepted ? "accepted" : r.reason;
}

TEST(Validate, ABudgetMustSumToTenThousandBasisPoints) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, SetBudget{split({1000, 1000, 2000, 3000, 1000, 1000, 999}), true}),
            "budget shares sum to 9999 basis points; they must sum to 10000 (100 %)");
  EXPECT_EQ(rejection(w, 0, SetBudget{split({1000, 1000, 2000, 3000, 1000, 1000, 1001}), true}),
            "budget shares sum to 10001 basis points; they must sum to 10000 (100 %)");
  EXPECT_EQ(rejection(w, 0, SetBudget{split({1000, 1000, 2000, 3000, 1000, 1000, 1000}), true}),
            "accepted");
}

TEST(Validate, ABudgetShareCannotBeNegativeEvenWhenTheSumIsRight) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, SetBudget{split({-1000, 3000, 2000, 3000, 1000, 1000, 1000}), true}),
            "budget shares cannot be negative");
}

TEST(Validate, HugeSharesAreRefusedBeforeTheirSumCanWrapRoundToTenThousand) {
  const World w = three_states();
  const int huge = std::numeric_limits<int>::max();
  // 2^31-1 + 2^31-1 + 10002 wraps a 32-bit sum to exactly 10 000.
  const std::string why = rejection(w, 0, SetBudget{split({huge, huge, 10002, 0, 0, 0, 0}), true});
  EXPECT_NE(why.find("at most 10000 basis points"), std::string::npos) << why;
  EXPECT_EQ(split({huge, huge, 10002, 0, 0, 0, 0}).total(), std::numeric_limits<int>::max());
  EXPECT_EQ(rejection(w, 0, SetBudget{split({10000, 0, 0, 0, 0, 0, 0}), true}), "accepted");
}

TEST(Validate, OnlyOneBudgetIsAcceptedPerOrderSet) {
  const World w = three_states();
  const Allocation a = split({1000, 1000, 2000, 3000, 1000, 1000, 1000});
  const auto results = validate_orders(w, orders_for(0, {SetBudget{a, true}, SetBudget{a, false}}));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].accepted);
  EXPECT_FALSE(results[1].accepted);
  EXPECT_EQ(results[1].reason, "this order set already has a budget; send one budget per turn");
}

TEST(Validate, AnAnswerToAnUnknownProposalIsRejected) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 1, AcceptProposal{99}), "no open proposal 99 addressed to State B");
  EXPECT_EQ(rejection(w, 1, RejectProposal{99}), "no open proposal 99 addressed to State B");
  EXPECT_EQ(rejection(w, 1, CounterProposal{99, TreatyTerms{100, 0, 0, 0, 0}}),
            "no open proposal 99 addressed to State B");
  EXPECT_EQ(rejection(w, 0, CancelProposal{99}), "no open proposal 99");
}

TEST(Validate, AnAnswerToAClosedProposalIsRejected) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1});
  w.find_proposal(id)->status = ProposalStatus::Rejected;
  EXPECT_EQ(rejection(w, 1, AcceptProposal{id}), "no open proposal 1 addressed to State B");
  EXPECT_EQ(rejection(w, 0, CancelProposal{id}), "no open proposal 1");
}

TEST(Validate, AProposalCanBeAnsweredOnlyByTheStatesItNames) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1});
  EXPECT_EQ(rejection(w, 2, AcceptProposal{id}), "no open proposal 1 addressed to State C");
  EXPECT_EQ(rejection(w, 1, AcceptProposal{id}), "accepted");
}

TEST(Validate, AStateCannotAcceptTheSameProposalTwice) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1, 2});
  // The proposer accepted when it proposed.
  EXPECT_EQ(rejection(w, 0, AcceptProposal{id}), "you have already accepted proposal 1");
  w.find_proposal(id)->accepted.push_back(1);
  EXPECT_EQ(rejection(w, 1, AcceptProposal{id}), "you have already accepted proposal 1");
  // Nor answer it twice in one order set.
  const auto results = validate_orders(w, orders_for(2, {AcceptProposal{id}, RejectProposal{id}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_EQ(results[1].reason, "this order set already answers proposal 1");
}

TEST(Validate, AProposerCannotRejectOrCounterItsOwnProposal) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1});
  EXPECT_EQ(rejection(w, 0, RejectProposal{id}),
            "you cannot reject your own proposal; cancel it instead");
  EXPECT_EQ(rejection(w, 0, CounterProposal{id, TreatyTerms{100, 0, 0, 0, 0}}),
            "you cannot counter your own proposal; cancel it and propose anew");
  EXPECT_EQ(rejection(w, 0, CancelProposal{id}), "accepted");
}

TEST(Validate, OnlyTheProposerCanCancelAProposal) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1});
  EXPECT_EQ(rejection(w, 1, CancelProposal{id}), "only the proposer can cancel proposal 1");
}

TEST(Validate, ACounterProposalMustChangeTheTerms) {
  World w = three_states();
  const TreatyTerms terms{200, 0, 10, 0, 2};
  const int id = open_proposal(w, 0, {1}, TreatyType::MutualDefense, terms);
  EXPECT_EQ(rejection(w, 1, CounterProposal{id, terms}),
            "a counter-proposal must change the terms");
  EXPECT_EQ(rejection(w, 1, CounterProposal{id, TreatyTerms{150, 0, 10, 0, 2}}), "accepted");
}

TEST(Validate, TreatyTermsOutOfBoundsAreRejected) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::MutualDefense, {1}, {5001, 0, 0, 0, 0}, ""}),
            "the spending floor must be between 0 and 5000 basis points of GDP");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::MutualDefense, {1}, {0, -1, 0, 0, 0}, ""}),
            "the contribution must be between 0 and 5000 basis points of revenue");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::MutualDefense, {1}, {0, 0, 0, 0, -1}, ""}),
            "duration, review period and exit notice cannot be negative");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::MutualDefense, {1}, {0, 0, 4, 5, 0}, ""}),
            "the review period cannot be longer than the treaty's duration");
}

TEST(Validate, AProposalListsOnlyOtherExistingStatesOnce) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {}, {}, ""}),
            "a treaty needs at least one other member");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {0, 1}, {}, ""}),
            "list only the other members; the proposer is always a member");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {1, 1}, {}, ""}),
            "State B is listed twice");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {7}, {}, ""}),
            "no such state");
}

TEST(Validate, ATreatyThatAlreadyBindsTheSameStatesCannotBeProposedAgain) {
  World w = three_states();
  add_treaty(w, TreatyType::NonAggression, {0, 1});
  EXPECT_EQ(rejection(w, 1, ProposeTreaty{TreatyType::NonAggression, {0}, {}, ""}),
            "these states already have a non-aggression pact (treaty 1)");
  // Another type, or another set of members, is a different treaty.
  EXPECT_EQ(rejection(w, 1, ProposeTreaty{TreatyType::MutualDefense, {0}, {}, ""}), "accepted");
  EXPECT_EQ(rejection(w, 1, ProposeTreaty{TreatyType::NonAggression, {0, 2}, {}, ""}), "accepted");
}

TEST(Validate, ANeutralityTreatyIsBetweenExactlyTwoStates) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::Neutrality, {1, 2}, {}, ""}),
            "a neutrality treaty is between exactly two states");
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::Neutrality, {1}, {}, ""}), "accepted");
}

TEST(Validate, AStateCanGiveNoticeOnlyOnceAndOnlyToItsOwnTreaties) {
  World w = three_states();
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1});
  EXPECT_EQ(rejection(w, 2, WithdrawFromTreaty{id}), "you are not a member of treaty 1");
  EXPECT_EQ(rejection(w, 0, WithdrawFromTreaty{42}), "no treaty 42 is in force");
  EXPECT_EQ(rejection(w, 0, WithdrawFromTreaty{id}), "accepted");
  w.find_treaty(id)->member(0)->notice_given_turn = 1;
  EXPECT_EQ(rejection(w, 0, WithdrawFromTreaty{id}),
            "notice of withdrawal was already given on turn 1");
}

TEST(Validate, PressureIntensityRunsFromOneToThree) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, ApplyPressure{1, PressureKind::Diplomatic, 0}),
            "pressure intensity must be 1, 2 or 3");
  EXPECT_EQ(rejection(w, 0, ApplyPressure{1, PressureKind::Diplomatic, 4}),
            "pressure intensity must be 1, 2 or 3");
  EXPECT_EQ(rejection(w, 0, ApplyPressure{1, PressureKind::Diplomatic, 3}), "accepted");
}

TEST(Validate, AStateCannotPressItself) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, ApplyPressure{0, PressureKind::Economic, 1}),
            "a state cannot direct this at itself");
}

TEST(Validate, TheSamePressureOnTheSameStateIsAcceptedOncePerOrderSet) {
  const World w = three_states();
  const auto results =
      validate_orders(w, orders_for(0, {ApplyPressure{1, PressureKind::Diplomatic, 1},
                                        ApplyPressure{1, PressureKind::Diplomatic, 2},
                                        ApplyPressure{1, PressureKind::Economic, 1},
                                        ApplyPressure{2, PressureKind::Diplomatic, 1}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_EQ(results[1].reason, "this order set already applies diplomatic pressure on State B");
  EXPECT_TRUE(results[2].accepted);
  EXPECT_TRUE(results[3].accepted);
}

// Influence is spent in the diplomacy step, after a year's wear (15 % in the standard ruleset),
// so an order set can count on 85 % of what the state holds now.
TEST(Validate, PressureNeedsInfluenceAndEachOrderSpendsWhatIsLeft) {
  World w = three_states();
  w.states[0].influence = 20;  // 17 to spend
  ASSERT_NEAR(w.ruleset.influence_decay(), 0.15, 1e-12);
  const auto results =
      validate_orders(w, orders_for(0, {ApplyPressure{1, PressureKind::Diplomatic, 3},
                                        ApplyPressure{1, PressureKind::Economic, 3},
                                        ApplyPressure{1, PressureKind::MilitaryPosture, 3},
                                        ApplyPressure{2, PressureKind::Diplomatic, 2}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_TRUE(results[1].accepted);
  EXPECT_EQ(results[2].reason,
            "not enough influence to apply pressure: it costs 6.0 and 5.0 is left");
  EXPECT_TRUE(results[3].accepted);
}

TEST(Validate, APressureRejectedForWantOfInfluenceDoesNotBlockACheaperOne) {
  World w = three_states();
  w.states[0].influence = 6;  // 5.1 to spend
  const auto results =
      validate_orders(w, orders_for(0, {ApplyPressure{1, PressureKind::Diplomatic, 3},
                                        ApplyPressure{1, PressureKind::Diplomatic, 2}}));
  EXPECT_EQ(results[0].reason,
            "not enough influence to apply pressure: it costs 6.0 and 5.1 is left");
  EXPECT_TRUE(results[1].accepted) << results[1].reason;
}

TEST(Validate, AGuaranteeRejectedForWantOfInfluenceIsNotCountedAsGiven) {
  World w = three_states();
  w.states[0].influence = 2;  // 1.7 to spend
  const auto results = validate_orders(w, orders_for(0, {OfferGuarantee{1}, OfferGuarantee{1}}));
  for (const auto& r : results)
    EXPECT_EQ(r.reason, "not enough influence to offer a guarantee: it costs 2.0 and 1.7 is left");
}

TEST(Validate, ACounterRejectedForWantOfInfluenceLeavesTheProposalToBeAnswered) {
  World w = three_states();
  const int id = open_proposal(w, 0, {1});
  w.states[1].influence = 2;
  const auto results = validate_orders(
      w, orders_for(1, {CounterProposal{id, TreatyTerms{100, 0, 0, 0, 0}}, AcceptProposal{id}}));
  EXPECT_EQ(results[0].reason,
            "not enough influence to counter a proposal: it costs 3.0 and 1.7 is left");
  EXPECT_TRUE(results[1].accepted) << results[1].reason;
}

TEST(Validate, ProposingATreatyNeedsInfluence) {
  World w = three_states();
  w.states[0].influence = 2;
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {1}, {}, ""}),
            "not enough influence to propose a treaty: it costs 3.0 and 1.7 is left");
  w.states[0].influence = 4;  // 3.4 to spend
  EXPECT_EQ(rejection(w, 0, ProposeTreaty{TreatyType::NonAggression, {1}, {}, ""}), "accepted");
}

TEST(Validate, MilitaryAidCannotExceedThePowerProjectionBudget) {
  const World w = three_states();
  // Revenue 200, 10 % of it for projection: 20.
  EXPECT_EQ(rejection(w, 0, SendMilitaryAid{1, 25}),
            "aid of 25.0 exceeds this turn's power projection budget of about 20.0");
  EXPECT_EQ(rejection(w, 0, SendMilitaryAid{1, 20}), "accepted");
  EXPECT_EQ(rejection(w, 0, SendMilitaryAid{1, 0}), "military aid must be a positive amount");
  const auto results =
      validate_orders(w, orders_for(0, {SendMilitaryAid{1, 12}, SendMilitaryAid{2, 12}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_EQ(results[1].reason,
            "aid of 24.0 exceeds this turn's power projection budget of about 20.0");
}

TEST(Validate, AidIsCheckedAgainstTheBudgetOrderedEarlierInTheSameSet) {
  const World w = three_states();
  const Allocation projection_heavy = split({1000, 3000, 2000, 2000, 1000, 500, 500});
  const auto results = validate_orders(
      w, orders_for(0, {SetBudget{projection_heavy, true}, SendMilitaryAid{1, 50}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_TRUE(results[1].accepted) << results[1].reason;
  // A later budget may not take away the money aid already promised.
  const Allocation no_projection = split({2000, 0, 2000, 3000, 1000, 1000, 1000});
  const auto late =
      validate_orders(w, orders_for(0, {SendMilitaryAid{1, 10}, SetBudget{no_projection, true}}));
  EXPECT_TRUE(late[0].accepted);
  EXPECT_EQ(late[1].reason,
            "this budget leaves 0.0 for power projection, less than the 10.0 of military aid "
            "already ordered");
}

TEST(Validate, AStateBandwagonsOnlyWithAStrongerOne) {
  const World w = make_world({plain_state("A", 500), plain_state("B", 3000)});
  EXPECT_EQ(rejection(w, 1, Bandwagon{0}),
            "State A is not stronger than State B: a state bandwagons only with a stronger one");
  EXPECT_EQ(rejection(w, 0, Bandwagon{1}), "accepted");
  const World equals = make_world({plain_state("A"), plain_state("B")});
  EXPECT_EQ(rejection(equals, 0, Bandwagon{1}),
            "State B is not stronger than State A: a state bandwagons only with a stronger one");
}

TEST(Validate, AStateCannotSanctionTwiceNorLiftASanctionItDoesNotHold) {
  World w = three_states();
  EXPECT_EQ(rejection(w, 0, LiftSanction{1}), "you do not sanction State B");
  EXPECT_EQ(rejection(w, 0, JoinSanction{1}), "accepted");
  w.sanctions.push_back({0, 1});
  EXPECT_EQ(rejection(w, 0, JoinSanction{1}), "you already sanction State B");
  EXPECT_EQ(rejection(w, 0, LiftSanction{1}), "accepted");
  EXPECT_EQ(rejection(w, 0, JoinSanction{0}), "a state cannot direct this at itself");
}

TEST(Validate, AGuaranteeIsOfferedOncePerOrderSetAndNotWhileOneRuns) {
  World w = three_states();
  const auto results = validate_orders(w, orders_for(0, {OfferGuarantee{1}, OfferGuarantee{1}}));
  EXPECT_TRUE(results[0].accepted);
  EXPECT_EQ(results[1].reason, "this order set already guarantees State B");
  w.guarantees.push_back({0, 1, 5});
  EXPECT_EQ(rejection(w, 0, OfferGuarantee{1}), "your guarantee to State B runs until turn 5");
  // One that ends with the coming turn may be renewed.
  w.guarantees.back().expires_turn = 1;
  EXPECT_EQ(rejection(w, 0, OfferGuarantee{1}), "accepted");
}

TEST(Validate, AnUnreadableOrderKeepsItsReason) {
  const World w = three_states();
  EXPECT_EQ(rejection(w, 0, UnreadableOrder{"the order names a state \"ZZZ\" not in this match"}),
            "the order names a state \"ZZZ\" not in this match");
}

TEST(Validate, OrdersForAStateOutsideTheMatchAreAllRejected) {
  const World w = three_states();
  const auto results = validate_orders(w, orders_for(5, {JoinSanction{1}, Bandwagon{0}}));
  ASSERT_EQ(results.size(), 2u);
  for (const auto& r : results) {
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.reason, "these orders are for a state that is not in this match");
  }
}

TEST(Validate, AWellFormedOrderSetIsAcceptedWhole) {
  World w = make_world({plain_state("A", 500), plain_state("B", 3000), plain_state("C")});
  const int id = open_proposal(w, 1, {0});
  const auto results = validate_orders(
      w, orders_for(0, {SetBudget{split({1500, 1500, 2000, 2000, 1000, 1000, 1000}), false},
                        ProposeTreaty{TreatyType::MutualDefense, {2}, {200, 500, 10, 5, 2}, "Pact"},
                        AcceptProposal{id}, ApplyPressure{2, PressureKind::Economic, 1},
                        OfferGuarantee{2}, SendMilitaryAid{2, 5}, JoinSanction{2}, Bandwagon{1}}));
  ASSERT_EQ(results.size(), 8u);
  for (const auto& r : results) {
    EXPECT_TRUE(r.accepted) << "order " << r.index << ": " << r.reason;
    EXPECT_TRUE(r.reason.empty());
  }
}

TEST(Validate, ResultsKeepThePositionsOfTheOrdersSent) {
  const World w = three_states();
  const auto results =
      validate_orders(w, orders_for(0, {JoinSanction{1}, UnreadableOrder{"no kind"},
                                        LiftSanction{2}, Bandwagon{0}, JoinSanction{2}}));
  ASSERT_EQ(results.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(results[i].index, i);
  EXPECT_TRUE(results[0].accepted);
  EXPECT_EQ(results[1].reason, "no kind");
  EXPECT_EQ(results[2].reason, "you do not sanction State C");
  EXPECT_EQ(results[3].reason, "a state cannot direct this at itself");
  EXPECT_TRUE(results[4].accepted);
}

TEST(Validate, ResolutionReportsRejectedOrdersOnlyToTheirSender) {
  const World w = three_states();
  const TurnResult result = resolve_turn(
      w, {orders_for(0, {JoinSanction{1}, LiftSanction{2}}), orders_for(1, {Bandwagon{1}})});
  ASSERT_EQ(result.results.size(), 2u);
  EXPECT_TRUE(result.results[0][0].accepted);
  EXPECT_FALSE(result.results[0][1].accepted);
  EXPECT_FALSE(result.results[1][0].accepted);
  const std::string a_text = "Order 2 of State A was rejected: you do not sanction State C.";
  const JournalEntry* told = entry_read_by(result.journal, 0, a_text);
  ASSERT_NE(told, nullptr);
  EXPECT_EQ(told->topic, Topic::OrderTopic);
  EXPECT_FALSE(told->is_public);
  EXPECT_EQ(entry_read_by(result.journal, 1, a_text), nullptr);
  EXPECT_EQ(entry_read_by(result.journal, 2, a_text), nullptr);
  EXPECT_NE(entry_read_by(result.journal, 1, "Order 1 of State B was rejected"), nullptr);
  EXPECT_EQ(entry_read_by(result.journal, 0, "Order 1 of State B was rejected"), nullptr);
  // The accepted sanction took effect; the rejected orders changed nothing.
  EXPECT_TRUE(result.world.is_sanctioning(0, 1));
  EXPECT_FALSE(result.world.states[1].relations[1].bandwagoned);
}

TEST(Validate, ResolutionRejectsASecondOrderSetForTheSameState) {
  const World w = three_states();
  const TurnResult result =
      resolve_turn(w, {orders_for(0, {JoinSanction{1}}), orders_for(0, {JoinSanction{2}})});
  ASSERT_EQ(result.results.size(), 2u);
  EXPECT_TRUE(result.results[0][0].accepted);
  EXPECT_FALSE(result.results[1][0].accepted);
  EXPECT_EQ(result.results[1][0].reason,
            "a second order set for the same state this turn; only the first counts");
  EXPECT_FALSE(result.world.is_sanctioning(0, 2));
}

}  // namespace
}  // namespace hegemon
