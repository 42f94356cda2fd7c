#include "raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace hegemon::testing {

RawConnection::RawConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) throw std::runtime_error("no socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void RawConnection::send(pb::ClientMessage message, std::uint64_t request_id) {
  message.set_request_id(request_id);
  send_raw(net::encode_frame(message));
}

void RawConnection::send_raw(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("the server closed the connection while sending");
    sent += static_cast<std::size_t>(n);
  }
}

std::optional<pb::ServerMessage> RawConnection::read(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    pb::ServerMessage message;
    const auto status = reader_.next(message);
    if (status == net::FrameReader::Status::Frame) {
      reader_.release();  // keeps nothing between frames, so tests can count the server's memory
      return message;
    }
    if (status != net::FrameReader::Status::NeedMore)
      throw std::runtime_error("the server sent a frame that cannot be read");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char* at = reader_.prepare(4096);
    const ssize_t n = ::recv(fd_, at, 4096, 0);
    reader_.commit(n > 0 ? static_cast<std::size_t>(n) : 0);
    if (n <= 0) return std::nullopt;
  }
}

bool RawConnection::hello(const std::string& player) {
  pb::ClientMessage m;
  m.mutable_hello()->set_protocol_version(pb::PROTOCOL_VERSION_CURRENT);
  m.mutable_hello()->set_client_name("raw");
  m.mutable_hello()->set_player_name(player);
  send(m, 1);
  const auto reply = read();
  if (!reply || !reply->has_welcome()) return false;
  session_id_ = reply->welcome().session_id();
  return true;
}

bool RawConnection::closed_within(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  char scratch[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    const ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
    if (n <= 0) return true;
  }
}

}  // namespace hegemon::testing
