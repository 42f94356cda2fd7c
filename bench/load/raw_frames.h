// The wire's framing seen as bytes only (a varint length, then the body): what the echo server
// and its clients need to find frame boundaries without parsing a message.
#pragma once

#include <cstddef>
#include <string_view>

namespace hegemon::load {

/// The size of the first complete frame at the front of `bytes` (prefix and body), or 0 when
/// it is not all there yet. A prefix of more than five bytes counts as `bytes.size() + 1`, which
/// a caller treats as a broken stream.
inline std::size_t complete_frame(std::string_view bytes) {
  std::size_t length = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 5) return bytes.size() + 1;
    const auto b = static_cast<unsigned char>(bytes[i]);
    length |= static_cast<std::size_t>(b & 0x7Fu) << (7 * i);
    if (!(b & 0x80u)) {
      const std::size_t total = i + 1 + length;
      return total <= bytes.size() ? total : 0;
    }
  }
  return 0;
}

/// How many bytes at the front of `bytes` form complete frames, and how many frames they are.
struct FramePrefix {
  std::size_t bytes = 0;
  std::size_t frames = 0;
  bool broken = false;
};

inline FramePrefix complete_frames(std::string_view bytes) {
  FramePrefix p;
  for (;;) {
    const std::size_t n = complete_frame(bytes.substr(p.bytes));
    if (n == 0) return p;
    if (p.bytes + n > bytes.size()) {
      p.broken = true;
      return p;
    }
    p.bytes += n;
    ++p.frames;
  }
}

}  // namespace hegemon::load
