// The index writer: deterministic files, the layout of index_format.h, grouping of twin pages.
#include "search/index_writer.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

#include "search/index_format.h"
#include "search/search_index.h"

namespace takao::search {
namespace {

SearchDocument doc(std::string url, std::string lang, std::string title, std::string body, int year = 0) {
  SearchDocument d;
  d.url = std::move(url);
  d.lang = std::move(lang);
  d.collection = "report";
  d.title = std::move(title);
  d.body_text = std::move(body);
  d.year = year;
  return d;
}

SearchDocuments sample(int n) {
  SearchDocuments docs;
  const char* words[] = {"研究", "報告", "城市", "發展", "港灣", "會展", "交通", "planning", "transport", "高雄"};
  for (int i = 0; i < n; ++i) {
    std::string body;
    for (int k = 0; k < 40; ++k) body += std::string(words[(i * 7 + k * 3) % 10]) + (k % 5 == 4 ? "。" : "");
    char url[64];
    std::snprintf(url, sizeof url, "/reports/r%04d/", i);
    docs.push_back(doc(url, "zh-Hant", "報告" + std::to_string(i), body, 2000 + i % 20));
  }
  return docs;
}

std::map<std::string, std::string> as_map(const OutputFiles& files) {
  std::map<std::string, std::string> m;
  for (const auto& f : files) m[f.path] = f.bytes;
  return m;
}

TEST(IndexWriter, SameBytesWhateverTheThreadCount) {
  SearchDocuments docs = sample(1200);  // counted in several chunks
  auto one = as_map(write_search_index(docs, 1));
  auto two = as_map(write_search_index(docs, 2));
  auto four = as_map(write_search_index(docs, 4));
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, four);
}

// The build writes the record packs as it makes them (write_search_index_lazily): the same files.
TEST(IndexWriter, RecordPacksMadeWhenWrittenAreTheSameFiles) {
  SearchDocuments docs = sample(400);
  OutputFiles lazy = write_search_index_lazily(docs, 2);
  size_t deferred = 0;
  for (OutputFile& f : lazy) {
    if (!f.make) {
      EXPECT_FALSE(f.bytes.empty()) << f.path;
      continue;
    }
    ++deferred;
    EXPECT_NE(f.path.find("/r/"), std::string::npos) << f.path;
    EXPECT_TRUE(f.bytes.empty()) << f.path;
    f.bytes = f.make();
  }
  EXPECT_GT(deferred, 0u);
  EXPECT_EQ(as_map(lazy), as_map(write_search_index(docs, 1)));
}

TEST(IndexWriter, ManifestNamesAVersionedFolderHoldingEveryFile) {
  OutputFiles files = write_search_index(sample(50), 2);
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files[0].path, "search/manifest.json");
  auto manifest = nlohmann::json::parse(files[0].bytes);
  EXPECT_EQ(manifest["format"], kFormatVersion);
  std::string dir = manifest["dir"];
  EXPECT_EQ(dir.rfind("search/v-", 0), 0u);
  EXPECT_EQ(dir.size(), std::string("search/v-0123456789abcdef/").size());
  for (size_t i = 1; i < files.size(); ++i) EXPECT_EQ(files[i].path.rfind(dir, 0), 0u) << files[i].path;
  EXPECT_EQ(manifest["groups"], 50);
  EXPECT_EQ(manifest["years"].size(), 20u);
  // Changing one page changes the folder name: cached files are never stale.
  SearchDocuments changed = sample(50);
  changed[3].body_text += "新增";
  auto manifest2 = nlohmann::json::parse(write_search_index(changed, 2)[0].bytes);
  EXPECT_NE(manifest2["dir"], manifest["dir"]);
}

