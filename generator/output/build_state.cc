#include "output/build_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/disk.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

constexpr std::string_view kMagic = "TAKAO-STATE 5\n";  // the format's version: change it with the layout

class Writer {
 public:
  void u(uint64_t v) {
    while (v >= 0x80) out += static_cast<char>((v & 0x7f) | 0x80), v >>= 7;
    out += static_cast<char>(v);
  }
  void s(std::string_view v) { u(v.size()), out.append(v); }
  void d(const Digest& v) { out.append(reinterpret_cast<const char*>(v.data()), v.size()); }
  void stamp(const DiskStamp& f) { u(f.size), u(f.inode), u(static_cast<uint64_t>(f.mtime_ns)), u(f.mode); }
  std::string out;
};

// Every read is bounds-checked; after a failed one `ok` stays false and the rest read zeros.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t u() {
    uint64_t v = 0;
    for (int shift = 0; ok && shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return ok = false, 0;
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return ok = false, 0;
  }
  std::string_view s() {
    uint64_t n = u();
    if (!ok || n > in_.size() - pos_) return ok = false, std::string_view();
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  Digest d() {
    Digest v{};
    if (in_.size() - pos_ < v.size()) return ok = false, v;
    std::copy_n(in_.data() + pos_, v.size(), v.begin());
    pos_ += v.size();
    return v;
  }
  DiskStamp stamp() {
    DiskStamp f;
    f.size = u(), f.inode = u(), f.mtime_ns = static_cast<int64_t>(u()), f.mode = u();
    return f;
  }
  // An id into a table of `limit` entries.
  uint32_t id(size_t limit) {
    uint64_t v = u();
    if (v >= limit) ok = false;
    return ok ? static_cast<uint32_t>(v) : 0;
  }
  bool done() const { return pos_ == in_.size(); }
  // What is left, all of it read.
  std::string_view rest() {
    std::string_view v = in_.substr(pos_);
    pos_ = in_.size();
    return v;
  }
  bool ok = true;

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

std::string encode_links(const std::vector<FoundLink>& links) {
  Writer w;
  w.u(links.size());
  for (const auto& link : links) w.s(link.href), w.s(link.element), w.u(static_cast<uint64_t>(link.html_line)), w.u(link.in_body);
  return std::move(w.out);
}

std::vector<FoundLink> decode_links(std::string_view bytes) {
  if (bytes.empty()) return {};
  Reader r(bytes);
  std::vector<FoundLink> links(r.u());
  for (auto& link : links) {
    if (!r.ok) break;
    link.href = r.s(), link.element = r.s();
    link.html_line = static_cast<int>(r.u());
    link.in_body = r.u() != 0;
  }
  if (!r.ok || !r.done()) return {};
  return links;
}

DiskStamp stamp_of(const struct stat& st) {
  DiskStamp f;
  f.size = static_cast<uint64_t>(st.st_size);
  f.inode = static_cast<uint64_t>(st.st_ino);
  f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  f.mode = st.st_mode;
  return f;
}

BuildState::BuildState() {
  intern("");      // id 0: no string
  intern_set({});  // id 0: the empty set
}

std::string BuildState::file_for(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return (out.parent_path() / ("." + out.filename().string() + ".takao-state")).string();
}

uint32_t BuildState::intern(std::string_view s) {
  std::lock_guard lock(mutex_);
  auto [it, added] = string_ids_.try_emplace(std::string(s), static_cast<uint32_t>(strings_.size()));
  if (added) strings_.emplace_back(s);
  return it->second;
}

std::vector<uint32_t> BuildState::intern_all(const std::vector<std::string>& strings) {
  std::vector<uint32_t> ids;
  ids.reserve(strings.size());
  std::lock_guard lock(mutex_);
  for (const auto& s : strings) {
    auto [it, added] = string_ids_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
    if (added) strings_.push_back(s);
    ids.push_back(it->second);
  }
  return ids;
}

std::string BuildState::text(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < strings_.size() ? strings_[id] : std::string();
}

size_t BuildState::strings() const {
  std::lock_guard lock(mutex_);
  return strings_.size();
}

uint32_t BuildState::intern_set(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::lock_guard lock(mutex_);
  auto [it, added] = set_ids_.try_emplace(ids, static_cast<uint32_t>(sets_.size()));
  if (added) sets_.push_back(std::move(ids));
  return it->second;
}

std::vector<uint32_t> BuildState::set(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < sets_.size() ? sets_[id] : std::vector<uint32_t>();
}

const OutputRecord* BuildState::previous(const std::string& path) const {
  parse_records();
  auto it = previous_.find(path);
  return it == previous_.end() ? nullptr : &it->second;
}

std::optional<Digest> BuildState::previous_input(const std::string& name) const {
  auto it = previous_inputs_.find(name);
  if (it == previous_inputs_.end()) return std::nullopt;
  return it->second;
}

const BuildState::Group* BuildState::previous_group(const std::string& name) const {
  auto it = previous_groups_.find(name);
  return it == previous_groups_.end() ? nullptr : &it->second;
}

void BuildState::put(const std::string& path, OutputRecord record) { next_[path] = std::move(record); }

size_t BuildState::previous_size() const {
  parse_records();
  return previous_.size();
}

bool BuildState::load(const std::string& file, const Digest& key) {
  previous_.clear();
  previous_groups_.clear();
  previous_inputs_.clear();
  std::string().swap(records_bytes_);
  records_pending_ = false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Digest sum{};
  if (bytes.size() < kMagic.size() + 2 * sum.size() || bytes.compare(0, kMagic.size(), kMagic) != 0) return false;
  std::string_view body(bytes.data(), bytes.size() - sum.size());
  std::copy_n(bytes.data() + body.size(), sum.size(), sum.begin());
  if (digest_of(body) != sum) return false;  // damaged or cut short
  Reader r(body.substr(kMagic.size()));
  if (r.d() != key) return false;  // another program, theme or configuration

  uint64_t groups = r.u();
  for (uint64_t i = 0; i < groups && r.ok; ++i) {
    std::string name(r.s());
    Group g;
    g.input = r.d();
    g.paths.resize(r.u());
    for (auto& path : g.paths) {
      if (!r.ok) break;
      path = r.s();
    }
    previous_groups_.emplace(std::move(name), std::move(g));
  }
  uint64_t inputs = r.u();
  for (uint64_t i = 0; i < inputs && r.ok; ++i) {
    std::string name(r.s());
    previous_inputs_[std::move(name)] = r.d();
  }
  if (!r.ok) {
    previous_groups_.clear();
    previous_inputs_.clear();
    return false;
  }
  records_bytes_ = std::string(r.rest());
  records_pending_ = true;
  return true;
}

void BuildState::parse_records() const {
  // Logically const: the records were loaded, only not yet parsed. Interning takes the other lock.
  if (!records_pending_.load(std::memory_order_acquire)) return;
  std::lock_guard lock(records_mutex_);
  if (!records_pending_.load(std::memory_order_relaxed)) return;
  const_cast<BuildState*>(this)->read_records();
  records_pending_.store(false, std::memory_order_release);
}

void BuildState::read_records() {
  std::string bytes;
  bytes.swap(records_bytes_);
  if (bytes.empty()) return;
  Reader r(bytes);
  // This object's tables may already hold ids: the file's ids are mapped onto ours.
  std::vector<uint32_t> string_map(r.u());
  for (auto& id : string_map) {
    if (!r.ok) return;
    id = intern(r.s());
  }
  std::vector<uint32_t> set_map(r.u());
  for (auto& id : set_map) {
    if (!r.ok) return;
    std::vector<uint32_t> members(r.u());
    for (auto& m : members) {
      if (!r.ok) return;
      m = string_map.empty() ? 0 : string_map[r.id(string_map.size())];
    }
    id = intern_set(std::move(members));
  }
  auto read_ids = [&](std::vector<uint32_t>& ids) {
    ids.resize(r.u());
    for (auto& id : ids) {
      if (!r.ok) return;
      id = string_map.empty() ? 0 : string_map[r.id(string_map.size())];
    }
  };
  uint64_t records = r.u();
  for (uint64_t i = 0; i < records && r.ok; ++i) {
    std::string path(r.s());
    OutputRecord rec;
    rec.input = r.d();
    rec.file = r.stamp(), rec.gz = r.stamp(), rec.br = r.stamp();
    rec.page = r.u() != 0;
    if (rec.page) {
      read_ids(rec.ids);
      read_ids(rec.settled);
      rec.kept_links = r.s();
      rec.missed = set_map.empty() ? 0 : set_map[r.id(set_map.size())];
      rec.found = set_map.empty() ? 0 : set_map[r.id(set_map.size())];
      read_ids(rec.body_deps);
      rec.part = r.d();
    }
    previous_.emplace(std::move(path), std::move(rec));
  }
  if (!r.ok || !r.done()) previous_.clear();  // checksummed, so only a bug gets here: trust no record
}

bool BuildState::save(const std::string& file, const Digest& key) const {
  std::string temp = prepare(file, key);
  return !temp.empty() && install(temp, file);
}

bool BuildState::install(const std::string& temp, const std::string& file) {
  if (std::rename(temp.c_str(), file.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

std::string BuildState::prepare(const std::string& file, const Digest& key) const {
  std::lock_guard lock(mutex_);
  // Only what this build's records refer to is written, so names of removed pages do not pile up.
  std::vector<uint32_t> string_map(strings_.size(), UINT32_MAX), set_map(sets_.size(), UINT32_MAX);
  std::vector<uint32_t> strings_used, sets_used;
  auto use_string = [&](uint32_t id) {
    if (string_map[id] == UINT32_MAX) string_map[id] = static_cast<uint32_t>(strings_used.size()), strings_used.push_back(id);
    return string_map[id];
  };
  auto use_set = [&](uint32_t id) {
    if (set_map[id] == UINT32_MAX) {
      set_map[id] = static_cast<uint32_t>(sets_used.size()), sets_used.push_back(id);
      for (uint32_t m : sets_[id]) use_string(m);
    }
    return set_map[id];
  };
  for (const auto& [path, rec] : next_) {
    for (uint32_t id : rec.ids) use_string(id);
    for (uint32_t id : rec.settled) use_string(id);
    for (uint32_t id : rec.body_deps) use_string(id);
    use_set(rec.missed), use_set(rec.found);
  }

  Writer w;
  w.out.append(kMagic);
  w.d(key);
  // Groups and inputs first: they are read at once, the rest when a record is first asked for.
  w.u(next_groups_.size());
  for (const auto& [name, g] : next_groups_) {
    w.s(name);
    w.d(g.input);
    w.u(g.paths.size());
    for (const auto& path : g.paths) w.s(path);
  }
  w.u(next_inputs_.size());
  for (const auto& [name, digest] : next_inputs_) w.s(name), w.d(digest);
  w.u(strings_used.size());
  for (uint32_t id : strings_used) w.s(strings_[id]);
  w.u(sets_used.size());
  for (uint32_t id : sets_used) {
    w.u(sets_[id].size());
    for (uint32_t m : sets_[id]) w.u(string_map[m]);
  }
  w.u(next_.size());
  for (const auto& [path, rec] : next_) {
    w.s(path);
    w.d(rec.input);
    w.stamp(rec.file), w.stamp(rec.gz), w.stamp(rec.br);
    w.u(rec.page);
    if (!rec.page) continue;
    w.u(rec.ids.size());
    for (uint32_t id : rec.ids) w.u(string_map[id]);
    w.u(rec.settled.size());
    for (uint32_t id : rec.settled) w.u(string_map[id]);
    w.s(rec.kept_links);
    w.u(set_map[rec.missed]), w.u(set_map[rec.found]);
    w.u(rec.body_deps.size());
    for (uint32_t id : rec.body_deps) w.u(string_map[id]);
    w.d(rec.part);
  }
  w.d(digest_of(w.out));

  std::string temp = file + ".tmp-" + std::to_string(getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::string();
  bool ok = write_fully(fd, w.out) && ::fdatasync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    std::remove(temp.c_str());
    return std::string();
  }
  return temp;
}

}  // namespace takao
