#include "server/server_options.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "shared/io/option_values.h"
#include <string_view>

#include "protocol/server_config.pb.h"

#ifndef HEGEMON_ASSETS_DIR
#define HEGEMON_ASSETS_DIR "assets"
#endif

namespace hegemon::server {
namespace {

class ConfigErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit ConfigErrors(std::string path) : path_(std::move(path)) {}
  void AddError(int line, int column, const std::string& message) override {
    if (first_.empty())
      first_ = path_ + ":" + std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " +
               message;
  }
  const std::string& first() const { return first_; }

 private:
  std::string path_;
  std::string first_;
};


/// "HOST:PORT" (an IPv6 host goes in brackets: "[::1]:7700").
void parse_listen(const std::string& text, ServerSettings& s) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size())
    throw std::invalid_argument("--listen expects HOST:PORT, e.g. 0.0.0.0:7700, not \"" + text +
                                "\"");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  s.host = host.empty() ? "0.0.0.0" : host;
  s.port = whole_number_option<std::uint16_t>("--listen", text.substr(colon + 1));
}

void apply_config(const pb::ServerConfig& c, ServerOptions& o) {
  if (!c.listen().empty()) parse_listen(c.listen(), o.settings);
  if (!c.data_dir().empty()) o.settings.data_dir = c.data_dir();
  if (!c.server_name().empty()) o.settings.session.server_name = c.server_name();
  if (c.max_frame_bytes() > 0) o.settings.session.max_frame = c.max_frame_bytes();
  if (c.max_database_mb() > 0) o.settings.max_database_mb = c.max_database_mb();
  if (!c.log_level().empty() && !parse_log_level(c.log_level(), o.log_level))
    throw std::invalid_argument("log_level must be debug, info, warn or error");
  if (c.max_matches() > 0) o.settings.max_matches = c.max_matches();
  if (c.max_sessions() > 0) o.settings.max_sessions = c.max_sessions();
  if (c.max_outbox_bytes() > 0) o.settings.session.max_outbox = c.max_outbox_bytes();
  if (!c.assets_dir().empty()) o.settings.assets_dir = c.assets_dir();
  if (c.max_requests_per_second() > 0)
    o.settings.session.requests_per_second = c.max_requests_per_second();
  if (c.max_request_burst() > 0) o.settings.session.request_burst = c.max_request_burst();
}

void read_config(const std::string& path, ServerOptions& o) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read the configuration file " + path);
  std::stringstream text;
  text << in.rdbuf();
  pb::ServerConfig config;
  google::protobuf::TextFormat::Parser parser;
  ConfigErrors errors(path);
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(text.str(), &config)) throw std::invalid_argument(errors.first());
  apply_config(config, o);
}

}  // namespace

const char* server_usage() {
  return R"(Usage: hegemon-server [options]

Hosts Hegemon matches for players on a LAN or the internet. Prints "listening on HOST:PORT" when
ready, then logs connections, matches, turns and errors to standard error. SIGINT or SIGTERM stop
it cleanly; every acknowledged order and resolved turn is in the database, and a restart resumes
every unfinished match where it stood.

Options:
  --listen HOST:PORT     address to listen on (default 0.0.0.0:7700; port 0 picks a free port)
  --data DIR             folder of the database (default ./hegemon-data)
  --config FILE          configuration file (protobuf text format, message hegemon.pb.ServerConfig
                         in protocol/server_config.proto); options given here override it
  --name NAME            server name shown to clients
  --assets DIR           scenarios and rulesets (default: the source tree's assets)
  --max-frame BYTES      largest frame a client may send (default 1048576)
  --max-database-mb MB   cap on the database file; past it orders are refused, not lost
  --max-requests-per-second N
                         requests one connection may send per second (default 100, bursts of
                         200); the excess is refused with RATE_LIMITED. 0 = no limit
  --read-only            serve the matches of the database without changing it: every order
                         is refused with STORAGE_UNAVAILABLE (for inspecting a copy)
  --log-level LEVEL      debug, info, warn or error (default info)
  --help                 show this help and exit
  --version              show the version and exit
)";
}

ServerOptions parse_server_options(int argc, char** argv) {
  ServerOptions o;
  o.settings.assets_dir = HEGEMON_ASSETS_DIR;
  // The configuration file first, so that the other options override it.
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string_view(argv[i]) == "--config") read_config(argv[i + 1], o);
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == "--listen") parse_listen(value(), o.settings);
    else if (arg == "--data") o.settings.data_dir = value();
    else if (arg == "--config") value();
    else if (arg == "--name") o.settings.session.server_name = value();
    else if (arg == "--assets") o.settings.assets_dir = value();
    else if (arg == "--max-frame")
      o.settings.session.max_frame = whole_number_option<std::size_t>(arg, value());
    else if (arg == "--max-database-mb")
      o.settings.max_database_mb = whole_number_option<std::int64_t>(arg, value());
    else if (arg == "--read-only") o.settings.read_only = true;
    else if (arg == "--max-requests-per-second")
      o.settings.session.requests_per_second = whole_number_option<unsigned>(arg, value());
    else if (arg == "--log-level") {
      if (!parse_log_level(value(), o.log_level))
        throw std::invalid_argument("--log-level must be debug, info, warn or error");
    } else if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--version") o.version = true;
    else throw std::invalid_argument("unknown option " + std::string(arg) + " (see --help)");
  }
  return o;
}

}  // namespace hegemon::server
