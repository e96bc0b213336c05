// The C++ query engine: recall of every substring, phrase precision, ranking, filters and excerpts.
#include "search/search_index.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "search/index_writer.h"

namespace takao::search {
namespace {

class SearchIndexTest : public ::testing::Test {
 protected:
  void build(SearchDocuments docs) {
    docs_ = docs;
    files_.clear();
    for (auto& f : write_search_index(docs, 2)) files_[f.path] = f.bytes;
    std::string error;
    index_ = SearchIndex::open(
        [this](const std::string& p, uint64_t off, uint64_t len) -> std::optional<std::string> {
          auto it = files_.find(p);
          if (it == files_.end()) return std::nullopt;
          if (off >= it->second.size()) return std::string();
          return it->second.substr(off, len == kWholeFile ? std::string::npos : len);
        },
        &error);
    ASSERT_TRUE(index_) << error;
  }
  std::vector<std::string> urls(std::string_view q, SearchOptions o = {}) {
    o.limit = o.limit == 10 ? 0 : o.limit;
    std::vector<std::string> out;
    for (const auto& r : index_->search(q, o).results) out.push_back(r.url);
    return out;
  }
  static SearchDocument page(std::string url, std::string title, std::string body) {
    SearchDocument d;
    d.url = std::move(url);
    d.lang = "zh-Hant";
    d.collection = "page";
    d.title = std::move(title);
    d.body_text = std::move(body);
    return d;
  }
  SearchDocuments docs_;
  std::map<std::string, std::string> files_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SearchIndexTest, EverySubstringFindsItsPagesAndUpToTwoCharactersOnlyThose) {
  std::mt19937 rng(7);
  std::u32string alphabet = U"研究報告城市發展港灣交通會展高雄期程分析";
  SearchDocuments docs;
  for (int i = 0; i < 60; ++i) {
    std::u32string body;
    for (int k = 0; k < 200; ++k) body += alphabet[rng() % alphabet.size()];
    char url[32];
    std::snprintf(url, sizeof url, "/p%02d/", i);
    docs.push_back(page(url, "", to_utf8(body)));
  }
  build(docs);
  for (int t = 0; t < 300; ++t) {
    const SearchDocument& d = docs[rng() % docs.size()];
    std::u32string body;
    decode_utf8(d.body(), body, nullptr);
    size_t len = 2 + rng() % 4;
    std::string q = to_utf8(body.substr(rng() % (body.size() - len), len));
    std::vector<std::string> want;
    for (const auto& e : docs)
      if (e.body().find(q) != std::string::npos) want.push_back(e.url);
    std::vector<std::string> got = urls(q);
    std::sort(got.begin(), got.end());
    // Up to two characters a piece is the whole query: exact. Longer queries are their two-character pieces
    // with next-character masks, which this adversarial text (20 letters, uniform) satisfies apart more
    // often than prose does: never a miss, and never more than the pages holding every piece.
    if (len <= 2) {
      EXPECT_EQ(got, want) << q;
    } else {
      for (const auto& u : want) EXPECT_NE(std::find(got.begin(), got.end(), u), got.end()) << q;
    }
  }
}

TEST_F(SearchIndexTest, TitleAboveBodyAndExactPhraseAbovePartsOnlyWhenNothingHasTheWhole) {
  build({page("/a/", "其他", "港灣再生計畫"), page("/b/", "港灣", "無關內容"), page("/c/", "城市", "港口與灣區")});
  EXPECT_EQ(urls("港灣"), (std::vector<std::string>{"/b/", "/a/"}));
  SearchPage parts = index_->search("港灣區", {});
  EXPECT_TRUE(parts.partial);
  ASSERT_FALSE(parts.results.empty());
}

TEST_F(SearchIndexTest, ExcerptShowsAndMarksTheMatchDeepInALongBody) {
  std::string body;
  for (int i = 0; i < 400; ++i) body += "填充文字。";
  body += "這裡談到輕軌路網的期程規劃。";
  for (int i = 0; i < 100; ++i) body += "後續內容。";
  build({page("/long/", "長文", body)});
  SearchPage p = index_->search("期程", {});
  ASSERT_EQ(p.results.size(), 1u);
  const SearchResult& r = p.results[0];
  EXPECT_NE(r.excerpt.find("輕軌路網的期程規劃"), std::string::npos) << r.excerpt;
  ASSERT_EQ(r.ranges.size(), 1u);
  std::u16string u16;
  std::u32string cps;
  decode_utf8(r.excerpt, cps, nullptr);
  for (char32_t c : cps) u16.push_back(static_cast<char16_t>(c));
  EXPECT_EQ(u16.substr(r.ranges[0].first, r.ranges[0].second - r.ranges[0].first), u"期程");
}

TEST_F(SearchIndexTest, TiesAreBrokenByUrlAndPagingIsStable) {
  SearchDocuments docs;
  for (int i = 9; i >= 0; --i) docs.push_back(page("/t" + std::to_string(i) + "/", "", "同樣的內容"));
  std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.url < b.url; });
  build(docs);
  std::vector<std::string> all = urls("內容");
  ASSERT_EQ(all.size(), 10u);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  SearchOptions o;
  o.limit = 3;
  o.offset = 3;
  SearchPage p = index_->search("內容", o);
  EXPECT_EQ(p.total, 10u);
  ASSERT_EQ(p.results.size(), 3u);
  EXPECT_EQ(p.results[0].url, all[3]);
}

TEST_F(SearchIndexTest, MissingIndexIsAnError) {
  std::string error;
  auto none = SearchIndex::open([](const std::string&, uint64_t, uint64_t) { return std::optional<std::string>(); }, &error);
  EXPECT_FALSE(none);
  EXPECT_NE(error.find("manifest.json"), std::string::npos);
}

}  // namespace
}  // namespace takao::search
