// Watches folders recursively with inotify, including folders created after the start, and hands back
// batches of changed paths once the file system has been quiet for a moment (an editor's save is often a
// write, a rename and an attribute change in a row).
#pragma once
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace takao {

class DirectoryWatcher {
 public:
  DirectoryWatcher();
  ~DirectoryWatcher();
  DirectoryWatcher(const DirectoryWatcher&) = delete;
  DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;

  // Watches `root` and every folder below it. False (with `error` set) when inotify refuses.
  bool add_tree(const std::string& root, std::string* error = nullptr);

  // Waits up to `timeout` for a change, then collects further events until none came for `quiet`.
  // Returns the changed paths (sorted, as `root/...`), empty on timeout or after stop().
  std::vector<std::string> wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet);

  // Wakes a wait() in another thread; later waits return at once.
  void stop();

 private:
  void read_events(std::set<std::string>& changed);
  void watch_dir(const std::string& dir, std::set<std::string>* changed);

  int fd_ = -1;
  int wake_[2] = {-1, -1};
  std::map<int, std::string> dirs_;  // watch descriptor -> folder path
};

// Editors' temporary files (vim's 4913 and .swp, emacs' #name# and .#name, backups ending in '~'): their
// events alone do not start a rebuild.
bool is_editor_temp_file(const std::string& path);

}  // namespace takao
