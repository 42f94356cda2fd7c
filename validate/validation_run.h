// The validation experiments on one scenario: N seeded matches with mixed doctrines, each played
// once as the scenario stands and once per small state with the guarantee variant, on J threads,
// the figures summed in match order (so they do not depend on J).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "validate/match_findings.h"
#include "validate/scenario_setup.h"

namespace hegemon::validate {

/// The run seed ./hegemon validate uses unless told otherwise, so the document is reproducible.
inline constexpr std::uint64_t kDefaultSeed = 1949;
inline constexpr int kDefaultMatches = 1000;

struct ValidationPlan {
  int matches = kDefaultMatches;
  std::uint64_t seed = kDefaultSeed;
  int jobs = 1;
  std::string assets_dir;  // empty: the build's assets
  int turns = 0;           // 0: each scenario's own length
};

/// Experiment (c) for one small state: where it ended, without and with the guarantee.
struct GuaranteeOutcome {
  struct Side {
    long long accommodating = 0;  // matches it ended Accommodating toward the power
    long long finlandized = 0;    // … Finlandized toward it
    Mean level;                   // its final Finlandization level toward the power
    Mean guaranteed_share;        // share of the turns the guarantor's guarantee protected it
  };
  Side baseline, guaranteed;
};

/// Everything one scenario's matches showed.
struct ScenarioFindings {
  ScenarioSetup setup;
  ResolvedSetup resolved;
  std::string title;
  std::vector<std::string> states;     // ids, in scenario order
  std::vector<std::string> doctrines;  // the ruleset's, in ruleset order
  int matches = 0;
  int turns = 0;
  ResponseCounts responses{};
  DilemmaGroups dilemma;
  std::vector<GuaranteeOutcome> guarantee;  // per small state
  BlocGdp blocs_at_start;
  std::vector<double> west_gdp, east_gdp;  // per match, at the end
  long long matches_with_a_state_in_both = 0;
  std::vector<long long> wins;                    // per state
  std::vector<long long> doctrine_plays;          // state-matches per doctrine
  std::vector<long long> doctrine_wins;           // wins per doctrine
  std::vector<std::vector<long long>> state_doctrine_plays;  // [state][doctrine]

  bool has_blocs() const { return resolved.west >= 0; }
};

/// Plays the experiments of `setup`. `progress(done)` is called on the calling thread after each
/// match (with its variants). Throws what loading the scenario or a match throws.
ScenarioFindings run_scenario(const ScenarioSetup& setup, const ValidationPlan& plan,
                              const std::function<void(int)>& progress);

}  // namespace hegemon::validate
