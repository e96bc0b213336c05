#include "core/disk.h"

#include <algorithm>
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

std::vector<std::string> MemoryDisk::list_files(const std::string& root, std::vector<std::string>*) {
  std::vector<std::string> out;
  std::string prefix = root.empty() || root.back() == '/' ? root : root + "/";
  for (const auto& [path, bytes] : files) {
    if (path.rfind(prefix, 0) == 0) out.push_back(path.substr(prefix.size()));
  }
  return out;
}

std::optional<std::string> MemoryDisk::read(const std::string& path) {
  auto it = files.find(path);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

bool MemoryDisk::exists(const std::string& path) { return files.count(path) > 0; }

}  // namespace takao
