#include "client/app/panels/goals.h"

#include "client/app/panels/labels.h"
#include "shared/scoring.h"
#include "shared/view_world.h"

namespace hegemon::client {

namespace {

/// The progress of `o` on the world as the player sees it, in figures.
std::string progress_of(const World& w, const Objective& o) {
  const State& me = w.states[o.state];
  const std::string other = o.other >= 0 && o.other < w.size() ? w.states[o.other].name : "";
  switch (o.kind) {
    case ObjectiveKind::StayIndependentOf:
      return "your Finlandization level toward " + other + ": " +
             fixed(me.relations[o.other].finland_level, 1) + ", to stay under " +
             fixed(o.value, 0);
    case ObjectiveKind::Finlandize: {
      const FinlandStatus status = w.states[o.other].relations[o.state].finland_status;
      return other + (status == FinlandStatus::Finlandized    ? " is Finlandized toward you"
                      : status == FinlandStatus::Accommodating ? " accommodates you, not yet Finlandized"
                                                               : " is independent of you");
    }
    case ObjectiveKind::GdpGrowth: {
      const double start = o.state < static_cast<int>(w.scenario.start_gdp.size())
                               ? w.scenario.start_gdp[o.state]
                               : 0.0;
      const double ratio = start > 0 ? me.gdp / start : 0.0;
      return "GDP " + fixed(ratio, 2) + " times your start, " + fixed(o.value, 2) + " needed";
    }
    case ObjectiveKind::InAllianceWith:
      return w.share_treaty(o.state, o.other, TreatyType::MutualDefense)
                 ? "in a mutual defense pact with " + other
                 : "no mutual defense pact with " + other + " yet";
    case ObjectiveKind::KeepStability:
      return "stability " + fixed(me.stability, 0) + ", at least " + fixed(o.value, 0) +
             " needed";
  }
  return "";
}

}  // namespace

std::vector<GoalLine> goal_lines(const pb::PlayerView& view, const pb::MatchFacts& facts) {
  std::vector<GoalLine> out;
  if (view.objectives_size() == 0 || view.viewer().empty()) return out;
  const World w = world_from_view(view, facts);
  for (const Objective& o : w.scenario.objectives) {
    if (o.state < 0 || o.state >= w.size()) continue;
    out.push_back({o.description, objective_met(w, o), progress_of(w, o)});
  }
  return out;
}

ScoreBreakdown score_breakdown(const pb::PlayerView& view, const pb::MatchFacts& facts) {
  ScoreBreakdown out;
  const pb::Score* mine = nullptr;
  for (const auto& s : view.scores())
    if (s.state() == view.viewer()) mine = &s;
  if (!mine) return out;
  const pb::Ruleset& r = facts.ruleset();
  const bool asked = view.objectives_size() > 0;
  out.parts = {
      {"Security", "how little the worst threat you feel weighs, against your start",
       mine->security(), r.score_weight_security(), 0},
      {"Prosperity", "your GDP against your own trend of growth", mine->prosperity(),
       r.score_weight_prosperity(), 0},
      {"Influence", "your influence and reputation, against your start", mine->influence(),
       r.score_weight_influence(), 0},
      {"Sovereignty", "how free you are of any power's sway, against your start",
       mine->sovereignty(), r.score_weight_sovereignty(), 0},
      {"Objectives", "the share of your scenario objectives met", mine->objectives(),
       asked ? r.score_weight_objectives() : 0.0, 0},
  };
  double weights = 0;
  for (const auto& p : out.parts) weights += p.weight;
  for (auto& p : out.parts) p.contribution = weights > 0 ? p.weight * p.value / weights : 0.0;
  out.total = mine->total();
  out.known = true;
  return out;
}

}  // namespace hegemon::client
