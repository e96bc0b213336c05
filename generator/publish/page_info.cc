#include "publish/page_info.h"

namespace takao {

const Document* page_document(const Site& site, const PlannedPage& p) {
  switch (p.kind) {
    case PageKind::page: return &site.pages[p.index].doc;
    case PageKind::journal: return site.journal ? &site.journal->doc : nullptr;
    case PageKind::issue: return &site.issues[p.index].doc;
    case PageKind::article: return &site.articles[p.index].doc;
    case PageKind::report_archive: return site.report_archive ? &*site.report_archive : nullptr;
    case PageKind::series: return &site.series[p.index].doc;
    case PageKind::report: return &site.reports[p.index].doc;
    case PageKind::glossary_home: return site.glossary_home ? &*site.glossary_home : nullptr;
    case PageKind::glossary_table:
    case PageKind::glossary_district: return &site.glossary_tables[p.index].doc;
    default: return nullptr;
  }
}

Date page_date(const Site& site, const PlannedPage& p, const Date& newest) {
  Date own;
  if (p.kind == PageKind::article) own = site.issues[site.articles[p.index].issue].doc.published;
  if (const Document* d = page_document(site, p); d && !d->published.empty()) own = d->published;
  return own.empty() ? newest : own;
}

std::string absolute_url(const Site& site, const std::string& url) {
  const std::string& base = site.config.base_url;
  if (base.empty()) return url;
  if (url.empty()) return base;
  if (url.find("://") != std::string::npos) return url;
  return base + (url[0] == '/' ? url.substr(1) : url);
}

}  // namespace takao
