// A small deterministic random generator. The standard library's distributions are free to
// differ between implementations, so the rules draw their numbers only from this.
#pragma once

#include <cstdint>

namespace hegemon {

/// SplitMix64: one 64-bit state, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// Uniform in [0, 1).
  double uniform();
  /// Uniform in [-1, 1).
  double symmetric() { return uniform() * 2.0 - 1.0; }

 private:
  std::uint64_t state_;
};

/// Mixes several values into one seed, so independent streams (turn, viewer, target) never collide.
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0);

}  // namespace hegemon
