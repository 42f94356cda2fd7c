#include "shared/world.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace hegemon {

int Allocation::total() const {
  // Added up wide and held within int: shares from the wire may be anything.
  const long long sum = std::accumulate(bp.begin(), bp.end(), 0LL);
  return static_cast<int>(
      std::clamp<long long>(sum, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

bool is_military(TreatyType type) {
  return type == TreatyType::MutualDefense || type == TreatyType::MilitaryAid ||
         type == TreatyType::JointExercises;
}

const char* treaty_type_name(TreatyType type) {
  switch (type) {
    case TreatyType::MutualDefense: return "mutual defense pact";
    case TreatyType::NonAggression: return "non-aggression pact";
    case TreatyType::MilitaryAid: return "military aid agreement";
    case TreatyType::JointExercises: return "joint exercises agreement";
    case TreatyType::ConfidenceBuilding: return "confidence-building agreement";
    case TreatyType::Neutrality: return "neutrality treaty";
  }
  return "treaty";
}

const char* finland_status_name(FinlandStatus status) {
  switch (status) {
    case FinlandStatus::Independent: return "independent";
    case FinlandStatus::Accommodating: return "accommodating";
    case FinlandStatus::Finlandized: return "Finlandized";
  }
  return "independent";
}

const char* lean_name(GovernmentLean lean) {
  switch (lean) {
    case GovernmentLean::Centrist: return "centrist";
    case GovernmentLean::Hawkish: return "hawkish";
    case GovernmentLean::Dovish: return "dovish";
  }
  return "centrist";
}

bool Proposal::has_member(StateIndex s) const {
  return std::find(members.begin(), members.end(), s) != members.end();
}

bool Proposal::has_accepted(StateIndex s) const {
  return std::find(accepted.begin(), accepted.end(), s) != accepted.end();
}

StateIndex World::find(const std::string& id) const {
  for (int i = 0; i < size(); ++i)
    if (states[i].id == id) return i;
  return -1;
}

const Treaty* World::find_treaty(int id) const {
  for (const auto& t : treaties)
    if (t.id == id) return &t;
  return nullptr;
}

Treaty* World::find_treaty(int id) {
  for (auto& t : treaties)
    if (t.id == id) return &t;
  return nullptr;
}

const Proposal* World::find_proposal(int id) const {
  for (const auto& p : proposals)
    if (p.id == id) return &p;
  return nullptr;
}

Proposal* World::find_proposal(int id) {
  for (auto& p : proposals)
    if (p.id == id) return &p;
  return nullptr;
}

bool World::share_treaty(StateIndex a, StateIndex b, TreatyType type) const {
  for (const auto& t : treaties)
    if (t.type == type && t.has_member(a) && t.has_member(b)) return true;
  return false;
}

WorldMap& World::edit_map() {
  if (map_.use_count() > 1) map_ = std::make_shared<WorldMap>(*map_);
  return *map_;
}

void copy_all_but_threat(const World& from, World& to) {
  // Every member of World but `threat`, in the order declared.
  to.scenario = from.scenario;
  to.ruleset = from.ruleset;
  to.turn = from.turn;
  to.seed = from.seed;
  to.states = from.states;
  to.treaties = from.treaties;
  to.proposals = from.proposals;
  to.guarantees = from.guarantees;
  to.sanctions = from.sanctions;
  to.next_treaty_id = from.next_treaty_id;
  to.next_proposal_id = from.next_proposal_id;
  to.scores = from.scores;
  to.ended = from.ended;
  to.end_reason = from.end_reason;
  to.map_ = from.map_;
}

bool World::is_sanctioning(StateIndex sanctioner, StateIndex target) const {
  return std::find(sanctions.begin(), sanctions.end(), Sanction{sanctioner, target}) !=
         sanctions.end();
}

}  // namespace hegemon

#include "shared/orders.h"

namespace hegemon {

const char* pressure_kind_name(PressureKind kind) {
  switch (kind) {
    case PressureKind::Diplomatic: return "diplomatic";
    case PressureKind::Economic: return "economic";
    case PressureKind::MilitaryPosture: return "military";
  }
  return "diplomatic";
}

}  // namespace hegemon
