#include "load_table.h"

#include <cmath>
#include <cstdio>

namespace hegemon::load {

std::string grouped(double value) {
  const long long n = std::llround(value);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string kib(double bytes) { return fixed(bytes / 1024.0, 1) + " KiB"; }
std::string mib(double bytes) { return fixed(bytes / (1 << 20), 1) + " MiB"; }
std::string ms(double milliseconds) {
  return fixed(milliseconds, milliseconds < 10 ? 2 : 1) + " ms";
}
std::string percent(double ratio) { return fixed(100 * ratio, 1) + " %"; }

std::string refusals_text(const std::map<std::string, long long>& refusals) {
  std::string out;
  for (const auto& [code, n] : refusals)
    out += (out.empty() ? "" : ", ") + grouped(static_cast<double>(n)) + " " + code;
  return out.empty() ? "none" : out;
}

void print_table(std::ostream& out, const std::vector<TableRow>& rows) {
  out << "| measure | figure | target (issue 8, item 9) |\n|---|---:|---|\n";
  for (const auto& r : rows)
    out << "| " << r.measure << " | " << r.figure << " | " << r.target << " |\n";
}

}  // namespace hegemon::load
