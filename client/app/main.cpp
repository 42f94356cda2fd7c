// hegemon-client: parse the options, then run the app.
#include <iostream>

#include "client/app/app.h"
#include "client/app/client_options.h"
#include "client/app/image_check.h"

int main(int argc, char** argv) {
  using namespace hegemon::client;
  ClientOptions options;
  try {
    options = parse_client_options(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-client: " << e.what() << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << client_usage();
    return 0;
  }
  if (options.version) {
    std::cout << "hegemon-client " << HEGEMON_VERSION << "\n";
    return 0;
  }
  if (!options.check_png.empty()) {
    const std::string problem = check_png(options.check_png);
    if (!problem.empty()) {
      std::cerr << "hegemon-client: " << problem << "\n";
      return 1;
    }
    std::cout << options.check_png << ": a picture, not blank\n";
    return 0;
  }
  return App(std::move(options)).run();
}
