// Writes lookup index files (and the open-data downloads) from a glossary outside a site build:
//   lookup_indexer --cases tests/cases/lookup-cases.json OUT       the shared test glossary
//   lookup_indexer --csv FILE [--table SLUG] [--category CAT] OUT   a CSV fixture (first row: header;
//                                                                   any two-column header reads as 中文,English)
//   lookup_indexer --content DIR OUT                                 DIR/glossary/*.md and *.csv
// --allow-errors writes the index even when the glossary has errors (their rows left out); --quiet prints
// only the counts of errors and warnings. With --forms, also OUT/forms.json: every entry with its Hanyu, Tongyong and Wade-Giles forms.
//   lookup_indexer lookup [--site DIR] [--limit N] [--json] QUERY   runs `takao lookup` itself, so tests
//                                                                   can compare it with the JS module
//                                                                   before the full program is built
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "frontmatter/front_matter.h"
#include "glossary/glossary_reader.h"
#include "glossary/postal_table.h"
#include "lookup/lookup_cli.h"
#include "lookup/lookup_index_writer.h"
#include "lookup/name_forms.h"
#include "lookup/tools/case_glossary.h"

namespace fs = std::filesystem;
using namespace takao;

static std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

static GlossaryEntries read_cases(const fs::path& file, Diagnostics& diags) {
  return read_case_glossary(nlohmann::json::parse(read_file(file)), file.string(), diags);
}

static GlossaryEntries read_csv_fixture(const fs::path& file, const std::string& slug, const std::string& category,
                                        Diagnostics& diags) {
  std::string text = read_file(file);
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  size_t eol = text.find('\n', start);
  std::string header = text.substr(start, eol == std::string::npos ? std::string::npos : eol - start);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (header.find("中文") == std::string::npos || header.find("English") == std::string::npos) {
    if (std::count(header.begin(), header.end(), ',') == 1)
      text = "中文,English\n" + (eol == std::string::npos ? std::string() : text.substr(eol + 1));
  }
  GlossaryTableInfo info{file.string(), "glossary/" + slug + ".csv", slug, category};
  std::vector<GlossaryEntries> tables{read_glossary_csv(text, info, diags)};
  for (auto& e : tables[0])
    if (e.category.empty()) e.category = category;
  return finish_glossary(std::move(tables), diags);
}

static GlossaryEntries read_content(const fs::path& content, Diagnostics& diags) {
  std::vector<GlossaryEntries> tables;
  std::vector<fs::path> files;
  fs::path dir = content / "glossary";
  if (fs::is_directory(dir))
    for (const auto& f : fs::directory_iterator(dir)) files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string name = f.filename().string();
    std::string ext = f.extension().string();
    if (name == "_index.md" || name.ends_with(".en.md") || (ext != ".md" && ext != ".csv")) continue;
    if (ext == ".csv" && is_postal_table(read_file(f))) continue;  // the Post's code ranges, read apart
    GlossaryTableInfo info;
    info.display_path = f.string();
    info.source_path = "glossary/" + name;
    info.table_slug = f.stem().string();
    std::string text = read_file(f);
    if (ext == ".csv") {
      tables.push_back(read_glossary_csv(text, info, diags));
    } else {
      auto fm = parse_front_matter(info.display_path, text, diags);
      if (!fm) continue;
      if (fm->fields.contains("category") && fm->fields["category"].is_string())
        info.default_category = fm->fields["category"].get<std::string>();
      tables.push_back(read_glossary_markdown(fm->body, fm->body_line, info, diags));
    }
  }
  return finish_glossary(std::move(tables), diags);
}

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "lookup") return lookup_main(argc - 1, argv + 1);
  std::string mode, input, out, table = "roads", category = "road";
  bool forms = false, allow_errors = false, quiet = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "--cases" || a == "--csv" || a == "--content") && i + 1 < argc) {
      mode = a;
      input = argv[++i];
    } else if (a == "--table" && i + 1 < argc) {
      table = argv[++i];
    } else if (a == "--category" && i + 1 < argc) {
      category = argv[++i];
    } else if (a == "--allow-errors") {
      allow_errors = true;
    } else if (a == "--quiet") {
      quiet = true;
    } else if (a == "--forms") {
      forms = true;
    } else {
      out = a;
    }
  }
  if (mode.empty() || out.empty()) {
    std::cerr << "usage: lookup_indexer (--cases FILE | --csv FILE [--table SLUG] [--category CAT] | --content DIR)"
                 " [--forms] OUTDIR\n";
    return 2;
  }
  Diagnostics diags;
  GlossaryEntries entries;
  PostalTable postal;
  try {
    if (mode == "--cases") {
      entries = read_cases(input, diags);
      postal = read_case_postal(nlohmann::json::parse(read_file(input)), input, diags);
    } else if (mode == "--content") {
      fs::path p = fs::path(input) / "glossary" / "postcodes.csv";
      if (fs::exists(p)) postal = read_postal_table(read_file(p), p.string(), diags);
    }
    if (mode == "--csv") entries = read_csv_fixture(input, table, category, diags);
    if (mode == "--content") {
      entries = read_content(input, diags);
      attach_postal(entries, postal);
    }
  } catch (const std::exception& e) {
    std::cerr << "lookup_indexer: " << e.what() << "\n";
    return 1;
  }
  if (!quiet)
    for (const auto& d : diags.sorted()) std::cerr << d.format() << "\n";
  std::cerr << "lookup_indexer: " << diags.error_count() << " errors, " << diags.warning_count() << " warnings\n";
  // A benchmark fixture from outside may hold conflicts of its own: --allow-errors indexes what was read.
  if (diags.has_errors() && !allow_errors) return 1;
  OutputFiles files = write_lookup_index(entries, postal);
  for (auto& f : write_glossary_open_data(entries, postal)) files.push_back(std::move(f));
  if (forms) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
      NameForms n = name_forms(e);
      list.push_back({{"zh", e.zh}, {"en", e.en}, {"category", e.category}, {"url", e.url},
                      {"hanyu", n.hanyu}, {"tongyong", n.tongyong}, {"wade_giles", n.wade_giles}});
    }
    files.push_back({"forms.json", list.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), {}});
  }
  for (const auto& f : files) {
    fs::path p = fs::path(out) / f.path;
    fs::create_directories(p.parent_path());
    std::ofstream o(p, std::ios::binary);
    o << f.bytes;
  }
  std::cerr << "lookup_indexer: " << entries.size() << " entries, " << files.size() << " files in " << out << "\n";
  return 0;
}
