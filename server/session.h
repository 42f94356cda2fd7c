// One client connection: it frames what it reads, applies the per-connection limits, and hands
// each request to the request table; what the server sends it leaves in one gathered write per
// turn of the loop. A client that falls too far behind in reading is disconnected, so it never
// holds up anyone else.
//
// An idle connection keeps no buffers: the read buffer exists only while a frame is arriving
// (it grows to what the kernel holds and is freed once no partial frame is left), and the write
// queue only while frames wait to leave.
#pragma once

#include <asio.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"
#include "server/log.h"
#include "server/peer.h"
#include "server/request_table.h"

namespace hegemon::server {

struct SessionLimits {
  std::size_t max_frame = net::kDefaultMaxFrame;
  std::size_t max_outbox = 8u << 20;
  /// Requests a connection may send per second on average (0 = no limit), and in one burst.
  double requests_per_second = 100;
  double request_burst = 200;
  std::string server_name = "hegemon-server";
};

/// What a connection holds in buffers at one moment (for the tests and the operator's figures).
struct SessionFootprint {
  std::size_t read_buffer = 0;   // memory of the read buffer, used or not
  std::size_t write_queue = 0;   // bytes of frames waiting or being written
  std::size_t write_slots = 0;   // memory of the write queue's bookkeeping
};

/// What a connection has sent since it opened: frames, and the writes that carried them.
struct SessionTraffic {
  std::uint64_t frames = 0;
  std::uint64_t writes = 0;
};

class Session : public Peer, public std::enable_shared_from_this<Session> {
 public:
  /// `limits` outlive the session; `on_closed` is called once, when the connection closes.
  Session(asio::ip::tcp::socket socket, std::uint64_t id, RequestTable& table, Log& log,
          const SessionLimits& limits, std::function<void(std::uint64_t)> on_closed);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start();
  /// Closes the connection (after flushing what is queued when `flush` is set).
  void close(bool flush = false);
  bool is_open() const { return open_; }
  SessionFootprint footprint() const;
  SessionTraffic traffic() const { return traffic_; }

  // Outbox and Peer.
  void deliver(const pb::ServerMessage& message) override;
  void deliver(const EncodedEvent& event) override;
  const std::string& player_name() const override { return player_name_; }
  std::string label() const override;
  std::uint64_t session_id() const override { return id_; }
  std::shared_ptr<Outbox> outbox() override { return shared_from_this(); }
  bool identified() const override { return identified_; }
  void identify(const std::string& player_name) override;
  void follow(std::uint64_t match_id) override { matches_.insert(match_id); }
  void unfollow(std::uint64_t match_id) override { matches_.erase(match_id); }
  const std::set<std::uint64_t>& followed() const override { return matches_; }
  void close_after_reply() override { close(true); }

 private:
  void wait_readable();
  void on_readable();
  /// Takes every complete frame out of the read buffer; false once the connection is closing.
  bool take_frames();
  void on_frame(const pb::ClientMessage& message);
  /// Refuses a stream that cannot be framed, and closes.
  void refuse_stream(pb::ErrorCode code, const std::string& why);
  /// Takes one request's token from the bucket; false when the connection is over its rate.
  bool take_request_token();
  /// One frame waiting to leave: bytes of its own, or an event's shared with other connections.
  struct QueuedFrame {
    std::string own;
    EncodedEvent shared;
    const std::string& bytes() const { return shared ? *shared : own; }
  };
  /// Queues one encoded frame; the write leaves once this turn of the loop is done.
  void queue(QueuedFrame frame);
  /// Queues an event, after the reply of a request under way.
  void queue_event(QueuedFrame frame);
  void write_queued();
  /// After a fatal error: stop sending, read and drop whatever the peer still sends for a
  /// moment, then close, so the error frame is not lost to a reset.
  void linger_then_close();
  void shut();

  asio::ip::tcp::socket socket_;
  std::uint64_t id_;
  RequestTable& table_;
  Log& log_;
  const SessionLimits& limits_;
  std::function<void(std::uint64_t)> on_closed_;
  std::string peer_;
  net::FrameReader reader_;
  // The request being handled and the events delivered to this connection meanwhile: they
  // follow its reply, so that a reply always comes before the events its request causes.
  std::uint64_t handling_ = 0;
  bool handling_request_ = false;
  std::vector<QueuedFrame> held_events_;
  std::vector<QueuedFrame> queued_;   // frames waiting for the next write
  std::vector<QueuedFrame> sending_;  // frames of the write under way
  std::vector<asio::const_buffer> buffers_;
  std::size_t outbox_bytes_ = 0;
  SessionTraffic traffic_;
  bool writing_ = false;
  bool write_posted_ = false;
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
