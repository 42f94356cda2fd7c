// Matches [first, end) played on J threads and handed over in match order whatever the threads'
// timing: the machinery under a batch (sim/batch_run.h) and the validation experiments, which
// differ only in what a match yields.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace hegemon::sim {

/// Calls `play(match)` for every match in [first, end) on up to `jobs` threads, and
/// `deliver(match, result)` on the calling thread for each match in increasing order, then
/// `progress(done)`. Whatever `deliver` does in order (sums, writes) is therefore the same for any
/// number of threads. The first error of any match stops the run and is rethrown here.
template <typename Result>
void run_in_order(int first, int end, int jobs, const std::function<Result(int)>& play,
                  const std::function<void(int, Result&&)>& deliver,
                  const std::function<void(int)>& progress) {
  // Finished matches wait for their turn to be delivered; a worker runs at most this far ahead of
  // the caller, so memory stays bounded however uneven the matches are.
  const int window = 4 * jobs;
  std::mutex mutex;
  std::condition_variable work_cv, done_cv;
  int next = first, delivered = first;
  bool stop = false;
  std::exception_ptr error;
  std::map<int, Result> ready;

  auto worker = [&] {
    for (;;) {
      int match;
      {
        std::unique_lock lock(mutex);
        work_cv.wait(lock, [&] { return stop || next >= end || next < delivered + window; });
        if (stop || next >= end) return;
        match = next++;
      }
      try {
        Result result = play(match);
        std::lock_guard lock(mutex);
        ready.emplace(match, std::move(result));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        stop = true;
        work_cv.notify_all();
      }
      done_cv.notify_one();
    }
  };

  std::vector<std::thread> threads;
  for (int j = 0; j < jobs && j < end - first; ++j) threads.emplace_back(worker);
  try {
    while (delivered < end) {
      Result result;
      {
        std::unique_lock lock(mutex);
        done_cv.wait_for(lock, std::chrono::milliseconds(200),
                         [&] { return error || ready.count(delivered) > 0; });
        if (error) break;
        const auto it = ready.find(delivered);
        if (it == ready.end()) {
          lock.unlock();
          progress(delivered - first);  // keeps the rate and time left moving on long matches
          continue;
        }
        result = std::move(it->second);
        ready.erase(it);
      }
      deliver(delivered, std::move(result));
      {
        std::lock_guard lock(mutex);
        ++delivered;
      }
      work_cv.notify_all();
      progress(delivered - first);
    }
  } catch (...) {
    std::lock_guard lock(mutex);
    if (!error) error = std::current_exception();
    stop = true;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  work_cv.notify_all();
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace hegemon::sim
