// Many matches (tutorial by default) resolving their turns at once, and what it does to everyone's
// pings.
#include <map>

#include "fleet.h"
#include "io_wait.h"
#include "latency.h"
#include "server_load.h"

namespace hegemon::load {
namespace {

/// Connections that each send a Ping every `interval`, whatever the answers, so that a stalled
/// server shows in every ping it holds up, not only in one.
class Pingers {
 public:
  Pingers(asio::io_context& io, const std::vector<std::shared_ptr<LoadConnection>>& connections,
          std::chrono::milliseconds interval)
      : timer_(io), connections_(connections), interval_(interval) {}

  void start() {
    next_ = Clock::now();
    tick();
  }
  void stop() {
    stopped_ = true;
    timer_.cancel();
  }
  /// Pings sent from now on are counted in `into` (nullptr: not counted).
  void count_into(Latencies* into) { into_ = into; }
  /// Pings sent while counting into `into`.
  long long sent_into(const Latencies* into) const {
    const auto it = sent_.find(into);
    return it == sent_.end() ? 0 : it->second;
  }

 private:
  void tick() {
    if (stopped_) return;
    for (auto& c : connections_) {
      pb::ClientMessage ping;
      ping.mutable_ping()->set_nonce(++nonce_);
      const auto at = Clock::now();
      Latencies* into = into_;
      if (into) ++sent_[into];
      c->request(ping, [at, into](const pb::ServerMessage& reply) {
        if (into && reply.has_pong()) into->add(ms_between(at, Clock::now()));
      });
    }
    next_ += interval_;
    timer_.expires_at(next_);
    timer_.async_wait([this](std::error_code ec) {
      if (!ec) tick();
    });
  }

  asio::steady_timer timer_;
  std::vector<std::shared_ptr<LoadConnection>> connections_;
  std::chrono::milliseconds interval_;
  Clock::time_point next_;
  Latencies* into_ = nullptr;
  std::uint64_t nonce_ = 0;
  std::map<const Latencies*, long long> sent_;
  bool stopped_ = false;
};

void note_refusal(const pb::ServerMessage& reply, ResolveFigures& f) {
  const std::string code =
      reply.has_error() ? pb::ErrorCode_Name(reply.error().code()) : "unexpected reply";
  ++f.refusals[code];
  if (f.first_refusal.empty())
    f.first_refusal = code + (reply.has_error() ? ": " + reply.error().reason() : "");
}

}  // namespace

ResolveFigures measure_resolving(const ServerChild& server, const LoadOptions& options) {
  asio::io_context io;
  Fleet players(io), pinging(io);
  ResolveFigures f;
  f.matches_asked = options.matches;
  const auto limit = seconds(options.timeout_seconds);
  const auto setup_start = Clock::now();
  players.open(server.port(), options.matches, "ruler", 1000, options.timeout_seconds);
  pinging.open(server.port(), options.pingers, "pinger", 1000, options.timeout_seconds);
  const auto& connections = players.welcomed();

  // Each player creates its own match, one seat human and the rest bots, and takes that seat.
  struct Ruler {
    std::shared_ptr<LoadConnection> connection;
    std::uint64_t match = 0;
    pb::Allocation allocation;
    int turn_seen = 0;
  };
  std::vector<Ruler> rulers;
  for (const auto& c : connections) {
    Ruler r;
    r.connection = c;
    rulers.push_back(std::move(r));
  }
  int answered = 0;
  for (std::size_t i = 0; i < rulers.size(); ++i) {
    pb::ClientMessage create;
    create.mutable_create_match()->set_name("resolve " + std::to_string(i));
    create.mutable_create_match()->set_scenario(options.scenario);
    create.mutable_create_match()->set_seed(i + 1);
    pb::SeatPlan* seat = create.mutable_create_match()->add_seats();
    seat->set_state(options.seat);
    seat->set_kind(pb::SEAT_HUMAN);
    rulers[i].connection->request(create, [&, i](const pb::ServerMessage& reply) {
      if (!reply.has_match_created()) {
        ++answered;
        return note_refusal(reply, f);
      }
      rulers[i].match = reply.match_created().match().match_id();
      pb::ClientMessage join;
      join.mutable_join_match()->set_match_id(rulers[i].match);
      join.mutable_join_match()->set_state(options.seat);
      rulers[i].connection->request(join, [&, i](const pb::ServerMessage& joined) {
        ++answered;
        if (!joined.has_seat_granted()) {
          rulers[i].match = 0;
          return note_refusal(joined, f);
        }
        rulers[i].allocation = joined.seat_granted().view().own().allocation();
        ++f.matches_seated;
      });
    });
  }
  run_until(
      io, [&] { return answered == static_cast<int>(rulers.size()); }, limit);
  std::erase_if(rulers, [](const Ruler& r) { return r.match == 0; });
  f.setup_seconds = ms_between(setup_start, Clock::now()) / 1000.0;
  int resolved = 0;
  for (auto& r : rulers)
    r.connection->on_event([&r, &resolved](const pb::ServerMessage& event) {
      if (!event.has_turn_resolved()) return;
      r.turn_seen = event.turn_resolved().view().turn();
      ++resolved;
    });

  Pingers pingers(io, pinging.welcomed(), std::chrono::milliseconds(options.ping_interval_ms));
  pingers.start();
  Latencies idle, busy;
  run_for(io, std::chrono::seconds(1));
  f.rss_after_setup = server.rss_bytes();
  pingers.count_into(&idle);
  run_for(io, std::chrono::seconds(2));
  pingers.count_into(nullptr);
  f.idle_ping_p99_ms = idle.percentile(99);

  pingers.count_into(&busy);
  for (int turn = 1; turn <= options.turns; ++turn) {
    ResolveFigures::Turn t;
    resolved = 0;
    const auto start = Clock::now();
    for (auto& r : rulers) {
      pb::ClientMessage m;
      m.mutable_submit_orders()->set_match_id(r.match);
      *m.mutable_submit_orders()->mutable_orders() =
          budget_orders(options.seat, turn, r.allocation);
      m.mutable_submit_orders()->set_ready(true);
      r.connection->request(m, [&f](const pb::ServerMessage& reply) {
        if (!reply.has_orders_accepted()) note_refusal(reply, f);
      });
    }
    run_until(
        io, [&] { return resolved == static_cast<int>(rulers.size()); }, limit);
    t.seconds = ms_between(start, Clock::now()) / 1000.0;
    t.resolved = resolved;
    t.rss_after = server.rss_bytes();
    f.turns.push_back(t);
    if (t.resolved < static_cast<int>(rulers.size())) break;  // the server is stuck: stop here
  }
  pingers.count_into(nullptr);
  run_for(io, std::chrono::milliseconds(500));  // the answers to the last counted pings
  pingers.stop();
  f.pings = pingers.sent_into(&busy);
  f.pings_unanswered = f.pings - static_cast<long long>(busy.count());
  f.ping_p50_ms = busy.percentile(50);
  f.ping_p99_ms = busy.percentile(99);
  f.ping_max_ms = busy.max();
  players.close_all();
  pinging.close_all();
  return f;
}

}  // namespace hegemon::load
