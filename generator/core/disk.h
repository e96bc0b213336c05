// The file system behind a narrow interface, so tests can run on an in-memory disk: the loading of sources
// (source/) and the preview's engine (pipeline/incremental), which reads content and writes its output
// through it (its tests run in memory, pipeline/incremental_memory_test.cc).
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace takao {

// What identifies a file's contents without reading it. Not ctime: a clean build's hard link to an
// attachment changes that.
struct FileStamp {
  int64_t size = -1;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// What is at a path, a symbolic link not followed.
struct DiskEntry {
  enum Kind { none, file, folder, link, other } kind = none;
  FileStamp stamp;  // of a file
};

// Writes all of `bytes` to `fd`, again after a short write or EINTR; false (errno set) on an error.
bool write_fully(int fd, std::string_view bytes);

class Disk {
 public:
  virtual ~Disk() = default;
  // Every regular file below `root`, as '/'-separated paths relative to it, sorted. Symbolic links are
  // listed in `links` instead (never followed: content must not reach outside its folder).
  virtual std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) = 0;
  virtual std::optional<std::string> read(const std::string& path) = 0;
  virtual bool exists(const std::string& path) = 0;
  virtual DiskEntry look(const std::string& path) = 0;
  // Puts `bytes` at `path` whole, making its folders: a reader sees the old file or the new one, never
  // part of one (a temporary file renamed over it). Thread-safe for distinct paths. On failure returns
  // false and says why in *error.
  virtual bool write(const std::string& path, std::string_view bytes, std::string* error) = 0;
  // Removes the file (or symbolic link) at `path`, then each folder above it left empty, up to `stop_at`
  // (not included), as a build that never made them would not have them.
  virtual void remove(const std::string& path, const std::string& stop_at) = 0;
  // Whether paths name files of the real file system, which libraries that open files by name (poppler)
  // and caches beside the output may use.
  virtual bool real() const { return false; }
};

class RealDisk : public Disk {
 public:
  std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) override;
  std::optional<std::string> read(const std::string& path) override;
  bool exists(const std::string& path) override;
  DiskEntry look(const std::string& path) override;
  bool write(const std::string& path, std::string_view bytes, std::string* error) override;
  void remove(const std::string& path, const std::string& stop_at) override;
  bool real() const override { return true; }
};

// Files held in memory, keyed by full path ("content/site.yaml"); a folder is there while a file is below it.
// A file's stamp is made from its bytes, so any change of them is seen.
class MemoryDisk : public Disk {
 public:
  MemoryDisk() = default;
  MemoryDisk(const MemoryDisk& other) : files(other.files) {}
  std::map<std::string, std::string> files;
  std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) override;
  std::optional<std::string> read(const std::string& path) override;
  bool exists(const std::string& path) override;
  DiskEntry look(const std::string& path) override;
  bool write(const std::string& path, std::string_view bytes, std::string* error) override;
  void remove(const std::string& path, const std::string& stop_at) override;

 private:
  std::mutex mutex_;  // write() is called from worker threads
};

}  // namespace takao
