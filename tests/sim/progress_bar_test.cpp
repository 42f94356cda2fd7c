// The progress bar: matches done of the total, the rate and the time left, on one line.
#include <gtest/gtest.h>

#include <sstream>

#include "sim/progress_bar.h"

namespace hegemon::sim {
namespace {

TEST(ProgressBar, SpellsDurations) {
  EXPECT_EQ(duration_text(12.4), "12s");
  EXPECT_EQ(duration_text(245), "4m05s");
  EXPECT_EQ(duration_text(3720), "1h02m");
}

TEST(ProgressBar, RedrawsOneLineAndEndsIt) {
  std::ostringstream out;
  ProgressBar bar(out, 40);
  bar.update(10);
  const std::string first = out.str();
  EXPECT_EQ(first.front(), '\r');
  EXPECT_NE(first.find("10/40 matches"), std::string::npos) << first;
  EXPECT_NE(first.find("/min"), std::string::npos) << first;
  EXPECT_EQ(first.find('\n'), std::string::npos) << first;
  bar.update(40);  // the last match is always drawn, however soon after the one before
  EXPECT_NE(out.str().find("40/40 matches"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("done in"), std::string::npos) << out.str();
  bar.finish();
  EXPECT_EQ(out.str().back(), '\n');
}

}  // namespace
}  // namespace hegemon::sim
