#include "cite/citation_files.h"

#include "cite/bibtex.h"
#include "cite/cite_item.h"
#include "cite/csl_json.h"
#include "cite/ris.h"
#include "core/text.h"

namespace takao {

OutputFiles write_citation_files(const Site& site) {
  OutputFiles out;
  auto add = [&](CiteScope scope, size_t index, const Document& doc, bool has_english) {
    for (bool en : {false, true}) {
      if (en && !has_english) continue;
      auto items = cite_items(site, scope, index, en);
      if (items.empty()) continue;
      std::string folder = url_decode((en ? "/en" : "") + doc.url).substr(1);  // "journal/017/01-mice/"
      out.push_back({folder + kCiteFormats[0].file, write_bibtex(items), ""});
      out.push_back({folder + kCiteFormats[1].file, write_ris(items), ""});
      out.push_back({folder + kCiteFormats[2].file, write_csl_json(items), ""});
    }
  };
  for (size_t i = 0; i < site.issues.size(); ++i) add(CiteScope::issue, i, site.issues[i].doc, true);
  for (size_t i = 0; i < site.articles.size(); ++i) add(CiteScope::article, i, site.articles[i].doc, site.articles[i].doc.has_english);
  for (size_t i = 0; i < site.series.size(); ++i) add(CiteScope::series, i, site.series[i].doc, true);
  for (size_t i = 0; i < site.reports.size(); ++i) add(CiteScope::report, i, site.reports[i].doc, site.reports[i].doc.has_english);
  return out;
}

}  // namespace takao
