#include "glossary/glossary_reader.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "core/text.h"
#include "glossary/csv_table.h"
#include "glossary/glossary_columns.h"
#include "glossary/road_name_rules.h"

namespace takao {

namespace {

// cmark-gfm keeps parts of its state in globals; parses are serialised like the markdown stage's.
std::mutex cmark_mutex;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// 1-based byte column -> 1-based code-point column within `line`.
int char_column(std::string_view line, int byte_col) {
  if (byte_col <= 1) return 1;
  size_t limit = std::min(line.size(), static_cast<size_t>(byte_col - 1));
  int col = 1;
  for (size_t i = 0; i < limit; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

// The cells a table row's source line holds, as GFM splits it: on pipes not escaped with '\', leading
// and trailing pipes dropped. cmark-gfm pads or cuts rows to the header's width, so the count comes from
// the line itself.
size_t source_cell_count(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  size_t end = line.size();
  while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (i < end && line[i] == '|') ++i;
  size_t cells = 1;
  bool trailing_pipe = false;
  for (size_t j = i; j < end; ++j) {
    if (line[j] == '\\') {
      ++j;
      trailing_pipe = false;
      continue;
    }
    if (line[j] == '|') {
      ++cells;
      trailing_pipe = j + 1 == end;
    }
  }
  if (trailing_pipe) --cells;
  return cells;
}

void append_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* s = cmark_node_get_literal(child)) out += s;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        break;  // raw HTML is not glossary text
      default:
        append_text(child, out);
    }
  }
}

bool is_type(cmark_node* node, const char* type) {
  const char* name = cmark_node_get_type_string(node);
  return name && std::string_view(name) == type;
}

struct ParsedRow {
  std::vector<GlossaryCell> cells;
  int line = 0;
  size_t source_cells = 0;
  int end_col = 1;
};

struct ParsedTable {
  ParsedRow header;
  std::vector<ParsedRow> rows;
};

std::vector<ParsedTable> parse_tables(std::string_view body, int first_line) {
  std::vector<std::string_view> lines = split_lines(body);
  std::vector<ParsedTable> tables;
  std::lock_guard lock(cmark_mutex);
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser, table);
  cmark_parser_feed(parser, body.data(), body.size());
  cmark_node* doc = cmark_parser_finish(parser);
  for (cmark_node* node = cmark_node_first_child(doc); node; node = cmark_node_next(node)) {
    if (!is_type(node, "table")) continue;
    ParsedTable table;
    bool first = true;
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      ParsedRow parsed;
      int body_line = cmark_node_get_start_line(row);
      std::string_view source = body_line >= 1 && static_cast<size_t>(body_line) <= lines.size()
                                    ? lines[body_line - 1] : std::string_view();
      parsed.line = body_line + first_line - 1;
      parsed.source_cells = source_cell_count(source);
      parsed.end_col = char_column(source, static_cast<int>(source.size()) + 1);
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        GlossaryCell c;
        append_text(cell, c.text);
        c.line = parsed.line;
        int byte_col = cmark_node_get_start_column(cell);
        c.col = byte_col > 0 ? char_column(source, byte_col) : parsed.end_col;
        parsed.cells.push_back(std::move(c));
      }
      if (first) table.header = std::move(parsed);
      else table.rows.push_back(std::move(parsed));
      first = false;
    }
    tables.push_back(std::move(table));
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return tables;
}

}  // namespace

GlossaryEntries read_glossary_markdown(std::string_view body, int body_first_line, const GlossaryTableInfo& info,
                                       Diagnostics& diags) {
  GlossaryEntries entries;
  std::vector<ParsedTable> tables = parse_tables(body, body_first_line);
  if (tables.empty()) diags.warning(info.display_path, body_first_line, 1, "glossary file holds no table");
  for (const auto& table : tables) {
    auto columns = read_glossary_header(table.header.cells, table.header.line, info, diags);
    if (!columns) continue;
    for (const auto& row : table.rows) {
      if (row.source_cells != columns->size()) {
        diags.error(info.display_path, row.line, row.source_cells < columns->size() ? row.end_col : 1,
                    "row has " + std::to_string(row.source_cells) + " cells; the header has " +
                        std::to_string(columns->size()));
        continue;
      }
      int col = row.cells.empty() ? 1 : std::max(1, row.cells.front().col - 1);
      if (auto e = read_glossary_row(*columns, row.cells, row.line, col, info, diags)) entries.push_back(std::move(*e));
    }
  }
  return entries;
}

