// Driving an io_context from the measuring thread until a condition holds or time runs out,
// so every step of the benchmark is bounded.
#pragma once

#include <asio.hpp>
#include <chrono>
#include <thread>

namespace hegemon::load {

using Clock = std::chrono::steady_clock;

inline double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

/// Runs `io` until `done()` is true (returns true) or `limit` has passed (returns false).
template <typename Done>
bool run_until(asio::io_context& io, Done done, Clock::duration limit) {
  const auto end = Clock::now() + limit;
  // Keeps run_for waiting for events rather than returning at once when nothing is pending.
  auto work = asio::make_work_guard(io);
  while (!done()) {
    if (Clock::now() >= end) return false;
    io.run_for(std::chrono::milliseconds(2));
    if (io.stopped()) {
      io.restart();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  return true;
}

/// Runs `io` for `span` whatever happens.
inline void run_for(asio::io_context& io, Clock::duration span) {
  const auto end = Clock::now() + span;
  run_until(
      io, [&] { return Clock::now() >= end; }, span + std::chrono::seconds(1));
}

inline Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace hegemon::load
