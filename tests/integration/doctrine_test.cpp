// A match creator chooses the doctrine a bot plays each seat by: the server checks the choice
// against the scenario's ruleset, shows it in the lobby, plays the seat by it, keeps it across a
// restart, and never lets another state's view carry it.
#include <gtest/gtest.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <string>
#include <vector>

#include "assets_with_doctrines.h"
#include "player.h"
#include "test_server.h"

namespace hegemon::testing {
namespace {

server::ServerSettings settings_for(const AssetsWithDoctrines& assets) {
  server::ServerSettings settings;
  settings.assets_dir = assets.path();
  return settings;
}

/// A tutorial match: KAR human, the others bots, with these doctrines per seat.
pb::ClientMessage create_tutorial(const std::vector<std::pair<std::string, std::string>>& bots,
                                  const std::string& kar_doctrine = "",
                                  bool bot_plays_absent = true) {
  pb::ClientMessage m;
  pb::CreateMatch* c = m.mutable_create_match();
  c->set_name("doctrines");
  c->set_scenario("tutorial");
  c->set_seed(7);
  c->set_bot_plays_absent_seats(bot_plays_absent);
  pb::SeatPlan* kar = c->add_seats();
  kar->set_state("KAR");
  kar->set_kind(pb::SEAT_HUMAN);
  kar->set_doctrine(kar_doctrine);
  for (const auto& [state, doctrine] : bots) {
    pb::SeatPlan* seat = c->add_seats();
    seat->set_state(state);
    seat->set_kind(pb::SEAT_BOT);
    seat->set_doctrine(doctrine);
  }
  return m;
}

std::string doctrine_shown(const pb::MatchSummary& match, const std::string& state) {
  for (const auto& seat : match.seats())
    if (seat.state() == state) return seat.doctrine();
  ADD_FAILURE() << "no seat " << state;
  return {};
}

pb::MatchList list_matches(Player& player) {
  pb::ClientMessage list;
  list.mutable_list_matches();
  return player.connection().call(list).match_list();
}

std::string bot_log_line(std::uint64_t match, int turn, const std::string& state,
                         const std::string& doctrine) {
  return "match " + std::to_string(match) + ": turn " + std::to_string(turn) + ": " + state +
         " played by the doctrine \"" + doctrine + "\"";
}

/// Every non-empty string field named "doctrine" anywhere in `message`, as a dotted path.
void doctrine_fields(const google::protobuf::Message& message, const std::string& path,
                     std::vector<std::string>& found) {
  const auto* reflection = message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const auto* field : fields) {
    const std::string here = path + field->name();
    if (field->type() == google::protobuf::FieldDescriptor::TYPE_STRING &&
        field->name() == "doctrine" && !field->is_repeated() &&
        !reflection->GetString(message, field).empty())
      found.push_back(here);
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(message, field); ++i)
        doctrine_fields(reflection->GetRepeatedMessage(message, field, i),
                        here + "[" + std::to_string(i) + "].", found);
    } else {
      doctrine_fields(reflection->GetMessage(message, field), here + ".", found);
    }
  }
}

std::vector<std::string> doctrine_fields(const google::protobuf::Message& message) {
  std::vector<std::string> found;
  doctrine_fields(message, "", found);
  return found;
}

TEST(Doctrines, AnOverriddenDoctrineIsShownPlayedAndKeptAcrossARestart) {
  AssetsWithDoctrines assets;
  const std::string chosen = assets.names()[1];
  TempDir data;
  std::uint64_t id = 0;
  std::string token;
  {
    TestServer server(data.path(), settings_for(assets));
    Player kar(server.port(), "Karla");
    const pb::ServerMessage created = kar.connection().call(create_tutorial({{"LIN", chosen}}, chosen));
    ASSERT_TRUE(created.has_match_created()) << created.DebugString();
    const pb::MatchSummary& match = created.match_created().match();
    id = match.match_id();
    EXPECT_EQ(doctrine_shown(match, "LIN"), chosen);
    EXPECT_EQ(doctrine_shown(match, "DRV"), assets.default_of("DRV"));  // not overridden
    EXPECT_EQ(doctrine_shown(match, "KAR"), chosen);  // a bot plays Karla's absences

    const pb::ServerMessage granted = kar.join(id, "KAR");
    ASSERT_TRUE(granted.has_seat_granted());
    EXPECT_EQ(granted.seat_granted().view().own().doctrine(), chosen);
    ASSERT_TRUE(kar.submit_budget(id, 1).has_orders_accepted());
    kar.wait_turn();
    EXPECT_NE(server.log_text().find(bot_log_line(id, 1, "LIN", chosen)), std::string::npos)
        << server.log_text();
    EXPECT_NE(server.log_text().find(bot_log_line(id, 1, "DRV", assets.default_of("DRV"))),
              std::string::npos);
    token = kar.seat_token();
  }
  TestServer restarted(data.path(), settings_for(assets));
  Player kar(restarted.port(), "Karla");
  const pb::MatchList after = list_matches(kar);
  ASSERT_EQ(after.matches_size(), 1);
  EXPECT_EQ(doctrine_shown(after.matches(0), "LIN"), chosen);
  EXPECT_EQ(doctrine_shown(after.matches(0), "KAR"), chosen);
  ASSERT_TRUE(kar.reconnect(id, token, 1).has_seat_granted());
  ASSERT_TRUE(kar.submit_budget(id, 2).has_orders_accepted());
  kar.wait_turn();
  EXPECT_NE(restarted.log_text().find(bot_log_line(id, 2, "LIN", chosen)), std::string::npos)
      << restarted.log_text();
}

