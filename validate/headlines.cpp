#include "validate/headlines.h"

#include <algorithm>
#include <cmath>

namespace hegemon::validate {

ResponseShares response_shares(const ResponseCounts& counts, int bin) {
  long long total = 0, balancing = 0, bandwagoning = 0;
  for (int b = 0; b < kPowerBinCount; ++b) {
    if (bin >= 0 && b != bin) continue;
    const auto& c = counts[b];
    const long long both = c[static_cast<int>(Response::Both)];
    total += c[0] + c[1] + c[2] + c[3];
    balancing += c[static_cast<int>(Response::Balances)] + both;
    bandwagoning += c[static_cast<int>(Response::Bandwagons)] + both;
  }
  ResponseShares s;
  s.state_turns = total;
  if (total > 0) {
    s.balancing = static_cast<double>(balancing) / static_cast<double>(total);
    s.bandwagoning = static_cast<double>(bandwagoning) / static_cast<double>(total);
  }
  return s;
}

ResponseCounts pooled_responses(const std::vector<ScenarioFindings>& scenarios) {
  ResponseCounts all{};
  for (const auto& sc : scenarios)
    for (int b = 0; b < kPowerBinCount; ++b)
      for (int r = 0; r < kResponseCount; ++r) all[b][r] += sc.responses[b][r];
  return all;
}

DilemmaGroups pooled_dilemma(const std::vector<ScenarioFindings>& scenarios) {
  DilemmaGroups all;
  for (const auto& sc : scenarios)
    for (int g = 0; g < kPairGroupCount; ++g) all[g].merge(sc.dilemma[g]);
  return all;
}

GuaranteeHeadline guarantee_headline(const std::vector<GuaranteeOutcome>& outcomes) {
  GuaranteeHeadline h;
  long long base = 0, guaranteed = 0;
  Mean base_level, guaranteed_level;
  for (const auto& o : outcomes) {
    h.cases += o.baseline.level.n;
    base += o.baseline.accommodating + o.baseline.finlandized;
    guaranteed += o.guaranteed.accommodating + o.guaranteed.finlandized;
    base_level.merge(o.baseline.level);
    guaranteed_level.merge(o.guaranteed.level);
  }
  if (h.cases > 0) {
    h.baseline_pressed = static_cast<double>(base) / static_cast<double>(h.cases);
    h.guaranteed_pressed = static_cast<double>(guaranteed) / static_cast<double>(h.cases);
  }
  h.baseline_level = base_level.value();
  h.guaranteed_level = guaranteed_level.value();
  return h;
}

GuaranteeHeadline pooled_guarantee(const std::vector<ScenarioFindings>& scenarios) {
  std::vector<GuaranteeOutcome> all;
  for (const auto& sc : scenarios) all.insert(all.end(), sc.guarantee.begin(), sc.guarantee.end());
  return guarantee_headline(all);
}

WinnerHeadline winner_headline(const ScenarioFindings& sc) {
  WinnerHeadline h;
  h.min_winners = static_cast<int>(std::lround(6.0 * static_cast<double>(sc.states.size()) / 18.0));
  long long top = -1;
  for (size_t s = 0; s < sc.wins.size(); ++s) {
    if (sc.wins[s] > 0) ++h.distinct_winners;
    if (sc.wins[s] > top) {
      top = sc.wins[s];
      h.top_state = sc.states[s];
    }
  }
  if (sc.matches > 0 && top > 0)
    h.top_share = static_cast<double>(top) / static_cast<double>(sc.matches);
  return h;
}

std::vector<double> bloc_ratios(const ScenarioFindings& sc) {
  std::vector<double> ratios;
  for (size_t m = 0; m < sc.west_gdp.size(); ++m)
    if (sc.east_gdp[m] > 0) ratios.push_back(sc.west_gdp[m] / sc.east_gdp[m]);
  return ratios;
}

double bloc_start_ratio(const ScenarioFindings& sc) {
  return sc.blocs_at_start.east > 0 ? sc.blocs_at_start.west / sc.blocs_at_start.east : 0;
}

Headlines headlines(const std::vector<ScenarioFindings>& scenarios) {
  Headlines h;
  const ResponseCounts counts = pooled_responses(scenarios);
  h.all = response_shares(counts, -1);
  h.weakest = response_shares(counts, 0);
  h.strongest = response_shares(counts, kPowerBinCount - 1);
  h.dilemma = pooled_dilemma(scenarios);
  h.guarantee = pooled_guarantee(scenarios);
  for (const auto& sc : scenarios) {
    if (sc.has_blocs() && h.bloc_ratios.empty()) {
      h.bloc_ratios = bloc_ratios(sc);
      h.bloc_start_ratio = bloc_start_ratio(sc);
    }
    h.winners.push_back(winner_headline(sc));
  }
  return h;
}

}  // namespace hegemon::validate
