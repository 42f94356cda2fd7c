// hegemon-sim: a scenario played headless by bots, one match printed turn by turn or a batch of
// matches written as tables for analysis.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>
#include <numeric>

#include "shared/format.h"
#include "shared/io/command_main.h"
#include "shared/io/scenario_files.h"
#include "sim/batch_outputs.h"
#include "sim/batch_run.h"
#include "sim/history_writer.h"
#include "sim/match_play.h"
#include "sim/match_record.h"
#include "sim/progress_bar.h"
#include "sim/sim_options.h"
#include "sim/start_world.h"
#include "sim/turn_table.h"

namespace hegemon::sim {
namespace {

/// One match on the terminal and in the single-match history (--json, --csv), and its rows in
/// the batch tables.
class SingleMatch : public MatchObserver {
 public:
  SingleMatch(const SimOptions& o, int match, const OutputChoice& choice)
      : o_(o), match_(match), history_(o.json_path, o.csv_path), recorder_(match, choice) {}
  void start(const World& w) override {
    history_.record(w, nullptr);
    recorder_.start(w);
    if (o_.quiet) return;
    std::cout << w.scenario.title << " — " << w.size() << " states, " << w.scenario.turns
              << (w.scenario.quarterly ? " quarters" : " years") << ", seed " << o_.seed;
    if (match_ > 0) std::cout << ", match " << match_;
    std::cout << "\n";
    print_turn_table(std::cout, w);
  }
  void turn(const TurnPlay& play) override {
    history_.record(play.result.world, &play.result.journal);
    recorder_.turn(play);
    if (o_.quiet) return;
    print_turn_table(std::cout, play.result.world);
    print_news(std::cout, play.result.world, play.result.journal);
  }
  void end(const World& w) override { recorder_.end(w); }
  bool reads_reasons() const override { return recorder_.reads_reasons(); }
  const HistoryWriter& history() const { return history_; }
  MatchText take() { return recorder_.take(); }

 private:
  const SimOptions& o_;
  int match_;
  HistoryWriter history_;
  MatchRecorder recorder_;
};

int run_single(const SimOptions& o, const World& start, int turns) {
  const int match = o.only_match.value_or(0);
  BatchOutputs outputs(o, start, true);
  SingleMatch single(o, match, outputs.choice());
  World world = start;
  world.seed = match_seed(o.seed, match);
  const World last = play_match(std::move(world), turns, single);
  print_standings(std::cout, last);
  single.history().write();
  outputs.write(single.take());
  outputs.close();
  return 0;
}

void print_wins(std::ostream& out, const World& start, const std::vector<int>& wins, int played) {
  std::vector<int> order(start.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return wins[a] > wins[b]; });
  out << "Wins per state (a tie gives each tied state a win):\n";
  for (int s : order) {
    if (wins[s] == 0) continue;
    out << "  " << start.states[s].id << " " << wins[s] << " ("
        << fmt(100.0 * wins[s] / played, 1) << " %)\n";
  }
}

int run_batch_mode(const SimOptions& o, const World& start, int turns) {
  BatchPlan plan;
  plan.start = &start;
  plan.seed = o.seed;
  plan.turns = turns;
  plan.range = shard_range(o.matches, o.shard);
  plan.jobs = o.jobs;
  // Shards after the first leave out the header lines, so that the shards' files concatenated in
  // order are the whole run's.
  BatchOutputs outputs(o, start, o.shard.index == 0);
  plan.choice = outputs.choice();
  const int played = plan.range.end - plan.range.first;
  const bool show_progress = o.progress.value_or(isatty(STDERR_FILENO) == 1);
  ProgressBar bar(std::cerr, played);
  std::vector<int> wins(start.size(), 0);
  const auto began = std::chrono::steady_clock::now();
  run_batch(
      plan,
      [&](int, MatchText&& text) {
        outputs.write(text);
        for (StateIndex s : text.winners) ++wins[s];
      },
      [&](int done) {
        if (show_progress) bar.update(done);
      });
  if (show_progress) bar.finish();
  outputs.close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  if (o.quiet) return 0;
  std::cout << played << " matches of " << start.scenario.name << " (matches "
            << plan.range.first << " to " << plan.range.end - 1 << " of " << o.matches << "), "
            << turns << " turns at most, seed " << o.seed << "\n";
  print_wins(std::cout, start, wins, played);
  std::cerr << "played in " << fmt(seconds, 2) << " s with " << o.jobs << " jobs: "
            << fmt(seconds > 0 ? played * 60.0 / seconds : 0, 0) << " matches a minute\n";
  return 0;
}

int run(const SimOptions& o) {
  const std::string assets = o.assets_dir.empty() ? HEGEMON_ASSETS_DIR : o.assets_dir;
  if (o.list) {
    for (const auto& name : list_scenarios(assets)) std::cout << name << "\n";
    return 0;
  }
  const World start = start_world(o, assets);
  const int turns = o.turns.value_or(start.scenario.turns);
  return o.single_match() ? run_single(o, start, turns) : run_batch_mode(o, start, turns);
}

}  // namespace
}  // namespace hegemon::sim

int main(int argc, char** argv) {
  using namespace hegemon::sim;
  return hegemon::command_main("hegemon-sim", argc, argv, parse_sim_options, sim_usage(),
                               [](const auto& options) { return run(options); });
}
