// Command-line options of hegemon-validate.
#pragma once

#include <optional>
#include <string>

#include "validate/validation_run.h"

namespace hegemon::validate {

struct ValidateOptions {
  ValidationPlan plan;
  std::string out_path;           // empty: standard output
  std::optional<bool> progress;   // unset: only when standard error is a terminal
  bool help = false;
  bool version = false;
};

/// Parses argv; throws std::invalid_argument naming the bad option. The default --jobs is the
/// number of cores.
ValidateOptions parse_validate_options(int argc, char** argv);

/// The --help text.
const char* validate_usage();

}  // namespace hegemon::validate
