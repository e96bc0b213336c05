#include "lookup/lookup_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "core/text.h"
#include "lookup/lookup_index_format.h"

namespace takao {

std::u16string to_u16(std::string_view utf8) {
  std::u16string out;
  for (char32_t c : to_u32(utf8)) {
    if (c > 0xFFFF) {
      c -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (c >> 10));
      out += static_cast<char16_t>(0xDC00 + (c & 0x3FF));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}

int allowed_edits(std::u16string_view q) {
  bool latin = true;
  for (char16_t c : q) latin &= (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
  if (latin) return q.size() < 4 ? 0 : q.size() < 8 ? 1 : 2;
  return q.size() < 3 ? 0 : 1;
}

int prefix_edit_distance(std::u16string_view q, std::u16string_view key, int max) {
  const int m = static_cast<int>(q.size()), n = static_cast<int>(key.size());
  const int over = max + 1;
  if (n < m - max) return over;
  // Only the band |i - j| <= max is computed, with one "over" cell on each side (takao-lookup.mjs does
  // the same, on reused rows).
  std::vector<int> prev2(n + 2, over), prev(n + 2, over), cur(n + 2, over);
  for (int j = 0; j <= std::min(n, max); ++j) prev[j] = j;
  for (int i = 1; i <= m; ++i) {
    const int lo = std::max(1, i - max), hi = std::min(n, i + max);
    cur[0] = std::min(i, over);
    if (lo > 1) cur[lo - 1] = over;
    int row_min = lo > 1 ? over : cur[0];
    for (int j = lo; j <= hi; ++j) {
      int v = prev[j - 1] + (q[i - 1] == key[j - 1] ? 0 : 1);
      v = std::min({v, prev[j] + 1, cur[j - 1] + 1});
      if (i > 1 && j > 1 && q[i - 1] == key[j - 2] && q[i - 2] == key[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= n) cur[hi + 1] = over;
    if (row_min > max) return over;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  int best = m <= max ? prev[0] : over;
  for (int j = std::max(1, m - max); j <= std::min(n, m + max); ++j) best = std::min(best, prev[j]);
  return best;
}

std::vector<std::string> fuzzy_groups(std::string_view q) {
  std::vector<std::string> groups{lookup_group(q)};
  bool latin = q.size() >= 4;
  for (char c : q) latin &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (latin) {
    std::string swapped{q[1], q[0]};
    swapped += q.substr(2);
    std::string dropped{q[0]};
    dropped += q.substr(2);
    for (const auto& g : {lookup_group(swapped), lookup_group(dropped)})
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  return groups;
}

std::unique_ptr<LookupIndex> LookupIndex::open(LookupFileReader read, std::string* error) {
  auto bytes = read(kLookupManifestPath);
  if (!bytes) {
    if (error) *error = std::string(kLookupManifestPath) + " not found";
    return nullptr;
  }
  std::unique_ptr<LookupIndex> index(new LookupIndex());
  try {
    auto m = nlohmann::json::parse(*bytes);
    if (m.at("format").get<int>() != kLookupFormat) throw std::runtime_error("unknown format");
    std::u32string pairs = to_u32(m.at("fold").at("chars").get<std::string>());
    for (size_t i = 0; i + 1 < pairs.size(); i += 2) index->tables_.chars[pairs[i]] = pairs[i + 1];
    index->tables_.words = m.at("fold").at("words").get<std::map<std::string, std::string>>();
    for (const auto& p : m.at("places")) {
      index->places_.emplace_back(fold(p.at(0).get<std::string>(), index->tables_), p.at(1).get<std::string>());
    }
    if (m.contains("readings")) index->readings_ = m.at("readings").get<std::map<std::string, std::string>>();
    index->entry_chunk_ = m.at("entry_chunk").get<size_t>();
    index->entry_paths_ = m.at("entry_files").get<std::vector<std::string>>();
    for (const auto& f : m.at("key_files")) {
      index->key_paths_.push_back(f.at("path").get<std::string>());
      for (const auto& g : f.at("groups")) index->group_file_[g.get<std::string>()] = index->key_paths_.size() - 1;
    }
    if (index->entry_chunk_ == 0) throw std::runtime_error("entry_chunk is 0");
  } catch (const std::exception& e) {
    if (error) *error = std::string(kLookupManifestPath) + ": " + e.what();
    return nullptr;
  }
  index->read_ = std::move(read);
  return index;
}

const LookupIndex::KeyFile* LookupIndex::key_file(const std::string& group) {
  auto g = group_file_.find(group);
  if (g == group_file_.end()) return nullptr;
  if (auto it = key_files_.find(g->second); it != key_files_.end()) return &it->second;
  KeyFile file;
  if (auto bytes = read_(key_paths_[g->second])) {
    try {
      auto j = nlohmann::json::parse(*bytes);
      for (auto& [name, range] : j.at("groups").items())
        file.groups[name] = {range.at(0).get<size_t>(), range.at(1).get<size_t>()};
      file.keys = j.at("keys").get<std::vector<std::string>>();
      file.entries = j.at("entries").get<std::vector<long>>();
      file.kinds = j.at("kinds").get<std::string>();
      if (file.entries.size() != file.keys.size() || file.kinds.size() != file.keys.size()) file = KeyFile{};
      for (auto& [name, range] : file.groups)
        if (range.first > range.second || range.second > file.keys.size()) range = {0, 0};
    } catch (const std::exception&) {
      file = KeyFile{};
    }
  }
  return &key_files_.emplace(g->second, std::move(file)).first->second;
}

const std::vector<std::string>* LookupIndex::entry_row(long id) {
  if (id < 0) return nullptr;
  size_t chunk = static_cast<size_t>(id) / entry_chunk_;
  if (chunk >= entry_paths_.size()) return nullptr;
  auto it = entry_files_.find(chunk);
  if (it == entry_files_.end()) {
    std::vector<std::vector<std::string>> rows;
    if (auto bytes = read_(entry_paths_[chunk])) {
      try {
        rows = nlohmann::json::parse(*bytes).at("entries").get<std::vector<std::vector<std::string>>>();
      } catch (const std::exception&) {
        rows.clear();
      }
    }
    it = entry_files_.emplace(chunk, std::move(rows)).first;
  }
  size_t row = static_cast<size_t>(id) % entry_chunk_;
  if (row >= it->second.size() || it->second[row].size() < 5) return nullptr;
  return &it->second[row];
}

long LookupIndex::exact_chinese(const std::string& folded) {
  const KeyFile* file = key_file(lookup_group(folded));
  if (!file) return -1;
  auto g = file->groups.find(lookup_group(folded));
  if (g == file->groups.end()) return -1;
  auto begin = file->keys.begin() + g->second.first, end = file->keys.begin() + g->second.second;
  for (auto it = std::lower_bound(begin, end, folded); it != end && *it == folded; ++it) {
    size_t k = it - file->keys.begin();
    if (file->kinds[k] == '1') return file->entries[k];
  }
  return -1;
}

std::optional<AddressName> LookupIndex::find_address_name(const std::vector<FoldedToken>& t, size_t at,
                                                          AddressPart part) {
  const size_t longest = std::min<size_t>(16, t.size() - at);
  for (size_t n = longest; n >= 1; --n) {
    const FoldedToken& last = t[at + n - 1];
    if (last.latin || !address_name_ends_right(last.text, part)) continue;
    std::string s;
    for (size_t i = at; i < at + n; ++i) s += t[i].text;
    long id = exact_chinese(s);
    if (id >= 0) {
      if (const auto* row = entry_row(id)) return AddressName{n, (*row)[1], id};
    }
    if (part == AddressPart::city) {
      for (const auto& [zh, en] : places_)
        if (zh == s) return AddressName{n, en, -1};
    }
  }
  return spell_address_name(t, at, part, readings_);
}

std::vector<LookupHit> LookupIndex::query(std::string_view text, size_t limit) {
  std::vector<LookupHit> hits;
  std::set<long> seen;
  auto add_entry = [&](long id) {
    if (!seen.insert(id).second) return;
    if (const auto* row = entry_row(id)) hits.push_back({(*row)[0], (*row)[1], (*row)[2], (*row)[3], (*row)[4]});
  };

  auto address = translate_address(text, tables_, [this](const auto& t, size_t at, AddressPart part) {
    return find_address_name(t, at, part);
  });
  if (address) {
    std::string district;
    if (const auto* row = entry_row(address->district_entry)) district = (*row)[0];
    hits.push_back({trim(text), address->en, "address", district, ""});
    for (long id : address->entries) add_entry(id);
  }

  const std::string q = fold(text, tables_);
  using Rank = std::tuple<int, int, size_t, int, long>;  // tier, edits, key length, kind, entry
  std::map<long, Rank> best;
  auto consider = [&](long id, Rank r) {
    auto [it, inserted] = best.emplace(id, r);
    if (!inserted && r < it->second) it->second = r;
  };
  auto group_range = [&](const std::string& group) -> std::optional<std::pair<const KeyFile*, std::pair<size_t, size_t>>> {
    const KeyFile* file = key_file(group);
    if (!file) return std::nullopt;
    auto g = file->groups.find(group);
    if (g == file->groups.end()) return std::nullopt;
    return std::make_pair(file, g->second);
  };
  if (!q.empty()) {
    if (auto found = group_range(lookup_group(q))) {
      const KeyFile* file = found->first;
      auto begin = file->keys.begin() + found->second.first, end = file->keys.begin() + found->second.second;
      for (auto it = std::lower_bound(begin, end, q); it != end && starts_with(*it, q); ++it) {
        size_t k = it - file->keys.begin();
        int kind = file->kinds[k] - '0';
        if (*it == q) consider(file->entries[k], {kind <= 1 ? 0 : 1, 0, 0, kind, file->entries[k]});
        else consider(file->entries[k], {2, 0, to_u16(*it).size(), kind, file->entries[k]});
      }
    }
    // Typo tolerance fills up a short list; an exact hit means the name was typed right.
    bool exact = false;
    for (const auto& [id, r] : best) exact |= std::get<0>(r) <= 1;
    const std::u16string q16 = to_u16(q);
    const int max = allowed_edits(q16);
    if (max > 0 && !exact && (limit == 0 || best.size() < limit)) {
      for (const std::string& group : fuzzy_groups(q)) {
        auto found = group_range(group);
        if (!found) continue;
        const KeyFile* file = found->first;
        for (size_t k = found->second.first; k < found->second.second; ++k) {
          if (starts_with(file->keys[k], q)) continue;
          std::u16string key16 = to_u16(file->keys[k]);
          int d = prefix_edit_distance(q16, key16, max);
          if (d <= max) consider(file->entries[k], {3, d, key16.size(), file->kinds[k] - '0', file->entries[k]});
        }
      }
    }
  }
  std::vector<std::pair<Rank, long>> ranked;
  for (auto& [id, r] : best) ranked.emplace_back(r, id);
  std::sort(ranked.begin(), ranked.end());
  for (auto& [r, id] : ranked) {
    if (limit && hits.size() >= limit) break;
    add_entry(id);
  }
  if (limit && hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace takao