/// A server on assets with doctrines, and Karla in its lobby.
class DoctrinesOnOneServer : public ::testing::Test {
 protected:
  AssetsWithDoctrines assets;
  TempDir data;
  TestServer server{data.path(), settings_for(assets)};
  Player kar{server.port(), "Karla"};
};

TEST_F(DoctrinesOnOneServer, AHumanSeatShowsNoDoctrineUnlessABotPlaysItsAbsences) {
  const pb::ServerMessage created =
      kar.connection().call(create_tutorial({}, assets.names()[1], false));
  ASSERT_TRUE(created.has_match_created()) << created.DebugString();
  EXPECT_EQ(doctrine_shown(created.match_created().match(), "KAR"), "");
  EXPECT_EQ(doctrine_shown(created.match_created().match(), "LIN"), assets.default_of("LIN"));
}

TEST_F(DoctrinesOnOneServer, AnUnknownDoctrineIsRefusedWithTheValidNamesAndNothingIsCreated) {
  const pb::ServerMessage reply =
      kar.connection().call(create_tutorial({{"LIN", assets.names()[0]}, {"DRV", "no_such"}}));
  ASSERT_EQ(error_of(reply), pb::BAD_REQUEST) << reply.DebugString();
  const std::string& reason = reply.error().reason();
  EXPECT_NE(reason.find("DRV"), std::string::npos) << reason;
  EXPECT_NE(reason.find("no doctrine \"no_such\""), std::string::npos) << reason;
  for (const auto& name : assets.names()) EXPECT_NE(reason.find(name), std::string::npos) << reason;
  EXPECT_NE(server.log_text().find("refused: " + reason), std::string::npos) << server.log_text();
  EXPECT_EQ(list_matches(kar).matches_size(), 0);
  // A human seat's doctrine is checked as well: a bot may play its absences.
  EXPECT_EQ(error_of(kar.connection().call(create_tutorial({}, "no_such"))), pb::BAD_REQUEST);
  EXPECT_EQ(list_matches(kar).matches_size(), 0);
}

TEST_F(DoctrinesOnOneServer, NoViewEverCarriesAnotherStatesDoctrine) {
  const std::vector<std::string>& names = assets.names();
  Player drv(server.port(), "Dragan"), eve(server.port(), "Eve");
  pb::ClientMessage create = create_tutorial({{"LIN", names[1]}, {"THA", names[0]}}, names[1]);
  pb::SeatPlan* dragan = create.mutable_create_match()->add_seats();
  dragan->set_state("DRV");
  dragan->set_kind(pb::SEAT_HUMAN);
  dragan->set_doctrine(names[0]);
  const pb::ServerMessage created = kar.connection().call(create);
  ASSERT_TRUE(created.has_match_created()) << created.DebugString();
  const std::uint64_t id = created.match_created().match().match_id();
  const pb::ServerMessage kar_seat = kar.join(id, "KAR");
  const pb::ServerMessage drv_seat = drv.join(id, "DRV");
  ASSERT_TRUE(kar_seat.has_seat_granted());
  ASSERT_TRUE(drv_seat.has_seat_granted());
  pb::ClientMessage observe;
  observe.mutable_observe_match()->set_match_id(id);
  const pb::ServerMessage watching = eve.connection().call(observe);
  ASSERT_TRUE(watching.has_observing()) << watching.DebugString();

  const std::vector<std::string> own_only = {"own.doctrine"};
  EXPECT_EQ(doctrine_fields(kar_seat.seat_granted().view()), own_only);
  EXPECT_EQ(kar_seat.seat_granted().view().own().doctrine(), names[1]);
  EXPECT_EQ(doctrine_fields(drv_seat.seat_granted().view()), own_only);
  EXPECT_EQ(drv_seat.seat_granted().view().own().doctrine(), names[0]);
  EXPECT_TRUE(doctrine_fields(watching.observing().view()).empty());

  for (int turn = 1; turn <= 3; ++turn) {
    ASSERT_TRUE(kar.submit_budget(id, turn).has_orders_accepted());
    ASSERT_TRUE(drv.submit_budget(id, turn).has_orders_accepted());
    for (Player* player : {&kar, &drv}) {
      const pb::TurnResolved resolved = player->wait_turn();
      EXPECT_EQ(doctrine_fields(resolved.view()), own_only) << player->state();
      EXPECT_TRUE(doctrine_fields(resolved.report()).empty()) << player->state();
    }
    pb::ServerMessage event;
    ASSERT_TRUE(eve.connection().wait_event(pb::ServerMessage::kTurnResolved, event, 10s));
    EXPECT_TRUE(doctrine_fields(event.turn_resolved()).empty());
  }
}

}  // namespace
}  // namespace hegemon::testing
