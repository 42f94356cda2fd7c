// The server's log: one line per event, with a UTC timestamp and a level. Passed by reference to
// whatever logs; never a global.
#pragma once

#include <mutex>
#include <ostream>
#include <string_view>

namespace hegemon::server {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 };

class Log {
 public:
  explicit Log(std::ostream& out, LogLevel min_level = LogLevel::Info)
      : out_(out), min_(min_level) {}
  Log(const Log&) = delete;
  Log& operator=(const Log&) = delete;

  void write(LogLevel level, std::string_view text);
  void debug(std::string_view text) { write(LogLevel::Debug, text); }
  void info(std::string_view text) { write(LogLevel::Info, text); }
  void warn(std::string_view text) { write(LogLevel::Warn, text); }
  void error(std::string_view text) { write(LogLevel::Error, text); }

 private:
  std::ostream& out_;
  LogLevel min_;
  std::mutex mutex_;  // the storage thread logs too
};

/// Parses "debug", "info", "warn" or "error".
bool parse_log_level(std::string_view text, LogLevel& level);

}  // namespace hegemon::server
