#include "core/heap.h"

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

}  // namespace takao
