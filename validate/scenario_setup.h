// Which scenarios the validation plays and, for each, the states its experiments are about: the
// great power and the small states of the counterfactual guarantee (c), the third party that
// guarantees them, and the two superpowers whose blocs (d) are weighed.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon::validate {

/// One scenario's experiments, states named by their scenario ids.
struct ScenarioSetup {
  std::string scenario;
  std::string why_these;  // one sentence for the document: why these small states
  std::string power;      // the great power the small states live next to
  std::string guarantor;  // the third party that guarantees them in the variant
  std::vector<std::string> small_states;
  std::string west_bloc_leader;  // empty: experiment (d) is not played on this scenario
  std::string east_bloc_leader;
};

/// cold_war_1949 and indo_pacific, in that order.
const std::vector<ScenarioSetup>& validation_scenarios();

/// The same with the states as positions in `world`.
struct ResolvedSetup {
  StateIndex power = -1;
  StateIndex guarantor = -1;
  std::vector<StateIndex> small_states;
  StateIndex west = -1;  // -1 when the scenario has no bloc experiment
  StateIndex east = -1;
};

/// Throws std::invalid_argument naming a state the scenario does not have.
ResolvedSetup resolve(const ScenarioSetup& setup, const World& world);

}  // namespace hegemon::validate
