#include "validate/validation_run.h"

#include <algorithm>

#include "shared/bots/bot.h"
#include "sim/batch_run.h"
#include "sim/ordered_run.h"
#include "sim/start_world.h"
#include "validate/guarantee_variant.h"
#include "validate/mixed_doctrines.h"

namespace hegemon::validate {
namespace {

World match_world(const World& start, std::uint64_t seed, const std::vector<std::string>& doctrines) {
  World world = start;
  world.seed = seed;
  assign_doctrines(world, doctrines);
  return world;
}

MatchFindings play_seed(const World& start, const ResolvedSetup& setup, const ValidationPlan& plan,
                        int turns, int match) {
  const std::uint64_t seed = sim::match_seed(plan.seed, match);
  MatchFindings f;
  f.doctrines = mixed_doctrines(start, seed);
  FindingsRecorder recorder(setup, f);
  sim::play_match(match_world(start, seed, f.doctrines), turns, recorder);
  for (StateIndex small : setup.small_states) {
    SmallStateWatch watch(small, setup.power, setup.guarantor);
    sim::play_match(match_world(start, seed, f.doctrines), turns, watch,
                    keep_guarantee(setup.guarantor, small));
    f.guaranteed.push_back(watch.result());
  }
  return f;
}

void add_end(GuaranteeOutcome::Side& side, const SmallStateEnd& end) {
  if (end.status == FinlandStatus::Accommodating) ++side.accommodating;
  if (end.status == FinlandStatus::Finlandized) ++side.finlandized;
  side.level.add(end.level);
  side.guaranteed_share.add(end.turns > 0 ? static_cast<double>(end.guaranteed_turns) / end.turns
                                          : 0);
}

size_t doctrine_index(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

void add_match(ScenarioFindings& out, const MatchFindings& f) {
  for (int b = 0; b < kPowerBinCount; ++b)
    for (int r = 0; r < kResponseCount; ++r) out.responses[b][r] += f.responses[b][r];
  for (int g = 0; g < kPairGroupCount; ++g) out.dilemma[g].merge(f.dilemma[g]);
  for (size_t k = 0; k < out.guarantee.size(); ++k) {
    add_end(out.guarantee[k].baseline, f.baseline[k]);
    add_end(out.guarantee[k].guaranteed, f.guaranteed[k]);
  }
  if (out.has_blocs()) {
    out.west_gdp.push_back(f.blocs.west);
    out.east_gdp.push_back(f.blocs.east);
    if (f.blocs.in_both > 0) ++out.matches_with_a_state_in_both;
  }
  for (size_t s = 0; s < f.doctrines.size(); ++s) {
    const size_t d = doctrine_index(out.doctrines, f.doctrines[s]);
    if (d >= out.doctrines.size()) continue;
    ++out.doctrine_plays[d];
    ++out.state_doctrine_plays[s][d];
    if (static_cast<StateIndex>(s) == f.winner) ++out.doctrine_wins[d];
  }
  if (f.winner >= 0) ++out.wins[f.winner];
}

}  // namespace

ScenarioFindings run_scenario(const ScenarioSetup& setup, const ValidationPlan& plan,
                              const std::function<void(int)>& progress) {
  sim::SimOptions options;
  options.scenario = setup.scenario;
  const World start =
      sim::start_world(options, plan.assets_dir.empty() ? HEGEMON_ASSETS_DIR : plan.assets_dir);
  ScenarioFindings out;
  out.setup = setup;
  out.resolved = resolve(setup, start);
  out.title = start.scenario.title;
  for (const State& st : start.states) out.states.push_back(st.id);
  out.doctrines = doctrine_names(start.ruleset);
  out.matches = plan.matches;
  out.turns = plan.turns > 0 ? plan.turns : start.scenario.turns;
  out.guarantee.resize(out.resolved.small_states.size());
  out.blocs_at_start = bloc_gdp(start, out.resolved.west, out.resolved.east);
  out.wins.assign(start.size(), 0);
  out.doctrine_plays.assign(out.doctrines.size(), 0);
  out.doctrine_wins.assign(out.doctrines.size(), 0);
  out.state_doctrine_plays.assign(start.size(), std::vector<long long>(out.doctrines.size(), 0));

  const ResolvedSetup& resolved = out.resolved;
  const int turns = out.turns;
  sim::run_in_order<MatchFindings>(
      0, plan.matches, std::max(1, plan.jobs),
      [&](int match) { return play_seed(start, resolved, plan, turns, match); },
      [&](int, MatchFindings&& f) { add_match(out, f); }, progress);
  return out;
}

}  // namespace hegemon::validate
