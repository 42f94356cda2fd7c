// Durable storage of matches in one SQLite file (WAL). Every operation is queued to the store's
// own thread, which runs whatever has queued up in one transaction (group commit); should one
// write of it fail, the batch is rolled back and run again with each write in a savepoint of its
// own, so that one failed write fails only itself. Then it completes each
// operation on its caller's executor, Asio-style: the completion handler runs where
// `asio::get_associated_executor(handler)` says (bind it with `asio::bind_executor`), the store's
// default executor otherwise. The network loop never waits on the disk.
#pragma once

#include <asio.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
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

/// What became of one store operation: done, or failed and why.
struct StoreOutcome {
  std::string error;  // empty: done (a write is durable)
  explicit operator bool() const { return error.empty(); }
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

/// One seat's acknowledged orders and readiness for the turn being collected.
struct StoredOrders {
  std::string state;
  std::optional<pb::OrderSet> orders;  // none: the seat said only whether it is ready
  bool ready = false;
};

/// A match as it stood when the server stopped: its latest world, seats, and the orders
/// acknowledged for the turn being collected (none once it is finished). Reports stay in the
/// database until a seat asks for them (MatchStore::load_reports).
struct StoredMatch {
  MatchRecord record;
  pb::MatchStatus status = pb::MATCH_WAITING;
  pb::World world;                         // the latest resolved world (turn 0 = the start)
  std::vector<SeatRecord> seats;
  std::vector<StoredOrders> pending;       // for turn world.turn + 1, the latest per state
};

/// A resolved turn, serialized where it was computed: the new world and the report of every
/// seat (state id -> report; the empty id is the public report).
struct StoredTurn {
  std::uint64_t match = 0;
  int turn = 0;
  bool finished = false;
  std::string world;
  std::vector<std::pair<std::string, std::string>> reports;
};

/// What a seat or a spectator needs to catch up on a match, read in one go: its reports after a
/// turn, the worlds from a turn on (serialized, for the workers to parse and view), and the
/// match's latest chat.
struct StoredCatchUp {
  std::vector<pb::TurnReport> reports;
  std::vector<std::string> worlds;
  std::vector<pb::ChatMessage> chat;
};

/// The store thread's connection: statements are prepared once and reused.
class StoreDb;

class MatchStore {
 public:
  /// Opens or creates the database; throws StoreError with the file and SQLite's reason.
  /// `max_pages` (0 = unlimited) caps the file size in pages, for operators with quotas.
  /// Completions whose handler names no executor run on `executor`.
  MatchStore(const std::filesystem::path& file, Log& log, asio::any_io_executor executor,
             std::int64_t max_pages = 0);
  /// Commits what is queued, then stops the thread.
  ~MatchStore();
  MatchStore(const MatchStore&) = delete;
  MatchStore& operator=(const MatchStore&) = delete;

  /// The highest match id ever stored (ids are never reused).
  std::uint64_t last_match_id();
  /// Every match, finished ones included (their players may still fetch their reports), for a
  /// restart. Run before the network starts: after that every read and write is queued.
  std::vector<StoredMatch> load_matches();
  /// The `latest` chat messages of `match` (0 = the lobby), oldest first, read at once: like
  /// load_matches, for a start before the network runs.
  std::vector<pb::ChatMessage> load_chat_at_start(std::uint64_t match, int latest);

  // Writes. Each completes with void(StoreOutcome) once durable or failed.
  template <typename Token>
  auto save_match(const MatchRecord& record, const pb::World& start, Token&& token) {
    return run(match_write(record, start), std::forward<Token>(token));
  }
  template <typename Token>
  auto save_seat(std::uint64_t match, const SeatRecord& seat, Token&& token) {
    return run(seat_write(match, seat), std::forward<Token>(token));
  }
  /// Appends an order set (or, with no orders, a change of readiness alone) to the order log.
  template <typename Token>
  auto save_orders(std::uint64_t match, int turn, const StoredOrders& orders, Token&& token) {
    return run(orders_write(match, turn, orders.state, orders.orders ? &*orders.orders : nullptr,
                            orders.ready),
               std::forward<Token>(token));
  }
  /// The same, for orders as they arrived (serialized at once, never copied; null: readiness
  /// alone).
  template <typename Token>
  auto save_orders(std::uint64_t match, int turn, const std::string& state,
                   const pb::OrderSet* orders, bool ready, Token&& token) {
    return run(orders_write(match, turn, state, orders, ready), std::forward<Token>(token));
  }
  template <typename Token>
  auto save_turn(StoredTurn turn, Token&& token) {
    return run(turn_write(std::move(turn)), std::forward<Token>(token));
  }
  /// Keeps a chat message of `match` (0 = the lobby), so that late arrivals read it.
  template <typename Token>
  auto save_chat(std::uint64_t match, const pb::ChatMessage& message, Token&& token) {
    return run(chat_write(match, message), std::forward<Token>(token));
  }
  template <typename Token>
  auto save_status(std::uint64_t match, pb::MatchStatus status, Token&& token) {
    return run(status_write(match, status), std::forward<Token>(token));
  }

