#include "server/lobby.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "server/secrets.h"
#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/schema_adapter.h"

namespace hegemon::server {
namespace {

constexpr std::uint32_t kMaxDeadlineSeconds = 7 * 24 * 3600;

/// A scenario is named, never given as a path: clients cannot make the server read other files.
bool is_scenario_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
         });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// What is wrong when a state's default doctrine (from the scenario) is not in the ruleset.
std::optional<std::string> unknown_doctrine(const World& world) {
  for (const auto& state : world.states)
    if (!state.doctrine.empty() && !find_doctrine(world.ruleset, state.doctrine))
      return state.id + "'s doctrine \"" + state.doctrine + "\" is not in the ruleset \"" +
             world.ruleset.name() + "\"";
  return std::nullopt;
}

}  // namespace

namespace {

std::size_t engine_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? cores - 1 : 1;
}

}  // namespace

Lobby::Lobby(asio::io_context& io, MatchStore& store, Log& log, LobbyLimits limits)
    : io_(io),
      store_(store),
      log_(log),
      limits_(std::move(limits)),
      scenarios_(limits_.assets_dir),
      workers_(engine_threads()) {}

Lobby::~Lobby() {
  // A turn still being computed stores itself and posts back to the network loop, which is
  // over by now: let it finish before the store goes.
  workers_.join();
}

std::size_t Lobby::held_bytes() const {
  std::size_t bytes = 0;
  for (const auto& [id, match] : matches_) bytes += match->held_bytes();
  return bytes;
}

void Lobby::restore() {
  next_id_ = store_.last_match_id() + 1;
  for (StoredMatch& stored : store_.load_matches()) {
    try {
      World world = world_from_proto(stored.world);
      // A match leaves the lobby with its first seat, and the seat is stored before that (one
      // without human seats leaves it in start()).
      const bool started = !stored.seats.empty() || stored.world.turn() > 0;
      const MatchPhase phase = MatchPhase::restored(stored.status, world.ended, started);
      auto match = std::make_shared<MatchSession>(io_, workers_, store_, log_, stored.record,
                                                  std::move(world), phase);
      match->restore(stored);
      matches_[stored.record.id] = match;
      match->start();
      if (match->phase() == MatchPhase::Name::Finished)
        log_.info("match " + std::to_string(stored.record.id) + " (" +
                  stored.record.settings.name() + ") is over after turn " +
                  std::to_string(stored.world.turn()) + "; kept for its reports");
      else
        log_.info("match " + std::to_string(stored.record.id) + " (" +
                  stored.record.settings.name() + ") resumed at turn " +
                  std::to_string(stored.world.turn()) + " (" + phase_name(match->phase()) +
                  ") with " + std::to_string(stored.pending.size()) +
                  " order sets acknowledged");
    } catch (const std::exception& e) {
      log_.error("match " + std::to_string(stored.record.id) +
                 " could not be restored and stays stored untouched: " + e.what());
    }
  }
}

void Lobby::stop() {
  for (auto& [id, match] : matches_) match->stop();
}

void Lobby::list(Reply reply) const {
  pb::ServerMessage m;
  m.mutable_match_list();  // an empty lobby still answers with a (empty) list
  for (const auto& [id, match] : matches_) *m.mutable_match_list()->add_matches() = match->summary();
  reply(std::move(m));
}

std::size_t Lobby::running_matches() const {
  return static_cast<std::size_t>(
      std::count_if(matches_.begin(), matches_.end(), [](const auto& entry) {
        return entry.second->phase() != MatchPhase::Name::Finished;
      }));
}

std::shared_ptr<MatchSession> Lobby::find(std::uint64_t id) const {
  auto it = matches_.find(id);
  return it == matches_.end() ? nullptr : it->second;
}

