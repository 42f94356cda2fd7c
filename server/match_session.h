// One match on the server: its world, its seats, the orders acknowledged for the turn being
// collected, its turn clock, and its phase (lobby, collecting, resolving, paused, finished: see
// match_phase.h), which every request asks before it acts.
//
// It never touches a socket: it answers through Reply callbacks and sends events to Outboxes.
// Every order it acknowledges is durable first, and applied by the turn it was acknowledged
// for; every turn it announces is durable first. Its requests and events run on the network
// thread, its turns on the worker pool; it keeps no report (storage serves them) and, once
// finished, not its world either.
#pragma once

#include <asio.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "protocol/wire.pb.h"
#include "server/log.h"
#include "server/match_phase.h"
#include "server/match_store.h"
#include "server/outbox.h"
#include "server/reply.h"
#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon::server {

class MatchSession : public std::enable_shared_from_this<MatchSession> {
 public:
  /// A new match (in the lobby), or one restored from storage in `phase`. Requests and events
  /// run on `io`; the engine (bots and turns) runs on `workers`, off the network thread.
  MatchSession(asio::io_context& io, asio::thread_pool& workers, MatchStore& store, Log& log,
               MatchRecord record, World world, MatchPhase phase = {});
  MatchSession(const MatchSession&) = delete;
  MatchSession& operator=(const MatchSession&) = delete;

  /// Restores what storage kept: seats and acknowledged orders (reports stay stored).
  void restore(const StoredMatch& stored);
  /// Starts a match without human seats at once, and goes on with a restored one (its deadline
  /// clock, or the turn every human was ready for). Call once after creation or restoring.
  void start();
  /// Stops timers; the match is left as stored.
  void stop();

  std::uint64_t id() const { return record_.id; }
  MatchPhase::Name phase() const { return phase_.now(); }
  const World& world() const { return world_; }
  pb::MatchSummary summary() const;
  bool password_matches(const std::string& password) const;
  /// Whether this is the owner token that MatchCreated gave.
  bool owner_token_matches(const std::string& owner_token) const;
  /// Whether the connection holds a seat of this match.
  bool holds_seat(const Outbox* who) const { return seat_of(who) != nullptr; }

  void join(const std::shared_ptr<Outbox>& who, const pb::JoinMatch& request, Reply reply);
  void reconnect(const std::shared_ptr<Outbox>& who, const pb::Reconnect& request, Reply reply);
  void observe(const std::shared_ptr<Outbox>& who, Reply reply);
  /// The connection leaves the match (its seat stays its own: the token takes it back).
  void leave(const Outbox* who, Reply reply);
  void submit(const Outbox* who, const pb::SubmitOrders& request, Reply reply);
  void set_ready(const Outbox* who, bool ready, Reply reply);
  void chat(const Outbox* who, const pb::SendChat& request, Reply reply);
  /// Pause and resume, for the match's owner (the request table has checked the owner token).
  void pause(Reply reply);
  void resume(Reply reply);
  void send_view(const Outbox* who, Reply reply) const;
  /// A connection closed: its seat shows as disconnected.
  void disconnected(const Outbox* who);

  /// Whether the match is over and keeps only what lists it and finds its seats: its world is
  /// read from storage when a view is asked for, its reports always are.
  bool retired() const { return retired_summary_.has_value(); }

  /// About how many bytes this match keeps in memory: its world as stored, the acknowledged
  /// order sets and its listeners. Reports are not among them (they are read from storage when
  /// asked for), so it stays flat from turn to turn: for tests and the operator's log.
  std::size_t held_bytes() const;

 private:
  struct Seat {
    StateIndex state = 0;
    bool human = false;
    std::string token_hash;  // empty while nobody holds the seat
    std::string player_name;
    std::weak_ptr<Outbox> holder;
    bool ready = false;
    std::optional<OrderSet> orders;  // acknowledged (durable) for the turn being collected
  };

