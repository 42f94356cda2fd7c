#include "sim/batch_run.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "shared/rng.h"
#include "sim/match_play.h"

namespace hegemon::sim {
namespace {

MatchText play_one(const BatchPlan& plan, int match) {
  World world = *plan.start;
  world.seed = match_seed(plan.seed, match);
  MatchRecorder recorder(match, plan.choice);
  play_match(std::move(world), plan.turns, recorder);
  return recorder.take();
}

}  // namespace

std::uint64_t match_seed(std::uint64_t run_seed, int match) {
  return mix_seed(run_seed, static_cast<std::uint64_t>(match));
}

MatchRange shard_range(int matches, const Shard& shard) {
  const auto block = [&](int i) {
    return static_cast<int>(static_cast<long long>(matches) * i / shard.count);
  };
  return {block(shard.index), block(shard.index + 1)};
}

void run_batch(const BatchPlan& plan, const std::function<void(int, MatchText&&)>& deliver,
               const std::function<void(int)>& progress) {
  const int first = plan.range.first, end = plan.range.end;
  // Finished matches wait for their turn to be written; a worker runs at most this far ahead of
  // the writer, so memory stays bounded however uneven the matches are.
  const int window = 4 * plan.jobs;
  std::mutex mutex;
  std::condition_variable work_cv, done_cv;
  int next = first, written = first;
  bool stop = false;
  std::exception_ptr error;
  std::map<int, MatchText> ready;

  auto worker = [&] {
    for (;;) {
      int match;
      {
        std::unique_lock lock(mutex);
        work_cv.wait(lock, [&] { return stop || next >= end || next < written + window; });
        if (stop || next >= end) return;
        match = next++;
      }
      try {
        MatchText text = play_one(plan, match);
        std::lock_guard lock(mutex);
        ready.emplace(match, std::move(text));
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
  for (int j = 0; j < plan.jobs && j < end - first; ++j) threads.emplace_back(worker);
  try {
    while (written < end) {
      MatchText text;
      {
        std::unique_lock lock(mutex);
        done_cv.wait_for(lock, std::chrono::milliseconds(200),
                         [&] { return error || ready.count(written) > 0; });
        if (error) break;
        const auto it = ready.find(written);
        if (it == ready.end()) {
          lock.unlock();
          progress(written - first);  // keeps the rate and time left moving on long matches
          continue;
        }
        text = std::move(it->second);
        ready.erase(it);
      }
      deliver(written, std::move(text));
      {
        std::lock_guard lock(mutex);
        ++written;
      }
      work_cv.notify_all();
      progress(written - first);
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
