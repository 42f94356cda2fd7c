// The lobby: the matches a server hosts, creating them and finding them.
#pragma once

#include <asio.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/log.h"
#include "server/match_session.h"
#include "server/match_store.h"
#include "server/outbox.h"
#include "server/scenario_catalog.h"

namespace hegemon::server {

struct LobbyLimits {
  std::size_t max_matches = 200;
  std::string assets_dir;
};

class Lobby {
 public:
  Lobby(asio::io_context& io, MatchStore& store, Log& log, LobbyLimits limits);
  ~Lobby();
  Lobby(const Lobby&) = delete;
  Lobby& operator=(const Lobby&) = delete;

  /// Brings back every match from storage (before the network starts): unfinished ones go on,
  /// finished ones stay listed and their seats can still fetch their reports.
  void restore();
  MatchStore& store() { return store_; }
  void stop();

  void list(Reply reply) const;
  void create(const std::shared_ptr<Outbox>& who, const pb::CreateMatch& request, Reply reply);
  /// The match with this id, or nullptr.
  std::shared_ptr<MatchSession> find(std::uint64_t id) const;

  std::size_t match_count() const { return matches_.size(); }
  /// What the matches in memory keep, in bytes (MatchSession::held_bytes): for tests.
  std::size_t held_bytes() const;
  /// Matches not finished: the ones that count against `max_matches`.
  std::size_t running_matches() const;

 private:
  asio::io_context& io_;
  MatchStore& store_;
  Log& log_;
  LobbyLimits limits_;
  ScenarioCatalog scenarios_;
  // The engine's threads: one per core but the one the network thread keeps.
  asio::thread_pool workers_;
  std::map<std::uint64_t, std::shared_ptr<MatchSession>> matches_;
  std::uint64_t next_id_ = 1;
};

}  // namespace hegemon::server
