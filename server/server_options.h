// Command-line options and the configuration file of hegemon-server.
#pragma once

#include <optional>
#include <string>

#include "server/log.h"
#include "server/server.h"

namespace hegemon::server {

struct ServerOptions {
  ServerSettings settings;
  LogLevel log_level = LogLevel::Info;
  bool help = false;
  bool version = false;
};

/// Reads the configuration file named by --config (if any), then the other options over it.
/// Throws std::invalid_argument with a message naming the bad option or file line.
ServerOptions parse_server_options(int argc, char** argv);

const char* server_usage();

}  // namespace hegemon::server
