#include "client/net/connection_link.h"

#include <algorithm>
#include <utility>

namespace hegemon::client {

using namespace std::chrono_literals;
using asio::ip::tcp;

// --- Opening ------------------------------------------------------------------------------------

void ServerConnection::Link::open(const std::string& host, std::uint16_t port, Duration timeout) {
  std::string peer = host + ":" + std::to_string(port);
  {
    std::lock_guard lock(mutex_);
    if (state_ != State::Idle)
      throw std::logic_error("a ServerConnection connects once; make a new one to reconnect");
    state_ = State::Connecting;
    peer_ = peer;
  }
  auto attempt = std::make_shared<ConnectAttempt>(io_, timeout);
  auto result = attempt->done.get_future();
  asio::post(io_, [this, attempt, host, port] { start_connect(attempt, host, port); });
  // The attempt's own timer ends it; this margin only guards against a stalled network thread.
  if (result.wait_for(timeout + 2s) != std::future_status::ready) {
    close();
    throw ConnectionError("no connection to " + peer + " within " + format_millis(timeout));
  }
  if (std::string error = result.get(); !error.empty()) throw ConnectionError(error);
}

void ServerConnection::Link::start_connect(const std::shared_ptr<ConnectAttempt>& attempt,
                                           const std::string& host, std::uint16_t port) {
  attempt->timer.expires_after(attempt->timeout);
  attempt->timer.async_wait([this, attempt](std::error_code error) {
    if (error || attempt->finished) return;
    attempt->timed_out = true;
    attempt->resolver.cancel();
    finish_connect(attempt, asio::error::timed_out);
  });
  attempt->resolver.async_resolve(
      host, std::to_string(port), tcp::resolver::numeric_service,
      [this, attempt](std::error_code error, tcp::resolver::results_type endpoints) {
        if (attempt->finished) return;
        if (error) return finish_connect(attempt, error);
        attempt->resolved = true;
        asio::async_connect(socket_, endpoints,
                            [this, attempt](std::error_code connect_error, const tcp::endpoint&) {
                              finish_connect(attempt, connect_error);
                            });
      });
}

void ServerConnection::Link::finish_connect(const std::shared_ptr<ConnectAttempt>& attempt,
                                            std::error_code error) {
  if (attempt->finished) return;
  attempt->finished = true;
  attempt->timer.cancel();
  std::string outcome;
  {
    std::lock_guard lock(mutex_);
    if (state_ == State::Closed) {
      outcome = "the connection to " + peer_ + " was closed before it opened";
    } else if (!error) {
      state_ = State::Open;
    } else {
      if (attempt->timed_out)
        outcome = "no connection to " + peer_ + " within " + format_millis(attempt->timeout);
      else if (error == asio::error::connection_refused)
        outcome = "connection refused by " + peer_ + ": no server is listening there";
      else if (!attempt->resolved)
        outcome = "cannot find the server " + peer_ + ": " + error.message();
      else
        outcome = "cannot connect to " + peer_ + ": " + error.message();
      state_ = State::Closed;
      disconnect_reason_ = outcome;
    }
  }
  std::error_code ignored;
  if (outcome.empty()) {
    socket_.set_option(tcp::no_delay(true), ignored);
    start_read();
  } else {
    socket_.close(ignored);
  }
  changed_.notify_all();
  attempt->done.set_value(outcome);
}

// --- Requests -----------------------------------------------------------------------------------

std::string ServerConnection::Link::not_open_locked(const std::string& body) const {
  if (state_ == State::Closed)
    return "cannot send " + body + ": the connection to " + peer_ + " is closed (" +
           disconnect_reason_ + ")";
  return "cannot send " + body + ": not connected to a server";
}

std::future<pb::ServerMessage> ServerConnection::Link::send_request(pb::ClientMessage message,
                                                                    std::uint64_t& id) {
  Pending pending;
  pending.body = body_name(message);
  auto reply = pending.reply.get_future();
  {
    std::lock_guard lock(mutex_);
    if (state_ != State::Open) {
      pending.reply.set_exception(
          std::make_exception_ptr(ConnectionError(not_open_locked(pending.body))));
      return reply;
    }
    id = ++last_request_id_;
    message.set_request_id(id);
    pending_.emplace(id, std::move(pending));
  }
  asio::post(io_, [this, bytes = net::encode_frame(message)]() mutable {
    enqueue_write(std::move(bytes));
  });
  return reply;
}

std::vector<std::future<pb::ServerMessage>> ServerConnection::Link::send_requests(
    std::vector<pb::ClientMessage> messages) {
  std::vector<std::future<pb::ServerMessage>> replies;
  std::string bytes;
  {
    std::lock_guard lock(mutex_);
    for (pb::ClientMessage& message : messages) {
      Pending pending;
      pending.body = body_name(message);
      replies.push_back(pending.reply.get_future());
      if (state_ != State::Open) {
        pending.reply.set_exception(
            std::make_exception_ptr(ConnectionError(not_open_locked(pending.body))));
        continue;
      }
      const std::uint64_t id = ++last_request_id_;
      message.set_request_id(id);
      pending_.emplace(id, std::move(pending));
      bytes += net::encode_frame(message);
    }
  }
  if (!bytes.empty())
    asio::post(io_, [this, bytes = std::move(bytes)]() mutable { enqueue_write(std::move(bytes)); });
  return replies;
}

bool ServerConnection::Link::forget(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  return pending_.erase(id) > 0;
}

void ServerConnection::Link::send_raw(std::string bytes) {
  {
    std::lock_guard lock(mutex_);
    if (state_ != State::Open) throw ConnectionError(not_open_locked("raw bytes"));
  }
  asio::post(io_, [this, bytes = std::move(bytes)]() mutable { enqueue_write(std::move(bytes)); });
}

// --- Writing (one write in flight at a time) ----------------------------------------------------

void ServerConnection::Link::enqueue_write(std::string bytes) {
  if (closed() || !write_failure_.empty()) return;
  outbox_.push_back(std::move(bytes));
  if (outbox_.size() == 1) start_write();
}

void ServerConnection::Link::start_write() {
  asio::async_write(socket_, asio::buffer(outbox_.front()),
                    [this](std::error_code error, std::size_t) { on_write(error); });
}

void ServerConnection::Link::on_write(std::error_code error) {
  if (error) {
    outbox_.clear();
    if (closed()) return;
    // The server may have closed after saying why (an Error event, say FRAME_TOO_LARGE): stop
    // writing but keep reading until its last words are in, for a little while at most.
    write_failure_ = "writing to " + peer() + " failed: " + error.message();
    std::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    linger_.expires_after(2s);
    linger_.async_wait([this](std::error_code wait_error) {
      if (!wait_error) shut_down(write_failure_, true);
    });
    return;
  }
  outbox_.pop_front();
  if (!outbox_.empty()) start_write();
}

// --- Reading ------------------------------------------------------------------------------------

void ServerConnection::Link::start_read() {
  socket_.async_read_some(asio::buffer(buffer_), [this](std::error_code error, std::size_t bytes) {
    on_read(error, bytes);
  });
}

void ServerConnection::Link::on_read(std::error_code error, std::size_t bytes) {
  if (closed()) return;
  if (error) {
    std::string reason = error == asio::error::eof
                             ? "the server closed the connection"
                             : "the connection to " + peer() + " was lost: " + error.message();
    if (!last_error_event_.empty()) reason += " after " + last_error_event_;
    shut_down(reason, true);
    return;
  }
  reader_.feed(std::string_view(buffer_.data(), bytes));
  for (;;) {
    pb::ServerMessage message;
    switch (reader_.next(message)) {
      case net::FrameReader::Status::NeedMore:
        start_read();
        return;
      case net::FrameReader::Status::TooLarge:
        shut_down("the server sent a frame of " + std::to_string(reader_.announced()) +
                      " bytes, over this client's limit",
                  false);
        return;
      case net::FrameReader::Status::Malformed:
        shut_down(peer() + " sent data that is not a Hegemon server message: is a " +
                      "hegemon-server listening there?",
                  false);
        return;
      case net::FrameReader::Status::Frame:
        dispatch(std::move(message));
        if (closed()) return;  // a handler closed the connection
        break;
    }
  }
}

void ServerConnection::Link::dispatch(pb::ServerMessage message) {
  if (message.request_id() == 0) {
    if (message.has_error()) last_error_event_ = describe(message.error());
    EventHandler handler;
    {
      std::lock_guard lock(mutex_);
      if (!event_handler_) {
        events_.push_back(std::move(message));
        changed_.notify_all();
        return;
      }
      handler = event_handler_;
    }
    try {
      handler(message);
    } catch (const std::exception& e) {
      shut_down(std::string("the event handler failed: ") + e.what(), false);
    }
    return;
  }
  std::promise<pb::ServerMessage> reply;
  {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(message.request_id());
    if (it == pending_.end()) return;  // its caller stopped waiting
    reply = std::move(it->second.reply);
    pending_.erase(it);
  }
  reply.set_value(std::move(message));
}

// --- Events -------------------------------------------------------------------------------------

std::optional<pb::ServerMessage> ServerConnection::Link::poll_event() {
  std::lock_guard lock(mutex_);
  if (events_.empty()) return std::nullopt;
  pb::ServerMessage event = std::move(events_.front());
  events_.pop_front();
  return event;
}

bool ServerConnection::Link::wait_event(std::optional<pb::ServerMessage::BodyCase> kind,
                                        pb::ServerMessage& out, Duration timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    auto it = std::find_if(events_.begin(), events_.end(), [&](const pb::ServerMessage& event) {
      return !kind || event.body_case() == *kind;
    });
    if (it != events_.end()) {
      out = std::move(*it);
      events_.erase(it);
      return true;
    }
    if (state_ == State::Closed || std::chrono::steady_clock::now() >= deadline) return false;
    changed_.wait_until(lock, deadline);
  }
}

