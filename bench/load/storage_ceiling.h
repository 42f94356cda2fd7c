// The storage ceilings: what one thread can make durable in SQLite as the server stores orders
// (WAL, synchronous=FULL, one prepared statement, group commits), and the disk's own
// fdatasync latency, both in the folder the server's database lives in.
#pragma once

#include <filesystem>
#include <string>

#include "latency.h"

namespace hegemon::load {

/// How the rows' keys fall in the B-tree.
enum class RowKeys {
  Sequential,  // an append-only log: each row's key follows the last one
  Scattered,   // the server's orders table today: (match, turn, state), matches interleaved
};

struct StorageFigures {
  long long rows = 0;
  double rows_per_second = 0;
  double commits_per_second = 0;
};

/// Appends rows holding `row` (a serialized order set) to a fresh SQLite file in `dir`, in
/// commits of `commit_rows`, for `seconds`. Scattered keys interleave `matches` matches of 18
/// states each, turn after turn, as matches submitting together do.
StorageFigures measure_storage(const std::filesystem::path& dir, const std::string& row,
                               RowKeys keys, int commit_rows, int matches, double seconds);

/// Appends 4 KiB to a file in `dir` and times the fdatasync after it, into `latencies`,
/// `samples` times or until `seconds` have passed.
void measure_fdatasync(const std::filesystem::path& dir, int samples, double seconds,
                       Latencies& latencies);

}  // namespace hegemon::load
