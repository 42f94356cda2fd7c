#include "test_world.h"

#include <fstream>
#include <sstream>

#include "shared/resolve.h"
#include "shared/scenario_loader.h"
#include "shared/scoring.h"

namespace hegemon::testing {

Ruleset quiet_ruleset() {
  const std::string path = std::string(HEGEMON_ASSETS_DIR) + "/rulesets/standard.txtpb";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  Ruleset r = parse_ruleset(text.str(), path);
  r.set_growth_volatility(0.0);
  return r;
}

State plain_state(const std::string& id, double gdp) {
  State s;
  s.id = id;
  s.name = "State " + id;
  s.gdp = gdp;
  s.population = 50;
  s.growth = 0.02;
  s.tax_share = 0.2;
  s.territorial_defense = 100;
  s.power_projection = 100;
  s.technology = 1.0;
  s.stability = 60;
  s.reputation = 60;
  s.influence = 50;
  s.intelligence = 10;
  s.allocation.bp = {1000, 1000, 2000, 3000, 1000, 1000, 1000};
  s.publish_budget = true;
  return s;
}

World make_world(std::vector<State> states, const std::vector<std::pair<int, int>>& borders,
                 bool all_border) {
  World w;
  w.ruleset = quiet_ruleset();
  w.seed = 7;
  w.states = std::move(states);
  const int n = w.size();
  for (auto& s : w.states) s.relations.assign(n, Relation{});
  w.edit_map().borders.assign(n, std::vector<bool>(n, false));
  w.edit_map().distance.assign(n, std::vector<double>(n, 0.0));
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b)
      if (a != b) {
        w.edit_map().borders[a][b] = all_border && borders.empty();
        w.edit_map().distance[a][b] = w.edit_map().borders[a][b] ? 500.0 : 3000.0;
      }
  for (auto [a, b] : borders) {
    w.edit_map().borders[a][b] = w.edit_map().borders[b][a] = true;
    w.edit_map().distance[a][b] = w.edit_map().distance[b][a] = 500.0;
  }
  w.scenario.name = "test";
  w.scenario.title = "Test world";
  w.scenario.ruleset_name = "standard";
  w.scenario.start_year = 2000;
  w.scenario.turns = 20;
  refresh_derived(w);
  record_starting_position(w);
  w.scores = compute_scores(w);
  return w;
}

std::vector<State> aurelia_and_neighbours() {
  State aurelia = plain_state("AUR", 1000);
  aurelia.name = "Aurelia";
  State borealis = plain_state("BOR", 800);
  borealis.name = "Borealis";
  borealis.allocation.bp = {1200, 800, 2500, 3000, 1000, 900, 600};
  State castellan = plain_state("CAS", 3000);
  castellan.name = "Castellan";
  castellan.publish_budget = false;
  castellan.territorial_defense = 300;
  castellan.power_projection = 500;
  castellan.technology = 1.4;
  castellan.influence = 70;
  castellan.intelligence = 40;
  castellan.allocation.bp = {1500, 2500, 2000, 2000, 800, 600, 600};
  State dunmore = plain_state("DUN", 250);
  dunmore.name = "Dunmore";
  dunmore.publish_budget = false;
  dunmore.territorial_defense = 60;
  dunmore.power_projection = 10;
  return {aurelia, borealis, castellan, dunmore};
}

int add_treaty(World& world, TreatyType type, const std::vector<StateIndex>& members,
               TreatyTerms terms) {
  Treaty t;
  t.id = world.next_treaty_id++;
  t.type = type;
  t.terms = terms;
  for (StateIndex m : members) t.members.push_back({m, true, 0, 0});
  world.treaties.push_back(t);
  refresh_derived(world);
  return t.id;
}

}  // namespace hegemon::testing
