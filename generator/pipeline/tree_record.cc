#include "pipeline/tree_record.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "core/parallel.h"
#include "output/content_digest.h"
#include "output/staging.h"
#include "pipeline/build.h"
#include "pipeline/check_record.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

constexpr const char* kFormat = "TAKAO-TREE 1";

// One file or folder of the output: its path below the output folder ("" is the folder itself).
struct TreeEntry {
  std::string path;
  uint64_t size = 0, inode = 0, mode = 0;
  int64_t mtime_ns = 0;
  bool operator==(const TreeEntry&) const = default;
};

TreeEntry entry_of(std::string path, const struct stat& st) {
  TreeEntry e;
  e.path = std::move(path);
  // A folder's size is its block count on most file systems: its mtime is what tells an entry added.
  e.size = S_ISDIR(st.st_mode) ? 0 : static_cast<uint64_t>(st.st_size);
  e.inode = static_cast<uint64_t>(st.st_ino);
  e.mode = st.st_mode;
  e.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return e;
}

// The key of the build configuration beyond what the check record's key holds.
std::string build_key(const BuildConfig& config) { return config.compress ? "compress" : "plain"; }

// The output folder, folder by folder, one level at a time over `jobs` threads (a site has one folder for
// every four or five files, most of them at the same depth). Entries sorted by path.
bool walk_tree(const std::string& root, int jobs, std::vector<TreeEntry>& out) {
  struct stat st;
  if (::lstat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  out.push_back(entry_of("", st));
  std::vector<std::string> level = {""};
  std::atomic<bool> ok{true};
  while (!level.empty()) {
    std::vector<std::vector<TreeEntry>> found(level.size());
    std::vector<std::vector<std::string>> folders(level.size());
    parallel_for(level.size(), jobs, [&](size_t i) {
      std::string dir = level[i].empty() ? root : root + "/" + level[i];
      int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      DIR* d = fd >= 0 ? ::fdopendir(fd) : nullptr;
      if (!d) {
        if (fd >= 0) ::close(fd);
        ok = false;
        return;
      }
      while (struct dirent* e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
        struct stat s;
        if (::fstatat(::dirfd(d), e->d_name, &s, AT_SYMLINK_NOFOLLOW) != 0) {
          ok = false;
          break;
        }
        std::string rel = level[i].empty() ? std::string(e->d_name) : level[i] + "/" + e->d_name;
        if (S_ISDIR(s.st_mode)) folders[i].push_back(rel);
        found[i].push_back(entry_of(std::move(rel), s));
      }
      ::closedir(d);
    });
    if (!ok) return false;
    level.clear();
    for (auto& group : found) {
      for (auto& e : group) out.push_back(std::move(e));
    }
    for (auto& group : folders) {
      for (auto& f : group) level.push_back(std::move(f));
    }
  }
  std::sort(out.begin(), out.end(), [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });
  return true;
}

void put_u64(std::string& out, uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out.append(b, 8);
}
void put_text(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

// Reads what put_u64 / put_text wrote; any short read sets `bad`.
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
  std::string text() {
    uint64_t n = u64();
    if (bad || in.size() < n) return bad = true, std::string();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

struct TreeRecord {
  std::string check_header, key;
  std::vector<TreeEntry> entries;
};

std::optional<TreeRecord> load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  std::string prefix = std::string(kFormat) + " ";
  if (!std::getline(in, line) || line.rfind(prefix, 0) != 0) return std::nullopt;
  std::ostringstream rest;
  rest << in.rdbuf();
  std::string body = rest.str();
  if (digest_hex(digest_of(body)) != line.substr(prefix.size())) return std::nullopt;  // damaged or cut short
  Reader r{body};
  TreeRecord record;
  record.check_header = r.text();
  record.key = r.text();
  uint64_t n = r.u64();
  if (r.bad || n > body.size()) return std::nullopt;
  record.entries.resize(n);
  for (auto& e : record.entries) {
    e.path = r.text();
    e.size = r.u64(), e.inode = r.u64(), e.mode = r.u64();
    e.mtime_ns = static_cast<int64_t>(r.u64());
  }
  if (r.bad || !r.in.empty()) return std::nullopt;
  return record;
}

// Whether every recorded entry is still what it was, looked at on `jobs` threads.
bool tree_unchanged(const std::string& root, const std::vector<TreeEntry>& entries, int jobs) {
  std::atomic<bool> same{true};
  constexpr size_t kChunk = 2048;
  size_t chunks = (entries.size() + kChunk - 1) / kChunk;
  parallel_for(chunks, jobs, [&](size_t c) {
    std::string path;
    for (size_t i = c * kChunk; i < std::min(entries.size(), (c + 1) * kChunk) && same; ++i) {
      const TreeEntry& e = entries[i];
      path.assign(root);
      if (!e.path.empty()) path.append("/").append(e.path);
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0 || !(entry_of(e.path, st) == e)) same = false;
    }
  });
  return same;
}

}  // namespace

std::string tree_record_file(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + ".takao-tree")).string();
}

void forget_tree_record(const std::string& out_dir) { std::remove(tree_record_file(out_dir).c_str()); }

bool save_tree_record(const BuildConfig& config, int jobs) {
  std::string file = tree_record_file(config.out_dir);
  std::string header = check_record_header(config.out_dir);
  std::vector<TreeEntry> entries;
  if (header.empty() || !walk_tree(config.out_dir, jobs, entries)) return false;
  std::string body;
  body.reserve(entries.size() * 80);
  put_text(body, header);
  put_text(body, build_key(config));
  put_u64(body, entries.size());
  for (const auto& e : entries) {
    put_text(body, e.path);
    put_u64(body, e.size), put_u64(body, e.inode), put_u64(body, e.mode);
    put_u64(body, static_cast<uint64_t>(e.mtime_ns));
  }
  std::string tmp = file + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kFormat << ' ' << digest_hex(digest_of(body)) << '\n' << body;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), file.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

bool answer_from_tree_record(const BuildConfig& config, const std::string& theme_dir, const Date& today, int jobs,
                             Diagnostics& diags, BuildStats* stats) {
  std::optional<TreeRecord> record = load(tree_record_file(config.out_dir));
  if (!record || record->key != build_key(config) || record->check_header != check_record_header(config.out_dir)) {
    return false;
  }
  if (!tree_unchanged(config.out_dir, record->entries, jobs)) return false;
  std::optional<RecordedAnswer> answer = recorded_answer(config, theme_dir, today);
  if (!answer) return false;
  for (auto& d : answer->diagnostics) diags.add(std::move(d));
  if (stats) {
    size_t files = 0;
    for (const auto& e : record->entries) files += S_ISREG(e.mode) && e.path != kOutputMarker;
    stats->pages = stats->pages_reused = answer->pages;
    stats->languages = answer->languages;
    stats->files = stats->reused = stats->kept = files;
    stats->search_index_kept = true;
    stats->up_to_date = true;
  }
  return true;
}

}  // namespace takao
