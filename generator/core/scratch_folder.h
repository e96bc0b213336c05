// Scratch folders for tests and benchmarks: one per process under the system's temporary folder, removed
// when the process that made it exits, so that a test run leaves nothing behind in /tmp (2,000 runs had
// left 2 GB and five million cached directory entries, which slowed every path lookup on the machine).
#pragma once
#include <filesystem>
#include <string>

namespace takao {

// TMPDIR/PREFIX-PID/NAME, emptied and created. The PREFIX-PID folder is removed at exit, by the process
// that made it only (a forked child that exits does not remove its parent's folder).
std::filesystem::path scratch_folder(const std::string& prefix, const std::string& name);

}  // namespace takao
