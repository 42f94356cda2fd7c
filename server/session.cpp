#include "server/session.h"

#include <algorithm>
#include <cstddef>

#include <google/protobuf/arena.h>

namespace hegemon::server {
namespace {

// A read offers at least this much room (what a burst of small requests fills, so that they
// need one call) and, while a large frame is arriving, as much again as is buffered already, up
// to that much (so that one read cannot balloon). The room is not asked of the kernel first: that
// would be a system call of its own before every read.
constexpr std::size_t kMinRead = 1024;
constexpr std::size_t kMaxRead = 256u << 10;
// Reads of one connection in one turn of the loop, so that a connection that never stops
// sending cannot keep the loop from the others; it carries on in the next turn.
constexpr int kReadsPerTurn = 4;
// Write-queue slots kept between writes; a burst that needed more gives them back.
constexpr std::size_t kKeptWriteSlots = 64;
// Room for a typical request's message on the stack (a larger one takes heap blocks).
constexpr std::size_t kRequestArenaBytes = 2048;

}  // namespace

Session::Session(asio::ip::tcp::socket socket, std::uint64_t id, RequestTable& table, Log& log,
                 const SessionLimits& limits, std::function<void(std::uint64_t)> on_closed)
    : socket_(std::move(socket)),
      id_(id),
      table_(table),
      log_(log),
      limits_(limits),
      on_closed_(std::move(on_closed)),
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

void Session::identify(const std::string& player_name) {
  identified_ = true;
  player_name_ = player_name;
}

SessionFootprint Session::footprint() const {
  SessionFootprint f;
  f.read_buffer = reader_.capacity();
  f.write_queue = outbox_bytes_;
  f.write_slots =
      (queued_.capacity() + sending_.capacity() + held_events_.capacity()) * sizeof(QueuedFrame) +
      buffers_.capacity() * sizeof(asio::const_buffer);
  return f;
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
  std::error_code ignored;
  socket_.non_blocking(true, ignored);
  log_.info(label() + " connected");
  wait_readable();
}

void Session::wait_readable() {
  socket_.async_wait(asio::ip::tcp::socket::wait_read,
                     [self = shared_from_this()](std::error_code ec) {
                       if (ec) return self->shut();
                       self->on_readable();
                     });
}

void Session::on_readable() {
  for (int reads = 0; reads < kReadsPerTurn && open_; ++reads) {
    std::error_code ec;
    std::size_t n = 0;
    std::size_t room = 0;
    if (close_after_flush_) {
      // Closing: what still comes is read and dropped, so the peer sees our error, not a reset.
      char scratch[1024];
      n = socket_.read_some(asio::buffer(scratch), ec);
    } else {
      room = std::clamp(reader_.buffered(), kMinRead, kMaxRead);
      char* at = reader_.prepare(room);
      n = socket_.read_some(asio::buffer(at, room), ec);
      reader_.commit(ec ? 0 : n);
    }
    if (ec == asio::error::would_block || ec == asio::error::try_again) {
      reader_.release();  // an idle connection keeps no read buffer
      return wait_readable();
    }
    if (ec) {
      if (open_ && !close_after_flush_)
        log_.info(label() + " disconnected" +
                  (ec == asio::error::eof ? "" : " (" + ec.message() + ")"));
      return shut();
    }
    if (close_after_flush_) continue;
    take_frames();
    // A read that did not fill its room took all the kernel held: wait rather than read again
    // only to hear "would block". (Asio re-arms the socket with epoll for each wait, and epoll
    // reports a socket that is readable already at once, so nothing arriving meanwhile waits.)
    if (open_ && !close_after_flush_ && n < room) {
      reader_.release();
      return wait_readable();
    }
  }
  if (!open_) return;
  asio::post(socket_.get_executor(), [self = shared_from_this()] { self->on_readable(); });
}

bool Session::take_frames() {
  // Each request is parsed into an arena that starts on the stack: a request's message and its
  // fields cost no allocation and no free (a request is about a dozen of them otherwise).
  // Handlers copy what they keep, so nothing outlives the frame.
  alignas(std::max_align_t) char initial_block[kRequestArenaBytes];
  for (;;) {
    google::protobuf::Arena arena(initial_block, sizeof initial_block);
    auto* message = google::protobuf::Arena::CreateMessage<pb::ClientMessage>(&arena);
    const auto status = reader_.next(*message);
    if (status == net::FrameReader::Status::NeedMore) return true;
    if (status == net::FrameReader::Status::Frame) {
      on_frame(*message);
      if (!open_ || close_after_flush_) return false;
      continue;
    }
    // A stream that cannot be framed cannot be trusted past this point: say why, close.
    const bool too_large = status == net::FrameReader::Status::TooLarge;
    refuse_stream(too_large ? pb::FRAME_TOO_LARGE : pb::MALFORMED_FRAME,
                  too_large ? "a frame of " + std::to_string(reader_.announced()) +
                                  " bytes is over this server's limit of " +
                                  std::to_string(limits_.max_frame) + " bytes"
                            : "a frame could not be read as a ClientMessage");
    return false;
  }
}

void Session::refuse_stream(pb::ErrorCode code, const std::string& why) {
  log_.warn(label() + ": " + why + "; closing the connection");
  deliver(error_message(code, why + "; the connection is closed"));
  close(true);
}

void Session::on_frame(const pb::ClientMessage& message) {
  const std::uint64_t request_id = message.request_id();
  // Request id 0 marks events and fatal errors: a reply carrying it could not be told from
  // them. An empty frame is such a request (every field at its default).
  if (request_id == 0)
    return refuse_stream(pb::MALFORMED_FRAME,
                         "a request with request id 0 (an empty frame is one); request ids "
                         "start at 1, since 0 marks events and fatal errors");
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
  Reply reply = [weak = weak_from_this(), request_id](pb::ServerMessage m) {
    if (auto self = weak.lock()) {
      m.set_request_id(request_id);
      if (m.has_error())
        self->log_.info(self->label() + ": request " + std::to_string(request_id) + " refused (" +
                        pb::ErrorCode_Name(m.error().code()) + "): " + m.error().reason());
      self->deliver(m);
    }
  };
  handling_ = request_id;
  handling_request_ = true;
  table_.dispatch(*this, message, std::move(reply));
  // Answered later (after storage) or not: what it caused so far goes out now.
  handling_request_ = false;
  for (QueuedFrame& frame : held_events_) queue(std::move(frame));
  held_events_.clear();
}

void Session::deliver(const pb::ServerMessage& message) {
  if (!open_ || close_after_flush_) return;
  QueuedFrame frame{net::encode_frame(message), nullptr};
  if (message.request_id() == 0) return queue_event(std::move(frame));
  queue(std::move(frame));
  if (handling_request_ && message.request_id() == handling_) {
    handling_request_ = false;
    for (QueuedFrame& held : held_events_) queue(std::move(held));
    held_events_.clear();
  }
}

void Session::deliver(const EncodedEvent& event) {
  if (!open_ || close_after_flush_ || !event) return;
  queue_event(QueuedFrame{{}, event});
}

void Session::queue_event(QueuedFrame frame) {
  if (handling_request_) {
    held_events_.push_back(std::move(frame));  // after the reply of the request under way
    return;
  }
  queue(std::move(frame));
}

void Session::queue(QueuedFrame frame) {
  if (!open_) return;
  outbox_bytes_ += frame.bytes().size();
  if (outbox_bytes_ > limits_.max_outbox) {
    log_.warn(label() + " fell " + std::to_string(outbox_bytes_) +
              " bytes behind in reading; disconnecting it");
    close();
    return;
  }
  queued_.push_back(std::move(frame));
  // Everything queued in this turn of the loop leaves in one write.
  if (writing_ || write_posted_) return;
  write_posted_ = true;
  asio::post(socket_.get_executor(), [self = shared_from_this()] {
    self->write_posted_ = false;
    self->write_queued();
  });
}

void Session::write_queued() {
  if (!open_ || writing_) return;
  if (queued_.empty()) {
    if (close_after_flush_) linger_then_close();
    return;
  }
  sending_.swap(queued_);
  buffers_.clear();
  for (const QueuedFrame& frame : sending_) buffers_.push_back(asio::buffer(frame.bytes()));
  writing_ = true;
  traffic_.frames += sending_.size();
  ++traffic_.writes;
  asio::async_write(socket_, buffers_,
                    [self = shared_from_this()](std::error_code ec, std::size_t written) {
                      self->writing_ = false;
                      self->sending_.clear();
                      if (ec || !self->open_) return self->shut();
                      self->outbox_bytes_ -= written;
                      if (self->sending_.capacity() > kKeptWriteSlots) {
                        self->sending_ = {};
                        self->buffers_ = {};
                      }
                      self->write_queued();
                    });
}

void Session::close(bool flush) {
  if (!open_) return;
  if (flush) {
    close_after_flush_ = true;
    if (!writing_ && !write_posted_ && queued_.empty()) linger_then_close();
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
  // Frames of a write under way stay until its handler runs: the write may still read them.
  queued_.clear();
  held_events_.clear();
  reader_.release();
  // The lobby and the matches hear of it in a turn of their own: a connection can close while
  // one of them is delivering to everyone (it fell too far behind), and must not change the
  // audience under that loop.
  asio::post(socket_.get_executor(), [self = shared_from_this()] {
    self->table_.disconnected(*self);
    self->matches_.clear();
  });
  if (on_closed_) std::exchange(on_closed_, nullptr)(id_);
}

}  // namespace hegemon::server
