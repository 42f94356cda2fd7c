// Treaties from proposal to end: signing, rejecting, countering, cancelling and expiring
// proposals; notice and exit; duration and review; the spending floor, exercises and credibility.
#include <gtest/gtest.h>

#include <string>

#include "shared/resolve.h"
#include "shared/threat.h"
#include "test_world.h"
#include "turn_helpers.h"

namespace hegemon {
namespace {

using testing::add_treaty;
using testing::after_quiet_turns;
using testing::entry_about;
using testing::entry_read_by;
using testing::make_world;
using testing::next_world;
using testing::orders_for;
using testing::plain_state;
using testing::split;

constexpr double kTight = 1e-9;

World three_states() { return make_world({plain_state("A"), plain_state("B"), plain_state("C")}); }

const TreatyTerms kPactTerms{200, 500, 10, 5, 2};

/// Turn 1: A proposes a mutual defense pact to B (proposal 1).
World with_pact_proposed() {
  return next_world(
      three_states(),
      {orders_for(0,
                  {ProposeTreaty{TreatyType::MutualDefense, {1}, kPactTerms, "Northern Pact"}})});
}

TEST(Treaty, AProposalWaitsOpenForTheInviteesAnswer) {
  const TurnResult result = resolve_turn(
      three_states(),
      {orders_for(0,
                  {ProposeTreaty{TreatyType::MutualDefense, {1}, kPactTerms, "Northern Pact"}})});
  const World& w = result.world;
  ASSERT_EQ(w.proposals.size(), 1u);
  const Proposal& p = w.proposals[0];
  EXPECT_EQ(p.id, 1);
  EXPECT_EQ(p.proposer, 0);
  EXPECT_EQ(p.members, (std::vector<StateIndex>{0, 1}));
  EXPECT_EQ(p.accepted, (std::vector<StateIndex>{0}));
  EXPECT_EQ(p.terms, kPactTerms);
  EXPECT_EQ(p.turn, 1);
  EXPECT_EQ(p.status, ProposalStatus::Open);
  EXPECT_TRUE(w.treaties.empty());
  // Proposing costs influence: 53.5 after the turn's diplomacy, less 3.
  EXPECT_NEAR(w.states[0].influence, 53.5 - w.ruleset.proposal_influence_cost(), kTight);
  EXPECT_NE(entry_read_by(result.journal, 1, "State A proposed proposal 1"), nullptr);
  EXPECT_EQ(entry_read_by(result.journal, 2, "State A proposed proposal 1"), nullptr);
}

TEST(Treaty, AProposalAcceptedTheNextTurnIsSignedWithItsTerms) {
  const TurnResult result =
      resolve_turn(with_pact_proposed(), {orders_for(1, {AcceptProposal{1}})});
  const World& w = result.world;
  ASSERT_EQ(w.treaties.size(), 1u);
  const Treaty& t = w.treaties[0];
  EXPECT_EQ(t.id, 1);
  EXPECT_EQ(t.type, TreatyType::MutualDefense);
  EXPECT_EQ(t.name, "Northern Pact");
  EXPECT_EQ(t.terms, kPactTerms);
  EXPECT_EQ(t.signed_turn, 2);
  ASSERT_EQ(t.members.size(), 2u);
  EXPECT_EQ(t.members[0].state, 0);
  EXPECT_EQ(t.members[1].state, 1);
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Signed);
  EXPECT_TRUE(w.share_treaty(0, 1, TreatyType::MutualDefense));
  // A signature is public.
  const JournalEntry* signed_entry = entry_read_by(result.journal, 2, "signed Northern Pact");
  ASSERT_NE(signed_entry, nullptr);
  EXPECT_TRUE(signed_entry->is_public);
  // Allies discount each other's threat from the moment they sign.
  EXPECT_NEAR(threat_factors(w, 0, 1).alliance_discount, w.ruleset.ally_threat_discount(), kTight);
}

TEST(Treaty, EveryInviteeMustAcceptBeforeATreatyIsSigned) {
  World w = next_world(three_states(),
                       {orders_for(0, {ProposeTreaty{TreatyType::NonAggression, {1, 2}, {}, ""}})});
  w = next_world(w, {orders_for(1, {AcceptProposal{1}})});
  EXPECT_TRUE(w.treaties.empty());
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Open);
  EXPECT_EQ(w.find_proposal(1)->accepted, (std::vector<StateIndex>{0, 1}));
  w = next_world(w, {orders_for(2, {AcceptProposal{1}})});
  ASSERT_EQ(w.treaties.size(), 1u);
  EXPECT_EQ(w.treaties[0].members.size(), 3u);
  EXPECT_EQ(w.treaties[0].signed_turn, 3);
}

