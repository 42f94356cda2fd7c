// One line of a CSV table, appended field by field to a text: numbers with fixed decimals
// whatever the locale, texts quoted only when they must be (RFC 4180).
#pragma once

#include <string>
#include <string_view>

#include "shared/format.h"

namespace hegemon::sim {

class CsvRow {
 public:
  explicit CsvRow(std::string& out) : out_(out) {}
  ~CsvRow() { out_.push_back('\n'); }
  CsvRow(const CsvRow&) = delete;
  CsvRow& operator=(const CsvRow&) = delete;

  CsvRow& text(std::string_view value) {
    separate();
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
      out_.append(value);
      return *this;
    }
    out_.push_back('"');
    for (char c : value) {
      if (c == '"') out_.push_back('"');
      out_.push_back(c);
    }
    out_.push_back('"');
    return *this;
  }
  CsvRow& number(double value, int decimals) {
    separate();
    append_number(out_, value, decimals);
    return *this;
  }
  CsvRow& whole(long long value) {
    separate();
    out_.append(std::to_string(value));
    return *this;
  }
  CsvRow& flag(bool value) { return text(value ? "1" : "0"); }
  CsvRow& empty() { return text({}); }

 private:
  void separate() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace hegemon::sim
