#include "glossary/glossary_columns.h"

#include "core/text.h"

namespace takao {

static GlossaryColumn column_named(const std::string& name) {
  if (name == "中文") return GlossaryColumn::zh;
  if (name == "English" || name == "english" || name == "ENGLISH") return GlossaryColumn::en;
  if (name == "類別") return GlossaryColumn::category;
  if (name == "行政區") return GlossaryColumn::district;
  if (name == "別名") return GlossaryColumn::aliases;
  if (name == "備註") return GlossaryColumn::note;
  if (name == "英譯來源") return GlossaryColumn::source;
  return GlossaryColumn::unknown;
}

std::optional<std::vector<GlossaryColumn>> read_glossary_header(const std::vector<GlossaryCell>& header, int line,
                                                                const GlossaryTableInfo& info, Diagnostics& diags) {
  std::vector<GlossaryColumn> columns;
  bool has_zh = false, has_en = false;
  for (const auto& cell : header) {
    std::string name = trim(cell.text);
    GlossaryColumn c = column_named(name);
    for (GlossaryColumn seen : columns) {
      if (c != GlossaryColumn::unknown && seen == c) {
        diags.warning(info.display_path, cell.line, cell.col, "column '" + name + "' appears twice; the second is ignored");
        c = GlossaryColumn::unknown;
        name.clear();
      }
    }
    if (c == GlossaryColumn::unknown && !name.empty())
      diags.warning(info.display_path, cell.line, cell.col,
                    "unknown glossary column '" + name + "' (known: 中文, English, 類別, 行政區, 別名, 備註, 英譯來源); ignored");
    has_zh |= c == GlossaryColumn::zh;
    has_en |= c == GlossaryColumn::en;
    columns.push_back(c);
  }
  if (!has_zh || !has_en) {
    int col = header.empty() ? 1 : header.front().col;
    diags.error(info.display_path, line, col,
                std::string("glossary table lacks the required column ") + (!has_zh ? "中文" : "English"));
    return std::nullopt;
  }
  return columns;
}

static std::vector<std::string> split_aliases(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string a = trim(current);
    if (!a.empty()) out.push_back(std::move(a));
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ';') {
      flush();
    } else if (text.compare(i, 3, "；") == 0) {
      flush();
      i += 2;
    } else {
      current += text[i];
    }
  }
  flush();
  return out;
}

std::optional<GlossaryEntry> read_glossary_row(const std::vector<GlossaryColumn>& columns,
                                               const std::vector<GlossaryCell>& cells, int line, int col,
                                               const GlossaryTableInfo& info, Diagnostics& diags) {
  GlossaryEntry e;
  e.source_path = info.source_path;
  e.display_path = info.display_path;
  e.table_slug = info.table_slug;
  e.line = line;
  e.col = col;
  bool ok = true;
  for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    std::string text = trim(cells[i].text);
    switch (columns[i]) {
      case GlossaryColumn::zh:
        if (text.empty()) {
          diags.error(info.display_path, cells[i].line, cells[i].col, "empty 中文 cell");
          ok = false;
        }
        e.zh = std::move(text);
        break;
      case GlossaryColumn::en:
        if (text.empty()) {
          diags.error(info.display_path, cells[i].line, cells[i].col, "empty English cell");
          ok = false;
        }
        e.en = std::move(text);
        break;
      case GlossaryColumn::category: e.category = std::move(text); break;
      case GlossaryColumn::district:
        e.districts = split_aliases(text);
        e.district = e.districts.empty() ? std::string() : e.districts.front();
        break;
      case GlossaryColumn::aliases: e.aliases = split_aliases(text); break;
      case GlossaryColumn::note: e.note = std::move(text); break;
      case GlossaryColumn::source:
        if (text == "post" || text == "machine" || text == "approved") {
          e.source = text;
        } else if (!text.empty()) {
          diags.error(info.display_path, cells[i].line, cells[i].col,
                      "英譯來源 '" + text + "' is not one of approved, post, machine");
          ok = false;
        }
        break;
      case GlossaryColumn::unknown: break;
    }
  }
  if (e.category.empty()) e.category = info.default_category;
  if (!ok) return std::nullopt;
  return e;
}

}  // namespace takao
