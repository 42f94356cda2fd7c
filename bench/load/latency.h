// Latency samples and their percentiles, in milliseconds.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace hegemon::load {

/// Samples in milliseconds; percentiles by the nearest rank.
class Latencies {
 public:
  void add(double ms) { samples_.push_back(ms); }
  std::size_t count() const { return samples_.size(); }
  /// The p-th percentile (0 < p <= 100); 0 when there are no samples.
  double percentile(double p) {
    if (samples_.empty()) return 0;
    std::sort(samples_.begin(), samples_.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(samples_.size()));
    const auto i = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
    return samples_[std::min(i, samples_.size() - 1)];
  }
  double max() { return percentile(100); }

 private:
  std::vector<double> samples_;
};

}  // namespace hegemon::load
