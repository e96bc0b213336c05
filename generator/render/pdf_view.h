// What a document's page shows of its PDF (partials/pdf-block.mustache): "PDF, 2.3 MB, 45 頁" and the
// first page's thumbnail, from what the build read of the file (RenderOptions::pdfs).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace takao {

// `pdfs` maps a PDF's url to {size, pages, thumbnail, width, height}; `strings` are the theme's interface
// strings of the page's language. An empty object when the build has nothing on that url (an external
// PDF).
nlohmann::json pdf_file_view(const nlohmann::json& pdfs, const std::string& url, const nlohmann::json& strings);

}  // namespace takao
