#include "server/match_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <utility>

namespace hegemon::server {
namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS matches (
  id INTEGER PRIMARY KEY,
  settings BLOB NOT NULL,
  password_hash TEXT NOT NULL,
  owner_token_hash TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  created_unix_ms INTEGER NOT NULL,
  status INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS worlds (
  match_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  world BLOB NOT NULL,
  PRIMARY KEY (match_id, turn)
);
CREATE TABLE IF NOT EXISTS seats (
  match_id INTEGER NOT NULL,
  state TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  player_name TEXT NOT NULL,
  PRIMARY KEY (match_id, state)
);
-- The order log: appended to, never updated in place, so that order sets arriving from many
-- matches at once land at the end of one B-tree instead of at scattered keys. A row without
-- orders is a change of readiness alone. The latest row per (match, turn, state) holds.
CREATE TABLE IF NOT EXISTS order_log (
  seq INTEGER PRIMARY KEY,
  match_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  state TEXT NOT NULL,
  orders BLOB,
  ready INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
  match_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  state TEXT NOT NULL,
  report BLOB NOT NULL,
  PRIMARY KEY (match_id, turn, state)
);
CREATE TABLE IF NOT EXISTS chat (
  seq INTEGER PRIMARY KEY,
  match_id INTEGER NOT NULL,
  message BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chat_by_match ON chat (match_id, seq);
)sql";

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw StoreError(why);
  }
}

std::string serialized(const google::protobuf::MessageLite& m) {
  std::string out;
  m.SerializeToString(&out);
  return out;
}

template <typename Message>
Message parsed(const std::string& bytes, const char* what) {
  Message m;
  if (!m.ParseFromString(bytes)) throw StoreError(std::string("a stored ") + what + " is damaged");
  return m;
}

// Statements, each written once so that the store prepares each once.
const char* kBegin = "BEGIN IMMEDIATE";
const char* kCommit = "COMMIT";
const char* kSavepoint = "SAVEPOINT one_write";
const char* kRelease = "RELEASE one_write";
const char* kRollbackTo = "ROLLBACK TO one_write";
const char* kInsertMatch =
    "INSERT INTO matches (id, settings, password_hash, owner_token_hash, owner_name, "
    "created_unix_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?)";
const char* kInsertWorld = "INSERT OR REPLACE INTO worlds (match_id, turn, world) VALUES (?, ?, ?)";
const char* kInsertSeat =
    "INSERT OR REPLACE INTO seats (match_id, state, token_hash, player_name) VALUES (?, ?, ?, ?)";
const char* kAppendOrders =
    "INSERT INTO order_log (match_id, turn, state, orders, ready) VALUES (?, ?, ?, ?, ?)";
const char* kInsertReport =
    "INSERT OR REPLACE INTO reports (match_id, turn, state, report) VALUES (?, ?, ?, ?)";
const char* kUpdateStatus = "UPDATE matches SET status = ? WHERE id = ?";
const char* kSelectReports =
    "SELECT report FROM reports WHERE match_id = ? AND state = ? AND turn > ? ORDER BY turn";
const char* kInsertChat = "INSERT INTO chat (match_id, message) VALUES (?, ?)";
const char* kSelectChat =
    "SELECT message FROM (SELECT seq, message FROM chat WHERE match_id = ? ORDER BY seq DESC "
    "LIMIT ?) ORDER BY seq";
const char* kSelectWorldsFrom =
    "SELECT world FROM worlds WHERE match_id = ? AND turn >= ? ORDER BY turn";
const char* kSelectLatestWorld =
    "SELECT world FROM worlds WHERE match_id = ? ORDER BY turn DESC LIMIT 1";

}  // namespace

