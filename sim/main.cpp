// hegemon-sim: a scenario played headless by the built-in policy, turn by turn.
#include <exception>
#include <iostream>

#include "shared/io/scenario_files.h"
#include "shared/policy.h"
#include "shared/resolve.h"
#include "sim/history_writer.h"
#include "sim/sim_options.h"
#include "sim/turn_table.h"

namespace hegemon::sim {
namespace {

int run(const SimOptions& o) {
  const std::string assets = o.assets_dir.empty() ? HEGEMON_ASSETS_DIR : o.assets_dir;
  if (o.list) {
    for (const auto& name : list_scenarios(assets)) std::cout << name << "\n";
    return 0;
  }
  World world = load_scenario_file(o.scenario, o.seed, assets);
  HistoryWriter history(o.json_path, o.csv_path);
  history.record(world, nullptr);
  if (!o.quiet) {
    std::cout << world.scenario.title << " — " << world.size() << " states, "
              << world.scenario.turns << (world.scenario.quarterly ? " quarters" : " years")
              << ", seed " << world.seed << "\n";
    print_turn_table(std::cout, world);
  }
  const int turns = o.turns.value_or(world.scenario.turns);
  for (int t = 0; t < turns && !world.ended; ++t) {
    std::vector<OrderSet> orders;
    for (int s = 0; s < world.size(); ++s) orders.push_back(simple_policy(world, s));
    TurnResult result = resolve_turn(world, orders);
    world = std::move(result.world);
    history.record(world, &result.journal);
    if (!o.quiet) {
      print_turn_table(std::cout, world);
      print_news(std::cout, world, result.journal);
    }
  }
  print_standings(std::cout, world);
  history.write();
  return 0;
}

}  // namespace
}  // namespace hegemon::sim

int main(int argc, char** argv) {
  using namespace hegemon::sim;
  SimOptions options;
  try {
    options = parse_sim_options(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-sim: " << e.what() << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << sim_usage();
    return 0;
  }
  if (options.version) {
    std::cout << "hegemon-sim " << HEGEMON_VERSION << "\n";
    return 0;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-sim: " << e.what() << "\n";
    return 1;
  }
}
