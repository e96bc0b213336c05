#include "pipeline/check_record.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "output/content_digest.h"
#include "pipeline/build.h"
#include "core/disk.h"
#include "pipeline/build_memo.h"
#include "pipeline/record_file.h"
#include "source/source_file.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

constexpr const char* kFormat = "TAKAO-CHECK 1";
// A file modified this close before the build started (or later) is racy: its stamp may not tell the
// version the build read. Two seconds covers file systems with coarse timestamps (FAT: 2 s).
constexpr int64_t kRacyNs = 2'000'000'000;

bool is_racy(const SourceStamp& s, int64_t started_ns) {
  return s.mtime_ns >= started_ns - kRacyNs || (s.link && s.target_mtime_ns >= started_ns - kRacyNs);
}

int64_t wall_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int64_t mtime_ns(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// Every file under `root` as the source loader and the theme loader find them: no symbolic link to a
// folder is followed. A link is recorded by its own stamp and its target's: the content loader reports
// links as errors, the theme loader skips them, and either way a changed link or target changes the
// record. Each folder is read through its descriptor and its entries looked at by name in it (one path
// lookup each, not one per component of the whole path).
bool walk_folder(int fd, const std::string& prefix, std::vector<SourceStamp>& out) {
  DIR* d = ::fdopendir(fd);
  if (!d) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    std::string path = prefix + e->d_name;
    struct stat st;
    if (::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      ok = false;  // gone while walking: do not trust anything
      break;
    }
    if (S_ISDIR(st.st_mode)) {
      int child = ::openat(::dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0 || !walk_folder(child, path + "/", out)) {
        ok = false;
        break;
      }
      continue;
    }
    SourceStamp s;
    s.path = std::move(path);
    s.size = static_cast<uint64_t>(st.st_size);
    s.inode = static_cast<uint64_t>(st.st_ino);
    s.mode = st.st_mode;
    s.mtime_ns = mtime_ns(st);
    if (S_ISLNK(st.st_mode)) {
      s.link = true;
      struct stat target;
      if (::fstatat(::dirfd(d), e->d_name, &target, 0) == 0) {
        s.target_size = static_cast<uint64_t>(target.st_size);
        s.target_inode = static_cast<uint64_t>(target.st_ino);
        s.target_mode = target.st_mode;
        s.target_mtime_ns = mtime_ns(target);
      }
    }
    out.push_back(std::move(s));
  }
  ::closedir(d);
  return ok;
}

// Paths as the loaders name them: the folder as given, then the path below it ("content/journal/x.md").
bool walk(const std::string& root, std::vector<SourceStamp>& out) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  return walk_folder(fd, root.empty() || root.back() == '/' ? root : root + "/", out);
}

std::string key_for(const BuildConfig& config, const std::string& theme_dir, const Date& today) {
  std::error_code ec;
  std::string cwd = fs::current_path(ec).string();
  DigestBuilder key;
  key.add("takao check record 1").add(program_identity()).add(cwd);
  key.add(config.content_dir).add(config.theme_dir).add(theme_dir);
  key.add(config.drafts ? "drafts" : "").add(config.preview ? "preview" : "").add(config.base_url).add(today.iso());
  return digest_hex(key.finish());
}

nlohmann::json stamp_json(const SourceStamp& s) {
  nlohmann::json a = {s.path, s.size, s.inode, s.mode, s.mtime_ns};
  if (s.link) {
    a.push_back(s.target_size), a.push_back(s.target_inode), a.push_back(s.target_mode), a.push_back(s.target_mtime_ns);
  }
  return a;
}

SourceStamp stamp_from(const nlohmann::json& a) {
  SourceStamp s;
  s.path = a.at(0).get<std::string>();
  s.size = a.at(1).get<uint64_t>();
  s.inode = a.at(2).get<uint64_t>();
  s.mode = a.at(3).get<uint64_t>();
  s.mtime_ns = a.at(4).get<int64_t>();
  if (a.size() == 9) {
    s.link = true;
    s.target_size = a.at(5).get<uint64_t>();
    s.target_inode = a.at(6).get<uint64_t>();
    s.target_mode = a.at(7).get<uint64_t>();
    s.target_mtime_ns = a.at(8).get<int64_t>();
  } else if (a.size() != 5) {
    throw std::runtime_error("bad stamp");
  }
  return s;
}

// The record's JSON when the file is whole and of this format; null otherwise.
nlohmann::json load(const std::string& file, std::string* header = nullptr) {
  std::optional<std::string> body = read_record_file(file, kFormat, header);
  if (!body) return nullptr;
  nlohmann::json record = nlohmann::json::parse(*body, nullptr, false);
  return record.is_discarded() || !record.is_object() ? nullptr : record;
}

}  // namespace

SourceSnapshot snapshot_sources(const BuildConfig& config, const std::string& theme_dir, const Date& today) {
  SourceSnapshot snap;
  snap.started_ns = wall_clock_ns();
  snap.key = key_for(config, theme_dir, today);
  snap.ok = walk(config.content_dir, snap.files) && walk(theme_dir, snap.files);
  std::sort(snap.files.begin(), snap.files.end(), [](const SourceStamp& a, const SourceStamp& b) { return a.path < b.path; });
  return snap;
}

std::string check_record_file(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + ".takao-check")).string();
}

