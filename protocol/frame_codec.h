// Frames on the wire: a varint length, then that many bytes of one serialized envelope
// (protobuf's delimited format). The reader checks the announced length against a cap before it
// keeps a single byte of the body, because the delimited parser has no cap of its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <google/protobuf/message_lite.h>

namespace hegemon::net {

/// The largest frame either side accepts by default (1 MiB).
inline constexpr std::size_t kDefaultMaxFrame = 1u << 20;

/// One frame, ready to send: the delimited encoding of `message`.
std::string encode_frame(const google::protobuf::MessageLite& message);

/// Splits a byte stream into frames.
class FrameReader {
 public:
  enum class Status {
    NeedMore,   // no complete frame buffered yet
    Frame,      // `next` filled the message
    TooLarge,   // the announced length is over the cap: close the connection
    Malformed,  // a bad length prefix or a body that does not parse: close the connection
  };

  explicit FrameReader(std::size_t max_frame = kDefaultMaxFrame) : max_frame_(max_frame) {}

  /// Appends bytes received from the socket.
  void feed(std::string_view bytes) { buffer_.append(bytes); }
  /// Takes the next complete frame out of the buffer and parses it into `message`.
  Status next(google::protobuf::MessageLite& message);
  /// The length the last TooLarge frame announced.
  std::size_t announced() const { return announced_; }
  std::size_t buffered() const { return buffer_.size(); }

 private:
  std::size_t max_frame_;
  std::string buffer_;
  std::size_t announced_ = 0;
};

}  // namespace hegemon::net
