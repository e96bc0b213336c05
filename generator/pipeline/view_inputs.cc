#include "pipeline/view_inputs.h"

#include <algorithm>

namespace takao {

namespace {
// Their front matter reaches the frame only through the values frame_digest adds: which collections have
// pages, the newest date and the link targets.
bool is_document_of_a_collection(FileKind k) { return k == FileKind::article || k == FileKind::issue || k == FileKind::report; }
}  // namespace

Digest frame_digest(const SourceSplits& splits, const Site& site, const std::string& extra) {
  DigestBuilder d;
  d.add("takao frame 1").add(extra);
  // The glossary's files reach the frame only through which collections exist: its pages' part adds them.
  d.add(splits.paths_and_skeletons([](FileKind k) {
    return k == FileKind::site_config || (k != FileKind::attachment && !is_document_of_a_collection(k) && !is_glossary_input(k));
  }));
  d.add(newest_date(site).iso());
  for (bool has : {site.journal.has_value(), !site.issues.empty(), site.report_archive.has_value(), !site.series.empty(),
                   !site.reports.empty(), site.glossary_home.has_value(), !site.glossary_tables.empty()}) {
    d.add(has ? "1" : "0");
  }
  if (const LinkTargets* t = site.link_targets.get()) {
    for (const auto& [path, page] : t->pages) d.add(path).add(page.url).add(page.published ? "published" : "held");
    d.add("attachments");
    for (const auto& path : t->attachments) d.add(path);
    d.add("unloaded");
    for (const auto& path : t->unloaded) d.add(path);
  }
  return d.finish();
}

bool is_glossary_input(FileKind k) {
  return k == FileKind::glossary_table || k == FileKind::glossary_csv || k == FileKind::glossary_home || k == FileKind::site_config;
}

ViewParts::ViewParts(const SourceSplits& splits, const Site& site, const std::string& extra, const Digest& glossary_input)
    : site_(site), frame_(frame_digest(splits, site, extra)), documents_(splits.document_skeletons()) {
  glossary_ = DigestBuilder().add("glossary").add(frame_).add(glossary_input).finish();
}

void ViewParts::add_document(DigestBuilder& d, const Document& doc) const {
  auto it = documents_.find(doc.source_path);
  d.add(doc.source_path);
  if (it != documents_.end()) d.add(it->second);
}

std::optional<Digest> ViewParts::of(const PlannedPage& p) const {
  switch (p.kind) {
    case PageKind::glossary_home:
    case PageKind::glossary_table:
    case PageKind::glossary_district:
    case PageKind::glossary_entry: return glossary_;
    case PageKind::report: {
      DigestBuilder d;
      d.add("report").add(frame_);
      add_document(d, site_.reports[p.index].doc);
      return d.finish();
    }
    case PageKind::index_term: {
      const IndexTerm& term = index_terms(site_, p.index_kind, p.en)[p.index];
      DigestBuilder d;
      d.add("index term").add(frame_).add(term.name);
      for (size_t a : term.articles) {
        add_document(d, site_.articles[a].doc);
        add_document(d, site_.issues[site_.articles[a].issue].doc);
      }
      d.add("reports");
      for (size_t r : term.reports) add_document(d, site_.reports[r].doc);
      const auto& other = index_terms(site_, p.index_kind, !p.en);
      bool shared = std::any_of(other.begin(), other.end(), [&](const IndexTerm& o) { return o.name == term.name; });
      d.add(shared ? "shared" : "alone");
      return d.finish();
    }
    default: return std::nullopt;
  }
}

Digest ViewParts::of_citations(const CitationExport& page) const {
  DigestBuilder d;
  d.add("citations 1").add(frame_).add(page.folder).add(page.en ? "en" : "zh");
  auto add_article = [&](size_t a) {
    add_document(d, site_.articles[a].doc);
    add_document(d, site_.issues[site_.articles[a].issue].doc);
  };
  switch (page.scope) {
    case CiteScope::article: add_article(page.index); break;
    case CiteScope::report: add_document(d, site_.reports[page.index].doc); break;
    case CiteScope::issue:
      add_document(d, site_.issues[page.index].doc);
      for (size_t a : site_.issues[page.index].articles) add_article(a);
      break;
    case CiteScope::series:
      add_document(d, site_.series[page.index].doc);
      for (size_t r : site_.series[page.index].reports) add_document(d, site_.reports[r].doc);
      break;
  }
  return d.finish();
}

}  // namespace takao
