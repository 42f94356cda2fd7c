// A small deterministic random generator. The standard library's distributions are free to
// differ between implementations, so the rules draw their numbers only from this.
#pragma once

#include <cstdint>

namespace hegemon {

/// SplitMix64: one 64-bit state, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double uniform() {
    // The top 53 bits make an exactly representable double in [0, 1).
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
  }
  /// Uniform in [-1, 1).
  double symmetric() { return uniform() * 2.0 - 1.0; }

 private:
  std::uint64_t state_;
};

// next() and uniform() are defined here so that the estimates and the bots, which draw millions
// of numbers a batch, inline them.

/// Mixes several values into one seed, so independent streams (turn, viewer, target) never collide.
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0);

}  // namespace hegemon
