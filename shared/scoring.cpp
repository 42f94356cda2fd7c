#include "shared/scoring.h"

#include <algorithm>
#include <cmath>

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

double security_measure(const World& w, StateIndex s) {
  double worst = 0;
  if (w.threat.n == w.size()) {
    const double* const felt = w.threat.cells.data() + size_t(s) * w.threat.n;
    for (int o = 0; o < w.threat.n; ++o)
      if (o != s) worst = std::max(worst, felt[o]);
  }
  return 100.0 - worst;
}

double influence_measure(const State& st) {
  return 0.5 * std::min(100.0, st.influence) + 0.5 * st.reputation;
}

double sovereignty_measure(const State& st) {
  double worst = 0;
  for (const auto& rel : st.relations) worst = std::max(worst, rel.finland_level);
  return 100.0 - worst;
}

void record_starting_position(World& w) {
  ScenarioInfo& info = w.scenario;
  info.start_gdp.clear();
  info.start_security.clear();
  info.start_influence.clear();
  info.start_sovereignty.clear();
  for (int s = 0; s < w.size(); ++s) {
    info.start_gdp.push_back(w.states[s].gdp);
    info.start_security.push_back(security_measure(w, s));
    info.start_influence.push_back(influence_measure(w.states[s]));
    info.start_sovereignty.push_back(sovereignty_measure(w.states[s]));
  }
}

namespace {

/// The start of state `s` from a per-state list, or `now` when the world kept none.
double start_of(const std::vector<double>& starts, StateIndex s, double now) {
  return s < static_cast<int>(starts.size()) ? starts[s] : now;
}

/// 50 at the start, moving `scale` points per point of change, within 0..100.
double against_start(double now, double start, double scale) {
  return std::clamp(50.0 + scale * (now - start), 0.0, 100.0);
}

/// State `s`'s score from its security and sovereignty measures and how many of its objectives it
/// has and meets.
Score score_from(const World& w, StateIndex s, double security, double sovereignty,
                 int objectives, int met) {
  const Ruleset& r = w.ruleset;
  const ScenarioInfo& info = w.scenario;
  // Prosperity is measured against the state's own trend: an economy that was set to grow fast
  // scores for beating that pace, not for the pace the scenario gave it.
  const double years = w.turn * info.years_per_turn();
  const State& st = w.states[s];
  Score sc;
  sc.security =
      against_start(security, start_of(info.start_security, s, security), r.score_security_scale());
  const double growth = st.gdp / std::max(1e-9, start_of(info.start_gdp, s, st.gdp));
  const double trend = std::pow(1.0 + st.growth, years);
  sc.prosperity = std::clamp(
      50.0 + r.score_prosperity_per_doubling() * std::log2(std::max(1e-9, growth / trend)), 0.0,
      100.0);
  const double influence = influence_measure(st);
  sc.influence = against_start(influence, start_of(info.start_influence, s, influence),
                               r.score_influence_scale());
  sc.sovereignty = against_start(sovereignty, start_of(info.start_sovereignty, s, sovereignty),
                                 r.score_sovereignty_scale());
  // A state the scenario asks nothing of is scored on the other components alone.
  const double objectives_weight = objectives > 0 ? r.score_weight_objectives() : 0.0;
  if (objectives > 0) sc.objectives = 100.0 * met / objectives;
  const double weights = r.score_weight_security() + r.score_weight_prosperity() +
                         r.score_weight_influence() + r.score_weight_sovereignty() +
                         objectives_weight;
  const double sum =
      r.score_weight_security() * sc.security + r.score_weight_prosperity() * sc.prosperity +
      r.score_weight_influence() * sc.influence + r.score_weight_sovereignty() * sc.sovereignty +
      objectives_weight * sc.objectives;
  sc.total = weights > 0 ? sum / weights : 0.0;
  return sc;
}

/// Every state's score, with the security and sovereignty measures read from `worst_threat` and
/// `worst_level` (100 less each) when they are given.
void scores_into(const World& w, std::vector<Score>& scores, const std::vector<double>* worst_threat,
                 const std::vector<double>* worst_level) {
  scores.assign(size_t(w.size()), Score{});
  std::vector<int> objectives(w.size(), 0), met(w.size(), 0);
  for (const auto& o : w.scenario.objectives) {
    if (o.state < 0 || o.state >= w.size()) continue;
    ++objectives[o.state];
    if (objective_met(w, o)) ++met[o.state];
  }
  for (int s = 0; s < w.size(); ++s) {
    const double security =
        worst_threat ? 100.0 - (*worst_threat)[s] : security_measure(w, s);
    const double sovereignty =
        worst_level ? 100.0 - (*worst_level)[s] : sovereignty_measure(w.states[s]);
    scores[s] = score_from(w, s, security, sovereignty, objectives[s], met[s]);
  }
}

}  // namespace

std::vector<Score> compute_scores(const World& w) {
  std::vector<Score> scores;
  scores_into(w, scores, nullptr, nullptr);
  return scores;
}

Score score_of(const World& w, StateIndex s, double security) {
  int objectives = 0, met = 0;
  for (const auto& o : w.scenario.objectives) {
    if (o.state != s) continue;
    ++objectives;
    if (objective_met(w, o)) ++met;
  }
  return score_from(w, s, security, sovereignty_measure(w.states[s]), objectives, met);
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
  const size_t n = w.states.size();
  scores_into(w, w.scores, ctx.worst_threat.size() == n ? &ctx.worst_threat : nullptr,
              ctx.worst_level.size() == n ? &ctx.worst_level : nullptr);
  if (std::string reason = end_reason(w); !reason.empty()) {
    w.ended = true;
    w.end_reason = reason;
    ctx.journal.publish(Topic::End, "The match is over: " + reason + ".", {});
  }
}

}  // namespace hegemon
