#include "protocol/frame_codec.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include <google/protobuf/io/coded_stream.h>

namespace hegemon::net {

namespace io = google::protobuf::io;

std::string encode_frame(const google::protobuf::MessageLite& message) {
  // Sized once and written in place: one allocation per frame, no output stream (the delimited
  // helper's stream costs more than serializing a small reply).
  const std::size_t body = message.ByteSizeLong();
  const std::size_t prefix = io::CodedOutputStream::VarintSize32(static_cast<std::uint32_t>(body));
  std::string out(prefix + body, '\0');
  auto* at = reinterpret_cast<std::uint8_t*>(out.data());
  at = io::CodedOutputStream::WriteVarint32ToArray(static_cast<std::uint32_t>(body), at);
  message.SerializeWithCachedSizesToArray(at);
  return out;
}

void FrameReader::compact() {
  if (start_ == 0) return;
  std::memmove(data_.get(), data_.get() + start_, size_ - start_);
  size_ -= start_;
  start_ = 0;
}

void FrameReader::reserve(std::size_t n) {
  if (n <= capacity_) return;
  // Not zero-filled: every byte is written by a read (or a feed) before it is looked at.
  const std::size_t grown = std::max(n, 2 * capacity_);
  auto fresh = std::make_unique_for_overwrite<char[]>(grown);
  if (size_ > 0) std::memcpy(fresh.get(), data_.get(), size_);
  data_ = std::move(fresh);
  capacity_ = grown;
}

void FrameReader::feed(std::string_view bytes) {
  compact();
  reserve(size_ + bytes.size());
  if (!bytes.empty()) std::memcpy(data_.get() + size_, bytes.data(), bytes.size());
  size_ += bytes.size();
}

char* FrameReader::prepare(std::size_t n) {
  compact();
  reserve(size_ + n);
  prepared_ = size_;
  size_ += n;
  return data_.get() + prepared_;
}

void FrameReader::commit(std::size_t filled) { size_ = prepared_ + filled; }

bool FrameReader::release() {
  if (buffered() != 0) return false;
  data_.reset();
  capacity_ = size_ = start_ = 0;
  return true;
}

FrameReader::Status FrameReader::next(google::protobuf::MessageLite& message) {
  const std::size_t size = size_ - start_;
  if (size == 0) return Status::NeedMore;
  const char* data = data_.get() + start_;
  // A varint length takes at most five bytes; until its last byte (high bit clear) is here the
  // prefix is incomplete, and past five bytes it is garbage.
  std::size_t prefix_end = 0;
  while (prefix_end < size && prefix_end < 5 &&
         (static_cast<unsigned char>(data[prefix_end]) & 0x80u))
    ++prefix_end;
  if (prefix_end == 5) return Status::Malformed;
  if (prefix_end == size) return Status::NeedMore;

  io::CodedInputStream header(reinterpret_cast<const std::uint8_t*>(data),
                              static_cast<int>(prefix_end + 1));
  std::uint32_t length = 0;
  if (!header.ReadVarint32(&length)) return Status::Malformed;
  if (length > max_frame_) {
    announced_ = length;
    return Status::TooLarge;
  }
  const std::size_t total = prefix_end + 1 + length;
  if (size < total) return Status::NeedMore;

  const bool parsed = message.ParseFromArray(data + prefix_end + 1, static_cast<int>(length));
  start_ += total;
  if (start_ == size_) {
    size_ = start_ = 0;  // keeps the memory for the next read; release() frees it
  }
  return parsed ? Status::Frame : Status::Malformed;
}

}  // namespace hegemon::net
