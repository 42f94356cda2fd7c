// The world every match of a run starts from: the scenario parsed once, the ruleset as changed by
// --set, each state's doctrine as chosen by --doctrine. Matches copy it and set their own seed.
#pragma once

#include <string>

#include "shared/world.h"
#include "sim/sim_options.h"

namespace hegemon::sim {

/// Loads the scenario of `options` from `assets_dir` and applies --set and --doctrine. Throws
/// std::invalid_argument for an unknown state, doctrine or ruleset field, a value the field
/// cannot hold or a ruleset that fails its checks after the change (each message lists what
/// would be valid), and ScenarioError for a scenario that cannot be loaded.
World start_world(const SimOptions& options, const std::string& assets_dir);

/// Sets one scalar field of the ruleset by its name in protocol/ruleset.proto, from its text
/// (a number, true/false, an enum name or a string). Throws std::invalid_argument.
void set_ruleset_field(Ruleset& ruleset, const std::string& field, const std::string& value);

/// Makes `world` play `state` (a state id) by `doctrine` (a doctrine of its ruleset). Throws
/// std::invalid_argument naming the valid states or doctrines.
void set_doctrine(World& world, const std::string& state, const std::string& doctrine);

}  // namespace hegemon::sim
