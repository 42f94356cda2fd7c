// A batch of matches: the same seed gives the same bytes whatever the number of threads, the
// shards of a run concatenated are the whole run, and the tables say what happened.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "sim/batch_run.h"
#include "sim/start_world.h"
#include "sim/tables.h"

namespace hegemon::sim {
namespace {

namespace fs = std::filesystem;

constexpr OutputChoice kEverything{true, true, true, true, true, true};

void append(MatchText& all, const MatchText& t) {
  all.matches += t.matches;
  all.turns += t.turns;
  all.decisions += t.decisions;
  all.threats += t.threats;
  all.treaties += t.treaties;
  all.history += t.history;
}

/// Every output of matches [first, end) of a run, concatenated in match order.
MatchText play(const World& start, MatchRange range, int jobs, int turns = 6) {
  BatchPlan plan;
  plan.start = &start;
  plan.seed = 42;
  plan.turns = turns;
  plan.range = range;
  plan.jobs = jobs;
  plan.choice = kEverything;
  MatchText all;
  int expected = range.first;
  run_batch(
      plan,
      [&](int match, MatchText&& t) {
        EXPECT_EQ(match, expected++);
        append(all, t);
      },
      [](int) {});
  EXPECT_EQ(expected, range.end);
  return all;
}

World tutorial() {
  SimOptions o;
  o.scenario = "tutorial";
  return start_world(o, HEGEMON_ASSETS_DIR);
}

void expect_same(const MatchText& a, const MatchText& b) {
  EXPECT_EQ(a.matches, b.matches);
  EXPECT_EQ(a.turns, b.turns);
  EXPECT_EQ(a.decisions, b.decisions);
  EXPECT_EQ(a.threats, b.threats);
  EXPECT_EQ(a.treaties, b.treaties);
  EXPECT_EQ(a.history, b.history);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

size_t columns(const std::string& line) {
  size_t n = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) ++n;
  }
  return n;
}

TEST(Batch, TheSameSeedGivesTheSameBytesWhateverTheJobs) {
  const World start = tutorial();
  const MatchText one = play(start, {0, 7}, 1);
  const MatchText three = play(start, {0, 7}, 3);
  expect_same(one, three);
  EXPECT_FALSE(one.decisions.empty());
}

TEST(Batch, MatchesDifferBySeed) {
  EXPECT_NE(match_seed(42, 0), match_seed(42, 1));
  EXPECT_NE(match_seed(42, 0), match_seed(43, 0));
  const World start = tutorial();
  const MatchText a = play(start, {0, 1}, 1);
  const MatchText b = play(start, {1, 2}, 1);
  EXPECT_NE(a.history.substr(a.history.find("\"turns\"")),
            b.history.substr(b.history.find("\"turns\"")));
}

TEST(Batch, ShardsAreContiguousAndCoverTheRun) {
  for (int k : {1, 3, 7, 10}) {
    int next = 0;
    for (int i = 0; i < k; ++i) {
      const MatchRange r = shard_range(10, {i, k});
      EXPECT_EQ(r.first, next);
      EXPECT_GE(r.end, r.first);
      next = r.end;
    }
    EXPECT_EQ(next, 10);
  }
}

TEST(Batch, ShardsConcatenatedAreTheWholeRun) {
  const World start = tutorial();
  const MatchText whole = play(start, {0, 7}, 2);
  MatchText joined;
  for (int i = 0; i < 3; ++i) {
    append(joined, play(start, shard_range(7, {i, 3}), 1));
  }
  expect_same(whole, joined);
}

TEST(Batch, EveryRowHasTheHeadersColumns) {
  const World start = tutorial();
  const MatchText t = play(start, {0, 2}, 1);
  const std::pair<const char*, const std::string*> tables[] = {
      {kMatchesHeader, &t.matches}, {kTurnsHeader, &t.turns}, {kDecisionsHeader, &t.decisions},
      {kThreatsHeader, &t.threats}, {kTreatiesHeader, &t.treaties}};
  for (const auto& [header, rows] : tables) {
    const size_t expected = columns(lines(header)[0]);
    for (const std::string& row : lines(*rows)) EXPECT_EQ(columns(row), expected) << row;
  }
  const int n = start.size();
  EXPECT_EQ(lines(t.matches).size(), size_t(2 * n));
  // Turn 0 and up to six turns each (a scenario's end condition may come sooner), one row per
  // state and turn, and one threat row per ordered pair and turn.
  const size_t turn_rows = lines(t.turns).size();
  EXPECT_EQ(turn_rows % size_t(n), 0u);
  EXPECT_LE(turn_rows, size_t(2 * 7 * n));
  EXPECT_GE(turn_rows, size_t(2 * 2 * n));
  EXPECT_EQ(lines(t.threats).size(), turn_rows * size_t(n - 1));
  EXPECT_EQ(lines(t.history).size(), 2u);
}

TEST(Batch, TheMatchesTableRanksAndCrownsTheTopScore) {
  const World start = tutorial();
  const MatchText t = play(start, {0, 3}, 1);
  int winners = 0;
  for (const std::string& row : lines(t.matches)) {
    std::vector<std::string> cells;
    std::istringstream in(row);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    ASSERT_GT(cells.size(), 12u);
    EXPECT_EQ(cells[12] == "1", cells[11] == "1") << row;  // winner exactly when rank 1
    winners += cells[12] == "1" ? 1 : 0;
  }
  EXPECT_GE(winners, 3);
}

TEST(Batch, TheDecisionLogHoldsEveryOrderWithItsVerdict) {
  const World start = tutorial();
  const MatchText t = play(start, {0, 1}, 1);
  const std::vector<std::string> rows = lines(t.decisions);
  ASSERT_FALSE(rows.empty());
  int budgets = 0, accepted = 0;
  for (const std::string& row : rows) {
    EXPECT_EQ(row.rfind("0,", 0), 0u) << row;  // match 0
    budgets += row.find(",set_budget,") != std::string::npos ? 1 : 0;
    // An accepted order has an empty verdict; a refused one says why.
    const bool ok = row.size() > 3 && row.substr(row.size() - 3) == ",1,";
    accepted += ok ? 1 : 0;
    EXPECT_NE(row.substr(row.size() - 3), ",0,") << row;
  }
  EXPECT_GT(budgets, 0);
  EXPECT_GT(accepted, 0);
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int sim(const std::string& args) {
  const std::string command = std::string(HEGEMON_SIM_BINARY) + " " + args + " 2>/dev/null";
  return std::system(command.c_str());
}

TEST(BatchCommand, ShardFilesConcatenatedAreTheWholeRunsFiles) {
  const fs::path dir =
      fs::temp_directory_path() / ("hegemon_sim_shards_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string common =
      "--scenario tutorial --matches 5 --turns 4 --seed 9 --no-progress --quiet ";
  auto outputs = [&](const std::string& tag) {
    return "--matches-csv " + (dir / (tag + ".m.csv")).string() + " --decisions-csv " +
           (dir / (tag + ".d.csv")).string() + " --history-json " +
           (dir / (tag + ".h.jsonl")).string();
  };
  ASSERT_EQ(sim(common + "--jobs 2 " + outputs("whole")), 0);
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(sim(common + "--shard " + std::to_string(i) + "/2 " + outputs(std::to_string(i))),
              0);
  for (const char* ext : {".m.csv", ".d.csv", ".h.jsonl"}) {
    const std::string whole = read(dir / (std::string("whole") + ext));
    EXPECT_FALSE(whole.empty());
    EXPECT_EQ(read(dir / (std::string("0") + ext)) + read(dir / (std::string("1") + ext)), whole)
        << ext;
  }
  EXPECT_EQ(read(dir / "whole.m.csv").rfind(kMatchesHeader, 0), 0u);
  fs::remove_all(dir);
}

TEST(BatchCommand, ABadOptionStopsBeforeAnythingRuns) {
  const fs::path out =
      fs::temp_directory_path() / ("hegemon_sim_bad_" + std::to_string(::getpid()) + ".csv");
  fs::remove(out);
  // exit status 2: refused; the file is never created
  EXPECT_EQ(WEXITSTATUS(sim("--scenario tutorial --matches 3 --doctrine ATLANTIS=x "
                            "--matches-csv " + out.string())), 2);
  EXPECT_EQ(WEXITSTATUS(sim("--scenario tutorial --matches 3 --set no_such_field=1 "
                            "--matches-csv " + out.string())), 2);
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace hegemon::sim
