// The scenarios this client knows from its own assets: their titles and states, so the create
// dialog can offer a human/bot choice per state before the match exists. A server may host
// scenarios the client does not have; the dialog then takes state ids as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hegemon::client {

struct ScenarioState {
  std::string id;
  std::string name;
};

struct ScenarioInfo {
  std::string name;    // "tutorial"
  std::string title;   // "Tutorial: the Northern Question"
  std::string description;
  int turns = 0;
  std::vector<ScenarioState> states;  // in the scenario's order
};

/// The scenarios under `assets_dir`/scenarios, sorted by name; files that do not parse are left
/// out.
std::vector<ScenarioInfo> local_scenarios(const std::string& assets_dir);

/// One scenario by name, or nullopt when the client does not have it.
std::optional<ScenarioInfo> local_scenario(const std::string& assets_dir, const std::string& name);

/// The assets folder: $HEGEMON_ASSETS when set, else the one the build was made from.
std::string client_assets_dir();

}  // namespace hegemon::client
