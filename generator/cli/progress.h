// The progress line of takao build and check: silent for the first second (most builds are done by then),
// then on a terminal one line redrawn in place (files read, pages written, indexes), elsewhere a plain line
// every few seconds, so logs stay readable.
#pragma once
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "pipeline/build.h"

namespace takao {

class ProgressReporter {
 public:
  // Watches `progress` from a thread of its own until stop(); writes to `out` (stderr).
  ProgressReporter(const BuildProgress& progress, std::FILE* out);
  ~ProgressReporter();
  // Stops and clears the line, before the summary and diagnostics are printed.
  void stop();

 private:
  void run();

  const BuildProgress& progress_;
  std::FILE* out_;
  bool terminal_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// "rendering: 1,234 of 38,731 pages" and so on.
std::string progress_text(const BuildProgress& progress);

}  // namespace takao
