// The few statistics the validation tables need, summed in a fixed order so that a run gives the
// same figures whatever the number of threads.
#pragma once

#include <vector>

namespace hegemon::validate {

/// Least-squares line of y on x and the correlation, from running sums.
struct Regression {
  long long n = 0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;

  void add(double x, double y);
  void merge(const Regression& other);
  /// dy/dx of the fitted line; 0 when x never varies.
  double slope() const;
  /// Pearson's r; 0 when x or y never varies.
  double correlation() const;
};

/// A running mean.
struct Mean {
  long long n = 0;
  double sum = 0;

  void add(double value) {
    ++n;
    sum += value;
  }
  void merge(const Mean& other) {
    n += other.n;
    sum += other.sum;
  }
  double value() const { return n > 0 ? sum / static_cast<double>(n) : 0; }
};

/// The q-quantile (0..1) of `values`, interpolating between order statistics (R's type 7);
/// 0 for no values.
double quantile(std::vector<double> values, double q);
/// The arithmetic mean; 0 for no values.
double mean_of(const std::vector<double>& values);

}  // namespace hegemon::validate
