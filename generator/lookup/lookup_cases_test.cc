// Runs the shared case file (tests/cases/lookup-cases.json) against the C++ writer and query engine; the
// Node tests run the same file against takao-lookup.mjs.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lookup/lookup_index.h"
#include "lookup/lookup_index_writer.h"
#include "lookup/tools/case_glossary.h"

namespace takao {
namespace {

nlohmann::json load_cases() {
  std::ifstream in(std::string(TAKAO_SOURCE_DIR) + "/tests/cases/lookup-cases.json");
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

class LookupCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cases_ = new nlohmann::json(load_cases());
    Diagnostics diags;
    entries_ = new GlossaryEntries(read_case_glossary(*cases_, "lookup-cases.json", diags));
    for (const auto& d : diags.sorted()) ADD_FAILURE() << d.format();
    files_ = new std::map<std::string, std::string>();
    postal_ = new PostalTable(read_case_postal(*cases_, "lookup-cases.json", diags));
    for (auto& f : write_lookup_index(*entries_, *postal_)) (*files_)[f.path] = f.bytes;
  }
  static std::unique_ptr<LookupIndex> open() {
    std::string error;
    auto index = LookupIndex::open(
        [](const std::string& path) -> std::optional<std::string> {
          auto it = files_->find(path);
          if (it == files_->end()) return std::nullopt;
          return it->second;
        },
        &error);
    EXPECT_TRUE(index) << error;
    return index;
  }
  static nlohmann::json* cases_;
  static GlossaryEntries* entries_;
  static PostalTable* postal_;
  static std::map<std::string, std::string>* files_;
};
nlohmann::json* LookupCases::cases_;
GlossaryEntries* LookupCases::entries_;
PostalTable* LookupCases::postal_;
std::map<std::string, std::string>* LookupCases::files_;

TEST_F(LookupCases, GlossaryHasTheDistrictsRoadsAndLandmarks) {
  EXPECT_GE(entries_->size(), 38u + 10u);
}

TEST_F(LookupCases, FoldCases) {
  auto index = open();
  for (const auto& c : cases_->at("fold")) {
    EXPECT_EQ(fold(c.at("in").get<std::string>(), index->fold_tables()), c.at("out").get<std::string>())
        << "fold(" << c.at("in") << ")";
  }
}

TEST_F(LookupCases, QueryCases) {
  auto index = open();
  int checked = 0;
  for (const auto& c : cases_->at("cases")) {
    const std::string q = c.at("query").get<std::string>();
    auto hits = index->query(q, c.value("limit", 5));
    std::string got = hits.empty() ? "(nothing)" : hits[0].zh + " = " + hits[0].en;
    if (c.value("empty", false)) {
      EXPECT_TRUE(hits.empty()) << q << " gave " << got;
    }
    if (c.contains("first")) {
      EXPECT_TRUE(!hits.empty() && hits[0].zh == c["first"].get<std::string>()) << q << " gave " << got;
    }
    if (c.contains("first_en")) {
      EXPECT_TRUE(!hits.empty() && hits[0].en == c["first_en"].get<std::string>()) << q << " gave " << got;
    }
    if (c.contains("first_category")) {
      EXPECT_TRUE(!hits.empty() && hits[0].category == c["first_category"].get<std::string>()) << q;
    }
    // The fields of the first hit the cases name: district, postcode, note, source.
    for (const char* field : {"district", "postcode", "note", "source"}) {
      std::string key = std::string("first_") + field;
      if (!c.contains(key)) continue;
      std::string value = hits.empty() ? "" : std::string(field) == "district" ? hits[0].district
                                     : std::string(field) == "postcode" ? hits[0].postcode
                                     : std::string(field) == "note" ? hits[0].note : hits[0].source;
      EXPECT_EQ(value, c[key].get<std::string>()) << q << " gave " << got << " (" << key << ")";
    }
    if (c.contains("in_top")) {
      size_t n = c["in_top"][0].get<size_t>();
      std::string zh = c["in_top"][1].get<std::string>();
      bool found = false;
      for (size_t i = 0; i < hits.size() && i < n; ++i) found |= hits[i].zh == zh;
      EXPECT_TRUE(found) << q << ": " << zh << " not in the first " << n;
    }
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

TEST_F(LookupCases, LimitZeroGivesEveryMatchAndLimitCuts) {
  auto index = open();
  auto all = index->query("jhongshan", 0);
  auto two = index->query("jhongshan", 1);
  EXPECT_GE(all.size(), 2u);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].zh, all[0].zh);
}

TEST_F(LookupCases, IndexIsDeterministic) {
  auto again = write_lookup_index(*entries_, *postal_);
  ASSERT_EQ(again.size(), files_->size());
  for (const auto& f : again) EXPECT_EQ((*files_)[f.path], f.bytes) << f.path;
}

TEST_F(LookupCases, ManifestHasAFixedNameAndShardsAreFingerprinted) {
  EXPECT_TRUE(files_->count("lookup/manifest.json"));
  for (const auto& [path, bytes] : *files_) {
    if (path == "lookup/manifest.json") continue;
    EXPECT_TRUE(path.rfind("lookup/keys-", 0) == 0 || path.rfind("lookup/entries-", 0) == 0 ||
                path.rfind("lookup/postal-", 0) == 0 || path.rfind("lookup/readings-", 0) == 0)
        << path;
  }
}

// A pasted page or random bytes: the answer is nothing (the query is cut to a length no name reaches, and
// every step is linear in it), never a hang or a crash. The ctest timeout bounds the time.
TEST_F(LookupCases, HostileQueriesAnswerNothing) {
  auto index = open();
  std::string chinese, latin, address, bytes;
  while (chinese.size() < 30000) chinese += "中山路";            // 10,000 characters
  while (latin.size() < 10000) latin += "zhong shan ";
  while (address.size() < 10000) address += "No. 5, Ln. 10, ";
  uint32_t seed = 12345;
  for (int i = 0; i < 10000; ++i) bytes += static_cast<char>((seed = seed * 1103515245u + 12345u) >> 24);
  for (const std::string* q : {&chinese, &latin, &address, &bytes}) {
    EXPECT_TRUE(index->query(*q, 5).empty()) << q->size() << " bytes starting " << q->substr(0, 30);
  }
}

TEST_F(LookupCases, MissingManifestIsAnError) {
  std::string error;
  auto index = LookupIndex::open([](const std::string&) { return std::optional<std::string>(); }, &error);
  EXPECT_FALSE(index);
  EXPECT_NE(error.find("manifest"), std::string::npos);
}

}  // namespace
}  // namespace takao
