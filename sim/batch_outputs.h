// The files of a batch, opened before anything runs and written in match order.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "shared/world.h"
#include "sim/match_record.h"
#include "sim/sim_options.h"

namespace hegemon::sim {

class BatchOutputs {
 public:
  /// Opens every file the options ask for; throws std::runtime_error naming a file that cannot
  /// be written. With `headers`, writes the CSV header lines and the history's start line.
  BatchOutputs(const SimOptions& options, const World& start, bool headers);
  const OutputChoice& choice() const { return choice_; }
  /// Appends one match's rows to every file.
  void write(const MatchText& text);
  /// Flushes and closes; throws std::runtime_error when a write failed.
  void close();

 private:
  struct File {
    std::string path;
    std::ofstream stream;
  };
  File* open(const std::string& path);
  OutputChoice choice_;
  // One per output, in the order of MatchText's fields; null when not asked for.
  File* matches_ = nullptr;
  File* turns_ = nullptr;
  File* decisions_ = nullptr;
  File* threats_ = nullptr;
  File* treaties_ = nullptr;
  File* history_ = nullptr;
  std::vector<std::unique_ptr<File>> files_;
};

}  // namespace hegemon::sim
