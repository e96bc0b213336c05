// What `takao check` answers from (issue 15): a successful `takao build` leaves `.NAME.takao-check` beside
// its output folder NAME, saying "these sources, under this key, gave these warnings and these counts". A
// check of the same site whose key is the same and whose content and theme folders are still exactly the
// files recorded replays that answer without reading a source.
//
// Why a record of its own rather than the build state (`.NAME.takao-state`): the state describes outputs and
// is loaded in full (14 MB at 10,000 pages); the check only needs the inputs' stamps and the diagnostics, a
// few hundred kilobytes that read in milliseconds. The record is a pure memo of (key, source stamps) ->
// answer, so it stays true whatever happens to the output folder, and a failed build (which leaves it in
// place) cannot make it wrong: sources that failed differ from the recorded ones.
//
// When the record is not trusted (a full check instead; correctness first):
// - it is missing, unreadable, damaged (checksum), of another format version, or was made under another key:
//   the program (/proc/self/exe's identity, as the build state's key), the current folder, the content and
//   theme folders as given and as resolved, drafts, the base-URL override, and today's date (scheduled pages
//   appear on their day);
// - a fresh walk of the content and theme folders finds another list of files, or any file with another
//   stamp (size, inode, modification time in ns, and mode: a file made unreadable changes only its mode;
//   symbolic links by their own stamp and their target's);
// - a recorded file is "racy" (as git calls it): modified within 2 s before the build started or later. An
//   edit made while the build was reading, or within the file system's timestamp granularity, could leave
//   a stamp that does not tell the version the build read from the one on disk. Unless the record holds
//   the digest of the bytes the build read of it and the file holds them still (read and compared). The stamps themselves are
//   taken before any source is read, so a file replaced during the build (even with an old mtime, as rsync
//   does) differs from its record.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "output/content_digest.h"

namespace takao {

struct BuildConfig;
struct BuildStats;

// One file found under the content or theme folder, as lstat (and for a symbolic link, stat) found it.
struct SourceStamp {
  std::string path;  // "content/journal/001/_index.md": the folder as given, then the path below it
  uint64_t size = 0, inode = 0, mode = 0;
  int64_t mtime_ns = 0;
  bool link = false;
  uint64_t target_size = 0, target_inode = 0, target_mode = 0;  // links only; all zero when dangling
  int64_t target_mtime_ns = 0;
  bool operator==(const SourceStamp&) const = default;
};

// The inputs of a check as they are now: the key and every file's stamp.
struct SourceSnapshot {
  bool ok = false;         // false when a folder could not be walked: never recorded, never trusted
  int64_t started_ns = 0;  // wall clock when the snapshot was begun (before the walk, before any read)
  std::string key;         // hex digest
  std::vector<SourceStamp> files;  // sorted by path
};

// `theme_dir` is the resolved one (find_theme_dir), `today` the date the build uses.
SourceSnapshot snapshot_sources(const BuildConfig& config, const std::string& theme_dir, const Date& today);

// ".NAME.takao-check" beside the output folder NAME.
std::string check_record_file(const std::string& out_dir);

// Writes the record of a successful build (temporary file, rename). `diags` are the build's diagnostics,
// taken before any about saving the build's own state. False when it could not be written.
// `content_of(path)`: the digest of the bytes the build read of a file of the snapshot, when it knows them.
// A racy file whose content is known is recorded with it, and trusted later when it still holds those
// bytes (git's answer to racy files), so a build right after an edit does not make the next one run in full.
bool save_check_record(const std::string& out_dir, const SourceSnapshot& snapshot, const std::vector<Diagnostic>& diags,
                       size_t pages, size_t languages,
                       const std::function<std::optional<Digest>(const std::string& path)>& content_of = {});

// What the record of `config.out_dir` answers when it answers for the sources as they are now (the rules
// above), without adding it anywhere; nullopt otherwise.
struct RecordedAnswer {
  std::vector<Diagnostic> diagnostics;
  size_t pages = 0, languages = 0;
  std::string header;  // the record's first line (check_record_header)
  SourceSnapshot sources;                   // as they are now
  std::map<std::string, std::string> racy;  // racy files found to hold what the build read: path -> digest hex
};
std::optional<RecordedAnswer> recorded_answer(const BuildConfig& config, const std::string& theme_dir, const Date& today);

// Writes the record again from an answer whose racy files were found to hold what the build read, when
// some of them are no longer racy at the answer's snapshot (git refreshes its index the same way): each
// of them was otherwise read and digested again at every later answer. Returns the new record's first
// line, "" when nothing was written.
std::string refresh_check_record(const std::string& out_dir, const RecordedAnswer& answer);

// The record's first line (its format and the digest of the rest): names one record of one build. "" when
// there is none.
std::string check_record_header(const std::string& out_dir);

// When the record of `config.out_dir` answers for the sources as they are now: adds its diagnostics to
// `diags`, fills the counts of `stats` and returns true. False (nothing added) for a full check.
bool answer_from_check_record(const BuildConfig& config, const std::string& theme_dir, const Date& today,
                              Diagnostics& diags, BuildStats* stats);

}  // namespace takao
