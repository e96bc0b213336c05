// The one step timer of --timings: wall time since the last lap and since the start (steady clock).
// takao build times its stages with one, a serve rebuild its steps, and each render worker its steps
// (summed over the workers by the build's StepClock).
#pragma once
#include <chrono>
#include <cstdint>

namespace takao {

class StepTimer {
 public:
  using Clock = std::chrono::steady_clock;
  StepTimer() : start_(Clock::now()), last_(start_) {}
  // Nanoseconds since the previous lap (or the start); the next lap counts from now.
  int64_t lap_ns() {
    Clock::time_point now = Clock::now();
    int64_t ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count();
    last_ = now;
    return ns;
  }
  double lap() { return static_cast<double>(lap_ns()) / 1e9; }
  // Seconds since the start.
  double total() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  Clock::time_point start_, last_;
};

}  // namespace takao
