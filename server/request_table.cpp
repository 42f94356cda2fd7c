#include "server/request_table.h"

namespace hegemon::server {

Verdict standing_refusal(Standing needed, std::uint64_t match_id) {
  const std::string match = "match " + std::to_string(match_id);
  switch (needed) {
    case Standing::Anonymous:
      return {pb::BAD_REQUEST, "this connection already said hello; send Hello once per connection"};
    case Standing::Identified:
      return {pb::NOT_IDENTIFIED,
              "say Hello first (protocol version and player name); nothing else is answered "
              "before it"};
    case Standing::Seated:
      return {pb::NOT_YOUR_SEAT, "this connection holds no seat in " + match +
                                     "; join a seat or reconnect first"};
    case Standing::Owner:
      return {pb::NOT_ALLOWED, "only the owner of " + match +
                                   " may do this, and this owner token is not theirs; send "
                                   "the owner token that MatchCreated gave"};
  }
  return {pb::INTERNAL, "a request needs a standing this server does not know"};
}

RequestTable::RequestTable(Lobby& lobby, Log& log, std::string server_name, std::string assets_dir)
    : lobby_(lobby),
      lobby_requests_(lobby, log, std::move(server_name), std::move(assets_dir)),
      match_requests_(),
      chat_requests_(lobby.store(), log) {
  chat_requests_.restore();
  using M = pb::ClientMessage;
  using S = Standing;
  add(M::kHello, {S::Anonymous, Names::NoMatch, nullptr, nullptr, [this](Request& r) {
                    if (lobby_requests_.hello(r, chat_requests_.lobby_history()))
                      chat_requests_.enter(r.from);
                  }});
  add(M::kPing, {S::Identified, Names::NoMatch, nullptr, nullptr,
                 [](Request& r) { LobbyRequests::ping(r); }});
  add(M::kListMatches, {S::Identified, Names::NoMatch, nullptr, nullptr,
                        [this](Request& r) { lobby_requests_.list_matches(r); }});
  add(M::kListScenarios, {S::Identified, Names::NoMatch, nullptr, nullptr,
                          [this](Request& r) { lobby_requests_.list_scenarios(r); }});
  add(M::kCreateMatch, {S::Identified, Names::NoMatch, nullptr, nullptr,
                        [this](Request& r) { lobby_requests_.create_match(r); }});
  add(M::kJoinMatch, {S::Identified, Names::Match,
                      [](const M& m) { return m.join_match().match_id(); }, nullptr,
                      [](Request& r) { MatchRequests::join(r); }});
  add(M::kReconnect, {S::Identified, Names::Match,
                      [](const M& m) { return m.reconnect().match_id(); }, nullptr,
                      [](Request& r) { MatchRequests::reconnect(r); }});
  add(M::kObserveMatch, {S::Identified, Names::Match,
                         [](const M& m) { return m.observe_match().match_id(); }, nullptr,
                         [](Request& r) { MatchRequests::observe(r); }});
  add(M::kLeaveMatch, {S::Identified, Names::Match,
                       [](const M& m) { return m.leave_match().match_id(); }, nullptr,
                       [](Request& r) { MatchRequests::leave(r); }});
  add(M::kGetView, {S::Identified, Names::Match,
                    [](const M& m) { return m.get_view().match_id(); }, nullptr,
                    [](Request& r) { MatchRequests::view(r); }});
  add(M::kSubmitOrders, {S::Seated, Names::Match,
                         [](const M& m) { return m.submit_orders().match_id(); }, nullptr,
                         [](Request& r) { MatchRequests::submit(r); }});
  add(M::kSetReady, {S::Seated, Names::Match,
                     [](const M& m) { return m.set_ready().match_id(); }, nullptr,
                     [](Request& r) { MatchRequests::set_ready(r); }});
  add(M::kPauseMatch, {S::Owner, Names::Match,
                       [](const M& m) { return m.pause_match().match_id(); },
                       [](const M& m) -> const std::string& { return m.pause_match().owner_token(); },
                       [](Request& r) { MatchRequests::pause(r); }});
  add(M::kResumeMatch, {S::Owner, Names::Match,
                        [](const M& m) { return m.resume_match().match_id(); },
                        [](const M& m) -> const std::string& {
                          return m.resume_match().owner_token();
                        },
                        [](Request& r) { MatchRequests::resume(r); }});
  add(M::kSendChat, {S::Identified, Names::MatchOrLobby,
                     [](const M& m) { return m.send_chat().match_id(); }, nullptr,
                     [this](Request& r) { chat_requests_.send(r); }});
}

void RequestTable::add(pb::ClientMessage::BodyCase body, Route route) {
  routes_.at(static_cast<std::size_t>(body)) = std::move(route);
}

void RequestTable::dispatch(Peer& from, const pb::ClientMessage& message, Reply reply) {
  const auto body = static_cast<std::size_t>(message.body_case());
  if (message.body_case() == pb::ClientMessage::BODY_NOT_SET)
    return reply(error_message(pb::BAD_REQUEST,
                               "a message with no request in it; set one of ClientMessage's "
                               "bodies"));
  if (body >= routes_.size() || !routes_[body].handle)
    return reply(error_message(pb::BAD_REQUEST, "this server does not know that request"));
  const Route& route = routes_[body];
  if (route.needs == Standing::Anonymous && from.identified())
    return reply(error_message(standing_refusal(Standing::Anonymous, 0)));
  if (route.needs != Standing::Anonymous && !from.identified())
    return reply(error_message(standing_refusal(Standing::Identified, 0)));

  Request request{from, message, nullptr, std::move(reply)};
  const std::uint64_t match_id = route.match_id ? route.match_id(message) : 0;
  if (route.names == Names::Match || (route.names == Names::MatchOrLobby && match_id != 0)) {
    request.match = lobby_.find(match_id);
    if (!request.match)
      return request.reply(error_message(
          pb::NOT_FOUND, "there is no match " + std::to_string(match_id) +
                             " on this server; ListMatches lists the matches it hosts"));
  }
  if (route.needs == Standing::Seated && !request.match->holds_seat(&from))
    return request.reply(error_message(standing_refusal(Standing::Seated, match_id)));
  if (route.needs == Standing::Owner &&
      !request.match->owner_token_matches(route.owner_token(message)))
    return request.reply(error_message(standing_refusal(Standing::Owner, match_id)));
  route.handle(request);
}

void RequestTable::disconnected(Peer& from) {
  chat_requests_.leave(from);
  for (std::uint64_t id : from.followed())
    if (auto match = lobby_.find(id)) match->disconnected(&from);
}

}  // namespace hegemon::server
