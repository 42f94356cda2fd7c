#include "shared/schema_adapter.h"

#include <string>
#include <unordered_map>
#include <utility>

namespace hegemon {
namespace {

/// An id as it appears in a message: quoted, and cut short so that a hostile or mistaken megabyte
/// of text cannot become a megabyte of error message.
std::string quoted(const std::string& id) {
  constexpr std::size_t kShown = 32;
  if (id.size() <= kShown) return "\"" + id + "\"";
  return "\"" + id.substr(0, kShown) + "...\"";
}

/// The state ids of a world being read, for turning the schema's ids into positions.
class IdTable {
 public:
  explicit IdTable(const std::vector<std::string>& ids) {
    for (int i = 0; i < static_cast<int>(ids.size()); ++i) {
      if (ids[i].empty()) throw SchemaError("state " + std::to_string(i + 1) + " has no id");
      if (!index_.emplace(ids[i], i).second)
        throw SchemaError("two states have the id " + quoted(ids[i]));
    }
  }

  int size() const { return static_cast<int>(index_.size()); }

  /// The position of a state that must exist; `where` says which field named it.
  StateIndex require(const std::string& id, const std::string& where) const {
    auto it = index_.find(id);
    if (it == index_.end()) {
      if (id.empty()) throw SchemaError(where + " names no state");
      throw SchemaError(where + " names " + quoted(id) + ", which is not a state in this world");
    }
    return it->second;
  }

  /// Like require, but an empty id means "none" (-1).
  StateIndex optional(const std::string& id, const std::string& where) const {
    return id.empty() ? -1 : require(id, where);
  }

