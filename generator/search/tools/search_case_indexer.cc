// Writes the search index of the documents in a shared case file (tests/cases/search-cases.json) to a
// folder, so the Node tests of takao-search.mjs read exactly what the C++ writer produces.
//   search_case_indexer CASES.json OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <tuple>

#include "search/index_writer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_case_indexer CASES.json OUT_DIR\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  nlohmann::json cases = nlohmann::json::parse(in, nullptr, false);
  if (cases.is_discarded()) {
    std::cerr << argv[1] << ": not JSON\n";
    return 1;
  }
  takao::SearchDocuments docs;
  for (const auto& d : cases.at("documents")) {
    takao::SearchDocument doc;
    doc.url = d.value("url", "");
    doc.lang = d.value("lang", "zh-Hant");
    doc.collection = d.value("collection", "page");
    doc.title = d.value("title", "");
    doc.title_alt = d.value("title_alt", "");
    doc.authors = d.value("authors", "");
    doc.keywords = d.value("keywords", "");
    doc.abstract = d.value("abstract", "");
    doc.body_text = d.value("body", "");
    doc.date = d.value("date", "");
    doc.year = d.value("year", 0);
    doc.page = d.value("page", 0);
    docs.push_back(std::move(doc));
  }
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return std::tie(a.url, a.lang) < std::tie(b.url, b.lang); });
  for (const takao::OutputFile& f : takao::write_search_index(docs)) {
    std::filesystem::path p = std::filesystem::path(argv[2]) / f.path;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << f.bytes;
  }
  return 0;
}
