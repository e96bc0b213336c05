// Returning freed memory to the system between the build's big steps, so one step's garbage does not
// count towards the next step's peak.
#pragma once

namespace takao {

// Hands the heap's free pages back to the system (glibc malloc_trim). Does nothing under AddressSanitizer:
// its allocator is not glibc's, and malloc_trim would walk arenas it never set up.
void trim_heap();

// The process's peak resident memory so far in KiB (VmHWM of /proc/self/status); 0 when unknown.
long peak_resident_kib();
// The same for the memory resident now (VmRSS).
long resident_kib();

}  // namespace takao
