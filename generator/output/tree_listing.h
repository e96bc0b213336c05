// What a folder tree of the output is on disk, entry by entry: the tree record (pipeline/tree_record) keeps
// it to tell, at the next build, that nothing in the output changed. Made by the tree record's own walk,
// or by the spare's prune (output/staging), which looks at every entry anyway.
#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace takao {

// One file or folder, compared whole: any difference in size, inode, modification time or mode counts.
struct EntryStamp {
  uint64_t size = 0, inode = 0, mode = 0;
  int64_t mtime_ns = 0;
  bool operator==(const EntryStamp&) const = default;
};

inline EntryStamp entry_stamp(const struct stat& st) {
  EntryStamp e;
  // A folder's size is its block count on most file systems: its mtime is what tells an entry added.
  e.size = S_ISDIR(st.st_mode) ? 0 : static_cast<uint64_t>(st.st_size);
  e.inode = static_cast<uint64_t>(st.st_ino);
  e.mode = st.st_mode;
  e.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return e;
}

// One folder ("" is the tree's top) with each of its entries by name, sorted by name.
struct ListedFolder {
  std::string path;
  std::vector<std::pair<std::string, EntryStamp>> entries;
};

// Every folder of a tree, sorted by path (the top's own stamp is taken by whoever reads the listing: a
// rename of the top folder may change it).
using TreeListing = std::vector<ListedFolder>;

}  // namespace takao