TEST(Treaty, ARejectedProposalSignsNothing) {
  const TurnResult result =
      resolve_turn(with_pact_proposed(), {orders_for(1, {RejectProposal{1}})});
  EXPECT_TRUE(result.world.treaties.empty());
  EXPECT_EQ(result.world.find_proposal(1)->status, ProposalStatus::Rejected);
  EXPECT_NE(entry_read_by(result.journal, 0, "State B rejected proposal 1"), nullptr);
}

TEST(Treaty, ACounterProposalReplacesTheOriginalWithNewTerms) {
  const TreatyTerms cheaper{100, 0, 10, 5, 2};
  const World before = with_pact_proposed();
  const TurnResult result = resolve_turn(before, {orders_for(1, {CounterProposal{1, cheaper}})});
  const World& w = result.world;
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Countered);
  const Proposal* counter = w.find_proposal(2);
  ASSERT_NE(counter, nullptr);
  EXPECT_EQ(counter->counter_of, 1);
  EXPECT_EQ(counter->proposer, 1);
  EXPECT_EQ(counter->type, TreatyType::MutualDefense);
  EXPECT_EQ(counter->name, "Northern Pact");
  EXPECT_EQ(counter->members, (std::vector<StateIndex>{0, 1}));
  EXPECT_EQ(counter->accepted, (std::vector<StateIndex>{1}));
  EXPECT_EQ(counter->terms, cheaper);
  EXPECT_EQ(counter->turn, 2);
  EXPECT_EQ(counter->status, ProposalStatus::Open);
  EXPECT_TRUE(w.treaties.empty());
  // Countering costs what proposing costs.
  const World plain_turn = next_world(before);
  EXPECT_NEAR(w.states[1].influence,
              plain_turn.states[1].influence - w.ruleset.proposal_influence_cost(), kTight);

  // The original proposer accepts the counter: the treaty carries the countered terms.
  const World signed_world = next_world(w, {orders_for(0, {AcceptProposal{2}})});
  ASSERT_EQ(signed_world.treaties.size(), 1u);
  EXPECT_EQ(signed_world.treaties[0].terms, cheaper);
}

TEST(Treaty, AProposerCanCancelItsOpenProposal) {
  const TurnResult result =
      resolve_turn(with_pact_proposed(), {orders_for(0, {CancelProposal{1}})});
  EXPECT_EQ(result.world.find_proposal(1)->status, ProposalStatus::Withdrawn);
  EXPECT_NE(entry_read_by(result.journal, 1, "State A withdrew proposal 1"), nullptr);
  // Too late to accept it now.
  const auto late = resolve_turn(result.world, {orders_for(1, {AcceptProposal{1}})});
  EXPECT_FALSE(late.results[0][0].accepted);
  EXPECT_TRUE(late.world.treaties.empty());
}

