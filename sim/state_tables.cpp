// The tables of states: one row per state at the end of a match, and one per state per turn.
#include <algorithm>

#include "shared/scoring.h"
#include "shared/threat.h"
#include "sim/csv_row.h"
#include "sim/tables.h"

namespace hegemon::sim {
namespace {

const Score& score_of(const World& w, StateIndex s) {
  static const Score kNone{};
  return s < static_cast<int>(w.scores.size()) ? w.scores[s] : kNone;
}

void score_fields(CsvRow& row, const Score& sc) {
  row.number(sc.total, 3)
      .number(sc.security, 3)
      .number(sc.prosperity, 3)
      .number(sc.influence, 3)
      .number(sc.sovereignty, 3)
      .number(sc.objectives, 3);
}

int count_treaties(const World& w, StateIndex s, bool mutual_defense_only) {
  int n = 0;
  for (const Treaty& t : w.treaties)
    if (t.has_member(s) && (!mutual_defense_only || t.type == TreatyType::MutualDefense)) ++n;
  return n;
}

/// "FIN;NOR": the ids of the states `s` holds the status `status` toward.
std::string ids_with_status(const World& w, StateIndex s, FinlandStatus status) {
  std::string out;
  for (int p = 0; p < w.size(); ++p)
    if (p != s && w.states[s].relations[p].finland_status == status)
      out += (out.empty() ? "" : ";") + w.states[p].id;
  return out;
}

void pull_fields(CsvRow& row, const World& w, StateIndex s, bool with_forces) {
  const StateIndex p = strongest_pull(w, s);
  if (p < 0) {
    row.empty().number(0, 3).text(finland_status_name(FinlandStatus::Independent));
    if (with_forces) row.number(0, 3).number(0, 3).number(0, 3);
    return;
  }
  const Relation& r = w.states[s].relations[p];
  row.text(w.states[p].id).number(r.finland_level, 3).text(finland_status_name(r.finland_status));
  if (with_forces)
    row.number(r.finland_change, 3).number(r.finland_push, 3).number(r.finland_resistance, 3);
}

}  // namespace

StateIndex strongest_pull(const World& w, StateIndex s) {
  const auto& rel = w.states[s].relations;
  StateIndex best = -1;
  for (int p = 0; p < w.size(); ++p) {
    if (p == s || (rel[p].finland_level <= 0 && rel[p].finland_push <= 0)) continue;
    if (best < 0 || rel[p].finland_level > rel[best].finland_level ||
        (rel[p].finland_level == rel[best].finland_level &&
         rel[p].finland_push > rel[best].finland_push))
      best = p;
  }
  return best;
}

const char* const kMatchesHeader =
    "match,seed,state,doctrine,turns,score_total,score_security,score_prosperity,"
    "score_influence,score_sovereignty,score_objectives,rank,winner,gdp,gdp_ratio,"
    "territorial_defense,power_projection,forces,technology,stability,government_changes,"
    "influence,reputation,finland_toward,finland_level,finland_status,accommodating_toward,"
    "finlandized_toward,alliances,treaties,guarantees_received,sanctioned_by,objectives_met,"
    "objectives,end_reason\n";

void append_match_rows(std::string& out, int match, const World& w, const Doctrines& doctrines) {
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    const Score& sc = score_of(w, s);
    int rank = 1;
    for (int o = 0; o < w.size(); ++o) rank += score_of(w, o).total > sc.total ? 1 : 0;
    int guarantees = 0, sanctioned_by = 0, objectives = 0, met = 0;
    for (const Guarantee& g : w.guarantees) guarantees += g.protected_state == s ? 1 : 0;
    for (const Sanction& x : w.sanctions) sanctioned_by += x.target == s ? 1 : 0;
    for (const Objective& ob : w.scenario.objectives) {
      if (ob.state != s) continue;
      ++objectives;
      met += objective_met(w, ob) ? 1 : 0;
    }
    const double start_gdp = s < static_cast<int>(w.scenario.start_gdp.size())
                                 ? w.scenario.start_gdp[s]
                                 : 0.0;
    CsvRow row(out);
    row.whole(match).text(std::to_string(w.seed)).text(st.id).text(doctrines[s]).whole(w.turn);
    score_fields(row, sc);
    row.whole(rank).flag(rank == 1).number(st.gdp, 3)
        .number(start_gdp > 0 ? st.gdp / start_gdp : 0.0, 4)
        .number(st.territorial_defense, 3).number(st.power_projection, 3).number(st.forces(), 3)
        .number(st.technology, 4).number(st.stability, 3).whole(st.government_changes)
        .number(st.influence, 3).number(st.reputation, 3);
    pull_fields(row, w, s, false);
    row.text(ids_with_status(w, s, FinlandStatus::Accommodating))
        .text(ids_with_status(w, s, FinlandStatus::Finlandized))
        .whole(count_treaties(w, s, true)).whole(count_treaties(w, s, false))
        .whole(guarantees).whole(sanctioned_by).whole(met).whole(objectives).text(w.end_reason);
  }
}

const char* const kTurnsHeader =
    "match,turn,state,doctrine,bp_territorial_defense,bp_power_projection,bp_economy,bp_welfare,"
    "bp_research,bp_diplomacy,bp_intelligence,publish_budget,revenue,gdp,population,"
    "territorial_defense,power_projection,forces,technology,stability,lean,influence,reputation,"
    "intelligence,top_threat,top_threat_value,threat_power,threat_proximity,threat_offense,"
    "threat_intentions,threat_alliance_discount,threat_total,finland_toward,finland_level,"
    "finland_status,finland_change,finland_push,finland_resistance,treaties,alliances,"
    "score_total,score_security,score_prosperity,score_influence,score_sovereignty,"
    "score_objectives\n";

void append_turn_rows(std::string& out, int match, const World& w, const Doctrines& doctrines) {
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    CsvRow row(out);
    row.whole(match).whole(w.turn).text(st.id).text(doctrines[s]);
    for (int c = 0; c < kCategoryCount; ++c) row.whole(st.allocation.bp[c]);
    row.flag(st.publish_budget).number(st.last_revenue, 3).number(st.gdp, 3)
        .number(st.population, 3).number(st.territorial_defense, 3)
        .number(st.power_projection, 3).number(st.forces(), 3).number(st.technology, 4)
        .number(st.stability, 3).text(lean_name(st.lean)).number(st.influence, 3)
        .number(st.reputation, 3).number(st.intelligence, 3);
    const StateIndex threat = top_threat(w, s);
    if (threat >= 0) {
      const ThreatFactors f = threat_factors(w, s, threat);
      row.text(w.states[threat].id).number(w.threat.at(s, threat), 3).number(f.power, 3)
          .number(f.proximity, 3).number(f.offense, 3).number(f.intentions, 3)
          .number(f.alliance_discount, 3).number(f.total, 3);
    } else {
      row.empty().number(0, 3).number(0, 3).number(0, 3).number(0, 3).number(0, 3)
          .number(1, 3).number(0, 3);
    }
    pull_fields(row, w, s, true);
    std::string ids;
    for (const Treaty& t : w.treaties)
      if (t.has_member(s)) ids += (ids.empty() ? "" : ";") + std::to_string(t.id);
    row.text(ids).whole(count_treaties(w, s, true));
    score_fields(row, score_of(w, s));
  }
}

}  // namespace hegemon::sim
