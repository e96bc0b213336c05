#include "render/page_metadata.h"

namespace takao {

using json = nlohmann::json;

std::string json_for_script(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

json page_metadata(const Site& site, const PlannedPage& page, const json& view) {
  json meta = json::array();
  auto property = [&](const std::string& name, const std::string& content) {
    if (!content.empty()) meta.push_back({{"property", name}, {"content", content}});
  };
  property("og:title", view.value("title", ""));
  property("og:url", view.value("canonical", ""));
  property("og:site_name", view["site"].value("title", ""));
  property("og:locale", page.en ? "en_US" : "zh_TW");
  property("og:type", page.kind == PageKind::article ? "article" : "website");
  property("og:description", view.value("description", ""));
  json ld = {{"@context", "https://schema.org"}, {"@type", "WebPage"}, {"name", view.value("title", "")},
             {"url", view.value("canonical", "")}, {"inLanguage", page.en ? "en" : "zh-Hant"}};
  return {{"meta", meta}, {"jsonld", json_for_script(ld)}};
}

}  // namespace takao
