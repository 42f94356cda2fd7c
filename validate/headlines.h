// The headline figure of each experiment, from the scenarios' findings: what the document's
// summary states and what the small run in the tests asserts the direction of.
#pragma once

#include <string>
#include <vector>

#include "validate/validation_run.h"

namespace hegemon::validate {

/// Experiment (a) over the scenarios given: shares of the state-turns with a top threat.
struct ResponseShares {
  long long state_turns = 0;
  double balancing = 0;    // balances, alone or together with bandwagoning
  double bandwagoning = 0;  // bandwagons, alone or together with balancing
};
ResponseShares response_shares(const ResponseCounts& counts, int bin);  // bin -1: all bins
ResponseCounts pooled_responses(const std::vector<ScenarioFindings>& scenarios);

/// Experiment (b) over the scenarios given.
DilemmaGroups pooled_dilemma(const std::vector<ScenarioFindings>& scenarios);

/// Experiment (c): the share of (small state, match) pairs ending Accommodating or Finlandized
/// toward the power, and their mean final level, without and with the guarantee.
struct GuaranteeHeadline {
  long long cases = 0;
  double baseline_pressed = 0;
  double guaranteed_pressed = 0;
  double baseline_level = 0;
  double guaranteed_level = 0;
};
GuaranteeHeadline guarantee_headline(const std::vector<GuaranteeOutcome>& outcomes);
GuaranteeHeadline pooled_guarantee(const std::vector<ScenarioFindings>& scenarios);

/// Experiment (e): the scenario's winners against the target (no state winning more than
/// `max_share` of the matches, at least `min_winners` different winners).
struct WinnerHeadline {
  std::string top_state;
  double top_share = 0;
  int distinct_winners = 0;
  double max_share = 0.35;
  int min_winners = 0;
  bool met() const { return top_share <= max_share && distinct_winners >= min_winners; }
};
/// The target scales with the scenario: six winners for cold_war_1949's 18 states, and for any
/// scenario six times its states over 18, rounded (four for indo_pacific's 11).
WinnerHeadline winner_headline(const ScenarioFindings& scenario);

/// Experiment (d): the US bloc's GDP over the Soviet bloc's, per match.
std::vector<double> bloc_ratios(const ScenarioFindings& scenario);
/// The same ratio at turn 0 (0 when the scenario has no blocs).
double bloc_start_ratio(const ScenarioFindings& scenario);

struct Headlines {
  ResponseShares all, weakest, strongest;
  DilemmaGroups dilemma;
  GuaranteeHeadline guarantee;
  std::vector<double> bloc_ratios;  // of the first scenario with blocs
  double bloc_start_ratio = 0;
  std::vector<WinnerHeadline> winners;  // per scenario
};
Headlines headlines(const std::vector<ScenarioFindings>& scenarios);

}  // namespace hegemon::validate
