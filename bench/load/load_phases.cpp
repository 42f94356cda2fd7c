#include "load_phases.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "echo_ceiling.h"
#include "latency.h"
#include "server_child.h"
#include "server_load.h"
#include "storage_ceiling.h"

namespace hegemon::load {
namespace {

void step(const std::string& what) { std::cerr << "==> " << what << std::endl; }

}  // namespace

double run_echo(LoadRun& run) {
  const LoadOptions& o = run.options;
  auto& rows = run.rows;
  std::vector<double> echo_rates;
  for (int n : o.echo_connections) {
    step("echo server, " + std::to_string(n) + " connections");
    const EchoFigures e = measure_echo(run.frame, n, o.in_flight, o.seconds, o.timeout_seconds);
    echo_rates.push_back(e.messages_per_second);
    rows.push_back({"echo server, " + grouped(n) + " connections (" + grouped(e.connections) +
                        " open), " + std::to_string(o.in_flight) + " frames of " +
                        std::to_string(run.frame.size()) + " B in flight each",
                    grouped(e.messages_per_second) + " messages/s", "ceiling"});
  }
  return *std::min_element(echo_rates.begin(), echo_rates.end());
}

void run_connections(LoadRun& run) {
  const LoadOptions& o = run.options;
  const auto& binary = run.server_binary;
  const auto& dir = run.dir;
  auto& rows = run.rows;
  for (const bool raised : {false, true}) {
    // First as shipped; then with the connection cap lifted, to see what else stands in the way
    // of ten thousand connections and what each costs when there are that many.
    const std::string setup =
        raised ? "max_sessions raised to " + grouped(o.connections + 100) : "default configuration";
    step("hegemon-server, " + setup + ": " + std::to_string(o.connections) + " idle connections");
    const auto config = dir / "connections.txtpb";
    std::ofstream(config) << "max_sessions: " << o.connections + 100 << "\n";
    ServerChild server(binary, dir / (raised ? "connections-raised" : "connections"),
                       raised ? std::vector<std::string>{"--config", config.string()}
                              : std::vector<std::string>{});
    const ConnectionFigures c = measure_connections(server, o);
    rows.push_back(
        {"connections held, " + setup + " (" + grouped(c.tried) + " tried; answered in " +
             fixed(c.seconds, 1) + " s" + (c.finished ? "" : ", not all in time") + ")",
         grouped(c.welcomed) + " (" + grouped(c.refused) + " refused, " + grouped(c.unconnected) +
             " not connected; " + grouped(c.still_open) + " still open 1 s later; server logged " +
             grouped(c.refusals_logged) + " refusals)",
         raised ? "" : "10 000"});
    rows.push_back({"server memory per idle connection, " + setup + " (RSS " +
                        mib(static_cast<double>(c.rss_before)) + " before, " +
                        mib(static_cast<double>(c.rss_after)) + " after)",
                    kib(c.bytes_per_connection()), "at most 8 KiB"});
  }
}

void run_orders(LoadRun& run, double echo_ceiling) {
  const LoadOptions& o = run.options;
  const auto& binary = run.server_binary;
  const auto& dir = run.dir;
  auto& rows = run.rows;
  // The disk is shared and its speed moves from minute to minute: the storage ceilings are
  // measured right before and after the server's order sets, and the fdatasync samples of both
  // times pooled, so that each ratio compares figures of the same minutes.
  Latencies syncs;
  step("SQLite, sequential keys");
  const StorageFigures seq_before = measure_storage(dir, run.row, RowKeys::Sequential,
                                                    o.commit_rows, o.scatter_matches, o.seconds);
  step("SQLite, scattered keys");
  const StorageFigures scat = measure_storage(dir, run.row, RowKeys::Scattered, o.commit_rows,
                                              o.scatter_matches, o.seconds);
  step("fdatasync");
  measure_fdatasync(dir, o.fsync_samples, 1.5 * o.seconds, syncs);
  step("hegemon-server, request limit lifted: order sets from " + std::to_string(o.players) +
       " players");
  OrderFigures f;
  {
    ServerChild server(binary, dir / "orders", {"--max-requests-per-second", "0"});
    f = measure_orders(server, o);
  }
  step("SQLite, sequential keys, again");
  const StorageFigures seq_after = measure_storage(dir, run.row, RowKeys::Sequential, o.commit_rows,
                                                   o.scatter_matches, o.seconds);
  step("fdatasync, again");
  measure_fdatasync(dir, o.fsync_samples, 1.5 * o.seconds, syncs);
  const double sequential = (seq_before.rows_per_second + seq_after.rows_per_second) / 2;
  rows.push_back({"SQLite, one thread, " + std::to_string(run.row.size()) + "-byte order sets, " +
                      std::to_string(o.commit_rows) +
                      " a commit, sequential keys (an order log): before / after the order sets",
                  grouped(seq_before.rows_per_second) + " / " + grouped(seq_after.rows_per_second) +
                      " rows/s (" + grouped(seq_before.commits_per_second) + " / " +
                      grouped(seq_after.commits_per_second) + " commits/s)",
                  "ceiling: the mean, " + grouped(sequential) + "/s"});
  rows.push_back({"the same at scattered keys: (match, turn, state), " +
                      grouped(o.scatter_matches) + " matches interleaved, as `orders` today",
                  grouped(scat.rows_per_second) + " rows/s (" + grouped(scat.commits_per_second) +
                      " commits/s)",
                  "context"});
  const double swing =
      std::max(seq_before.rows_per_second, seq_after.rows_per_second) /
      std::max(1.0, std::min(seq_before.rows_per_second, seq_after.rows_per_second));
  if (swing > 1.5)
    rows.push_back({"**the disk changed speed during the order sets**",
                    "sequential SQLite " + fixed(swing, 1) + "x apart before and after",
                    "context: the storage ratios of this run are unsure; run it again"});
  const double sync_p99 = syncs.percentile(99);
  rows.push_back({"fdatasync after a 4 KiB append, p50 / p99 (" +
                      grouped(static_cast<double>(syncs.count())) +
                      " calls, before and after the order sets)",
                  ms(syncs.percentile(50)) + " / " + ms(sync_p99), "ceiling"});
  const double lower = std::min(echo_ceiling, sequential);
  rows.push_back({"acknowledged order sets, " + grouped(f.seated) + " players seated 4 to a " +
                      "tutorial match, " + std::to_string(o.in_flight) +
                      " in flight each (request limit lifted: --max-requests-per-second 0)",
                  grouped(f.acks_per_second) + "/s = " + percent(f.acks_per_second / lower) +
                      " of the lower ceiling (" + grouped(lower) + "/s); " +
                      percent(f.acks_per_second / scat.rows_per_second) + " of scattered SQLite",
                  "at least 60 % of the lower ceiling"});
  rows.push_back({"order set -> OrdersAccepted, p50 / p99 / max, " + fixed(o.orders_per_second, 0) +
                      " sets/s per player (" + grouped(f.offered_per_second) + "/s offered, " +
                      grouped(static_cast<double>(f.paced_acks)) + " answered)",
                  ms(f.p50_ms) + " / " + ms(f.p99_ms) + " / " + ms(f.max_ms) +
                      "; p99 = " + fixed(f.p99_ms / sync_p99, 1) + "x fdatasync p99",
                  "p99 within 1.5x fdatasync p99"});
  if (!f.refusals.empty() || !f.setup_problem.empty())
    rows.push_back(
        {"order phase refusals",
         refusals_text(f.refusals) + (f.setup_problem.empty() ? "" : "; " + f.setup_problem), ""});
}

void run_resolving(LoadRun& run) {
  const LoadOptions& o = run.options;
  const auto& binary = run.server_binary;
  const auto& dir = run.dir;
  auto& rows = run.rows;
  step("hegemon-server, " + std::to_string(o.matches) + " " + o.scenario + " matches resolving " +
       std::to_string(o.turns) + " turns together");
  // The default configuration hosts 200 matches and 2 000 connections: lift both so that
  // the matches can exist at all, and say so.
  const auto config = dir / "resolving.txtpb";
  std::ofstream(config) << "max_matches: " << o.matches + 10
                        << "\nmax_sessions: " << o.matches + o.pingers + 100 << "\n";
  ServerChild server(binary, dir / "resolving", {"--config", config.string()});
  const ResolveFigures r = measure_resolving(server, o);
  rows.push_back(
      {o.scenario + " matches created and seated, " + o.seat +
           " human, the rest bots (max_matches raised to " + grouped(o.matches + 10) + ")",
       grouped(r.matches_seated) + " of " + grouped(r.matches_asked) + " in " +
           fixed(r.setup_seconds, 1) + " s" +
           (r.first_refusal.empty()
                ? ""
                : "; refusals: " + refusals_text(r.refusals) + " (" + r.first_refusal + ")"),
       "1 000 at once"});
  std::string turn_times, rss;
  for (const auto& t : r.turns) {
    turn_times += (turn_times.empty() ? "" : ", ") + fixed(t.seconds, 1) + " s" +
                  (t.resolved == r.matches_seated ? "" : " (" + grouped(t.resolved) + " resolved)");
    rss += (rss.empty() ? "" : ", ") + fixed(static_cast<double>(t.rss_after) / (1 << 20), 0);
  }
  rows.push_back({"turns of all those matches, orders to the last TurnResolved", turn_times, ""});
  double growth = 0;
  if (r.turns.size() >= 2 && r.matches_seated > 0)
    growth = static_cast<double>(r.turns.back().rss_after - r.turns.front().rss_after) /
             static_cast<double>(r.turns.size() - 1) / r.matches_seated;
  rows.push_back({"server RSS after setup, then after each turn (MiB)",
                  fixed(static_cast<double>(r.rss_after_setup) / (1 << 20), 0) + "; " + rss +
                      " = " + kib(growth) + " per match per turn",
                  "flat from turn to turn"});
  rows.push_back({"pings, " + std::to_string(o.pingers) + " connections every " +
                      std::to_string(o.ping_interval_ms) + " ms: p99 idle; p50 / p99 / max " +
                      "while the matches resolve (" + grouped(static_cast<double>(r.pings)) +
                      " pings, " + grouped(static_cast<double>(r.pings_unanswered)) +
                      " unanswered)",
                  ms(r.idle_ping_p99_ms) + "; " + ms(r.ping_p50_ms) + " / " + ms(r.ping_p99_ms) +
                      " / " + ms(r.ping_max_ms),
                  "p99 under 50 ms while 1 000 matches resolve"});
}

void run_spectators(LoadRun& run) {
  const LoadOptions& o = run.options;
  if (o.spectators <= 0) return;
  step("hegemon-server, one " + o.scenario + " match watched by " + grouped(o.spectators) +
       " spectators, " + std::to_string(o.turns) + " turns");
  const auto config = run.dir / "spectators.txtpb";
  std::ofstream(config) << "max_sessions: " << o.spectators + 100 << "\n";
  ServerChild server(run.server_binary, run.dir / "spectators", {"--config", config.string()});
  const SpectatorFigures f = measure_spectators(server, o);
  std::string lags;
  for (const auto& t : f.turns)
    lags += (lags.empty() ? "" : ", ") + ms(t.p50_ms) + " / " + ms(t.last_ms) +
            (t.reached == f.watching ? "" : " (" + grouped(t.reached) + " reached)");
  run.rows.push_back({"one " + o.scenario + " match watched by " + grouped(f.watching) + " of " +
                          grouped(f.asked) + " spectators: each turn's TurnResolved after the " +
                          "player's, p50 / last (" + grouped(static_cast<double>(f.turn_bytes)) +
                          " bytes each)" + (f.problem.empty() ? "" : "; " + f.problem),
                      lags, "every spectator soon after the player"});
}

}  // namespace hegemon::load
