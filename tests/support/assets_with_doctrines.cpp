#include "assets_with_doctrines.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"

namespace hegemon::testing {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

AssetsWithDoctrines::AssetsWithDoctrines() {
  std::filesystem::copy(HEGEMON_ASSETS_DIR, path(), std::filesystem::copy_options::recursive);
  const std::filesystem::path ruleset = std::filesystem::path(path()) / "rulesets" / "standard.txtpb";
  if (doctrine_names(parse_ruleset(read_text(ruleset), ruleset.string())).size() < 2) {
    std::ofstream out(ruleset, std::ios::app);
    out << "\ndoctrines { name: \"hawk\" title: \"Hawk\" description: \"Arms first.\" }\n"
           "doctrines { name: \"dove\" title: \"Dove\" description: \"Treaties first.\" }\n";
  }
  tutorial_ = load_scenario_file("tutorial", 1, path());
  names_ = doctrine_names(tutorial_.ruleset);
}

std::string AssetsWithDoctrines::path() const { return (dir_.path() / "assets").string(); }

std::string AssetsWithDoctrines::default_of(const std::string& state) const {
  const std::string& own = tutorial_.states[static_cast<std::size_t>(tutorial_.find(state))].doctrine;
  return own.empty() ? names_.front() : own;
}

}  // namespace hegemon::testing
