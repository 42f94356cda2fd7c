// Joining a treaty in force: RequestAccession opens an accession proposal to every current
// member; the applicant joins on the treaty's terms once all of them have accepted, and one
// refusal ends it. The order is checked like a proposal (cost, Finlandization limits).
#include <gtest/gtest.h>

#include <string>

#include "shared/finlandization.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/validate.h"
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

const TreatyTerms kPactTerms{200, 500, 0, 5, 2};
constexpr StateIndex kApplicant = 3;

/// A, B and C in the Northern Pact (treaty 1); D outside it.
World northern_pact() {
  World w = make_world({plain_state("A"), plain_state("B"), plain_state("C"), plain_state("D")});
  add_treaty(w, TreatyType::MutualDefense, {0, 1, 2}, kPactTerms);
  w.treaties[0].name = "Northern Pact";
  return w;
}

/// Turn 1 of northern_pact(): D asks to join (proposal 1).
TurnResult requested() {
  return resolve_turn(northern_pact(), {orders_for(kApplicant, {RequestAccession{1}})});
}

OrderResult verdict(const World& w, StateIndex s, const Order& order) {
  return validate_orders(w, OrderSet{s, {order}}).at(0);
}

TEST(Accession, ARequestOpensAnAccessionProposalToEveryMember) {
  const World before = northern_pact();
  const TurnResult r = requested();
  const World& w = r.world;
  ASSERT_EQ(w.proposals.size(), 1u);
  const Proposal& p = w.proposals[0];
  EXPECT_EQ(p.accession_to, 1);
  EXPECT_EQ(p.proposer, kApplicant);
  EXPECT_EQ(p.type, TreatyType::MutualDefense);
  EXPECT_EQ(p.name, "Northern Pact");
  EXPECT_EQ(p.terms, kPactTerms);
  EXPECT_EQ(p.members, (std::vector<StateIndex>{3, 0, 1, 2}));
  EXPECT_EQ(p.accepted, (std::vector<StateIndex>{3}));
  EXPECT_FALSE(w.treaties[0].has_member(kApplicant));
  // It costs what a proposal costs.
  const World quiet = next_world(before);
  EXPECT_NEAR(quiet.states[kApplicant].influence - w.states[kApplicant].influence,
              w.ruleset.proposal_influence_cost(), 1e-9);
  for (StateIndex member : {0, 1, 2})
    EXPECT_NE(entry_read_by(r.journal, member, "State D asked to join Northern Pact"), nullptr);
}

TEST(Accession, TheApplicantJoinsOnTheTreatysTermsOnceEveryMemberHasAccepted) {
  const World asked = requested().world;
  const World two_of_three =
      next_world(asked, {orders_for(0, {AcceptProposal{1}}), orders_for(1, {AcceptProposal{1}})});
  EXPECT_FALSE(two_of_three.treaties[0].has_member(kApplicant));
  EXPECT_EQ(two_of_three.find_proposal(1)->status, ProposalStatus::Open);

  const TurnResult r = resolve_turn(two_of_three, {orders_for(2, {AcceptProposal{1}})});
  const World& w = r.world;
  ASSERT_EQ(w.treaties.size(), 1u);  // the same treaty, one member more
  const Treaty& t = w.treaties[0];
  EXPECT_EQ(t.id, 1);
  EXPECT_TRUE(t.has_member(kApplicant));
  EXPECT_EQ(t.members.size(), 4u);
  EXPECT_EQ(t.terms, kPactTerms);
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Signed);
  EXPECT_TRUE(w.share_treaty(kApplicant, 0, TreatyType::MutualDefense));
  const JournalEntry* joined = entry_read_by(r.journal, 0, "State D joined Northern Pact");
  ASSERT_NE(joined, nullptr);
  EXPECT_TRUE(joined->is_public);
  // From the next turn it pays the treaty's contribution like every member.
  const World later = next_world(w);
  EXPECT_GT(later.states[kApplicant].last_contributions, 0.0);
}

TEST(Accession, OneMembersRefusalEndsTheRequest) {
  const World asked = requested().world;
  const World w =
      next_world(asked, {orders_for(0, {AcceptProposal{1}}), orders_for(1, {RejectProposal{1}}),
                         orders_for(2, {AcceptProposal{1}})});
  EXPECT_EQ(w.find_proposal(1)->status, ProposalStatus::Rejected);
  EXPECT_FALSE(w.treaties[0].has_member(kApplicant));
}

TEST(Accession, ARequestToATreatyThatEndedLapses) {
  World asked = requested().world;
  asked.treaties.clear();
  const TurnResult r = resolve_turn(asked, {orders_for(0, {AcceptProposal{1}})});
  EXPECT_EQ(r.world.find_proposal(1)->status, ProposalStatus::Expired);
  EXPECT_NE(entry_read_by(r.journal, kApplicant, "no longer in force"), nullptr);
}