// --- Closing ------------------------------------------------------------------------------------

void ServerConnection::Link::shut_down(const std::string& reason, bool by_server) {
  std::map<std::uint64_t, Pending> unanswered;
  DisconnectHandler handler;
  std::string peer;
  {
    std::lock_guard lock(mutex_);
    if (state_ == State::Closed) return;
    state_ = State::Closed;
    closed_by_server_ = by_server;
    disconnect_reason_ = reason;
    unanswered.swap(pending_);
    handler = disconnect_handler_;
    peer = peer_;
  }
  std::error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);  // the write in flight, if any, ends with operation_aborted
  linger_.cancel();
  for (auto& [id, pending] : unanswered)
    pending.reply.set_exception(std::make_exception_ptr(
        ConnectionError("the connection to " + peer + " closed before the reply to " +
                        pending.body + ": " + reason)));
  changed_.notify_all();
  if (handler) {
    try {
      handler(reason);
    } catch (const std::exception&) {
      // The connection is closed either way; a failing handler has nothing left to break.
    }
  }
}

void ServerConnection::Link::run_on_network_thread(std::function<void()> work) {
  if (std::this_thread::get_id() == network_thread_) {
    work();
    return;
  }
  std::promise<void> done;
  auto finished = done.get_future();
  asio::post(io_, [&] {
    work();
    done.set_value();
  });
  finished.wait();
}

}  // namespace hegemon::client
