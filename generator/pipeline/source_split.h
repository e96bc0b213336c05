// What a view can read of a source file without reading a body. Each file splits where its body starts
// into its "skeleton" (path and front matter; the whole text for files that are not Markdown documents,
// such as site.yaml and the glossary tables, whose entries are their body) and its body. A page's view
// reads bodies only through note_body_read (render/view_parts.h), so when no skeleton changed, a page
// whose view read none of the changed bodies is the page it was: both builders (pipeline/build and the
// preview's pipeline/incremental) skip it on that ground.
#pragma once
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "output/content_digest.h"
#include "source/source_file.h"

namespace takao {

// Markdown documents: a body apart from front matter (not site.yaml, attachments, glossary tables).
bool is_markdown_kind(FileKind k);

struct FileSplit {
  Digest skeleton{}, body{};
  size_t at = 0;         // bytes in the skeleton
  bool at_line = false;  // the skeleton ends with a newline: text with the same first `at` bytes has the
                         // same front matter (otherwise "---" could grow into "----")
};

// `body_offset`: where the front matter parser found the body (nullopt when it did not parse). An
// attachment's bytes are copied, never read by a view: only its existence counts.
FileSplit split_file(const SourceFile& f, std::optional<size_t> body_offset);

// The splits of every source file of one build, gathered as the model reads them (from many threads).
class SourceSplits {
 public:
  void add(const SourceFile& f, std::optional<size_t> body_offset);
  // One digest of every file's path, kind and skeleton, with `extra` (what else views read that is not a
  // source: today's date, the PDFs' facts).
  // With `which`: of the files of the kinds it accepts only (the glossary's, for the lookup index).
  Digest skeleton(const std::string& extra, bool (*which)(FileKind) = nullptr) const;
  // The path and kind of every file, and the skeleton of those whose kind `with_skeleton` accepts.
  Digest paths_and_skeletons(bool (*with_skeleton)(FileKind)) const;
  // The Markdown documents (their Chinese source path, as Document::source_path and the body reads name
  // them) whose body, or whose English twin's body, differs from `previous_body(path)` (nullopt: unknown).
  template <typename Previous>
  std::set<std::string> changed_bodies(const Previous& previous_body) const {
    std::set<std::string> changed;
    std::lock_guard lock(mutex_);
    for (const auto& [path, f] : files_) {
      std::optional<Digest> was = previous_body(path);
      if (!was || *was != f.split.body) changed.insert(f.document);
    }
    return changed;
  }
  // By document (the Chinese source path), the digest of the paths, kinds and skeletons of its files (the
  // Chinese one and its English twin).
  std::map<std::string, Digest> document_skeletons() const;
  // Each file's body digest, by path.
  std::map<std::string, Digest> bodies() const;
  // The digest of all the bytes the build read of `path` (content-relative), if it read that file (not an
  // attachment, copied later).
  std::optional<Digest> content(const std::string& path) const;

 private:
  struct File {
    FileKind kind;
    std::string document;
    FileSplit split;
    std::optional<Digest> whole;  // none for attachments: their bytes are copied later, not read here
  };
  mutable std::mutex mutex_;
  std::map<std::string, File> files_;
};

}  // namespace takao
