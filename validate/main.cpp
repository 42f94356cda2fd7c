// hegemon-validate: the validation experiments, written as docs/VALIDATION.md.
#include <unistd.h>

#include <exception>
#include <fstream>
#include <iostream>

#include "shared/io/command_main.h"
#include "sim/progress_bar.h"
#include "validate/report.h"
#include "validate/validate_options.h"
#include "validate/validation_run.h"

namespace hegemon::validate {
namespace {

int run(const ValidateOptions& o) {
  const bool show_progress = o.progress.value_or(isatty(STDERR_FILENO) == 1);
  std::vector<ScenarioFindings> findings;
  for (const ScenarioSetup& setup : validation_scenarios()) {
    if (show_progress) std::cerr << setup.scenario << ":\n";
    sim::ProgressBar bar(std::cerr, o.plan.matches);
    findings.push_back(run_scenario(setup, o.plan, [&](int done) {
      if (show_progress) bar.update(done);
    }));
    if (show_progress) bar.finish();
  }
  const std::string text = validation_report(findings, o.plan);
  if (o.out_path.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream out(o.out_path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "hegemon-validate: cannot write " << o.out_path << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace hegemon::validate

int main(int argc, char** argv) {
  using namespace hegemon::validate;
  return hegemon::command_main("hegemon-validate", argc, argv, parse_validate_options, validate_usage(),
                               [](const auto& options) { return run(options); });
}
