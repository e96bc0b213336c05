// The build state: what the last successful build made of each output file, kept on disk beside the output
// folder (".NAME.takao-state" next to NAME, never inside it, so it is not published) for the next build.
// Each record holds the digest of what the file was made from (for a page: its view, layout names, theme and
// configuration; for other files: their bytes), what the published file and its .gz/.br twins were on disk
// (size, modification time, inode), and for pages what the link check and the template-variable warning
// need without rendering the page again. A build reuses a page whose digest is unchanged and whose files
// still are what was recorded; anything else is made afresh.
//
// The whole file is one versioned, checksummed blob: a different format, program, theme or configuration
// (`key`), a short read or a bad checksum all load as "no state", which means a full build.
#pragma once
#include <sys/stat.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output/content_digest.h"
#include "output/link_check.h"

namespace takao {

// What a file is on disk; equal stamps mean nothing wrote to it since it was recorded. The mode too: a
// file made unreadable from outside changes nothing else, and a web host could no longer serve it.
struct DiskStamp {
  uint64_t size = 0, inode = 0;
  int64_t mtime_ns = 0;
  uint64_t mode = 0;
  bool present() const { return inode != 0; }
  bool operator==(const DiskStamp&) const = default;
};
DiskStamp stamp_of(const struct stat& st);

struct OutputRecord {
  Digest input{};
  DiskStamp file, gz, br;  // gz/br absent for files without twins
  bool page = false;
  // Pages only. String ids (BuildState::text): the page's element ids (sorted), the files its links were
  // found to exist as (a reuse is valid only while they all still exist), and the sets of template
  // variables the page missed ("template\nname") and resolved.
  std::vector<uint32_t> ids, settled;
  // The links the link check looks at after all pages are in, as encode_links() lays them out: kept as
  // bytes, at a third of the memory of the vectors, for every page of the site in two states at once.
  std::string kept_links;
  uint32_t missed = 0, found = 0;  // BuildState::set ids
  // String ids of the documents (Chinese source paths) whose body the page's view read
  // (pipeline/source_split.h): while no skeleton changed, only a change of one of these bodies reaches it.
  std::vector<uint32_t> body_deps;
  // The digest of the part of the skeleton the page's view reads, for kinds whose views read only a known
  // part (pipeline/view_inputs.h); zero for the others. While it is the same, another skeleton change does
  // not reach the page.
  Digest part{};
};

std::string encode_links(const std::vector<FoundLink>& links);
std::vector<FoundLink> decode_links(std::string_view bytes);  // empty for bytes not made by encode_links

class BuildState {
 public:
  BuildState();
  // ".NAME.takao-state" beside the output folder NAME.
  static std::string file_for(const std::string& out_dir);

  // Reads `file`; false (and an empty state) when it is missing, unreadable, damaged, or was written for
  // another key.
  bool load(const std::string& file, const Digest& key);
  // Writes the records set with put() under `key`, through a temporary file and a rename.
  bool save(const std::string& file, const Digest& key) const;
  // save() in two steps, for a build that must make the state durable with the site it describes:
  // prepare() writes the temporary file ("FILE.tmp-PID") and syncs it to the disk (fdatasync), giving its
  // name (empty on failure); install() renames it over `file` (the caller syncs the folder).
  std::string prepare(const std::string& file, const Digest& key) const;
  static bool install(const std::string& temp, const std::string& file);

  // The last build's record of an output path, or null. Safe from many threads while nothing is put().
  const OutputRecord* previous(const std::string& path) const;
  // The record of this build's output `path`. Not thread-safe.
  void put(const std::string& path, OutputRecord record);
  size_t previous_size() const;

  // A group of outputs made together from one input (the search index from its documents): the digest of
  // that input and the paths made from it. Not thread-safe.
  struct Group {
    Digest input{};
    std::vector<std::string> paths;
  };
  const Group* previous_group(const std::string& name) const;
  void put_group(const std::string& name, Group group) { next_groups_[name] = std::move(group); }

  // What the inputs of the last build were, by name (the site's skeleton, each source file's body), and
  // this build's. Not thread-safe.
  std::optional<Digest> previous_input(const std::string& name) const;
  void put_input(const std::string& name, const Digest& digest) { next_inputs_[name] = digest; }

  // Interned strings and sets of them; thread-safe.
  uint32_t intern(std::string_view s);
  std::vector<uint32_t> intern_all(const std::vector<std::string>& strings);  // one lock for all
  std::string text(uint32_t id) const;
  uint32_t intern_set(std::vector<uint32_t> ids);  // sorted and made unique first
  std::vector<uint32_t> set(uint32_t id) const;
  size_t strings() const;

 private:
  // The last build's records are parsed from the bytes load() kept on their first use: a rebuild makes its
  // search index before it needs them, and parsed they take four times the memory (70 MB on the
  // 10,000-page corpus, at the build's peak).
  void parse_records() const;
  void read_records();
  mutable std::mutex records_mutex_;
  mutable std::atomic<bool> records_pending_{false};
  std::string records_bytes_;

  mutable std::mutex mutex_;
  std::deque<std::string> strings_;
  std::unordered_map<std::string, uint32_t> string_ids_;
  std::deque<std::vector<uint32_t>> sets_;
  std::map<std::vector<uint32_t>, uint32_t> set_ids_;
  std::unordered_map<std::string, OutputRecord> previous_;
  std::map<std::string, OutputRecord> next_;
  std::map<std::string, Group> previous_groups_, next_groups_;
  std::unordered_map<std::string, Digest> previous_inputs_;
  std::map<std::string, Digest> next_inputs_;
};

}  // namespace takao
