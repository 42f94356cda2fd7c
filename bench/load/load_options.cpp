#include "load_options.h"

#include <charconv>
#include <stdexcept>
#include <string_view>

#include "shared/io/option_values.h"

namespace hegemon::load {
namespace {

double seconds_option(std::string_view option, std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0)
    throw std::invalid_argument(std::string(option) + " expects a positive number, not \"" +
                                std::string(text) + "\"");
  return value;
}

std::vector<int> counts_option(std::string_view option, std::string_view text) {
  std::vector<int> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    out.push_back(count_option(option, text.substr(0, comma)));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  if (out.empty()) throw std::invalid_argument(std::string(option) + " needs at least one count");
  return out;
}

}  // namespace

const char* load_usage() {
  return R"(Usage: hegemon-load [options]

Measures hegemon-server under load on 127.0.0.1, beside the ceilings it is judged against, in one
run: a plain Asio echo server on the same framing, one thread appending order-set-sized rows to
SQLite (WAL, synchronous=FULL, group commits) at sequential and at scattered keys, and the disk's
own fdatasync. Then it starts hegemon-server four times (port 0, a fresh database each) and
measures the connections it holds and its memory per idle connection, with its default
configuration and again with max_sessions raised; acknowledged order sets per second (with the
per-connection request limit lifted) and the latency of each acknowledgement; and the pings'
latency while many tutorial matches resolve their turns together (max_matches raised to fit).
It prints one table with the targets of the server's performance work beside each figure. It
stops by itself: every count and every wait is bounded, and it stops only the servers it
started.

Options:
  --server PATH            hegemon-server to start (default: the one beside hegemon-load)
  --dir DIR                folder for the databases and the fdatasync file (default: a fresh
                           folder under the system's temporary folder, removed at the end); put
                           it on the disk you want measured
  --seconds S              length of each throughput measurement, after 1 s of warm-up (default 3)
  --echo-connections LIST  connection counts for the echo server (default 100,1000)
  --in-flight N            requests each connection keeps unanswered when measuring
                           throughput (default 16)
  --commit-rows N          rows per group commit of the storage ceiling (default 256)
  --scatter-matches N      matches whose order rows interleave in the scattered case (default 1000)
  --fsync-samples N        fdatasync calls timed before the server's order sets, and as many
                           after (default 300; each time at most 1.5 x --seconds)
  --connections N          connections tried against the default configuration (default 10000)
  --players N              seated players sending order sets (default 200, 4 to a tutorial match)
  --orders-per-second R    order sets each player sends a second for the latency figures
                           (default 10)
  --matches N              matches resolving their turns at once (default 1000)
  --scenario NAME          their scenario (default tutorial)
  --seat STATE             the state a player holds in each; the others are bots (default KAR)
  --turns N                turns those matches resolve, one after another (default 5)
  --spectators N           connections watching one match of the scenario, whose turns are
                           timed from its player to the last of them (default 5000; 0 = none)
  --pingers N              connections pinging meanwhile (default 20)
  --ping-interval-ms MS    time between one pinger's pings (default 20)
  --timeout-seconds S      the longest any one step may wait before it is reported as not
                           finished (default 120)
  --help                   show this help and exit
  --version                show the version and exit

On a small machine scale down with --connections 2000 --matches 200.
)";
}

LoadOptions parse_load_options(int argc, char** argv) {
  LoadOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(arg) + " needs a value");
      return argv[++i];
    };
    if (arg == "--server")
      o.server_binary = std::string(value());
    else if (arg == "--dir")
      o.dir = std::string(value());
    else if (arg == "--seconds")
      o.seconds = seconds_option(arg, value());
    else if (arg == "--echo-connections")
      o.echo_connections = counts_option(arg, value());
    else if (arg == "--in-flight")
      o.in_flight = count_option(arg, value());
    else if (arg == "--commit-rows")
      o.commit_rows = count_option(arg, value());
    else if (arg == "--scatter-matches")
      o.scatter_matches = count_option(arg, value());
    else if (arg == "--fsync-samples")
      o.fsync_samples = count_option(arg, value());
    else if (arg == "--connections")
      o.connections = count_option(arg, value());
    else if (arg == "--spectators") {
      const std::string_view n = value();
      o.spectators = n == "0" ? 0 : count_option(arg, n);  // 0: leave the measurement out
    } else if (arg == "--players")
      o.players = count_option(arg, value());
    else if (arg == "--orders-per-second")
      o.orders_per_second = seconds_option(arg, value());
    else if (arg == "--matches")
      o.matches = count_option(arg, value());
    else if (arg == "--scenario")
      o.scenario = std::string(value());
    else if (arg == "--seat")
      o.seat = std::string(value());
    else if (arg == "--turns")
      o.turns = count_option(arg, value());
    else if (arg == "--pingers")
      o.pingers = count_option(arg, value());
    else if (arg == "--ping-interval-ms")
      o.ping_interval_ms = count_option(arg, value());
    else if (arg == "--timeout-seconds")
      o.timeout_seconds = seconds_option(arg, value());
    else if (arg == "--help" || arg == "-h")
      o.help = true;
    else if (arg == "--version")
      o.version = true;
    else
      throw std::invalid_argument("unknown option " + std::string(arg) + " (see --help)");
  }
  return o;
}

}  // namespace hegemon::load
