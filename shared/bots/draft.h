// The orders a bot is putting together this turn, each with the reason it was chosen, and the
// chance a doctrine's temperature gives to options of different values.
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "shared/orders.h"
#include "shared/rng.h"

namespace hegemon {

struct Draft {
  OrderSet orders;
  /// One per order when `explains`, else empty.
  std::vector<std::string> reasons;
  /// Whether the reasons are written. A batch of thousands of matches that logs no decisions
  /// would spend a tenth of its time on sentences nobody reads; the orders are the same either way.
  bool explains = true;
  /// Adds `order`; `why` is called for its reason only when the draft explains.
  template <typename Why>
  void add(Order order, Why&& why) {
    orders.orders.push_back(std::move(order));
    if (explains) reasons.push_back(why());
  }
};

/// True with the chance a doctrine of this temperature takes an option worth `value` against a
/// bar of `threshold` (a logistic curve; at temperature 0, exactly when value > threshold).
bool worth_it(double value, double threshold, double temperature, Rng& rng);

/// Indices of `values` in the order a doctrine would take them: each value perturbed by a Gumbel
/// draw scaled by the temperature, best first (at temperature 0, simply best first). Values at
/// or below `never_taken` (options the caller skips wherever they rank) come last, in index
/// order, without the logarithms of their draw; the draws are made all the same, so the ranking
/// of the others is the same whatever the floor.
std::vector<int> ranked_by_chance(const std::vector<double>& values, double temperature, Rng& rng,
                                  double never_taken = -std::numeric_limits<double>::infinity());

}  // namespace hegemon
