#include "render/pdf_view.h"

namespace takao {

namespace {

std::string text(const nlohmann::json& strings, const char* key, const char* fallback) {
  if (strings.contains("pdf") && strings["pdf"].contains(key) && strings["pdf"][key].is_string())
    return strings["pdf"][key].get<std::string>();
  return fallback;
}

}  // namespace

nlohmann::json pdf_file_view(const nlohmann::json& pdfs, const std::string& url, const nlohmann::json& strings) {
  if (url.empty() || !pdfs.is_object() || !pdfs.contains(url)) return nlohmann::json::object();
  const nlohmann::json& info = pdfs[url];
  int pages = info.value("pages", 0);
  std::string count = text(strings, pages == 1 ? "page_count_one" : "page_count", "{n} pages");
  if (size_t at = count.find("{n}"); at != std::string::npos) count.replace(at, 3, std::to_string(pages));
  nlohmann::json v = {{"facts", "PDF, " + info.value("size", std::string()) + (pages > 0 ? ", " + count : "")}};
  if (info.contains("thumbnail")) {
    v["thumbnail"] = info["thumbnail"];
    v["width"] = info.value("width", 0);
    v["height"] = info.value("height", 0);
  }
  return v;
}

}  // namespace takao
