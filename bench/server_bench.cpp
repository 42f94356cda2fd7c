// How many order sets a server acknowledges per second: each acknowledged only once it is on
// disk (SQLite WAL, synchronous commits), with group commit letting orders that arrive together
// share a transaction. Real sockets on 127.0.0.1. Figures: docs/PERFORMANCE.md.
#include <benchmark/benchmark.h>

#include <asio.hpp>

#include <filesystem>
#include <future>
#include <memory>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "client/net/server_connection.h"
#include "server/log.h"
#include "server/server.h"

namespace hegemon::bench {
namespace {

/// A server on 127.0.0.1:0 with a fresh database, run on its own thread.
class LocalServer {
 public:
  LocalServer() : log_(quiet_, server::LogLevel::Error) {
    data_ = std::filesystem::temp_directory_path() /
            ("hegemon-bench-" + std::to_string(std::random_device{}()));
    server::ServerSettings s;
    s.host = "127.0.0.1";
    s.port = 0;
    s.data_dir = data_;
    s.assets_dir = HEGEMON_ASSETS_DIR;
    s.session.requests_per_second = 0;  // measure the storage, not the per-connection limit
    server_ = std::make_unique<server::Server>(io_, s, log_);
    server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~LocalServer() {
    asio::post(io_, [this] {
      server_->stop();
      io_.stop();
    });
    thread_.join();
    server_.reset();
    std::filesystem::remove_all(data_);
  }
  std::uint16_t port() const { return server_->endpoint().port(); }

 private:
  std::ostringstream quiet_;
  server::Log log_;
  std::filesystem::path data_;
  asio::io_context io_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

void BM_AcknowledgedOrderSets(benchmark::State& state) {
  const int players = static_cast<int>(state.range(0));
  constexpr int kInFlight = 16;  // order sets each player sends before waiting for replies
  LocalServer server;
  // One match per 20 players of the cold war scenario, every seat human.
  const char* states[] = {"USA", "CAN", "UK",  "FRA", "BNL", "FRG", "ITA", "DEN", "NOR",
                          "TUR", "SWE", "FIN", "YUG", "SU",  "POL", "GDR", "CSK", "HUN"};
  std::vector<std::unique_ptr<client::ServerConnection>> clients;
  std::vector<std::pair<std::uint64_t, std::string>> seats;
  std::uint64_t match = 0;
  for (int p = 0; p < players; ++p) {
    auto c = std::make_unique<client::ServerConnection>();
    c->connect("127.0.0.1", server.port(), "P" + std::to_string(p));
    if (p % 18 == 0) {
      pb::ClientMessage create;
      create.mutable_create_match()->set_name("bench");
      create.mutable_create_match()->set_scenario("cold_war_1949");
      for (const char* s : states) {
        pb::SeatPlan* seat = create.mutable_create_match()->add_seats();
        seat->set_state(s);
        seat->set_kind(pb::SEAT_HUMAN);
      }
      match = c->call(create).match_created().match().match_id();
    }
    pb::ClientMessage join;
    join.mutable_join_match()->set_match_id(match);
    join.mutable_join_match()->set_state(states[p % 18]);
    if (!c->call(join).has_seat_granted()) state.SkipWithError("join failed");
    seats.emplace_back(match, states[p % 18]);
    clients.push_back(std::move(c));
  }
  for (auto _ : state) {
    std::vector<std::future<pb::ServerMessage>> replies;
    for (int p = 0; p < players; ++p)
      for (int k = 0; k < kInFlight; ++k) {
        pb::ClientMessage m;
        m.mutable_submit_orders()->set_match_id(seats[p].first);
        m.mutable_submit_orders()->mutable_orders()->set_state(seats[p].second);
        m.mutable_submit_orders()->mutable_orders()->set_turn(1);
        replies.push_back(clients[p]->request(m));
      }
    for (auto& r : replies)
      if (!r.get().has_orders_accepted()) state.SkipWithError("an order set was refused");
  }
  state.SetItemsProcessed(state.iterations() * players * kInFlight);
}
BENCHMARK(BM_AcknowledgedOrderSets)->Arg(1)->Arg(8)->Arg(36)->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace hegemon::bench
