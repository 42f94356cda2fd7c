// A one-line progress bar on standard error for long batches: matches done of the total, the
// rate and the time left.
#pragma once

#include <chrono>
#include <ostream>

namespace hegemon::sim {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, int total);
  /// Redraws the line, at most ten times a second (and always for the last match).
  void update(int done);
  /// Ends the line.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  int total_;
  Clock::time_point started_;
  Clock::time_point drawn_{};
  bool shown_ = false;
};

/// "1h02m", "4m05s", "12s".
std::string duration_text(double seconds);

}  // namespace hegemon::sim
