// The world model of the rules engine: plain data, indexed by state position.
//
// States refer to each other by index (StateIndex) into World::states; the adapter in
// shared/schema_adapter.h turns these into the string ids of the .proto schema and back.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "protocol/ruleset.pb.h"

namespace hegemon {

using StateIndex = int;
/// The ruleset is a flat bag of constants: the generated message is read-only here, so the engine
/// reads its accessors directly rather than keeping a second copy of eighty fields in sync.
using Ruleset = pb::Ruleset;

/// The budget categories, in the order of Allocation::bp.
enum class Category : int {
  TerritorialDefense = 0,
  PowerProjection,
  Economy,
  Welfare,
  Research,
  Diplomacy,
  Intelligence,
};
inline constexpr int kCategoryCount = 7;
inline constexpr int kBasisPoints = 10000;

/// A revenue split in basis points over the seven categories.
struct Allocation {
  std::array<int, kCategoryCount> bp{};
  int& operator[](Category c) { return bp[static_cast<int>(c)]; }
  int operator[](Category c) const { return bp[static_cast<int>(c)]; }
  int total() const;
  bool operator==(const Allocation&) const = default;
};

/// Money spent per category in one turn.
struct Spending {
  std::array<double, kCategoryCount> money{};
  double& operator[](Category c) { return money[static_cast<int>(c)]; }
  double operator[](Category c) const { return money[static_cast<int>(c)]; }
  double forces() const {
    return (*this)[Category::TerritorialDefense] + (*this)[Category::PowerProjection];
  }
};

enum class TreatyType : int {
  MutualDefense = 1,
  NonAggression = 2,
  MilitaryAid = 3,
  JointExercises = 4,
  ConfidenceBuilding = 5,
  Neutrality = 6,
};

/// Treaties that bind their members militarily: the kind a pressurer reads as directed against it.
bool is_military(TreatyType type);
const char* treaty_type_name(TreatyType type);

struct TreatyTerms {
  int spending_floor_bp = 0;  // share of GDP spent on forces, in basis points
  int contribution_bp = 0;    // share of revenue paid into the treaty each turn
  int duration = 0;           // turns; 0 = open-ended
  int review_period = 0;      // turns; 0 = never reviewed
  int exit_notice = 0;        // turns between notice and exit
  bool operator==(const TreatyTerms&) const = default;
};

enum class FinlandStatus : int { Independent = 0, Accommodating = 1, Finlandized = 2 };
const char* finland_status_name(FinlandStatus status);

enum class GovernmentLean : int { Centrist = 0, Hawkish = 1, Dovish = 2 };
const char* lean_name(GovernmentLean lean);

/// What one state holds about another (indexed by the other state's position).
struct Relation {
  double hostility = 0;  // the other's record of hostile acts toward the holder
  double finland_level = 0;
  FinlandStatus finland_status = FinlandStatus::Independent;
  double finland_change = 0;  // last turn's movement of the level
  double finland_push = 0;
  double finland_resistance = 0;
  double coercion = 0;        // coercion the other applied to the holder last turn
  bool bandwagoned = false;   // the holder sought the other's protection last turn
};

struct State {
  std::string id;
  std::string name;
  // Economy
  double gdp = 0;
  double population = 0;
  double growth = 0;
  double tax_share = 0;
  // Forces
  double territorial_defense = 0;
  double power_projection = 0;
  double technology = 1;
  // Domestic
  double stability = 50;
  GovernmentLean lean = GovernmentLean::Centrist;
  int government_changes = 0;
  // Diplomacy and information
  double influence = 0;
  double reputation = 50;
  double intelligence = 0;
  Allocation allocation;
  bool publish_budget = false;
  std::vector<Relation> relations;  // one per state, by index (own entry unused)
  // Map
  std::string color;
  int map_x = 0;
  int map_y = 0;
  // Last turn's budget, for views and compliance
  Spending last_spending;
  double last_revenue = 0;
  double last_contributions = 0;
  // The bot doctrine that plays the state when no human does (a ruleset doctrine's name).
  std::string doctrine;

  double forces() const { return territorial_defense + power_projection; }
};

struct MemberStanding {
  StateIndex state = 0;
  bool compliant = true;
  int breaches = 0;
  int notice_given_turn = 0;  // 0 = no notice given
};

struct Treaty {
  int id = 0;
  TreatyType type = TreatyType::NonAggression;
  std::string name;
  std::vector<MemberStanding> members;
  TreatyTerms terms;
  int signed_turn = 0;
  double cohesion = 1;
  double interoperability = 0;
  double fund = 0;

  // Inline: every pair loop of a turn and every bot asks them.
  bool has_member(StateIndex s) const { return member(s) != nullptr; }
  const MemberStanding* member(StateIndex s) const {
    for (const auto& m : members)
      if (m.state == s) return &m;
    return nullptr;
  }
  MemberStanding* member(StateIndex s) {
    for (auto& m : members)
      if (m.state == s) return &m;
    return nullptr;
  }
};

enum class ProposalStatus : int { Open = 0, Signed, Rejected, Expired, Countered, Withdrawn };

struct Proposal {
  int id = 0;
  StateIndex proposer = 0;
  TreatyType type = TreatyType::NonAggression;
  std::string name;
  std::vector<StateIndex> members;  // includes the proposer
  TreatyTerms terms;
  std::vector<StateIndex> accepted;
  int turn = 0;
  int counter_of = 0;
  ProposalStatus status = ProposalStatus::Open;
  /// The treaty in force the proposer asks to join (its type, name and terms are copied here and
  /// its members are the other parties); 0 for a proposal of a new treaty.
  int accession_to = 0;

