#include "pipeline/record_file.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "core/disk.h"
#include "output/content_digest.h"

namespace takao {

bool write_record_file(const std::string& file, std::string_view format, std::string_view body) {
  std::string tmp = file + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << format << ' ' << digest_hex(digest_of(body)) << '\n' << body;
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

std::optional<std::string> read_record_file(const std::string& file, std::string_view format, std::string* header) {
  std::optional<std::string> bytes = RealDisk().read(file);
  if (!bytes) return std::nullopt;
  std::string prefix = std::string(format) + " ";
  size_t eol = bytes->find('\n');
  if (eol == std::string::npos || bytes->compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string body = bytes->substr(eol + 1);
  if (digest_hex(digest_of(body)) != bytes->substr(prefix.size(), eol - prefix.size())) return std::nullopt;  // damaged or cut short
  if (header) *header = bytes->substr(0, eol);
  return body;
}

}  // namespace takao
