// The client's link to the server as the UI sees it. The ServerConnection does the I/O on its
// own thread; opening a connection (which blocks on the handshake) runs on a helper thread. The
// UI thread calls poll() once a frame: it finishes connection attempts, hands each reply to the
// handler its request named and each event to the event handler, notices a dropped connection
// and, after a pause that grows with each failure, opens a new one. Nothing here ever waits.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "client/net/server_connection.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

enum class LinkState {
  Offline,     // not connected and not trying (never asked to, given up, or disconnected)
  Connecting,  // a connection attempt is under way
  Online,      // connected and identified
  Waiting,     // the connection failed or dropped; the next attempt is scheduled
};

/// The pause before reconnection attempt `attempt` (1 = the first after a drop): 0.5 s,
/// then doubling, at most 15 s.
std::chrono::milliseconds reconnect_delay(int attempt);

class NetworkSession {
 public:
  using Clock = std::chrono::steady_clock;
  using ReplyHandler = std::function<void(const pb::ServerMessage& reply)>;
  /// Told why a request got no reply (the connection closed, or it was not open).
  using FailureHandler = std::function<void(const std::string& reason)>;
  using EventHandler = std::function<void(const pb::ServerMessage& event)>;
  /// Told each time a connection is identified; `again` after a drop and reconnection.
  using OnlineHandler = std::function<void(const pb::Welcome& welcome, bool again)>;

  struct Settings {
    std::chrono::milliseconds connect_timeout{5000};
    /// How long a request may wait for its reply before it is given up.
    std::chrono::milliseconds reply_timeout{30000};
    /// Keep trying when the first connection fails (unattended runs whose server is starting).
    bool retry_first_connect = false;
  };

  explicit NetworkSession(Settings settings);
  NetworkSession() : NetworkSession(Settings{}) {}
  /// Closes the connection; waits for a connection attempt under way (at most its timeout).
  ~NetworkSession();
  NetworkSession(const NetworkSession&) = delete;
  NetworkSession& operator=(const NetworkSession&) = delete;

  /// Starts connecting to host:port as `player_name` and returns at once; poll() reports.
  /// Replaces any connection there was.
  void connect(const std::string& host, std::uint16_t port, const std::string& player_name);
  /// Closes the connection and stops reconnecting. Pending requests fail; the last error is
  /// forgotten.
  void disconnect();

  /// Does this frame's work on the UI thread (see the file comment); the handlers run in here.
  void poll(Clock::time_point now = Clock::now());
  /// Counts what poll() has delivered or changed (replies, failures, events, the link's state):
  /// a screen with nothing new to show need not be drawn again.
  std::uint64_t activity() const { return activity_; }

  /// Sends a request; `on_reply` gets the reply (the expected body or an Error) from poll().
  /// When offline, `on_failure` is called at once and false returned.
  bool send(pb::ClientMessage message, ReplyHandler on_reply, FailureHandler on_failure = {});

  void set_event_handler(EventHandler handler) { on_event_ = std::move(handler); }
  void set_online_handler(OnlineHandler handler) { on_online_ = std::move(handler); }

  LinkState state() const { return state_; }
  bool online() const { return state_ == LinkState::Online; }
  /// "host:port" of the server connected to (or being tried).
  std::string peer() const;
  const std::string& player_name() const { return player_name_; }
  /// The last failure or drop, "" when none.
  const std::string& last_error() const { return last_error_; }
  /// One line for the status bar: "Connected to 127.0.0.1:7700 as Ada", "Connection lost:
  /// ...; trying again in 4 s (attempt 3)".
  std::string status_text(Clock::time_point now = Clock::now()) const;
  /// Requests sent and not yet answered.
  std::size_t pending_requests() const { return pending_.size(); }
  /// Connections identified so far (1 after the first, 2 after a reconnection, ...).
  int connections_made() const { return connections_made_; }

 private:
  struct Attempt {
    std::unique_ptr<ServerConnection> connection;
    pb::Welcome welcome;
    std::string error;
  };
  struct Pending {
    std::future<pb::ServerMessage> reply;
    ReplyHandler on_reply;
    FailureHandler on_failure;
    Clock::time_point deadline;
    std::string what;
  };

  void start_attempt(Clock::time_point now);
  void finish_attempt(Clock::time_point now);
  void lost(const std::string& reason, Clock::time_point now);
  void fail_pending(const std::string& reason);
  void deliver_replies(Clock::time_point now);
  /// poll()'s work: attempts, replies, events, a lost link.
  void deliver(Clock::time_point now);

  Settings settings_;
  std::string host_;
  std::uint16_t port_ = 0;
  std::string player_name_;
  LinkState state_ = LinkState::Offline;
  std::unique_ptr<ServerConnection> connection_;
  std::future<Attempt> attempt_;
  std::vector<std::future<Attempt>> abandoned_;  // attempts replaced before they finished
  std::vector<Pending> pending_;
  int failures_ = 0;           // consecutive failed attempts
  std::uint64_t activity_ = 0;
  int connections_made_ = 0;
  Clock::time_point next_attempt_{};
  std::string last_error_;
  EventHandler on_event_;
  OnlineHandler on_online_;
};

}  // namespace hegemon::client
