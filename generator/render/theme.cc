#include "render/theme.h"

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <set>

#include "core/disk.h"
#include "core/text.h"
#include "frontmatter/front_matter.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

struct Loader {
  const std::map<std::string, std::string>& files;  // partial name -> display path
  std::map<std::string, std::string>& texts;
  Diagnostics& diags;

  // Appends `text` (from `file`) to out, expanding partials recursively.
  bool expand(const std::string& file, std::string& out, std::vector<Theme::Span>& spans, std::set<std::string>& stack) {
    const std::string& text = texts[file];
    size_t pos = 0;
    while (pos < text.size()) {
      size_t open = text.find("{{>", pos);
      size_t chunk_end = open == std::string::npos ? text.size() : open;
      spans.push_back({out.size(), out.size() + (chunk_end - pos), file, pos, file});
      out.append(text, pos, chunk_end - pos);
      if (open == std::string::npos) break;
      size_t close = text.find("}}", open);
      if (close == std::string::npos) {
        auto lc = line_col_at(text, open);
        diags.error(file, lc.line, lc.col, "unclosed partial tag");
        return false;
      }
      std::string name = trim(std::string_view(text).substr(open + 3, close - open - 3));
      auto it = files.find(name);
      if (it == files.end()) {
        auto lc = line_col_at(text, open);
        diags.error(file, lc.line, lc.col, "unknown partial '" + name + "'");
        return false;
      }
      if (stack.count(name)) {
        auto lc = line_col_at(text, open);
        diags.error(file, lc.line, lc.col, "partial '" + name + "' includes itself");
        return false;
      }
      stack.insert(name);
      if (!expand(it->second, out, spans, stack)) return false;
      stack.erase(name);
      pos = close + 2;
    }
    return true;
  }
};

}  // namespace

void Theme::locate(const std::string& name, size_t offset, std::string& file, int& line, int& col) const {
  file = dir + "/templates/" + name + ".mustache";
  line = col = 1;
  auto it = spans.find(name);
  if (it == spans.end()) return;
  for (const auto& s : it->second) {
    if (offset >= s.begin && offset <= s.end) {
      file = s.file;
      auto lc = line_col_at(texts.at(s.file), s.file_offset + (offset - s.begin));
      line = lc.line;
      col = lc.col;
      return;
    }
  }
}

Theme load_theme(const std::string& dir, Diagnostics& diags) {
  Theme theme;
  theme.dir = dir;
  RealDisk disk;
  std::string tdir = dir + "/templates";
  if (!disk.exists(tdir)) {
    diags.error(tdir, 1, 1, "theme has no templates folder");
    return theme;
  }
  std::map<std::string, std::string> partials, pages;
  for (const auto& rel : disk.list_files(tdir, nullptr)) {
    if (!ends_with(rel, ".mustache")) continue;
    std::string display = tdir + "/" + rel;
    theme.texts[display] = *disk.read(display);
    std::string name = rel.substr(0, rel.size() - 9);
    if (starts_with(rel, "partials/")) {
      partials[name.substr(9)] = display;
    } else {
      pages[name] = display;
    }
  }
  // Check every file on its own first, so an error points into the file that has it.
  for (const auto& [display, text] : theme.texts) {
    kainjow::mustache::mustache check(text);
    if (!check.is_valid()) {
      std::string msg = check.error_message();
      size_t at = msg.rfind(" at ");
      size_t offset = at == std::string::npos ? 0 : std::strtoul(msg.c_str() + at + 4, nullptr, 10);
      auto lc = line_col_at(text, offset);
      diags.error(display, lc.line, lc.col, "template error: " + msg.substr(0, at));
    }
  }
  Loader loader{partials, theme.texts, diags};
  for (const auto& [name, display] : pages) {
    std::string out;
    std::vector<Theme::Span> spans;
    std::set<std::string> stack;
    if (loader.expand(display, out, spans, stack)) {
      kainjow::mustache::mustache check(out);
      if (!check.is_valid() && !diags.has_errors()) {
        std::string msg = check.error_message();
        size_t at = msg.rfind(" at ");
        size_t offset = at == std::string::npos ? 0 : std::strtoul(msg.c_str() + at + 4, nullptr, 10);
        std::string file;
        int line, col;
        theme.templates[name] = out;
        theme.spans[name] = spans;
        theme.locate(name, offset, file, line, col);
        diags.error(file, line, col, "template error: " + msg.substr(0, at));
      }
      theme.templates[name] = std::move(out);
      theme.spans[name] = std::move(spans);
    }
  }
  // Interface strings: i18n/<group>.<lang>.yaml -> strings[group][key].
  std::string idir = dir + "/i18n";
  if (disk.exists(idir)) {
    for (const auto& rel : disk.list_files(idir, nullptr)) {
      bool zh = ends_with(rel, ".zh-Hant.yaml"), en = ends_with(rel, ".en.yaml");
      if (!zh && !en) continue;
      std::string group = rel.substr(0, rel.size() - (zh ? 13 : 8));
      std::string display = idir + "/" + rel;
      auto text = disk.read(display);
      auto fm = parse_yaml_document(display, text ? *text : "", diags);
      if (!fm) continue;
      (zh ? theme.strings_zh : theme.strings_en)[group] = fm->fields;
    }
  }
  std::string adir = dir + "/assets";
  if (disk.exists(adir)) theme.assets = disk.list_files(adir, nullptr);
  return theme;
}

OutputFiles theme_asset_files(const Theme& theme) {
  OutputFiles out;
  for (const auto& rel : theme.assets) out.push_back({"assets/" + rel, "", theme.dir + "/assets/" + rel});
  return out;
}

}  // namespace takao
