// The scenarios a server offers, each parsed once and shared by every match created from it:
// parsing and checking a scenario's text is nearly all of what creating a match costs.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon::server {

class ScenarioCatalog {
 public:
  explicit ScenarioCatalog(std::string assets_dir) : assets_dir_(std::move(assets_dir)) {}

  /// The names of the scenarios in the assets folder, read now (a scenario added while the
  /// server runs is offered at once).
  std::vector<std::string> names() const;
  /// The world at turn 0 of the scenario `name` with `seed`: a copy of the one parsed on its
  /// first use (a scenario file changed while the server runs is read again only after a
  /// restart). Throws ScenarioError as load_scenario_file does.
  World start(const std::string& name, std::uint64_t seed);

 private:
  std::string assets_dir_;
  std::map<std::string, World> parsed_;
};

}  // namespace hegemon::server
