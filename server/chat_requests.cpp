#include "server/chat_requests.h"

#include <algorithm>
#include <chrono>

namespace hegemon::server {
namespace {

constexpr std::size_t kMaxChat = 500;

/// Why nobody would read a private message to this seat, or empty when someone would.
std::string no_recipient(const pb::SeatInfo& seat) {
  const std::string who = seat.state_name() + " (" + seat.state() + ")";
  if (seat.kind() == pb::SEAT_BOT)
    return who + " is played by a bot in this match, and a bot reads no messages; nothing was sent";
  if (seat.player_name().empty())
    return "nobody holds the seat of " + who + " yet; nothing was sent, write once a player "
           "has taken it (SeatInfo.player_name)";
  // A player who is away reads it on return: the match keeps its chat.
  return {};
}

}  // namespace

ChatRequests::ChatRequests(MatchStore& store, Log& log) : store_(store), log_(log) {}

void ChatRequests::restore() {
  try {
    const auto said = store_.load_chat_at_start(0, static_cast<int>(kLobbyChatKept));
    lobby_said_.assign(said.begin(), said.end());
  } catch (const StoreError& e) {
    log_.error(std::string("the lobby's chat could not be read: ") + e.what());
  }
}

void ChatRequests::enter(Peer& who) { audience_[who.session_id()] = who.outbox(); }

void ChatRequests::leave(const Peer& who) { audience_.erase(who.session_id()); }

void ChatRequests::send(Request& request) {
  if (request.match) return send_in_match(request);
  send_in_lobby(request);
}

void ChatRequests::send_in_lobby(Request& r) {
  const pb::SendChat& chat = r.message.send_chat();
  if (!chat.to_state().empty())
    return r.reply(error_message(pb::BAD_REQUEST, "lobby chat is public; private messages go to "
                                                  "a state within a match"));
  if (chat.text().empty() || chat.text().size() > kMaxChat)
    return r.reply(error_message(pb::BAD_REQUEST, "a chat message has 1 to 500 characters"));
  pb::ServerMessage m;
  m.mutable_chat()->set_from_player(r.from.player_name());
  m.mutable_chat()->set_text(chat.text());
  m.mutable_chat()->set_sent_unix_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count());
  // Kept before it is sent, so that whoever arrives later reads it in its Welcome; the
  // sender's Ack comes before the message itself.
  store_.save_chat(0, m.chat(), [this, m, reply = std::move(r.reply)](const StoreOutcome& stored) {
    if (!stored)
      return reply(error_message(pb::STORAGE_UNAVAILABLE, "the message could not be stored (" +
                                                              stored.error + "); it was not sent"));
    reply(ack_message());
    lobby_said_.push_back(m.chat());
    if (lobby_said_.size() > kLobbyChatKept) lobby_said_.pop_front();
    const EncodedEvent said = encode_event(m);
    for (const auto& [id, weak] : audience_)
      if (auto out = weak.lock()) out->deliver(said);
  });
}

void ChatRequests::send_in_match(Request& r) {
  const pb::SendChat& chat = r.message.send_chat();
  if (!chat.to_state().empty()) {
    if (!r.match->holds_seat(&r.from))
      return r.reply(error_message(standing_refusal(Standing::Seated, r.match->id())));
    const pb::MatchSummary summary = r.match->summary();
    const auto seat = std::find_if(summary.seats().begin(), summary.seats().end(),
                                   [&](const pb::SeatInfo& s) { return s.state() == chat.to_state(); });
    if (seat != summary.seats().end())
      if (const std::string why = no_recipient(*seat); !why.empty())
        return r.reply(error_message(pb::NO_RECIPIENT, why));
  }
  r.match->chat(&r.from, chat, std::move(r.reply));
}

}  // namespace hegemon::server
