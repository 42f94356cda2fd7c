// hegemon-server's top: the listening socket, the connections, the lobby and the storage,
// all driven by one io_context thread (the database has its own).
#pragma once

#include <asio.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "server/lobby.h"
#include "server/log.h"
#include "server/match_store.h"
#include "server/request_table.h"
#include "server/session.h"

namespace hegemon::server {

struct ServerSettings {
  std::string host = "0.0.0.0";
  std::uint16_t port = 7700;
  std::filesystem::path data_dir = "hegemon-data";
  std::string assets_dir;
  std::int64_t max_database_mb = 0;
  std::size_t max_matches = 200;
  /// Connections at once; each needs a file descriptor (see docs/SERVER.md).
  std::size_t max_sessions = 10000;
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
  /// Connections open now.
  std::size_t session_count() const { return sessions_.size(); }
  /// What every open connection holds in buffers, summed.
  SessionFootprint footprint() const;
  /// What the connection with this session id has sent (zero when it is closed).
  SessionTraffic traffic(std::uint64_t session_id) const;
  Lobby& lobby() { return lobby_; }

 private:
  void accept();
  void admit(asio::ip::tcp::socket socket);

  asio::io_context& io_;
  ServerSettings settings_;
  Log& log_;
  std::unique_ptr<MatchStore> store_;
  Lobby lobby_;
  RequestTable requests_;
  asio::ip::tcp::acceptor acceptor_;
  // A failed accept (out of file descriptors, say) is tried again after a pause, not at once.
  asio::steady_timer accept_pause_;
  // Open connections by session id: each removes itself when it closes, so accepting costs the
  // same with 10 000 connections as with one.
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions_;
  std::uint64_t next_session_ = 1;
  bool stopped_ = false;
};

}  // namespace hegemon::server
