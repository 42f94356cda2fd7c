// docs/VALIDATION.md: the experiments' tables, each beside what the theory expects, with a
// verdict. The text depends only on the findings, so the same build and seed give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "validate/validation_run.h"

namespace hegemon::validate {

/// The whole document for the findings of a run made by `plan`.
std::string validation_report(const std::vector<ScenarioFindings>& scenarios,
                              const ValidationPlan& plan);

}  // namespace hegemon::validate
