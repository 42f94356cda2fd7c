// Durable storage of matches in one SQLite file (WAL). Every write is queued to the store's own
// thread, which commits whatever has queued up in one transaction (group commit) and then
// reports each write's outcome. The network loop never waits on the disk: it gets the outcome
// through the callback, which runs on the store's thread — post it back to your executor.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "protocol/orders.pb.h"
#include "protocol/view.pb.h"
#include "protocol/wire.pb.h"
#include "protocol/world.pb.h"
#include "server/log.h"

struct sqlite3;

namespace hegemon::server {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What a match is, apart from its world: set once at creation.
struct MatchRecord {
  std::uint64_t id = 0;
  pb::CreateMatch settings;        // name, scenario, seats, deadline, seed (password hashed below)
  std::string password_hash;       // empty = no password
  std::string owner_token_hash;
  std::string owner_name;
  std::int64_t created_unix_ms = 0;
};

struct SeatRecord {
  std::string state;
  std::string token_hash;
  std::string player_name;
};

struct StoredReport {
  int turn = 0;
  std::string state;
  pb::TurnReport report;
};

struct StoredOrders {
  std::string state;
  pb::OrderSet orders;
  bool ready = false;
};

/// A match as it stood when the server stopped: its latest world, seats, and the orders
/// acknowledged for the turn being collected (none once it is finished).
struct StoredMatch {
  MatchRecord record;
  pb::MatchStatus status = pb::MATCH_WAITING;
  pb::World world;                         // the latest resolved world (turn 0 = the start)
  std::vector<SeatRecord> seats;
  std::vector<StoredOrders> pending;       // for turn world.turn + 1, the latest per state
  std::vector<StoredReport> reports;       // every seat's report of every resolved turn
};

class MatchStore {
 public:
  /// Called once a write is durable (ok) or has failed (ok == false, error says why).
  using Done = std::function<void(bool ok, const std::string& error)>;

  /// Opens or creates the database; throws StoreError with the file and SQLite's reason.
  /// `max_pages` (0 = unlimited) caps the file size in pages, for operators with quotas.
  MatchStore(const std::filesystem::path& file, Log& log, std::int64_t max_pages = 0);
  /// Commits what is queued, then stops the thread.
  ~MatchStore();
  MatchStore(const MatchStore&) = delete;
  MatchStore& operator=(const MatchStore&) = delete;

  /// The highest match id ever stored (ids are never reused).
  std::uint64_t last_match_id();
  /// Every match, finished ones included (their players may still fetch their reports), for a
  /// restart. Run before the network starts: after that the server keeps what it needs in
  /// memory and only writes.
  std::vector<StoredMatch> load_matches();

  void save_match(const MatchRecord& record, const pb::World& start, Done done);
  void save_seat(std::uint64_t match, const SeatRecord& seat, Done done);
  void save_orders(std::uint64_t match, int turn, const StoredOrders& orders, Done done);
  /// A resolved turn: the new world and the report of every seat (state id -> report).
  void save_turn(std::uint64_t match, const pb::World& world,
                 const std::vector<std::pair<std::string, pb::TurnReport>>& reports, Done done);
  void save_status(std::uint64_t match, pb::MatchStatus status, Done done);

  /// Transactions committed so far (each may hold many writes): for tests and the log.
  std::uint64_t commits() const;
  /// In read-only mode SQLite itself refuses every write (PRAGMA query_only), so every write
  /// fails and nothing is acknowledged: for inspecting a live database or a copy of one.
  void set_read_only(bool read_only);

 private:
  struct Write {
    std::function<void(sqlite3*)> apply;  // throws StoreError on failure
    Done done;
  };
  void enqueue(std::function<void(sqlite3*)> apply, Done done);
  void run();
  void commit_batch(std::vector<Write>& batch);

  Log& log_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Write> queue_;
  bool stopping_ = false;
  int read_only_request_ = -1;  // -1 = no change asked; else the query_only value to set
  std::uint64_t commits_ = 0;
  std::thread thread_;
};

}  // namespace hegemon::server
