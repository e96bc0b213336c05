// One row of the place-name glossary, as parsed from a Markdown table or a CSV file.
#pragma once
#include <string>
#include <vector>

namespace takao {

struct GlossaryEntry {
  std::string zh;        // 中文: the key
  std::string en;        // English: the approved name
  std::string category;  // 類別, defaulting to the table's `category`
  std::string district;  // 行政區
  std::vector<std::string> aliases;  // 別名, split on ';' (also '；'), trimmed, empty ones dropped
  std::string note;      // 備註
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
