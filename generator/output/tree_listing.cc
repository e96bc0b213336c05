#include "output/tree_listing.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>

#include "core/parallel.h"

namespace takao {

std::optional<TreeListing> list_tree(const std::string& root, int threads,
                                     const KeepEntry& keep,
                                     const std::function<bool(const std::string&)>& remove) {
  // The folders at this depth are walked on the threads: a site's folders are mostly two levels down
  // (journal/017/, en/journal/), few enough to share out and many enough to keep the threads busy.
  constexpr int kThreadDepth = 2;
  struct Later {
    int parent_fd;
    std::string name, full, rel;
    size_t parent, entry;  // the parent folder in `top` and the entry naming this one there
  };
  std::vector<Later> later;  // filled before the threads start, by the walk above them
  std::vector<DIR*> open;    // the folders one level down: the threads' parents
  std::atomic<bool> complete{true};
  std::function<void(int, const std::string&, const std::string&, int, TreeListing&)> walk =
      [&](int fd, const std::string& full, const std::string& rel, int depth, TreeListing& out) {
        DIR* d = ::fdopendir(fd);
        if (!d) {
          ::close(fd);
          complete = false;
          return;
        }
        std::vector<std::pair<std::string, unsigned char>> names;
        while (dirent* e = ::readdir(d)) {
          if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
          names.emplace_back(e->d_name, e->d_type);
        }
        size_t me = out.size();
        out.push_back({rel, {}});
        auto stamp_entry = [&](const std::string& name) {
          struct stat st;
          if (::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return complete = false, false;
          out[me].entries.emplace_back(name, entry_stamp(st));
          return true;
        };
        for (auto& [name, type] : names) {
          std::string path = full + "/" + name;
          if (type == DT_UNKNOWN) {
            struct stat st;
            type = ::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
          }
          bool folder = type == DT_DIR;
          std::optional<EntryStamp> known;
          if (!keep(path, folder, known)) {
            if (!remove(path)) complete = false;
          } else if (folder) {
            std::string child = rel.empty() ? name : rel + "/" + name;
            if (depth + 1 == kThreadDepth) {
              out[me].entries.emplace_back(name, EntryStamp{});  // stamped once the thread is done
              later.push_back({::dirfd(d), name, path, std::move(child), me, out[me].entries.size() - 1});
              continue;
            }
            int sub = ::openat(::dirfd(d), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
              complete = false;
              continue;
            }
            walk(sub, path, child, depth + 1, out);
            stamp_entry(name);
          } else if (known && type == DT_REG) {
            out[me].entries.emplace_back(name, *known);
          } else {
            stamp_entry(name);
          }
        }
        if (depth + 1 == kThreadDepth) open.push_back(d);
        else ::closedir(d);
      };
  TreeListing top;
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  walk(fd, root, "", 0, top);
  std::vector<TreeListing> below(later.size());
  parallel_for(later.size(), threads, [&](size_t i) {
    int sub = ::openat(later[i].parent_fd, later[i].name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) {
      complete = false;
      return;
    }
    walk(sub, later[i].full, later[i].rel, kThreadDepth, below[i]);
  });
  for (const auto& l : later) {
    struct stat st;
    if (::fstatat(l.parent_fd, l.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) complete = false;
    else top[l.parent].entries[l.entry].second = entry_stamp(st);
  }
  for (DIR* d : open) ::closedir(d);
  if (!complete) return std::nullopt;
  for (auto& folders : below) {
    for (auto& f : folders) top.push_back(std::move(f));
  }
  for (auto& f : top) {
    std::sort(f.entries.begin(), f.entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  std::sort(top.begin(), top.end(), [](const ListedFolder& a, const ListedFolder& b) { return a.path < b.path; });
  return top;
}

}  // namespace takao
