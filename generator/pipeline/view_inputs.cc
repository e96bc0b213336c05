#include "pipeline/view_inputs.h"

namespace takao {

namespace {
// Their front matter reaches the frame only through the values frame_digest adds: which collections have
// pages, the newest date and the link targets.
bool is_document_of_a_collection(FileKind k) { return k == FileKind::article || k == FileKind::issue || k == FileKind::report; }
}  // namespace

Digest frame_digest(const SourceSplits& splits, const Site& site, const std::string& extra) {
  DigestBuilder d;
  d.add("takao frame 1").add(extra);
  d.add(splits.paths_and_skeletons([](FileKind k) { return k != FileKind::attachment && !is_document_of_a_collection(k); }));
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

const char* view_part_of(PageKind kind) {
  switch (kind) {
    case PageKind::glossary_home:
    case PageKind::glossary_table:
    case PageKind::glossary_district:
    case PageKind::glossary_entry: return "glossary views";
    default: return nullptr;
  }
}

}  // namespace takao
