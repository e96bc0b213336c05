// What the preview tells open pages: after each rebuild either "reload" (with the output files that
// changed) or "error" (with the diagnostics, for the overlay). Server-sent-event handlers wait here.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace takao {

struct PreviewEvent {
  uint64_t id = 0;        // 0: nothing yet
  std::string name;       // "reload" or "build-error" (status: "ok" or "build-error")
  std::string data;       // JSON, one line
};

class ReloadHub {
 public:
  void publish(std::string name, std::string data);
  // The newest event, waiting up to `timeout` for one newer than `after`. nullopt-like: id == after on
  // timeout or after stop().
  PreviewEvent wait_after(uint64_t after, std::chrono::milliseconds timeout);
  PreviewEvent latest();
  // The last build's state: its "build-error" event while the content has errors, else "ok".
  PreviewEvent status();
  void stop();
  bool stopped();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  PreviewEvent latest_;
  PreviewEvent status_{0, "ok", "{}"};
  bool stopped_ = false;
};

// One event in the text/event-stream format.
std::string format_event(const PreviewEvent& e);

}  // namespace takao
