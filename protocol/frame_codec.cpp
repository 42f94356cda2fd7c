#include "protocol/frame_codec.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>

namespace hegemon::net {

namespace io = google::protobuf::io;

std::string encode_frame(const google::protobuf::MessageLite& message) {
  std::string out;
  {
    io::StringOutputStream stream(&out);
    google::protobuf::util::SerializeDelimitedToZeroCopyStream(message, &stream);
  }
  return out;
}

FrameReader::Status FrameReader::next(google::protobuf::MessageLite& message) {
  if (buffer_.empty()) return Status::NeedMore;
  // A varint length takes at most five bytes; until its last byte (high bit clear) is here the
  // prefix is incomplete, and past five bytes it is garbage.
  std::size_t prefix_end = 0;
  while (prefix_end < buffer_.size() && prefix_end < 5 &&
         (static_cast<unsigned char>(buffer_[prefix_end]) & 0x80u))
    ++prefix_end;
  if (prefix_end == 5) return Status::Malformed;
  if (prefix_end == buffer_.size()) return Status::NeedMore;

  io::CodedInputStream header(reinterpret_cast<const std::uint8_t*>(buffer_.data()),
                              static_cast<int>(prefix_end + 1));
  std::uint32_t length = 0;
  if (!header.ReadVarint32(&length)) return Status::Malformed;
  if (length > max_frame_) {
    announced_ = length;
    return Status::TooLarge;
  }
  const std::size_t total = prefix_end + 1 + length;
  if (buffer_.size() < total) return Status::NeedMore;

  io::CodedInputStream body(reinterpret_cast<const std::uint8_t*>(buffer_.data()),
                            static_cast<int>(total));
  bool clean_eof = false;
  const bool parsed =
      google::protobuf::util::ParseDelimitedFromCodedStream(&message, &body, &clean_eof);
  buffer_.erase(0, total);
  return parsed ? Status::Frame : Status::Malformed;
}

}  // namespace hegemon::net
