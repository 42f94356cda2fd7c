#include "validate/validate_options.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "shared/io/option_values.h"

namespace hegemon::validate {

const char* validate_usage() {
  return R"(Usage: hegemon-validate [options]

Plays the validation experiments on cold_war_1949 and indo_pacific with mixed doctrines and
writes docs/VALIDATION.md's text: balancing against bandwagoning by relative power, the security
dilemma against a distant control, a counterfactual third-party guarantee, the superpowers' bloc
GDP, and the winners per state and doctrine, each beside what the theory expects.
docs/EXPERIMENTS.md says how each is measured.

  --matches N   matches per scenario (default: 1000); experiment (c) plays each seed again once
                per small state
  --seed S      the run's seed (default: 1949); match i is seeded mix_seed(S, i)
  --jobs J      threads (default: the number of cores); the document does not depend on J
  --turns N     turns per match (default: each scenario's own length)
  --out FILE    write the document to FILE (default: standard output)
  --assets DIR  look for scenarios and rulesets under DIR (default: the source tree's)
  --progress    draw a progress bar on standard error (default: only on a terminal)
  --no-progress never draw it
  --help        show this help and exit
  --version     show the version and exit
)";
}

ValidateOptions parse_validate_options(int argc, char** argv) {
  ValidateOptions o;
  o.plan.jobs = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == "--matches") o.plan.matches = count_option(arg, value());
    else if (arg == "--seed") o.plan.seed = whole_number_option<std::uint64_t>(arg, value());
    else if (arg == "--jobs") o.plan.jobs = count_option(arg, value());
    else if (arg == "--turns") o.plan.turns = count_option(arg, value());
    else if (arg == "--out") o.out_path = value();
    else if (arg == "--assets") o.plan.assets_dir = value();
    else if (arg == "--progress") o.progress = true;
    else if (arg == "--no-progress") o.progress = false;
    else if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--version") o.version = true;
    else throw std::invalid_argument("unknown option " + std::string(arg) + " (see --help)");
  }
  return o;
}

}  // namespace hegemon::validate
