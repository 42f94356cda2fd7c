#include "validate/statistics.h"

#include <algorithm>
#include <cmath>

namespace hegemon::validate {

void Regression::add(double x, double y) {
  ++n;
  sx += x;
  sy += y;
  sxx += x * x;
  sxy += x * y;
  syy += y * y;
}

void Regression::merge(const Regression& o) {
  n += o.n;
  sx += o.sx;
  sy += o.sy;
  sxx += o.sxx;
  sxy += o.sxy;
  syy += o.syy;
}

double Regression::slope() const {
  if (n < 2) return 0;
  const double count = static_cast<double>(n);
  const double vx = sxx - sx * sx / count;
  return vx > 0 ? (sxy - sx * sy / count) / vx : 0;
}

double Regression::correlation() const {
  if (n < 2) return 0;
  const double count = static_cast<double>(n);
  const double vx = sxx - sx * sx / count, vy = syy - sy * sy / count;
  return vx > 0 && vy > 0 ? (sxy - sx * sy / count) / std::sqrt(vx * vy) : 0;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(at));
  const size_t above = std::min(below + 1, values.size() - 1);
  const double frac = at - static_cast<double>(below);
  return values[below] + frac * (values[above] - values[below]);
}

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

}  // namespace hegemon::validate
