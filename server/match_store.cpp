#include "server/match_store.h"

#include <sqlite3.h>

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
CREATE TABLE IF NOT EXISTS orders (
  match_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  state TEXT NOT NULL,
  orders BLOB NOT NULL,
  ready INTEGER NOT NULL,
  PRIMARY KEY (match_id, turn, state)
);
CREATE TABLE IF NOT EXISTS reports (
  match_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  state TEXT NOT NULL,
  report BLOB NOT NULL,
  PRIMARY KEY (match_id, turn, state)
);
)sql";

/// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("cannot prepare a statement: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(stmt_, i, v));
    return *this;
  }
  Statement& bind(int i, const std::string& v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind_blob(int i, const std::string& v) {
    check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
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
  sqlite3_stmt* stmt_ = nullptr;
};

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

}  // namespace

MatchStore::MatchStore(const std::filesystem::path& file, Log& log, std::int64_t max_pages)
    : log_(log) {
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw StoreError("cannot open the database " + file.string() + ": " + why);
  }
  try {
    // WAL with synchronous=FULL: a commit is on disk when it returns, and readers never block
    // the writer.
    exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    exec(db_, kSchema);
    if (max_pages > 0)
      exec(db_, ("PRAGMA max_page_count=" + std::to_string(max_pages) + ";").c_str());
  } catch (const StoreError& e) {
    sqlite3_close(db_);
    throw StoreError("cannot prepare the database " + file.string() + ": " + e.what());
  }
  thread_ = std::thread([this] { run(); });
}

MatchStore::~MatchStore() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  sqlite3_close(db_);
}

std::uint64_t MatchStore::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void MatchStore::enqueue(std::function<void(sqlite3*)> apply, Done done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(apply), std::move(done)});
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

