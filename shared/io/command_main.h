// The one shape of a command-line tool's main: parse the options, answer --help and --version,
// run, and turn every failure into a message on standard error and an exit status.
#pragma once

#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>

namespace hegemon {

/// Runs a tool. `parse(argc, argv)` returns its options (with `help` and `version` flags) or
/// throws for a bad one; `run(options)` returns the exit status. Bad options and bad values met
/// while running (std::invalid_argument) exit with 2, any other failure with 1, each said on
/// standard error after the program's name.
template <typename Parse, typename Run>
int command_main(const char* program, int argc, char** argv, Parse parse, const char* usage,
                 Run run) {
  decltype(parse(argc, argv)) options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << usage;
    return 0;
  }
  if (options.version) {
    std::cout << program << " " << HEGEMON_VERSION << "\n";
    return 0;
  }
  try {
    return run(options);
  } catch (const std::invalid_argument& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace hegemon
