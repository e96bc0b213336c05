// Writes the site into a staging folder beside the output folder and swaps it in only when everything
// succeeded, so a failed or killed build leaves the previous site exactly as it was.
//
// Two trees. The tree a build swaps out is not removed: it stays beside the output as the spare
// (".NAME.takao-spare"), one generation behind, and the next build brings it up to date in place and
// exchanges again. Most files of a rebuild are unchanged, and most unchanged files are already in the spare
// as the very same inode as in the live site (the build that made the live site linked them from the tree
// that is now the spare), so they cost one lstat each: no link, no removal of a tree, no folder changed.
//
// The spare is trusted only through the live site: an entry of the spare is kept when it is the same file
// (device and inode, looked at now) as the live entry the caller vouches for (its bytes compared, or its
// build-state record matched); everything else in it is unlinked and made again, and whatever the new build
// does not produce is removed at the end (a walk of the spare, so files put there from outside go too).
// Hence the spare needs no state of its own and nothing to invalidate: a build killed while updating it
// leaves a spare that the next build simply brings up to date again. The spare is used under an exclusive
// flock (a second build at the same time falls back to a fresh staging folder), and only when it holds the
// .takao-output marker; without a usable spare the build makes a fresh ".NAME.takao-staging-PID" tree as
// before, and the tree it swaps out becomes the spare.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <sys/stat.h>

#include "core/diagnostics.h"
#include "output/build_state.h"
#include "output/tree_listing.h"

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

  // Takes the spare beside `out_dir` when there is a usable one, else creates an empty staging folder
  // there; first removes staging folders that killed builds left (their process is gone).
  bool begin(const std::string& out_dir, Diagnostics& diags);
  // Thread-safe for distinct paths. `path` is relative to the output root.
  // With `stamp`, also gives what the new file is on disk, for the build state.
  bool write(const std::string& path, std::string_view bytes, DiskStamp* stamp = nullptr);
  bool copy(const std::string& path, const std::string& from);
  // Output reuse: most files of a rebuild are byte for byte what the current site holds. reuse() links
  // `path` from the current site into the staging folder when the file there is a regular file holding
  // exactly `bytes`, and returns false (writing nothing) otherwise. A hard link costs a directory entry:
  // no new inode, no data written, and the file keeps its old modification time, so a web host's ETag
  // and Last-Modified stay the same for what did not change. The current site is only read.
  bool reuse(const std::string& path, std::string_view bytes, DiskStamp* stamp = nullptr);
  // Links `path` from the current site if it is a regular file there: for the .gz/.br twins of a file
  // reuse() linked (any valid compression of the same bytes is as good as a new one).
  bool reuse_twin(const std::string& path, DiskStamp* stamp = nullptr);
  // Links `path` from the current site when it is still the very file the build state recorded (same
  // inode, size and modification time): the build state vouches for its bytes, so they are not read.
  // A file changed or replaced since is not trusted: false, and the caller makes it afresh.
  bool reuse_recorded(const std::string& path, const DiskStamp& recorded);
  // Durability, before commit(): every file this build wrote (write(), and copy() when it could not link)
  // reaches the disk (fdatasync; their writeback was started by write() as each was written), then every
  // folder of the staging tree (fsync: all of them are new, and their entries, written or linked, are the
  // tree). Linked files are not synced: their data was made durable by the build that wrote them. Runs on
  // `threads` threads: the calls mostly wait for the disk. False (and failed()) when one fails.
  // With a spare: first removes from it what this build did not produce (prune()), then syncs only the files
  // written and the folders whose entries changed.
  bool sync(int threads);
  // Atomically exchanges the staging folder with the output folder (renameat2 RENAME_EXCHANGE), calls
  // `after_swap` (the build state's rename into the same parent folder), makes the renames durable (fsync
  // of the parent folder), then removes the old site.
  // The swapped-out tree is kept as the spare when it holds the marker (and no spare is there yet).
  bool commit(Diagnostics& diags, const std::function<void()>& after_swap = {});

  const std::string& dir() const { return staging_; }
  bool failed() const { return failed_; }
  size_t reused() const { return reused_; }  // files linked from the current site, or already in the spare
  size_t kept() const { return kept_; }      // of those, already in the spare: not linked
  bool spare() const { return spare_; }      // this build updates the spare in place
  // Spare folder name beside `out_dir`.
  static std::string spare_for(const std::string& out_dir);
  const std::string& failure() const { return failure_; }
  // After sync() of a spare: every folder and entry of the tree as the prune left it, for the tree record
  // (nothing writes into the tree after it); null when the spare was not used or the walk missed anything.
  TreeListing* listing() { return listing_ ? &*listing_ : nullptr; }

 private:
  void fail(const std::string& message);
  // Removes the spare's entries this build did not produce (their folders count as changed) and lists what
  // stays in listing_.
  void prune(int threads);
  // Removes whatever is at `full` in the spare (a file, a symlink, a folder); false on failure.
  bool clear(const std::string& full);
  void changed(const std::string& folder);  // an entry of `folder` was added or removed
  // `full` is a file of the new site; `st`: what it is now, when the caller just looked (the prune lists it
  // without looking again).
  void produced(std::string full, const struct stat* st = nullptr);
  bool ensure_parent(const std::string& full);
  bool link_from_site(const std::string& path, const struct stat* expected, DiskStamp* stamp = nullptr,
                      const DiskStamp* recorded = nullptr);

  std::string out_;
  std::string staging_;
  // Folders of the staging folder known to exist: a site has one folder for every three to six files, and
  // asking the file system about the parent before each file was a fifth of the write's system calls.
  std::mutex folders_mutex_;
  std::unordered_set<std::string> folders_;
  std::atomic<size_t> reused_{0}, kept_{0};
  bool spare_ = false;   // staging_ is the spare, brought up to date in place
  int spare_lock_ = -1;  // the spare folder, open and flock'ed
  // With a spare: the folders whose entries changed (for sync()) and every file produced (for prune()).
  std::mutex changed_mutex_;
  std::unordered_set<std::string> changed_;
  std::vector<std::pair<std::string, std::optional<EntryStamp>>> produced_;
  // Files this build wrote, for sync().
  std::mutex written_mutex_;
  std::vector<std::string> written_;
  // Folders begin() made to hold the output folder: their parents' entries must reach the disk too.
  std::vector<std::string> made_ancestors_;
  mode_t file_mode_ = 0644;  // the permissions write() gives a file (0644 less the umask)
  bool have_site_ = false;  // out_ holds a site made by takao, to reuse files from
  bool committed_ = false;
  bool failed_ = false;
  std::string failure_;
  std::optional<TreeListing> listing_;
};

}  // namespace takao
