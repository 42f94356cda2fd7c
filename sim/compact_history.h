// The compact history of a batch as JSON Lines: the start world once, then one line per match
// holding, turn by turn, only what a turn changes (states' values, relations under pressure,
// treaties, guarantees, sanctions, the threat matrix, scores and the public news). The scenario,
// ruleset and map are in the first line alone. docs/EXPERIMENTS.md describes every key.
#pragma once

#include <string>

#include "shared/journal.h"
#include "shared/world.h"

namespace hegemon::sim {

/// The first line: {"format":..., "start": the world at turn 0 as protocol/world.proto's JSON}.
std::string history_start_line(const World& start);

/// One match's line, built turn by turn.
class MatchHistoryLine {
 public:
  MatchHistoryLine(int match, const World& start);
  /// Adds the world after a turn and the turn's journal (its public entries become "news").
  void add_turn(const World& world, const Journal& journal);
  /// Closes the line (with the match's end) and hands it over, newline included.
  std::string finish(const World& final_world);

 private:
  void add_world(const World& world, const Journal* journal);
  std::string text_;
};

}  // namespace hegemon::sim
