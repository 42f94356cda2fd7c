#include "server/log.h"

#include <chrono>
#include <ctime>

namespace hegemon::server {

namespace {

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "DEBUG";
    case LogLevel::Info: return "INFO ";
    case LogLevel::Warn: return "WARN ";
    case LogLevel::Error: return "ERROR";
  }
  return "INFO ";
}

}  // namespace

void Log::write(LogLevel level, std::string_view text) {
  if (level < min_) return;
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                          now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
  char ms[8];
  std::snprintf(ms, sizeof ms, ".%03dZ", static_cast<int>(millis));
  std::lock_guard lock(mutex_);
  out_ << stamp << ms << ' ' << level_name(level) << ' ' << text << '\n';
  out_.flush();
}

bool parse_log_level(std::string_view text, LogLevel& level) {
  if (text == "debug") level = LogLevel::Debug;
  else if (text == "info") level = LogLevel::Info;
  else if (text == "warn") level = LogLevel::Warn;
  else if (text == "error") level = LogLevel::Error;
  else return false;
  return true;
}

}  // namespace hegemon::server
