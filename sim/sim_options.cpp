#include "sim/sim_options.h"

#include <stdexcept>
#include <string_view>

#include "shared/io/option_values.h"

namespace hegemon::sim {
namespace {

/// "NAME=VALUE" split at the first '='; both sides must be non-empty.
std::pair<std::string, std::string> assignment(std::string_view option, const std::string& text,
                                               const char* left, const char* right) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument(std::string(option) + " expects " + left + "=" + right +
                                ", not \"" + text + "\"");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

/// "I/K" with 0 <= I < K.
Shard shard_option(std::string_view option, const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos)
    throw std::invalid_argument(std::string(option) + " expects I/K (the I-th of K slices, "
                                "counted from 0), not \"" + text + "\"");
  Shard s;
  s.index = whole_number_option<int>(option, std::string_view(text).substr(0, slash));
  s.count = whole_number_option<int>(option, std::string_view(text).substr(slash + 1));
  if (s.count < 1 || s.index < 0 || s.index >= s.count)
    throw std::invalid_argument(std::string(option) + " " + text +
                                ": K must be at least 1 and I between 0 and K-1");
  return s;
}

}  // namespace

const char* sim_usage() {
  return R"(Usage: hegemon-sim [options]

Plays a scenario headless, every seat played by its bot doctrine. One match prints a table per
turn: each state's budget, GDP, forces, stability, the threat it feels most, its Finlandization
status, its treaties and its score, followed by the turn's public news. A batch (--matches N)
plays N matches in one process and writes the tables asked for; docs/EXPERIMENTS.md describes
every column.

The match:
  --scenario NAME|PATH  scenario name under assets/scenarios, or a .txtpb file (default: tutorial)
  --turns N             turns to play (default: the scenario's own length; stops early if the
                        match ends)
  --seed S              seed of the run (default: 1). Match i is played with the seed
                        mix_seed(S, i) (shared/rng.h), so the same seed, scenario and options give
                        the same matches, byte for byte, whatever --jobs and --shard
  --doctrine STATE=NAME the doctrine that plays STATE (a state id of the scenario, NAME one of the
                        ruleset's doctrines); repeatable. Default: the scenario's choice
  --set FIELD=VALUE     sets a scalar field of the ruleset (protocol/ruleset.proto) for this run,
                        e.g. --set finland_gain=6; repeatable. The ruleset's checks apply

A batch:
  --matches N           matches to play (default: 1)
  --jobs J              threads that play them (default: 1); the outputs do not depend on J
  --shard I/K           play only the I-th of K contiguous slices of the N matches (I from 0):
                        concatenating the outputs of shards 0..K-1 gives the whole run's. Only
                        shard 0 writes the CSV header lines and the history's first line
  --only-match I        play match I of the run alone, turn by turn, to replay one match of a
                        batch (--json and --csv work with it)
  --progress            draw a progress bar on standard error (default: only on a terminal)
  --no-progress         never draw it

Outputs (CSV files have a header line; docs/EXPERIMENTS.md lists the columns):
  --matches-csv FILE    one row per match and state: final score and its components, rank,
                        winner, GDP, forces, stability, Finlandization, alliances
  --turns-csv FILE      one row per match, turn and state: allocation, forces, GDP, stability,
                        top threat and its four components, Finlandization push and resistance,
                        treaty memberships, score components
  --decisions-csv FILE  one row per order each seat submitted: its doctrine, kind, parameters,
                        the bot's reason, the verdict and the reason given
  --threats-csv FILE    one row per match, turn and ordered pair: the threat and its components
                        (large: n*n rows a turn)
  --treaties-csv FILE   one row per match, turn, treaty and member: treaty memberships
  --history-json FILE   compact history as JSON Lines: the start world once, then one line per
                        match with each turn's changing values
  --json FILE           one match only: the whole history (every turn's world and public report)
  --csv FILE            one match only: one row per state per turn

Other:
  --assets DIR          look for scenarios and rulesets under DIR (default: the source tree's)
  --list                list the scenarios and exit
  --quiet               print only the final standings (a batch: nothing on standard output)
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
    else if (arg == "--turns") o.turns = count_option(arg, value());
    else if (arg == "--seed") o.seed = whole_number_option<std::uint64_t>(arg, value());
    else if (arg == "--matches") o.matches = count_option(arg, value());
    else if (arg == "--jobs") o.jobs = count_option(arg, value());
    else if (arg == "--shard") o.shard = shard_option(arg, value());
    else if (arg == "--only-match") {
      const int m = whole_number_option<int>(arg, value());
      if (m < 0) throw std::invalid_argument("--only-match must be 0 or more");
      o.only_match = m;
    } else if (arg == "--doctrine")
      o.doctrines.push_back(assignment(arg, value(), "STATE", "NAME"));
    else if (arg == "--set")
      o.ruleset_settings.push_back(assignment(arg, value(), "FIELD", "VALUE"));
    else if (arg == "--json") o.json_path = value();
    else if (arg == "--csv") o.csv_path = value();
    else if (arg == "--matches-csv") o.matches_csv = value();
    else if (arg == "--turns-csv") o.turns_csv = value();
    else if (arg == "--decisions-csv") o.decisions_csv = value();
    else if (arg == "--threats-csv") o.threats_csv = value();
    else if (arg == "--treaties-csv") o.treaties_csv = value();
    else if (arg == "--history-json") o.history_json = value();
    else if (arg == "--progress") o.progress = true;
    else if (arg == "--no-progress") o.progress = false;
    else if (arg == "--assets") o.assets_dir = value();
    else if (arg == "--list") o.list = true;
    else if (arg == "--quiet") o.quiet = true;
    else if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--version") o.version = true;
    else throw std::invalid_argument("unknown option " + std::string(arg) + " (see --help)");
  }
  if (o.only_match && *o.only_match >= o.matches)
    throw std::invalid_argument("--only-match " + std::to_string(*o.only_match) +
                                " is not among the " + std::to_string(o.matches) +
                                " matches of the run (0 to " + std::to_string(o.matches - 1) +
                                ")");
  if (o.only_match && o.shard.count > 1)
    throw std::invalid_argument("--only-match and --shard cannot be combined");
  if (o.shard.count > o.matches)
    throw std::invalid_argument("--shard " + std::to_string(o.shard.index) + "/" +
                                std::to_string(o.shard.count) + " needs at least " +
                                std::to_string(o.shard.count) + " matches (--matches)");
  if (!o.single_match() && !(o.json_path.empty() && o.csv_path.empty()))
    throw std::invalid_argument(
        "--json and --csv write the history of a single match; for a batch use --history-json, "
        "--turns-csv and the other tables");
  return o;
}

}  // namespace hegemon::sim
