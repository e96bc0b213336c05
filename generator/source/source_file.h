// Walks content/ and classifies each file by its path, as the content model lays it out.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk.h"

namespace takao {

enum class FileKind {
  site_config,     // site.yaml
  page,            // pages/<slug>.md
  journal,         // journal/_index.md
  issue,           // journal/<NNN>/_index.md
  article,         // journal/<NNN>/<slug>.md
  report_archive,  // reports/_index.md
  report_series,   // reports/<kind>/_index.md
  report,          // reports/<kind>/<slug>.md
  glossary_home,   // glossary/_index.md
  glossary_table,  // glossary/<name>.md
  glossary_csv,    // glossary/<name>.csv
  attachment,      // any other file next to Markdown: copied beside the page's output
};

enum class Lang { zh, en };

struct SourceFile {
  std::string path;          // relative to the content folder: "journal/017/01-mice.en.md"
  std::string display_path;  // as diagnostics show it: "content/journal/017/01-mice.en.md"
  FileKind kind = FileKind::attachment;
  Lang lang = Lang::zh;      // en for name.en.md
  std::string zh_path;       // the Chinese twin's path (itself for Chinese files)
  std::string folder;        // "017" for issues and articles, "self-research" for series and reports
  std::string stem;          // file name without ".md"/".en.md"/".csv"
  std::string bytes;         // UTF-8 text, BOM removed, line endings normalised to '\n' (attachments: empty)
};

// The report series the content model knows, in display order.
const std::vector<std::string>& report_series_kinds();

// The largest Markdown, CSV or YAML file takao reads. Real ones are kilobytes; a bigger one is a mistake
// (a pasted image, a binary saved as .md) and would cost seconds and gigabytes to render and compress.
constexpr size_t kMaxTextFileBytes = 8u << 20;
// The most '|' one Markdown line may hold: cmark-gfm's table parser is quadratic in the cells of a row
// (16,000 cells took 21 s). Glossary tables have a handful of columns.
constexpr size_t kMaxTableCellsPerLine = 256;

// Lists and reads every file under `content_dir`. Files outside the content model's layout are warnings
// and skipped; invalid UTF-8, NUL bytes, text files over kMaxTextFileBytes, Markdown lines with more than
// kMaxTableCellsPerLine '|', file names that are not UTF-8 or hold control characters, symbolic links and
// unknown series are errors.
std::vector<SourceFile> load_sources(Disk& disk, const std::string& content_dir, Diagnostics& diags);

// How paths of the content folder are shown in diagnostics: "content/journal/017/01-mice.md" ("./" dropped).
std::string content_display_root(const std::string& content_dir);

// The error for each symbolic link a walk of the content folder found (`links` relative to it): the rule
// of load_sources, for the preview's engine, which walks the folder itself and loads only what changed.
void report_symbolic_links(const std::string& content_dir, const std::vector<std::string>& links, Diagnostics& diags);

// Strips a UTF-8 BOM and turns CRLF and lone CR into '\n', keeping the line count.
std::string normalise_text(std::string bytes);

}  // namespace takao
