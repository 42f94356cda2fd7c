#include "shared/bots/draft.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hegemon {

bool worth_it(double value, double threshold, double temperature, Rng& rng) {
  if (temperature <= 0) return value > threshold;
  const double chance = 1.0 / (1.0 + std::exp(-(value - threshold) / temperature));
  return rng.uniform() < chance;
}

std::vector<int> ranked_by_chance(const std::vector<double>& values, double temperature, Rng& rng,
                                  double never_taken) {
  std::vector<double> key(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const double u = std::max(1e-12, rng.uniform());
    if (values[i] <= never_taken) {
      key[i] = -std::numeric_limits<double>::infinity();
      continue;
    }
    key[i] = values[i] + (temperature > 0 ? -temperature * std::log(-std::log(u)) : 0.0);
  }
  std::vector<int> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] > key[b]; });
  return order;
}

}  // namespace hegemon
