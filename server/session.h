// One client connection: it reads frames, answers each request through the lobby or the match
// it names, and writes replies and events through a single-writer queue. A client that falls
// too far behind in reading is disconnected, so it never holds up anyone else.
#pragma once

#include <asio.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <string>

#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"
#include "server/lobby.h"
#include "server/log.h"
#include "server/outbox.h"

namespace hegemon::server {

struct SessionLimits {
  std::size_t max_frame = net::kDefaultMaxFrame;
  std::size_t max_outbox = 8u << 20;
  /// Requests a connection may send per second on average (0 = no limit), and in one burst.
  double requests_per_second = 100;
  double request_burst = 200;
  std::string server_name = "hegemon-server";
};

class Session : public Outbox, public std::enable_shared_from_this<Session> {
 public:
  Session(asio::ip::tcp::socket socket, std::uint64_t id, Lobby& lobby, Log& log,
          const SessionLimits& limits);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start();
  /// Closes the connection (after flushing what is queued when `flush` is set).
  void close(bool flush = false);

  void deliver(const pb::ServerMessage& message) override;
  const std::string& player_name() const override { return player_name_; }
  std::string label() const override;
  bool is_open() const { return open_; }

 private:
  void read();
  void on_frame(const pb::ClientMessage& message);
  void dispatch(const pb::ClientMessage& message, Reply reply);
  void hello(const pb::Hello& hello, Reply& reply);
  /// The match a request names, or an error reply and nullptr.
  std::shared_ptr<MatchSession> match_for(std::uint64_t id, Reply& reply);
  /// Takes one request's token from the bucket; false when the connection is over its rate.
  bool take_request_token();
  void write_next();
  /// After a fatal error: stop sending, read and drop whatever the peer still sends for a
  /// moment, then close, so the error frame is not lost to a reset.
  void linger_then_close();
  void shut();

  asio::ip::tcp::socket socket_;
  std::uint64_t id_;
  Lobby& lobby_;
  Log& log_;
  SessionLimits limits_;
  std::string peer_;
  net::FrameReader reader_;
  std::array<char, 16384> buffer_{};
  std::deque<std::string> outbox_;
  std::size_t outbox_bytes_ = 0;
  bool writing_ = false;
  bool open_ = true;
  bool close_after_flush_ = false;
  bool lingering_ = false;
  asio::steady_timer linger_timer_;
  bool identified_ = false;
  std::string player_name_;
  std::set<std::uint64_t> matches_;  // matches this connection joined or observes
  // Token bucket: one token per request, refilled at requests_per_second up to request_burst,
  // so that one connection cannot keep the loop busy while other matches wait.
  double tokens_ = 0;
  std::chrono::steady_clock::time_point refilled_;
  std::chrono::steady_clock::time_point last_throttle_log_{};
};

}  // namespace hegemon::server
