#include "cite/citation_files.h"

#include "cite/bibtex.h"
#include "cite/cite_item.h"
#include "cite/csl_json.h"
#include "cite/ris.h"
#include "core/parallel.h"
#include "core/text.h"

namespace takao {

OutputFiles write_citation_files(const Site& site, int jobs) {
  // What to write, in order; made on the threads (21,000 files, 70 MB on the 10,000-page corpus).
  struct Job {
    CiteScope scope;
    size_t index;
    const Document* doc;
    bool en;
  };
  std::vector<Job> todo;
  auto add = [&](CiteScope scope, size_t index, const Document& doc, bool has_english) {
    for (bool en : {false, true}) {
      if (!en || has_english) todo.push_back({scope, index, &doc, en});
    }
  };
  for (size_t i = 0; i < site.issues.size(); ++i) add(CiteScope::issue, i, site.issues[i].doc, true);
  for (size_t i = 0; i < site.articles.size(); ++i) add(CiteScope::article, i, site.articles[i].doc, site.articles[i].doc.has_english);
  for (size_t i = 0; i < site.series.size(); ++i) add(CiteScope::series, i, site.series[i].doc, true);
  for (size_t i = 0; i < site.reports.size(); ++i) add(CiteScope::report, i, site.reports[i].doc, site.reports[i].doc.has_english);
  std::vector<OutputFiles> made(todo.size());
  parallel_for(todo.size(), jobs, [&](size_t i) {
    const Job& job = todo[i];
    auto items = cite_items(site, job.scope, job.index, job.en);
    if (items.empty()) return;
    std::string folder = url_decode((job.en ? "/en" : "") + job.doc->url).substr(1);  // "journal/017/01-mice/"
    made[i].push_back({folder + kCiteFormats[0].file, write_bibtex(items), ""});
    made[i].push_back({folder + kCiteFormats[1].file, write_ris(items), ""});
    made[i].push_back({folder + kCiteFormats[2].file, write_csl_json(items), ""});
  });
  OutputFiles out;
  for (auto& files : made) {
    for (auto& f : files) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace takao
