#include "shared/view_world.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/scoring.h"

namespace hegemon {
namespace {

/// Kilometres per map unit when the facts give no distances (the scenario default).
constexpr double kKmPerMapUnit = 12.0;

/// The state ids in the server's order, checked against the states the view shows.
std::vector<std::string> state_order(const pb::PlayerView& view, const pb::MatchFacts& facts) {
  std::vector<std::string> listed;
  listed.push_back(view.own().id());
  for (const auto& other : view.others()) listed.push_back(other.id());
  const std::vector<std::string> order(facts.states().begin(), facts.states().end());
  if (order.size() != listed.size() ||
      !std::is_permutation(order.begin(), order.end(), listed.begin()))
    throw SchemaError("the view shows " + std::to_string(listed.size()) +
                      " states and the match's facts list " + std::to_string(order.size()) +
                      ", not the same ones: the facts are of another match");
  return order;
}

/// The level at which a public status begins: the view shows the status, never the level.
double level_for(const Ruleset& rules, pb::FinlandStatus status) {
  switch (status) {
    case pb::ACCOMMODATING: return rules.accommodation_enter();
    case pb::FINLANDIZED: return rules.finlandized_enter();
    default: return 0.0;
  }
}

/// Another state as the engine needs it, from what the view says of it.
pb::State state_from_view(const pb::StateView& seen, const pb::PlayerView& view,
                          const Ruleset& rules) {
  const pb::State& own = view.own();
  pb::State st;
  st.set_id(seen.id());
  st.set_name(seen.name());
  st.set_gdp(seen.gdp());
  st.set_population(seen.population());
  // Not in the view: assumed to tax and grow like the viewer.
  st.set_growth(own.growth());
  st.set_tax_share(own.tax_share());
  st.set_territorial_defense(seen.territorial_defense());
  st.set_power_projection(seen.power_projection());
  st.set_technology(seen.technology());
  st.set_stability(seen.stability());
  st.set_lean(seen.lean());
  st.set_government_changes(seen.government_changes());
  // Hidden: enough influence to keep up the guarantees it gives for one more turn.
  int guarantees_given = 0;
  for (const auto& g : view.guarantees()) guarantees_given += g.guarantor() == seen.id() ? 1 : 0;
  st.set_influence(guarantees_given * rules.guarantee_influence_cost());
  st.set_reputation(seen.reputation());
  st.set_intelligence(0.0);
  *st.mutable_allocation() = seen.allocation();
  st.set_publish_budget(seen.budget_published());
  for (const auto& rel : seen.public_relations()) {
    pb::Relation* r = st.add_relations();
    r->set_other(rel.other());
    r->set_finland_status(rel.finland_status());
    r->set_finland_level(level_for(rules, rel.finland_status()));
  }
  st.set_color(seen.color());
  st.set_map_x(seen.map_x());
  st.set_map_y(seen.map_y());
  return st;
}

}  // namespace

World world_from_view(const pb::PlayerView& view, const pb::MatchFacts& facts) {
  if (view.own().id().empty())
    throw SchemaError("the view has no state of its own (a spectator's view): nothing to preview");
  if (!facts.has_ruleset())
    throw SchemaError(
        "the match's facts carry no ruleset: the server did not send the rules in force");

  const std::vector<std::string> order = state_order(view, facts);
  const std::size_t n = order.size();
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < n; ++i) position[order[i]] = i;

  pb::World msg;
  *msg.mutable_ruleset() = facts.ruleset();
  msg.set_turn(view.turn());
  msg.set_seed(0);
  msg.set_ended(view.ended());
  msg.set_end_reason(view.end_reason());

  pb::Scenario* scenario = msg.mutable_scenario();
  scenario->set_name(view.scenario());
  scenario->set_title(view.title());
  scenario->set_ruleset(facts.ruleset().name());
  scenario->set_start_year(view.start_year());
  scenario->set_turn_length(view.turn_length());
  scenario->set_turns(view.turns());
  for (const auto& border : facts.borders()) *scenario->add_borders() = border;
  for (const auto& objective : view.objectives()) *scenario->add_objectives() = objective;

  // States in the server's order: the own one as sent, the others from their views.
  std::vector<const pb::StateView*> others(n, nullptr);
  for (const auto& other : view.others()) {
    auto it = position.find(other.id());
    if (it != position.end()) others[it->second] = &other;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (order[i] == view.own().id())
      *msg.add_states() = view.own();
    else
      *msg.add_states() = state_from_view(*others[i], view, facts.ruleset());
  }
  // Starting GDP is public; a view from before it was sent counts the start as now.
  for (std::size_t i = 0; i < n; ++i) {
    const bool own = order[i] == view.own().id();
    const double start = own ? view.own_start().gdp() : others[i]->start_gdp();
    scenario->add_start_gdp(start > 0 ? start : msg.states(int(i)).gdp());
  }

  // The map: the facts' distances, the straight line on the map when they carry none.
  const std::size_t pairs = n * (n - 1) / 2;
  if (facts.distance_km_size() != 0 && static_cast<std::size_t>(facts.distance_km_size()) != pairs)
    throw SchemaError("the match's facts give " + std::to_string(facts.distance_km_size()) +
                      " distances for " + std::to_string(n) + " states, which have " +
                      std::to_string(pairs) + " pairs");
  std::vector<double> km(n * n, 0.0);
  auto given = facts.distance_km().begin();
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) {
      double d = 0;
      if (facts.distance_km_size() != 0) {
        d = *given++;
      } else {
        const double dx = msg.states(int(a)).map_x() - msg.states(int(b)).map_x();
        const double dy = msg.states(int(a)).map_y() - msg.states(int(b)).map_y();
        d = std::hypot(dx, dy) * kKmPerMapUnit;
      }
      km[a * n + b] = d;
      km[b * n + a] = d;
    }
  for (double cell : km) msg.add_distance_km(cell);

  int next_treaty = 1, next_proposal = 1;
  for (const auto& t : view.treaties()) {
    *msg.add_treaties() = t;
    next_treaty = std::max(next_treaty, t.id() + 1);
  }
  for (const auto& p : view.proposals()) {
    *msg.add_proposals() = p;
    next_proposal = std::max(next_proposal, p.id() + 1);
  }
  for (const auto& g : view.guarantees()) *msg.add_guarantees() = g;
  for (const auto& s : view.sanctions()) *msg.add_sanctions() = s;
  msg.set_next_treaty_id(next_treaty);
  msg.set_next_proposal_id(next_proposal);

  World world = world_from_proto(msg);
  refresh_derived(world);
  // The score's other start measures: the viewer's own as sent; another state's are not in the
  // view, so it is taken to stand where it began.
  const std::vector<double> start_gdp = world.scenario.start_gdp;
  record_starting_position(world);
  world.scenario.start_gdp = start_gdp;
  if (view.has_own_start()) {
    const StateIndex me = world.find(view.own().id());
    world.scenario.start_security[me] = view.own_start().security();
    world.scenario.start_influence[me] = view.own_start().influence();
    world.scenario.start_sovereignty[me] = view.own_start().sovereignty();
  }
  world.scores = compute_scores(world);
  return world;
}

}  // namespace hegemon
