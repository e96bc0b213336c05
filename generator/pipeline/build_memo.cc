#include "pipeline/build_memo.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>

#include "core/parallel.h"
#include "model/site.h"
#include "pipeline/build.h"

namespace takao {

std::string program_identity() {
  struct stat st;
  if (::stat("/proc/self/exe", &st) != 0) return "unknown program";
  DiskStamp f = stamp_of(st);
  return std::to_string(f.size) + " " + std::to_string(f.inode) + " " + std::to_string(f.mtime_ns);
}

BuildMemo::BuildMemo(const BuildConfig& config, const Theme& theme, const nlohmann::json& assets)
    : write_(config.write) {
  DigestBuilder key;
  key.add("takao build memo 1").add(program_identity());
  for (const auto& [name, text] : theme.templates) key.add(name).add(text);
  key.add(theme.strings_zh.dump()).add(theme.strings_en.dump()).add(assets.dump());
  key.add(config.base_url).add(config.drafts ? "drafts" : "").add(config.preview ? "preview" : "");
  key.add(config.compress ? "compress" : "");
  key_ = key.finish();
  if (!write_) return;  // takao check: nothing to reuse, nothing to record
  file_ = BuildState::file_for(config.out_dir);
  loaded_ = state_.load(file_, key_);
}

Digest BuildMemo::page_input(const nlohmann::json& view, const nlohmann::json& layout) const {
  // MessagePack rather than dump(): the same tree in fewer bytes, strings copied without escaping (dump's
  // escaping was the third-largest symbol in a profile of an unchanged rebuild of the 10,000-page corpus).
  // Objects keep their keys in map order, so the bytes are deterministic.
  thread_local std::vector<uint8_t> bytes;
  bytes.clear();
  nlohmann::json::to_msgpack(view, bytes);
  nlohmann::json::to_msgpack(layout, bytes);
  return DigestBuilder().add(key_).add(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())).finish();
}

const OutputRecord* BuildMemo::unchanged(const std::string& path, const Digest& input, const LinkChecker* links) const {
  const OutputRecord* rec = previous(path);
  if (!rec || rec->input != input) return nullptr;
  if (rec->page != (links != nullptr)) return nullptr;
  return settled_still_exist(*rec, links) ? rec : nullptr;
}

bool BuildMemo::settled_still_exist(const OutputRecord& rec, const LinkChecker* links) const {
  if (rec.settled.empty()) return true;
  // The page's links to these files were settled because they existed; if one is gone, the page is
  // rendered and parsed again so that the link check reports it exactly as a clean build would.
  std::lock_guard lock(known_mutex_);
  for (uint32_t id : rec.settled) {
    if (id >= known_.size()) known_.resize(state_.strings(), -1);
    if (known_[id] < 0) known_[id] = links->knows_file(state_.text(id));
    if (!known_[id]) return false;
  }
  return true;
}

std::optional<std::set<std::string>> BuildMemo::changed_bodies(const SourceSplits& splits, const Digest& skeleton) {
  if (!write_) return std::nullopt;
  std::optional<Digest> was = loaded_ ? state_.previous_input("skeleton") : std::nullopt;
  std::map<std::string, Digest> bodies = splits.bodies();
  state_.put_input("skeleton", skeleton);
  for (const auto& [path, digest] : bodies) state_.put_input("body " + path, digest);
  if (!loaded_) return std::nullopt;
  std::set<std::string> changed = splits.changed_bodies([&](const std::string& path) { return state_.previous_input("body " + path); });
  for (const auto& doc : changed) changed_ids_.insert(state_.intern(doc));
  if (!was || *was != skeleton) return std::nullopt;
  same_skeleton_ = true;
  return changed;
}

const OutputRecord* BuildMemo::kept(const std::string& path, const LinkChecker* links, const std::optional<Digest>& part) const {
  if (!same_skeleton_ && !part) return nullptr;
  const OutputRecord* rec = previous(path);
  if (!rec || !rec->page) return nullptr;
  if (!same_skeleton_ && rec->part != *part) return nullptr;
  for (uint32_t id : rec->body_deps) {
    if (changed_ids_.count(id)) return nullptr;
  }
  return settled_still_exist(*rec, links) ? rec : nullptr;
}

std::vector<uint32_t> BuildMemo::body_deps(const std::vector<const Document*>& reads) {
  std::vector<std::string> paths;
  for (const Document* d : reads) paths.push_back(d->source_path);
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return state_.intern_all(paths);
}

