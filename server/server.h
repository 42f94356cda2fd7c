// hegemon-server's top: the listening socket, the connections, the lobby and the storage,
// all driven by one io_context thread (the database has its own).
#pragma once

#include <asio.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/lobby.h"
#include "server/log.h"
#include "server/match_store.h"
#include "server/session.h"

namespace hegemon::server {

struct ServerSettings {
  std::string host = "0.0.0.0";
  std::uint16_t port = 7700;
  std::filesystem::path data_dir = "hegemon-data";
  std::string assets_dir;
  std::int64_t max_database_mb = 0;
  std::size_t max_matches = 200;
  std::size_t max_sessions = 2000;
  bool read_only = false;  // refuse every write (orders included): for inspecting a database
  SessionLimits session;
};

class Server {
 public:
  /// Opens the database (restoring every match) and binds the socket; throws
  /// std::runtime_error with a readable reason when either fails.
  Server(asio::io_context& io, ServerSettings settings, Log& log);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The address actually bound (port 0 picks a free one).
  asio::ip::tcp::endpoint endpoint() const { return acceptor_.local_endpoint(); }
  /// Starts accepting connections.
  void start();
  /// Stops accepting, closes every connection and the matches' timers. Storage finishes its
  /// queued writes when the Server is destroyed.
  void stop();
  MatchStore& store() { return *store_; }
  Lobby& lobby() { return lobby_; }

 private:
  void accept();

  asio::io_context& io_;
  ServerSettings settings_;
  Log& log_;
  std::unique_ptr<MatchStore> store_;
  Lobby lobby_;
  asio::ip::tcp::acceptor acceptor_;
  std::vector<std::weak_ptr<Session>> sessions_;
  std::uint64_t next_session_ = 1;
  bool stopped_ = false;
};

}  // namespace hegemon::server