 private:
  std::unordered_map<std::string, StateIndex> index_;
};

std::vector<std::string> ids_of(const pb::World& message) {
  std::vector<std::string> ids;
  ids.reserve(message.states_size());
  for (const auto& state : message.states()) ids.push_back(state.id());
  return ids;
}

/// The id of a state the engine refers to by position; refuses a position outside the world.
const std::string& id_of(const World& world, StateIndex state, const std::string& where) {
  if (state < 0 || state >= world.size())
    throw SchemaError(where + " refers to state " + std::to_string(state) + " of a world of " +
                      std::to_string(world.size()));
  return world.states[state].id;
}

/// Like id_of, but -1 ("none") becomes the empty id.
std::string optional_id_of(const World& world, StateIndex state, const std::string& where) {
  return state == -1 ? std::string() : id_of(world, state, where);
}

template <typename Engine, typename Proto>
Engine require_enum(Proto value, const std::string& where) {
  std::optional<Engine> converted = from_proto(value);
  if (!converted)
    throw SchemaError(where + " has the value " + std::to_string(static_cast<int>(value)) +
                      ", which has no meaning");
  return *converted;
}

template <typename Cell>
bool is_square(const std::vector<std::vector<Cell>>& m, std::size_t n) {
  if (m.size() != n) return false;
  for (const auto& row : m)
    if (row.size() != n) return false;
  return true;
}

// --- Engine to schema -------------------------------------------------------------------------

pb::MemberStanding member_to_proto(const World& world, const MemberStanding& member,
                                   const std::string& where) {
  pb::MemberStanding out;
  out.set_state(id_of(world, member.state, where));
  out.set_compliant(member.compliant);
  out.set_breaches(member.breaches);
  out.set_notice_given_turn(member.notice_given_turn);
  return out;
}

pb::Treaty treaty_to_proto(const World& world, const Treaty& treaty) {
  const std::string where = "treaty " + std::to_string(treaty.id);
  pb::Treaty out;
  out.set_id(treaty.id);
  out.set_type(to_proto(treaty.type));
  for (const auto& member : treaty.members)
    *out.add_members() = member_to_proto(world, member, where + " member");
  *out.mutable_terms() = to_proto(treaty.terms);
  out.set_signed_turn(treaty.signed_turn);
  out.set_cohesion(treaty.cohesion);
  out.set_interoperability(treaty.interoperability);
  out.set_fund(treaty.fund);
  out.set_name(treaty.name);
  return out;
}

pb::Proposal proposal_to_proto(const World& world, const Proposal& proposal) {
  const std::string where = "proposal " + std::to_string(proposal.id);
  pb::Proposal out;
  out.set_id(proposal.id);
  out.set_proposer(id_of(world, proposal.proposer, where + " proposer"));
  out.set_type(to_proto(proposal.type));
  for (StateIndex member : proposal.members)
    out.add_members(id_of(world, member, where + " member"));
  *out.mutable_terms() = to_proto(proposal.terms);
  for (StateIndex accepted : proposal.accepted)
    out.add_accepted(id_of(world, accepted, where + " acceptance"));
  out.set_turn(proposal.turn);
  out.set_counter_of(proposal.counter_of);
  out.set_status(to_proto(proposal.status));
  out.set_name(proposal.name);
  out.set_accession_to(proposal.accession_to);
  return out;
}

pb::ScenarioEvent event_to_proto(const World& world, const ScenarioEvent& event) {
  const std::string where = "the event of turn " + std::to_string(event.turn);
  pb::ScenarioEvent out;
  out.set_turn(event.turn);
  out.set_state(id_of(world, event.state, where));
  out.set_headline(event.headline);
  out.set_gdp_change(event.gdp_change);
  out.set_stability_change(event.stability_change);
  out.set_territorial_defense_change(event.territorial_defense_change);
  out.set_power_projection_change(event.power_projection_change);
  out.set_technology_change(event.technology_change);
  out.set_hostile_toward(optional_id_of(world, event.hostile_toward, where));
  out.set_hostility(event.hostility);
  return out;
}

pb::Objective objective_to_proto(const World& world, const Objective& objective) {
  pb::Objective out;
  out.set_state(id_of(world, objective.state, "an objective"));
  out.set_kind(to_proto(objective.kind));
  out.set_other(optional_id_of(world, objective.other, "an objective"));
  out.set_value(objective.value);
  out.set_description(objective.description);
  return out;
}

pb::EndCondition end_condition_to_proto(const World& world, const EndCondition& condition) {
  pb::EndCondition out;
  out.set_description(condition.description);
  out.set_state(optional_id_of(world, condition.state, "an end condition"));
  out.set_other(optional_id_of(world, condition.other, "an end condition"));
  out.set_score_reached(condition.score_reached);
  return out;
}

/// The scenario facts of a running match. The states' starting values are not repeated here:
/// the states themselves are saved in World.states.
pb::Scenario scenario_to_proto(const World& world) {
  const ScenarioInfo& info = world.scenario;
  pb::Scenario out;
  out.set_name(info.name);
  out.set_title(info.title);
  out.set_description(info.description);
  out.set_ruleset(info.ruleset_name);
  out.set_start_year(info.start_year);
  out.set_turn_length(info.quarterly ? pb::QUARTER : pb::YEAR);
  out.set_turns(info.turns);
  const int n = world.size();
  for (int a = 0; a < static_cast<int>(world.map().borders.size()); ++a)
    for (int b = a + 1; b < n; ++b)
      if (world.map().borders[a][b]) {
        pb::Border* border = out.add_borders();
        border->set_a(world.states[a].id);
        border->set_b(world.states[b].id);
      }
  for (const auto& event : info.events) *out.add_events() = event_to_proto(world, event);
  for (const auto& objective : info.objectives)
    *out.add_objectives() = objective_to_proto(world, objective);
  for (const auto& condition : info.end_conditions)
    *out.add_end_conditions() = end_condition_to_proto(world, condition);
  for (double gdp : info.start_gdp) out.add_start_gdp(gdp);
  for (double security : info.start_security) out.add_start_security(security);
  for (double influence : info.start_influence) out.add_start_influence(influence);
  for (double sovereignty : info.start_sovereignty) out.add_start_sovereignty(sovereignty);
  return out;
}

/// Refuses an engine world whose sizes do not agree, before anything is written: a save that
/// could not be read back is worse than no save.
void check_consistent(const World& world) {
  const std::size_t n = world.states.size();
  const bool no_map = world.map().borders.empty() && world.map().distance.empty();
  if (!no_map && !(is_square(world.map().borders, n) && is_square(world.map().distance, n)))
    throw SchemaError("the map is not " + std::to_string(n) + " x " + std::to_string(n));
  if (!no_map)
    for (std::size_t a = 0; a < n; ++a) {
      if (world.map().borders[a][a]) throw SchemaError(world.states[a].id + " borders itself");
      for (std::size_t b = a + 1; b < n; ++b)
        if (world.map().borders[a][b] != world.map().borders[b][a])
          throw SchemaError("the border between " + world.states[a].id + " and " +
                            world.states[b].id + " is one-sided");
    }
  const bool no_threat = world.threat.n == 0 && world.threat.cells.empty();
  if (!no_threat && !(world.threat.n == static_cast<int>(n) && world.threat.cells.size() == n * n))
    throw SchemaError("the threat matrix is not " + std::to_string(n) + " x " + std::to_string(n));
  if (!world.scores.empty() && world.scores.size() != n)
    throw SchemaError("there are " + std::to_string(world.scores.size()) + " scores for " +
                      std::to_string(n) + " states");
  const std::pair<const char*, const std::vector<double>*> starts[] = {
      {"GDPs", &world.scenario.start_gdp},
      {"security measures", &world.scenario.start_security},
      {"influence measures", &world.scenario.start_influence},
      {"sovereignty measures", &world.scenario.start_sovereignty}};
  for (const auto& [what, values] : starts)
    if (!values->empty() && values->size() != n)
      throw SchemaError("there are " + std::to_string(values->size()) + " starting " + what +
                        " for " + std::to_string(n) + " states");
}

// --- Schema to engine -------------------------------------------------------------------------

Treaty treaty_from_proto(const pb::Treaty& message, const IdTable& ids) {
  const std::string where = "treaty " + std::to_string(message.id());
  Treaty out;
  out.id = message.id();
  out.type = require_enum<TreatyType>(message.type(), where + " type");
  out.name = message.name();
  for (const auto& member : message.members()) {
    MemberStanding standing;
    standing.state = ids.require(member.state(), where + " member");
    if (out.has_member(standing.state))
      throw SchemaError(where + " lists " + quoted(member.state()) + " twice");
    standing.compliant = member.compliant();
    standing.breaches = member.breaches();
    standing.notice_given_turn = member.notice_given_turn();
    out.members.push_back(standing);
  }
  out.terms = from_proto(message.terms());
  out.signed_turn = message.signed_turn();
  out.cohesion = message.cohesion();
  out.interoperability = message.interoperability();
  out.fund = message.fund();
  return out;
}

Proposal proposal_from_proto(const pb::Proposal& message, const IdTable& ids) {
  const std::string where = "proposal " + std::to_string(message.id());
  Proposal out;
  out.id = message.id();
  out.proposer = ids.require(message.proposer(), where + " proposer");
  out.type = require_enum<TreatyType>(message.type(), where + " type");
  out.name = message.name();
  for (const auto& member : message.members())
    out.members.push_back(ids.require(member, where + " member"));
  out.terms = from_proto(message.terms());
  for (const auto& accepted : message.accepted())
    out.accepted.push_back(ids.require(accepted, where + " acceptance"));
  out.turn = message.turn();
  out.counter_of = message.counter_of();
  out.accession_to = message.accession_to();
  out.status = require_enum<ProposalStatus>(message.status(), where + " status");
  return out;
}

ScenarioEvent event_from_proto(const pb::ScenarioEvent& message, const IdTable& ids) {
  const std::string where = "the event of turn " + std::to_string(message.turn());
  ScenarioEvent out;
  out.turn = message.turn();
  out.state = ids.require(message.state(), where);
  out.headline = message.headline();
  out.gdp_change = message.gdp_change();
  out.stability_change = message.stability_change();
  out.territorial_defense_change = message.territorial_defense_change();
  out.power_projection_change = message.power_projection_change();
  out.technology_change = message.technology_change();
  out.hostile_toward = ids.optional(message.hostile_toward(), where + " hostile_toward");
  out.hostility = message.hostility();
  return out;
}

Objective objective_from_proto(const pb::Objective& message, const IdTable& ids) {
  Objective out;
  out.state = ids.require(message.state(), "an objective");
  out.kind = require_enum<ObjectiveKind>(message.kind(), "an objective's kind");
  out.other = ids.optional(message.other(), "an objective's other");
  out.value = message.value();
  out.description = message.description();
  return out;
}

EndCondition end_condition_from_proto(const pb::EndCondition& message, const IdTable& ids) {
  EndCondition out;
  out.description = message.description();
  out.state = ids.optional(message.state(), "an end condition");
  out.other = ids.optional(message.other(), "an end condition's other");
  out.score_reached = message.score_reached();
  return out;
}

ScenarioInfo scenario_from_proto(const pb::Scenario& message, const IdTable& ids) {
  ScenarioInfo out;
  out.name = message.name();
  out.title = message.title();
  out.description = message.description();
  out.ruleset_name = message.ruleset();
  out.start_year = message.start_year();
  switch (message.turn_length()) {
    case pb::YEAR: out.quarterly = false; break;
    case pb::QUARTER: out.quarterly = true; break;
    default:
      throw SchemaError("the scenario's turn length " +
                        std::to_string(static_cast<int>(message.turn_length())) +
                        " is neither YEAR nor QUARTER");
  }
  out.turns = message.turns();
  for (const auto& event : message.events()) out.events.push_back(event_from_proto(event, ids));
  for (const auto& objective : message.objectives())
    out.objectives.push_back(objective_from_proto(objective, ids));
  for (const auto& condition : message.end_conditions())
    out.end_conditions.push_back(end_condition_from_proto(condition, ids));
  const auto read_start = [&](const google::protobuf::RepeatedField<double>& values,
                              const char* what, std::vector<double>& into) {
    if (values.size() != 0 && values.size() != ids.size())
      throw SchemaError("the scenario has " + std::to_string(values.size()) + " starting " +
                        what + " for " + std::to_string(ids.size()) + " states");
    into.assign(values.begin(), values.end());
  };
  read_start(message.start_gdp(), "GDPs", out.start_gdp);
  read_start(message.start_security(), "security measures", out.start_security);
  read_start(message.start_influence(), "influence measures", out.start_influence);
  read_start(message.start_sovereignty(), "sovereignty measures", out.start_sovereignty);
  return out;
}

/// The map: borders from scenario.borders, distances from World.distance_km. A world with no
/// distance matrix has no map at all (and then may not name borders).
WorldMap map_from_proto(const pb::World& message, const IdTable& ids) {
  const std::size_t n = static_cast<std::size_t>(ids.size());
  WorldMap out;
  if (message.distance_km().empty()) {
    if (!message.scenario().borders().empty())
      throw SchemaError("the world names borders but has no distance matrix");
    return out;
  }
  if (static_cast<std::size_t>(message.distance_km_size()) != n * n)
    throw SchemaError("the distance matrix has " + std::to_string(message.distance_km_size()) +
                      " cells for " + std::to_string(n) + " states");
  out.borders.assign(n, std::vector<bool>(n, false));
  out.distance.assign(n, std::vector<double>(n, 0.0));
  auto cell = message.distance_km().begin();
  for (auto& row : out.distance)
    for (double& km : row) km = *cell++;
  for (const auto& border : message.scenario().borders()) {
    StateIndex a = ids.require(border.a(), "a border");
    StateIndex b = ids.require(border.b(), "a border");
    if (a == b) throw SchemaError(quoted(border.a()) + " borders itself");
    out.borders[a][b] = true;
    out.borders[b][a] = true;
  }
  return out;
}

Relation relation_from_proto(const pb::Relation& message, const std::string& holder) {
  Relation out;
  out.hostility = message.hostility();
  out.finland_level = message.finland_level();
  out.finland_status =
      require_enum<FinlandStatus>(message.finland_status(), holder + "'s finland_status");
  out.finland_change = message.finland_change();
  out.finland_push = message.finland_push();
  out.finland_resistance = message.finland_resistance();
  out.coercion = message.coercion();
  out.bandwagoned = message.bandwagoned();
  return out;
}

State read_state(const pb::State& message, const IdTable& ids) {
  const std::string where = "state " + quoted(message.id());
  State out;
  out.id = message.id();
  out.name = message.name();
  out.gdp = message.gdp();
  out.population = message.population();
  out.growth = message.growth();
  out.tax_share = message.tax_share();
  out.territorial_defense = message.territorial_defense();
  out.power_projection = message.power_projection();
  out.technology = message.technology();
  out.stability = message.stability();
  out.lean = require_enum<GovernmentLean>(message.lean(), where + " lean");
  out.government_changes = message.government_changes();
  out.influence = message.influence();
  out.reputation = message.reputation();
  out.intelligence = message.intelligence();
  out.allocation = from_proto(message.allocation());
  out.publish_budget = message.publish_budget();
  out.relations.assign(ids.size(), Relation{});
  std::vector<bool> seen(ids.size(), false);
  for (const auto& relation : message.relations()) {
    StateIndex other = ids.require(relation.other(), where + " relation");
    if (relation.other() == message.id())
      throw SchemaError(where + " has a relation toward itself");
    if (seen[other])
      throw SchemaError(where + " has two relations toward " + quoted(relation.other()));
    seen[other] = true;
    out.relations[other] = relation_from_proto(relation, where);
  }
  out.color = message.color();
  out.map_x = message.map_x();
  out.map_y = message.map_y();
  out.last_spending = from_proto(message.last_spending());
  out.last_revenue = message.last_revenue();
  out.last_contributions = message.last_contributions();
  out.doctrine = message.doctrine();
  return out;
}

// --- Orders -----------------------------------------------------------------------------------

/// Resolves the states one order names. The first problem becomes the reason of an
/// UnreadableOrder, so the player reads what was wrong rather than a generic refusal.
class OrderReader {
 public:
  explicit OrderReader(const World& world) : world_(world) {}

