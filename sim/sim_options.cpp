#include "sim/sim_options.h"

#include <stdexcept>

#include "shared/io/option_values.h"
#include <string_view>

namespace hegemon::sim {
const char* sim_usage() {
  return R"(Usage: hegemon-sim [options]

Runs a scenario headless, every seat played by the built-in policy, and prints a table per turn:
each state's budget, GDP, forces, stability, the threat it feels most, its Finlandization status,
its treaties and its score, followed by the turn's public news.

Options:
  --scenario NAME|PATH  scenario name under assets/scenarios, or a .txtpb file (default: tutorial)
  --turns N             turns to play (default: the scenario's own length; stops early if the
                        match ends)
  --seed S              seed of the match's random draws (default: 1); the same seed and
                        scenario give the same match, byte for byte
  --json FILE           write the whole history (every turn's world and public report) as JSON
  --csv FILE            write one row per state per turn as CSV
  --assets DIR          look for scenarios and rulesets under DIR (default: the source tree's)
  --list                list the scenarios and exit
  --quiet               print only the final standings
  --help                show this help and exit
  --version             show the version and exit
)";
}

SimOptions parse_sim_options(int argc, char** argv) {
  SimOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == "--scenario") o.scenario = value();
    else if (arg == "--turns") {
      const int turns = whole_number_option<int>(arg, value());
      if (turns < 1) throw std::invalid_argument("--turns must be at least 1");
      o.turns = turns;
    } else if (arg == "--seed") o.seed = whole_number_option<std::uint64_t>(arg, value());
    else if (arg == "--json") o.json_path = value();
    else if (arg == "--csv") o.csv_path = value();
    else if (arg == "--assets") o.assets_dir = value();
    else if (arg == "--list") o.list = true;
    else if (arg == "--quiet") o.quiet = true;
    else if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--version") o.version = true;
    else throw std::invalid_argument("unknown option " + std::string(arg) + " (see --help)");
  }
  return o;
}

}  // namespace hegemon::sim
