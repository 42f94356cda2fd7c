// The create dialog's choices as a CreateMatch: the catalog offers the ruleset's doctrines and
// each state's default, a doctrine chosen for a seat is in the request (and only when it differs
// from the default), and a real server takes the request and plays the seat by it.
#include "client/app/create_match_form.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "assets_with_doctrines.h"
#include "client/net/server_connection.h"
#include "test_server.h"

namespace hegemon::client {
namespace {

using testing::AssetsWithDoctrines;

std::size_t state_index(const ScenarioInfo& scenario, const std::string& id) {
  for (std::size_t i = 0; i < scenario.states.size(); ++i)
    if (scenario.states[i].id == id) return i;
  ADD_FAILURE() << "no state " << id;
  return 0;
}

int doctrine_index(const ScenarioInfo& scenario, const std::string& name) {
  for (std::size_t i = 0; i < scenario.doctrines.size(); ++i)
    if (scenario.doctrines[i].name == name) return static_cast<int>(i);
  ADD_FAILURE() << "no doctrine " << name;
  return 0;
}

/// The seat plan of `state` in the request, or nullptr when it is not listed.
const pb::SeatPlan* plan_of(const pb::CreateMatch& request, const std::string& state) {
  for (const auto& seat : request.seats())
    if (seat.state() == state) return &seat;
  return nullptr;
}

/// A tutorial form on assets with doctrines, Karvonia (the first state) ticked human.
class CreateMatchFormTest : public ::testing::Test {
 protected:
  CreateMatchFormTest() {
    form_.reset(local_scenarios(assets_.path()), "Karla's match");
    form_.choose_scenario("tutorial");
  }
  const ScenarioInfo& tutorial() const { return *form_.known(); }
  /// A doctrine of the ruleset other than `state`'s default.
  std::string other_than_default(const std::string& state) const {
    const std::string def = assets_.default_of(state);
    return def == assets_.names()[0] ? assets_.names()[1] : assets_.names()[0];
  }

  AssetsWithDoctrines assets_;
  CreateMatchForm form_;
};

TEST_F(CreateMatchFormTest, TheCatalogOffersTheRulesetsDoctrinesAndEachStatesDefault) {
  ASSERT_NE(form_.known(), nullptr);
  std::vector<std::string> names;
  for (const auto& d : tutorial().doctrines) {
    names.push_back(d.name);
    EXPECT_FALSE(d.title.empty()) << d.name;
  }
  EXPECT_EQ(names, assets_.names());
  for (std::size_t i = 0; i < tutorial().states.size(); ++i)
    EXPECT_EQ(tutorial().default_doctrine(i), assets_.default_of(tutorial().states[i].id));
}

TEST(ScenarioInfo, AStatesOwnDoctrineIsItsDefaultElseTheRulesetsFirst) {
  ScenarioInfo info;
  info.states = {{"A", "Alpha", "dove"}, {"B", "Beta", ""}};
  info.doctrines = {{"hawk", "Hawk", ""}, {"dove", "Dove", ""}};
  EXPECT_EQ(info.default_doctrine(0), "dove");
  EXPECT_EQ(info.default_doctrine(1), "hawk");
  info.doctrines.clear();
  EXPECT_EQ(info.default_doctrine(1), "");
}

TEST_F(CreateMatchFormTest, ABotSeatsChosenDoctrineIsInTheRequest) {
  const std::size_t lin = state_index(tutorial(), "LIN");
  EXPECT_TRUE(form_.offers_doctrine(lin));
  EXPECT_EQ(tutorial().doctrines[static_cast<std::size_t>(form_.doctrine(lin))].name,
            assets_.default_of("LIN"));  // the dialog starts on the scenario's default

  // Left at their defaults, the bots are not listed: the server's defaults apply.
  pb::CreateMatch request = form_.request();
  ASSERT_EQ(request.seats_size(), 1);
  EXPECT_EQ(request.seats(0).state(), "KAR");
  EXPECT_EQ(request.seats(0).kind(), pb::SEAT_HUMAN);
  EXPECT_EQ(request.seats(0).doctrine(), "");

  const std::string chosen = other_than_default("LIN");
  form_.set_doctrine(lin, doctrine_index(tutorial(), chosen));
  request = form_.request();
  const pb::SeatPlan* plan = plan_of(request, "LIN");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->kind(), pb::SEAT_BOT);
  EXPECT_EQ(plan->doctrine(), chosen);
  EXPECT_EQ(plan_of(request, "DRV"), nullptr);

  // Back to the default: unlisted again.
  form_.set_doctrine(lin, doctrine_index(tutorial(), assets_.default_of("LIN")));
  EXPECT_EQ(plan_of(form_.request(), "LIN"), nullptr);
}

TEST_F(CreateMatchFormTest, AHumanSeatsDoctrineCountsOnlyWhenABotPlaysItsAbsences) {
  const std::size_t kar = state_index(tutorial(), "KAR");
  ASSERT_TRUE(form_.human(kar));
  form_.set_doctrine(kar, doctrine_index(tutorial(), other_than_default("KAR")));
  EXPECT_FALSE(form_.offers_doctrine(kar));
  EXPECT_EQ(plan_of(form_.request(), "KAR")->doctrine(), "");
  form_.bot_plays_absent = true;
  EXPECT_TRUE(form_.offers_doctrine(kar));
  const pb::CreateMatch request = form_.request();
  EXPECT_EQ(plan_of(request, "KAR")->kind(), pb::SEAT_HUMAN);
  EXPECT_EQ(plan_of(request, "KAR")->doctrine(), other_than_default("KAR"));
  EXPECT_TRUE(request.bot_plays_absent_seats());
  EXPECT_EQ(form_.seat_to_take(), "KAR");
}

TEST_F(CreateMatchFormTest, AnUnknownScenarioLeavesTheDoctrinesToTheServer) {
  form_.choose_scenario("not_here");
  form_.human_list = "LIN, DRV";
  EXPECT_EQ(form_.known(), nullptr);
  const pb::CreateMatch request = form_.request();
  ASSERT_EQ(request.seats_size(), 2);
  for (const auto& seat : request.seats()) {
    EXPECT_EQ(seat.kind(), pb::SEAT_HUMAN);
    EXPECT_EQ(seat.doctrine(), "");
  }
}

TEST_F(CreateMatchFormTest, TheServerTakesTheRequestAndShowsTheChosenDoctrine) {
  const std::string chosen = other_than_default("THA");
  form_.set_doctrine(state_index(tutorial(), "THA"), doctrine_index(tutorial(), chosen));
  testing::TempDir data;
  server::ServerSettings settings;
  settings.assets_dir = assets_.path();
  testing::TestServer server(data.path(), settings);
  ServerConnection connection;
  connection.connect("127.0.0.1", server.port(), "Karla");
  pb::ClientMessage create;
  *create.mutable_create_match() = form_.request();
  const pb::ServerMessage reply = connection.call(create);
  ASSERT_TRUE(reply.has_match_created()) << reply.DebugString();
  for (const auto& seat : reply.match_created().match().seats()) {
    if (seat.state() == "THA") EXPECT_EQ(seat.doctrine(), chosen);
    if (seat.state() == "LIN") EXPECT_EQ(seat.doctrine(), assets_.default_of("LIN"));
  }
}

}  // namespace
}  // namespace hegemon::client