  // Reads, queued behind every write submitted before them (so they see those writes).
  /// The reports of `state` in `match` for turns after `after_turn`, oldest first; completes
  /// with void(StoreOutcome, std::vector<pb::TurnReport>).
  template <typename Token>
  auto load_reports(std::uint64_t match, const std::string& state, int after_turn, Token&& token) {
    return run(reports_read(match, state, after_turn), std::forward<Token>(token));
  }
  /// The stored worlds of `match` from turn `from_turn` on, oldest first, as stored (serialized
  /// pb::World: whoever reads them parses them, off the store thread); completes with
  /// void(StoreOutcome, std::vector<std::string>).
  template <typename Token>
  auto load_worlds(std::uint64_t match, int from_turn, Token&& token) {
    return run(worlds_read(match, from_turn), std::forward<Token>(token));
  }
  /// The `latest` chat messages of `match` (0 = the lobby), oldest first; completes with
  /// void(StoreOutcome, std::vector<pb::ChatMessage>).
  template <typename Token>
  auto load_chat(std::uint64_t match, int latest, Token&& token) {
    return run(chat_read(match, latest), std::forward<Token>(token));
  }
  /// The reports of `state` after `after_turn`, the worlds from `worlds_from` on and the
  /// `chat` latest messages of `match`, in one read; completes with
  /// void(StoreOutcome, StoredCatchUp).
  template <typename Token>
  auto load_catch_up(std::uint64_t match, const std::string& state, int after_turn, int worlds_from,
                     int chat, Token&& token) {
    return run(catch_up_read(match, state, after_turn, worlds_from, chat),
               std::forward<Token>(token));
  }
  /// The latest stored world of `match`; completes with void(StoreOutcome, pb::World).
  template <typename Token>
  auto load_world(std::uint64_t match, Token&& token) {
    return run(world_read(match), std::forward<Token>(token));
  }

  /// Runs `op` on the store thread within the group commit, in a savepoint of its own; throws
  /// StoreError to fail. Completes with void(StoreOutcome), or void(StoreOutcome, Result).
  template <typename Result, typename Token>
  auto run(std::function<Result(StoreDb&)> op, Token&& token);

  /// Transactions committed so far (each may hold many writes): for tests and the log.
  std::uint64_t commits() const;
  /// In read-only mode SQLite itself refuses every write (PRAGMA query_only), so every write
  /// fails and nothing is acknowledged: for inspecting a live database or a copy of one.
  void set_read_only(bool read_only);

