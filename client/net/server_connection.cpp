#include "client/net/server_connection.h"

#include <algorithm>
#include <utility>

#include "client/net/connection_link.h"

namespace hegemon::client {

using namespace std::chrono_literals;

namespace {

template <class Message>
std::string body_name_of(const Message& message) {
  const auto* field =
      Message::GetDescriptor()->FindFieldByNumber(static_cast<int>(message.body_case()));
  return field ? field->name() : "empty";
}

constexpr auto kProtocolVersion = static_cast<std::uint32_t>(pb::PROTOCOL_VERSION_CURRENT);

}  // namespace

std::string describe(const pb::Error& error) {
  std::string text = pb::ErrorCode_Name(error.code());
  if (!error.reason().empty()) text += ": " + error.reason();
  return text;
}

std::string body_name(const pb::ClientMessage& message) { return body_name_of(message); }
std::string body_name(const pb::ServerMessage& message) { return body_name_of(message); }

ServerConnection::ServerConnection(std::string client_name, std::size_t max_incoming_frame)
    : link_(std::make_unique<Link>(std::move(client_name), max_incoming_frame)) {}

ServerConnection::~ServerConnection() = default;

std::string ServerConnection::default_client_name() {
#ifdef HEGEMON_VERSION
  return "hegemon-client " HEGEMON_VERSION;
#else
  return "hegemon-client";
#endif
}

pb::Welcome ServerConnection::connect(const std::string& host, std::uint16_t port,
                                      const std::string& player_name, Duration timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  link_->open(host, port, timeout);
  const std::string server = "the server at " + peer();

  pb::ClientMessage message;
  pb::Hello& hello = *message.mutable_hello();
  hello.set_protocol_version(kProtocolVersion);
  hello.set_client_name(link_->client_name());
  hello.set_player_name(player_name);
  const auto left = std::max(
      std::chrono::duration_cast<Duration>(deadline - std::chrono::steady_clock::now()), 1ms);
  pb::ServerMessage reply;
  try {
    reply = call(std::move(message), left);
  } catch (const ConnectionError&) {
    const bool silent = connected();  // still open: no answer in time
    close();
    if (silent)
      throw ConnectionError(server + " did not answer hello within " + format_millis(timeout) +
                            ": is a hegemon-server listening there?");
    throw;
  }

  if (reply.has_welcome()) {
    const std::uint32_t theirs = reply.welcome().protocol_version();
    if (theirs != kProtocolVersion) {
      close();
      throw ConnectionError(server + " speaks protocol " + std::to_string(theirs) +
                            ", this client " + std::to_string(kProtocolVersion));
    }
    link_->set_welcome(reply.welcome());
    return reply.welcome();
  }
  close();
  if (reply.has_error() && reply.error().code() == pb::VERSION_MISMATCH)
    throw ConnectionError(server + " does not speak this client's protocol " +
                          std::to_string(kProtocolVersion) + ": " + reply.error().reason());
  if (reply.has_error())
    throw ConnectionError(server + " refused the handshake: " + describe(reply.error()));
  throw ConnectionError(server + " answered hello with " + body_name(reply));
}

void ServerConnection::open(const std::string& host, std::uint16_t port, Duration timeout) {
  link_->open(host, port, timeout);
}

std::future<pb::ServerMessage> ServerConnection::request(pb::ClientMessage message) {
  std::uint64_t id = 0;
  return link_->send_request(std::move(message), id);
}

std::vector<std::future<pb::ServerMessage>> ServerConnection::request_together(
    std::vector<pb::ClientMessage> messages) {
  return link_->send_requests(std::move(messages));
}

pb::ServerMessage ServerConnection::call(pb::ClientMessage message, Duration timeout) {
  const std::string body = body_name(message);
  std::uint64_t id = 0;
  auto reply = link_->send_request(std::move(message), id);
  if (reply.wait_for(timeout) != std::future_status::ready && link_->forget(id))
    throw ConnectionError(peer() + " did not answer " + body + " within " + format_millis(timeout));
  return reply.get();  // the reply, or the ConnectionError of a closed connection
}

void ServerConnection::send_raw(std::string bytes) { link_->send_raw(std::move(bytes)); }

std::optional<pb::ServerMessage> ServerConnection::poll_event() { return link_->poll_event(); }

bool ServerConnection::wait_event(pb::ServerMessage& out, Duration timeout) {
  return link_->wait_event(std::nullopt, out, timeout);
}

bool ServerConnection::wait_event(pb::ServerMessage::BodyCase kind, pb::ServerMessage& out,
                                  Duration timeout) {
  return link_->wait_event(kind, out, timeout);
}

void ServerConnection::set_event_handler(EventHandler handler) {
  link_->set_event_handler(std::move(handler));
}

void ServerConnection::set_disconnect_handler(DisconnectHandler handler) {
  link_->set_disconnect_handler(std::move(handler));
}

bool ServerConnection::connected() const { return link_->connected(); }
void ServerConnection::close() { link_->close(); }
bool ServerConnection::wait_closed(Duration timeout) { return link_->wait_closed(timeout); }
bool ServerConnection::closed_by_server() const { return link_->closed_by_server(); }
std::string ServerConnection::disconnect_reason() const { return link_->disconnect_reason(); }
pb::Welcome ServerConnection::welcome() const { return link_->welcome(); }
std::string ServerConnection::peer() const { return link_->peer(); }

}  // namespace hegemon::client
