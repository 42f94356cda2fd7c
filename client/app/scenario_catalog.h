// The scenarios this client knows from its own assets: their titles, states and the bot
// doctrines of their rulesets, so the create dialog can offer a human/bot choice and a doctrine
// per state before the match exists. A server may host
// scenarios the client does not have; the dialog then takes state ids as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hegemon::client {

struct ScenarioState {
  std::string id;
  std::string name;
  std::string doctrine;  // the bot doctrine the scenario gives it (empty: the ruleset's first)
};

/// A bot doctrine of the scenario's ruleset, as the create dialog offers it.
struct DoctrineInfo {
  std::string name;   // "defensive_realist": what a CreateMatch's SeatPlan names
  std::string title;  // "Defensive realist"
  std::string description;
};

struct ScenarioInfo {
  std::string name;    // "tutorial"
  std::string title;   // "Tutorial: the Northern Question"
  std::string description;
  int turns = 0;
  std::vector<ScenarioState> states;  // in the scenario's order
  // The ruleset's doctrines, in its order; empty when the ruleset has none or this client does
  // not have it.
  std::vector<DoctrineInfo> doctrines;

  /// The doctrine a bot plays state `i` by when the match does not choose one: the state's own,
  /// else the ruleset's first ("" when there is none).
  std::string default_doctrine(std::size_t i) const;
};

/// The scenarios under `assets_dir`/scenarios, sorted by name; files that do not parse are left
/// out.
std::vector<ScenarioInfo> local_scenarios(const std::string& assets_dir);

/// One scenario by name, or nullopt when the client does not have it.
std::optional<ScenarioInfo> local_scenario(const std::string& assets_dir, const std::string& name);

/// The assets folder: $HEGEMON_ASSETS when set, else the one the build was made from.
std::string client_assets_dir();

}  // namespace hegemon::client
