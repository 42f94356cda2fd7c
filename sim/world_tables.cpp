// The tables of pairs and treaties: the whole threat matrix factor by factor, and every treaty's
// members, once per world.
#include "shared/threat.h"
#include "sim/csv_row.h"
#include "sim/tables.h"

namespace hegemon::sim {

const char* const kThreatsHeader =
    "match,turn,felt_by,from,threat,power,proximity,offense,intentions,alliance_discount,total\n";

void append_threat_rows(std::string& out, int match, const World& w) {
  for (int s = 0; s < w.size(); ++s) {
    const std::vector<ThreatFactors> felt = threats_felt_by(w, s);
    for (int o = 0; o < w.size(); ++o) {
      if (o == s) continue;
      const ThreatFactors& f = felt[o];
      CsvRow(out).whole(match).whole(w.turn).text(w.states[s].id).text(w.states[o].id)
          .number(w.threat.at(s, o), 3).number(f.power, 3).number(f.proximity, 3)
          .number(f.offense, 3).number(f.intentions, 3).number(f.alliance_discount, 3)
          .number(f.total, 3);
    }
  }
}

const char* const kTreatiesHeader =
    "match,turn,treaty,name,type,signed_turn,member,compliant,breaches,notice_given_turn,"
    "cohesion,interoperability,credibility\n";

void append_treaty_rows(std::string& out, int match, const World& w) {
  for (const Treaty& t : w.treaties) {
    const double cred = credibility(w, t);
    for (const MemberStanding& m : t.members)
      CsvRow(out).whole(match).whole(w.turn).whole(t.id).text(t.name)
          .text(treaty_type_name(t.type)).whole(t.signed_turn).text(w.states[m.state].id)
          .flag(m.compliant).whole(m.breaches).whole(m.notice_given_turn).number(t.cohesion, 4)
          .number(t.interoperability, 4).number(cred, 4);
  }
}

}  // namespace hegemon::sim
