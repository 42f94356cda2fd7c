#include "bench/synthetic_world.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "shared/bots/bot.h"
#include "shared/resolve.h"
#include "shared/rng.h"
#include "shared/scenario_loader.h"

namespace hegemon::bench {

World synthetic_world(int n) {
  const std::string path = std::string(HEGEMON_ASSETS_DIR) + "/rulesets/standard.txtpb";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  World w;
  w.ruleset = parse_ruleset(text.str(), path);
  w.seed = 2026;
  Rng rng(static_cast<std::uint64_t>(n));
  const int side = static_cast<int>(std::ceil(std::sqrt(n)));
  for (int i = 0; i < n; ++i) {
    State s;
    s.id = "S" + std::to_string(i);
    s.name = "State " + std::to_string(i);
    // Sizes spread over two orders of magnitude, as in a real world.
    s.gdp = 50.0 * std::pow(100.0, rng.uniform());
    s.population = s.gdp / 20.0;
    s.growth = 0.01 + 0.03 * rng.uniform();
    s.tax_share = 0.15 + 0.15 * rng.uniform();
    s.territorial_defense = s.gdp * 0.2;
    s.power_projection = s.gdp * 0.1 * rng.uniform();
    s.technology = 0.8 + 0.6 * rng.uniform();
    s.stability = 40 + 40 * rng.uniform();
    s.reputation = 40 + 40 * rng.uniform();
    s.influence = 20 + 40 * rng.uniform();
    s.intelligence = 10 * rng.uniform();
    s.allocation.bp = {1500, 800, 2000, 3500, 800, 800, 600};
    s.publish_budget = rng.uniform() < 0.6;
    s.map_x = (i % side) * 1000 / side;
    s.map_y = (i / side) * 1000 / side;
    w.states.push_back(s);
  }
  for (auto& s : w.states) s.relations.assign(n, Relation{});
  w.edit_map().borders.assign(n, std::vector<bool>(n, false));
  w.edit_map().distance.assign(n, std::vector<double>(n, 0.0));
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b) {
      const int dx = a % side - b % side, dy = a / side - b / side;
      w.edit_map().borders[a][b] = a != b && std::abs(dx) + std::abs(dy) == 1;
      w.edit_map().distance[a][b] = 800.0 * std::sqrt(double(dx * dx + dy * dy));
    }
  // Alliances of four neighbouring states, every fifth block.
  for (int a = 0; a + 3 < n; a += 20) {
    Treaty t;
    t.id = w.next_treaty_id++;
    t.type = TreatyType::MutualDefense;
    t.terms = {200, 50, 0, 4, 2};
    for (int m = a; m < a + 4; ++m) t.members.push_back({m, true, 0, 0});
    w.treaties.push_back(t);
  }
  w.scenario.name = "synthetic";
  w.scenario.turns = 1000;
  for (const auto& s : w.states) w.scenario.start_gdp.push_back(s.gdp);
  refresh_derived(w);
  return w;
}

std::vector<OrderSet> bot_orders(const World& w) {
  std::vector<StateIndex> seats(w.size());
  for (int s = 0; s < w.size(); ++s) seats[s] = s;
  std::vector<OrderSet> orders;
  for (BotDecision& d : play_seats(w, seats)) orders.push_back(std::move(d.orders));
  return orders;
}

World warmed_world(int n) {
  World w = synthetic_world(n);
  for (int t = 0; t < 3; ++t) w = resolve_turn(w, bot_orders(w)).world;
  return w;
}

}  // namespace hegemon::bench
