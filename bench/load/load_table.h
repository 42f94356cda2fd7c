// The benchmark's one table: each figure with the target it is judged against beside it.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace hegemon::load {

struct TableRow {
  std::string measure;
  std::string figure;
  std::string target;  // empty: a ceiling or a context figure, not judged
};

/// Prints the rows as a Markdown table, so that it can go into docs/PERFORMANCE.md as it is.
void print_table(std::ostream& out, const std::vector<TableRow>& rows);

/// 12345.6 -> "12 346"; digits grouped by thin spaces as the docs write them.
std::string grouped(double value);
/// A number with `decimals` decimals.
std::string fixed(double value, int decimals);
/// Bytes as "17.9 KiB" and "43.8 MiB"; milliseconds as "4.64 ms"; a ratio as "51.4 %".
std::string kib(double bytes);
std::string mib(double bytes);
std::string ms(double milliseconds);
std::string percent(double ratio);
/// Refusals by error code: "3 NOT_ALLOWED, 1 WRONG_TURN", or "none".
std::string refusals_text(const std::map<std::string, long long>& refusals);

}  // namespace hegemon::load
