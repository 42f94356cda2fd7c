#include "shared/rng.h"

#include <gtest/gtest.h>

namespace hegemon {
namespace {

TEST(Rng, SameSeedSameSequence) {
  Rng a(42), b(42);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(Rng, UniformStaysInRange) {
  Rng r(7);
  for (int i = 0; i < 10000; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    const double s = r.symmetric();
    ASSERT_GE(s, -1.0);
    ASSERT_LT(s, 1.0);
  }
}

TEST(Rng, MixedSeedsDifferPerStream) {
  EXPECT_NE(mix_seed(1, 2, 3), mix_seed(1, 2, 4));
  EXPECT_NE(mix_seed(1, 2, 3), mix_seed(1, 3, 3));
  EXPECT_EQ(mix_seed(9, 8, 7), mix_seed(9, 8, 7));
}

}  // namespace
}  // namespace hegemon
