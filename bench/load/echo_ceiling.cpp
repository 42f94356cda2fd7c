#include "echo_ceiling.h"

#include <array>
#include <asio.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "io_wait.h"
#include "raw_frames.h"

namespace hegemon::load {
namespace {

using asio::ip::tcp;

class EchoSession : public std::enable_shared_from_this<EchoSession> {
 public:
  explicit EchoSession(tcp::socket socket) : socket_(std::move(socket)) {}
  void read() {
    socket_.async_read_some(asio::buffer(buffer_),
                            [self = shared_from_this()](std::error_code ec, std::size_t n) {
                              if (ec) return;
                              self->in_.append(self->buffer_.data(), n);
                              const FramePrefix p = complete_frames(self->in_);
                              if (p.broken) return;
                              if (p.frames == 0) return self->read();
                              self->out_.assign(self->in_, 0, p.bytes);
                              self->in_.erase(0, p.bytes);
                              asio::async_write(self->socket_, asio::buffer(self->out_),
                                                [self](std::error_code wec, std::size_t) {
                                                  if (!wec) self->read();
                                                });
                            });
  }

 private:
  tcp::socket socket_;
  std::array<char, 16384> buffer_{};
  std::string in_;
  std::string out_;
};

/// The echo server on its own thread, on 127.0.0.1 and a free port.
class EchoServer {
 public:
  EchoServer() : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
    acceptor_.listen(asio::socket_base::max_listen_connections);
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~EchoServer() {
    asio::post(io_, [this] { io_.stop(); });
    thread_.join();
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  void accept() {
    acceptor_.async_accept([this](std::error_code ec, tcp::socket socket) {
      if (ec) return;
      socket.set_option(tcp::no_delay(true));
      std::make_shared<EchoSession>(std::move(socket))->read();
      accept();
    });
  }
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

struct EchoTally {
  long long received = 0;
  int connected = 0;
  int failed = 0;
};

/// One client connection: sends `in_flight` frames, then one more for each one echoed.
class EchoClient : public std::enable_shared_from_this<EchoClient> {
 public:
  EchoClient(asio::io_context& io, const std::string& frame, EchoTally& tally)
      : socket_(io), frame_(frame), tally_(tally) {}

  void start(const tcp::endpoint& server, int in_flight) {
    socket_.async_connect(server, [self = shared_from_this(), in_flight](std::error_code ec) {
      if (ec) {
        ++self->tally_.failed;
        return;
      }
      self->socket_.set_option(tcp::no_delay(true));
      ++self->tally_.connected;
      self->owed_ = static_cast<std::size_t>(in_flight);
      self->flush();
      self->read();
    });
  }
  void close() {
    std::error_code ignored;
    socket_.close(ignored);
  }

 private:
  void read() {
    socket_.async_read_some(asio::buffer(buffer_),
                            [self = shared_from_this()](std::error_code ec, std::size_t n) {
                              if (ec) return;
                              self->in_.append(self->buffer_.data(), n);
                              const FramePrefix p = complete_frames(self->in_);
                              self->in_.erase(0, p.bytes);
                              self->tally_.received += static_cast<long long>(p.frames);
                              self->owed_ += p.frames;
                              self->flush();
                              self->read();
                            });
  }
  void flush() {
    if (writing_ || owed_ == 0) return;
    out_.clear();
    for (; owed_ > 0; --owed_) out_ += frame_;
    writing_ = true;
    asio::async_write(socket_, asio::buffer(out_),
                      [self = shared_from_this()](std::error_code ec, std::size_t) {
                        self->writing_ = false;
                        if (!ec) self->flush();
                      });
  }

  tcp::socket socket_;
  const std::string& frame_;
  EchoTally& tally_;
  std::array<char, 16384> buffer_{};
  std::string in_;
  std::string out_;
  std::size_t owed_ = 0;
  bool writing_ = false;
};

}  // namespace

EchoFigures measure_echo(const std::string& frame, int connections, int in_flight, double seconds,
                         double timeout_seconds) {
  EchoServer server;
  asio::io_context io;
  EchoTally tally;
  const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), server.port());
  std::vector<std::shared_ptr<EchoClient>> clients;
  for (int i = 0; i < connections; ++i) {
    clients.push_back(std::make_shared<EchoClient>(io, frame, tally));
    clients.back()->start(endpoint, in_flight);
  }
  run_until(
      io, [&] { return tally.connected + tally.failed == connections; },
      load::seconds(timeout_seconds));
  run_for(io, std::chrono::seconds(1));  // warm-up
  const long long before = tally.received;
  const auto start = Clock::now();
  run_for(io, load::seconds(seconds));
  const double elapsed_ms = ms_between(start, Clock::now());
  const long long counted = tally.received - before;
  for (auto& c : clients) c->close();
  run_for(io, std::chrono::milliseconds(100));
  EchoFigures f;
  f.connections = tally.connected;
  f.messages_per_second = static_cast<double>(counted) * 1000.0 / elapsed_ms;
  return f;
}

}  // namespace hegemon::load
