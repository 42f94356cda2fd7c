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

std::optional<ScenarioInfo> read_scenario(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  pb::Scenario scenario;
  google::protobuf::TextFormat::Parser parser;
  Silent silent;
  parser.RecordErrorsTo(&silent);
  if (!parser.ParseFromString(text.str(), &scenario)) return std::nullopt;
  ScenarioInfo info;
  info.name = scenario.name().empty() ? file.stem().string() : scenario.name();
  info.title = scenario.title();
  info.description = scenario.description();
  info.turns = scenario.turns();
  for (const auto& state : scenario.states()) info.states.push_back({state.id(), state.name()});
  return info;
}

}  // namespace

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