  StateIndex state(const std::string& id, const char* role) {
    if (id.empty()) {
      fail(std::string("the order names no ") + role);
      return -1;
    }
    StateIndex found = world_.find(id);
    if (found < 0) fail("no state with id " + quoted(id) + " in this match");
    return found;
  }

  template <typename Engine, typename Proto>
  Engine kind(Proto value, Engine fallback, const char* what, const char* unset_reason) {
    if (static_cast<int>(value) == 0) {
      fail(unset_reason);
      return fallback;
    }
    std::optional<Engine> converted = from_proto(value);
    if (!converted) {
      fail(std::string(what) + " " + std::to_string(static_cast<int>(value)) + " does not exist");
      return fallback;
    }
    return *converted;
  }

  /// The order, or the first problem met while reading it.
  Order finish(Order order) const {
    if (!problem_.empty()) return UnreadableOrder{problem_};
    return order;
  }

 private:
  void fail(std::string reason) {
    if (problem_.empty()) problem_ = std::move(reason);
  }

  const World& world_;
  std::string problem_;
};

template <typename... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};

}  // namespace

// --- Enums ----------------------------------------------------------------------------------

pb::TreatyType to_proto(TreatyType type) {
  switch (type) {
    case TreatyType::MutualDefense: return pb::MUTUAL_DEFENSE;
    case TreatyType::NonAggression: return pb::NON_AGGRESSION;
    case TreatyType::MilitaryAid: return pb::MILITARY_AID;
    case TreatyType::JointExercises: return pb::JOINT_EXERCISES;
    case TreatyType::ConfidenceBuilding: return pb::CONFIDENCE_BUILDING;
    case TreatyType::Neutrality: return pb::NEUTRALITY;
  }
  return pb::TREATY_TYPE_UNSPECIFIED;
}

