#include "core/scratch_folder.h"

#include <unistd.h>

#include <mutex>
#include <set>

namespace takao {

namespace {

// The process's scratch roots; the destructor runs at exit.
class ScratchRoots {
 public:
  std::filesystem::path root(const std::string& prefix) {
    std::lock_guard lock(mutex_);
    auto path = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(owner_));
    roots_.insert(path);
    return path;
  }
  ~ScratchRoots() {
    if (::getpid() != owner_) return;
    std::error_code ec;
    for (const auto& path : roots_) std::filesystem::remove_all(path, ec);
  }

 private:
  pid_t owner_ = ::getpid();
  std::mutex mutex_;
  std::set<std::filesystem::path> roots_;
};

ScratchRoots& roots() {
  static ScratchRoots instance;
  return instance;
}

}  // namespace

std::filesystem::path scratch_folder(const std::string& prefix, const std::string& name) {
  std::filesystem::path dir = roots().root(prefix) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace takao
