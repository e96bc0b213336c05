#include "render/page_descriptions.h"

#include "core/text.h"
#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

namespace {

// The describe string for a page kind; the kind's template name is the key (index pages by their index).
std::string key_for(const PlannedPage& page) {
  switch (page.kind) {
    case PageKind::home: return "home";
    case PageKind::page: return "page";
    case PageKind::journal: return "journal";
    case PageKind::issue: return "issue";
    case PageKind::article: return "article";
    case PageKind::report_archive: return "reports";
    case PageKind::series:
    case PageKind::series_year: return "series";
    case PageKind::report: return "report";
    case PageKind::glossary_home: return "glossary";
    case PageKind::glossary_table:
    case PageKind::glossary_district: return "glossary_table";
    case PageKind::glossary_entry: return "glossary_entry";
    case PageKind::index_home:
    case PageKind::index_bucket: return "index_" + index_kind_name(page.index_kind);
    case PageKind::index_term: return "term_" + index_kind_name(page.index_kind);
    case PageKind::search: return "search";
    case PageKind::site_map: return "site_map";
    case PageKind::not_found: return "not_found";
  }
  return "page";
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) text.replace(pos, from.size(), to);
}

std::string as_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return "";
}

}  // namespace

std::string purpose_description(const Site&, const PlannedPage& page, const json& view, const json& strings) {
  bool en = page.en;
  const json* group = strings.contains("describe") ? &strings["describe"] : nullptr;
  // The collections the site has, as the main menu names them (the home page's first item left out).
  std::vector<std::string> collections;
  if (view.contains("nav")) {
    for (size_t i = 1; i < view["nav"].size(); ++i) collections.push_back(as_text(view["nav"][i]["label"]));
  }
  std::string key = key_for(page);
  if (key == "home" && collections.empty()) key = "home_pages";  // a site of standing pages alone
  std::string text;
  if (group && group->contains(key) && (*group)[key].is_string()) text = (*group)[key].get<std::string>();
  if (text.empty()) text = "{title} | {site}";
  // Both sides lvalues: `cond ? view["page"] : json::object()` is a prvalue, a deep copy of the
  // page's view (thousands of rows on a list page) for every page described.
  static const json kNone = json::object();
  const json& p = view.contains("page") ? view["page"] : kNone;
  replace_all(text, "{title}", as_text(view.value("title", json(""))));
  replace_all(text, "{site}", view.contains("site") ? as_text(view["site"]["title"]) : "");
  replace_all(text, "{count}", p.contains("count") ? as_text(p["count"]) : "");
  replace_all(text, "{collections}", join(collections, list_separator(en)));
  return trim(text);
}

}  // namespace takao
