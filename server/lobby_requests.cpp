#include "server/lobby_requests.h"

#include <algorithm>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"

namespace hegemon::server {
namespace {

bool valid_player_name(const std::string& name) {
  return !name.empty() && name.size() <= 32 &&
         std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return c >= 0x20 && c != 0x7F; });
}

pb::ScenarioSummary scenario_summary(const std::string& name, const World& world) {
  pb::ScenarioSummary out;
  out.set_name(name);
  out.set_title(world.scenario.title);
  out.set_turns(world.scenario.turns);
  out.set_ruleset(world.ruleset.name());
  for (const auto& state : world.states) {
    pb::ScenarioState* s = out.add_states();
    s->set_id(state.id);
    s->set_name(state.name);
    s->set_doctrine(state.doctrine);
  }
  for (const auto& doctrine : world.ruleset.doctrines()) {
    pb::DoctrineSummary* d = out.add_doctrines();
    d->set_name(doctrine.name());
    d->set_title(doctrine.title());
    d->set_description(doctrine.description());
  }
  return out;
}

}  // namespace

LobbyRequests::LobbyRequests(Lobby& lobby, Log& log, std::string server_name,
                             std::string assets_dir)
    : lobby_(lobby),
      log_(log),
      server_name_(std::move(server_name)),
      assets_dir_(std::move(assets_dir)) {}

bool LobbyRequests::hello(Request& request, const std::deque<pb::ChatMessage>& lobby_chat) {
  const pb::Hello& hello = request.message.hello();
  if (hello.protocol_version() != pb::PROTOCOL_VERSION_CURRENT) {
    request.reply(error_message(pb::VERSION_MISMATCH,
                                "this server speaks protocol " +
                                    std::to_string(pb::PROTOCOL_VERSION_CURRENT) +
                                    " and the client " + std::to_string(hello.protocol_version()) +
                                    "; use a client of the same version"));
    request.from.close_after_reply();
    return false;
  }
  if (!valid_player_name(hello.player_name())) {
    request.reply(error_message(pb::BAD_REQUEST, "a player name has 1 to 32 printable characters"));
    return false;
  }
  request.from.identify(hello.player_name());
  log_.info(request.from.label() + " said hello (" + hello.client_name() + ")");
  pb::ServerMessage m;
  m.mutable_welcome()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  m.mutable_welcome()->set_server_name(server_name_);
  m.mutable_welcome()->set_session_id(request.from.session_id());
  for (const auto& said : lobby_chat) *m.mutable_welcome()->add_lobby_chat() = said;
  request.reply(std::move(m));
  return true;
}

void LobbyRequests::list_matches(Request& request) { lobby_.list(std::move(request.reply)); }

void LobbyRequests::list_scenarios(Request& request) {
  if (!scenarios_) {
    pb::ServerMessage m;
    m.mutable_scenario_list();  // a server without scenarios still answers, with an empty list
    for (const std::string& name : hegemon::list_scenarios(assets_dir_)) {
      try {
        *m.mutable_scenario_list()->add_scenarios() =
            scenario_summary(name, load_scenario_file(name, 1, assets_dir_));
      } catch (const std::exception& e) {
        log_.error("scenario " + name + " is left out of the scenario list: " + e.what());
      }
    }
    scenarios_ = std::move(m);
  }
  request.reply(*scenarios_);
}

void LobbyRequests::create_match(Request& request) {
  lobby_.create(request.from.outbox(), request.message.create_match(), std::move(request.reply));
}

void LobbyRequests::ping(Request& request) {
  pb::ServerMessage pong;
  pong.mutable_pong()->set_nonce(request.message.ping().nonce());
  request.reply(std::move(pong));
}

}  // namespace hegemon::server