std::optional<TreatyType> from_proto(pb::TreatyType type) {
  switch (type) {
    case pb::MUTUAL_DEFENSE: return TreatyType::MutualDefense;
    case pb::NON_AGGRESSION: return TreatyType::NonAggression;
    case pb::MILITARY_AID: return TreatyType::MilitaryAid;
    case pb::JOINT_EXERCISES: return TreatyType::JointExercises;
    case pb::CONFIDENCE_BUILDING: return TreatyType::ConfidenceBuilding;
    case pb::NEUTRALITY: return TreatyType::Neutrality;
    default: return std::nullopt;
  }
}

pb::FinlandStatus to_proto(FinlandStatus status) {
  switch (status) {
    case FinlandStatus::Independent: return pb::INDEPENDENT;
    case FinlandStatus::Accommodating: return pb::ACCOMMODATING;
    case FinlandStatus::Finlandized: return pb::FINLANDIZED;
  }
  return pb::INDEPENDENT;
}

std::optional<FinlandStatus> from_proto(pb::FinlandStatus status) {
  switch (status) {
    case pb::INDEPENDENT: return FinlandStatus::Independent;
    case pb::ACCOMMODATING: return FinlandStatus::Accommodating;
    case pb::FINLANDIZED: return FinlandStatus::Finlandized;
    default: return std::nullopt;
  }
}

