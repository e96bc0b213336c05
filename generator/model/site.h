// The one immutable site model every later stage reads: the journal with its issues and articles, the
// report series, the glossary, the pages, and the indexes by author, keyword and agency.
// Built in one place (build_site), sorted deterministically, plain data with no behaviour.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "glossary/glossary_entry.h"
#include "glossary/postal_table.h"
#include "markdown/markdown.h"
#include "model/body_links.h"
#include "source/source_file.h"

namespace takao {

struct SiteConfig {
  std::string title, title_en;
  std::string base_url;  // always ends with '/'
  std::vector<std::string> languages;
  nlohmann::json fields;  // everything in site.yaml, for templates
};

struct Author {
  std::string name, name_en, affiliation;
  std::string orcid;  // "0000-0002-1825-0097" (check digit verified), "" when not given
};

// What every Markdown document gives, whatever its collection.
struct Document {
  FileKind kind = FileKind::page;
  std::string source_path;   // content-relative path of the Chinese file
  std::string display_path;  // for diagnostics
  std::string en_display_path;  // of the .en.md twin, when there is one
  std::string url;           // Chinese URL, "/journal/017/01-mice/" (percent-encoded); English is "/en" + url
  std::string title, title_en;
  bool has_english = false;  // an English page is published (a twin or a title_en)
  bool has_en_body = false;  // the English page has its own English body (from the twin)
  bool draft = false;
  Date published;            // empty when not given
  int weight = 0;
  nlohmann::json fields;     // all front matter of the Chinese file (unknown fields too)
  nlohmann::json fields_en;  // all front matter of the .en.md twin
  RenderedMarkdown body;     // from the Chinese file
  RenderedMarkdown body_en;  // from the .en.md twin, when has_en_body
  BodyLinks links, links_en; // what resolving each body's links found (reported by report_body_diagnostics)
  size_t word_count = 0;     // of the Chinese body: each CJK character counts as a word
};

struct Page {
  Document doc;
};

struct Article {
  Document doc;
  std::vector<Author> authors;
  std::string abstract, abstract_en;
  std::vector<std::string> keywords, keywords_en;
  std::string pages;  // "6-21"
  int first_page = 0, last_page = 0;
  std::string pdf;    // site-absolute URL or external URL, "" when none
  std::string doi;    // bare, "10.1234/abcd" (model/identifiers.h)
  size_t issue = 0;   // index into Site::issues
};

struct Issue {
  Document doc;
  int number = 0;
  std::string folder;  // "017"
  std::string volume, cover, pdf;
  std::string doi;  // bare, "10.1234/abcd" (model/identifiers.h)
  std::vector<size_t> articles;  // indexes into Site::articles, in file-name order
};

struct Journal {
  Document doc;
  std::string issn, gpn, frequency;
  std::vector<size_t> issues;  // newest first
};

struct Report {
  Document doc;
  std::string series;  // "self-research"
  int year = 0;
  std::string agency, award, status, pdf, number, university, degree, advisor, destination;
  std::string doi;
  std::vector<Author> authors;
};

struct ReportSeries {
  Document doc;
  std::string kind;
  std::vector<size_t> reports;  // newest year first, then by published date, then title
};

struct GlossaryTable {
  Document doc;
  std::string slug, category;
  bool from_csv = false;
  std::vector<size_t> entries;  // indexes into Site::glossary
};

// One name (author, keyword or agency) with what it lists.
struct IndexTerm {
  std::string name;
  std::string slug;                 // path segment (the name itself, percent-encoded in URLs)
  std::vector<size_t> articles;     // for authors and keywords
  std::vector<size_t> reports;      // for authors and agencies
};

struct Site {
  SiteConfig config;
  std::vector<Page> pages;   // standalone pages, by weight then title
  std::optional<Journal> journal;
  std::vector<Issue> issues;        // newest first
  std::vector<Article> articles;
  std::optional<Document> report_archive;
  std::vector<ReportSeries> series; // in report_series_kinds() order, only those present
  std::vector<Report> reports;
  std::optional<Document> glossary_home;
  std::vector<GlossaryTable> glossary_tables;  // by slug
  GlossaryEntries glossary;                    // all entries, (table, line) order
  PostalTable postal;  // Chunghwa Post's code ranges (glossary/*.csv with the Post's header), if any
  std::vector<IndexTerm> authors, keywords, keywords_en, agencies;  // in collation order (zh: strokes)
  std::vector<SourceFile> attachments;  // copied to the same path under the output root
  std::shared_ptr<const LinkTargets> link_targets;  // what bodies link against (model/site_bodies.h)
};

class ParseCache;

struct BuildOptions {
  bool drafts = false;  // include drafts and pages published in the future
  Date today;           // the clock, for scheduled publishing; empty = never hide future pages
  int jobs = 1;
  std::string base_url;  // overrides site.yaml when set
  ParseCache* cache = nullptr;        // takao serve: reuse the parses of unchanged files (model/parse_cache.h)
  // false: the bodies' link problems and the anchor check are left to report_body_diagnostics
  // (model/site_bodies.h), so takao serve can keep them apart from the rest.
  bool body_diagnostics = true;
  // Called once for every source file as its front matter is read (from many threads at once), with where
  // its body starts in its bytes: nullopt for files that are not Markdown documents or whose front matter
  // did not parse. The build's record of what each file's skeleton and body are (pipeline/source_split.h).
  std::function<void(const SourceFile&, std::optional<size_t> body_offset)> on_source;
};

// The newest published date anywhere in the site (issues, reports, pages): its "last updated", and the date
// of every generated page. Walks the site: callers make it once per build step, not once per page.
Date newest_date(const Site& site);

// Builds the model from the loaded sources; problems go to `diags` (the model is then incomplete and must
// not be published).
std::unique_ptr<Site> build_site(std::vector<SourceFile> sources, const BuildOptions& options, Diagnostics& diags);

}  // namespace takao