namespace {

// `racy_hex(path)`: the digest (hex) of what the build read of a racy file, when known.
bool write_check_record(const std::string& out_dir, const SourceSnapshot& snapshot, const std::vector<Diagnostic>& diags,
                        size_t pages, size_t languages,
                        const std::function<std::optional<std::string>(const std::string& path)>& racy_hex) {
  std::string file = check_record_file(out_dir);
  if (!snapshot.ok) return true;  // no record of these sources; one of older sources is still true
  nlohmann::json record;
  record["key"] = snapshot.key;
  record["started_ns"] = snapshot.started_ns;
  record["pages"] = pages;
  record["languages"] = languages;
  nlohmann::json& files = record["files"] = nlohmann::json::array();
  for (const auto& s : snapshot.files) files.push_back(stamp_json(s));
  nlohmann::json& racy = record["racy"] = nlohmann::json::object();
  for (const auto& s : snapshot.files) {
    if (!is_racy(s, snapshot.started_ns) || s.link) continue;
    if (std::optional<std::string> hex = racy_hex(s.path)) racy[s.path] = *hex;
  }
  nlohmann::json& list = record["diagnostics"] = nlohmann::json::array();
  for (const auto& d : diags) {
    list.push_back({d.path, d.line, d.col, d.severity == Severity::error ? "error" : "warning", d.message});
  }
  return write_record_file(file, kFormat, record.dump());
}

}  // namespace

bool save_check_record(const std::string& out_dir, const SourceSnapshot& snapshot, const std::vector<Diagnostic>& diags,
                       size_t pages, size_t languages,
                       const std::function<std::optional<Digest>(const std::string& path)>& content_of) {
  return write_check_record(out_dir, snapshot, diags, pages, languages, [&](const std::string& path) -> std::optional<std::string> {
    if (!content_of) return std::nullopt;
    std::optional<Digest> d = content_of(path);
    if (!d) return std::nullopt;
    return digest_hex(*d);
  });
}

std::string refresh_check_record(const std::string& out_dir, const RecordedAnswer& answer) {
  size_t still_racy = 0;
  for (const auto& s : answer.sources.files) still_racy += answer.racy.count(s.path) && is_racy(s, answer.sources.started_ns);
  if (still_racy == answer.racy.size()) return "";
  bool written = write_check_record(out_dir, answer.sources, answer.diagnostics, answer.pages, answer.languages,
                                    [&](const std::string& path) -> std::optional<std::string> {
                                      auto it = answer.racy.find(path);
                                      if (it == answer.racy.end()) return std::nullopt;
                                      return it->second;
                                    });
  return written ? check_record_header(out_dir) : "";
}

std::optional<RecordedAnswer> recorded_answer(const BuildConfig& config, const std::string& theme_dir, const Date& today) {
  RecordedAnswer answer;
  nlohmann::json record = load(check_record_file(config.out_dir), &answer.header);
  if (record.is_null()) return std::nullopt;
  try {
    if (record.at("key").get<std::string>() != key_for(config, theme_dir, today)) return std::nullopt;
    int64_t started = record.at("started_ns").get<int64_t>();
    std::vector<SourceStamp> recorded;
    std::vector<std::pair<std::string, std::string>> to_read;  // racy files recorded with their content
    const nlohmann::json racy = record.value("racy", nlohmann::json::object());
    for (const auto& a : record.at("files")) {
      recorded.push_back(stamp_from(a));
      const SourceStamp& s = recorded.back();
      if (!is_racy(s, started)) continue;
      auto known = racy.find(s.path);
      if (known == racy.end() || !known->is_string()) return std::nullopt;
      to_read.emplace_back(s.path, known->get<std::string>());
    }
    SourceSnapshot now = snapshot_sources(config, theme_dir, today);
    if (!now.ok || now.files != recorded) return std::nullopt;
    answer.sources = std::move(now);
    for (const auto& [path, hex] : to_read) {
      // As the loader read it (line ends normalised), which is what the digest was taken of.
      std::optional<std::string> bytes = RealDisk().read(path);
      if (!bytes || digest_hex(digest_of(normalise_text(std::move(*bytes)))) != hex) return std::nullopt;
      answer.racy[path] = hex;
    }
    for (const auto& d : record.at("diagnostics")) {
      Diagnostic diag;
      diag.path = d.at(0).get<std::string>();
      diag.line = d.at(1).get<int>();
      diag.col = d.at(2).get<int>();
      diag.severity = d.at(3).get<std::string>() == "error" ? Severity::error : Severity::warning;
      diag.message = d.at(4).get<std::string>();
      answer.diagnostics.push_back(std::move(diag));
    }
    answer.pages = record.at("pages").get<size_t>();
    answer.languages = record.at("languages").get<size_t>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // a record of another shape: a full check
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  return answer;
}

std::string check_record_header(const std::string& out_dir) {
  std::string header;
  read_record_file(check_record_file(out_dir), kFormat, &header);
  return header;
}

bool answer_from_check_record(const BuildConfig& config, const std::string& theme_dir, const Date& today,
                              Diagnostics& diags, BuildStats* stats) {
  std::optional<RecordedAnswer> answer = recorded_answer(config, theme_dir, today);
  if (!answer) return false;
  for (auto& d : answer->diagnostics) diags.add(std::move(d));
  if (stats) {
    stats->pages = answer->pages;
    stats->languages = answer->languages;
    stats->files = 0;  // a check writes nothing, as a full check reports
    stats->from_check_record = true;
  }
  return true;
}

}  // namespace takao