pb::GovernmentLean to_proto(GovernmentLean lean) {
  switch (lean) {
    case GovernmentLean::Centrist: return pb::LEAN_CENTRIST;
    case GovernmentLean::Hawkish: return pb::LEAN_HAWKISH;
    case GovernmentLean::Dovish: return pb::LEAN_DOVISH;
  }
  return pb::LEAN_CENTRIST;
}

std::optional<GovernmentLean> from_proto(pb::GovernmentLean lean) {
  switch (lean) {
    case pb::LEAN_CENTRIST: return GovernmentLean::Centrist;
    case pb::LEAN_HAWKISH: return GovernmentLean::Hawkish;
    case pb::LEAN_DOVISH: return GovernmentLean::Dovish;
    default: return std::nullopt;
  }
}

pb::ProposalStatus to_proto(ProposalStatus status) {
  switch (status) {
    case ProposalStatus::Open: return pb::PROPOSAL_OPEN;
    case ProposalStatus::Signed: return pb::PROPOSAL_SIGNED;
    case ProposalStatus::Rejected: return pb::PROPOSAL_REJECTED;
    case ProposalStatus::Expired: return pb::PROPOSAL_EXPIRED;
    case ProposalStatus::Countered: return pb::PROPOSAL_COUNTERED;
    case ProposalStatus::Withdrawn: return pb::PROPOSAL_WITHDRAWN;
  }
  return pb::PROPOSAL_OPEN;
}

std::optional<ProposalStatus> from_proto(pb::ProposalStatus status) {
  switch (status) {
    case pb::PROPOSAL_OPEN: return ProposalStatus::Open;
    case pb::PROPOSAL_SIGNED: return ProposalStatus::Signed;
    case pb::PROPOSAL_REJECTED: return ProposalStatus::Rejected;
    case pb::PROPOSAL_EXPIRED: return ProposalStatus::Expired;
    case pb::PROPOSAL_COUNTERED: return ProposalStatus::Countered;
    case pb::PROPOSAL_WITHDRAWN: return ProposalStatus::Withdrawn;
    default: return std::nullopt;
  }
}

pb::ObjectiveKind to_proto(ObjectiveKind kind) {
  switch (kind) {
    case ObjectiveKind::StayIndependentOf: return pb::STAY_INDEPENDENT_OF;
    case ObjectiveKind::Finlandize: return pb::FINLANDIZE;
    case ObjectiveKind::GdpGrowth: return pb::GDP_GROWTH;
    case ObjectiveKind::InAllianceWith: return pb::IN_ALLIANCE_WITH;
    case ObjectiveKind::KeepStability: return pb::KEEP_STABILITY;
  }
  return pb::OBJECTIVE_UNSPECIFIED;
}

std::optional<ObjectiveKind> from_proto(pb::ObjectiveKind kind) {
  switch (kind) {
    case pb::STAY_INDEPENDENT_OF: return ObjectiveKind::StayIndependentOf;
    case pb::FINLANDIZE: return ObjectiveKind::Finlandize;
    case pb::GDP_GROWTH: return ObjectiveKind::GdpGrowth;
    case pb::IN_ALLIANCE_WITH: return ObjectiveKind::InAllianceWith;
    case pb::KEEP_STABILITY: return ObjectiveKind::KeepStability;
    default: return std::nullopt;
  }
}

pb::PressureKind to_proto(PressureKind kind) {
  switch (kind) {
    case PressureKind::Diplomatic: return pb::DIPLOMATIC;
    case PressureKind::Economic: return pb::ECONOMIC;
    case PressureKind::MilitaryPosture: return pb::MILITARY_POSTURE;
  }
  return pb::PRESSURE_UNSPECIFIED;
}

std::optional<PressureKind> from_proto(pb::PressureKind kind) {
  switch (kind) {
    case pb::DIPLOMATIC: return PressureKind::Diplomatic;
    case pb::ECONOMIC: return PressureKind::Economic;
    case pb::MILITARY_POSTURE: return PressureKind::MilitaryPosture;
    default: return std::nullopt;
  }
}

// --- Plain values ---------------------------------------------------------------------------

pb::Allocation to_proto(const Allocation& allocation) {
  pb::Allocation out;
  out.set_territorial_defense(allocation[Category::TerritorialDefense]);
  out.set_power_projection(allocation[Category::PowerProjection]);
  out.set_economy(allocation[Category::Economy]);
  out.set_welfare(allocation[Category::Welfare]);
  out.set_research(allocation[Category::Research]);
  out.set_diplomacy(allocation[Category::Diplomacy]);
  out.set_intelligence(allocation[Category::Intelligence]);
  return out;
}

Allocation from_proto(const pb::Allocation& allocation) {
  Allocation out;
  out[Category::TerritorialDefense] = allocation.territorial_defense();
  out[Category::PowerProjection] = allocation.power_projection();
  out[Category::Economy] = allocation.economy();
  out[Category::Welfare] = allocation.welfare();
  out[Category::Research] = allocation.research();
  out[Category::Diplomacy] = allocation.diplomacy();
  out[Category::Intelligence] = allocation.intelligence();
  return out;
}

