// One row of the place-name glossary, as parsed from a Markdown table or a CSV file.
#pragma once
#include <string>
#include <vector>

namespace takao {

struct GlossaryEntry {
  std::string zh;        // 中文: the key
  std::string en;        // English: the approved name
  std::string category;  // 類別, defaulting to the table's `category`
  std::string district;  // 行政區 (the first, when the cell names several separated by ';')
  std::vector<std::string> districts;  // every district: the 行政區 cell's, or the postal table's for its name
  std::vector<std::string> aliases;  // 別名, split on ';' (also '；'), trimmed, empty ones dropped
  std::string note;      // 備註
  // 英譯來源, where the English comes from: "approved" (the city's, the default), "post" (derived from
  // Chunghwa Post's Hanyu Pinyin) or "machine" (a machine romanization of the Chinese).
  std::string source = "approved";
  std::vector<std::string> postcodes;  // six-digit codes of the name in the postal table, sorted
  std::vector<size_t> postal_rows;     // its rows in Site::postal (the ranges), in table order
  std::string source_path;  // content-relative path of the table file, "glossary/districts.md"
  int line = 0;             // 1-based line of the row in that file
  int col = 0;              // 1-based column where the row starts (for diagnostics)
  std::string display_path;  // the table file as diagnostics show it, "content/glossary/districts.md"
  std::string table_slug;   // the table's slug ("districts"): the entry's page is under /glossary/<table_slug>/
  std::string slug;         // the entry's own slug, unique within the glossary (set by the model)
  std::string url;          // zh URL of the entry's page, "/glossary/districts/前鎮區/" percent-encoded (set by the model)
};

using GlossaryEntries = std::vector<GlossaryEntry>;

}  // namespace takao