GlossaryEntries read_glossary_csv(std::string_view bytes, const GlossaryTableInfo& info, Diagnostics& diags) {
  GlossaryEntries entries;
  std::vector<CsvRecord> records = read_csv(bytes, info.display_path, diags);
  if (records.empty()) {
    diags.error(info.display_path, 1, 1, "glossary CSV has no header row");
    return entries;
  }
  auto to_cells = [](const CsvRecord& r) {
    std::vector<GlossaryCell> cells;
    for (const auto& f : r.fields) cells.push_back({f.text, f.line, f.col});
    return cells;
  };
  auto columns = read_glossary_header(to_cells(records[0]), records[0].line, info, diags);
  if (!columns) return entries;
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    if (r.fields.size() != columns->size()) {
      const CsvField& at = r.fields.size() > columns->size() ? r.fields[columns->size()] : r.fields.back();
      diags.error(info.display_path, at.line, at.col,
                  "row has " + std::to_string(r.fields.size()) + " cells; the header has " +
                      std::to_string(columns->size()));
      continue;
    }
    if (auto e = read_glossary_row(*columns, to_cells(r), r.line, 1, info, diags)) entries.push_back(std::move(*e));
  }
  return entries;
}

std::string glossary_slug_base(std::string_view english) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(english.data(), english.size()));
  if (U_SUCCESS(status)) s = nfkd->normalize(s, status);
  std::string out;
  bool dash = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;
    if (c >= 'A' && c <= 'Z') c += 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c);
    } else {
      dash = true;
    }
  }
  return out.empty() ? "entry" : out;
}

GlossaryEntries finish_glossary(std::vector<GlossaryEntries> tables, Diagnostics& diags) {
  GlossaryEntries all;
  for (auto& t : tables)
    for (auto& e : t) all.push_back(std::move(e));
  std::stable_sort(all.begin(), all.end(), [](const GlossaryEntry& a, const GlossaryEntry& b) {
    return std::tie(a.table_slug, a.source_path, a.line, a.col) < std::tie(b.table_slug, b.source_path, b.line, b.col);
  });
  GlossaryEntries kept;
  std::map<std::string, size_t> by_zh;
  for (auto& e : all) {
    auto it = by_zh.find(e.zh);
    if (it != by_zh.end() && (kept[it->second].source == "approved") != (e.source == "approved")) {
      // The editors' approved English wins over one derived from the Post's table; the derived one's
      // spellings stay findable as aliases, its districts fill in where the approved row names none.
      GlossaryEntry& first = kept[it->second];
      if (e.source == "approved") std::swap(first, e);
      for (const std::string& a : {e.en}) 
        if (a != first.en && std::find(first.aliases.begin(), first.aliases.end(), a) == first.aliases.end()) first.aliases.push_back(a);
      for (const std::string& a : e.aliases)
        if (a != first.en && std::find(first.aliases.begin(), first.aliases.end(), a) == first.aliases.end()) first.aliases.push_back(a);
      if (first.districts.empty()) first.districts = e.districts, first.district = e.district;
      continue;
    }
    if (it != by_zh.end()) {
      const GlossaryEntry& first = kept[it->second];
      std::string where = first.display_path + ":" + std::to_string(first.line);
      if (first.en != e.en) {
        diags.error(e.display_path, e.line, e.col,
                    "中文 '" + e.zh + "' is '" + e.en + "' here but '" + first.en + "' at " + where);
      } else {
        diags.warning(e.display_path, e.line, e.col, "the same row again: '" + e.zh + "' = '" + e.en +
                                                         "' is already at " + where + "; this one is dropped");
      }
      continue;
    }
    if (e.source != "approved") {
      // Checked where it is made (the import); the Post's own forms ("Central Market A") are kept.
    } else if (auto problem = road_name_problem(e.zh, e.en, e.category)) diags.warning(e.display_path, e.line, e.col, *problem);
    by_zh.emplace(e.zh, kept.size());
    kept.push_back(std::move(e));
  }
  std::set<std::string> used;
  for (auto& e : kept) {
    std::string base = glossary_slug_base(e.en), slug = base;
    for (int n = 2; used.count(slug); ++n) slug = base + "-" + std::to_string(n);
    used.insert(slug);
    e.slug = slug;
    e.url = "/glossary/" + url_encode_path(e.table_slug) + "/" + slug + "/";
  }
  return kept;
}

}  // namespace takao
