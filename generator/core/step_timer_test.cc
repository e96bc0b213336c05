#include "core/step_timer.h"

#include <gtest/gtest.h>

#include <thread>

namespace takao {

TEST(StepTimer, LapsCountFromThePreviousLapAndAddUpToTheTotal) {
  StepTimer timer;
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  double first = timer.lap();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int64_t second = timer.lap_ns();
  EXPECT_GE(first, 0.005);
  EXPECT_GE(second, 5'000'000);
  EXPECT_LT(first, 5.0);  // the second lap did not count the first one's time again
  EXPECT_LE(first + static_cast<double>(second) / 1e9, timer.total());
}

}  // namespace takao
