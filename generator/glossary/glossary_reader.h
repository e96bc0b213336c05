// Reads the place-name glossary: GFM tables in Markdown bodies (through cmark-gfm's table extension) and
// CSV files, with the columns 中文 and English required and 類別, 行政區, 別名, 備註 optional; then checks
// the glossary as a whole and gives every entry its slug and URL.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "glossary/glossary_entry.h"

namespace takao {

struct GlossaryTableInfo {
  std::string display_path;      // for diagnostics, e.g. "content/glossary/roads.md"
  std::string source_path;       // content-relative, "glossary/roads.md"
  std::string table_slug;        // "roads" (file name without extension)
  std::string default_category;  // front matter `category`, "" for CSV
};

// `body` is the Markdown after the front matter; `body_first_line` the 1-based file line of its first line.
// Every table in the body is read. Problems go to `diags` with the file's own line and column.
GlossaryEntries read_glossary_markdown(std::string_view body, int body_first_line, const GlossaryTableInfo& info,
                                       Diagnostics& diags);

GlossaryEntries read_glossary_csv(std::string_view bytes, const GlossaryTableInfo& info, Diagnostics& diags);

// Across all tables: the same 中文 with different English is an error naming both places; the same row
// twice is a warning (the repeat is dropped); an English name against the national road-name rules is a
// warning. Then every entry gets a unique ASCII slug from its English name (lowercase, other characters
// folded to '-', repeats -2, -3 in (table_slug, line) order) and its URL "/glossary/<table_slug>/<slug>/".
// Returns the entries sorted by (table_slug, line).
GlossaryEntries finish_glossary(std::vector<GlossaryEntries> tables, Diagnostics& diags);

// The slug base of an English name: "Cianjhen Dist." -> "cianjhen-dist", "Yong'an Dist." -> "yong-an-dist".
std::string glossary_slug_base(std::string_view english);

}  // namespace takao
