// The history of a simulated match, kept turn by turn and written as JSON or CSV.
#pragma once

#include <string>

#include "protocol/history.pb.h"
#include "shared/journal.h"
#include "shared/world.h"

namespace hegemon::sim {

class HistoryWriter {
 public:
  HistoryWriter(std::string json_path, std::string csv_path);
  /// Records the world after a turn (or the start, with an empty journal).
  void record(const World& world, const Journal* journal);
  /// Writes the files asked for; throws std::runtime_error naming a file that cannot be written.
  void write() const;

 private:
  std::string json_path_;
  std::string csv_path_;
  pb::MatchHistory history_;
  std::string csv_;
};

}  // namespace hegemon::sim
