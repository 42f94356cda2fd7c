// Frames on the wire: a varint length, then that many bytes of one serialized envelope
// (protobuf's delimited format). The reader checks the announced length against a cap before it
// keeps a single byte of the body, because the delimited parser has no cap of its own.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <google/protobuf/message_lite.h>

namespace hegemon::net {

/// The largest frame either side accepts by default (1 MiB).
inline constexpr std::size_t kDefaultMaxFrame = 1u << 20;

/// One frame, ready to send: the delimited encoding of `message`.
std::string encode_frame(const google::protobuf::MessageLite& message);

/// Splits a byte stream into frames. Frames are parsed where they lie: the bytes of a read are
/// moved at most once (what is left of a partial frame, to the front, before the next read), and
/// the buffer can be released whenever no partial frame is held, so an idle connection keeps none.
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
  void feed(std::string_view bytes);
  /// Room for `n` more bytes at the end of the buffer, to read into directly; `commit` says how
  /// many of them were filled.
  char* prepare(std::size_t n);
  void commit(std::size_t filled);
  /// Takes the next complete frame out of the buffer and parses it into `message`.
  Status next(google::protobuf::MessageLite& message);
  /// Frees the buffer's memory when it holds nothing (no partial frame); true when it did.
  bool release();
  /// The length the last TooLarge frame announced.
  std::size_t announced() const { return announced_; }
  /// Bytes received and not yet taken as frames.
  std::size_t buffered() const { return size_ - start_; }
  /// Heap memory the buffer holds, used or not.
  std::size_t capacity() const { return capacity_; }

 private:
  /// Moves what is left of a partial frame to the front, once per read rather than per frame.
  void compact();
  /// Room for `n` bytes in all, keeping what is held.
  void reserve(std::size_t n);

  std::size_t max_frame_;
  std::unique_ptr<char[]> data_;  // capacity_ bytes, of which the first size_ hold data
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
  std::size_t start_ = 0;     // where the next frame begins
  std::size_t prepared_ = 0;  // size_ before the last prepare
  std::size_t announced_ = 0;
};

}  // namespace hegemon::net
