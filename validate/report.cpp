#include "validate/report.h"

#include <sstream>

#include "shared/format.h"
#include "validate/headlines.h"
#include "validate/statistics.h"

namespace hegemon::validate {
namespace {

std::string pct(double share, int decimals = 1) { return fmt(100.0 * share, decimals) + " %"; }

std::string share_of(long long part, long long whole) {
  return whole > 0 ? pct(static_cast<double>(part) / static_cast<double>(whole)) : "–";
}

std::string count(long long n) {
  // 12 345 with a thin space, as the other documents write large numbers.
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += " ";
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

/// A markdown table row from cells.
std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

std::string rule(const std::vector<bool>& right_aligned) {
  std::string out = "|";
  for (bool r : right_aligned) out += r ? "---:|" : "---|";
  return out + "\n";
}

std::string scenario_names(const std::vector<ScenarioFindings>& scenarios) {
  std::string out;
  for (size_t i = 0; i < scenarios.size(); ++i)
    out += (i == 0 ? "" : i + 1 == scenarios.size() ? " and " : ", ") + ("`" +
           scenarios[i].setup.scenario + "`");
  return out;
}

// ---------------------------------------------------------------- verdicts

std::string balancing_verdict(const Headlines& h) {
  if (h.all.balancing > h.all.bandwagoning)
    return "**agrees**: balancing (" + pct(h.all.balancing) + " of state-turns) is " +
           fmt(h.all.bandwagoning > 0 ? h.all.balancing / h.all.bandwagoning : 0, 1) +
           " times as common as bandwagoning (" + pct(h.all.bandwagoning, 2) + ")";
  return "**disagrees**: bandwagoning (" + pct(h.all.bandwagoning) +
         ") is at least as common as balancing (" + pct(h.all.balancing) + ")";
}

std::string weakest_verdict(const Headlines& h) {
  const std::string figures = pct(h.weakest.bandwagoning, 2) + " in the weakest bin against " +
                              pct(h.strongest.bandwagoning, 2) + " in the strongest";
  if (h.weakest.state_turns == 0 || h.strongest.state_turns == 0)
    return "**not measured**: a bin is empty";
  if (h.weakest.bandwagoning > h.strongest.bandwagoning)
    return "**agrees**: the weakest bandwagon more, " + figures;
  return "**disagrees**: the weakest bandwagon no more than the strongest, " + figures;
}

std::string dilemma_verdict(const DilemmaGroups& g) {
  // Made within the match-turn, where shocks common to every state cancel, and only if the
  // answer also beats what moves with a build-up the budget had not yet seen.
  const double near = g[0].turn_fit.slope(), far = g[1].turn_fit.slope();
  const double near_net = near - g[0].lead_fit.slope(), far_net = far - g[1].lead_fit.slope();
  const std::string figures =
      "within the match-turn, slope " + fmt(near, 2) + " for neighbours against " + fmt(far, 2) +
      " for distant states, " + fmt(near_net, 2) + " against " + fmt(far_net, 2) +
      " net of the build-up a turn later (as first measured, without the turn taken out, " +
      fmt(g[0].fit.slope(), 2) + " against " + fmt(g[1].fit.slope(), 2) + ")";
  if (near > far && near_net > far_net && near_net > 0) return "**agrees**: " + figures;
  if (near > far && near_net > far_net)
    return "**disagrees in sign**: neighbours' build-ups do not raise spending, " + figures;
  return "**disagrees**: " + figures;
}

std::string guarantee_verdict(const GuaranteeHeadline& g) {
  const std::string figures = pct(g.baseline_pressed) + " without, " + pct(g.guaranteed_pressed) +
                              " with the guarantee (mean level " + fmt(g.baseline_level, 1) +
                              " → " + fmt(g.guaranteed_level, 1) + ")";
  if (g.guaranteed_pressed < g.baseline_pressed) return "**agrees**: " + figures;
  if (g.guaranteed_pressed == g.baseline_pressed && g.guaranteed_level < g.baseline_level)
    return "**agrees weakly**: no fewer end under sway, but lower levels: " + figures;
  if (g.guaranteed_pressed == g.baseline_pressed) return "**no effect**: " + figures;
  return "**disagrees**: the guarantee leaves more of them under sway, " + figures;
}

std::string bloc_verdict(const std::vector<double>& ratios, double start_ratio) {
  if (ratios.empty()) return "**not measured**";
  const double median = quantile(ratios, 0.5);
  const std::string figures =
      "median ratio " + fmt(median, 2) + " at the end (" + fmt(start_ratio, 2) + " at the start)";
  if (median >= 2.0 && median <= 4.5) return "**agrees**: " + figures + ", about three";
  if (median > 4.5) return "**agrees in direction, larger**: " + figures + ", well above three";
  if (median > 1.0) return "**agrees in direction, smaller**: " + figures + ", below three";
  return "**disagrees**: the Soviet bloc is the larger, " + figures;
}

std::string winner_verdict(const ScenarioFindings& sc, const WinnerHeadline& w) {
  return std::string(w.met() ? "**met**" : "**not met**") + ": the most frequent winner, " +
         w.top_state + ", wins " + pct(w.top_share) + " (target at most " +
         pct(w.max_share, 0) + "); " + std::to_string(w.distinct_winners) + " of " +
         std::to_string(sc.states.size()) + " states win at least once (target at least " +
         std::to_string(w.min_winners) + ")";
}

// ---------------------------------------------------------------- sections

void write_header(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                  const ValidationPlan& plan) {
  out << "# Validation: the model against the theory\n\n"
      << "Written by `./hegemon validate` (`build/bin/hegemon-validate --matches " << plan.matches
      << " --seed " << plan.seed
      << "`); do not edit it by hand. The same build and seed give this file byte for byte, "
         "whatever the number of threads (`--jobs`). How the experiments are made and how to "
         "vary them: [EXPERIMENTS.md](EXPERIMENTS.md#validation-the-model-against-the-theory).\n\n"
      << "Each scenario (" << scenario_names(scenarios) << ") is played " << count(plan.matches)
      << " times, the whole scenario length, with a bot in every seat. Match *i* is seeded "
         "`mix_seed("
      << plan.seed
      << ", i)`, as `hegemon-sim` seeds it. **Mixed doctrines**: in each match every state "
         "plays its scenario's default doctrine with probability 1/2, otherwise a doctrine drawn "
         "uniformly from the ruleset's (possibly the default again), drawn from the match seed. "
         "Experiment (c) plays every seed again once per small state, with the guarantee "
         "variant and the same doctrines.\n\n";
}

void write_summary(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                   const Headlines& h) {
  out << "## Summary\n\n";
  out << row({"finding", "the theory expects", "the model", "verdict"});
  out << rule({false, false, false, false});
  out << row({"(a) balancing vs bandwagoning", "balancing dominates (Walt)",
              "balancing " + pct(h.all.balancing) + ", bandwagoning " +
                  pct(h.all.bandwagoning, 2) + " of state-turns",
              balancing_verdict(h)});
  out << row({"(a) the weakest bandwagon more", "bandwagoning most common among the weakest",
              "bandwagoning " + pct(h.weakest.bandwagoning, 2) + " (power ratio < 0.05) vs " +
                  pct(h.strongest.bandwagoning, 2) + " (≥ 1)",
              weakest_verdict(h)});
  out << row({"(b) security dilemma",
              "a neighbour's build-up raises defense spending more than a distant state's",
              "within the match-turn, slope " + fmt(h.dilemma[0].turn_fit.slope(), 2) + " (r " +
                  fmt(h.dilemma[0].turn_fit.correlation(), 3) + ") for neighbours vs " +
                  fmt(h.dilemma[1].turn_fit.slope(), 2) + " (r " +
                  fmt(h.dilemma[1].turn_fit.correlation(), 3) +
                  ") for distant states; on the build-up a turn later " +
                  fmt(h.dilemma[0].lead_fit.slope(), 2) + " vs " +
                  fmt(h.dilemma[1].lead_fit.slope(), 2) + "; as first measured " +
                  fmt(h.dilemma[0].fit.slope(), 2) + " vs " + fmt(h.dilemma[1].fit.slope(), 2),
              dilemma_verdict(h.dilemma)});
  out << row({"(c) third-party guarantee",
              "a guarantee keeps a small neighbour of a great power out of its sway",
              "accommodating or Finlandized " + pct(h.guarantee.baseline_pressed) + " → " +
                  pct(h.guarantee.guaranteed_pressed),
              guarantee_verdict(h.guarantee)});
  if (!h.bloc_ratios.empty())
    out << row({"(d) bloc GDP, cold war", "US alliances ≈ 3 × the Soviet Union's GNP (Walt)",
                "US bloc / Soviet bloc, median " + fmt(quantile(h.bloc_ratios, 0.5), 2) +
                    " (quartiles " + fmt(quantile(h.bloc_ratios, 0.25), 2) + "–" +
                    fmt(quantile(h.bloc_ratios, 0.75), 2) + ")",
                bloc_verdict(h.bloc_ratios, h.bloc_start_ratio)});
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const WinnerHeadline& w = h.winners[i];
    out << row({"(e) winners, `" + scenarios[i].setup.scenario + "`",
                "no state above " + pct(w.max_share, 0) + ", at least " +
                    std::to_string(w.min_winners) + " different winners (the issue's target)",
                w.top_state + " wins " + pct(w.top_share) + "; " +
                    std::to_string(w.distinct_winners) + " winners",
                winner_verdict(scenarios[i], w)});
  }
  out << "\n";
}

void write_response_table(std::ostream& out, const ResponseCounts& counts) {
  out << row({"own power / threat's", "state-turns", "balances", "bandwagons", "both", "neither",
              "balancing share", "bandwagoning share"});
  out << rule({false, true, true, true, true, true, true, true});
  const auto line = [&](const std::string& label, int bin) {
    long long c[kResponseCount] = {0, 0, 0, 0};
    for (int b = 0; b < kPowerBinCount; ++b)
      if (bin < 0 || b == bin)
        for (int r = 0; r < kResponseCount; ++r) c[r] += counts[b][r];
    const ResponseShares s = response_shares(counts, bin);
    out << row({label, count(s.state_turns), count(c[0]), count(c[1]), count(c[2]), count(c[3]),
                pct(s.balancing), pct(s.bandwagoning, 2)});
  };
  for (int b = 0; b < kPowerBinCount; ++b) line(power_bin_label(b), b);
  line("**all**", -1);
  out << "\n";
}

void write_balancing(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                     const Headlines& h) {
  out << "## (a) Balancing and bandwagoning, by power relative to the threat\n\n"
      << "**Theory** (Walt, *The Origins of Alliances*): states balance against the state that "
         "threatens them far more often than they bandwagon with it; the weakest, who can add "
         "little to a coalition and would be first overrun, bandwagon more.\n\n"
      << "**Measured**: every state-turn, with the state's top threat in the true threat matrix "
         "before the turn and its power ratio (own `aggregate_power` over the threat's, "
         "`shared/threat.h`). From the orders `resolve_turn` accepted: it **balances** by "
         "proposing, accepting or asking to join a mutual defense pact without the threat, by "
         "raising its forces' share of the budget by at least one percentage point (internal "
         "balancing), or by joining a sanction against the threat; it **bandwagons** by a "
         "`Bandwagon` order toward the threat or by proposing, accepting or asking to join a "
         "mutual defense or neutrality treaty with the threat. *Both*: it did both in the turn. "
         "The shares count *both* on each side.\n\n";
  out << "Both scenarios together:\n\n";
  write_response_table(out, pooled_responses(scenarios));
  for (const auto& sc : scenarios) {
    out << "`" << sc.setup.scenario << "` alone:\n\n";
    write_response_table(out, sc.responses);
  }
  out << "**Verdict**: " << balancing_verdict(h) << ". The weakest: " << weakest_verdict(h)
      << ".\n\n";
}

void write_dilemma_row(std::ostream& out, const std::string& label, const DilemmaFigures& f) {
  out << row({label, count(f.fit.n), fmt(f.fit.slope(), 3), fmt(f.fit.correlation(), 4),
              fmt(f.scaled_fit.slope(), 3), fmt(f.scaled_fit.correlation(), 4),
              count(f.after_buildup.n), fmt(f.after_buildup.value(), 3),
              fmt(f.otherwise.value(), 3),
              fmt(f.after_buildup.value() - f.otherwise.value(), 3)});
}

void write_turn_dilemma_row(std::ostream& out, const std::string& label, const DilemmaFigures& f) {
  out << row({label, fmt(f.turn_fit.slope(), 3), fmt(f.turn_fit.correlation(), 4),
              fmt(f.turn_scaled_fit.slope(), 3), fmt(f.turn_scaled_fit.correlation(), 4),
              fmt(f.turn_after_buildup.value(), 3), fmt(f.turn_otherwise.value(), 3),
              fmt(f.lead_fit.slope(), 3), fmt(f.turn_fit.slope() - f.lead_fit.slope(), 3)});
}

void write_dilemma(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                   const Headlines& h) {
  out << "## (b) The security dilemma: neighbours against distant states\n\n"
      << "**Theory** (Jervis, Walt): one state's means of attack read as a threat by those "
         "within its reach, who arm in return; proximity is what makes power threatening, so "
         "the response to a neighbour's build-up should be stronger than to a distant state's.\n\n"
      << "**Measured**: for every ordered pair (*i*, *j*) and turn *t*: *x* = *j*'s relative "
         "change in power projection over turn *t* (0.1 = grew by 10 %), *y* = the change of "
         "*i*'s forces' share of its budget (territorial defense + power projection, in "
         "percentage points) in the budget it sets in turn *t*+1, the first after seeing it. "
         "Neighbours share a border (`world.map().borders`); distant states are more than "
         << fmt(kDistantKm, 0)
         << " km apart; pairs in a mutual defense pact together are left out, since an ally's "
            "build-up is cover rather than a threat. The slope is the least-squares fit of *y* on *x* (percentage points per "
            "doubling); a build-up is *x* > "
         << fmt(kBuildUp, 2)
         << ". The first turn of a match is left out as *x*: its changes are the switch from the "
            "scenario's hand-written allocations to each bot's first budget, not a build-up in "
            "answer to anything (with it, a handful of first-turn jumps of states that start with "
            "almost no projection, such as the two Germanies, decide the fit). A relative change "
            "makes a small state's doubling weigh as much as a great power's, so the second fit "
            "measures the build-up as the bots weigh danger: *x*′ = *j*'s change in power "
            "projection over *i*'s own forces (territorial defense + power projection).\n\n";
  out << row({"pairs", "observations", "slope on x", "correlation", "slope on x′", "correlation",
              "build-ups", "mean y after a build-up", "mean y otherwise", "difference"});
  out << rule({false, true, true, true, true, true, true, true, true, true});
  for (const auto& sc : scenarios) {
    write_dilemma_row(out, "`" + sc.setup.scenario + "` neighbours", sc.dilemma[0]);
    write_dilemma_row(out, "`" + sc.setup.scenario + "` distant", sc.dilemma[1]);
  }
  write_dilemma_row(out, "**both: neighbours**", h.dilemma[0]);
  write_dilemma_row(out, "**both: distant**", h.dilemma[1]);
  out << "\n**Within the match-turn.** A turn moves many states at once whatever their "
         "distance: the scripted events (one state's projection multiplied several times over "
         "in a single turn, answered by everyone the next), the settling of the first turns from "
         "the scenario's allocations to the bots' (most build-ups fall in them, and so do most "
         "cuts, everywhere), growth. The fits above mix that common motion into the answer, and "
         "it is why the mean *y* after a build-up came out negative. Below, *x*, *x*′ and *y* "
         "are each taken less their mean over the group's pairs in the same turn of the same "
         "match, so that a slope compares states whose neighbours (or distant states) built up "
         "with the others of that turn. As a check that *y* answers *x* rather than moves with "
         "it, the same fit is made on *j*'s change in the turn *after* the budget, a build-up "
         "*i* could not yet have seen: what it shows is motion together, not an answer, and the "
         "last column takes it off. The verdict is made on these figures.\n\n";
  out << row({"pairs", "slope on x", "correlation", "slope on x′", "correlation",
              "mean y after a build-up", "mean y otherwise", "slope on x a turn later",
              "slope on x, net of it"});
  out << rule({false, true, true, true, true, true, true, true, true});
  for (const auto& sc : scenarios) {
    write_turn_dilemma_row(out, "`" + sc.setup.scenario + "` neighbours", sc.dilemma[0]);
    write_turn_dilemma_row(out, "`" + sc.setup.scenario + "` distant", sc.dilemma[1]);
  }
  write_turn_dilemma_row(out, "**both: neighbours**", h.dilemma[0]);
  write_turn_dilemma_row(out, "**both: distant**", h.dilemma[1]);
  out << "\n**Verdict**: " << dilemma_verdict(h.dilemma) << ".\n\n";
}

void write_guarantee_side(std::vector<std::string>& cells, const GuaranteeOutcome::Side& s) {
  const long long n = s.level.n;
  cells.push_back(share_of(s.accommodating + s.finlandized, n));
  cells.push_back(share_of(s.finlandized, n));
  cells.push_back(fmt(s.level.value(), 1));
  cells.push_back(pct(s.guaranteed_share.value(), 0));
}

void write_guarantee(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                     const Headlines& h) {
  out << "## (c) A third-party guarantee: a counterfactual pair\n\n"
      << "**Theory**: a small state next to a great power accommodates it (Finlandization) "
         "when no one else will stand by it; a credible outside guarantee lets it hold out.\n\n"
      << "**Measured**: not a correlation but a pair of scenario variants played from the same "
         "seeds with the same doctrines. *Baseline*: the scenario as it stands (a guarantor's "
         "bot may guarantee the state on its own). *Guarantee*: each turn, unless its bot "
         "already does, the guarantor's order set gets an `OfferGuarantee` for the small state "
         "appended, kept when `validate_orders` accepts it there (the guarantee runs out in the "
         "coming turn or is not in force, the guarantor has the influence, it is not "
         "Finlandized toward a power pressing the small state). A guarantee lasts "
         "`guarantee_duration` turns, so the renewals keep it in force without a gap for as long "
         "as the guarantor can pay; *guaranteed* is the share of turns it was in force. Under "
         "sway: the small state ends the match Accommodating or Finlandized toward the power; "
         "the level is its final Finlandization level toward it (0..100).\n\n";
  for (const auto& sc : scenarios) {
    out << "`" << sc.setup.scenario << "`: power " << sc.setup.power << ", guarantor "
        << sc.setup.guarantor << "; the small states are " << sc.setup.why_these << ".\n\n";
    out << row({"small state", "under sway", "of which Finlandized", "mean level", "guaranteed",
                "under sway", "of which Finlandized", "mean level", "guaranteed"});
    out << rule({false, true, true, true, true, true, true, true, true});
    out << row({"", "*baseline*", "", "", "", "*guarantee*", "", "", ""});
    for (size_t k = 0; k < sc.guarantee.size(); ++k) {
      std::vector<std::string> cells{sc.setup.small_states[k]};
      write_guarantee_side(cells, sc.guarantee[k].baseline);
      write_guarantee_side(cells, sc.guarantee[k].guaranteed);
      out << row(cells);
    }
    const GuaranteeHeadline g = guarantee_headline(sc.guarantee);
    out << row({"**all**", pct(g.baseline_pressed), "", fmt(g.baseline_level, 1), "",
                pct(g.guaranteed_pressed), "", fmt(g.guaranteed_level, 1), ""});
    out << "\n";
  }
  out << "**Verdict** (every small state of both scenarios): " << guarantee_verdict(h.guarantee)
      << ".\n\n";
}

void write_quartile_row(std::ostream& out, const std::string& label, double start,
                        const std::vector<double>& values, int decimals) {
  out << row({label, fmt(start, decimals), fmt(mean_of(values), decimals),
              fmt(quantile(values, 0.25), decimals), fmt(quantile(values, 0.5), decimals),
              fmt(quantile(values, 0.75), decimals)});
}

void write_blocs(std::ostream& out, const std::vector<ScenarioFindings>& scenarios) {
  for (const auto& sc : scenarios) {
    if (!sc.has_blocs()) continue;
    const auto ratios = bloc_ratios(sc);
    const double start_ratio = bloc_start_ratio(sc);
    out << "## (d) The blocs around the superpowers, `" << sc.setup.scenario << "`\n\n"
        << "**Theory** (Walt): the less threatening United States drew allies with about three "
           "times the Soviet Union's GNP; the Soviet Union, nearer and more offensive, found few.\n\n"
        << "**Measured** at the end of each match: a bloc is the leader (" << sc.setup.west_bloc_leader
        << ", " << sc.setup.east_bloc_leader
        << ") and every state sharing a mutual defense pact with it; a state allied with both "
           "leaders counts for neither ("
        << count(sc.matches_with_a_state_in_both) << " of " << count(sc.matches)
        << " matches had one). GDP in the scenario's money (billions of 1990 dollars); the "
           "start is turn 0, the same in every match.\n\n";
    out << row({"", "start", "mean", "lower quartile", "median", "upper quartile"});
    out << rule({false, true, true, true, true, true});
    write_quartile_row(out, sc.setup.west_bloc_leader + " bloc GDP", sc.blocs_at_start.west,
                       sc.west_gdp, 0);
    write_quartile_row(out, sc.setup.east_bloc_leader + " bloc GDP", sc.blocs_at_start.east,
                       sc.east_gdp, 0);
    write_quartile_row(out, "ratio", start_ratio, ratios, 2);
    out << "\n**Verdict**: " << bloc_verdict(ratios, start_ratio) << ".\n\n";
  }
}

void write_winners(std::ostream& out, const std::vector<ScenarioFindings>& scenarios,
                   const Headlines& h) {
  out << "## (e) Winners per state and per doctrine\n\n"
      << "The winner of a match is the state with the highest final score total (a tie goes to "
         "the first in scenario order); scores measure each state against its own start "
         "(`shared/scoring.h`). **Target** (the issue): over 1,000 bot matches of "
         "`cold_war_1949` no state wins more than 35 % and at least six different states win at "
         "least once; scaled to a scenario's size, six times its states over 18 (four for "
         "`indo_pacific`'s 11).\n\n";
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const ScenarioFindings& sc = scenarios[i];
    out << "### `" << sc.setup.scenario << "`\n\n";
    out << row({"state", "wins", "share"});
    out << rule({false, true, true});
    for (size_t s = 0; s < sc.states.size(); ++s)
      out << row({sc.states[s], count(sc.wins[s]),
                  share_of(sc.wins[s], static_cast<long long>(sc.matches))});
    out << "\n";
    out << row({"doctrine", "state-matches played", "wins", "share of wins",
                "wins per 100 played"});
    out << rule({false, true, true, true, true});
    for (size_t d = 0; d < sc.doctrines.size(); ++d) {
      const long long plays = sc.doctrine_plays[d];
      out << row({sc.doctrines[d], count(plays), count(sc.doctrine_wins[d]),
                  share_of(sc.doctrine_wins[d], static_cast<long long>(sc.matches)),
                  plays > 0 ? fmt(100.0 * static_cast<double>(sc.doctrine_wins[d]) /
                                      static_cast<double>(plays),
                                  2)
                            : "–"});
    }
    out << "\n**Target**: " << winner_verdict(sc, h.winners[i]) << ".\n\n";
  }
}

}  // namespace

std::string validation_report(const std::vector<ScenarioFindings>& scenarios,
                              const ValidationPlan& plan) {
  const Headlines h = headlines(scenarios);
  std::ostringstream out;
  write_header(out, scenarios, plan);
  write_summary(out, scenarios, h);
  write_balancing(out, scenarios, h);
  write_dilemma(out, scenarios, h);
  write_guarantee(out, scenarios, h);
  write_blocs(out, scenarios);
  write_winners(out, scenarios, h);
  return out.str();
}

}  // namespace hegemon::validate