void MatchStore::run() {
  for (;;) {
    std::vector<Write> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock,
                 [this] { return stopping_ || !queue_.empty() || read_only_request_ >= 0; });
      if (read_only_request_ >= 0) {
        const std::string pragma =
            "PRAGMA query_only=" + std::to_string(read_only_request_) + ";";
        read_only_request_ = -1;
        try {
          exec(db_, pragma.c_str());
          log_.warn(pragma.find("=1") != std::string::npos
                        ? "storage: read-only; every write will be refused"
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

void MatchStore::commit_batch(std::vector<Write>& batch) {
  std::string failure;
  try {
    exec(db_, "BEGIN IMMEDIATE");
    try {
      for (auto& w : batch) w.apply(db_);
      exec(db_, "COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    std::lock_guard lock(mutex_);
    ++commits_;
  } catch (const std::exception& e) {
    failure = e.what();
    log_.error("storage: a commit of " + std::to_string(batch.size()) +
               " writes failed: " + failure);
  }
  for (auto& w : batch)
    if (w.done) w.done(failure.empty(), failure);
}

std::uint64_t MatchStore::last_match_id() {
  std::lock_guard lock(mutex_);  // the store thread is idle before the network starts
  Statement q(db_, "SELECT COALESCE(MAX(id), 0) FROM matches");
  q.row();
  return static_cast<std::uint64_t>(q.integer(0));
}

std::vector<StoredMatch> MatchStore::load_matches() {
  std::lock_guard lock(mutex_);
  std::vector<StoredMatch> out;
  Statement q(db_,
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

    Statement w(db_, "SELECT world FROM worlds WHERE match_id = ? ORDER BY turn DESC LIMIT 1");
    w.bind(1, id);
    if (!w.row()) {
      log_.warn("storage: match " + std::to_string(m.record.id) + " has no world; skipped");
      continue;
    }
    m.world = parsed<pb::World>(w.blob(0), "world");

    Statement s(db_, "SELECT state, token_hash, player_name FROM seats WHERE match_id = ?");
    s.bind(1, id);
    while (s.row()) m.seats.push_back({s.text(0), s.text(1), s.text(2)});

    Statement o(db_, "SELECT state, orders, ready FROM orders WHERE match_id = ? AND turn = ?");
    o.bind(1, id).bind(2, static_cast<std::int64_t>(m.world.turn() + 1));
    while (o.row())
      m.pending.push_back({o.text(0), parsed<pb::OrderSet>(o.blob(1), "order set"),
                           o.integer(2) != 0});

    Statement r(db_, "SELECT turn, state, report FROM reports WHERE match_id = ? ORDER BY turn");
    r.bind(1, id);
    while (r.row())
      m.reports.push_back({static_cast<int>(r.integer(0)), r.text(1),
                           parsed<pb::TurnReport>(r.blob(2), "report")});
    out.push_back(std::move(m));
  }
  return out;
}

void MatchStore::save_match(const MatchRecord& r, const pb::World& start, Done done) {
  const std::string settings = serialized(r.settings), world = serialized(start);
  enqueue(
      [r, settings, world](sqlite3* db) {
        Statement q(db,
                    "INSERT INTO matches (id, settings, password_hash, owner_token_hash, "
                    "owner_name, created_unix_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, static_cast<std::int64_t>(r.id))
            .bind_blob(2, settings)
            .bind(3, r.password_hash)
            .bind(4, r.owner_token_hash)
            .bind(5, r.owner_name)
            .bind(6, r.created_unix_ms)
            .bind(7, static_cast<std::int64_t>(pb::MATCH_WAITING));
        q.run();
        Statement w(db, "INSERT INTO worlds (match_id, turn, world) VALUES (?, 0, ?)");
        w.bind(1, static_cast<std::int64_t>(r.id)).bind_blob(2, world);
        w.run();
      },
      std::move(done));
}

void MatchStore::save_seat(std::uint64_t match, const SeatRecord& seat, Done done) {
  enqueue(
      [match, seat](sqlite3* db) {
        Statement q(db,
                    "INSERT OR REPLACE INTO seats (match_id, state, token_hash, player_name) "
                    "VALUES (?, ?, ?, ?)");
        q.bind(1, static_cast<std::int64_t>(match))
            .bind(2, seat.state)
            .bind(3, seat.token_hash)
            .bind(4, seat.player_name);
        q.run();
      },
      std::move(done));
}

void MatchStore::save_orders(std::uint64_t match, int turn, const StoredOrders& orders,
                             Done done) {
  const std::string blob = serialized(orders.orders);
  const std::string state = orders.state;
  const bool ready = orders.ready;
  enqueue(
      [match, turn, state, blob, ready](sqlite3* db) {
        Statement q(db,
                    "INSERT OR REPLACE INTO orders (match_id, turn, state, orders, ready) "
                    "VALUES (?, ?, ?, ?, ?)");
        q.bind(1, static_cast<std::int64_t>(match))
            .bind(2, turn)
            .bind(3, state)
            .bind_blob(4, blob)
            .bind(5, ready ? 1 : 0);
        q.run();
      },
      std::move(done));
}

void MatchStore::save_turn(std::uint64_t match, const pb::World& world,
                           const std::vector<std::pair<std::string, pb::TurnReport>>& reports,
                           Done done) {
  const int turn = world.turn();
  const std::string blob = serialized(world);
  std::vector<std::pair<std::string, std::string>> report_blobs;
  for (const auto& [state, report] : reports) report_blobs.emplace_back(state, serialized(report));
  const bool finished = world.ended();
  enqueue(
      [match, turn, blob, report_blobs, finished](sqlite3* db) {
        Statement w(db, "INSERT OR REPLACE INTO worlds (match_id, turn, world) VALUES (?, ?, ?)");
        w.bind(1, static_cast<std::int64_t>(match)).bind(2, turn).bind_blob(3, blob);
        w.run();
        for (const auto& [state, report] : report_blobs) {
          Statement r(db,
                      "INSERT OR REPLACE INTO reports (match_id, turn, state, report) "
                      "VALUES (?, ?, ?, ?)");
          r.bind(1, static_cast<std::int64_t>(match)).bind(2, turn).bind(3, state).bind_blob(4, report);
          r.run();
        }
        if (finished) {
          Statement s(db, "UPDATE matches SET status = ? WHERE id = ?");
          s.bind(1, static_cast<std::int64_t>(pb::MATCH_FINISHED))
              .bind(2, static_cast<std::int64_t>(match));
          s.run();
        }
      },
      std::move(done));
}

void MatchStore::save_status(std::uint64_t match, pb::MatchStatus status, Done done) {
  enqueue(
      [match, status](sqlite3* db) {
        Statement s(db, "UPDATE matches SET status = ? WHERE id = ?");
        s.bind(1, static_cast<std::int64_t>(status)).bind(2, static_cast<std::int64_t>(match));
        s.run();
      },
      std::move(done));
}

}  // namespace hegemon::server
