// hegemon-sim's options: every bad option, state, doctrine or ruleset field is refused with a
// message naming it, before any match is played.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "sim/sim_options.h"
#include "sim/start_world.h"

namespace hegemon::sim {
namespace {

SimOptions parse(std::vector<std::string> args) {
  args.insert(args.begin(), "hegemon-sim");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return parse_sim_options(static_cast<int>(argv.size()), argv.data());
}

/// The message of the std::invalid_argument that `f` throws, or "" when it throws none.
template <typename F>
std::string refusal(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(SimOptions, ReadsABatch) {
  const SimOptions o = parse({"--scenario", "cold_war_1949", "--matches", "100", "--jobs", "2",
                              "--shard", "3/10", "--doctrine", "USA=hedger", "--set",
                              "finland_gain=4.5", "--matches-csv", "m.csv", "--no-progress"});
  EXPECT_EQ(o.matches, 100);
  EXPECT_EQ(o.jobs, 2);
  EXPECT_EQ(o.shard.index, 3);
  EXPECT_EQ(o.shard.count, 10);
  ASSERT_EQ(o.doctrines.size(), 1u);
  EXPECT_EQ(o.doctrines[0].first, "USA");
  EXPECT_EQ(o.doctrines[0].second, "hedger");
  ASSERT_EQ(o.ruleset_settings.size(), 1u);
  EXPECT_EQ(o.ruleset_settings[0].second, "4.5");
  EXPECT_EQ(o.progress, false);
  EXPECT_FALSE(o.single_match());
  EXPECT_TRUE(parse({}).single_match());
  EXPECT_TRUE(parse({"--matches", "5", "--only-match", "4"}).single_match());
}

TEST(SimOptions, RefusesBadValuesNamingTheOption) {
  EXPECT_NE(refusal([] { parse({"--matches", "0"}); }).find("--matches"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--jobs", "two"}); }).find("--jobs"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--shard", "3"}); }).find("I/K"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--matches", "9", "--shard", "3/3"}); }).find("--shard"),
            std::string::npos);
  EXPECT_NE(refusal([] { parse({"--matches", "2", "--shard", "0/3"}); }).find("at least 3"),
            std::string::npos);
  EXPECT_NE(refusal([] { parse({"--doctrine", "USA"}); }).find("STATE=NAME"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--set", "=3"}); }).find("FIELD=VALUE"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--matches", "3", "--only-match", "3"}); }).find("0 to 2"),
            std::string::npos);
  EXPECT_NE(refusal([] { parse({"--matches", "3", "--json", "h.json"}); }).find("--history-json"),
            std::string::npos);
  EXPECT_NE(refusal([] { parse({"--bogus"}); }).find("unknown option --bogus"), std::string::npos);
  EXPECT_NE(refusal([] { parse({"--seed"}); }).find("needs a value"), std::string::npos);
}

TEST(SimOptions, TheHelpNamesEveryOption) {
  const std::string help = sim_usage();
  for (const char* option :
       {"--scenario", "--turns", "--seed", "--doctrine", "--set", "--matches", "--jobs",
        "--shard", "--only-match", "--progress", "--no-progress", "--matches-csv", "--turns-csv",
        "--decisions-csv", "--threats-csv", "--treaties-csv", "--history-json", "--json",
        "--csv", "--assets", "--list", "--quiet", "--help", "--version"})
    EXPECT_NE(help.find(option), std::string::npos) << option;
}

TEST(StartWorld, AnUnknownStateListsTheScenariosStates) {
  World w = load_scenario_file("tutorial", 1);
  const std::string why = refusal([&] { set_doctrine(w, "ATLANTIS", "x"); });
  EXPECT_NE(why.find("no state \"ATLANTIS\""), std::string::npos) << why;
  EXPECT_NE(why.find(w.states[0].id), std::string::npos) << why;
}

TEST(StartWorld, AnUnknownDoctrineListsTheRulesetsDoctrines) {
  World w = load_scenario_file("tutorial", 1);
  const std::string why = refusal([&] { set_doctrine(w, w.states[0].id, "no_such_doctrine"); });
  EXPECT_NE(why.find("no doctrine \"no_such_doctrine\""), std::string::npos) << why;
  for (const std::string& name : doctrine_names(w.ruleset))
    EXPECT_NE(why.find(name), std::string::npos) << why;
  if (const auto names = doctrine_names(w.ruleset); !names.empty()) {
    set_doctrine(w, w.states[1].id, names.back());
    EXPECT_EQ(w.states[1].doctrine, names.back());
  }
}

TEST(StartWorld, SetsARulesetFieldByName) {
  World w = load_scenario_file("tutorial", 1);
  set_ruleset_field(w.ruleset, "finland_gain", "7.25");
  EXPECT_DOUBLE_EQ(w.ruleset.finland_gain(), 7.25);
  set_ruleset_field(w.ruleset, "proposal_lifetime", "5");
  EXPECT_EQ(w.ruleset.proposal_lifetime(), 5);
}

TEST(StartWorld, RefusesAnUnknownFieldOrABadValue) {
  World w = load_scenario_file("tutorial", 1);
  std::string why = refusal([&] { set_ruleset_field(w.ruleset, "finland_gian", "3"); });
  EXPECT_NE(why.find("no scalar field \"finland_gian\""), std::string::npos) << why;
  EXPECT_NE(why.find("finland_gain"), std::string::npos) << why;  // the valid ones are listed
  why = refusal([&] { set_ruleset_field(w.ruleset, "doctrines", "3"); });
  EXPECT_NE(why.find("no scalar field"), std::string::npos) << why;
  why = refusal([&] { set_ruleset_field(w.ruleset, "finland_gain", "fast"); });
  EXPECT_NE(why.find("expects a number"), std::string::npos) << why;
  why = refusal([&] { set_ruleset_field(w.ruleset, "proposal_lifetime", "2.5"); });
  EXPECT_NE(why.find("expects a whole number"), std::string::npos) << why;
}

TEST(StartWorld, ARulesetOutOfRangeAfterSetIsRefusedWithTheRulesetsOwnCheck) {
  SimOptions o;
  o.scenario = "tutorial";
  o.ruleset_settings = {{"finland_gain", "-1"}};
  const std::string why = refusal([&] { start_world(o, HEGEMON_ASSETS_DIR); });
  EXPECT_NE(why.find("--set"), std::string::npos) << why;
  EXPECT_NE(why.find("finland_gain"), std::string::npos) << why;
}

TEST(StartWorld, AppliesSettingsBeforeTheWorldIsBuilt) {
  SimOptions o;
  o.scenario = "cold_war_1949";
  o.ruleset_settings = {{"starting_interoperability", "0.05"}};
  const World w = start_world(o, HEGEMON_ASSETS_DIR);
  EXPECT_DOUBLE_EQ(w.ruleset.starting_interoperability(), 0.05);
  bool any_pact = false;
  for (const Treaty& t : w.treaties)
    if (t.type == TreatyType::MutualDefense) {
      any_pact = true;
      EXPECT_DOUBLE_EQ(t.interoperability, 0.05);
    }
  EXPECT_TRUE(any_pact);
}

}  // namespace
}  // namespace hegemon::sim
