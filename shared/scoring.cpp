#include "shared/scoring.h"

#include <algorithm>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {

bool objective_met(const World& w, const Objective& o) {
  const State& st = w.states[o.state];
  switch (o.kind) {
    case ObjectiveKind::StayIndependentOf:
      return st.relations[o.other].finland_level < o.value;
    case ObjectiveKind::Finlandize:
      return w.states[o.other].relations[o.state].finland_status == FinlandStatus::Finlandized;
    case ObjectiveKind::GdpGrowth:
      return st.gdp >= o.value * w.scenario.start_gdp[o.state];
    case ObjectiveKind::InAllianceWith:
      return w.share_treaty(o.state, o.other, TreatyType::MutualDefense);
    case ObjectiveKind::KeepStability:
      return st.stability >= o.value;
  }
  return false;
}

std::vector<Score> compute_scores(const World& w) {
  const Ruleset& r = w.ruleset;
  std::vector<Score> scores(w.size());
  // Prosperity is relative: growing faster than the world is what counts, so a long match of
  // general growth does not saturate everyone's score.
  double world_now = 0, world_start = 0;
  for (int s = 0; s < w.size(); ++s) {
    world_now += w.states[s].gdp;
    world_start += s < static_cast<int>(w.scenario.start_gdp.size()) ? w.scenario.start_gdp[s]
                                                                    : w.states[s].gdp;
  }
  const double world_growth = world_now / std::max(1e-9, world_start);
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    Score& sc = scores[s];
    double worst_threat = 0, worst_level = 0;
    for (int o = 0; o < w.size(); ++o) {
      if (o == s) continue;
      if (w.threat.n == w.size()) worst_threat = std::max(worst_threat, w.threat.at(s, o));
      worst_level = std::max(worst_level, st.relations[o].finland_level);
    }
    sc.security = 100.0 - worst_threat;
    const double start = s < static_cast<int>(w.scenario.start_gdp.size()) ? w.scenario.start_gdp[s]
                                                                           : st.gdp;
    sc.prosperity = std::min(100.0, 50.0 * (st.gdp / std::max(1e-9, start)) / world_growth);
    sc.influence = 0.5 * std::min(100.0, st.influence) + 0.5 * st.reputation;
    sc.sovereignty = 100.0 - worst_level;
    for (const auto& o : w.scenario.objectives)
      if (o.state == s && objective_met(w, o)) sc.objectives += r.objective_points();
    sc.total = r.score_weight_security() * sc.security +
               r.score_weight_prosperity() * sc.prosperity +
               r.score_weight_influence() * sc.influence +
               r.score_weight_sovereignty() * sc.sovereignty + sc.objectives;
  }
  return scores;
}

std::string end_reason(const World& w) {
  for (const auto& c : w.scenario.end_conditions) {
    if (c.state >= 0 && c.other >= 0 &&
        w.states[c.state].relations[c.other].finland_status == FinlandStatus::Finlandized)
      return c.description.empty() ? w.states[c.state].name + " is Finlandized toward " +
                                         w.states[c.other].name
                                   : c.description;
    if (c.score_reached > 0)
      for (int s = 0; s < w.size() && s < static_cast<int>(w.scores.size()); ++s)
        if (w.scores[s].total >= c.score_reached)
          return c.description.empty()
                     ? w.states[s].name + " reached a score of " + fmt(c.score_reached)
                     : c.description;
  }
  if (w.turn >= w.scenario.turns) return "the last turn (" + std::to_string(w.turn) + ") was played";
  return {};
}

void update_scores_and_end(TurnContext& ctx) {
  World& w = ctx.world;
  // Each player's view carries its own score with its breakdown; the report says only why the
  // match ends.
  w.scores = compute_scores(w);
  if (std::string reason = end_reason(w); !reason.empty()) {
    w.ended = true;
    w.end_reason = reason;
    ctx.journal.publish(Topic::End, "The match is over: " + reason + ".", {});
  }
}

}  // namespace hegemon
