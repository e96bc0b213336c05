// Splits the YAML block off a Markdown file and parses it with yaml-cpp into a plain data tree, keeping the
// line and column of every top-level field so later checks can point at it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"

namespace takao {

struct FieldPosition {
  int line = 1;  // 1-based, in the file
  int col = 1;
};

struct FrontMatter {
  nlohmann::json fields = nlohmann::json::object();  // every field, unknown ones too (templates get them)
  std::map<std::string, FieldPosition> positions;    // where each top-level field's value starts
  // Where each value of a map inside a top-level list starts, keyed "field/index/key" ("authors/0/orcid"),
  // so a check of one author's field can point at it.
  std::map<std::string, FieldPosition> item_positions;
  std::string_view body;                             // the Markdown after the closing '---'
  int body_line = 1;                                 // file line of the body's first line
};

// `text` is the whole file (already normalised to '\n'). Reports missing or malformed front matter with
// path:line:col and returns nullopt.
std::optional<FrontMatter> parse_front_matter(const std::string& display_path, std::string_view text,
                                              Diagnostics& diags);

// Parses a whole YAML document (site.yaml) the same way.
std::optional<FrontMatter> parse_yaml_document(const std::string& display_path, std::string_view text,
                                               Diagnostics& diags);

}  // namespace takao