pb::TreatyTerms to_proto(const TreatyTerms& terms) {
  pb::TreatyTerms out;
  out.set_spending_floor_bp(terms.spending_floor_bp);
  out.set_contribution_bp(terms.contribution_bp);
  out.set_duration(terms.duration);
  out.set_review_period(terms.review_period);
  out.set_exit_notice(terms.exit_notice);
  return out;
}

TreatyTerms from_proto(const pb::TreatyTerms& terms) {
  TreatyTerms out;
  out.spending_floor_bp = terms.spending_floor_bp();
  out.contribution_bp = terms.contribution_bp();
  out.duration = terms.duration();
  out.review_period = terms.review_period();
  out.exit_notice = terms.exit_notice();
  return out;
}

pb::Spending to_proto(const Spending& spending) {
  pb::Spending out;
  out.set_territorial_defense(spending[Category::TerritorialDefense]);
  out.set_power_projection(spending[Category::PowerProjection]);
  out.set_economy(spending[Category::Economy]);
  out.set_welfare(spending[Category::Welfare]);
  out.set_research(spending[Category::Research]);
  out.set_diplomacy(spending[Category::Diplomacy]);
  out.set_intelligence(spending[Category::Intelligence]);
  return out;
}

Spending from_proto(const pb::Spending& spending) {
  Spending out;
  out[Category::TerritorialDefense] = spending.territorial_defense();
  out[Category::PowerProjection] = spending.power_projection();
  out[Category::Economy] = spending.economy();
  out[Category::Welfare] = spending.welfare();
  out[Category::Research] = spending.research();
  out[Category::Diplomacy] = spending.diplomacy();
  out[Category::Intelligence] = spending.intelligence();
  return out;
}

// --- States ---------------------------------------------------------------------------------

pb::State to_proto(const World& world, StateIndex index) {
  if (index < 0 || index >= world.size())
    throw SchemaError("there is no state " + std::to_string(index) + " in a world of " +
                      std::to_string(world.size()) + " states");
  const State& state = world.states[index];
  pb::State out;
  out.set_id(state.id);
  out.set_name(state.name);
  out.set_gdp(state.gdp);
  out.set_population(state.population);
  out.set_growth(state.growth);
  out.set_tax_share(state.tax_share);
  out.set_territorial_defense(state.territorial_defense);
  out.set_power_projection(state.power_projection);
  out.set_technology(state.technology);
  out.set_stability(state.stability);
  out.set_lean(to_proto(state.lean));
  out.set_government_changes(state.government_changes);
  out.set_influence(state.influence);
  out.set_reputation(state.reputation);
  out.set_intelligence(state.intelligence);
  *out.mutable_allocation() = to_proto(state.allocation);
  out.set_publish_budget(state.publish_budget);
  for (int other = 0; other < world.size(); ++other) {
    if (other == index) continue;
    const Relation relation =
        other < static_cast<int>(state.relations.size()) ? state.relations[other] : Relation{};
    pb::Relation* r = out.add_relations();
    r->set_other(world.states[other].id);
    r->set_hostility(relation.hostility);
    r->set_finland_level(relation.finland_level);
    r->set_finland_status(to_proto(relation.finland_status));
    r->set_finland_change(relation.finland_change);
    r->set_finland_push(relation.finland_push);
    r->set_finland_resistance(relation.finland_resistance);
    r->set_coercion(relation.coercion);
    r->set_bandwagoned(relation.bandwagoned);
  }
  out.set_color(state.color);
  out.set_map_x(state.map_x);
  out.set_map_y(state.map_y);
  *out.mutable_last_spending() = to_proto(state.last_spending);
  out.set_last_revenue(state.last_revenue);
  out.set_last_contributions(state.last_contributions);
  out.set_doctrine(state.doctrine);
  return out;
}

State state_from_proto(const pb::State& message, const std::vector<std::string>& ids) {
  return read_state(message, IdTable(ids));
}

// --- The whole world --------------------------------------------------------------------------

pb::World to_proto(const World& world) {
  check_consistent(world);
  pb::World out;
  *out.mutable_scenario() = scenario_to_proto(world);
  *out.mutable_ruleset() = world.ruleset;
  out.set_turn(world.turn);
  out.set_seed(world.seed);
  for (int i = 0; i < world.size(); ++i) *out.add_states() = to_proto(world, i);
  for (const auto& treaty : world.treaties) *out.add_treaties() = treaty_to_proto(world, treaty);
  for (const auto& proposal : world.proposals)
    *out.add_proposals() = proposal_to_proto(world, proposal);
  for (const auto& guarantee : world.guarantees) *out.add_guarantees() = to_proto(world, guarantee);
  for (const auto& sanction : world.sanctions) *out.add_sanctions() = to_proto(world, sanction);
  out.set_next_treaty_id(world.next_treaty_id);
  out.set_next_proposal_id(world.next_proposal_id);
  for (int i = 0; i < static_cast<int>(world.scores.size()); ++i)
    *out.add_scores() = to_proto(world, i, world.scores[i]);
  out.set_ended(world.ended);
  out.set_end_reason(world.end_reason);
  for (double cell : world.threat.cells) out.add_threat(cell);
  for (const auto& row : world.map().distance)
    for (double km : row) out.add_distance_km(km);
  return out;
}

