// The glossary of the shared lookup cases (tests/cases/lookup-cases.json), read the way a site build reads
// glossary files; used by lookup_indexer (for the Node tests) and by the GoogleTest cases.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "glossary/glossary_reader.h"

namespace takao {

inline GlossaryEntries read_case_glossary(const nlohmann::json& cases, const std::string& display_path,
                                          Diagnostics& diags) {
  std::vector<GlossaryEntries> tables;
  for (const auto& t : cases.at("tables")) {
    GlossaryTableInfo info;
    info.table_slug = t.at("slug").get<std::string>();
    const std::string format = t.at("format").get<std::string>();
    info.source_path = "glossary/" + info.table_slug + (format == "csv" ? ".csv" : ".md");
    info.display_path = display_path + "#" + info.table_slug;
    info.default_category = t.value("category", "");
    const std::string text = t.at("text").get<std::string>();
    tables.push_back(format == "csv" ? read_glossary_csv(text, info, diags)
                                     : read_glossary_markdown(text, 1, info, diags));
    if (format == "csv")
      for (auto& e : tables.back())
        if (e.category.empty()) e.category = info.default_category;
  }
  return finish_glossary(std::move(tables), diags);
}

}  // namespace takao
