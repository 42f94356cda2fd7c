#include "sim/history_writer.h"

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <stdexcept>

#include "shared/format.h"
#include "shared/schema_adapter.h"
#include "shared/threat.h"
#include "shared/view.h"

namespace hegemon::sim {
namespace {

const char* kCsvHeader =
    "turn,state,gdp,population,territorial_defense,power_projection,technology,stability,"
    "influence,reputation,bp_territorial_defense,bp_power_projection,bp_economy,bp_welfare,"
    "bp_research,bp_diplomacy,bp_intelligence,published,top_threat,top_threat_value,"
    "max_finland_level,max_finland_toward,finland_status,treaties,score\n";

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

HistoryWriter::HistoryWriter(std::string json_path, std::string csv_path)
    : json_path_(std::move(json_path)), csv_path_(std::move(csv_path)), csv_(kCsvHeader) {
  // Find out now, not after the whole match, that a file cannot be written.
  for (const std::string& path : {json_path_, csv_path_})
    if (!path.empty() && !std::ofstream(path, std::ios::binary))
      throw std::runtime_error("cannot write " + path);
}

void HistoryWriter::record(const World& w, const Journal* journal) {
  if (!json_path_.empty()) {
    history_.set_scenario(w.scenario.name);
    history_.set_seed(w.seed);
    *history_.add_worlds() = to_proto(w);
    if (journal) *history_.add_reports() = make_report(w, *journal, kSpectator, nullptr);
  }
  if (csv_path_.empty()) return;
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    const StateIndex threat = top_threat(w, s);
    StateIndex pull = -1;
    for (int p = 0; p < w.size(); ++p)
      if (p != s && (pull < 0 || st.relations[p].finland_level > st.relations[pull].finland_level))
        pull = p;
    int treaties = 0;
    for (const auto& t : w.treaties) treaties += t.has_member(s) ? 1 : 0;
    std::string row = std::to_string(w.turn) + "," + st.id + "," + fmt(st.gdp, 3) + "," +
                      fmt(st.population, 3) + "," + fmt(st.territorial_defense, 3) + "," +
                      fmt(st.power_projection, 3) + "," + fmt(st.technology, 4) + "," +
                      fmt(st.stability, 3) + "," + fmt(st.influence, 3) + "," +
                      fmt(st.reputation, 3);
    for (int c = 0; c < kCategoryCount; ++c) row += "," + std::to_string(st.allocation.bp[c]);
    row += std::string(",") + (st.publish_budget ? "1" : "0");
    row += "," + (threat >= 0 ? w.states[threat].id : std::string()) + "," +
           fmt(threat >= 0 ? w.threat.at(s, threat) : 0.0, 3);
    row += "," + fmt(pull >= 0 ? st.relations[pull].finland_level : 0.0, 3) + "," +
           (pull >= 0 ? w.states[pull].id : std::string()) + "," +
           (pull >= 0 ? finland_status_name(st.relations[pull].finland_status) : "");
    row += "," + std::to_string(treaties) + "," +
           fmt(s < static_cast<int>(w.scores.size()) ? w.scores[s].total : 0.0, 3) + "\n";
    csv_ += row;
  }
}

void HistoryWriter::write() const {
  if (!json_path_.empty()) {
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    options.add_whitespace = true;
    options.preserve_proto_field_names = true;
    const auto status = google::protobuf::util::MessageToJsonString(history_, &json, options);
    if (!status.ok()) throw std::runtime_error("cannot encode the history as JSON: " +
                                               std::string(status.message()));
    write_file(json_path_, json);
  }
  if (!csv_path_.empty()) write_file(csv_path_, csv_);
}

}  // namespace hegemon::sim
