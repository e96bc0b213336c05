#include "render/cite_view.h"

#include "cite/apa.h"
#include "cite/chicago.h"
#include "cite/citation_files.h"
#include "cite/cite_item.h"
#include "model/identifiers.h"
#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

json cite_view(const Site& site, const PlannedPage& page, const std::function<std::string(const std::string&)>& label) {
  json v = json::object();
  std::string doi;
  const CiteItem* item = nullptr;
  CiteItem one;
  switch (page.kind) {
    case PageKind::article:
      one = article_cite_item(site, page.index, page.en);
      item = &one;
      break;
    case PageKind::report:
      one = report_cite_item(site, page.index, page.en);
      item = &one;
      doi = site.reports[page.index].doi;  // an article shows its DOI among its own details
      break;
    case PageKind::issue:
      if (site.issues[page.index].articles.empty()) return nullptr;
      doi = site.issues[page.index].doi;
      break;
    case PageKind::series:
      if (site.series[page.index].reports.empty()) return nullptr;
      break;
    default:
      // Pages that cite nothing still give the head's list (empty), so a site without citable pages
      // does not warn that the theme's cite-head names a variable no page provides.
      return {{"exports", json::array()}};
  }
  json exports = json::array();
  for (const auto& f : kCiteFormats) {
    exports.push_back({{"href", page.url + f.file}, {"type", f.media_type}, {"label", f.label}, {"last", &f == &kCiteFormats.back()}});
  }
  v["exports"] = exports;
  json styles = json::array();
  if (item) {
    // Runs, so that the Chinese names and titles inside an English citation are marked (language of parts).
    auto style = [&](const char* id, const std::string& text) {
      styles.push_back({{"id", id}, {"label", label(id)}, {"text", text}, {"runs", lang_runs_view(page.en, text)}});
    };
    style("apa", format_apa(*item));
    style("chicago", format_chicago(*item));
  }
  v["styles"] = styles;
  v["has_styles"] = !styles.empty();
  v["doi"] = doi;
  v["doi_url"] = doi.empty() ? "" : doi_url(doi);
  return v;
}

}  // namespace takao
