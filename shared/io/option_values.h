// Values of command-line options, read the same way by every executable.
#pragma once

#include <charconv>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hegemon {

/// The whole number `text` given to `option`; throws std::invalid_argument naming both.
template <typename T>
T whole_number_option(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw std::invalid_argument(std::string(option) + " expects a whole number, not \"" +
                                std::string(text) + "\"");
  return value;
}

/// A whole number of at least 1 (a count: matches, threads, turns); throws
/// std::invalid_argument naming the option.
inline int count_option(std::string_view option, std::string_view text) {
  const int n = whole_number_option<int>(option, text);
  if (n < 1) throw std::invalid_argument(std::string(option) + " must be at least 1");
  return n;
}

}  // namespace hegemon