bool BuildMemo::relink(StagingFolder& staging, const std::string& path, const OutputRecord& record) const {
  if (!staging.reuse_recorded(path, record.file)) return false;
  if (record.gz.present() && !staging.reuse_recorded(path + ".gz", record.gz)) return false;
  if (record.br.present() && !staging.reuse_recorded(path + ".br", record.br)) return false;
  return true;
}

void BuildMemo::record_page(OutputRecord& record, const ParsedPage& parsed, const std::vector<std::string>& settled,
                            const TemplateNames& names) {
  record.page = true;
  record.ids = state_.intern_all(parsed.ids);
  record.settled = state_.intern_all(settled);
  record.kept_links = encode_links(parsed.links);
  std::vector<std::string> missed_names;
  for (const auto& [tmpl, name] : names.missed) missed_names.push_back(tmpl + "\n" + name);
  std::vector<uint32_t> missed = state_.intern_all(missed_names);
  std::vector<uint32_t> found = state_.intern_all(std::vector<std::string>(names.found.begin(), names.found.end()));
  record.missed = state_.intern_set(std::move(missed));
  record.found = state_.intern_set(std::move(found));
}

ParsedPage BuildMemo::parsed_page(const OutputRecord& record) const {
  ParsedPage parsed;
  for (uint32_t id : record.ids) parsed.ids.push_back(state_.text(id));
  std::sort(parsed.ids.begin(), parsed.ids.end());
  parsed.links = decode_links(record.kept_links);
  return parsed;
}

void BuildMemo::add_names(const OutputRecord& record, TemplateEngine& engine) {
  // Pages share a few distinct sets: each is handed over once.
  for (uint32_t set : {record.missed, record.found}) {
    if (set < names_added_.size() && names_added_[set]) continue;
    if (set >= names_added_.size()) names_added_.resize(set + 1);
    names_added_[set] = true;
    TemplateNames names;
    for (uint32_t id : state_.set(set)) {
      std::string s = state_.text(id);
      if (set == record.missed) {
        size_t nl = s.find('\n');
        if (nl != std::string::npos) names.missed.insert({s.substr(0, nl), s.substr(nl + 1)});
      } else {
        names.found.insert(std::move(s));
      }
    }
    engine.add_names(names);
  }
}

bool BuildMemo::relink_group(StagingFolder& staging, const std::string& name, const Digest& input,
                             std::vector<std::string>& paths, size_t& files, int jobs) {
  std::optional<KeptGroup> kept = relink_group_files(staging, name, input, jobs);
  if (!kept) return false;
  adopt_group(name, input, *kept);
  paths = std::move(kept->paths);
  files = kept->files;
  return true;
}

std::optional<BuildMemo::KeptGroup> BuildMemo::relink_group_files(StagingFolder& staging, const std::string& name,
                                                                  const Digest& input, int jobs) const {
  const BuildState::Group* group = loaded_ ? state_.previous_group(name) : nullptr;
  if (!group || group->input != input) return std::nullopt;
  // On the threads: a group may hold hundreds of files (the search index), each a link or a stat. What was linked before a file failed is overwritten when the group is made.
  KeptGroup kept;
  kept.records.resize(group->paths.size());
  std::atomic<bool> failed{false};
  parallel_for(group->paths.size(), jobs, [&](size_t i) {
    if (failed) return;
    kept.records[i] = state_.previous(group->paths[i]);
    if (!kept.records[i] || !relink(staging, group->paths[i], *kept.records[i])) failed = true;
  });
  if (failed) return std::nullopt;
  kept.paths = group->paths;
  for (const OutputRecord* r : kept.records) kept.files += 1 + r->gz.present() + r->br.present();
  return kept;
}

void BuildMemo::adopt_group(const std::string& name, const Digest& input, const KeptGroup& kept) {
  for (size_t i = 0; i < kept.paths.size(); ++i) state_.put(kept.paths[i], *kept.records[i]);
  put_group(name, input, kept.paths);
}

void BuildMemo::put_group(const std::string& name, const Digest& input, std::vector<std::string> paths) {
  state_.put_group(name, {input, std::move(paths)});
}

bool BuildMemo::prepare_save() {
  if (!write_) return false;
  prepared_ = state_.prepare(file_, key_);
  return !prepared_.empty();
}

bool BuildMemo::finish_save() {
  if (prepared_.empty()) return false;
  bool ok = BuildState::install(prepared_, file_);
  prepared_.clear();
  return ok;
}

BuildMemo::~BuildMemo() {
  if (!prepared_.empty()) std::remove(prepared_.c_str());
}

}  // namespace takao
