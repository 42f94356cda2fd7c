#include "server/match_requests.h"

namespace hegemon::server {

void MatchRequests::join(Request& r) {
  r.from.follow(r.match->id());
  r.match->join(r.from.outbox(), r.message.join_match(), std::move(r.reply));
}

void MatchRequests::reconnect(Request& r) {
  r.from.follow(r.match->id());
  r.match->reconnect(r.from.outbox(), r.message.reconnect(), std::move(r.reply));
}

void MatchRequests::observe(Request& r) {
  if (!r.match->password_matches(r.message.observe_match().password()))
    return r.reply(error_message(pb::WRONG_PASSWORD, "the password for match " +
                                                         std::to_string(r.match->id()) +
                                                         " is wrong"));
  r.from.follow(r.match->id());
  r.match->observe(r.from.outbox(), std::move(r.reply));
}

void MatchRequests::leave(Request& r) {
  r.match->leave(&r.from, std::move(r.reply));
  r.from.unfollow(r.match->id());
}

void MatchRequests::view(Request& r) { r.match->send_view(&r.from, std::move(r.reply)); }

void MatchRequests::submit(Request& r) {
  r.match->submit(&r.from, r.message.submit_orders(), std::move(r.reply));
}

void MatchRequests::set_ready(Request& r) {
  r.match->set_ready(&r.from, r.message.set_ready().ready(), std::move(r.reply));
}

void MatchRequests::pause(Request& r) {
  r.match->pause(std::move(r.reply));
}

void MatchRequests::resume(Request& r) {
  r.match->resume(std::move(r.reply));
}

}  // namespace hegemon::server
