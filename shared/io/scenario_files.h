// Scenarios and rulesets as files under the assets folder: finding them, reading them, and
// handing the texts to the loader in shared/scenario_loader.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/scenario_loader.h"
#include "shared/world.h"

// Set by the top-level CMakeLists to the source tree's assets; a build without it looks beside
// the working directory.
#ifndef HEGEMON_ASSETS_DIR
#define HEGEMON_ASSETS_DIR "assets"
#endif

namespace hegemon {

/// A scenario's text and the text of the ruleset it names, with the paths they were read from.
struct ScenarioTexts {
  std::string scenario_path;
  std::string scenario_text;
  std::string ruleset_path;
  std::string ruleset_text;
};

/// Finds and reads a scenario and its ruleset as load_scenario_file does, without building the
/// world: for callers that change the ruleset first (hegemon-sim --set). Throws ScenarioError.
ScenarioTexts read_scenario_texts(const std::string& name_or_path,
                                  const std::string& assets_dir = HEGEMON_ASSETS_DIR);

/// Finds a scenario by NAME (assets_dir/scenarios/NAME.txtpb) or by path; reads it and the ruleset
/// it names (first <scenario's dir>/../rulesets/NAME.txtpb, then assets_dir/rulesets/NAME.txtpb)
/// and returns the world at turn 0 with this seed. Throws ScenarioError with a readable message:
/// a scenario that is not found lists the scenarios that are; a bad file names its line.
World load_scenario_file(const std::string& name_or_path, std::uint64_t seed,
                         const std::string& assets_dir = HEGEMON_ASSETS_DIR);

/// The names of the scenarios under assets_dir/scenarios, sorted; empty when there is none.
std::vector<std::string> list_scenarios(const std::string& assets_dir = HEGEMON_ASSETS_DIR);

}  // namespace hegemon
