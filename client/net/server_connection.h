// One connection to hegemon-server. It owns its own network thread, so a caller (the GUI's frame
// loop, a bot, a test) never waits on the network unless it asks to: requests return futures,
// and events land in a queue or go to a handler.
//
//   hegemon::client::ServerConnection server;
//   server.connect("127.0.0.1", 7700, "Ada");           // TCP, then Hello -> Welcome
//   pb::ClientMessage list;
//   list.mutable_list_matches();
//   pb::ServerMessage reply = server.call(list);        // MatchList, or an Error body
//   pb::ServerMessage event;
//   while (server.wait_event(event, 500ms)) { ... }     // TurnResolved, ChatMessage, MatchUpdate
//
// A connection is used once: after it closes, make a new ServerConnection to come back (and take
// the seat back with Reconnect and the seat token).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/wire.pb.h"

namespace hegemon::client {

/// The connection could not be opened, the handshake failed, a reply did not come in time, or
/// the connection closed before the reply. The message says which, in words a player can read.
class ConnectionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "WRONG_TURN: orders are for turn 3, the match is collecting turn 2".
std::string describe(const pb::Error& error);

/// The name of a message's body, e.g. "submit_orders" or "turn_resolved" ("empty" when unset).
std::string body_name(const pb::ClientMessage& message);
std::string body_name(const pb::ServerMessage& message);

class ServerConnection {
 public:
  using Duration = std::chrono::milliseconds;
  /// Receives each event (a ServerMessage with request_id 0), on the network thread.
  using EventHandler = std::function<void(const pb::ServerMessage&)>;
  /// Told once, on the network thread, why the connection ended.
  using DisconnectHandler = std::function<void(const std::string& reason)>;

  /// The largest frame this client accepts from the server by default. Larger than the server's
  /// cap on what it accepts, because a reconnect may bring many missed turn reports at once.
  static constexpr std::size_t kDefaultMaxIncomingFrame = std::size_t{16} << 20;
  static constexpr Duration kDefaultTimeout{10'000};

  /// Starts the network thread; nothing is connected yet. `client_name` goes into Hello.
  explicit ServerConnection(std::string client_name = default_client_name(),
                            std::size_t max_incoming_frame = kDefaultMaxIncomingFrame);
  /// Closes the connection (failing every pending request) and joins the network thread.
  /// Never destroy a connection from one of its own handlers.
  ~ServerConnection();
  ServerConnection(const ServerConnection&) = delete;
  ServerConnection& operator=(const ServerConnection&) = delete;

  /// Opens the TCP connection and performs the handshake: Hello with PROTOCOL_VERSION_CURRENT,
  /// then Welcome. Throws ConnectionError when the server cannot be reached, refuses the
  /// version or the name, or does not answer within `timeout` (for both steps together); the
  /// connection is then closed.
  pb::Welcome connect(const std::string& host, std::uint16_t port, const std::string& player_name,
                      Duration timeout = kDefaultTimeout);

  /// Opens the TCP connection only, without Hello: for tests that speak first with something
  /// else (another protocol version, a request before Hello, raw bytes). Throws ConnectionError.
  void open(const std::string& host, std::uint16_t port, Duration timeout = kDefaultTimeout);

  /// Sends `message` with the next request id (whatever request_id it carried is replaced) and
  /// returns the future reply: the specific reply body or an Error body, both normal replies.
  /// The future holds a ConnectionError if the connection is not open or closes first.
  std::future<pb::ServerMessage> request(pb::ClientMessage message);

  /// request() for each message, all written to the socket in one write, so that the server
  /// reads them together: for tests of requests that race each other on the server.
  std::vector<std::future<pb::ServerMessage>> request_together(
      std::vector<pb::ClientMessage> messages);

  /// request() and wait for the reply. Throws ConnectionError on timeout or disconnect; an Error
  /// reply is returned, not thrown. A reply that comes after the timeout is dropped.
  pb::ServerMessage call(pb::ClientMessage message, Duration timeout = kDefaultTimeout);

  /// Writes `bytes` to the socket exactly as they are, after whatever is queued before them: for
  /// tests of malformed and oversized frames. Nothing is awaited; an error the server addresses
  /// to request_id 0 (it could not read a request id) arrives as an event. Throws
  /// ConnectionError when the connection is not open.
  void send_raw(std::string bytes);

  /// The next queued event, if any. Never blocks.
  std::optional<pb::ServerMessage> poll_event();
  /// Waits up to `timeout` for the next event. False on timeout, or at once when the connection
  /// has closed and no event is left.
  bool wait_event(pb::ServerMessage& out, Duration timeout);
  /// Waits up to `timeout` for the first event with this body (e.g. kTurnResolved). Events of
  /// other kinds stay queued, in order. False on timeout or once closed without such an event.
  bool wait_event(pb::ServerMessage::BodyCase kind, pb::ServerMessage& out, Duration timeout);
  /// From now on events go to `handler` (on the network thread) instead of the queue; events
  /// already queued stay there. Pass nullptr to go back to the queue. A handler that throws
  /// closes the connection.
  void set_event_handler(EventHandler handler);
  void set_disconnect_handler(DisconnectHandler handler);

  /// True from a successful open() until the connection closes, on either side.
  bool connected() const;
  /// Closes the connection now. Pending requests fail; queued events stay readable.
  void close();
  /// Waits up to `timeout` for the connection to close (the server closing it, typically after
  /// a fatal error). True if it is closed.
  bool wait_closed(Duration timeout);
  /// True when the connection ended because the server closed it or the network failed, rather
  /// than by close() or this client refusing what the server sent.
  bool closed_by_server() const;
  /// Why the connection ended ("" while it is open), e.g. "the server closed the connection
  /// after FRAME_TOO_LARGE: ...".
  std::string disconnect_reason() const;

  /// The server's Welcome, once connect() has returned.
  pb::Welcome welcome() const;
  /// "host:port" as given to connect() or open().
  std::string peer() const;

  /// "hegemon-client" and the game's version.
  static std::string default_client_name();

 private:
  class Link;
  std::unique_ptr<Link> link_;
};

}  // namespace hegemon::client
