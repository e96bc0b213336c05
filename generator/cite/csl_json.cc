#include "cite/csl_json.h"

#include "core/text.h"

namespace takao {

using ojson = nlohmann::ordered_json;

ojson csl_item(const CiteItem& it) {
  ojson v;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) v[key] = value;
  };
  v["id"] = it.key;
  v["type"] = it.type == CiteType::article ? "article-journal" : it.type == CiteType::report ? "report" : "thesis";
  put("title", it.title);
  put("original-title", it.original_title);
  ojson authors = ojson::array();
  for (const auto& a : it.authors) {
    // A literal name: CSL processors print it as written and never guess a family name.
    ojson n = {{"literal", a.name}};
    if (!a.orcid.empty()) n["ORCID"] = "https://orcid.org/" + a.orcid;
    authors.push_back(n);
  }
  if (!authors.empty()) v["author"] = authors;
  if (!it.date.empty() && it.date.year == it.year) {
    v["issued"] = {{"date-parts", ojson::array({ojson::array({it.date.year, it.date.month, it.date.day})})}};
  } else if (it.year > 0) {
    v["issued"] = {{"date-parts", ojson::array({ojson::array({it.year})})}};
  }
  if (it.type == CiteType::article) {
    put("container-title", it.journal);
    put("ISSN", it.issn);
    put("volume", it.volume);
    put("issue", it.issue);
    put("page", it.pages);
  } else if (it.type == CiteType::report) {
    put("number", it.number);
    put("collection-title", it.series);
  } else {
    put("genre", it.degree);
  }
  put("publisher", it.publisher);
  put("DOI", it.doi);
  put("URL", it.url);
  put("abstract", it.abstract);
  put("keyword", join(it.keywords, ", "));
  put("language", it.language);
  return v;
}

std::string write_csl_json(const std::vector<CiteItem>& items) {
  ojson list = ojson::array();
  for (const auto& it : items) list.push_back(csl_item(it));
  return list.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace takao
