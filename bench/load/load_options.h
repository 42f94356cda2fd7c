// The command line of hegemon-load: how many connections, players and matches, and how long
// each measurement runs. The defaults finish within a few minutes on a 2-core machine.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hegemon::load {

struct LoadOptions {
  std::filesystem::path server_binary;  // empty: hegemon-server beside hegemon-load
  std::filesystem::path dir;            // empty: a fresh folder under the system's temp folder
  double seconds = 3;                   // each throughput measurement, after a warm-up
  std::vector<int> echo_connections = {100, 1000};
  int in_flight = 16;          // requests each connection keeps unanswered
  int commit_rows = 256;       // rows per group commit of the storage ceiling
  int scatter_matches = 1000;  // matches whose keys interleave in the scattered case
  int fsync_samples = 300;
  int connections = 10000;            // connections tried against the default configuration
  int players = 200;                  // seated players sending orders
  double orders_per_second = 10;      // per player, for the latency measurement
  int matches = 1000;                 // matches resolving at once
  std::string scenario = "tutorial";  // of those matches
  std::string seat = "KAR";           // the one human seat of each; the others are bots
  int turns = 5;                      // turns those matches resolve
  int spectators = 5000;              // watching one match of the scenario
  int pingers = 20;
  int ping_interval_ms = 20;     // per pinger
  double timeout_seconds = 120;  // the longest any single step may wait
  bool help = false;
  bool version = false;
};

/// Throws std::invalid_argument naming the bad option.
LoadOptions parse_load_options(int argc, char** argv);

const char* load_usage();

}  // namespace hegemon::load
