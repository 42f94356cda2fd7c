// Command-line options of hegemon-sim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hegemon::sim {

struct SimOptions {
  std::string scenario = "tutorial";
  std::optional<int> turns;  // default: the scenario's own length
  std::uint64_t seed = 1;
  std::string json_path;
  std::string csv_path;
  std::string assets_dir;
  bool quiet = false;
  bool list = false;
  bool help = false;
  bool version = false;
};

/// Parses argv; throws std::invalid_argument with a message naming the bad option.
SimOptions parse_sim_options(int argc, char** argv);

/// The --help text.
const char* sim_usage();

}  // namespace hegemon::sim
