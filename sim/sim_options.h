// Command-line options of hegemon-sim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hegemon::sim {

/// The I-th of K contiguous slices of a run's matches (`--shard I/K`).
struct Shard {
  int index = 0;
  int count = 1;
};

struct SimOptions {
  std::string scenario = "tutorial";
  std::optional<int> turns;  // default: the scenario's own length
  std::uint64_t seed = 1;
  int matches = 1;
  int jobs = 1;
  Shard shard;
  std::optional<int> only_match;  // --only-match I: play match I of the run alone
  // (state id, doctrine name) and (ruleset field, value) in the order given.
  std::vector<std::pair<std::string, std::string>> doctrines;
  std::vector<std::pair<std::string, std::string>> ruleset_settings;
  // Single-match history (--json, --csv).
  std::string json_path;
  std::string csv_path;
  // Batch tables and the compact history.
  std::string matches_csv;
  std::string turns_csv;
  std::string decisions_csv;
  std::string threats_csv;
  std::string treaties_csv;
  std::string history_json;
  std::optional<bool> progress;  // unset: only when standard error is a terminal
  std::string assets_dir;
  bool quiet = false;
  bool list = false;
  bool help = false;
  bool version = false;

  /// True when the run plays one match, printed turn by turn (a single match or --only-match).
  bool single_match() const { return (matches == 1 || only_match) && shard.count == 1; }
};

/// Parses argv; throws std::invalid_argument with a message naming the bad option. Checks what
/// can be checked without the scenario (values, combinations); the state ids, doctrine names and
/// ruleset fields are checked against the scenario by start_world (sim/start_world.h).
SimOptions parse_sim_options(int argc, char** argv);

/// The --help text.
const char* sim_usage();

}  // namespace hegemon::sim
