#include "core/heap.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include <malloc.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TAKAO_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TAKAO_UNDER_ASAN 1
#endif

namespace takao {

void trim_heap() {
#ifndef TAKAO_UNDER_ASAN
  malloc_trim(0);
#endif
}

namespace {
// One "Field:   N kB" line of /proc/self/status.
long status_kib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  size_t n = std::char_traits<char>::length(field);
  while (std::getline(status, line)) {
    if (line.compare(0, n, field) == 0) return std::strtol(line.c_str() + n, nullptr, 10);
  }
  return 0;
}
}  // namespace

long peak_resident_kib() { return status_kib("VmHWM:"); }
long resident_kib() { return status_kib("VmRSS:"); }

}  // namespace takao
