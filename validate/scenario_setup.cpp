#include "validate/scenario_setup.h"

#include <stdexcept>

namespace hegemon::validate {

const std::vector<ScenarioSetup>& validation_scenarios() {
  static const std::vector<ScenarioSetup> kScenarios{
      {"cold_war_1949",
       "the states on the Soviet Union's rim outside its own pacts in 1949: Finland, Norway and "
       "Turkey border it, Sweden lies 350 km across the Baltic, Yugoslavia has just broken with "
       "Stalin",
       "SU",
       "USA",
       {"FIN", "NOR", "TUR", "YUG", "SWE"},
       "USA",
       "SU"},
      {"indo_pacific",
       "China's smaller neighbours across a border or a strait that are not its allies: Vietnam "
       "and Taiwan border it, South Korea and the Philippines sit across the Yellow Sea and the "
       "South China Sea",
       "CHN",
       "USA",
       {"VNM", "PHL", "TWN", "KOR"},
       "",
       ""},
  };
  return kScenarios;
}

namespace {

StateIndex find_state(const World& world, const std::string& id) {
  const StateIndex s = world.find(id);
  if (s < 0)
    throw std::invalid_argument("the validation of " + world.scenario.name +
                                " names a state it does not have: " + id);
  return s;
}

}  // namespace

ResolvedSetup resolve(const ScenarioSetup& setup, const World& world) {
  ResolvedSetup r;
  r.power = find_state(world, setup.power);
  r.guarantor = find_state(world, setup.guarantor);
  for (const auto& id : setup.small_states) r.small_states.push_back(find_state(world, id));
  if (!setup.west_bloc_leader.empty()) {
    r.west = find_state(world, setup.west_bloc_leader);
    r.east = find_state(world, setup.east_bloc_leader);
  }
  return r;
}

}  // namespace hegemon::validate
