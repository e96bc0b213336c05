#include "serve/watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace takao {

namespace {
constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
}

bool is_editor_temp_file(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  if (name.empty()) return false;
  return name == "4913" || name.back() == '~' || name[0] == '#' || name.rfind(".#", 0) == 0 ||
         (name.size() > 4 && (name.compare(name.size() - 4, 4, ".swp") == 0 || name.compare(name.size() - 4, 4, ".swx") == 0));
}

DirectoryWatcher::DirectoryWatcher() {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) wake_[0] = wake_[1] = -1;
}

DirectoryWatcher::~DirectoryWatcher() {
  if (fd_ >= 0) close(fd_);
  if (wake_[0] >= 0) close(wake_[0]);
  if (wake_[1] >= 0) close(wake_[1]);
}

void DirectoryWatcher::watch_dir(const std::string& dir, std::set<std::string>* changed) {
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) return;
  dirs_[wd] = dir;
  std::error_code ec;
  // Files may have appeared in a new folder before its watch existed: count them as changed.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code sec;
    if (it->is_directory(sec) && !it->is_symlink(sec)) {
      watch_dir(it->path().string(), changed);
    } else if (changed) {
      changed->insert(it->path().string());
    }
  }
}

bool DirectoryWatcher::add_tree(const std::string& root, std::string* error) {
  if (fd_ < 0) {
    if (error) *error = std::string("inotify: ") + std::strerror(errno);
    return false;
  }
  int wd = inotify_add_watch(fd_, root.c_str(), kMask);
  if (wd < 0) {
    if (error) *error = "cannot watch " + root + ": " + std::strerror(errno);
    return false;
  }
  dirs_[wd] = root;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code sec;
    if (it->is_directory(sec) && !it->is_symlink(sec)) {
      int w = inotify_add_watch(fd_, it->path().c_str(), kMask);
      if (w >= 0) dirs_[w] = it->path().string();
    }
  }
  return true;
}

void DirectoryWatcher::read_events(std::set<std::string>& changed) {
  alignas(inotify_event) char buf[64 * 1024];
  for (;;) {
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      auto it = dirs_.find(ev->wd);
      if (it == dirs_.end()) continue;
      std::string dir = it->second;
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(it);
        continue;
      }
      std::string path = ev->len ? dir + "/" + ev->name : dir;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) watch_dir(path, &changed);
      if (ev->mask & IN_Q_OVERFLOW) changed.insert(dir);  // events were lost: a full rescan follows anyway
      if (!is_editor_temp_file(path)) changed.insert(path);
    }
  }
}

std::vector<std::string> DirectoryWatcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet) {
  std::set<std::string> changed;
  auto poll_once = [&](std::chrono::milliseconds ms) -> bool {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int r = poll(fds, 2, static_cast<int>(ms.count()));
    if (r <= 0) return false;
    if (fds[1].revents) return false;
    read_events(changed);
    return true;
  };
  if (fd_ < 0) return {};
  auto deadline = std::chrono::steady_clock::now() + timeout;
  // Wait for the first event that is not an editor's temporary file.
  while (changed.empty()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !poll_once(left)) return {};
  }
  while (poll_once(quiet)) {
  }
  return {changed.begin(), changed.end()};
}

void DirectoryWatcher::stop() {
  if (wake_[1] >= 0) {
    char c = 1;
    [[maybe_unused]] ssize_t n = write(wake_[1], &c, 1);
  }
}

}  // namespace takao
