// The glossary of the shared lookup cases (tests/cases/lookup-cases.json), read the way a site build reads
// glossary files; used by lookup_indexer (for the Node tests) and by the GoogleTest cases.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "glossary/glossary_reader.h"
#include "glossary/postal_table.h"

namespace takao {

// The slice of the Post's code table the cases carry ("postal"), empty when there is none.
inline PostalTable read_case_postal(const nlohmann::json& cases, const std::string& display_path, Diagnostics& diags) {
  if (!cases.contains("postal")) return PostalTable{};
  return read_postal_table(cases.at("postal").get<std::string>(), display_path + "#postal", diags);
}

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
  GlossaryEntries entries = finish_glossary(std::move(tables), diags);
  attach_postal(entries, read_case_postal(cases, display_path, diags));
  return entries;
}

}  // namespace takao
