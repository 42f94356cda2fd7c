#include "sim/compact_history.h"

#include <google/protobuf/util/json_util.h>

#include <stdexcept>

#include "shared/format.h"
#include "shared/schema_adapter.h"

namespace hegemon::sim {
namespace {

void json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out.push_back(kHex[(c >> 4) & 0xf]);
          out.push_back(kHex[c & 0xf]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

/// "key":[v0,v1,...] over the states, one number each.
template <typename Value>
void per_state(std::string& out, const char* key, const World& w, int decimals, Value value) {
  out += ",\"";
  out += key;
  out += "\":[";
  for (int s = 0; s < w.size(); ++s) {
    if (s) out.push_back(',');
    append_number(out, value(w.states[s], s), decimals);
  }
  out.push_back(']');
}

void number_list(std::string& out, std::initializer_list<double> values, int decimals) {
  out.push_back('[');
  bool first = true;
  for (double v : values) {
    if (!first) out.push_back(',');
    first = false;
    append_number(out, v, decimals);
  }
  out.push_back(']');
}

bool same(const Relation& a, const Relation& b) {
  return a.hostility == b.hostility && a.finland_level == b.finland_level &&
         a.finland_status == b.finland_status && a.finland_change == b.finland_change &&
         a.finland_push == b.finland_push && a.finland_resistance == b.finland_resistance &&
         a.coercion == b.coercion && a.bandwagoned == b.bandwagoned;
}

}  // namespace

std::string history_start_line(const World& start) {
  World facts = start;
  facts.seed = 0;  // every match has its own, on its own line
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  const auto status = google::protobuf::util::MessageToJsonString(to_proto(facts), &json, options);
  if (!status.ok())
    throw std::runtime_error("cannot encode the start world as JSON: " +
                             std::string(status.message()));
  return "{\"format\":\"hegemon-sim history 1\",\"start\":" + json + "}\n";
}

MatchHistoryLine::MatchHistoryLine(int match, const World& start) {
  text_ = "{\"match\":" + std::to_string(match) + ",\"seed\":\"" + std::to_string(start.seed) +
          "\",\"doctrines\":[";
  for (int s = 0; s < start.size(); ++s) {
    if (s) text_.push_back(',');
    json_string(text_, start.states[s].doctrine);
  }
  text_ += "],\"turns\":[";
  add_world(start, nullptr);
}

void MatchHistoryLine::add_turn(const World& world, const Journal& journal) {
  text_.push_back(',');
  add_world(world, &journal);
}

void MatchHistoryLine::add_world(const World& w, const Journal* journal) {
  std::string& out = text_;
  out += "{\"turn\":" + std::to_string(w.turn);
  per_state(out, "gdp", w, 3, [](const State& s, int) { return s.gdp; });
  per_state(out, "population", w, 3, [](const State& s, int) { return s.population; });
  per_state(out, "territorial_defense", w, 3,
            [](const State& s, int) { return s.territorial_defense; });
  per_state(out, "power_projection", w, 3,
            [](const State& s, int) { return s.power_projection; });
  per_state(out, "technology", w, 4, [](const State& s, int) { return s.technology; });
  per_state(out, "stability", w, 3, [](const State& s, int) { return s.stability; });
  per_state(out, "lean", w, 0, [](const State& s, int) { return static_cast<int>(s.lean); });
  per_state(out, "influence", w, 3, [](const State& s, int) { return s.influence; });
  per_state(out, "reputation", w, 3, [](const State& s, int) { return s.reputation; });
  per_state(out, "intelligence", w, 3, [](const State& s, int) { return s.intelligence; });
  per_state(out, "revenue", w, 3, [](const State& s, int) { return s.last_revenue; });
  per_state(out, "publish_budget", w, 0, [](const State& s, int) { return s.publish_budget; });
  out += ",\"allocation\":[";
  for (int s = 0; s < w.size(); ++s) {
    out += s ? ",[" : "[";
    for (int c = 0; c < kCategoryCount; ++c) {
      if (c) out.push_back(',');
      out += std::to_string(w.states[s].allocation.bp[c]);
    }
    out.push_back(']');
  }
  out += "],\"scores\":[";
  for (int s = 0; s < static_cast<int>(w.scores.size()); ++s) {
    if (s) out.push_back(',');
    const Score& sc = w.scores[s];
    number_list(out, {sc.total, sc.security, sc.prosperity, sc.influence, sc.sovereignty,
                      sc.objectives}, 3);
  }
  out += "],\"threat\":[";
  for (size_t i = 0; i < w.threat.cells.size(); ++i) {
    if (i) out.push_back(',');
    append_number(out, w.threat.cells[i], 2);
  }
  // Relations and treaties: only those that changed since the previous turn.
  out += "],\"relations\":[";
  bool first = true;
  const int n = w.size();
  relations_.resize(static_cast<size_t>(n) * n);
  last_relations_.resize(static_cast<size_t>(n) * n);
  std::string item;
  for (int s = 0; s < n; ++s)
    for (int o = 0; o < n; ++o) {
      if (o == s) continue;
      const Relation& r = w.states[s].relations[o];
      // Most pairs are as they were: no need to spell them out to find that out.
      Relation& last = last_relations_[static_cast<size_t>(s) * n + o];
      if (w.turn > 0 && same(r, last)) continue;
      last = r;
      item.clear();
      number_list(item, {double(s), double(o), r.hostility, r.finland_level,
                         double(static_cast<int>(r.finland_status)), r.finland_change,
                         r.finland_push, r.finland_resistance, r.coercion,
                         r.bandwagoned ? 1.0 : 0.0}, 3);
      std::string& before = relations_[static_cast<size_t>(s) * n + o];
      if (item == before) continue;
      // A pair never written and with nothing going on stays out: all zero is the default.
      const bool quiet = r.hostility == 0 && r.finland_level == 0 && r.finland_push == 0 &&
                         r.coercion == 0 && !r.bandwagoned;
      const bool unseen = before.empty();
      before = item;
      if (unseen && quiet) continue;
      if (!first) out.push_back(',');
      first = false;
      out += item;
    }
  out += "],\"treaties\":[";
  first = true;
  std::map<int, std::string> now;
  for (const Treaty& tr : w.treaties) {
    item = "{\"id\":" + std::to_string(tr.id) +
           ",\"type\":" + std::to_string(static_cast<int>(tr.type)) + ",\"name\":";
    json_string(item, tr.name);
    item += ",\"signed_turn\":" + std::to_string(tr.signed_turn) + ",\"members\":[";
    for (size_t m = 0; m < tr.members.size(); ++m) {
      if (m) item.push_back(',');
      const MemberStanding& ms = tr.members[m];
      item += "[" + std::to_string(ms.state) + "," + (ms.compliant ? "1" : "0") + "," +
              std::to_string(ms.breaches) + "," + std::to_string(ms.notice_given_turn) + "]";
    }
    item += "],\"cohesion\":";
    append_number(item, tr.cohesion, 4);
    item += ",\"interoperability\":";
    append_number(item, tr.interoperability, 4);
    item += ",\"fund\":";
    append_number(item, tr.fund, 3);
    item.push_back('}');
    const auto it = treaties_.find(tr.id);
    if (it == treaties_.end() || it->second != item) {
      if (!first) out.push_back(',');
      first = false;
      out += item;
    }
    now.emplace(tr.id, std::move(item));
  }
  out += "],\"treaties_ended\":[";
  first = true;
  for (const auto& entry : treaties_)
    if (!now.count(entry.first)) {
      if (!first) out.push_back(',');
      first = false;
      out += std::to_string(entry.first);
    }
  treaties_ = std::move(now);
  out += "],\"guarantees\":[";
  for (size_t g = 0; g < w.guarantees.size(); ++g) {
    const Guarantee& gu = w.guarantees[g];
    out += (g ? ",[" : "[") + std::to_string(gu.guarantor) + "," +
           std::to_string(gu.protected_state) + "," + std::to_string(gu.expires_turn) + "]";
  }
  out += "],\"sanctions\":[";
  for (size_t x = 0; x < w.sanctions.size(); ++x)
    out += (x ? ",[" : "[") + std::to_string(w.sanctions[x].sanctioner) + "," +
           std::to_string(w.sanctions[x].target) + "]";
  out += "],\"news\":[";
  if (journal) {
    first = true;
    for (const JournalEntry& e : journal->entries()) {
      if (!e.is_public) continue;
      if (!first) out.push_back(',');
      first = false;
      json_string(out, e.text);
    }
  }
  out += "]}";
}

std::string MatchHistoryLine::finish(const World& final_world) {
  std::string line = std::move(text_);
  line += "],\"ended\":";
  line += final_world.ended ? "true" : "false";
  line += ",\"end_reason\":";
  json_string(line, final_world.end_reason);
  line += "}\n";
  return line;
}

}  // namespace hegemon::sim
