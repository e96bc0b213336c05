// The build's only source of threads: run a function over indexes 0..count-1 on `jobs` threads.
// Callers write results into slots by index, so output order never depends on which thread finished first.
#pragma once
#include <cstddef>
#include <functional>

namespace takao {

void parallel_for(size_t count, int jobs, const std::function<void(size_t)>& body);

// Number of hardware threads, at least 1.
int default_jobs();

}  // namespace takao
