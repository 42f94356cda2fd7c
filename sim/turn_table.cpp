#include "sim/turn_table.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "shared/format.h"
#include "shared/threat.h"

namespace hegemon::sim {
namespace {

std::string pad(std::string s, size_t width) {
  if (s.size() > width) s.resize(width);
  return s + std::string(width - s.size(), ' ');
}

std::string lpad(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

/// The period the last turn was played over ("1949", "2026 Q3"); the start before any turn.
std::string year_label(const World& w) {
  const ScenarioInfo& sc = w.scenario;
  if (w.turn == 0) return "start of " + std::to_string(sc.start_year);
  const int played = w.turn - 1;
  if (!sc.quarterly) return std::to_string(sc.start_year + played);
  return std::to_string(sc.start_year + played / 4) + " Q" + std::to_string(played % 4 + 1);
}

/// "FIN:acc SU" style summary of the strongest Finlandization pull on a state.
std::string finland_summary(const World& w, StateIndex s) {
  const auto& rel = w.states[s].relations;
  StateIndex worst = -1;
  for (int p = 0; p < w.size(); ++p)
    if (p != s && (worst < 0 || rel[p].finland_level > rel[worst].finland_level)) worst = p;
  if (worst < 0 || rel[worst].finland_level < 0.5) return "-";
  const char* status = rel[worst].finland_status == FinlandStatus::Finlandized     ? "FINL"
                       : rel[worst].finland_status == FinlandStatus::Accommodating ? "acc"
                                                                                   : "ind";
  return fmt(rel[worst].finland_level, 0) + " " + status + " " + w.states[worst].id;
}

}  // namespace

void print_turn_table(std::ostream& out, const World& w) {
  out << "\n== Turn " << w.turn << " (" << year_label(w) << ") of " << w.scenario.name << " ==\n";
  out << pad("state", 8) << lpad("def%", 6) << lpad("eco%", 6) << lpad("wel%", 6)
      << lpad("GDP", 10) << lpad("TD", 8) << lpad("PP", 8) << lpad("stab", 6) << "  "
      << pad("top threat", 14) << pad("finland", 14) << lpad("treaties", 9) << lpad("score", 8)
      << "\n";
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    const Allocation& a = st.allocation;
    const int def = a[Category::TerritorialDefense] + a[Category::PowerProjection];
    const StateIndex threat = top_threat(w, s);
    const std::string threat_text =
        threat >= 0 ? w.states[threat].id + " " + fmt(w.threat.at(s, threat), 0) : "-";
    const auto treaties = std::count_if(w.treaties.begin(), w.treaties.end(),
                                        [&](const Treaty& t) { return t.has_member(s); });
    const double score = s < static_cast<int>(w.scores.size()) ? w.scores[s].total : 0.0;
    out << pad(st.id, 8) << lpad(fmt(def / 100.0, 0), 6)
        << lpad(fmt(a[Category::Economy] / 100.0, 0), 6)
        << lpad(fmt(a[Category::Welfare] / 100.0, 0), 6) << lpad(fmt(st.gdp, 0), 10)
        << lpad(fmt(st.territorial_defense, 0), 8) << lpad(fmt(st.power_projection, 0), 8)
        << lpad(fmt(st.stability, 0), 6) << "  " << pad(threat_text, 14)
        << pad(finland_summary(w, s), 14) << lpad(std::to_string(treaties), 9)
        << lpad(fmt(score, 1), 8) << "\n";
  }
}

void print_news(std::ostream& out, const World& w, const Journal& journal) {
  for (const JournalEntry* e : journal.readable_by(-1)) {
    switch (e->topic) {
      case Topic::Treaty:
      case Topic::Pressure:
      case Topic::Finlandization:
      case Topic::Compliance:
      case Topic::Domestic:
      case Topic::Event:
      case Topic::SanctionTopic:
      case Topic::Aid:
      case Topic::End:
        out << "  * " << e->text << "\n";
        break;
      default:
        break;
    }
  }
  (void)w;
}

void print_standings(std::ostream& out, const World& w) {
  std::vector<int> order(w.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return w.scores[a].total > w.scores[b].total;
  });
  out << "\nFinal standings after turn " << w.turn << " of " << w.scenario.turns;
  if (w.ended) out << " (" << w.end_reason << ")";
  out << ":\n";
  int rank = 1;
  for (int s : order) {
    const Score& sc = w.scores[s];
    out << lpad(std::to_string(rank++), 3) << ". " << pad(w.states[s].name, 22)
        << lpad(fmt(sc.total), 7) << "  (security " << fmt(sc.security) << ", prosperity "
        << fmt(sc.prosperity) << ", influence " << fmt(sc.influence) << ", sovereignty "
        << fmt(sc.sovereignty) << ", objectives " << fmt(sc.objectives) << ")\n";
  }
}

}  // namespace hegemon::sim
