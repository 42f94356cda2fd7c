#include "sim/progress_bar.h"

#include <cstdio>
#include <string>

#include "shared/format.h"

namespace hegemon::sim {

ProgressBar::ProgressBar(std::ostream& out, int total)
    : out_(out), total_(total), started_(Clock::now()) {}

std::string duration_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

void ProgressBar::update(int done) {
  const auto now = Clock::now();
  if (done < total_ && shown_ && now - drawn_ < std::chrono::milliseconds(100)) return;
  drawn_ = now;
  shown_ = true;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double per_second = elapsed > 0 ? done / elapsed : 0;
  constexpr int kWidth = 30;
  const int filled =
      total_ > 0 ? static_cast<int>(static_cast<long long>(done) * kWidth / total_) : kWidth;
  std::string line = "\r[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] " +
                     std::to_string(done) + "/" + std::to_string(total_) + " matches  " +
                     fmt(per_second * 60, 0) + "/min  ";
  if (done >= total_) line += "done in " + duration_text(elapsed);
  else if (per_second > 0) line += "ETA " + duration_text((total_ - done) / per_second);
  out_ << line << "   " << std::flush;
}

void ProgressBar::finish() {
  if (shown_) out_ << "\n" << std::flush;
}

}  // namespace hegemon::sim
