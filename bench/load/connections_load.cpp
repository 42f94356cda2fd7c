// Connections held by a server with its default configuration, and what each idle one costs.
#include "fleet.h"
#include "io_wait.h"
#include "server_load.h"

namespace hegemon::load {

ConnectionFigures measure_connections(const ServerChild& server, const LoadOptions& options) {
  asio::io_context io;
  Fleet fleet(io);
  ConnectionFigures f;
  f.tried = options.connections;
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the server settle
  f.rss_before = server.rss_bytes();
  const auto start = Clock::now();
  // Below the listen backlog, so that connections wait in the server's accept queue rather
  // than in the kernel's SYN retries.
  f.finished =
      fleet.open(server.port(), options.connections, "idle", 1000, options.timeout_seconds);
  f.seconds = ms_between(start, Clock::now()) / 1000.0;
  run_for(io, std::chrono::seconds(1));  // idle: nothing is sent
  f.rss_after = server.rss_bytes();
  f.still_open = fleet.still_open();
  f.welcomed = fleet.tally().welcomed;
  f.refused = fleet.tally().refused;
  f.unconnected = fleet.tally().unconnected;
  f.refusals_logged = server.log_lines_with("refusing a connection");
  fleet.close_all();
  return f;
}

}  // namespace hegemon::load