 private:
  struct Job {
    std::function<void(StoreDb&)> apply;  // throws StoreError on failure
    asio::any_io_executor executor;       // where `complete` runs
    std::function<void(const StoreOutcome&)> complete;
  };
  /// The completions bound for one executor, in the order the store finished them. They run a
  /// few at a time, each few a handler of its own, so that a commit finishing a thousand
  /// operations does not hold the executor's other work (a ping, a read) back until all ran.
  struct Lane {
    asio::any_io_executor executor;
    std::mutex mutex;
    using Completion = std::pair<std::function<void(const StoreOutcome&)>, StoreOutcome>;
    std::deque<Completion> pending;
    bool scheduled = false;
  };
  static void drain(const std::shared_ptr<Lane>& lane);
  /// Hands each job's completion to its executor's lane (store thread only).
  void deliver(std::vector<Job>& batch, const std::vector<StoreOutcome>& outcomes);
  static std::function<void(StoreDb&)> match_write(const MatchRecord& record,
                                                   const pb::World& start);
  static std::function<void(StoreDb&)> seat_write(std::uint64_t match, const SeatRecord& seat);
  static std::function<void(StoreDb&)> orders_write(std::uint64_t match, int turn,
                                                    const std::string& state,
                                                    const pb::OrderSet* orders, bool ready);
  static std::function<void(StoreDb&)> turn_write(StoredTurn turn);
  static std::function<void(StoreDb&)> status_write(std::uint64_t match, pb::MatchStatus status);
  static std::function<std::vector<pb::TurnReport>(StoreDb&)> reports_read(
      std::uint64_t match, const std::string& state, int after_turn);
  static std::function<pb::World(StoreDb&)> world_read(std::uint64_t match);
  static std::function<void(StoreDb&)> chat_write(std::uint64_t match,
                                                  const pb::ChatMessage& message);
  static std::function<std::vector<pb::ChatMessage>(StoreDb&)> chat_read(std::uint64_t match,
                                                                         int latest);
  static std::function<std::vector<std::string>(StoreDb&)> worlds_read(std::uint64_t match,
                                                                       int from_turn);
  static std::function<StoredCatchUp(StoreDb&)> catch_up_read(std::uint64_t match,
                                                              const std::string& state,
                                                              int after_turn, int worlds_from,
                                                              int chat);

  void migrate_orders_table(sqlite3* db);
  void enqueue(Job job);
  void thread_main();
  void commit_batch(std::vector<Job>& batch);
  /// Runs the whole batch in one transaction; false (and nothing stored) if some write failed.
  bool commit_whole(std::vector<Job>& batch, std::vector<StoreOutcome>& outcomes);
  /// Runs the batch again with each write in a savepoint of its own, so that a failed write
  /// fails only itself.
  void commit_one_by_one(std::vector<Job>& batch, std::vector<StoreOutcome>& outcomes);

  Log& log_;
  asio::any_io_executor executor_;
  std::unique_ptr<StoreDb> db_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  int read_only_request_ = -1;  // -1 = no change asked; else the query_only value to set
  std::uint64_t commits_ = 0;
  std::vector<std::shared_ptr<Lane>> lanes_;  // the store thread's only
  std::thread thread_;
};

/// The completion signature of a store operation giving `Result`.
template <typename Result>
struct StoreCompletion {
  using Signature = void(StoreOutcome, Result);
};
template <>
struct StoreCompletion<void> {
  using Signature = void(StoreOutcome);
};

template <typename Result, typename Token>
auto MatchStore::run(std::function<Result(StoreDb&)> op, Token&& token) {
  using Signature = typename StoreCompletion<Result>::Signature;
  auto initiate = [this](auto handler, std::function<Result(StoreDb&)> operation) {
    // The handler is kept until it is posted to its executor, which is kept busy meanwhile: in
    // the completion itself when it can be copied (one allocation less per write), else shared,
    // so that a move-only one fits in a std::function.
    auto executor = asio::get_associated_executor(handler, executor_);
    auto work = asio::make_work_guard(executor);
    if constexpr (std::is_void_v<Result> && std::is_copy_constructible_v<decltype(handler)>) {
      enqueue({std::move(operation), asio::any_io_executor(executor),
               [handler = std::move(handler), work](const StoreOutcome& outcome) mutable {
                 std::move(handler)(outcome);
               }});
    } else if constexpr (std::is_void_v<Result>) {
      auto shared = std::make_shared<decltype(handler)>(std::move(handler));
      enqueue({std::move(operation), asio::any_io_executor(executor),
               [shared, work](const StoreOutcome& outcome) { std::move (*shared)(outcome); }});
    } else {
      auto shared = std::make_shared<decltype(handler)>(std::move(handler));
      auto result = std::make_shared<Result>();
      enqueue({[operation = std::move(operation), result](StoreDb& db) { *result = operation(db); },
               asio::any_io_executor(executor),
               [shared, work, result](const StoreOutcome& outcome) {
                 std::move (*shared)(outcome, std::move(*result));
               }});
    }
  };
  return asio::async_initiate<Token, Signature>(initiate, token, std::move(op));
}

}  // namespace hegemon::server
