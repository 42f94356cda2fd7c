// Orders as the rules engine sees them: one variant per intent, states named by index.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "shared/world.h"

namespace hegemon {

struct SetBudget {
  Allocation allocation;
  bool publish_budget = false;
};

struct ProposeTreaty {
  TreatyType type = TreatyType::NonAggression;
  std::vector<StateIndex> members;  // the invited states; the proposer is added on signing
  TreatyTerms terms;
  std::string name;
};

struct AcceptProposal { int proposal_id = 0; };
struct RejectProposal { int proposal_id = 0; };
struct CounterProposal {
  int proposal_id = 0;
  TreatyTerms terms;
};
struct WithdrawFromTreaty { int treaty_id = 0; };
struct CancelProposal { int proposal_id = 0; };
/// Asks to join a treaty in force on its terms; every current member must accept.
struct RequestAccession { int treaty_id = 0; };

enum class PressureKind : int { Diplomatic = 1, Economic = 2, MilitaryPosture = 3 };
const char* pressure_kind_name(PressureKind kind);

struct ApplyPressure {
  StateIndex target = 0;
  PressureKind kind = PressureKind::Diplomatic;
  int intensity = 1;  // 1..3
};
struct OfferGuarantee { StateIndex target = 0; };
struct SendMilitaryAid {
  StateIndex target = 0;
  double amount = 0;
};
struct JoinSanction { StateIndex target = 0; };
struct LiftSanction { StateIndex target = 0; };
struct Bandwagon { StateIndex protector = 0; };

/// An order that could not even be read (it names a state that does not exist, or has no kind).
/// It is kept in place so that results stay aligned with what the player sent.
struct UnreadableOrder { std::string reason; };

using Order = std::variant<SetBudget, ProposeTreaty, AcceptProposal, RejectProposal,
                           CounterProposal, WithdrawFromTreaty, CancelProposal, ApplyPressure,
                           OfferGuarantee, SendMilitaryAid, JoinSanction, LiftSanction, Bandwagon,
                           RequestAccession, UnreadableOrder>;

/// Everything one state orders for one turn.
struct OrderSet {
  StateIndex state = 0;
  std::vector<Order> orders;
};

/// The verdict on one order, by its position in the order set.
struct OrderResult {
  int index = 0;
  bool accepted = false;
  std::string reason;  // empty when accepted
};

}  // namespace hegemon