World world_from_proto(const pb::World& message) {
  const IdTable ids(ids_of(message));
  const std::size_t n = static_cast<std::size_t>(ids.size());
  World out;
  out.scenario = scenario_from_proto(message.scenario(), ids);
  out.ruleset = message.ruleset();
  out.edit_map() = map_from_proto(message, ids);
  if (message.turn() < 0)
    throw SchemaError("the world is at turn " + std::to_string(message.turn()));
  out.turn = message.turn();
  out.seed = message.seed();
  for (const auto& state : message.states()) out.states.push_back(read_state(state, ids));
  for (const auto& treaty : message.treaties())
    out.treaties.push_back(treaty_from_proto(treaty, ids));
  for (const auto& proposal : message.proposals())
    out.proposals.push_back(proposal_from_proto(proposal, ids));
  for (const auto& guarantee : message.guarantees())
    out.guarantees.push_back(Guarantee{ids.require(guarantee.guarantor(), "a guarantee"),
                                       ids.require(guarantee.protected_state(), "a guarantee"),
                                       guarantee.expires_turn()});
  for (const auto& sanction : message.sanctions())
    out.sanctions.push_back(Sanction{ids.require(sanction.sanctioner(), "a sanction"),
                                     ids.require(sanction.target(), "a sanction")});
  out.next_treaty_id = message.next_treaty_id();
  out.next_proposal_id = message.next_proposal_id();

  if (message.scores_size() != 0) {
    if (static_cast<std::size_t>(message.scores_size()) != n)
      throw SchemaError("the world has " + std::to_string(message.scores_size()) +
                        " scores for " + std::to_string(n) + " states");
    out.scores.assign(n, Score{});
    std::vector<bool> seen(n, false);
    for (const auto& score : message.scores()) {
      StateIndex s = ids.require(score.state(), "a score");
      if (seen[s]) throw SchemaError("the world has two scores for " + quoted(score.state()));
      seen[s] = true;
      out.scores[s] = Score{score.security(),    score.prosperity(), score.influence(),
                            score.sovereignty(), score.objectives(), score.total()};
    }
  }

  out.ended = message.ended();
  out.end_reason = message.end_reason();

  if (message.threat_size() != 0) {
    if (static_cast<std::size_t>(message.threat_size()) != n * n)
      throw SchemaError("the threat matrix has " + std::to_string(message.threat_size()) +
                        " cells for " + std::to_string(n) + " states");
    out.threat.n = static_cast<int>(n);
    out.threat.cells.assign(message.threat().begin(), message.threat().end());
  }
  return out;
}

// --- Orders -----------------------------------------------------------------------------------

Order order_from_proto(const World& world, const pb::Order& message) {
  OrderReader read(world);
  switch (message.kind_case()) {
    case pb::Order::kSetBudget:
      return SetBudget{from_proto(message.set_budget().allocation()),
                       message.set_budget().publish_budget()};
    case pb::Order::kProposeTreaty: {
      const pb::ProposeTreaty& m = message.propose_treaty();
      ProposeTreaty order;
      order.type = read.kind(m.type(), TreatyType::NonAggression, "treaty type",
                             "the treaty proposal has no type");
      for (const auto& member : m.members()) order.members.push_back(read.state(member, "member"));
      order.terms = from_proto(m.terms());
      order.name = m.name();
      return read.finish(std::move(order));
    }
    case pb::Order::kAcceptProposal:
      return AcceptProposal{message.accept_proposal().proposal_id()};
    case pb::Order::kRejectProposal:
      return RejectProposal{message.reject_proposal().proposal_id()};
    case pb::Order::kCounterProposal:
      return CounterProposal{message.counter_proposal().proposal_id(),
                             from_proto(message.counter_proposal().terms())};
    case pb::Order::kWithdrawFromTreaty:
      return WithdrawFromTreaty{message.withdraw_from_treaty().treaty_id()};
    case pb::Order::kCancelProposal:
      return CancelProposal{message.cancel_proposal().proposal_id()};
    case pb::Order::kApplyPressure: {
      const pb::ApplyPressure& m = message.apply_pressure();
      ApplyPressure order;
      order.target = read.state(m.target(), "target");
      order.kind = read.kind(m.kind(), PressureKind::Diplomatic, "pressure kind",
                             "the pressure has no kind (diplomatic, economic or military posture)");
      order.intensity = m.intensity();
      return read.finish(order);
    }
    case pb::Order::kOfferGuarantee:
      return read.finish(OfferGuarantee{read.state(message.offer_guarantee().target(), "target")});
    case pb::Order::kSendMilitaryAid: {
      const pb::SendMilitaryAid& m = message.send_military_aid();
      return read.finish(SendMilitaryAid{read.state(m.target(), "target"), m.amount()});
    }
    case pb::Order::kJoinSanction:
      return read.finish(JoinSanction{read.state(message.join_sanction().target(), "target")});
    case pb::Order::kLiftSanction:
      return read.finish(LiftSanction{read.state(message.lift_sanction().target(), "target")});
    case pb::Order::kBandwagon:
      return read.finish(Bandwagon{read.state(message.bandwagon().protector(), "protector")});
    case pb::Order::kRequestAccession:
      return RequestAccession{message.request_accession().treaty_id()};
    case pb::Order::KIND_NOT_SET:
      break;
  }
  return UnreadableOrder{"the order is empty: it says neither what to do nor to whom"};
}

