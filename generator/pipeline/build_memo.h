// What takao build remembers between runs (output/build_state.h) and how it decides that an output can be
// kept. Each output file is a pure function of its inputs: a page of its view (the JSON its template gets)
// and layout names; any file of its bytes; and every file of the build key: the program, the theme's
// templates, strings and asset table, and the configuration (base URL, drafts, preview, compression). A
// page whose digest and published files are as recorded is linked from the current site without running
// its templates, compressing it or parsing it for the link check (its recorded ids and links stand in).
//
// Most pages are not even looked at: when no source file's skeleton changed since the last build
// (pipeline/source_split.h), a page whose view read none of the bodies that changed has the view it had,
// so its record stands without building the view (kept()).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "output/build_state.h"
#include "output/content_digest.h"
#include "output/link_check.h"
#include "output/staging.h"
#include "pipeline/source_split.h"
#include "render/template_engine.h"
#include "render/theme.h"

namespace takao {

struct BuildConfig;
struct Document;

// The program itself: a rebuilt takao may render the same view differently, so its file's identity (size,
// inode and modification time of /proc/self/exe) is part of the key (cheaper than hashing the binary, and it
// changes whenever the binary is replaced). Also in the key of the check record (pipeline/check_record).
std::string program_identity();

class BuildMemo {
 public:
  // Loads the state of `config.out_dir` when the build writes and the state was made under the same key;
  // otherwise every lookup misses (a full build).
  BuildMemo(const BuildConfig& config, const Theme& theme, const nlohmann::json& assets);

  bool loaded() const { return loaded_; }
  size_t previous_outputs() const { return state_.previous_size(); }

  Digest page_input(const nlohmann::json& view, const nlohmann::json& layout) const;
  // The last build's record of `path` when it was made from `input` (and, for a page, every file its links
  // were settled by still exists); null otherwise.
  const OutputRecord* unchanged(const std::string& path, const Digest& input, const LinkChecker* links) const;
  // Compares the site's skeleton (`splits` with what else views read, digested as `skeleton`) with the last
  // build's and records this build's. The same: returns the documents whose body changed, and kept() may
  // keep pages; otherwise (or without a state) nullopt, and every view is built but those whose part of
  // the skeleton did not change (kept() with a part). The changed bodies are found in either case.
  std::optional<std::set<std::string>> changed_bodies(const SourceSplits& splits, const Digest& skeleton);
  // The last build's record of page `path` when no skeleton changed (or, with `part`, the part of the
  // skeleton its view reads is the one recorded: pipeline/view_inputs.h), its view read none of the changed
  // bodies and every file its links were settled by still exists; null otherwise (build its view).
  const OutputRecord* kept(const std::string& path, const LinkChecker* links, const std::optional<Digest>& part = {}) const;
  // The documents a view read the body of, as a record keeps them.
  std::vector<uint32_t> body_deps(const std::vector<const Document*>& reads);

  // Links `path` and, when the record has them, its twins from the current site if they are still the files
  // recorded; false when any is not (what was linked is left for the caller to overwrite).
  bool relink(StagingFolder& staging, const std::string& path, const OutputRecord& record) const;
  // The last build's record of `path`, whatever it was made from (to check twins against it).
  const OutputRecord* previous(const std::string& path) const { return loaded_ ? state_.previous(path) : nullptr; }

  // What a page just rendered leaves for the next build: its ids, settled files and kept links (as the link
  // checker has them), and the template names it looked up.
  void record_page(OutputRecord& record, const ParsedPage& parsed, const std::vector<std::string>& settled,
                   const TemplateNames& names);
  // What a reused page recorded: for the link checker and the template-variable warning.
  ParsedPage parsed_page(const OutputRecord& record) const;
  void add_names(const OutputRecord& record, TemplateEngine& engine);

  void put(const std::string& path, OutputRecord record) { state_.put(path, std::move(record)); }

  // Outputs made together from one input (the search index from the search documents): when `input` is
  // the group's recorded one and every file of it is still as recorded, links them all from the current
  // site, records them, and gives their paths; false otherwise (the caller makes the group). `jobs` threads.
  bool relink_group(StagingFolder& staging, const std::string& name, const Digest& input,
                    std::vector<std::string>& paths, size_t& files, int jobs);
  // The same in two steps, for many small groups relinked on the caller's threads: relink_group_files
  // links the files (thread-safe, records nothing), adopt_group records them (one thread).
  struct KeptGroup {
    std::vector<std::string> paths;
    std::vector<const OutputRecord*> records;  // the last build's, by path
    size_t files = 0;                          // with compressed twins
  };
  std::optional<KeptGroup> relink_group_files(StagingFolder& staging, const std::string& name, const Digest& input,
                                              int jobs) const;
  void adopt_group(const std::string& name, const Digest& input, const KeptGroup& kept);
  void put_group(const std::string& name, const Digest& input, std::vector<std::string> paths);
  // Writes the state for the next build in two steps around the swap (see run_build): prepare_save() puts
  // it in a temporary file beside the output and on the disk, before the swap; finish_save() renames it
  // into place, right after. A prepared state never installed is removed with the memo.
  bool prepare_save();
  bool finish_save();
  ~BuildMemo();

 private:
  std::string file_;
  std::string prepared_;  // the temporary file prepare_save() wrote
  Digest key_{};
  bool write_ = false;
  bool loaded_ = false;
  BuildState state_;
  // For each string id of the loaded state: whether it names a file the link check knows this build
  // (filled lazily by unchanged(), guarded by the mutex).
  mutable std::mutex known_mutex_;
  mutable std::vector<signed char> known_;
  std::vector<bool> names_added_;  // name sets already given to the engine
  // Whether no skeleton changed (changed_bodies), and the string ids of the documents whose body did.
  bool same_skeleton_ = false;
  std::unordered_set<uint32_t> changed_ids_;
  bool settled_still_exist(const OutputRecord& rec, const LinkChecker* links) const;
};

}  // namespace takao
