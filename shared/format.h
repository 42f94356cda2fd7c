// Text for report sentences: numbers with fixed decimals independent of the locale, and
// sentences assembled in one allocation (a turn writes thousands of them).
#pragma once

#include <string>
#include <string_view>

namespace hegemon {

/// `value` with `decimals` digits after the point ("12.5").
std::string fmt(double value, int decimals = 1);
/// Appends `value` with `decimals` digits after the point to `out`.
void append_number(std::string& out, double value, int decimals);

/// Concatenates its parts (strings, string views, literals) with a single allocation.
template <typename... Parts>
std::string cat(const Parts&... parts) {
  const std::string_view views[] = {std::string_view(parts)...};
  size_t size = 0;
  for (auto v : views) size += v.size();
  std::string out;
  out.reserve(size);
  for (auto v : views) out.append(v);
  return out;
}

}  // namespace hegemon