OrderSet orders_from_proto(const World& world, const pb::OrderSet& message) {
  OrderSet out;
  out.state = world.find(message.state());
  if (out.state < 0) {
    if (message.state().empty()) throw SchemaError("the order set names no state");
    throw SchemaError("the order set is for " + quoted(message.state()) +
                      ", which is not a state in this match");
  }
  out.orders.reserve(message.orders_size());
  for (const auto& order : message.orders()) out.orders.push_back(order_from_proto(world, order));
  return out;
}

pb::Order to_proto(const World& world, const Order& order) {
  pb::Order out;
  std::visit(
      Overloaded{
          [&](const SetBudget& o) {
            pb::SetBudget* m = out.mutable_set_budget();
            *m->mutable_allocation() = to_proto(o.allocation);
            m->set_publish_budget(o.publish_budget);
          },
          [&](const ProposeTreaty& o) {
            pb::ProposeTreaty* m = out.mutable_propose_treaty();
            m->set_type(to_proto(o.type));
            for (StateIndex member : o.members)
              m->add_members(id_of(world, member, "a treaty proposal"));
            *m->mutable_terms() = to_proto(o.terms);
            m->set_name(o.name);
          },
          [&](const AcceptProposal& o) {
            out.mutable_accept_proposal()->set_proposal_id(o.proposal_id);
          },
          [&](const RejectProposal& o) {
            out.mutable_reject_proposal()->set_proposal_id(o.proposal_id);
          },
          [&](const CounterProposal& o) {
            pb::CounterProposal* m = out.mutable_counter_proposal();
            m->set_proposal_id(o.proposal_id);
            *m->mutable_terms() = to_proto(o.terms);
          },
          [&](const WithdrawFromTreaty& o) {
            out.mutable_withdraw_from_treaty()->set_treaty_id(o.treaty_id);
          },
          [&](const CancelProposal& o) {
            out.mutable_cancel_proposal()->set_proposal_id(o.proposal_id);
          },
          [&](const ApplyPressure& o) {
            pb::ApplyPressure* m = out.mutable_apply_pressure();
            m->set_target(id_of(world, o.target, "a pressure order"));
            m->set_kind(to_proto(o.kind));
            m->set_intensity(o.intensity);
          },
          [&](const OfferGuarantee& o) {
            out.mutable_offer_guarantee()->set_target(id_of(world, o.target, "a guarantee"));
          },
          [&](const SendMilitaryAid& o) {
            pb::SendMilitaryAid* m = out.mutable_send_military_aid();
            m->set_target(id_of(world, o.target, "military aid"));
            m->set_amount(o.amount);
          },
          [&](const JoinSanction& o) {
            out.mutable_join_sanction()->set_target(id_of(world, o.target, "a sanction"));
          },
          [&](const LiftSanction& o) {
            out.mutable_lift_sanction()->set_target(id_of(world, o.target, "a sanction"));
          },
          [&](const Bandwagon& o) {
            out.mutable_bandwagon()->set_protector(id_of(world, o.protector, "bandwagoning"));
          },
          [&](const RequestAccession& o) {
            out.mutable_request_accession()->set_treaty_id(o.treaty_id);
          },
          // Nothing readable to send: an order with no kind reads back as unreadable.
          [&](const UnreadableOrder&) {},
      },
      order);
  return out;
}

pb::OrderSet to_proto(const World& world, const OrderSet& orders, int turn) {
  pb::OrderSet out;
  out.set_state(id_of(world, orders.state, "the order set"));
  out.set_turn(turn);
  for (const auto& order : orders.orders) *out.add_orders() = to_proto(world, order);
  return out;
}

pb::Treaty to_proto(const World& world, const Treaty& treaty) {
  return treaty_to_proto(world, treaty);
}

pb::Proposal to_proto(const World& world, const Proposal& proposal) {
  return proposal_to_proto(world, proposal);
}

pb::Guarantee to_proto(const World& world, const Guarantee& guarantee) {
  pb::Guarantee g;
  g.set_guarantor(id_of(world, guarantee.guarantor, "a guarantee"));
  g.set_protected_state(id_of(world, guarantee.protected_state, "a guarantee"));
  g.set_expires_turn(guarantee.expires_turn);
  return g;
}

pb::Sanction to_proto(const World& world, const Sanction& sanction) {
  pb::Sanction s;
  s.set_sanctioner(id_of(world, sanction.sanctioner, "a sanction"));
  s.set_target(id_of(world, sanction.target, "a sanction"));
  return s;
}

pb::Objective to_proto(const World& world, const Objective& objective) {
  return objective_to_proto(world, objective);
}

pb::Score to_proto(const World& world, StateIndex state, const Score& score) {
  pb::Score s;
  s.set_state(id_of(world, state, "a score"));
  s.set_security(score.security);
  s.set_prosperity(score.prosperity);
  s.set_influence(score.influence);
  s.set_sovereignty(score.sovereignty);
  s.set_objectives(score.objectives);
  s.set_total(score.total);
  return s;
}

}  // namespace hegemon
