// Writes the site into a staging folder beside the output folder and swaps it in only when everything
// succeeded, so a failed or killed build leaves the previous site exactly as it was.
#pragma once
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace takao {

// A file takao writes into every output folder it makes; a non-empty folder without it is not ours.
constexpr const char* kOutputMarker = ".takao-output";

// Refuses an output folder whose replacement would destroy what takao did not make: `/`, the home folder,
// a repository root (holds .git), the content folder or a folder holding it, a folder inside the content
// folder (the next build would read the site as content), a file, or a non-empty folder without the
// marker. Adds an error naming the folder and returns false.
bool check_output_folder(const std::string& out_dir, const std::string& content_dir, Diagnostics& diags);

class StagingFolder {
 public:
  StagingFolder() = default;
  ~StagingFolder();  // removes the staging folder if commit() was not reached
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  // Creates an empty staging folder next to `out_dir`, after removing staging folders that killed builds
  // left there (their process is gone).
  bool begin(const std::string& out_dir, Diagnostics& diags);
  // Thread-safe for distinct paths. `path` is relative to the output root.
  bool write(const std::string& path, std::string_view bytes);
  bool copy(const std::string& path, const std::string& from);
  // Atomically exchanges the staging folder with the output folder (renameat2 RENAME_EXCHANGE), then
  // removes the old site.
  bool commit(Diagnostics& diags);

  const std::string& dir() const { return staging_; }
  bool failed() const { return failed_; }
  const std::string& failure() const { return failure_; }

 private:
  void fail(const std::string& message);
  bool ensure_parent(const std::string& full);

  std::string out_;
  std::string staging_;
  bool committed_ = false;
  bool failed_ = false;
  std::string failure_;
};

}  // namespace takao
