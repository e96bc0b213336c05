#include "core/disk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace takao {

std::vector<std::string> RealDisk::list_files(const std::string& root, std::vector<std::string>* links) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    // Lexically: fs::relative resolves symbolic links, so a link would be named by where it points.
    std::string rel = entry.path().lexically_relative(root).generic_string();
    if (entry.is_symlink(ec)) {
      if (links) links->push_back(rel);
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(ec)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  if (links) std::sort(links->begin(), links->end());
  return out;
}

std::optional<std::string> RealDisk::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) return std::nullopt;
  bytes.resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(bytes.data(), size);
  return bytes;
}

bool RealDisk::exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

bool write_fully(int fd, std::string_view bytes) {
  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

DiskEntry RealDisk::look(const std::string& path) {
  struct stat st;
  DiskEntry e;
  if (::lstat(path.c_str(), &st) != 0) {
    e.kind = errno == ENOENT || errno == ENOTDIR ? DiskEntry::none : DiskEntry::other;
    return e;
  }
  if (S_ISREG(st.st_mode)) {
    e.kind = DiskEntry::file;
    e.stamp = FileStamp{st.st_size, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, static_cast<uint64_t>(st.st_ino)};
  } else {
    e.kind = S_ISDIR(st.st_mode) ? DiskEntry::folder : S_ISLNK(st.st_mode) ? DiskEntry::link : DiskEntry::other;
  }
  return e;
}

bool RealDisk::write(const std::string& path, std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& what) {
    if (error) *error = what + " " + path + ": " + std::strerror(errno);
    return false;
  };
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::string tmp = path + ".takao-tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot write");
  if (!write_fully(fd, bytes)) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    return fail("cannot write");
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot replace");
  return true;
}

void RealDisk::remove(const std::string& path, const std::string& stop_at) {
  std::error_code ec;
  fs::path full(path);
  fs::remove(full, ec);
  std::string stop = fs::path(stop_at).lexically_normal().string();
  while (!stop.empty() && stop.size() > 1 && stop.back() == '/') stop.pop_back();
  for (fs::path dir = full.parent_path().lexically_normal(); dir.string().size() > stop.size(); dir = dir.parent_path()) {
    if (!fs::is_empty(dir, ec) || ec) break;
    fs::remove(dir, ec);
  }
}

std::vector<std::string> MemoryDisk::list_files(const std::string& root, std::vector<std::string>*) {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  std::string prefix = root.empty() || root.back() == '/' ? root : root + "/";
  for (const auto& [path, bytes] : files) {
    if (path.rfind(prefix, 0) == 0) out.push_back(path.substr(prefix.size()));
  }
  return out;
}

std::optional<std::string> MemoryDisk::read(const std::string& path) {
  std::lock_guard lock(mutex_);
  auto it = files.find(path);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

bool MemoryDisk::exists(const std::string& path) {
  std::lock_guard lock(mutex_);
  return files.count(path) > 0;
}

DiskEntry MemoryDisk::look(const std::string& path) {
  std::lock_guard lock(mutex_);
  DiskEntry e;
  if (auto it = files.find(path); it != files.end()) {
    e.kind = DiskEntry::file;
    e.stamp.size = static_cast<int64_t>(it->second.size());
    e.stamp.mtime_ns = static_cast<int64_t>(std::hash<std::string>{}(it->second));
    return e;
  }
  std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  auto below = files.lower_bound(prefix);
  if (below != files.end() && below->first.rfind(prefix, 0) == 0) e.kind = DiskEntry::folder;
  return e;
}

bool MemoryDisk::write(const std::string& path, std::string_view bytes, std::string*) {
  std::lock_guard lock(mutex_);
  files[path] = std::string(bytes);
  return true;
}

void MemoryDisk::remove(const std::string& path, const std::string&) {
  std::lock_guard lock(mutex_);
  files.erase(path);  // folders are only where files are
}

}  // namespace takao
