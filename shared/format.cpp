#include "shared/format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hegemon {

// Reports format thousands of numbers a turn; integer arithmetic is an order of magnitude faster
// than printf's floating-point path and gives the same text.
std::string fmt(double value, int decimals) {
  std::string out;
  append_number(out, value, decimals);
  return out;
}

void append_number(std::string& out, double value, int decimals) {
  static constexpr long long kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  const double scaled = value * static_cast<double>(kScale[decimals]);
  if (!(std::fabs(scaled) < 9e15)) {  // huge, infinite or NaN: let printf spell it
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    out.append(buf);
    return;
  }
  // Half away from zero, without a call into the maths library.
  long long units = static_cast<long long>(scaled + (scaled >= 0 ? 0.5 : -0.5));
  char buf[40];
  char* p = buf;
  if (units < 0) {  // a value that rounds to zero prints without a sign
    *p++ = '-';
    units = -units;
  }
  p = std::to_chars(p, buf + sizeof buf, units / kScale[decimals]).ptr;
  if (decimals > 0) {
    *p++ = '.';
    long long frac = units % kScale[decimals];
    for (int d = decimals - 1; d >= 0; --d) {
      p[d] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    p += decimals;
  }
  out.append(buf, static_cast<size_t>(p - buf));
}

}  // namespace hegemon
