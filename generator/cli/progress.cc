#include "cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <string>

namespace takao {

std::string progress_text(const BuildProgress& p) {
  size_t files = p.files, done = p.pages_done, total = p.pages_total;
  switch (p.stage.load()) {
    case BuildProgress::reading: return "reading content…";
    case BuildProgress::parsing: return "parsing " + std::to_string(files) + " files…";
    case BuildProgress::rendering:
      return std::to_string(files) + " files parsed; pages " + std::to_string(done) + " of " + std::to_string(total) +
             (total ? " (" + std::to_string(done * 100 / total) + "%)" : "");
    case BuildProgress::indexing: return std::to_string(files) + " files parsed; building search and lookup indexes…";
    case BuildProgress::writing: return "writing files…";
    default: return "done";
  }
}

ProgressReporter::ProgressReporter(const BuildProgress& progress, std::FILE* out)
    : progress_(progress), out_(out), terminal_(isatty(fileno(out)) != 0) {
  thread_ = std::thread([this] { run(); });
}

ProgressReporter::~ProgressReporter() { stop(); }

void ProgressReporter::run() {
  using namespace std::chrono_literals;
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, 1s, [&] { return stopping_; })) return;
  std::string last;
  auto period = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(3000);
  do {
    std::string text = progress_text(progress_);
    if (terminal_) {
      std::fprintf(out_, "\r\033[Ktakao: %s", text.c_str());
      drawn_ = true;
    } else if (text != last) {
      std::fprintf(out_, "takao: %s\n", text.c_str());
    }
    std::fflush(out_);
    last = text;
  } while (!wake_.wait_for(lock, period, [&] { return stopping_; }));
}

void ProgressReporter::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
    drawn_ = false;
  }
}

}  // namespace takao
