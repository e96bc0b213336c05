// A rebuild with nothing to do (issue 15), as Ninja answers "no work to do": a successful `takao build`
// leaves, beside its check record, `.NAME.takao-tree`, the stamp of every file and folder of the output
// folder NAME as the swap left it. The next build whose sources are the ones the check record names
// (pipeline/check_record: same key, same files with the same stamps, none racy) and whose output folder
// is still exactly that tree has nothing to make: a clean build would write the very same bytes. It
// replays the recorded warnings and stops, without reading a source, loading the build state or touching
// the spare tree.
//
// Why both records must agree: the tree record names the check record it was written with (the check
// record's first line, which holds the digest of its body), so a tree record of one build is never
// taken with the sources of another. It is removed before each swap and written after the check record,
// so a build killed in between leaves no tree record, and the next build runs in full.
//
// Sources the check record holds as racy (modified within 2 s of the build that read them) are trusted by
// their content, read and digested again; once they are old enough the answer records them again by their
// stamps (check record, then this record naming it), so that only the first rebuild after an edit pays
// for reading them.
//
// What the output is checked for: every recorded entry's size, inode, modification time and mode (lstat),
// so a file edited, replaced, removed or made unreadable from outside is noticed; every folder's too, so a
// file added or renamed inside it changes the folder's modification time. Anything different and the
// build runs in full, which repairs the tree (output/staging.h). The stamps are the build state's own
// trust: a write that keeps a file's size, inode and modification time is not seen by either.
#pragma once
#include <string>

#include "core/date.h"
#include "core/diagnostics.h"
#include "output/tree_listing.h"

namespace takao {

struct BuildConfig;
struct BuildStats;

// ".NAME.takao-tree" beside the output folder NAME.
std::string tree_record_file(const std::string& out_dir);

// Before a swap: the tree record of the site being replaced no longer holds.
void forget_tree_record(const std::string& out_dir);

// After a successful build's swap and its check record: records the live output folder, from `listing` when
// given (what the spare's prune saw of it, output/staging.h; taken), else walked on `jobs` threads. False
// (and no record) when it could not be written.
bool save_tree_record(const BuildConfig& config, int jobs, TreeListing* listing = nullptr);

// When the sources are those the check record names and the output is the tree recorded with it: adds the
// recorded diagnostics to `diags`, fills `stats` (nothing written, every page and file kept) and returns
// true. False (nothing added) when the build must run.
bool answer_from_tree_record(const BuildConfig& config, const std::string& theme_dir, const Date& today, int jobs,
                             Diagnostics& diags, BuildStats* stats);

}  // namespace takao
