#include "server/scenario_catalog.h"

#include "shared/io/scenario_files.h"

namespace hegemon::server {

std::vector<std::string> ScenarioCatalog::names() const { return list_scenarios(assets_dir_); }

World ScenarioCatalog::start(const std::string& name, std::uint64_t seed) {
  auto it = parsed_.find(name);
  // The seed only ever enters the world as its own field: the start is the same for every seed.
  if (it == parsed_.end()) it = parsed_.emplace(name, load_scenario_file(name, 0, assets_dir_)).first;
  World world = it->second;
  world.seed = seed;
  return world;
}

}  // namespace hegemon::server
