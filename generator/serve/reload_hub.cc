#include "serve/reload_hub.h"

namespace takao {

void ReloadHub::publish(std::string name, std::string data) {
  {
    std::lock_guard lock(mutex_);
    latest_.id += 1;
    latest_.name = std::move(name);
    latest_.data = std::move(data);
    if (latest_.name == "build-error" || latest_.name == "reload") {
      status_ = latest_;
      if (status_.name == "reload") status_.name = "ok";
    }
  }
  changed_.notify_all();
}

PreviewEvent ReloadHub::wait_after(uint64_t after, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || latest_.id > after; });
  if (latest_.id > after && !stopped_) return latest_;
  return PreviewEvent{after, "", ""};
}

PreviewEvent ReloadHub::latest() {
  std::lock_guard lock(mutex_);
  return latest_;
}

PreviewEvent ReloadHub::status() {
  std::lock_guard lock(mutex_);
  return status_;
}

void ReloadHub::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

bool ReloadHub::stopped() {
  std::lock_guard lock(mutex_);
  return stopped_;
}

std::string format_event(const PreviewEvent& e) {
  // The data is one line of JSON (no raw newlines), so one "data:" field carries it.
  return "id: " + std::to_string(e.id) + "\nevent: " + e.name + "\ndata: " + e.data + "\n\n";
}

}  // namespace takao