TEST(Treaty, AnUnansweredProposalExpiresAfterItsLifetime) {
  World w = with_pact_proposed();
  ASSERT_EQ(w.ruleset.proposal_lifetime(), 3);
  w = after_quiet_turns(w, 2);  // turns 2 and 3
  ASSERT_NE(w.find_proposal(1), nullptr);
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Open);
  const TurnResult expiry = resolve_turn(w, {});  // turn 4
  ASSERT_NE(expiry.world.find_proposal(1), nullptr);
  EXPECT_EQ(expiry.world.find_proposal(1)->status, ProposalStatus::Expired);
  EXPECT_NE(entry_read_by(expiry.journal, 1, "proposal 1 (Northern Pact) expired unanswered"),
            nullptr);
  EXPECT_EQ(entry_read_by(expiry.journal, 2, "expired unanswered"), nullptr);
  EXPECT_EQ(next_world(expiry.world).find_proposal(1), nullptr);
}

TEST(Treaty, AProposalCanStillBeAnsweredOnTheLastTurnOfItsLifetime) {
  World w = after_quiet_turns(with_pact_proposed(), 2);
  const World signed_world = next_world(w, {orders_for(1, {AcceptProposal{1}})});
  ASSERT_EQ(signed_world.treaties.size(), 1u);
  EXPECT_EQ(signed_world.treaties[0].signed_turn, 4);
}

TEST(Treaty, ASettledProposalIsKeptOneTurnSoEveryMemberSeesTheOutcome) {
  // Answered two turns after it was made: the outcome must still be there to see.
  const World w = after_quiet_turns(with_pact_proposed(), 1);
  const World signed_world = next_world(w, {orders_for(1, {AcceptProposal{1}})});
  ASSERT_NE(signed_world.find_proposal(1), nullptr);
  EXPECT_EQ(signed_world.find_proposal(1)->status, ProposalStatus::Signed);
  EXPECT_EQ(next_world(signed_world).find_proposal(1), nullptr);
}

TEST(Treaty, WithdrawalGivesPublicNoticeAndTheMemberLeavesWhenTheNoticeRunsOut) {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C"), plain_state("D")});
  TreatyTerms terms;
  terms.exit_notice = 2;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1, 2}, terms);
  const TurnResult notice = resolve_turn(w, {orders_for(0, {WithdrawFromTreaty{id}})});
  ASSERT_TRUE(notice.results[0][0].accepted) << notice.results[0][0].reason;
  const JournalEntry* told = entry_read_by(notice.journal, 3, "State A gave notice to leave");
  ASSERT_NE(told, nullptr);
  EXPECT_TRUE(told->is_public);
  EXPECT_NE(told->text.find("it leaves on turn 3"), std::string::npos) << told->text;
  EXPECT_EQ(notice.world.find_treaty(id)->member(0)->notice_given_turn, 1);

  const World turn2 = next_world(notice.world);
  EXPECT_TRUE(turn2.find_treaty(id)->has_member(0));
  const TurnResult exit = resolve_turn(turn2, {});
  const Treaty* t = exit.world.find_treaty(id);
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->has_member(0));
  EXPECT_TRUE(t->has_member(1));
  EXPECT_TRUE(t->has_member(2));
  EXPECT_NE(
      entry_read_by(exit.journal, 3, "State A left the mutual defense pact 1 after its notice"),
      nullptr);
}

TEST(Treaty, ATwoMemberTreatyDissolvesWhenOneMemberLeaves) {
  World w = three_states();
  const int id = add_treaty(w, TreatyType::NonAggression, {0, 1});  // no notice needed
  const TurnResult result = resolve_turn(w, {orders_for(1, {WithdrawFromTreaty{id}})});
  EXPECT_EQ(result.world.find_treaty(id), nullptr);
  EXPECT_FALSE(result.world.share_treaty(0, 1, TreatyType::NonAggression));
  EXPECT_NE(entry_about(result.journal, Topic::Treaty, "dissolved: fewer than two members remain"),
            nullptr);
}

