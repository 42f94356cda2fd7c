#include "server/match_session.h"

#include <algorithm>
#include <stdexcept>

#include "server/secrets.h"
#include "shared/bots/bot.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/validate.h"
#include "shared/view.h"

namespace hegemon::server {
namespace {

constexpr std::size_t kMaxChat = 500;
constexpr auto kRetryAfterStorageFailure = std::chrono::seconds(3);

std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

pb::ServerMessage ack() { return ack_message(); }

}  // namespace

MatchSession::MatchSession(asio::io_context& io, asio::thread_pool& workers, MatchStore& store,
                           Log& log, MatchRecord record, World world, MatchPhase phase)
    : io_(io),
      workers_(workers),
      store_(store),
      log_(log),
      record_(std::move(record)),
      world_(std::move(world)),
      phase_(phase),
      deadline_timer_(io),
      retry_timer_(io) {
  seats_.resize(world_.states.size());
  for (int s = 0; s < world_.size(); ++s) seats_[s].state = s;
  for (const auto& plan : record_.settings.seats()) {
    const StateIndex s = world_.find(plan.state());
    if (s >= 0) seats_[s].human = plan.kind() == pb::SEAT_HUMAN;
  }
}

void MatchSession::restore(const StoredMatch& stored) {
  for (const auto& seat : stored.seats) {
    if (Seat* s = seat_for_state(seat.state)) {
      s->token_hash = seat.token_hash;
      s->player_name = seat.player_name;
    }
  }
  for (const auto& pending : stored.pending) {
    Seat* s = seat_for_state(pending.state);
    if (!s || !s->human) continue;
    s->ready = pending.ready;
    if (!pending.orders) continue;
    try {
      s->orders = orders_from_proto(world_, *pending.orders);
    } catch (const SchemaError& e) {
      log_.warn("match " + std::to_string(id()) + ": stored orders of " + pending.state +
                " could not be read again (" + e.what() + "); the seat keeps its last budget");
    }
  }
}

void MatchSession::start() {
  const bool has_humans =
      std::any_of(seats_.begin(), seats_.end(), [](const Seat& s) { return s.human; });
  if (phase_.now() == MatchPhase::Name::Finished) return retire();
  if (phase_.now() == MatchPhase::Name::Lobby && !has_humans) return start_play();
  if (phase_.now() != MatchPhase::Name::Collecting) return;
  arm_deadline();
  // A match whose players were all ready when the server stopped goes on.
  if (all_humans_ready()) asio::post(io_, [self = weak_from_this()] {
      if (auto m = self.lock(); m && m->can(Intent::ResolveTurn)) m->begin_resolving();
    });
}

void MatchSession::move(MatchPhase::Event event) {
  const MatchPhase::Name before = phase_.now();
  if (phase_.apply(event))
    log_.debug("match " + std::to_string(id()) + ": " + phase_name(before) + " -> " +
               phase_name(phase_.now()));
}

void MatchSession::start_play() {
  move(MatchPhase::Event::Start);
  arm_deadline();
  // Without human seats nobody is waited for.
  if (all_humans_ready()) asio::post(io_, [self = weak_from_this()] {
      if (auto m = self.lock(); m && m->can(Intent::ResolveTurn)) m->begin_resolving();
    });
}

void MatchSession::stop() {
  deadline_timer_.cancel();
  retry_timer_.cancel();
}

MatchSession::Seat* MatchSession::seat_of(const Outbox* who) {
  for (auto& s : seats_)
    if (auto holder = s.holder.lock(); holder && holder.get() == who) return &s;
  return nullptr;
}

const MatchSession::Seat* MatchSession::seat_of(const Outbox* who) const {
  for (const auto& s : seats_)
    if (auto holder = s.holder.lock(); holder && holder.get() == who) return &s;
  return nullptr;
}

MatchSession::Seat* MatchSession::seat_for_state(const std::string& state_id) {
  const StateIndex s = world_.find(state_id);
  return s >= 0 ? &seats_[s] : nullptr;
}

std::string MatchSession::state_name(const std::string& id) const {
  const StateIndex s = world_.find(id);
  return s >= 0 ? world_.states[s].name : id;
}

bool MatchSession::password_matches(const std::string& password) const {
  return record_.password_hash.empty() || hash_secret(password) == record_.password_hash;
}

bool MatchSession::owner_token_matches(const std::string& owner_token) const {
  return hash_secret(owner_token) == record_.owner_token_hash;
}

pb::MatchSummary MatchSession::summary() const {
  if (retired_summary_) {
    // Only who is connected changes once a match is over.
    pb::MatchSummary m = *retired_summary_;
    for (std::size_t s = 0; s < seats_.size() && static_cast<int>(s) < m.seats_size(); ++s)
      m.mutable_seats(static_cast<int>(s))->set_connected(!seats_[s].holder.expired());
    return m;
  }
  pb::MatchSummary m;
  m.set_match_id(record_.id);
  m.set_name(record_.settings.name());
  m.set_scenario(world_.scenario.name);
  m.set_scenario_title(world_.scenario.title);
  m.set_turn(world_.turn);
  m.set_turns(world_.scenario.turns);
  m.set_status(phase_.status());
  m.set_has_password(!record_.password_hash.empty());
  m.set_turn_deadline_seconds(record_.settings.turn_deadline_seconds());
  if (phase_.now() == MatchPhase::Name::Collecting && record_.settings.turn_deadline_seconds() > 0)
    m.set_deadline_unix_ms(unix_ms(deadline_));
  m.set_owner(record_.owner_name);
  m.set_bot_plays_absent_seats(record_.settings.bot_plays_absent_seats());
  for (const auto& seat : seats_) {
    pb::SeatInfo* info = m.add_seats();
    info->set_state(world_.states[seat.state].id);
    info->set_state_name(world_.states[seat.state].name);
    info->set_kind(seat.human ? pb::SEAT_HUMAN : pb::SEAT_BOT);
    info->set_player_name(seat.player_name);
    info->set_connected(!seat.holder.expired());
    info->set_ready(seat.ready);
    if (!seat.human || record_.settings.bot_plays_absent_seats())
      info->set_doctrine(doctrine_in_force(world_, seat.state));
  }
  return m;
}

template <typename Fn>
void MatchSession::for_each_listener(Fn fn) const {
  for (const auto& seat : seats_)
    if (auto holder = seat.holder.lock()) fn(*holder, &seat);
  for (const auto& [key, weak] : spectators_)
    if (auto spectator = weak.lock()) fn(*spectator, nullptr);
}

void MatchSession::broadcast_update(const std::string& what) {
  pb::ServerMessage m;
  *m.mutable_match_update()->mutable_match() = summary();
  m.mutable_match_update()->set_what(what);
  const EncodedEvent update = encode_event(m);
  for_each_listener([&](Outbox& out, const Seat*) { out.deliver(update); });
}

bool MatchSession::all_humans_ready() const {
  return std::all_of(seats_.begin(), seats_.end(),
                     [](const Seat& s) { return !s.human || s.ready; });
}

namespace {

/// How many of a match's latest chat messages a late arrival is given.
constexpr int kChatKept = 200;
/// How many are read to find them: private messages of other seats are left out.
constexpr int kChatRead = 1000;

/// Whether the seat of state `state` (empty: a spectator) may read `message`.
bool may_read(const pb::ChatMessage& message, const std::string& state) {
  if (message.to_state().empty()) return true;
  return !state.empty() && (message.to_state() == state || message.from_state() == state);
}

}  // namespace

void MatchSession::catch_up(StateIndex viewer, int after_turn, int views_from,
                            std::function<void(MatchSession&, CatchUp)> then) {
  const std::string state = viewer >= 0 ? world_.states[viewer].id : std::string();
  // One read, queued behind every turn already on its way to storage and completed before any
  // turn stored after it, so that the reports, the views and the chat are of the same moment.
  store_.load_catch_up(
      id(), state, after_turn, views_from, kChatRead,
      continue_on_match([viewer, state, then = std::move(then)](MatchSession& m,
                                                                const StoreOutcome& read,
                                                                StoredCatchUp stored) mutable {
        if (!read) {
          m.log_.error("match " + std::to_string(m.id()) + ": what " +
                       (state.empty() ? std::string("a spectator") : state) +
                       " missed could not be read: " + read.error);
          CatchUp failed;
          failed.read = read;
          return then(m, std::move(failed));
        }
        // The views of past worlds are made on the workers, like every other view.
        asio::post(m.workers_, [self = m.weak_from_this(), viewer, state,
                                stored = std::move(stored), then = std::move(then)]() mutable {
          auto match = self.lock();
          if (!match) return;
          CatchUp got;
          got.reports = std::move(stored.reports);
          for (const std::string& bytes : stored.worlds) {
            pb::World message;
            if (!message.ParseFromString(bytes)) continue;
            try {
              got.views.push_back(make_view(world_from_proto(message), viewer));
            } catch (const SchemaError&) {
              // A world this server cannot read any more is left out of the history.
            }
          }
          for (auto& c : stored.chat)
            if (may_read(c, state)) got.chat.push_back(std::move(c));
          if (got.chat.size() > static_cast<std::size_t>(kChatKept))
            got.chat.erase(got.chat.begin(), got.chat.end() - kChatKept);
          asio::post(match->io_, [self, got = std::move(got), then = std::move(then)]() mutable {
            if (auto again = self.lock()) then(*again, std::move(got));
          });
        });
      }));
}

void MatchSession::grant_seat(StateIndex s, const std::shared_ptr<Outbox>& who,
                              const std::string& token, int after_turn, bool joining, Reply reply) {
  // A new seat gets its views of every turn, the start included; a seat coming back those of
  // the turns after the last report it has.
  const int views_from = joining ? 0 : after_turn + 1;
  catch_up(s, after_turn, views_from,
           [s, weak_who = std::weak_ptr<Outbox>(who), token, joining, reply = std::move(reply)](
               MatchSession& m, CatchUp missed) mutable {
             auto who_now = weak_who.lock();
             if (!who_now) return;
             if (!missed.read) {
               if (!joining)
                 return reply(
                     error_message(pb::STORAGE_UNAVAILABLE,
                                   "the server could not read your reports (" + missed.read.error +
                                       "); the seat is still yours, reconnect again later"));
               missed = CatchUp{};
             }
             m.with_world(reply, [s, who_now, token, missed = std::move(missed), joining, reply](
                                     MatchSession& match, const World& world) mutable {
               match.finish_grant(match.seats_[s], world, who_now, token, missed, joining, reply);
             });
           });
}

void MatchSession::finish_grant(Seat& seat, const World& world, const std::shared_ptr<Outbox>& who,
                                const std::string& token, const CatchUp& missed, bool joining,
                                Reply& reply) {
  // One connection holds one seat of a match: taking another lets the first go.
  if (Seat* previous = seat_of(who.get()); previous && previous != &seat) previous->holder.reset();
  seat.holder = who;
  pb::ServerMessage m;
  pb::SeatGranted* granted = m.mutable_seat_granted();
  *granted->mutable_match() = summary();
  granted->set_state(world_.states[seat.state].id);
  granted->set_seat_token(token);
  *granted->mutable_view() = make_view(world, seat.state);
  *granted->mutable_facts() = make_facts(world);
  for (const auto& report : missed.reports) *granted->add_missed_reports() = report;
  for (const auto& view : missed.views)
    if (view.turn() < world.turn) *granted->add_past_views() = view;
  *granted->add_past_views() = granted->view();  // the last of them is the view itself
  for (const auto& c : missed.chat) *granted->add_chat() = c;
  reply(std::move(m));
  const std::string what = (joining ? " took " : " reconnected to ") + world_.states[seat.state].name;
  log_.info("match " + std::to_string(id()) + ": " + who->label() + what);
  broadcast_update(seat.player_name + what);
}

void MatchSession::join(const std::shared_ptr<Outbox>& who, const pb::JoinMatch& request,
                        Reply reply) {
  if (auto verdict = can(Intent::Join); !verdict) return reply(error_message(verdict));
  if (!password_matches(request.password()))
    return reply(error_message(pb::WRONG_PASSWORD,
                               "the password for match " + std::to_string(id()) + " is wrong"));
  Seat* seat = seat_for_state(request.state());
  if (!seat) {
    std::string states;
    for (const auto& s : seats_)
      if (s.human) states += (states.empty() ? "" : ", ") + world_.states[s.state].id;
    return reply(error_message(pb::NOT_FOUND, "there is no state \"" + request.state() +
                                                  "\" in this match; human seats: " + states));
  }
  const std::string& name = world_.states[seat->state].name;
  if (!seat->human)
    return reply(error_message(pb::NOT_ALLOWED, name + " is played by a bot in this match"));
  if (!seat->token_hash.empty())
    return reply(error_message(
        pb::SEAT_TAKEN, name + " is already taken by " + seat->player_name +
                            "; if it is yours, reconnect with its seat token"));

  const std::string token = new_token();
  // Reserve the seat at once so that a second join cannot race this one to the disk.
  seat->token_hash = hash_secret(token);
  seat->player_name = who->player_name();
  const StateIndex s = seat->state;
  store_.save_seat(
      id(), {world_.states[s].id, seat->token_hash, seat->player_name},
      continue_on_match([weak_who = std::weak_ptr<Outbox>(who), s, token,
                         reply = std::move(reply)](MatchSession& m,
                                                   const StoreOutcome& stored) mutable {
        Seat& claimed = m.seats_[s];
        if (!stored) {
          claimed.token_hash.clear();
          claimed.player_name.clear();
          return reply(error_message(pb::STORAGE_UNAVAILABLE,
                                     "the server could not store your seat (" + stored.error +
                                         "); nothing was taken, try again later"));
        }
        // The match starts with its first player, whether or not they stayed.
        if (m.phase_.now() == MatchPhase::Name::Lobby) m.start_play();
        auto who_now = weak_who.lock();
        if (!who_now) return;  // gone before the seat was stored; the token is lost
        m.grant_seat(s, who_now, token, 0, true, std::move(reply));
      }));
}

void MatchSession::reconnect(const std::shared_ptr<Outbox>& who, const pb::Reconnect& request,
                             Reply reply) {
  if (auto verdict = can(Intent::Reconnect); !verdict) return reply(error_message(verdict));
  const std::string hash = hash_secret(request.seat_token());
  for (auto& seat : seats_) {
    if (seat.token_hash.empty() || seat.token_hash != hash) continue;
    return grant_seat(seat.state, who, request.seat_token(), request.last_report_turn(), false,
                      std::move(reply));
  }
  reply(error_message(pb::NOT_YOUR_SEAT, "this seat token matches no seat of match " +
                                             std::to_string(id())));
}

void MatchSession::observe(const std::shared_ptr<Outbox>& who, Reply reply) {
  if (auto verdict = can(Intent::Observe); !verdict) return reply(error_message(verdict));
  spectators_.insert_or_assign(who.get(), who);
  // Every public report and view so far, and the public chat: a spectator who comes late sees
  // the match from its start.
  catch_up(kSpectator, 0, 0, [reply = std::move(reply)](MatchSession& m, CatchUp past) mutable {
    m.with_world(reply,
                 [reply, past = std::move(past)](MatchSession& match, const World& world) mutable {
                   pb::ServerMessage out;
                   pb::Observing* o = out.mutable_observing();
                   *o->mutable_match() = match.summary();
                   *o->mutable_view() = make_view(world, kSpectator);
                   *o->mutable_facts() = make_facts(world);
                   for (const auto& report : past.reports) *o->add_reports() = report;
                   for (const auto& view : past.views)
                     if (view.turn() < world.turn) *o->add_past_views() = view;
                   *o->add_past_views() = o->view();
                   for (const auto& c : past.chat) *o->add_chat() = c;
                   reply(std::move(out));
                 });
  });
}

void MatchSession::leave(const Outbox* who, Reply reply) {
  if (auto verdict = can(Intent::Leave); !verdict) return reply(error_message(verdict));
  spectators_.erase(who);
  if (Seat* seat = seat_of(who)) {
    seat->holder.reset();
    broadcast_update(seat->player_name + " left " + world_.states[seat->state].name +
                     " (the seat stays theirs)");
  }
  reply(ack());
}

void MatchSession::disconnected(const Outbox* who) {
  if (Seat* seat = seat_of(who)) {
    seat->holder.reset();
    broadcast_update(seat->player_name + " lost the connection to " +
                     world_.states[seat->state].name);
  }
  spectators_.erase(who);
}

void MatchSession::send_view(const Outbox* who, Reply reply) const {
  if (auto verdict = can(Intent::View); !verdict) return reply(error_message(verdict));
  const Seat* seat = seat_of(who);
  const StateIndex viewer = seat ? seat->state : kSpectator;
  with_world(reply, [viewer, reply](MatchSession&, const World& world) mutable {
    pb::ServerMessage m;
    *m.mutable_view() = make_view(world, viewer);
    reply(std::move(m));
  });
}

template <typename Then>
void MatchSession::with_world(Reply reply, Then then) const {
  // Reading the world changes nothing; the read's completion only needs the match alive.
  auto self = std::const_pointer_cast<MatchSession>(shared_from_this());
  if (!retired()) return then(*self, world_);
  self->store_.load_world(
      id(), self->continue_on_match([reply = std::move(reply), then = std::move(then)](
                                        MatchSession& m, const StoreOutcome& read,
                                        pb::World stored) mutable {
        std::optional<World> world;
        std::string error = read.error;
        if (read) try {
            world = world_from_proto(stored);
          } catch (const SchemaError& e) {
            error = e.what();
          }
        if (!world) {
          m.log_.error("match " + std::to_string(m.id()) + ": its world could not be read: " +
                       error);
          return reply(error_message(pb::STORAGE_UNAVAILABLE,
                                     "the server could not read this finished match (" + error +
                                         "); try again later"));
        }
        then(m, *world);
      }));
}

void MatchSession::retire() {
  retired_summary_ = summary();
  World kept;
  kept.scenario.name = world_.scenario.name;
  kept.scenario.title = world_.scenario.title;
  kept.scenario.turns = world_.scenario.turns;
  kept.turn = world_.turn;
  kept.ended = world_.ended;
  kept.end_reason = world_.end_reason;
  for (const auto& state : world_.states) {
    State named;
    named.id = state.id;
    named.name = state.name;
    kept.states.push_back(std::move(named));
  }
  world_ = std::move(kept);
  world_.states.shrink_to_fit();
  deadline_timer_.cancel();
  retry_timer_.cancel();
}

void MatchSession::submit(const Outbox* who, const pb::SubmitOrders& request, Reply reply) {
  if (auto verdict = can(Intent::SubmitOrders); !verdict) return reply(error_message(verdict));
  Seat* seat = seat_of(who);
  if (!seat)
    return reply(error_message(pb::NOT_YOUR_SEAT, "this connection holds no seat in match " +
                                                      std::to_string(id()) +
                                                      "; join a seat or reconnect first"));
  const std::string& mine = world_.states[seat->state].id;
  if (request.orders().state() != mine)
    return reply(error_message(pb::NOT_YOUR_SEAT,
                               "these orders are for \"" + request.orders().state() +
                                   "\" but your seat is " + mine));
  const int collecting = world_.turn + 1;
  if (request.orders().turn() != collecting)
    return reply(error_message(
        pb::WRONG_TURN, "these orders are for turn " + std::to_string(request.orders().turn()) +
                            "; the match is collecting orders for turn " +
                            std::to_string(collecting)));
  OrderSet set;
  try {
    set = orders_from_proto(world_, request.orders());
  } catch (const SchemaError& e) {
    return reply(error_message(pb::BAD_REQUEST, e.what()));
  }
  std::vector<OrderResult> results = validate_orders(world_, set);
  const StateIndex s = seat->state;
  const bool ready = request.ready();
  // Taken for this turn from here on: should the turn begin to resolve before the set is
  // stored, it waits for it (resolve_if_orders_stored), so an acknowledged set is always applied.
  ++orders_being_stored_;
  store_.save_orders(
      id(), collecting, mine, &request.orders(), ready,
      continue_on_match([s, collecting, ready, set = std::move(set), results = std::move(results),
                         reply = std::move(reply)](MatchSession& m,
                                                   const StoreOutcome& stored) mutable {
        if (!m.taken_for_turn(stored, collecting, "your orders", reply)) return;
        Seat& sender = m.seats_[s];
        sender.orders = std::move(set);
        pb::ServerMessage out;
        pb::OrdersAccepted* accepted = out.mutable_orders_accepted();
        accepted->set_turn(collecting);
        accepted->set_ready(ready);
        for (const auto& r : results) {
          pb::OrderResult* pr = accepted->add_results();
          pr->set_index(r.index);
          pr->set_accepted(r.accepted);
          if (!r.reason.empty()) pr->set_reason(r.reason);  // an empty one costs an allocation
        }
        reply(std::move(out));
        m.readiness_stored(s, ready);
      }));
}

bool MatchSession::taken_for_turn(const StoreOutcome& stored, int collecting, const char* what,
                                  Reply& reply) {
  --orders_being_stored_;
  if (!stored) {
    reply(error_message(pb::STORAGE_UNAVAILABLE,
                        std::string("the server could not store ") + what + " (" + stored.error +
                            "); not accepted, send again later"));
    resolve_if_orders_stored();
    return false;
  }
  if (world_.turn + 1 != collecting) {
    // Cannot happen while turns wait for the sets being stored; never acknowledge a set that no
    // turn will apply.
    log_.error("match " + std::to_string(id()) + ": " + what + " for turn " +
               std::to_string(collecting) + " were stored after that turn resolved");
    reply(error_message(pb::WRONG_TURN, "turn " + std::to_string(collecting) +
                                            " was resolved before " + what +
                                            " could be stored; send again for turn " +
                                            std::to_string(world_.turn + 1)));
    return false;
  }
  return true;
}

void MatchSession::readiness_stored(StateIndex s, bool ready) {
  Seat& seat = seats_[s];
  const bool was_ready = seat.ready;
  seat.ready = ready;
  if (ready != was_ready)
    broadcast_update(world_.states[s].name + (ready ? " is ready" : " is not ready"));
  if (phase_.now() == MatchPhase::Name::Resolving) return resolve_if_orders_stored();
  if (all_humans_ready() && can(Intent::ResolveTurn)) begin_resolving();
}

void MatchSession::set_ready(const Outbox* who, bool ready, Reply reply) {
  if (auto verdict = can(Intent::Ready); !verdict) return reply(error_message(verdict));
  Seat* seat = seat_of(who);
  if (!seat)
    return reply(error_message(pb::NOT_YOUR_SEAT, "this connection holds no seat in match " +
                                                      std::to_string(id())));
  // Readiness is stored by a write of its own (the seat's orders stay as they were stored), so
  // that a restart knows who was waiting; the turn waits for it as for an order set.
  const StateIndex s = seat->state;
  const int collecting = world_.turn + 1;
  ++orders_being_stored_;
  store_.save_orders(
      id(), collecting, {world_.states[s].id, std::nullopt, ready},
      continue_on_match([s, collecting, ready, reply = std::move(reply)](
                            MatchSession& m, const StoreOutcome& stored) mutable {
        if (!m.taken_for_turn(stored, collecting, "your readiness", reply)) return;
        reply(ack());
        m.readiness_stored(s, ready);
      }));
}

void MatchSession::chat(const Outbox* who, const pb::SendChat& request, Reply reply) {
  if (auto verdict = can(Intent::Chat); !verdict) return reply(error_message(verdict));
  if (request.text().empty() || request.text().size() > kMaxChat)
    return reply(error_message(pb::BAD_REQUEST, "a chat message has 1 to 500 characters"));
  const Seat* from = seat_of(who);
  pb::ServerMessage m;
  pb::ChatMessage* chat = m.mutable_chat();
  chat->set_match_id(id());
  chat->set_from_player(who->player_name());
  if (from) chat->set_from_state(world_.states[from->state].id);
  chat->set_text(request.text());
  chat->set_sent_unix_ms(unix_ms(std::chrono::system_clock::now()));
  // The request table lets only a seat holder write privately (NOT_YOUR_SEAT otherwise).
  const StateIndex to = request.to_state().empty() ? -1 : world_.find(request.to_state());
  if (!request.to_state().empty()) {
    if (to < 0)
      return reply(error_message(pb::NOT_FOUND,
                                 "there is no state \"" + request.to_state() + "\" in this match"));
    chat->set_to_state(request.to_state());
  }
  const StateIndex sender = from ? from->state : -1;
  // Kept before it is sent, so that whoever arrives later reads it too; the sender's Ack comes
  // before the message itself.
  store_.save_chat(
      id(), *chat,
      continue_on_match([m = std::move(m), to, sender, reply = std::move(reply)](
                            MatchSession& match, const StoreOutcome& stored) mutable {
        if (!stored)
          return reply(error_message(
              pb::STORAGE_UNAVAILABLE,
              "the message could not be stored (" + stored.error + "); it was not sent"));
        reply(ack());
        if (to < 0) {
          const EncodedEvent said = encode_event(m);
          match.for_each_listener([&](Outbox& out, const Seat*) { out.deliver(said); });
          return;
        }
        if (auto holder = match.seats_[to].holder.lock()) holder->deliver(m);
        if (sender >= 0 && sender != to)
          if (auto self_holder = match.seats_[sender].holder.lock()) self_holder->deliver(m);
      }));
}


void MatchSession::pause(Reply reply) {
  if (auto verdict = can(Intent::Pause); !verdict) return reply(error_message(verdict));
  // The phase changes only once the pause is durable: until then the match goes on as stored.
  store_.save_status(
      id(), pb::MATCH_PAUSED,
      continue_on_match([reply = std::move(reply)](MatchSession& m,
                                                   const StoreOutcome& stored) mutable {
        if (!stored)
          return reply(error_message(pb::STORAGE_UNAVAILABLE, "the pause could not be stored (" +
                                                                  stored.error +
                                                                  "); the match goes on"));
        const bool paused_now = m.phase_.now() == MatchPhase::Name::Collecting;
        m.move(MatchPhase::Event::PauseStored);
        reply(ack());
        if (paused_now) {
          m.deadline_timer_.cancel();
          m.log_.info("match " + std::to_string(m.id()) + " paused");
          m.broadcast_update("the match is paused by its owner");
        } else if (m.phase_.pauses_after_turn()) {
          m.log_.info("match " + std::to_string(m.id()) + " pauses once its turn is resolved");
          m.broadcast_update("the match pauses once turn " + std::to_string(m.world_.turn + 1) +
                             " is resolved");
        }
      }));
}

void MatchSession::resume(Reply reply) {
  if (auto verdict = can(Intent::Resume); !verdict) return reply(error_message(verdict));
  store_.save_status(
      id(), pb::MATCH_WAITING,
      continue_on_match([reply = std::move(reply)](MatchSession& m,
                                                   const StoreOutcome& stored) mutable {
        if (!stored)
          return reply(error_message(pb::STORAGE_UNAVAILABLE,
                                     "the resumption could not be stored (" + stored.error +
                                         "); the match stays paused"));
        const bool was_paused =
            m.phase_.now() == MatchPhase::Name::Paused || m.phase_.pauses_after_turn();
        const bool resumes_now = m.phase_.now() == MatchPhase::Name::Paused;
        m.move(MatchPhase::Event::ResumeStored);
        reply(ack());
        if (!was_paused) return;
        m.log_.info("match " + std::to_string(m.id()) + " resumed");
        m.broadcast_update("the match resumes");
        if (!resumes_now) return;
        m.arm_deadline();
        if (m.all_humans_ready()) m.begin_resolving();
      }));
}

void MatchSession::arm_deadline() {
  deadline_timer_.cancel();
  const auto seconds = record_.settings.turn_deadline_seconds();
  if (phase_.now() != MatchPhase::Name::Collecting || seconds == 0) return;
  deadline_ = std::chrono::system_clock::now() + std::chrono::seconds(seconds);
  deadline_timer_.expires_after(std::chrono::seconds(seconds));
  deadline_timer_.async_wait([self = weak_from_this()](const std::error_code& ec) {
    auto m = self.lock();
    if (ec || !m || !m->can(Intent::ResolveTurn)) return;
    std::string missing;
    for (const auto& seat : m->seats_)
      if (seat.human && !seat.ready)
        missing += (missing.empty() ? "" : ", ") + m->world_.states[seat.state].name;
    m->log_.info("match " + std::to_string(m->id()) + ": the deadline of turn " +
                 std::to_string(m->world_.turn + 1) + " passed; not ready: " + missing);
    m->begin_resolving();
  });
}

void MatchSession::begin_resolving() {
  move(MatchPhase::Event::BeginResolving);
  deadline_timer_.cancel();
  resolve_if_orders_stored();
}

void MatchSession::resolve_if_orders_stored() {
  if (phase_.now() != MatchPhase::Name::Resolving) return;
  if (orders_being_stored_ > 0) {
    log_.debug("match " + std::to_string(id()) + ": turn " + std::to_string(world_.turn + 1) +
               " waits for " + std::to_string(orders_being_stored_) +
               " order sets on their way to storage");
    return;
  }
  resolve();
}

void MatchSession::resolve() {
  // Gathered here, on the match's executor; the engine runs on the worker pool on this match's
  // world, which nothing changes while the turn resolves (only commit_turn does, once stored).
  std::vector<OrderSet> sets;
  std::vector<int> set_of_seat(seats_.size(), -1);
  // A human seat with no orders keeps its standing budget, or is played by a bot under its
  // doctrine when the match says so; bot seats always are.
  const bool bot_for_absent = record_.settings.bot_plays_absent_seats();
  std::vector<StateIndex> bot_seats;
  for (const auto& seat : seats_) {
    if (seat.human && seat.orders) {
      set_of_seat[seat.state] = static_cast<int>(sets.size());
      sets.push_back(*seat.orders);
    } else if (!seat.human || bot_for_absent) {
      bot_seats.push_back(seat.state);
    }
  }
  // The views of the new world are made on the worker too, for whoever listens now (one who
  // comes meanwhile gets theirs made in commit_turn).
  std::vector<bool> viewers(seats_.size() + 1, false);
  for (const auto& seat : seats_) viewers[seat.state] = !seat.holder.expired();
  viewers.back() = std::any_of(spectators_.begin(), spectators_.end(),
                               [](const auto& entry) { return !entry.second.expired(); });
  asio::post(workers_, [self = shared_from_this(), sets = std::move(sets),
                        set_of_seat = std::move(set_of_seat), bot_seats = std::move(bot_seats),
                        viewers = std::move(viewers)]() mutable {
    self->compute_and_store(std::move(sets), set_of_seat, bot_seats, viewers);
  });
}

void MatchSession::compute_and_store(std::vector<OrderSet> sets,
                                     const std::vector<int>& set_of_seat,
                                     const std::vector<StateIndex>& bot_seats,
                                     const std::vector<bool>& viewers) {
  const World& world = world_;
  const std::string turn_label =
      "match " + std::to_string(id()) + ": turn " + std::to_string(world.turn + 1);
  try {
    // play_seats rather than a MatchBots kept per match: its storage (every bot seat's views)
    // would stay with each of a thousand matches between turns. Nothing here reads the bots'
    // reasons, so they are not written.
    for (BotDecision& decision : play_seats(world, bot_seats, Reasons::Skipped)) {
      log_.debug(turn_label + ": " + world.states[decision.orders.state].id +
                 " played by the doctrine \"" + decision.doctrine + "\" (" +
                 std::to_string(decision.orders.orders.size()) + " orders)");
      sets.push_back(std::move(decision.orders));
    }
  } catch (const std::invalid_argument& e) {
    // Creation checks every doctrine, so only a world stored under another ruleset gets here:
    // its bot seats keep their standing budgets rather than stopping the match.
    log_.error("match " + std::to_string(id()) + ": no bot for its bot seats (" + e.what() + ")");
  }
  TurnResult result = resolve_turn(world, sets);
  auto reports = std::make_shared<std::vector<pb::TurnReport>>();
  StoredTurn stored;
  stored.match = id();
  stored.turn = result.world.turn;
  stored.finished = result.world.ended;
  stored.world = to_proto(result.world).SerializeAsString();
  for (StateIndex seat = 0; seat < world.size(); ++seat) {
    const int k = set_of_seat[seat];
    reports->push_back(make_report(result.world, result.journal, seat,
                                   k >= 0 ? &result.results[k] : nullptr));
    stored.reports.emplace_back(world.states[seat].id, reports->back().SerializeAsString());
  }
  // The public report, for spectators, under the empty state id.
  reports->push_back(make_report(result.world, result.journal, kSpectator, nullptr));
  stored.reports.emplace_back("", reports->back().SerializeAsString());
  // Each listener's TurnResolved is made and encoded here too, so that the network thread only
  // hands bytes over (the spectators' once, for all of them).
  auto frames = std::make_shared<std::vector<EncodedEvent>>(viewers.size());
  const WorldViews new_views(result.world);
  for (std::size_t v = 0; v < viewers.size(); ++v) {
    if (!viewers[v]) continue;
    const bool spectators = v + 1 == viewers.size();
    (*frames)[v] = encode_event(turn_resolved(
        new_views.of(spectators ? kSpectator : static_cast<StateIndex>(v)), (*reports)[v]));
  }
  auto next = std::make_shared<World>(std::move(result.world));
  store_.save_turn(
      std::move(stored),
      continue_on_match([next, reports, frames](MatchSession& m, const StoreOutcome& outcome) {
        if (outcome)
          return m.commit_turn(std::move(*next), std::move(*reports), std::move(*frames));
        // Nothing is announced that is not stored: keep the turn open and try again (the same
        // world, orders and seed give the same turn).
        m.log_.error("match " + std::to_string(m.id()) + ": turn " + std::to_string(next->turn) +
                     " could not be stored (" + outcome.error + "); retrying");
        m.move(MatchPhase::Event::TurnNotStored);
        m.broadcast_update("the server could not store the turn; it will retry");
        m.retry_timer_.expires_after(kRetryAfterStorageFailure);
        m.retry_timer_.async_wait([self = m.weak_from_this()](const std::error_code& ec) {
          auto again = self.lock();
          if (!ec && again && again->can(Intent::ResolveTurn)) again->begin_resolving();
        });
      }));
}

pb::ServerMessage MatchSession::turn_resolved(pb::PlayerView view, pb::TurnReport report) const {
  pb::ServerMessage m;
  pb::TurnResolved* t = m.mutable_turn_resolved();
  t->set_match_id(id());
  *t->mutable_view() = std::move(view);
  *t->mutable_report() = std::move(report);
  return m;
}

void MatchSession::commit_turn(World next, std::vector<pb::TurnReport> reports,
                               std::vector<EncodedEvent> frames) {
  world_ = std::move(next);
  for (auto& seat : seats_) {
    seat.orders.reset();
    seat.ready = false;
  }
  move(world_.ended ? MatchPhase::Event::LastTurnStored : MatchPhase::Event::TurnStored);
  log_.info("match " + std::to_string(id()) + ": turn " + std::to_string(world_.turn) +
            " resolved" + (world_.ended ? "; the match is over: " + world_.end_reason : ""));

  // Each report is sent to whoever holds its seat now and then dropped: a seat that was away
  // reads it from storage when it comes back.
  // A listener who came while the turn resolved has no frame made for it yet: made here.
  std::optional<WorldViews> late_views;
  const auto frame_for = [&](std::size_t v, StateIndex viewer) -> const EncodedEvent& {
    if (!frames[v]) {
      if (!late_views) late_views.emplace(world_);
      frames[v] = encode_event(turn_resolved(late_views->of(viewer), reports[v]));
    }
    return frames[v];
  };
  for_each_listener([&](Outbox& out, const Seat* seat) {
    if (seat) return out.deliver(frame_for(seat->state, seat->state));
    out.deliver(frame_for(frames.size() - 1, kSpectator));  // one frame for every spectator
  });
  std::erase_if(spectators_, [](const auto& entry) { return entry.second.expired(); });
  if (phase_.now() == MatchPhase::Name::Finished) {
    broadcast_update("the match is over: " + world_.end_reason);
    return retire();
  }
  if (phase_.now() == MatchPhase::Name::Paused) {
    log_.info("match " + std::to_string(id()) + " paused");
    broadcast_update("the match is paused by its owner");
    return;
  }
  arm_deadline();
  // The new turn's deadline and the seats' readiness, reset, for every screen that shows them.
  broadcast_update("turn " + std::to_string(world_.turn + 1) + " is open for orders");
  if (all_humans_ready())
    asio::post(io_, [self = weak_from_this()] {
      if (auto m = self.lock(); m && m->can(Intent::ResolveTurn)) m->begin_resolving();
    });
}

std::size_t MatchSession::held_bytes() const {
  std::size_t bytes = sizeof(*this) + seats_.capacity() * sizeof(Seat);
  if (retired_summary_) {
    bytes += retired_summary_->ByteSizeLong();
    for (const auto& state : world_.states) bytes += sizeof(State) + state.id.size() + state.name.size();
  } else {
    bytes += to_proto(world_).ByteSizeLong();
  }
  for (const auto& seat : seats_) {
    bytes += seat.token_hash.size() + seat.player_name.size();
    if (seat.orders) bytes += to_proto(world_, *seat.orders, world_.turn + 1).ByteSizeLong();
  }
  return bytes + spectators_.size() * (sizeof(const Outbox*) + sizeof(std::weak_ptr<Outbox>));
}

}  // namespace hegemon::server
