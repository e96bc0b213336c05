// Returning freed memory to the system between the build's big steps, so one step's garbage does not
// count towards the next step's peak.
#pragma once

namespace takao {

// Hands the heap's free pages back to the system (glibc malloc_trim). Does nothing under AddressSanitizer:
// its allocator is not glibc's, and malloc_trim would walk arenas it never set up.
void trim_heap();

}  // namespace takao
