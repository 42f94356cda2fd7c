#include "server/session.h"

#include <algorithm>

namespace hegemon::server {
namespace {

bool valid_player_name(const std::string& name) {
  return !name.empty() && name.size() <= 32 &&
         std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return c >= 0x20 && c != 0x7F; });
}

}  // namespace

Session::Session(asio::ip::tcp::socket socket, std::uint64_t id, Lobby& lobby, Log& log,
                 const SessionLimits& limits)
    : socket_(std::move(socket)),
      id_(id),
      lobby_(lobby),
      log_(log),
      limits_(limits),
      reader_(limits.max_frame),
      linger_timer_(socket_.get_executor()) {
  std::error_code ec;
  const auto endpoint = socket_.remote_endpoint(ec);
  peer_ = ec ? "an unknown address"
             : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

std::string Session::label() const {
  return "session " + std::to_string(id_) +
         (player_name_.empty() ? "" : " (" + player_name_ + ")") + " from " + peer_;
}

bool Session::take_request_token() {
  if (limits_.requests_per_second <= 0) return true;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - refilled_).count();
  refilled_ = now;
  tokens_ = std::min(limits_.request_burst, tokens_ + elapsed * limits_.requests_per_second);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

void Session::start() {
  tokens_ = limits_.request_burst;
  refilled_ = std::chrono::steady_clock::now();
  log_.info(label() + " connected");
  read();
}

void Session::read() {
  socket_.async_read_some(
      asio::buffer(buffer_), [self = shared_from_this()](std::error_code ec, std::size_t n) {
        if (ec) {
          if (self->open_)
            self->log_.info(self->label() + " disconnected" +
                            (ec == asio::error::eof ? "" : " (" + ec.message() + ")"));
          self->shut();
          return;
        }
        if (self->close_after_flush_) return self->read();  // closing: drop what still comes
        self->reader_.feed(std::string_view(self->buffer_.data(), n));
        for (;;) {
          pb::ClientMessage message;
          const auto status = self->reader_.next(message);
          if (status == net::FrameReader::Status::NeedMore) break;
          if (status == net::FrameReader::Status::Frame) {
            self->on_frame(message);
            if (!self->open_) return;
            if (self->close_after_flush_) return self->read();
            continue;
          }
          // A stream that cannot be framed cannot be trusted past this point: say why, close.
          const bool too_large = status == net::FrameReader::Status::TooLarge;
          const std::string why =
              too_large ? "a frame of " + std::to_string(self->reader_.announced()) +
                              " bytes is over this server's limit of " +
                              std::to_string(self->limits_.max_frame) + " bytes"
                        : "a frame could not be read as a ClientMessage";
          self->log_.warn(self->label() + ": " + why + "; closing the connection");
          pb::ServerMessage error = error_message(
              too_large ? pb::FRAME_TOO_LARGE : pb::MALFORMED_FRAME, why + "; the connection is closed");
          self->deliver(error);
          self->close(true);
          self->read();  // keep draining until the close
          return;
        }
        self->read();
      });
}

void Session::on_frame(const pb::ClientMessage& message) {
  const std::uint64_t request_id = message.request_id();
  Reply reply = [weak = weak_from_this(), request_id](pb::ServerMessage m) {
    if (auto self = weak.lock()) {
      m.set_request_id(request_id);
      if (m.has_error())
        self->log_.info(self->label() + ": request " + std::to_string(request_id) + " refused (" +
                        pb::ErrorCode_Name(m.error().code()) + "): " + m.error().reason());
      self->deliver(m);
    }
  };
  if (!take_request_token()) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_throttle_log_ > std::chrono::seconds(1)) {
      last_throttle_log_ = now;
      log_.warn(label() + " sends more than " + std::to_string(static_cast<int>(
                                                    limits_.requests_per_second)) +
                " requests a second; refusing the excess");
    }
    pb::ServerMessage m = error_message(
        pb::RATE_LIMITED, "this connection sends requests faster than the server's limit of " +
                              std::to_string(static_cast<int>(limits_.requests_per_second)) +
                              " a second; the request was not handled, send it again later");
    m.set_request_id(request_id);
    deliver(m);
    return;
  }
  dispatch(message, std::move(reply));
}

std::shared_ptr<MatchSession> Session::match_for(std::uint64_t id, Reply& reply) {
  auto match = lobby_.find(id);
  if (!match) reply(error_message(pb::NOT_FOUND, "there is no match " + std::to_string(id)));
  return match;
}

void Session::hello(const pb::Hello& hello, Reply& reply) {
  if (identified_) return reply(error_message(pb::BAD_REQUEST, "this connection already said hello"));
  if (hello.protocol_version() != pb::PROTOCOL_VERSION_CURRENT) {
    reply(error_message(pb::VERSION_MISMATCH,
                        "this server speaks protocol " +
                            std::to_string(pb::PROTOCOL_VERSION_CURRENT) + " and the client " +
                            std::to_string(hello.protocol_version()) +
                            "; use a client of the same version"));
    close(true);
    return;
  }
  if (!valid_player_name(hello.player_name()))
    return reply(error_message(pb::BAD_REQUEST,
                               "a player name has 1 to 32 printable characters"));
  identified_ = true;
  player_name_ = hello.player_name();
  lobby_.enter(shared_from_this());
  log_.info(label() + " said hello (" + hello.client_name() + ")");
  pb::ServerMessage m;
  m.mutable_welcome()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  m.mutable_welcome()->set_server_name(limits_.server_name);
  m.mutable_welcome()->set_session_id(id_);
  reply(std::move(m));
}

