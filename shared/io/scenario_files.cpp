#include "shared/io/scenario_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace hegemon {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExtension = ".txtpb";
// A scenario is a page or two of text; anything this large is not one.
constexpr std::uintmax_t kMaxFileBytes = 16u * 1024u * 1024u;

bool is_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error);
}

std::string read_text(const fs::path& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) throw ScenarioError(path.string() + ": cannot read: " + error.message());
  if (size > kMaxFileBytes)
    throw ScenarioError(path.string() + ": " + std::to_string(size) +
                        " bytes is too large for a scenario or ruleset");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(path.string() + ": cannot open the file");
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw ScenarioError(path.string() + ": cannot read the file");
  return text;
}

/// The names (file stems) of the .txtpb files in a folder, sorted; none when it does not exist.
std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == kExtension && is_file(it->path()))
      names.push_back(it->path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// A bare name is looked up among the assets; anything that reads as a path is taken as one.
bool looks_like_path(const std::string& name_or_path) {
  return name_or_path.find('/') != std::string::npos ||
         name_or_path.find('\\') != std::string::npos ||
         fs::path(name_or_path).extension() == kExtension;
}

fs::path find_scenario(const std::string& name_or_path, const std::string& assets_dir) {
  const fs::path scenarios = fs::path(assets_dir) / "scenarios";
  const bool is_path = looks_like_path(name_or_path);
  const fs::path candidate =
      is_path ? fs::path(name_or_path) : scenarios / (name_or_path + kExtension);
  if (!name_or_path.empty() && is_file(candidate)) return candidate;
  const std::string what = is_path ? "file at \"" + name_or_path + "\""
                                   : "named \"" + name_or_path + "\"";
  throw ScenarioError("no scenario " + what + "; the scenarios in " + scenarios.string() +
                      " are: " + joined(names_in(scenarios)));
}

fs::path find_ruleset(const std::string& name, const fs::path& scenario_path,
                      const std::string& assets_dir) {
  const fs::path beside = scenario_path.parent_path() / ".." / "rulesets" / (name + kExtension);
  if (is_file(beside)) return beside;
  const fs::path shipped = fs::path(assets_dir) / "rulesets" / (name + kExtension);
  if (is_file(shipped)) return shipped;
  throw ScenarioError(scenario_path.string() + ": the ruleset \"" + name +
                      "\" it names is neither at " + beside.lexically_normal().string() +
                      " nor at " + shipped.string() + "; the rulesets there are: " +
                      joined(names_in(fs::path(assets_dir) / "rulesets")));
}

}  // namespace

ScenarioTexts read_scenario_texts(const std::string& name_or_path,
                                  const std::string& assets_dir) {
  ScenarioTexts texts;
  const fs::path scenario_path = find_scenario(name_or_path, assets_dir);
  texts.scenario_path = scenario_path.string();
  texts.scenario_text = read_text(scenario_path);
  const std::string ruleset_name = scenario_ruleset_name(texts.scenario_text, texts.scenario_path);
  const fs::path ruleset_path = find_ruleset(ruleset_name, scenario_path, assets_dir);
  texts.ruleset_path = ruleset_path.string();
  texts.ruleset_text = read_text(ruleset_path);
  return texts;
}

World load_scenario_file(const std::string& name_or_path, std::uint64_t seed,
                         const std::string& assets_dir) {
  const ScenarioTexts texts = read_scenario_texts(name_or_path, assets_dir);
  const Ruleset ruleset = parse_ruleset(texts.ruleset_text, texts.ruleset_path);
  return load_world(texts.scenario_text, texts.scenario_path, ruleset, seed);
}

std::vector<std::string> list_scenarios(const std::string& assets_dir) {
  return names_in(fs::path(assets_dir) / "scenarios");
}

}  // namespace hegemon
