// A connection to the server made of plain POSIX calls, for tests that must see the frames in
// the order they arrive, send what a real client would not, or keep the test's own memory out
// of what they count (it allocates nothing while it waits).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/frame_codec.h"
#include "protocol/wire.pb.h"

namespace hegemon::testing {

class RawConnection {
 public:
  /// Connects to 127.0.0.1:`port`; throws std::runtime_error when it cannot.
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  /// Sends one frame of `message` with this request id.
  void send(pb::ClientMessage message, std::uint64_t request_id);
  void send_raw(const std::string& bytes);
  /// The next frame from the server, or nothing when none came within `timeout` or the
  /// connection closed.
  std::optional<pb::ServerMessage> read(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  /// Says Hello as `player` and returns whether Welcome came.
  bool hello(const std::string& player);
  /// The session id the Welcome gave (0 before it).
  std::uint64_t session_id() const { return session_id_; }
  /// Whether the server closed the connection within `timeout` (what it still sends is read).
  bool closed_within(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  std::uint64_t session_id_ = 0;
  net::FrameReader reader_{16u << 20};
};

}  // namespace hegemon::testing
