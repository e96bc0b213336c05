// A theme folder: Mustache templates (partials inlined once at load, so rendering never re-parses them),
// interface strings per language, and static assets.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/output_file.h"

namespace takao {

struct Theme {
  std::string dir;
  // Template name ("article", "base") -> source with every {{> partial}} replaced by the partial's text.
  std::map<std::string, std::string> templates;
  // Where each template's text came from, for errors: expanded offset ranges -> (file, file offset).
  struct Span {
    size_t begin, end;        // in the expanded text
    std::string file;         // display path
    size_t file_offset;       // offset in that file of `begin`
    std::string file_text_id; // key into texts
  };
  std::map<std::string, std::vector<Span>> spans;
  std::map<std::string, std::string> texts;  // display path -> file text
  nlohmann::json strings_zh, strings_en;     // i18n: {"ui": {...}, "search": {...}, ...}
  std::vector<std::string> assets;           // files under assets/, relative, sorted

  // Maps an offset in a template's expanded text to "file:line:col".
  void locate(const std::string& name, size_t offset, std::string& file, int& line, int& col) const;
};

// Loads and checks the theme; errors (unclosed sections, missing partials, bad YAML) name the file and line.
Theme load_theme(const std::string& dir, Diagnostics& diags);

// The theme's assets as output files under assets/.
OutputFiles theme_asset_files(const Theme& theme);

}  // namespace takao