/// A statement borrowed from the store's cache: bound, stepped, and reset when it goes out of
/// scope, ready for the next use.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  // Text and blobs are bound in place, not copied (a copy is an allocation and a free per
  // value): what is bound must outlive the statement's use, as every write's captured values do.
  Statement& bind(int i, const std::string& v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  Statement& bind(int i, std::string&& v) = delete;  // would dangle before the statement runs
  Statement& bind_blob(int i, const std::string& v) {
    check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  Statement& bind_blob(int i, std::string&& v) = delete;
  Statement& bind_null(int i) {
    check(sqlite3_bind_null(stmt_, i));
    return *this;
  }
  /// Runs a statement that returns no rows.
  void run() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db_));
  }
  /// Steps to the next row; false when there is none.
  bool row() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(sqlite3_errmsg(db_));
  }
  std::int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }
  std::string blob(int col) {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : "";
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class StoreDb {
 public:
  explicit StoreDb(sqlite3* db) : db_(db) {}
  ~StoreDb() {
    for (auto& [sql, stmt] : prepared_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  StoreDb(const StoreDb&) = delete;
  StoreDb& operator=(const StoreDb&) = delete;

  sqlite3* handle() { return db_; }
  /// The statement for `sql`, prepared on its first use and reused after: preparing is most
  /// of what a small write costs. (SQLite prepares it again by itself if the schema changes.)
  Statement statement(const char* sql) {
    sqlite3_stmt*& stmt = prepared_[sql];
    if (!stmt && sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
                     SQLITE_OK) {
      stmt = nullptr;
      throw StoreError(std::string("cannot prepare a statement: ") + sqlite3_errmsg(db_));
    }
    return Statement(db_, stmt);
  }
  /// Runs a statement without parameters or rows (transaction control).
  void step(const char* sql) { statement(sql).run(); }
  /// Whether a transaction is open (SQLite may end one by itself after some errors).
  bool in_transaction() { return sqlite3_get_autocommit(db_) == 0; }

 private:
  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> prepared_;  // the constants above are their own keys
};

MatchStore::MatchStore(const std::filesystem::path& file, Log& log,
                       asio::any_io_executor executor, std::int64_t max_pages)
    : log_(log), executor_(std::move(executor)) {
  sqlite3* db = nullptr;
  // One thread at a time uses the connection (the store thread; before it starts, the caller
  // under the store's lock), so SQLite's own per-call locking is left out (NOMUTEX).
  if (sqlite3_open_v2(file.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) !=
      SQLITE_OK) {
    const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw StoreError("cannot open the database " + file.string() + ": " + why);
  }
  db_ = std::make_unique<StoreDb>(db);
  try {
    // WAL with synchronous=FULL: a commit is on disk when it returns, and readers never block
    // the writer.
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    exec(db, kSchema);
    migrate_orders_table(db);
    // Orders of turns already resolved are spent (each turn's report keeps their verdicts):
    // dropped at start so that the log a restart reads holds only the turns being collected.
    exec(db,
         "DELETE FROM order_log WHERE turn <= "
         "(SELECT MAX(turn) FROM worlds WHERE worlds.match_id = order_log.match_id)");
    if (max_pages > 0)
      exec(db, ("PRAGMA max_page_count=" + std::to_string(max_pages) + ";").c_str());
  } catch (const StoreError& e) {
    throw StoreError("cannot prepare the database " + file.string() + ": " + e.what());
  }
  thread_ = std::thread([this] { thread_main(); });
}

MatchStore::~MatchStore() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t MatchStore::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void MatchStore::enqueue(Job job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void MatchStore::set_read_only(bool read_only) {
  {
    std::lock_guard lock(mutex_);
    read_only_request_ = read_only ? 1 : 0;
  }
  wake_.notify_one();
}

void MatchStore::thread_main() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock,
                 [this] { return stopping_ || !queue_.empty() || read_only_request_ >= 0; });
      if (read_only_request_ >= 0) {
        const bool on = read_only_request_ == 1;
        read_only_request_ = -1;
        try {
          exec(db_->handle(), on ? "PRAGMA query_only=1;" : "PRAGMA query_only=0;");
          log_.warn(on ? "storage: read-only; every write will be refused"
                       : "storage: writable again");
        } catch (const StoreError& e) {
          log_.error(std::string("storage: cannot change read-only mode: ") + e.what());
        }
      }
      if (queue_.empty()) {
        if (stopping_) return;  // nothing left to write
        continue;
      }
      // Everything that queued up while the last commit was on its way goes in one transaction.
      while (!queue_.empty()) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

void MatchStore::commit_batch(std::vector<Job>& batch) {
  std::vector<StoreOutcome> outcomes(batch.size());
  // Almost every batch stores whole: it runs in one transaction without a savepoint per write
  // (a savepoint and its release cost about as much as a small write). Only a batch in which
  // some write fails is rolled back and run again with each write in a savepoint of its own,
  // so that the failed write fails only itself. Nothing is acknowledged before its commit.
  if (!commit_whole(batch, outcomes)) commit_one_by_one(batch, outcomes);
  deliver(batch, outcomes);
}

bool MatchStore::commit_whole(std::vector<Job>& batch, std::vector<StoreOutcome>& outcomes) {
  try {
    db_->step(kBegin);
  } catch (const StoreError&) {
    return false;  // the careful path says why, write by write
  }
  try {
    for (Job& job : batch) job.apply(*db_);
  } catch (const std::exception&) {
    if (db_->in_transaction()) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  try {
    db_->step(kCommit);
  } catch (const StoreError& e) {
    // The commit itself failed: nothing of the batch is stored, and each write says so.
    if (db_->in_transaction()) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    for (StoreOutcome& outcome : outcomes) outcome.error = e.what();
    log_.error("storage: a commit of " + std::to_string(batch.size()) +
               " writes failed: " + e.what());
    return true;
  }
  std::lock_guard lock(mutex_);
  ++commits_;
  return true;
}

void MatchStore::commit_one_by_one(std::vector<Job>& batch, std::vector<StoreOutcome>& outcomes) {
  std::size_t failed = 0;
  std::string last_failure;
  const auto fail = [&](std::size_t i, const std::string& why) {
    if (outcomes[i]) ++failed;
    outcomes[i].error = why;
    last_failure = why;
  };
  std::size_t next = 0;
  // A transaction holds every job from `first` on; should SQLite give it up by itself (as it may
  // when the disk is full), the jobs it held fail and the rest go on in a new one.
  while (next < batch.size()) {
    const std::size_t first = next;
    try {
      db_->step(kBegin);
    } catch (const StoreError& e) {
      for (std::size_t i = first; i < batch.size(); ++i) fail(i, e.what());
      break;
    }
    bool lost = false;
    for (; next < batch.size() && !lost; ++next) {
      try {
        db_->step(kSavepoint);
        batch[next].apply(*db_);
        db_->step(kRelease);
      } catch (const std::exception& e) {
        fail(next, e.what());
        try {
          if (db_->in_transaction()) {
            db_->step(kRollbackTo);
            db_->step(kRelease);
          }
        } catch (const StoreError&) {
        }
        lost = !db_->in_transaction();
      }
    }
    try {
      if (lost) throw StoreError("the transaction was rolled back: " + last_failure);
      db_->step(kCommit);
      std::lock_guard lock(mutex_);
      ++commits_;
    } catch (const StoreError& e) {
      if (db_->in_transaction()) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      for (std::size_t i = first; i < next; ++i)
        if (outcomes[i]) fail(i, e.what());
    }
  }
  if (failed > 0)
    log_.error("storage: " + std::to_string(failed) + " of " + std::to_string(batch.size()) +
               " writes of a commit failed: " + last_failure);
}

void MatchStore::deliver(std::vector<Job>& batch, const std::vector<StoreOutcome>& outcomes) {
  // Jobs of one executor come in runs (nearly always one run: the network thread's), so each
  // run takes its lane's lock once and the lane is looked up once per run, not per job.
  std::size_t i = 0;
  while (i < batch.size()) {
    const asio::any_io_executor& executor = batch[i].executor;
    auto lane = std::find_if(lanes_.begin(), lanes_.end(), [&](const std::shared_ptr<Lane>& l) {
      return l->executor == executor;
    });
    if (lane == lanes_.end()) {
      lanes_.push_back(std::make_shared<Lane>());
      lanes_.back()->executor = executor;
      lane = lanes_.end() - 1;
    }
    bool schedule = false;
    {
      std::lock_guard lock((*lane)->mutex);
      for (; i < batch.size() && batch[i].executor == (*lane)->executor; ++i)
        (*lane)->pending.emplace_back(std::move(batch[i].complete), outcomes[i]);
      schedule = !(*lane)->scheduled;
      (*lane)->scheduled = true;
    }
    if (schedule) asio::post((*lane)->executor, [lane = *lane] { drain(lane); });
  }
}

void MatchStore::drain(const std::shared_ptr<Lane>& lane) {
  // Enough to make a handler's overhead small, few enough that what waits behind is not held.
  constexpr std::size_t kCompletionsPerHandler = 16;
  std::vector<Lane::Completion> now;
  {
    std::lock_guard lock(lane->mutex);
    // The lane stays scheduled while this runs, so its completions never run two at a time.
    if (lane->pending.empty()) {
      lane->scheduled = false;
      return;
    }
    const std::size_t n = std::min(kCompletionsPerHandler, lane->pending.size());
    now.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      now.push_back(std::move(lane->pending.front()));
      lane->pending.pop_front();
    }
  }
  for (auto& [complete, outcome] : now) complete(outcome);
  asio::post(lane->executor, [lane] { drain(lane); });
}

std::uint64_t MatchStore::last_match_id() {
  std::lock_guard lock(mutex_);  // the store thread is idle before the network starts
  Statement q = db_->statement("SELECT COALESCE(MAX(id), 0) FROM matches");
  q.row();
  return static_cast<std::uint64_t>(q.integer(0));
}

std::vector<pb::ChatMessage> MatchStore::load_chat_at_start(std::uint64_t match, int latest) {
  std::lock_guard lock(mutex_);
  return chat_read(match, latest)(*db_);
}

std::vector<StoredMatch> MatchStore::load_matches() {
  std::lock_guard lock(mutex_);
  std::vector<StoredMatch> out;
  std::map<std::int64_t, std::size_t> index;  // match id -> position in out
  {
    Statement q = db_->statement(
        "SELECT id, settings, password_hash, owner_token_hash, owner_name, created_unix_ms, "
        "status FROM matches ORDER BY id");
    while (q.row()) {
      StoredMatch m;
      m.record.id = static_cast<std::uint64_t>(q.integer(0));
      m.record.settings = parsed<pb::CreateMatch>(q.blob(1), "match");
      m.record.password_hash = q.text(2);
      m.record.owner_token_hash = q.text(3);
      m.record.owner_name = q.text(4);
      m.record.created_unix_ms = q.integer(5);
      m.status = static_cast<pb::MatchStatus>(q.integer(6));
      const auto id = static_cast<std::int64_t>(m.record.id);

      Statement w = db_->statement(kSelectLatestWorld);
      w.bind(1, id);
      if (!w.row()) {
        log_.warn("storage: match " + std::to_string(m.record.id) + " has no world; skipped");
        continue;
      }
      m.world = parsed<pb::World>(w.blob(0), "world");

      Statement s =
          db_->statement("SELECT state, token_hash, player_name FROM seats WHERE match_id = ?");
      s.bind(1, id);
      while (s.row()) m.seats.push_back({s.text(0), s.text(1), s.text(2)});
      index[id] = out.size();
      out.push_back(std::move(m));
    }
  }
  // The order log in the order it was written: the latest orders and the latest readiness of
  // each seat for the turn its match collects.
  Statement o =
      db_->statement("SELECT match_id, turn, state, orders, ready FROM order_log ORDER BY seq");
  while (o.row()) {
    const auto it = index.find(o.integer(0));
    if (it == index.end()) continue;
    StoredMatch& m = out[it->second];
    if (o.integer(1) != m.world.turn() + 1) continue;
    const std::string state = o.text(2);
    auto pending = std::find_if(m.pending.begin(), m.pending.end(),
                                [&](const StoredOrders& p) { return p.state == state; });
    if (pending == m.pending.end()) pending = m.pending.insert(m.pending.end(), {state, {}, false});
    if (!o.is_null(3)) pending->orders = parsed<pb::OrderSet>(o.blob(3), "order set");
    pending->ready = o.integer(4) != 0;
  }
  return out;
}

void MatchStore::migrate_orders_table(sqlite3* db) {
  // Databases written before the order log kept one row per (match, turn, state) in `orders`.
  sqlite3_stmt* probe = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'orders'",
                     -1, &probe, nullptr);
  const bool old_table = probe && sqlite3_step(probe) == SQLITE_ROW;
  sqlite3_finalize(probe);
  if (!old_table) return;
  exec(db,
       "BEGIN IMMEDIATE;"
       "INSERT INTO order_log (match_id, turn, state, orders, ready) "
       "  SELECT match_id, turn, state, orders, ready FROM orders ORDER BY match_id, turn, state;"
       "DROP TABLE orders;"
       "COMMIT;");
  log_.info("storage: the orders table was moved into the order log");
}

std::function<void(StoreDb&)> MatchStore::match_write(const MatchRecord& r,
                                                      const pb::World& start) {
  return [r, settings = serialized(r.settings), world = serialized(start)](StoreDb& db) {
    db.statement(kInsertMatch)
        .bind(1, static_cast<std::int64_t>(r.id))
        .bind_blob(2, settings)
        .bind(3, r.password_hash)
        .bind(4, r.owner_token_hash)
        .bind(5, r.owner_name)
        .bind(6, r.created_unix_ms)
        .bind(7, static_cast<std::int64_t>(pb::MATCH_WAITING))
        .run();
    db.statement(kInsertWorld)
        .bind(1, static_cast<std::int64_t>(r.id))
        .bind(2, 0)
        .bind_blob(3, world)
        .run();
  };
}

std::function<void(StoreDb&)> MatchStore::seat_write(std::uint64_t match, const SeatRecord& seat) {
  return [match, seat](StoreDb& db) {
    db.statement(kInsertSeat)
        .bind(1, static_cast<std::int64_t>(match))
        .bind(2, seat.state)
        .bind(3, seat.token_hash)
        .bind(4, seat.player_name)
        .run();
  };
}

std::function<void(StoreDb&)> MatchStore::orders_write(std::uint64_t match, int turn,
                                                       const std::string& state,
                                                       const pb::OrderSet* orders, bool ready) {
  std::optional<std::string> blob;
  if (orders) blob = serialized(*orders);
  return [match, turn, state, blob = std::move(blob), ready](StoreDb& db) {
    Statement q = db.statement(kAppendOrders);
    q.bind(1, static_cast<std::int64_t>(match)).bind(2, turn).bind(3, state).bind(5, ready ? 1 : 0);
    if (blob)
      q.bind_blob(4, *blob);
    else
      q.bind_null(4);
    q.run();
  };
}

std::function<void(StoreDb&)> MatchStore::turn_write(StoredTurn turn) {
  return [turn = std::move(turn)](StoreDb& db) {
    const auto match = static_cast<std::int64_t>(turn.match);
    db.statement(kInsertWorld).bind(1, match).bind(2, turn.turn).bind_blob(3, turn.world).run();
    for (const auto& [state, report] : turn.reports)
      db.statement(kInsertReport)
          .bind(1, match)
          .bind(2, turn.turn)
          .bind(3, state)
          .bind_blob(4, report)
          .run();
    if (turn.finished)
      db.statement(kUpdateStatus)
          .bind(1, static_cast<std::int64_t>(pb::MATCH_FINISHED))
          .bind(2, match)
          .run();
  };
}

std::function<void(StoreDb&)> MatchStore::status_write(std::uint64_t match,
                                                       pb::MatchStatus status) {
  return [match, status](StoreDb& db) {
    db.statement(kUpdateStatus)
        .bind(1, static_cast<std::int64_t>(status))
        .bind(2, static_cast<std::int64_t>(match))
        .run();
  };
}

std::function<std::vector<pb::TurnReport>(StoreDb&)> MatchStore::reports_read(
    std::uint64_t match, const std::string& state, int after_turn) {
  return [match, state, after_turn](StoreDb& db) {
    std::vector<pb::TurnReport> out;
    Statement q = db.statement(kSelectReports);
    q.bind(1, static_cast<std::int64_t>(match)).bind(2, state).bind(3, after_turn);
    while (q.row()) out.push_back(parsed<pb::TurnReport>(q.blob(0), "report"));
    return out;
  };
}

std::function<pb::World(StoreDb&)> MatchStore::world_read(std::uint64_t match) {
  return [match](StoreDb& db) {
    Statement q = db.statement(kSelectLatestWorld);
    q.bind(1, static_cast<std::int64_t>(match));
    if (!q.row()) throw StoreError("match " + std::to_string(match) + " has no stored world");
    return parsed<pb::World>(q.blob(0), "world");
  };
}

std::function<void(StoreDb&)> MatchStore::chat_write(std::uint64_t match,
                                                     const pb::ChatMessage& message) {
  return [match, blob = serialized(message)](StoreDb& db) {
    db.statement(kInsertChat).bind(1, static_cast<std::int64_t>(match)).bind_blob(2, blob).run();
  };
}

std::function<std::vector<pb::ChatMessage>(StoreDb&)> MatchStore::chat_read(std::uint64_t match,
                                                                            int latest) {
  return [match, latest](StoreDb& db) {
    std::vector<pb::ChatMessage> out;
    Statement q = db.statement(kSelectChat);
    q.bind(1, static_cast<std::int64_t>(match)).bind(2, static_cast<std::int64_t>(latest));
    while (q.row()) out.push_back(parsed<pb::ChatMessage>(q.blob(0), "chat message"));
    return out;
  };
}

std::function<std::vector<std::string>(StoreDb&)> MatchStore::worlds_read(std::uint64_t match,
                                                                          int from_turn) {
  return [match, from_turn](StoreDb& db) {
    std::vector<std::string> out;
    Statement q = db.statement(kSelectWorldsFrom);
    q.bind(1, static_cast<std::int64_t>(match)).bind(2, static_cast<std::int64_t>(from_turn));
    while (q.row()) out.push_back(q.blob(0));
    return out;
  };
}

std::function<StoredCatchUp(StoreDb&)> MatchStore::catch_up_read(std::uint64_t match,
                                                                 const std::string& state,
                                                                 int after_turn, int worlds_from,
                                                                 int chat) {
  return
      [reports = reports_read(match, state, after_turn), worlds = worlds_read(match, worlds_from),
       messages = chat_read(match, chat)](StoreDb& db) {
        return StoredCatchUp{reports(db), worlds(db), messages(db)};
      };
}

}  // namespace hegemon::server
