#include "storage_ceiling.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "io_wait.h"
#include "latency.h"

namespace hegemon::load {
namespace {

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string why = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    throw std::runtime_error(std::string("SQLite: ") + sql + ": " + why);
  }
}

// The sequential case is an order log; the scattered one is the server's own orders table
// (server/match_store.cpp), written as it writes it.
const char* kLogSchema =
    "CREATE TABLE order_log (seq INTEGER PRIMARY KEY, match_id INTEGER NOT NULL, "
    "turn INTEGER NOT NULL, state TEXT NOT NULL, orders BLOB NOT NULL, ready INTEGER NOT NULL)";
const char* kLogInsert =
    "INSERT INTO order_log (seq, match_id, turn, state, orders, ready) VALUES (?1, ?2, ?3, ?4, ?5, "
    "0)";
const char* kOrdersSchema =
    "CREATE TABLE orders (match_id INTEGER NOT NULL, turn INTEGER NOT NULL, state TEXT NOT NULL, "
    "orders BLOB NOT NULL, ready INTEGER NOT NULL, PRIMARY KEY (match_id, turn, state))";
// Numbered parameters, so that both statements take the same bindings; this one has no seq.
const char* kOrdersInsert =
    "INSERT OR REPLACE INTO orders (match_id, turn, state, orders, ready) VALUES "
    "(?2, ?3, ?4, ?5, 0)";

constexpr int kStatesPerMatch = 18;

}  // namespace

StorageFigures measure_storage(const std::filesystem::path& dir, const std::string& row,
                               RowKeys keys, int commit_rows, int matches, double seconds) {
  const bool sequential = keys == RowKeys::Sequential;
  const auto file = dir / (sequential ? "ceiling-sequential.sqlite" : "ceiling-scattered.sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK)
    throw std::runtime_error("cannot open " + file.string() + ": " + sqlite3_errmsg(db));
  exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  exec(db, sequential ? kLogSchema : kOrdersSchema);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sequential ? kLogInsert : kOrdersInsert, -1, &stmt, nullptr) !=
      SQLITE_OK)
    throw std::runtime_error(std::string("cannot prepare: ") + sqlite3_errmsg(db));
  std::vector<std::string> states;
  for (int s = 0; s < kStatesPerMatch; ++s) states.push_back("S" + std::to_string(100 + s));

  StorageFigures f;
  long long commits = 0;
  const auto start = Clock::now();
  const auto end = start + load::seconds(seconds);
  long long i = 0;
  while (Clock::now() < end) {
    exec(db, "BEGIN IMMEDIATE");
    for (int k = 0; k < commit_rows; ++k, ++i) {
      // Row i of the scattered case: match i % matches, then each match's states turn by turn.
      const long long m = sequential ? i / (kStatesPerMatch * 40) : i % matches;
      const long long per_match = sequential ? i % (kStatesPerMatch * 40) : i / matches;
      const long long turn = per_match / kStatesPerMatch + 1;
      const std::string& state = states[static_cast<std::size_t>(per_match % kStatesPerMatch)];
      sqlite3_bind_int64(stmt, 1, i + 1);
      sqlite3_bind_int64(stmt, 2, m + 1);
      sqlite3_bind_int64(stmt, 3, turn);
      sqlite3_bind_text(stmt, 4, state.data(), static_cast<int>(state.size()), SQLITE_STATIC);
      sqlite3_bind_blob(stmt, 5, row.data(), static_cast<int>(row.size()), SQLITE_STATIC);
      if (sqlite3_step(stmt) != SQLITE_DONE)
        throw std::runtime_error(std::string("insert failed: ") + sqlite3_errmsg(db));
      sqlite3_reset(stmt);
    }
    exec(db, "COMMIT");
    ++commits;
  }
  const double elapsed_s = ms_between(start, Clock::now()) / 1000.0;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  f.rows = i;
  f.rows_per_second = static_cast<double>(i) / elapsed_s;
  f.commits_per_second = static_cast<double>(commits) / elapsed_s;
  return f;
}

void measure_fdatasync(const std::filesystem::path& dir, int samples, double seconds,
                       Latencies& latencies) {
  const auto file = dir / "fdatasync.bin";
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(errno));
  const std::string page(4096, 'x');
  const auto end = Clock::now() + load::seconds(seconds);
  for (int i = 0; i < samples && Clock::now() < end; ++i) {
    if (::write(fd, page.data(), page.size()) != static_cast<ssize_t>(page.size())) break;
    const auto before = Clock::now();
    if (::fdatasync(fd) != 0) break;
    latencies.add(ms_between(before, Clock::now()));
  }
  ::close(fd);
  std::filesystem::remove(file);
}

}  // namespace hegemon::load
