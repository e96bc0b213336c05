#include "pipeline/tree_record.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <climits>
#include <cstring>
#include <filesystem>
#include <future>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/parallel.h"
#include "output/content_digest.h"
#include "output/staging.h"
#include "output/tree_listing.h"
#include "pipeline/build.h"
#include "pipeline/check_record.h"
#include "pipeline/record_file.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

constexpr const char* kFormat = "TAKAO-TREE 2";

// Kept by folder (output/tree_listing.h) so that checking an entry looks up one name in an open folder,
// not its whole path (path lookups were a quarter of an unchanged rebuild's time).
using Stamp = EntryStamp;
using Folder = ListedFolder;

// The key of the build configuration beyond what the check record's key holds.
std::string build_key(const BuildConfig& config) { return config.compress ? "compress" : "plain"; }

// The output folder as it is, every entry listed (output/tree_listing.h); false when it cannot be read.
bool walk_tree(const std::string& root, int jobs, Stamp& root_stamp, std::vector<Folder>& out) {
  struct stat st;
  if (::lstat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  root_stamp = entry_stamp(st);
  std::optional<TreeListing> listing = list_tree(
      root, jobs, [](const std::string&, bool, std::optional<EntryStamp>&) { return true; },
      [](const std::string&) { return false; });
  if (!listing) return false;
  out = std::move(*listing);
  return true;
}

void put_u64(std::string& out, uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out.append(b, 8);
}
void put_text(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out += s;
}
void put_stamp(std::string& out, const Stamp& e) {
  put_u64(out, e.size), put_u64(out, e.inode), put_u64(out, e.mode), put_u64(out, static_cast<uint64_t>(e.mtime_ns));
}

// Reads what put_* wrote, in place; any short read sets `bad`.
struct Reader {
  std::string_view in;
  bool bad = false;
  uint64_t u64() {
    if (in.size() < 8) return bad = true, 0;
    uint64_t v;
    std::memcpy(&v, in.data(), 8);
    in.remove_prefix(8);
    return v;
  }
  std::string_view text() {
    uint64_t n = u64();
    if (bad || in.size() < n) return bad = true, std::string_view();
    std::string_view s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
  Stamp stamp() {
    Stamp e;
    e.size = u64(), e.inode = u64(), e.mode = u64();
    e.mtime_ns = static_cast<int64_t>(u64());
    return e;
  }
};

// A record as read: views into its bytes. Each folder's entries stay serialised until they are checked
// (parsing 240,000 names into strings first took a third of an unchanged rebuild).
struct LoadedRecord {
  std::string bytes;
  std::string_view check_header, key;
  Stamp root;
  struct FolderEntries {
    std::string_view path;
    uint64_t count = 0;
    std::string_view entries;  // count × (text name, stamp)
  };
  std::vector<FolderEntries> folders;
};

constexpr size_t kStampBytes = 32;

std::optional<LoadedRecord> load(const std::string& file) {
  LoadedRecord record;
  std::optional<std::string> bytes = read_record_file(file, kFormat);
  if (!bytes) return std::nullopt;
  record.bytes = std::move(*bytes);
  Reader r{record.bytes};
  record.check_header = r.text();
  record.key = r.text();
  record.root = r.stamp();
  uint64_t folders = r.u64();
  if (r.bad || folders > record.bytes.size()) return std::nullopt;
  record.folders.resize(folders);
  for (auto& f : record.folders) {
    f.path = r.text();
    f.count = r.u64();
    if (r.bad || f.count > record.bytes.size()) return std::nullopt;
    const char* begin = r.in.data();
    for (uint64_t i = 0; i < f.count && !r.bad; ++i) {
      r.text();
      if (r.in.size() < kStampBytes) r.bad = true;
      else r.in.remove_prefix(kStampBytes);
    }
    if (r.bad) return std::nullopt;
    f.entries = std::string_view(begin, static_cast<size_t>(r.in.data() - begin));
  }
  if (r.bad || !r.in.empty()) return std::nullopt;
  return record;
}

// Whether every recorded folder and entry is still what it was, depth first from the output folder. Every
// entry costs one lookup of one name in an open folder: a file is looked at with fstatat, a folder opened
// (O_PATH: no read access needed) and looked at through its descriptor, then walked the same way. Opening
// each folder by its whole path instead cost 165,000 more lookups on the 10,000-page corpus, and lookups
// are nearly all of the time. The folders two levels down are walked on `jobs` threads. Stops early,
// false, once `give_up` is set.
class TreeCheck {
 public:
  TreeCheck(const LoadedRecord& record, const std::atomic<bool>& give_up) : record_(record), give_up_(give_up) {
    by_path_.reserve(record.folders.size());
    for (size_t i = 0; i < record.folders.size(); ++i) by_path_.emplace(record.folders[i].path, i);
  }

  bool run(const std::string& root, int jobs) {
    int root_fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root_fd < 0) return false;
    struct stat st;
    bool same = ::fstat(root_fd, &st) == 0 && entry_stamp(st) == record_.root;
    auto top = by_path_.find("");
    same = same && top != by_path_.end() && walk(top->second, root_fd, 0);
    std::atomic<bool> all_same{same};
    parallel_for(same ? later_.size() : 0, jobs, [&](size_t i) {
      if (all_same && !walk_later(later_[i])) all_same = false;
    });
    for (int fd : open_) ::close(fd);
    ::close(root_fd);
    return all_same && !give_up_;
  }

 private:
  static constexpr int kThreadDepth = 2;  // folders at this depth are walked on the threads
  struct Later {
    int parent_fd;
    std::string name;
    size_t folder;
    Stamp stamp;
  };

  std::optional<size_t> folder_of(const std::string& path) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end()) return std::nullopt;
    return it->second;
  }

  // Folder f, open as fd, at `depth` (the output folder is 0).
  bool walk(size_t f, int fd, int depth) {
    if (give_up_) return false;
    const auto& folder = record_.folders[f];
    Reader r{folder.entries};
    char name[NAME_MAX + 1];
    for (uint64_t n = 0; n < folder.count; ++n) {
      std::string_view entry = r.text();
      Stamp stamp = r.stamp();
      if (entry.size() > NAME_MAX) return false;
      std::memcpy(name, entry.data(), entry.size());
      name[entry.size()] = '\0';
      if (!S_ISDIR(stamp.mode)) {
        struct stat s;
        if (::fstatat(fd, name, &s, AT_SYMLINK_NOFOLLOW) != 0 || !(entry_stamp(s) == stamp)) return false;
        continue;
      }
      std::string path = folder.path.empty() ? std::string(entry) : std::string(folder.path) + "/" + name;
      std::optional<size_t> child = folder_of(path);
      if (!child) return false;
      if (depth + 1 == kThreadDepth) {
        later_.push_back({fd, name, *child, stamp});
        continue;
      }
      int child_fd = open_folder(fd, name, stamp);
      if (child_fd < 0) return false;
      // Folders above the threads' stay open for them; those below are closed once walked.
      bool ok;
      if (depth + 1 < kThreadDepth) {
        open_.push_back(child_fd);
        ok = walk(*child, child_fd, depth + 1);
      } else {
        ok = walk(*child, child_fd, depth + 1);
        ::close(child_fd);
      }
      if (!ok) return false;
    }
    return true;
  }

  bool walk_later(const Later& later) {
    int fd = open_folder(later.parent_fd, later.name.c_str(), later.stamp);
    if (fd < 0) return false;
    bool ok = walk(later.folder, fd, kThreadDepth);
    ::close(fd);
    return ok;
  }

  // The folder `name` in parent_fd, open, when its stamp is `stamp`; -1 otherwise.
  static int open_folder(int parent_fd, const char* name, const Stamp& stamp) {
    int fd = ::openat(parent_fd, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat s;
    if (::fstat(fd, &s) != 0 || !(entry_stamp(s) == stamp)) {
      ::close(fd);
      return -1;
    }
    return fd;
  }

  const LoadedRecord& record_;
  const std::atomic<bool>& give_up_;
  std::unordered_map<std::string_view, size_t> by_path_;
  std::vector<Later> later_;  // made by the first walk, before the threads start
  std::vector<int> open_;
};

}  // namespace

