#include "load_connection.h"

namespace hegemon::load {

using asio::ip::tcp;

LoadConnection::LoadConnection(asio::io_context& io, std::vector<char>& scratch)
    : socket_(io), scratch_(scratch), reader_(std::size_t{16} << 20) {}

void LoadConnection::connect(const tcp::endpoint& server, std::function<void(bool)> done) {
  socket_.async_connect(server,
                        [self = shared_from_this(), done = std::move(done)](std::error_code ec) {
                          if (ec) return done(false);
                          std::error_code ignored;
                          self->socket_.set_option(tcp::no_delay(true), ignored);
                          self->socket_.non_blocking(true, ignored);
                          self->open_ = true;
                          self->wait_readable();
                          self->flush();
                          done(true);
                        });
}

void LoadConnection::request(pb::ClientMessage message, Handler on_reply) {
  if (!open_) return;
  const std::uint64_t id = next_request_++;
  message.set_request_id(id);
  pending_.emplace(id, std::move(on_reply));
  queued_ += net::encode_frame(message);
  flush();
}

void LoadConnection::hello(const std::string& player_name, std::function<void(bool)> done) {
  pb::ClientMessage m;
  m.mutable_hello()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  m.mutable_hello()->set_client_name("hegemon-load");
  m.mutable_hello()->set_player_name(player_name);
  request(std::move(m), [done](const pb::ServerMessage& reply) { done(reply.has_welcome()); });
}

void LoadConnection::flush() {
  if (write_busy_ || queued_.empty() || !open_) return;
  writing_.swap(queued_);
  queued_.clear();
  write_busy_ = true;
  asio::async_write(socket_, asio::buffer(writing_),
                    [self = shared_from_this()](std::error_code ec, std::size_t) {
                      self->write_busy_ = false;
                      self->writing_.clear();
                      if (ec) return self->fail();
                      self->flush();
                    });
}

void LoadConnection::wait_readable() {
  socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](std::error_code ec) {
    if (ec) return self->fail();
    self->read_available();
  });
}

void LoadConnection::read_available() {
  for (;;) {
    std::error_code ec;
    const std::size_t n = socket_.read_some(asio::buffer(scratch_), ec);
    if (ec == asio::error::would_block) break;
    if (ec) return fail();
    reader_.feed(std::string_view(scratch_.data(), n));
    for (;;) {
      pb::ServerMessage message;
      const auto status = reader_.next(message);
      if (status == net::FrameReader::Status::NeedMore) break;
      if (status != net::FrameReader::Status::Frame) return fail();
      if (message.request_id() == 0) {
        if (on_event_) on_event_(message);
        continue;
      }
      auto it = pending_.find(message.request_id());
      if (it == pending_.end()) continue;
      Handler handler = std::move(it->second);
      pending_.erase(it);
      handler(message);
    }
    if (!open_) return;
  }
  wait_readable();
}

void LoadConnection::fail() {
  if (!open_) return;
  close();
  if (on_close_) on_close_();
}

void LoadConnection::close() {
  open_ = false;
  pending_.clear();
  std::error_code ignored;
  socket_.close(ignored);
}

}  // namespace hegemon::load
