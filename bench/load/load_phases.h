// The parts of one hegemon-load run, in the order they run: the echo ceiling, the connections
// a server holds, the order sets between the storage ceilings, and the matches resolving. Each
// adds its rows to the run's table.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "load_options.h"
#include "load_table.h"

namespace hegemon::load {

/// What every part of a run shares.
struct LoadRun {
  const LoadOptions& options;
  std::filesystem::path server_binary;
  std::filesystem::path dir;  // the servers' databases and the storage ceilings' files
  std::string frame;          // an encoded SubmitOrders envelope: what the echo carries
  std::string row;            // a serialized order set: what the storage ceilings store
  std::vector<TableRow> rows;
};

/// The echo server at each of `options.echo_connections`; returns the lowest rate.
double run_echo(LoadRun& run);
/// Idle connections to a server as shipped and to one with max_sessions raised.
void run_connections(LoadRun& run);
/// The storage ceilings and fdatasync, just before and after a server's order sets, and the
/// order sets' ratios to the lower of `echo_ceiling` and the SQLite log.
void run_orders(LoadRun& run, double echo_ceiling);
/// Many tutorial matches resolving together while connections ping.
void run_resolving(LoadRun& run);
/// One match watched by many spectators.
void run_spectators(LoadRun& run);

}  // namespace hegemon::load