void Lobby::create(const std::shared_ptr<Outbox>& who, const pb::CreateMatch& request,
                   Reply reply) {
  if (request.name().empty() || request.name().size() > 64)
    return reply(error_message(pb::BAD_REQUEST, "a match needs a name of 1 to 64 characters"));
  if (running_matches() >= limits_.max_matches)
    return reply(error_message(pb::NOT_ALLOWED, "this server hosts its maximum of " +
                                                    std::to_string(limits_.max_matches) +
                                                    " matches in play (finished ones do not "
                                                    "count); try again when one ends"));
  if (request.turn_deadline_seconds() > kMaxDeadlineSeconds)
    return reply(error_message(pb::BAD_REQUEST, "a turn deadline is at most 7 days"));
  const auto available = scenarios_.names();
  if (!is_scenario_name(request.scenario()) ||
      std::find(available.begin(), available.end(), request.scenario()) == available.end())
    return reply(error_message(pb::NOT_FOUND, "no scenario \"" + request.scenario() +
                                                  "\" on this server; available: " +
                                                  joined(available)));
  const std::uint64_t seed =
      request.seed() != 0 ? request.seed()
                          : std::random_device{}() * 0x100000000ULL + std::random_device{}();
  World world;
  try {
    world = scenarios_.start(request.scenario(), seed);
  } catch (const std::exception& e) {
    log_.error(std::string("scenario ") + request.scenario() + " failed to load: " + e.what());
    return reply(error_message(pb::INTERNAL, "the scenario could not be loaded on the server"));
  }
  std::set<std::string> seen;
  for (const auto& seat : request.seats()) {
    if (world.find(seat.state()) < 0)
      return reply(error_message(pb::BAD_REQUEST, "scenario " + request.scenario() +
                                                      " has no state \"" + seat.state() + "\""));
    if (!seen.insert(seat.state()).second)
      return reply(error_message(pb::BAD_REQUEST, "seat " + seat.state() + " is listed twice"));
    if (!seat.doctrine().empty() && !find_doctrine(world.ruleset, seat.doctrine())) {
      const std::vector<std::string> names = doctrine_names(world.ruleset);
      const std::string reason =
          "seat " + seat.state() + ": the ruleset \"" + world.ruleset.name() + "\" of scenario " +
          request.scenario() + " has no doctrine \"" + seat.doctrine() + "\"; " +
          (names.empty() ? "it has no doctrines, so leave the doctrine empty"
                         : "its doctrines: " + joined(names));
      log_.info("match creation by " + who->label() + " refused: " + reason);
      return reply(error_message(pb::BAD_REQUEST, reason));
    }
  }
  // The doctrine in force per seat lives in the world, which is stored with every turn.
  for (const auto& seat : request.seats())
    if (!seat.doctrine().empty()) world.states[world.find(seat.state())].doctrine = seat.doctrine();
  if (const auto bad = unknown_doctrine(world)) {
    log_.error("scenario " + request.scenario() + ": " + *bad);
    return reply(error_message(pb::INTERNAL, "the scenario's bot doctrines do not match its "
                                             "ruleset on the server; nothing was created"));
  }

  MatchRecord record;
  record.id = next_id_++;
  record.settings = request;
  record.settings.clear_password();  // only its hash is kept
  record.settings.set_seed(seed);
  if (!request.password().empty()) record.password_hash = hash_secret(request.password());
  const std::string owner_token = new_token();
  record.owner_token_hash = hash_secret(owner_token);
  record.owner_name = who->player_name();
  record.created_unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  auto shared_world = std::make_shared<World>(std::move(world));
  store_.save_match(
      record, to_proto(*shared_world),
      asio::bind_executor(io_, [this, record, shared_world, owner_token, reply = std::move(reply),
                                label = who->label()](const StoreOutcome& stored) mutable {
        if (!stored)
          return reply(error_message(pb::STORAGE_UNAVAILABLE,
                                     "the server could not store the new match (" + stored.error +
                                         "); nothing was created"));
        auto match = std::make_shared<MatchSession>(io_, workers_, store_, log_, record,
                                                    std::move(*shared_world));
        matches_[record.id] = match;
        match->start();
        log_.info("match " + std::to_string(record.id) + " (" + record.settings.name() + ", " +
                  record.settings.scenario() + ") created by " + label);
        pb::ServerMessage m;
        *m.mutable_match_created()->mutable_match() = match->summary();
        m.mutable_match_created()->set_owner_token(owner_token);
        reply(std::move(m));
      }));
}

}  // namespace hegemon::server