TEST(Accession, TheRequestIsRefusedWithAReasonWhenItCannotStand) {
  World w = northern_pact();
  const int neutrality = add_treaty(w, TreatyType::Neutrality, {1, 2});
  const auto refused = [&](const World& world, StateIndex s, const Order& order,
                           const std::string& reason) {
    const OrderResult r = verdict(world, s, order);
    EXPECT_FALSE(r.accepted) << reason;
    EXPECT_NE(r.reason.find(reason), std::string::npos) << r.reason;
  };
  EXPECT_TRUE(verdict(w, kApplicant, RequestAccession{1}).accepted);
  refused(w, kApplicant, RequestAccession{99}, "no treaty 99 is in force");
  refused(w, 0, RequestAccession{1}, "already a member of treaty 1 (Northern Pact)");
  refused(w, kApplicant, RequestAccession{neutrality}, "takes no new members");
  const std::vector<OrderResult> twice = validate_orders(
      w, OrderSet{kApplicant, {RequestAccession{1}, RequestAccession{1}}});
  EXPECT_TRUE(twice[0].accepted);
  EXPECT_FALSE(twice[1].accepted);
  EXPECT_NE(twice[1].reason.find("already asks to join"), std::string::npos) << twice[1].reason;

  const World asked = requested().world;
  refused(asked, kApplicant, RequestAccession{1}, "already open (proposal 1)");
  // An accession takes the treaty as it is: no counter-proposal.
  refused(asked, 0, CounterProposal{1, {100, 0, 0, 0, 1}}, "accept or reject");

  World poor = northern_pact();
  poor.states[kApplicant].influence = 1;
  refused(poor, kApplicant, RequestAccession{1}, "not enough influence to ask to join a treaty");
}

TEST(Accession, AnAccommodatingStateCannotJoinAnAllianceDirectedAgainstItsPressurer) {
  // Karvonia (GDP 5000) towers over the others; B and C fear it, and A accommodates it.
  State karvonia = plain_state("KAR", 5000);
  karvonia.name = "Karvonia";
  World w = make_world({plain_state("A", 200), plain_state("B"), plain_state("C"), karvonia});
  add_treaty(w, TreatyType::MutualDefense, {1, 2});
  w.states[0].relations[3].finland_level = 50;
  w.states[0].relations[3].finland_status = FinlandStatus::Accommodating;
  ASSERT_TRUE(directed_against(w, TreatyType::MutualDefense, {0, 1, 2}, 3));
  const OrderResult r = verdict(w, 0, RequestAccession{1});
  EXPECT_FALSE(r.accepted);
  EXPECT_NE(r.reason.find("directed against Karvonia"), std::string::npos) << r.reason;
  // Its status does not bar a non-military treaty.
  add_treaty(w, TreatyType::ConfidenceBuilding, {1, 2});
  EXPECT_TRUE(verdict(w, 0, RequestAccession{2}).accepted);
}

TEST(Accession, AnApplicantThatComesToAccommodateThePowerTheAllianceFacesCannotJoinIt) {
  State karvonia = plain_state("KAR", 5000);
  karvonia.name = "Karvonia";
  World w = make_world({plain_state("A", 200), plain_state("B"), plain_state("C"), karvonia});
  add_treaty(w, TreatyType::MutualDefense, {1, 2});
  World asked = next_world(w, {orders_for(0, {RequestAccession{1}})});
  ASSERT_EQ(asked.proposals.size(), 1u);
  // Since it asked, A has come to accommodate Karvonia, which B and C fear.
  asked.states[0].relations[3].finland_level = 50;
  asked.states[0].relations[3].finland_status = FinlandStatus::Accommodating;
  const TurnResult r = resolve_turn(
      asked, {orders_for(1, {AcceptProposal{1}}), orders_for(2, {AcceptProposal{1}})});
  EXPECT_EQ(r.world.find_proposal(1)->status, ProposalStatus::Expired);
  EXPECT_FALSE(r.world.treaties[0].has_member(0));
  EXPECT_NE(entry_read_by(r.journal, 1, "cannot join an alliance directed against it"), nullptr);
}

TEST(Accession, TheOrderAndTheProposalTravelThroughTheSchema) {
  const World w = requested().world;
  const Order order = order_from_proto(w, to_proto(w, Order{RequestAccession{1}}));
  ASSERT_TRUE(std::holds_alternative<RequestAccession>(order));
  EXPECT_EQ(std::get<RequestAccession>(order).treaty_id, 1);
  const World back = world_from_proto(to_proto(w));
  EXPECT_EQ(back.proposals.at(0).accession_to, 1);
}

}  // namespace
}  // namespace hegemon
