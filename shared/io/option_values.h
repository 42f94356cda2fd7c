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

}  // namespace hegemon
