// The compact history of a batch as JSON Lines: the start world once, then one line per match
// holding, turn by turn, what a turn changes: every state's values, the threat matrix, scores,
// guarantees, sanctions and the public news, and the relations and treaties that changed since
// the turn before. The scenario,
// ruleset and map are in the first line alone. docs/EXPERIMENTS.md describes every key.
#pragma once

#include <map>
#include <string>
#include <vector>

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
  // What the previous turn wrote of each treaty (by id) and each relation (holder * n + other),
  // so that a turn writes only the ones that changed.
  std::map<int, std::string> treaties_;
  std::vector<std::string> relations_;
  std::vector<Relation> last_relations_;  // the values behind relations_, to skip the unchanged
};

}  // namespace hegemon::sim
