// The measurements of the real server, each against a hegemon-server started for it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "load_options.h"
#include "protocol/orders.pb.h"
#include "server_child.h"

namespace hegemon::load {

/// A budget order keeping `allocation`, for `state` and `turn`: what each player submits.
pb::OrderSet budget_orders(const std::string& state, int turn, const pb::Allocation& allocation);
/// The split a seat starts with when no view is at hand (the storage ceiling's rows).
pb::Allocation typical_allocation();

struct ConnectionFigures {
  int tried = 0;
  int welcomed = 0;
  int refused = 0;
  int unconnected = 0;
  int still_open = 0;  // welcomed connections open a second after the last answer
  bool finished = true;
  double seconds = 0;  // from the first connect to the last answer
  long long rss_before = 0;
  long long rss_after = 0;
  int refusals_logged = 0;  // the server's "refusing a connection" lines
  double bytes_per_connection() const {
    return welcomed ? static_cast<double>(rss_after - rss_before) / welcomed : 0;
  }
};

/// Opens `options.connections` idle connections (Hello, then nothing) to a server with its
/// default configuration and reads its memory before and after.
ConnectionFigures measure_connections(const ServerChild& server, const LoadOptions& options);

struct OrderFigures {
  int players = 0;
  int seated = 0;
  long long acks = 0;
  double acks_per_second = 0;     // saturated: options.in_flight sets in flight per player
  double offered_per_second = 0;  // paced: what the players sent
  long long paced_acks = 0;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;  // paced: order set sent -> OrdersAccepted
  std::map<std::string, long long> refusals;  // error code -> count, both parts
  std::string setup_problem;
};

/// `options.players` players seated four to a tutorial match, every seat human, sending budget
/// order sets for turn 1 without ever being ready: first as fast as the server acknowledges
/// them, then paced at `options.orders_per_second` each for the latency.
OrderFigures measure_orders(const ServerChild& server, const LoadOptions& options);

struct SpectatorFigures {
  int asked = 0;
  int watching = 0;  // spectators whose ObserveMatch was answered with Observing
  struct Turn {
    int reached = 0;                 // spectators that received the turn
    double p50_ms = 0, last_ms = 0;  // after the player received it
  };
  std::vector<Turn> turns;
  std::size_t turn_bytes = 0;  // one spectator's TurnResolved
  std::string problem;
};

/// One `options.scenario` match with one human seat, watched by `options.spectators`
/// connections: each turn, how long after the player the spectators receive TurnResolved.
SpectatorFigures measure_spectators(const ServerChild& server, const LoadOptions& options);

struct ResolveFigures {
  int matches_asked = 0;
  int matches_seated = 0;
  std::map<std::string, long long> refusals;  // at creation and joining
  std::string first_refusal;
  double setup_seconds = 0;
  double idle_ping_p99_ms = 0;
  struct Turn {
    int resolved = 0;    // matches whose TurnResolved reached their player
    double seconds = 0;  // from the orders to the last TurnResolved
    long long rss_after = 0;
  };
  std::vector<Turn> turns;
  long long rss_after_setup = 0;
  long long pings = 0;
  long long pings_unanswered = 0;
  double ping_p50_ms = 0, ping_p99_ms = 0, ping_max_ms = 0;
};

/// `options.matches` tutorial matches, one human seat each (the others bots), all resolving
/// `options.turns` turns together, while `options.pingers` connections ping.
ResolveFigures measure_resolving(const ServerChild& server, const LoadOptions& options);

}  // namespace hegemon::load