TEST(Treaty, ATreatyEndsWhenItsDurationRunsOut) {
  World w = three_states();
  TreatyTerms terms;
  terms.duration = 3;
  const int id = add_treaty(w, TreatyType::NonAggression, {0, 1}, terms);  // signed on turn 0
  w = after_quiet_turns(w, 2);
  ASSERT_NE(w.find_treaty(id), nullptr);
  const TurnResult end = resolve_turn(w, {});
  EXPECT_EQ(end.world.find_treaty(id), nullptr);
  EXPECT_NE(entry_about(end.journal, Topic::Treaty, "reached the end of its term"), nullptr);
}

TEST(Treaty, AReviewLapsesATreatyWhoseCohesionIsBelowTheMinimum) {
  World w = three_states();
  TreatyTerms terms;
  terms.review_period = 2;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  w.find_treaty(id)->cohesion = 0.2;
  const World turn1 = next_world(w);
  ASSERT_NE(turn1.find_treaty(id), nullptr);  // no review on turn 1
  EXPECT_NEAR(turn1.find_treaty(id)->cohesion, 0.2 + w.ruleset.cohesion_gain_per_kept_turn(),
              kTight);
  const TurnResult review = resolve_turn(turn1, {});
  ASSERT_LT(0.2 + 2 * w.ruleset.cohesion_gain_per_kept_turn(), w.ruleset.review_min_cohesion());
  EXPECT_EQ(review.world.find_treaty(id), nullptr);
  EXPECT_NE(entry_about(review.journal, Topic::Treaty, "lapsed at its review: cohesion 0.30"),
            nullptr);
}

TEST(Treaty, AReviewKeepsATreatyWhoseCohesionHolds) {
  World w = three_states();
  TreatyTerms terms;
  terms.review_period = 2;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  w.find_treaty(id)->cohesion = 0.35;
  const TurnResult review = resolve_turn(next_world(w), {});
  ASSERT_NE(review.world.find_treaty(id), nullptr);
  EXPECT_NEAR(review.world.find_treaty(id)->cohesion, 0.45, kTight);
  EXPECT_NE(entry_about(review.journal, Topic::Treaty, "passed its review (cohesion 0.45)"),
            nullptr);
}

TEST(Treaty, AMemberBelowTheSpendingFloorIsInBreachForAllToSee) {
  State free_rider = plain_state("B");
  free_rider.allocation = split({500, 500, 3000, 3000, 1000, 1000, 1000});  // forces 2 % of GDP
  World w = make_world({plain_state("A"), free_rider, plain_state("C")});
  const Ruleset& r = w.ruleset;
  TreatyTerms terms;
  terms.spending_floor_bp = 300;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  const TurnResult result = resolve_turn(w, {});
  const World& after = result.world;
  const Treaty* t = after.find_treaty(id);
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->member(1)->compliant);
  EXPECT_EQ(t->member(1)->breaches, 1);
  EXPECT_NEAR(after.states[1].reputation, 60 - r.reputation_loss_per_breach(), kTight);
  EXPECT_NEAR(t->cohesion, 1 - r.cohesion_loss_per_breach(), kTight);
  // The member that kept its commitment gains reputation.
  EXPECT_TRUE(t->member(0)->compliant);
  EXPECT_EQ(t->member(0)->breaches, 0);
  EXPECT_NEAR(after.states[0].reputation, 60 + r.reputation_gain_per_kept_turn(), kTight);
  // A non-member can read the breach: the floor is a public commitment.
  const JournalEntry* breach = entry_read_by(result.journal, 2, "State B spent");
  ASSERT_NE(breach, nullptr);
  EXPECT_EQ(breach->topic, Topic::Compliance);
  EXPECT_TRUE(breach->is_public);
  EXPECT_NE(breach->text.find("below the 3.00 % floor"), std::string::npos) << breach->text;

  const World again = next_world(after);
  EXPECT_EQ(again.find_treaty(id)->member(1)->breaches, 2);
  EXPECT_NEAR(again.states[1].reputation, 60 - 2 * r.reputation_loss_per_breach(), kTight);
  EXPECT_NEAR(again.find_treaty(id)->cohesion, 1 - 2 * r.cohesion_loss_per_breach(), kTight);
}

