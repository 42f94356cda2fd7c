// One player's connection speaking the real protocol (protobuf envelopes in varint frames), made
// to be held by the thousand on one thread: it waits for readability and reads into a buffer
// shared by every connection of the thread, and writes whatever queued up in one write.
#pragma once

#include <asio.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"

namespace hegemon::load {

class LoadConnection : public std::enable_shared_from_this<LoadConnection> {
 public:
  using Handler = std::function<void(const pb::ServerMessage&)>;

  /// `scratch` is the read buffer every connection of `io` shares (all run on one thread).
  LoadConnection(asio::io_context& io, std::vector<char>& scratch);

  /// Opens the TCP connection; `done(true)` once it is open, `done(false)` if it cannot be.
  void connect(const asio::ip::tcp::endpoint& server, std::function<void(bool)> done);
  /// Sends `message` with the next request id; `on_reply` gets its reply (never called if the
  /// connection closes first).
  void request(pb::ClientMessage message, Handler on_reply);
  /// Hello as `player_name`; `done(true)` on Welcome, `done(false)` on an error or a close.
  void hello(const std::string& player_name, std::function<void(bool)> done);
  /// Events (request id 0) go to `handler`.
  void on_event(Handler handler) { on_event_ = std::move(handler); }
  /// Called once when the server closes the connection or the network fails.
  void on_close(std::function<void()> handler) { on_close_ = std::move(handler); }

  bool is_open() const { return open_; }
  std::size_t unanswered() const { return pending_.size(); }
  void close();

 private:
  void wait_readable();
  void read_available();
  void flush();
  void fail();

  asio::ip::tcp::socket socket_;
  std::vector<char>& scratch_;
  net::FrameReader reader_;
  std::string queued_;
  std::string writing_;
  bool write_busy_ = false;
  bool open_ = false;
  std::uint64_t next_request_ = 1;
  std::unordered_map<std::uint64_t, Handler> pending_;
  Handler on_event_;
  std::function<void()> on_close_;
};

}  // namespace hegemon::load
