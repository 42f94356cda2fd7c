// hegemon-server: parse the options, open the storage, listen, run until a signal.
#include <asio.hpp>

#include <malloc.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "server/listening_line.h"
#include "server/descriptor_limit.h"
#include "server/server.h"
#include "server/server_options.h"

int main(int argc, char** argv) {
  using namespace hegemon::server;
  // Turns are computed on worker threads and their results freed on the network thread; with
  // glibc's arena per thread, the memory of 1 000 matches crept up turn after turn although the
  // server keeps nothing more (one arena: flat, docs/PERFORMANCE.md). MALLOC_ARENA_MAX overrides.
  if (!std::getenv("MALLOC_ARENA_MAX")) mallopt(M_ARENA_MAX, 1);
  ServerOptions options;
  try {
    options = parse_server_options(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "hegemon-server: " << e.what() << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << server_usage();
    return 0;
  }
  if (options.version) {
    std::cout << "hegemon-server " << HEGEMON_VERSION << "\n";
    return 0;
  }
  Log log(std::cerr, options.log_level);
  if (const std::string short_of = raise_descriptor_limit(options.settings.max_sessions);
      !short_of.empty())
    log.warn(short_of);
  try {
    asio::io_context io;
    Server server(io, options.settings, log);
    server.start();
    const auto endpoint = server.endpoint();
    std::cout << kListeningPrefix << endpoint.address().to_string() << ":" << endpoint.port()
              << std::endl;
    log.info("listening on " + endpoint.address().to_string() + ":" +
             std::to_string(endpoint.port()) + ", data in " +
             options.settings.data_dir.string());
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const std::error_code& ec, int signal) {
      if (ec) return;
      log.info(std::string("received ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") +
               "; shutting down");
      server.stop();
      io.stop();
    });
    io.run();
    log.info("stopped");
  } catch (const std::exception& e) {
    log.error(e.what());
    std::cerr << "hegemon-server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