TEST(Treaty, AMemberSpendingExactlyTheFloorKeepsItsCommitment) {
  // 20 % of a 20 % tax is 4 % of the GDP the budget was drawn from.
  World w = three_states();
  TreatyTerms terms;
  terms.spending_floor_bp = 400;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  const World after = next_world(w);
  EXPECT_TRUE(after.find_treaty(id)->member(0)->compliant);
  EXPECT_EQ(after.find_treaty(id)->member(0)->breaches, 0);
  EXPECT_NEAR(after.states[0].reputation, 60 + w.ruleset.reputation_gain_per_kept_turn(), kTight);
}

TEST(Treaty, CohesionRecoversWhileNoMemberBreaches) {
  World w = three_states();
  TreatyTerms terms;
  terms.spending_floor_bp = 200;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1}, terms);
  w.find_treaty(id)->cohesion = 0.5;
  const World after = next_world(w);
  EXPECT_NEAR(after.find_treaty(id)->cohesion, 0.5 + w.ruleset.cohesion_gain_per_kept_turn(),
              kTight);
  w.find_treaty(id)->cohesion = 0.99;
  EXPECT_DOUBLE_EQ(next_world(w).find_treaty(id)->cohesion, 1.0);
}

TEST(Treaty, JointExercisesRaiseInteroperabilityOfMilitaryTreatiesSharingTwoParticipants) {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C"), plain_state("D")});
  const Ruleset& r = w.ruleset;
  const int exercises = add_treaty(w, TreatyType::JointExercises, {0, 1});
  const int alliance = add_treaty(w, TreatyType::MutualDefense, {0, 1, 2});
  const int thin = add_treaty(w, TreatyType::MutualDefense, {0, 3});
  const int pact = add_treaty(w, TreatyType::NonAggression, {0, 1});
  const World after = next_world(w);
  const double gain = r.interoperability_gain_exercises();
  EXPECT_NEAR(after.find_treaty(exercises)->interoperability, gain, kTight);
  // Two of the alliance's three members exercised together.
  EXPECT_NEAR(after.find_treaty(alliance)->interoperability, gain * 2.0 / 3.0, kTight);
  EXPECT_NEAR(after.find_treaty(thin)->interoperability, 0.0, kTight);
  EXPECT_NEAR(after.find_treaty(pact)->interoperability, 0.0, kTight);
  // Next turn the old level wears a little before the new exercise adds to it.
  const World later = next_world(after);
  EXPECT_NEAR(later.find_treaty(alliance)->interoperability,
              gain * 2.0 / 3.0 * (1 - r.interoperability_decay()) + gain * 2.0 / 3.0, kTight);
}

TEST(Treaty, InteroperabilityFadesWithoutExercises) {
  World w = three_states();
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1});
  w.find_treaty(id)->interoperability = 0.5;
  EXPECT_NEAR(next_world(w).find_treaty(id)->interoperability,
              0.5 * (1 - w.ruleset.interoperability_decay()), kTight);
}

TEST(Treaty, CredibilityIsCohesionTimesInteroperabilityTimesTheMembersReputation) {
  World w = three_states();
  w.states[0].reputation = 60;
  w.states[1].reputation = 80;
  const int id = add_treaty(w, TreatyType::MutualDefense, {0, 1});
  Treaty& t = *w.find_treaty(id);
  t.cohesion = 0.8;
  t.interoperability = 0.5;
  EXPECT_NEAR(credibility(w, t), 0.8 * (0.5 + 0.5 * 0.5) * 0.70, kTight);
  // Free riding that erodes cohesion erodes credibility in proportion.
  t.cohesion = 0.4;
  EXPECT_NEAR(credibility(w, t), 0.4 * 0.75 * 0.70, kTight);
  t.members.clear();
  EXPECT_EQ(credibility(w, t), 0.0);
}

}  // namespace
}  // namespace hegemon
