// Scenario and ruleset texts (protobuf text format, see protocol/world.proto and
// protocol/ruleset.proto) into a world at turn 0. Texts in, values out: reading the files is
// shared/io's business, so the rules library stays free of I/O.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "shared/world.h"

namespace hegemon {

/// A scenario or ruleset text that cannot be used. The message names the place, as
/// "path:line:col: problem", one problem per line, so that an editor can jump to it.
struct ScenarioError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parses and checks a ruleset text (every constant in range, the Finlandization thresholds in
/// order). `path` only names the text in messages. Throws ScenarioError.
Ruleset parse_ruleset(std::string_view text, const std::string& path);

/// The name of the ruleset a scenario asks for. Parses the text; throws ScenarioError on syntax
/// errors and when the scenario names no ruleset.
std::string scenario_ruleset_name(std::string_view scenario_text, const std::string& path);

/// Parses and checks a scenario text and builds the world at turn 0: states in file order, the
/// map, starting treaties signed, scenario facts, and the derived threat matrix and scores.
/// `ruleset` is the one the scenario names (its tech_ceiling bounds starting technology).
/// Throws ScenarioError listing every problem found.
World load_world(std::string_view scenario_text, const std::string& path, const Ruleset& ruleset,
                 std::uint64_t seed);

}  // namespace hegemon
