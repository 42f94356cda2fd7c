// The network side of a ServerConnection: the socket, the frame reader, the write queue and the
// thread that runs them. Internal to client/net; users include server_connection.h only.
#pragma once

#include <array>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <asio.hpp>

#include "client/net/server_connection.h"
#include "protocol/frame_codec.h"

namespace hegemon::client {

/// "250 ms".
inline std::string format_millis(ServerConnection::Duration d) {
  return std::to_string(d.count()) + " ms";
}

// Members marked "network thread" are touched only there; the rest is guarded by `mutex_`.
class ServerConnection::Link {
 public:
  Link(std::string client_name, std::size_t max_incoming_frame)
      : client_name_(std::move(client_name)),
        work_(asio::make_work_guard(io_)),
        socket_(io_),
        linger_(io_),
        reader_(max_incoming_frame) {
    thread_ = std::thread([this] { io_.run(); });
    network_thread_ = thread_.get_id();
  }

  ~Link() {
    close();
    work_.reset();
    io_.stop();
    thread_.join();
  }

  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  const std::string& client_name() const { return client_name_; }

  void open(const std::string& host, std::uint16_t port, Duration timeout);
  std::future<pb::ServerMessage> send_request(pb::ClientMessage message, std::uint64_t& id);
  /// send_request() for each message, written in one write.
  std::vector<std::future<pb::ServerMessage>> send_requests(std::vector<pb::ClientMessage> messages);
  /// Forgets a request whose caller stopped waiting; true if it was still pending.
  bool forget(std::uint64_t id);
  void send_raw(std::string bytes);
  void close() {
    run_on_network_thread([this] { shut_down("closed by this client", false); });
  }

  std::optional<pb::ServerMessage> poll_event();
  bool wait_event(std::optional<pb::ServerMessage::BodyCase> kind, pb::ServerMessage& out,
                  Duration timeout);
  void set_event_handler(EventHandler handler) {
    std::lock_guard lock(mutex_);
    event_handler_ = std::move(handler);
  }
  void set_disconnect_handler(DisconnectHandler handler) {
    std::lock_guard lock(mutex_);
    disconnect_handler_ = std::move(handler);
  }

  bool connected() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Open;
  }
  bool wait_closed(Duration timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return state_ == State::Closed; });
  }
  bool closed_by_server() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Closed && closed_by_server_;
  }
  std::string disconnect_reason() const {
    std::lock_guard lock(mutex_);
    return disconnect_reason_;
  }
  std::string peer() const {
    std::lock_guard lock(mutex_);
    return peer_;
  }
  pb::Welcome welcome() const {
    std::lock_guard lock(mutex_);
    return welcome_;
  }
  void set_welcome(const pb::Welcome& welcome) {
    std::lock_guard lock(mutex_);
    welcome_ = welcome;
  }

 private:
  enum class State { Idle, Connecting, Open, Closed };
  struct Pending {
    std::promise<pb::ServerMessage> reply;
    std::string body;  // what was asked, for error messages
  };
  struct ConnectAttempt {
    ConnectAttempt(asio::io_context& io, Duration limit)
        : resolver(io), timer(io), timeout(limit) {}
    asio::ip::tcp::resolver resolver;
    asio::steady_timer timer;
    Duration timeout;
    std::promise<std::string> done;  // "" on success, else why not
    bool resolved = false;
    bool timed_out = false;
    bool finished = false;
  };

  // Network thread.
  void start_connect(const std::shared_ptr<ConnectAttempt>& attempt, const std::string& host,
                     std::uint16_t port);
  void finish_connect(const std::shared_ptr<ConnectAttempt>& attempt, std::error_code error);
  void start_read();
  void on_read(std::error_code error, std::size_t bytes);
  void dispatch(pb::ServerMessage message);
  void enqueue_write(std::string bytes);
  void start_write();
  void on_write(std::error_code error);
  void shut_down(const std::string& reason, bool by_server);
  bool closed() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Closed;
  }

  /// Runs `work` on the network thread and waits for it; runs it at once when already there.
  void run_on_network_thread(std::function<void()> work);
  std::string not_open_locked(const std::string& body) const;

  const std::string client_name_;

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  asio::ip::tcp::socket socket_;          // network thread
  asio::steady_timer linger_;             // network thread: bounds the wait after a failed write
  net::FrameReader reader_;               // network thread
  std::array<char, 16 * 1024> buffer_{};  // network thread
  std::deque<std::string> outbox_;        // network thread; front() is being written
  std::string last_error_event_;          // network thread: quoted if the server then closes
  std::string write_failure_;             // network thread
  std::thread thread_;
  std::thread::id network_thread_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;  // an event arrived or the state changed
  State state_ = State::Idle;
  bool closed_by_server_ = false;
  std::string peer_;
  std::string disconnect_reason_;
  std::uint64_t last_request_id_ = 0;
  std::map<std::uint64_t, Pending> pending_;
  std::deque<pb::ServerMessage> events_;
  EventHandler event_handler_;
  DisconnectHandler disconnect_handler_;
  pb::Welcome welcome_;
};

}  // namespace hegemon::client
