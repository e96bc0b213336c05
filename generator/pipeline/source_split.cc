#include "pipeline/source_split.h"

#include <algorithm>

namespace takao {

bool is_markdown_kind(FileKind k) {
  return k != FileKind::site_config && k != FileKind::attachment && k != FileKind::glossary_csv &&
         k != FileKind::glossary_table;
}

FileSplit split_file(const SourceFile& f, std::optional<size_t> body_offset) {
  std::string_view text = f.bytes;
  size_t at = text.size();
  if (f.kind == FileKind::attachment) {
    at = 0;
  } else if (is_markdown_kind(f.kind) && body_offset) {
    at = std::min(*body_offset, text.size());
  }
  return {digest_of(text.substr(0, at)), digest_of(text.substr(at)), at, at > 0 && text[at - 1] == '\n'};
}

void SourceSplits::add(const SourceFile& f, std::optional<size_t> body_offset) {
  File file{f.kind, f.zh_path.empty() ? f.path : f.zh_path, split_file(f, body_offset), std::nullopt};
  if (f.kind != FileKind::attachment) file.whole = digest_of(f.bytes);
  std::lock_guard lock(mutex_);
  files_[f.path] = std::move(file);
}

namespace {
// A file as the skeleton digests name it: its path and kind, and (`with_skeleton`) its skeleton.
void add_file(DigestBuilder& d, const std::string& path, FileKind kind, const Digest& skeleton, bool with_skeleton = true) {
  d.add(path).add(std::to_string(static_cast<int>(kind)));
  if (with_skeleton) d.add(skeleton);
}
}  // namespace

Digest SourceSplits::skeleton(const std::string& extra, bool (*which)(FileKind)) const {
  std::lock_guard lock(mutex_);
  DigestBuilder d;
  d.add(which ? "takao skeleton part 1" : "takao skeleton 1").add(extra);
  for (const auto& [path, f] : files_) {
    if (!which || which(f.kind)) add_file(d, path, f.kind, f.split.skeleton);
  }
  return d.finish();
}

Digest SourceSplits::paths_and_skeletons(bool (*with_skeleton)(FileKind)) const {
  std::lock_guard lock(mutex_);
  DigestBuilder d;
  d.add("takao paths and skeletons 1");
  for (const auto& [path, f] : files_) add_file(d, path, f.kind, f.split.skeleton, with_skeleton(f.kind));
  return d.finish();
}

std::map<std::string, Digest> SourceSplits::document_skeletons() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, DigestBuilder> by_document;
  for (const auto& [path, f] : files_) {  // in path order: a document's files in the same order every build
    if (!is_markdown_kind(f.kind)) continue;
    add_file(by_document[f.document], path, f.kind, f.split.skeleton);
  }
  std::map<std::string, Digest> out;
  for (auto& [document, d] : by_document) out[document] = d.finish();
  return out;
}

std::map<std::string, Digest> SourceSplits::bodies() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, Digest> out;
  for (const auto& [path, f] : files_) out[path] = f.split.body;
  return out;
}

std::optional<Digest> SourceSplits::content(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = files_.find(path);
  return it == files_.end() ? std::nullopt : it->second.whole;
}

}  // namespace takao