  Seat* seat_of(const Outbox* who);
  const Seat* seat_of(const Outbox* who) const;
  Seat* seat_for_state(const std::string& state_id);
  /// "Make it durable, then continue": a completion for a store operation that runs `then(match,
  /// outcome[, result])` on this match's executor, unless the match is gone by then.
  template <typename Then>
  auto continue_on_match(Then then);
  /// Gives `who` the seat with the reports after `after_turn`, read from storage (a new seat's
  /// token is lost if that read fails, so `joining` grants it without them then).
  void grant_seat(StateIndex seat, const std::shared_ptr<Outbox>& who, const std::string& token,
                  int after_turn, bool joining, Reply reply);
  /// What a seat or a spectator missed: its reports, its views of past worlds, the chat it may
  /// read. `read` says whether storage could give them.
  struct CatchUp {
    StoreOutcome read;
    std::vector<pb::TurnReport> reports;
    std::vector<pb::PlayerView> views;
    std::vector<pb::ChatMessage> chat;
  };
  /// Reads what `viewer` (a seat, or kSpectator) missed: its reports after `after_turn`, its
  /// views of the worlds from `views_from` on (made on the workers) and the chat it may read;
  /// then calls `then` on the match's executor.
  void catch_up(StateIndex viewer, int after_turn, int views_from,
                std::function<void(MatchSession&, CatchUp)> then);
  void finish_grant(Seat& seat, const World& world, const std::shared_ptr<Outbox>& who,
                    const std::string& token, const CatchUp& missed, bool joining, Reply& reply);
  /// Calls `then(match, world)` with the whole world: at once, or for a retired match once it is
  /// read from storage (`reply` gets the error if that fails).
  template <typename Then>
  void with_world(Reply reply, Then then) const;
  /// A finished match leaves memory: its world is cut down to the states' names, its summary
  /// kept.
  void retire();
  bool all_humans_ready() const;
  /// Whether a write of orders or readiness for turn `collecting` (`what`, for the refusal) is
  /// taken: stored, and that turn not yet resolved. Replies with the refusal otherwise.
  bool taken_for_turn(const StoreOutcome& stored, int collecting, const char* what, Reply& reply);
  /// A seat's stored readiness: announced, and the turn begun once every human is ready.
  void readiness_stored(StateIndex seat, bool ready);
  /// Whether `intent` may be done now, worded for this match's turn.
  Verdict can(Intent intent) const { return phase_.can(intent, world_.turn); }
  /// Moves the phase and logs the change.
  void move(MatchPhase::Event event);
  /// Leaves the lobby: the deadline clock starts with the match.
  void start_play();
  void arm_deadline();
  /// Ends collecting: no order set is taken for this turn from now on, and the turn is computed
  /// once every set already on its way to storage is stored (and so applied).
  void begin_resolving();
  void resolve_if_orders_stored();
  /// Computes the turn on the worker pool and stores it from there; the match carries on with
  /// it on its own executor once it is durable.
  void resolve();
  /// On a worker: plays the bot seats, resolves the turn, makes every report and stores them.
  /// `viewers` says, per seat and then for the spectators, whose view of the new world to make.
  void compute_and_store(std::vector<OrderSet> sets, const std::vector<int>& set_of_seat,
                         const std::vector<StateIndex>& bot_seats,
                         const std::vector<bool>& viewers);
  /// A stored turn: `reports` holds each seat's report by state index, then the public one;
  /// `frames` likewise the TurnResolved already encoded for whoever listened (empty for others).
  void commit_turn(World next, std::vector<pb::TurnReport> reports,
                   std::vector<EncodedEvent> frames);
  /// The TurnResolved event of this match carrying `view` and `report`.
  pb::ServerMessage turn_resolved(pb::PlayerView view, pb::TurnReport report) const;
  void broadcast_update(const std::string& what);
  template <typename Fn>
  void for_each_listener(Fn fn) const;
  std::string state_name(const std::string& id) const;

  asio::io_context& io_;
  asio::thread_pool& workers_;
  MatchStore& store_;
  Log& log_;
  MatchRecord record_;
  World world_;
  MatchPhase phase_;
  int orders_being_stored_ = 0;  // acknowledged once stored, so the turn waits for them
  std::vector<Seat> seats_;  // one per state, by index
  // By connection, so that observing, leaving and disconnecting cost the same with 10 000
  // spectators as with one.
  std::unordered_map<const Outbox*, std::weak_ptr<Outbox>> spectators_;
  asio::steady_timer deadline_timer_;
  std::chrono::system_clock::time_point deadline_{};
  asio::steady_timer retry_timer_;
  std::optional<pb::MatchSummary> retired_summary_;
};

template <typename Then>
auto MatchSession::continue_on_match(Then then) {
  return asio::bind_executor(
      io_.get_executor(),
      [self = weak_from_this(), then = std::move(then)](StoreOutcome outcome,
                                                        auto&&... result) mutable {
        if (auto m = self.lock()) then(*m, std::move(outcome), std::move(result)...);
      });
}

}  // namespace hegemon::server