// Term shards and lexicon buckets sit in packs behind a table of u32 offsets that covers the whole pack.
TEST(IndexWriter, PacksStartWithAnOffsetTableCoveringThePack) {
  auto files = as_map(write_search_index(sample(2000), 2));
  auto manifest = nlohmann::json::parse(files.at("search/manifest.json"));
  std::string dir = manifest["dir"];
  for (auto [folder, count_key, per_pack_key] : {std::tuple{"t/", "term_shards", "shards_per_pack"},
                                                  std::tuple{"x/", "lexicon_buckets", "buckets_per_pack"}}) {
    uint64_t parts = manifest[count_key], per_pack = manifest[per_pack_key];
    ASSERT_GT(parts, 0u);
    size_t packs = 0, seen = 0;
    for (const auto& [path, bytes] : files) {
      if (path.rfind(dir + folder, 0) != 0) continue;
      ++packs;
      ASSERT_GE(bytes.size(), 8u) << path;
      size_t n = get_u32le(bytes, 0) / 4 - 1;
      seen += n;
      EXPECT_LE(n, per_pack) << path;
      for (size_t i = 0; i < n; ++i) EXPECT_LE(get_u32le(bytes, 4 * i), get_u32le(bytes, 4 * i + 4)) << path;
      EXPECT_EQ(get_u32le(bytes, 4 * n), bytes.size()) << path;
    }
    EXPECT_EQ(packs, (parts + per_pack - 1) / per_pack) << folder;
    EXPECT_EQ(seen, parts) << folder;
  }
}

TEST(IndexWriter, TwinPagesWithTheSameTextShareOneRecord) {
  SearchDocuments docs;
  SearchDocument zh = doc("/a/", "zh-Hant", "會展", "高雄會展產業");
  zh.title_alt = "MICE";
  zh.abstract = "中文摘要\nEnglish abstract";
  SearchDocument en = zh;
  en.url = "/en/a/";
  en.lang = "en";
  std::swap(en.title, en.title_alt);
  en.abstract = "English abstract\n中文摘要";
  docs = {en, zh};
  auto manifest = nlohmann::json::parse(write_search_index(docs, 1)[0].bytes);
  EXPECT_EQ(manifest["groups"], 1);
  // Two pages of the same language never share a group, even with equal text.
  SearchDocument zh2 = zh;
  zh2.url = "/b/";
  docs = {en, zh, zh2};
  manifest = nlohmann::json::parse(write_search_index(docs, 1)[0].bytes);
  EXPECT_EQ(manifest["groups"], 2);
}

TEST(IndexWriter, EmptySiteStillHasAReadableIndex) {
  OutputFiles files = write_search_index(SearchDocuments{}, 1);
  auto map = as_map(files);
  ReadFile read = [&](const std::string& p, uint64_t, uint64_t) -> std::optional<std::string> {
    auto it = map.find(p);
    if (it == map.end()) return std::nullopt;
    return it->second;
  };
  std::string error;
  auto index = SearchIndex::open(read, &error);
  ASSERT_TRUE(index) << error;
  EXPECT_TRUE(index->search("研究", {}).results.empty());
}

TEST(IndexFormat, VarintsRoundTrip) {
  std::string s;
  for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 35}) put_varint(s, v);
  size_t p = 0;
  for (uint64_t want : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 35}) {
    uint64_t v;
    ASSERT_TRUE(get_varint(s, p, v));
    EXPECT_EQ(v, want);
  }
  uint64_t v;
  std::string cut("\x80", 1);
  p = 0;
  EXPECT_FALSE(get_varint(cut, p, v));
}

TEST(IndexFormat, IntegerIdfIsMonotoneAndMatchesTheJsValues) {
  EXPECT_EQ(integer_idf(0, 10), 0);
  EXPECT_EQ(integer_idf(11, 10), 64);
  EXPECT_EQ(integer_idf(1, 1023), 64 + 256 * 10);
  int64_t last = integer_idf(1, 10000);
  for (uint64_t df = 2; df <= 10000; df *= 3) {
    EXPECT_LE(integer_idf(df, 10000), last);
    last = integer_idf(df, 10000);
  }
  EXPECT_EQ(fnv1a("a"), 0xe40c292cu);
}

}  // namespace
}  // namespace takao::search