void Session::dispatch(const pb::ClientMessage& message, Reply reply) {
  using M = pb::ClientMessage;
  if (message.body_case() == M::kHello) return hello(message.hello(), reply);
  if (message.body_case() == M::BODY_NOT_SET)
    return reply(error_message(pb::BAD_REQUEST, "a message with no request in it"));
  if (!identified_)
    return reply(error_message(pb::NOT_IDENTIFIED, "say Hello first (protocol version and "
                                                   "player name)"));
  auto self = shared_from_this();
  switch (message.body_case()) {
    case M::kListMatches:
      return lobby_.list(std::move(reply));
    case M::kCreateMatch:
      return lobby_.create(self, message.create_match(), std::move(reply));
    case M::kJoinMatch:
      if (auto m = match_for(message.join_match().match_id(), reply)) {
        matches_.insert(m->id());
        m->join(self, message.join_match(), std::move(reply));
      }
      return;
    case M::kReconnect:
      if (auto m = match_for(message.reconnect().match_id(), reply)) {
        matches_.insert(m->id());
        m->reconnect(self, message.reconnect(), std::move(reply));
      }
      return;
    case M::kObserveMatch:
      if (auto m = match_for(message.observe_match().match_id(), reply)) {
        if (!m->password_matches(message.observe_match().password()))
          return reply(error_message(pb::WRONG_PASSWORD, "the password for match " +
                                                             std::to_string(m->id()) +
                                                             " is wrong"));
        matches_.insert(m->id());
        m->observe(self, std::move(reply));
      }
      return;
    case M::kLeaveMatch:
      if (auto m = match_for(message.leave_match().match_id(), reply)) {
        m->leave(this, std::move(reply));
        matches_.erase(m->id());
      }
      return;
    case M::kSubmitOrders:
      if (auto m = match_for(message.submit_orders().match_id(), reply))
        m->submit(this, message.submit_orders(), std::move(reply));
      return;
    case M::kSetReady:
      if (auto m = match_for(message.set_ready().match_id(), reply))
        m->set_ready(this, message.set_ready().ready(), std::move(reply));
      return;
    case M::kSendChat:
      if (message.send_chat().match_id() == 0)
        return lobby_.chat(*this, message.send_chat(), std::move(reply));
      if (auto m = match_for(message.send_chat().match_id(), reply))
        m->chat(this, message.send_chat(), std::move(reply));
      return;
    case M::kPauseMatch:
      if (auto m = match_for(message.pause_match().match_id(), reply))
        m->pause(message.pause_match().owner_token(), std::move(reply));
      return;
    case M::kResumeMatch:
      if (auto m = match_for(message.resume_match().match_id(), reply))
        m->resume(message.resume_match().owner_token(), std::move(reply));
      return;
    case M::kGetView:
      if (auto m = match_for(message.get_view().match_id(), reply)) m->send_view(this, std::move(reply));
      return;
    case M::kPing: {
      pb::ServerMessage pong;
      pong.mutable_pong()->set_nonce(message.ping().nonce());
      return reply(std::move(pong));
    }
    default:
      return reply(error_message(pb::BAD_REQUEST, "this server does not know that request"));
  }
}

void Session::deliver(const pb::ServerMessage& message) {
  if (!open_ || close_after_flush_) return;
  std::string frame = net::encode_frame(message);
  outbox_bytes_ += frame.size();
  if (outbox_bytes_ > limits_.max_outbox) {
    log_.warn(label() + " fell " + std::to_string(outbox_bytes_) +
              " bytes behind in reading; disconnecting it");
    close();
    return;
  }
  outbox_.push_back(std::move(frame));
  if (!writing_) write_next();
}

void Session::write_next() {
  if (outbox_.empty()) {
    writing_ = false;
    if (close_after_flush_) linger_then_close();
    return;
  }
  writing_ = true;
  asio::async_write(socket_, asio::buffer(outbox_.front()),
                    [self = shared_from_this()](std::error_code ec, std::size_t) {
                      if (ec || !self->open_) return self->shut();
                      self->outbox_bytes_ -= self->outbox_.front().size();
                      self->outbox_.pop_front();
                      self->write_next();
                    });
}

void Session::close(bool flush) {
  if (!open_) return;
  if (flush) {
    close_after_flush_ = true;
    if (!writing_ && outbox_.empty()) linger_then_close();
    return;
  }
  shut();
}

void Session::linger_then_close() {
  if (lingering_ || !open_) return;
  lingering_ = true;
  std::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  linger_timer_.expires_after(std::chrono::seconds(2));
  linger_timer_.async_wait([self = shared_from_this()](const std::error_code&) { self->shut(); });
}

void Session::shut() {
  if (!open_) return;
  open_ = false;
  std::error_code ignored;
  linger_timer_.cancel();
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  outbox_.clear();
  for (std::uint64_t id : matches_)
    if (auto m = lobby_.find(id)) m->disconnected(this);
  matches_.clear();
}

}  // namespace hegemon::server