  bool has_member(StateIndex s) const;
  bool has_accepted(StateIndex s) const;
};

struct Guarantee {
  StateIndex guarantor = 0;
  StateIndex protected_state = 0;
  int expires_turn = 0;
};

struct Sanction {
  StateIndex sanctioner = 0;
  StateIndex target = 0;
  bool operator==(const Sanction&) const = default;
};

struct ScenarioEvent {
  int turn = 0;
  StateIndex state = 0;
  std::string headline;
  double gdp_change = 0;
  double stability_change = 0;
  double territorial_defense_change = 0;
  double power_projection_change = 0;
  double technology_change = 0;
  StateIndex hostile_toward = -1;  // -1 = none
  double hostility = 0;
};

enum class ObjectiveKind : int {
  StayIndependentOf = 1,
  Finlandize = 2,
  GdpGrowth = 3,
  InAllianceWith = 4,
  KeepStability = 5,
};

struct Objective {
  StateIndex state = 0;
  ObjectiveKind kind = ObjectiveKind::KeepStability;
  StateIndex other = -1;
  double value = 0;
  std::string description;
};

struct EndCondition {
  std::string description;
  StateIndex state = -1;
  StateIndex other = -1;
  double score_reached = 0;
};

struct Score {
  double security = 0;
  double prosperity = 0;
  double influence = 0;
  double sovereignty = 0;
  double objectives = 0;
  double total = 0;
};

/// The map: which states border each other and how far apart they are.
struct WorldMap {
  std::vector<std::vector<bool>> borders;     // n x n, symmetric
  std::vector<std::vector<double>> distance;  // n x n, km; 0 on the diagonal
  /// n x n row-major, 0..1: derived from the above and the ruleset by build_proximity (threat.h),
  /// kept because every turn reads it for every pair.
  std::vector<double> proximity;
};

/// Fixed facts of the match that resolution never changes.
struct ScenarioInfo {
  std::string name;
  std::string title;
  std::string description;
  std::string ruleset_name;
  int start_year = 0;
  bool quarterly = false;
  int turns = 0;
  std::vector<ScenarioEvent> events;
  std::vector<Objective> objectives;
  std::vector<EndCondition> end_conditions;
  // Where each state stood when the match began, per state, for the score (which measures each
  // state against its own start) and GDP objectives. The start measures are those of scoring.h.
  std::vector<double> start_gdp;
  std::vector<double> start_security;
  std::vector<double> start_influence;
  std::vector<double> start_sovereignty;

  /// Fraction of a year one turn lasts: rates in the ruleset are yearly.
  double years_per_turn() const { return quarterly ? 0.25 : 1.0; }
};

/// n x n matrix of the threat felt by row state from column state.
struct ThreatMatrix {
  int n = 0;
  std::vector<double> cells;
  double at(StateIndex felt_by, StateIndex from) const { return cells[felt_by * n + from]; }
  double& at(StateIndex felt_by, StateIndex from) { return cells[felt_by * n + from]; }
};

/// A member added here must be added to copy_all_but_threat (world.cpp) too.
struct World {
  ScenarioInfo scenario;
  Ruleset ruleset;
  int turn = 0;  // turns resolved so far
  std::uint64_t seed = 0;
  std::vector<State> states;
  std::vector<Treaty> treaties;
  std::vector<Proposal> proposals;
  std::vector<Guarantee> guarantees;
  std::vector<Sanction> sanctions;
  int next_treaty_id = 1;
  int next_proposal_id = 1;
  std::vector<Score> scores;
  ThreatMatrix threat;
  bool ended = false;
  std::string end_reason;

  int size() const { return static_cast<int>(states.size()); }
  /// The map. Resolution never changes it, so the copies of a world (every turn's world of a
  /// match) share one: copying a world does not copy its map.
  const WorldMap& map() const { return *map_; }
  /// The map for changing: this world's own, copied first when another world shares it.
  WorldMap& edit_map();
  /// Makes this world share `other`'s map.
  void share_map_of(const World& other) { map_ = other.map_; }
  /// Position of the state with this id, or -1.
  StateIndex find(const std::string& id) const;
  const Treaty* find_treaty(int id) const;
  Treaty* find_treaty(int id);
  Proposal* find_proposal(int id);
  const Proposal* find_proposal(int id) const;
  /// True when a and b share an active treaty of this type.
  bool share_treaty(StateIndex a, StateIndex b, TreatyType type) const;
  bool is_sanctioning(StateIndex sanctioner, StateIndex target) const;

 private:
  friend void copy_all_but_threat(const World& from, World& to);
  std::shared_ptr<WorldMap> map_ = std::make_shared<WorldMap>();
};

/// Makes `to` a copy of `from` but for the threat matrix, which `to` keeps as it was (its
/// storage, for a matrix about to be written anew): a turn recomputes the matrix, so copying the
/// one it starts from would be wasted.
void copy_all_but_threat(const World& from, World& to);

}  // namespace hegemon
