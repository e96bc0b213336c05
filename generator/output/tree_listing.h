// What a folder tree of the output is on disk, entry by entry: the tree record (pipeline/tree_record) keeps
// it to tell, at the next build, that nothing in the output changed. One walk makes it, list_tree: for the
// tree record of a build without a spare, and in the spare's prune (output/staging), which removes what the
// build did not produce as it lists what stays.
#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <optional>
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
  bool operator==(const ListedFolder&) const = default;
};

// Every folder of a tree, sorted by path (the top's own stamp is taken by whoever reads the listing: a
// rename of the top folder may change it).
using TreeListing = std::vector<ListedFolder>;

// Lists the tree at `root` depth first, each folder opened from its parent's descriptor (one name looked
// up, not a whole path) and read with readdir's own types, the folders two levels down walked on
// `threads` threads. `keep(full path, is a folder, known)` says whether an entry stays: a folder that
// stays is walked, an entry that does not is given to `remove(full path)` (false: it could not be) and
// not listed. What stays is listed with its stamp, a folder's once its own entries are final; for a
// regular file the caller may give it (`known`: as it saw the file when it made or checked it), and the
// file is not looked at again. Folders sorted by path, entries by name. nullopt when a folder or an
// entry could not be read or removed.
using KeepEntry = std::function<bool(const std::string& path, bool folder, std::optional<EntryStamp>& known)>;
std::optional<TreeListing> list_tree(const std::string& root, int threads, const KeepEntry& keep,
                                     const std::function<bool(const std::string&)>& remove);

}  // namespace takao
