#include "client/app/scenario_catalog.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "protocol/world.pb.h"

#ifndef HEGEMON_ASSETS_DIR
#define HEGEMON_ASSETS_DIR "assets"
#endif

namespace hegemon::client {
namespace {

class Silent : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int, int, const std::string&) override {}
};

/// Reads a protobuf text file into `message`; false when it is missing or does not parse.
bool read_text_message(const std::filesystem::path& file, google::protobuf::Message& message) {
  std::ifstream in(file);
  if (!in) return false;
  std::stringstream text;
  text << in.rdbuf();
  google::protobuf::TextFormat::Parser parser;
  Silent silent;
  parser.RecordErrorsTo(&silent);
  return parser.ParseFromString(text.str(), &message);
}

/// The doctrines of the ruleset a scenario names, beside it as the server finds it; none when
/// the ruleset is missing or does not parse (the server still checks any name it is sent).
std::vector<DoctrineInfo> read_doctrines(const std::filesystem::path& scenario_file,
                                         const std::string& ruleset) {
  std::vector<DoctrineInfo> out;
  if (ruleset.empty() || ruleset.find('/') != std::string::npos) return out;
  pb::Ruleset rules;
  const auto file = scenario_file.parent_path().parent_path() / "rulesets" / (ruleset + ".txtpb");
  if (!read_text_message(file, rules)) return out;
  for (const auto& d : rules.doctrines()) out.push_back({d.name(), d.title(), d.description()});
  return out;
}

std::optional<ScenarioInfo> read_scenario(const std::filesystem::path& file) {
  pb::Scenario scenario;
  if (!read_text_message(file, scenario)) return std::nullopt;
  ScenarioInfo info;
  info.name = scenario.name().empty() ? file.stem().string() : scenario.name();
  info.title = scenario.title();
  info.description = scenario.description();
  info.turns = scenario.turns();
  for (const auto& state : scenario.states())
    info.states.push_back({state.id(), state.name(), state.doctrine()});
  info.doctrines = read_doctrines(file, scenario.ruleset());
  return info;
}

}  // namespace

std::string ScenarioInfo::default_doctrine(std::size_t i) const {
  if (i < states.size() && !states[i].doctrine.empty()) return states[i].doctrine;
  return doctrines.empty() ? std::string() : doctrines.front().name;
}

std::vector<ScenarioInfo> local_scenarios(const std::string& assets_dir) {
  std::vector<ScenarioInfo> out;
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::path(assets_dir) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".txtpb") continue;
    if (auto info = read_scenario(entry.path())) out.push_back(std::move(*info));
  }
  std::sort(out.begin(), out.end(),
            [](const ScenarioInfo& a, const ScenarioInfo& b) { return a.name < b.name; });
  return out;
}

std::optional<ScenarioInfo> local_scenario(const std::string& assets_dir, const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos) return std::nullopt;
  return read_scenario(std::filesystem::path(assets_dir) / "scenarios" / (name + ".txtpb"));
}

std::string client_assets_dir() {
  if (const char* dir = std::getenv("HEGEMON_ASSETS"); dir && *dir) return dir;
  return HEGEMON_ASSETS_DIR;
}

}  // namespace hegemon::client
