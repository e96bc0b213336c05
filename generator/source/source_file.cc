#include "source/source_file.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace takao {

const std::vector<std::string>& report_series_kinds() {
  static const std::vector<std::string> kinds = {"self-research", "commissioned", "theses", "overseas"};
  return kinds;
}

std::string normalise_text(std::string bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (bytes.find('\r') == std::string::npos) return bytes;
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      parts.push_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// Fills kind, lang, stem, folder; returns false for a Markdown file the content model has no place for.
bool classify(SourceFile& f, const std::string& display_root, Diagnostics& diags) {
  auto parts = split_path(f.path);
  const std::string& name = parts.back();
  bool markdown = ends_with(name, ".md");
  bool csv = ends_with(name, ".csv");
  if (markdown) {
    f.lang = ends_with(name, ".en.md") ? Lang::en : Lang::zh;
    f.stem = name.substr(0, name.size() - (f.lang == Lang::en ? 6 : 3));
    f.zh_path = f.lang == Lang::en ? f.path.substr(0, f.path.size() - 6) + ".md" : f.path;
  }
  if (parts.size() == 1 && name == "site.yaml") {
    f.kind = FileKind::site_config;
    return true;
  }
  if (!markdown && !(csv && parts.size() == 2 && parts[0] == "glossary")) {
    f.kind = FileKind::attachment;
    return true;
  }
  const std::string& top = parts[0];
  bool index = f.stem == "_index";
  if (top == "pages" && parts.size() == 2 && !index) {
    f.kind = FileKind::page;
  } else if (top == "journal" && parts.size() == 2 && index) {
    f.kind = FileKind::journal;
  } else if (top == "journal" && parts.size() == 3) {
    f.kind = index ? FileKind::issue : FileKind::article;
    f.folder = parts[1];
  } else if (top == "reports" && parts.size() == 2 && index) {
    f.kind = FileKind::report_archive;
  } else if (top == "reports" && parts.size() == 3) {
    f.kind = index ? FileKind::report_series : FileKind::report;
    f.folder = parts[1];
    const auto& kinds = report_series_kinds();
    if (std::find(kinds.begin(), kinds.end(), f.folder) == kinds.end()) {
      diags.error(display_root + f.path, 1, 1,
                  "unknown report series '" + f.folder +
                      "' (expected self-research, commissioned, theses or overseas)");
      return false;
    }
  } else if (top == "glossary" && parts.size() == 2) {
    if (csv) {
      f.kind = FileKind::glossary_csv;
      f.stem = name.substr(0, name.size() - 4);
      f.zh_path = f.path;
    } else {
      f.kind = index ? FileKind::glossary_home : FileKind::glossary_table;
    }
  } else {
    diags.warning(display_root + f.path, 1, 1, "not part of the content model's layout; skipped");
    return false;
  }
  return true;
}

// A file name as diagnostics can print it: control characters and bytes that are not UTF-8 become \xNN.
std::string printable_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  auto escape = [](std::string& out, unsigned char u) {
    out += "\\x";
    out += hex[u >> 4];
    out += hex[u & 15];
  };
  std::string out;
  while (!path.empty()) {
    size_t bad = find_invalid_utf8(path);
    size_t good = bad == std::string_view::npos ? path.size() : bad;
    for (char c : path.substr(0, good)) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f) escape(out, u);
      else out += c;
    }
    if (good == path.size()) break;
    escape(out, static_cast<unsigned char>(path[good]));
    path.remove_prefix(good + 1);
  }
  return out;
}

// File names become URLs and folder names in the output: they must be text.
bool valid_file_name(const std::string& path) {
  if (find_invalid_utf8(path) != std::string_view::npos) return false;
  return std::none_of(path.begin(), path.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// 1-based number of the first line holding more than kMaxTableCellsPerLine '|', or 0.
int line_with_too_many_cells(std::string_view text) {
  int line = 1;
  size_t pipes = 0;
  for (char c : text) {
    if (c == '\n') {
      ++line;
      pipes = 0;
    } else if (c == '|' && ++pipes > kMaxTableCellsPerLine) {
      return line;
    }
  }
  return 0;
}

}  // namespace

std::string content_display_root(const std::string& content_dir) {
  std::string root = content_dir.empty() || content_dir.back() == '/' ? content_dir : content_dir + "/";
  return root == "./" ? "" : root;
}

void report_symbolic_links(const std::string& content_dir, const std::vector<std::string>& links, Diagnostics& diags) {
  std::string display_root = content_display_root(content_dir);
  for (const auto& link : links) {
    diags.error(display_root + link, 1, 1, "symbolic links are not followed (content must stay inside the content folder)");
  }
}

std::vector<SourceFile> load_sources(Disk& disk, const std::string& content_dir, Diagnostics& diags) {
  std::string display_root = content_display_root(content_dir);
  std::vector<std::string> links;
  std::vector<std::string> paths = disk.list_files(content_dir, &links);
  report_symbolic_links(content_dir, links, diags);
  std::vector<SourceFile> files;
  for (const auto& path : paths) {
    auto parts = split_path(path);
    bool hidden = std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return !p.empty() && p[0] == '.'; });
    if (hidden) continue;
    if (!valid_file_name(path)) {
      diags.error(display_root + printable_path(path), 1, 1,
                  "file name is not UTF-8 text or holds a control character (names become URLs): rename it");
      continue;
    }
    SourceFile f;
    f.path = path;
    f.display_path = display_root + path;
    if (!classify(f, display_root, diags)) continue;
    if (f.kind != FileKind::attachment) {
      auto bytes = disk.read(content_dir + "/" + path);
      if (!bytes) {
        diags.error(f.display_path, 1, 1, "cannot read the file");
        continue;
      }
      if (bytes->size() > kMaxTextFileBytes) {
        char size[32];
        std::snprintf(size, sizeof size, "%.1f", static_cast<double>(bytes->size()) / (1 << 20));
        diags.error(f.display_path, 1, 1,
                    std::string("file is ") + size + " MB; Markdown, CSV and YAML files are limited to " +
                        std::to_string(kMaxTextFileBytes >> 20) + " MB (put a large document in a PDF attachment)");
        continue;
      }
      size_t bad = find_invalid_utf8(*bytes);
      if (bad != std::string_view::npos) {
        auto lc = line_col_at(*bytes, bad);
        diags.error(f.display_path, lc.line, lc.col, "invalid UTF-8 (the file must be saved as UTF-8)");
        continue;
      }
      if (bytes->find('\0') != std::string::npos) {
        auto lc = line_col_at(*bytes, bytes->find('\0'));
        diags.error(f.display_path, lc.line, lc.col, "NUL byte in a text file");
        continue;
      }
      f.bytes = normalise_text(std::move(*bytes));
      if (ends_with(f.path, ".md")) {
        if (int line = line_with_too_many_cells(f.bytes)) {
          diags.error(f.display_path, line, 1,
                      "line holds more than " + std::to_string(kMaxTableCellsPerLine) +
                          " '|' (table cells); tables this wide cannot be read in reasonable time: split the table");
          continue;
        }
      }
    }
    files.push_back(std::move(f));
  }
  return files;
}

}  // namespace takao
