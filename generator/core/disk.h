// The file system behind a narrow interface, so tests can run on an in-memory disk.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace takao {

class Disk {
 public:
  virtual ~Disk() = default;
  // Every regular file below `root`, as '/'-separated paths relative to it, sorted. Symbolic links are
  // listed in `links` instead (never followed: content must not reach outside its folder).
  virtual std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) = 0;
  virtual std::optional<std::string> read(const std::string& path) = 0;
  virtual bool exists(const std::string& path) = 0;
};

class RealDisk : public Disk {
 public:
  std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) override;
  std::optional<std::string> read(const std::string& path) override;
  bool exists(const std::string& path) override;
};

// Files held in memory, keyed by full path ("content/site.yaml").
class MemoryDisk : public Disk {
 public:
  std::map<std::string, std::string> files;
  std::vector<std::string> list_files(const std::string& root, std::vector<std::string>* links) override;
  std::optional<std::string> read(const std::string& path) override;
  bool exists(const std::string& path) override;
};

}  // namespace takao
