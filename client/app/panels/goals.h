// What the Goals tab shows, worked out from the player's own view without drawing anything: each
// objective the scenario gives the player with whether it is met and how far along it is, and the
// score with how it is made (each component, its weight, its share of the total).
#pragma once

#include <string>
#include <vector>

#include "protocol/view.pb.h"

namespace hegemon::client {

/// One of the player's objectives as the view stands.
struct GoalLine {
  std::string description;  // the scenario's words
  bool met = false;         // met if the match ended now (the rules' own objective_met)
  std::string progress;     // where it stands, in figures ("stability 54, at least 50 needed")
};

/// The player's objectives, in scenario order (empty for a spectator or a state asked nothing).
std::vector<GoalLine> goal_lines(const pb::PlayerView& view, const pb::MatchFacts& facts);

/// One component of the score.
struct ScorePart {
  std::string name;         // "Security", ..., "Objectives"
  std::string meaning;      // what it measures, in one line
  double value = 0;         // 0..100, 50 where the state began
  double weight = 0;        // the ruleset's weight (0 for objectives when there are none)
  double contribution = 0;  // weight x value / the sum of the weights: the parts add to the total
};

/// The player's score, part by part; `total` is what the parts add up to (the view's total).
struct ScoreBreakdown {
  std::vector<ScorePart> parts;
  double total = 0;
  bool known = false;  // false when the view carries no score of the player's (a spectator)
};
ScoreBreakdown score_breakdown(const pb::PlayerView& view, const pb::MatchFacts& facts);

}  // namespace hegemon::client