std::string tree_record_file(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + ".takao-tree")).string();
}

void forget_tree_record(const std::string& out_dir) { std::remove(tree_record_file(out_dir).c_str()); }

bool save_tree_record(const BuildConfig& config, int jobs, TreeListing* listing) {
  std::string file = tree_record_file(config.out_dir);
  std::string header = check_record_header(config.out_dir);
  if (header.empty()) return false;
  Stamp root;
  std::vector<Folder> folders;
  if (listing) {
    struct stat st;
    if (::lstat(config.out_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    root = entry_stamp(st);
    folders = std::move(*listing);
  } else if (!walk_tree(config.out_dir, jobs, root, folders)) {
    return false;
  }
  std::string body;
  put_text(body, header);
  put_text(body, build_key(config));
  put_stamp(body, root);
  put_u64(body, folders.size());
  for (const auto& f : folders) {
    put_text(body, f.path);
    put_u64(body, f.entries.size());
    for (const auto& [name, stamp] : f.entries) put_text(body, name), put_stamp(body, stamp);
  }
  return write_record_file(file, kFormat, body);
}

bool answer_from_tree_record(const BuildConfig& config, const std::string& theme_dir, const Date& today, int jobs,
                             Diagnostics& diags, BuildStats* stats) {
  // The sources first: a few thousand stamps, and what usually differs when a build runs.
  if (!fs::exists(tree_record_file(config.out_dir))) return false;
  // The sources and the output tree are looked at together (each is about half of the time); the tree's
  // check stops as soon as the sources are found changed, the usual reason for running a build.
  std::atomic<bool> sources_changed{false};
  std::future<std::optional<RecordedAnswer>> sources = std::async(std::launch::async, [&] {
    std::optional<RecordedAnswer> answer = recorded_answer(config, theme_dir, today);
    if (!answer) sources_changed = true;
    return answer;
  });
  std::optional<LoadedRecord> record = load(tree_record_file(config.out_dir));
  bool tree_same = record && record->key == build_key(config) && TreeCheck(*record, sources_changed).run(config.out_dir, jobs);
  std::optional<RecordedAnswer> answer = sources.get();
  if (!answer || !tree_same || record->check_header != answer->header) return false;
  // Sources that were racy and were read to be trusted are recorded again once they no longer are (the
  // check record first, then this record naming it: a kill in between leaves them unpaired, and the next
  // build runs in full).
  if (std::string header = refresh_check_record(config.out_dir, *answer); !header.empty()) {
    std::string body;
    put_text(body, header);
    body.append(record->bytes, 8 + record->check_header.size());
    write_record_file(tree_record_file(config.out_dir), kFormat, body);
  }
  for (auto& d : answer->diagnostics) diags.add(std::move(d));
  if (stats) {
    size_t files = 0;
    for (const auto& f : record->folders) {
      Reader r{f.entries};
      for (uint64_t n = 0; n < f.count; ++n) {
        std::string_view name = r.text();
        files += S_ISREG(r.stamp().mode) && !(f.path.empty() && name == kOutputMarker);
      }
    }
    stats->pages = stats->pages_reused = answer->pages;
    stats->languages = answer->languages;
    stats->files = stats->reused = stats->kept = files;
    stats->search_index_kept = true;
    stats->up_to_date = true;
  }
  return true;
}

}  // namespace takao
