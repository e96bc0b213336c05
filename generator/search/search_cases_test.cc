// Runs the shared cases of tests/cases/search-cases.json against the C++ writer and query engine; the
// Node tests run the same file against takao-search.mjs, which keeps the two engines equal.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "search/index_writer.h"
#include "search/search_index.h"

namespace takao::search {
namespace {

nlohmann::json load_cases() {
  std::ifstream in(std::string(TAKAO_SOURCE_DIR) + "/tests/cases/search-cases.json");
  return nlohmann::json::parse(in);
}

SearchDocuments case_documents(const nlohmann::json& cases) {
  SearchDocuments docs;
  for (const auto& d : cases.at("documents")) {
    SearchDocument doc;
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
  return docs;
}

ReadFile read_from(const OutputFiles& files) {
  auto map = std::make_shared<std::map<std::string, std::string>>();
  for (const OutputFile& f : files) (*map)[f.path] = f.bytes;
  return [map](const std::string& path, uint64_t offset, uint64_t length) -> std::optional<std::string> {
    auto it = map->find(path);
    if (it == map->end()) return std::nullopt;
    if (offset >= it->second.size()) return std::string();
    return it->second.substr(offset, length == kWholeFile ? std::string::npos : length);
  };
}

TEST(SearchCases, BothEnginesAgreeOnTheSharedCases) {
  nlohmann::json cases = load_cases();
  OutputFiles files = write_search_index(case_documents(cases), 2);
  std::string error;
  auto index = SearchIndex::open(read_from(files), &error);
  ASSERT_TRUE(index) << error;
  int checked = 0;
  for (const auto& c : cases.at("queries")) {
    std::string query = c.at("query");
    SearchOptions options;
    options.limit = 0;
    if (c.contains("options")) {
      const auto& o = c["options"];
      options.lang = o.value("lang", "");
      options.collection = o.value("collection", "");
      options.year = o.value("year", 0);
      options.limit = o.value("limit", 0);
      options.offset = o.value("offset", 0);
    }
    SearchPage page = index->search(query, options);
    std::vector<std::string> urls;
    for (const auto& r : page.results) urls.push_back(r.url);
    SCOPED_TRACE("query: " + query + " -> " + nlohmann::json(urls).dump());
    if (c.contains("expect")) {
      EXPECT_EQ(urls, c["expect"].get<std::vector<std::string>>());
    }
    if (c.contains("expect_unordered")) {
      auto want = c["expect_unordered"].get<std::vector<std::string>>();
      auto got = urls;
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, want);
    }
    if (c.contains("absent")) {
      for (const auto& u : c["absent"].get<std::vector<std::string>>()) {
        EXPECT_EQ(std::count(urls.begin(), urls.end(), u), 0) << u;
      }
    }
    if (c.contains("first")) {
      ASSERT_FALSE(urls.empty());
      EXPECT_EQ(urls[0], c["first"].get<std::string>());
    }
    if (c.contains("page")) {
      ASSERT_FALSE(page.results.empty());
      EXPECT_EQ(page.results[0].page, c["page"].get<int>());
    }
    if (c.contains("partial")) {
      EXPECT_EQ(page.partial, c["partial"].get<bool>());
    }
    if (c.contains("total")) {
      EXPECT_EQ(page.total, c["total"].get<size_t>());
    }
    if (c.contains("title")) {
      ASSERT_FALSE(page.results.empty());
      EXPECT_EQ(page.results[0].title, c["title"].get<std::string>());
    }
    if (c.contains("excerpt_contains")) {
      ASSERT_FALSE(page.results.empty());
      EXPECT_NE(page.results[0].excerpt.find(c["excerpt_contains"].get<std::string>()), std::string::npos);
    }
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

}  // namespace
}  // namespace takao::search
