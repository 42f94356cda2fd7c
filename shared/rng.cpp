#include "shared/rng.h"

namespace hegemon {

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  Rng r(a ^ (b * 0xD1B54A32D192ED03ULL) ^ (c * 0x8CB92BA72F3D8DD7ULL));
  r.next();
  return r.next();
}

}  // namespace hegemon
