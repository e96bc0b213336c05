#include "serve/path_guard.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <vector>

namespace takao {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A segment is refused when it, or any further decoding of it, spells a way out: "." or "..", a slash or
// backslash (an encoded separator would make one segment two), or a NUL byte.
bool dangerous_segment(const std::string& segment) {
  std::string s = segment;
  for (int round = 0; round < 4; ++round) {
    if (s == "." || s == ".." || s.find('/') != std::string::npos || s.find('\\') != std::string::npos ||
        s.find('\0') != std::string::npos) {
      return true;
    }
    if (s.find('%') == std::string::npos) return false;
    auto again = percent_decode(s);
    if (!again) return false;  // not a valid escape: a literal '%' in a file name, harmless
    s = std::move(*again);
  }
  return true;  // still encoded after four rounds: nobody writes file names like that
}

bool inside(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root.back() == '/' || path[root.size()] == '/'));
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::optional<ServedFile> file_for_target(const std::string& root_real, std::string_view target) {
  if (target.size() > kMaxTargetBytes || target.empty() || target[0] != '/') return std::nullopt;
  size_t end = target.find_first_of("?#");
  std::string_view raw = target.substr(0, end);
  // Split the still-encoded path, so that an encoded '/' stays inside its segment and is refused there.
  std::vector<std::string> segments;
  size_t start = 1;
  for (size_t i = 1; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '/') {
      std::string_view seg = raw.substr(start, i - start);
      start = i + 1;
      if (seg.empty()) continue;
      auto decoded = percent_decode(seg);
      if (!decoded || dangerous_segment(*decoded)) return std::nullopt;
      segments.push_back(std::move(*decoded));
    }
  }
  bool trailing_slash = raw.back() == '/';
  std::string path = root_real;
  for (const auto& s : segments) path += "/" + s;
  char resolved[PATH_MAX];
  if (!realpath(path.c_str(), resolved)) return std::nullopt;
  std::string real = resolved;
  if (!inside(real, root_real)) return std::nullopt;
  struct stat st;
  if (stat(real.c_str(), &st) != 0) return std::nullopt;
  ServedFile out;
  if (S_ISDIR(st.st_mode)) {
    if (!trailing_slash) {
      out.redirect_slash = true;
      out.path = real;
      return out;
    }
    std::string index = real + "/index.html";
    if (!realpath(index.c_str(), resolved)) return std::nullopt;
    real = resolved;
    if (!inside(real, root_real) || stat(real.c_str(), &st) != 0) return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  out.path = real;
  return out;
}

}  // namespace takao
