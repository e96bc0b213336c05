#include "model/identifiers.h"

#include <gtest/gtest.h>

#include "core/disk.h"
#include "model/site.h"

namespace takao {

TEST(Identifiers, DoiSyntax) {
  EXPECT_TRUE(valid_doi("10.1234/abcd"));
  EXPECT_TRUE(valid_doi("10.6531/JFS.2014.17(2).01"));
  EXPECT_TRUE(valid_doi("10.1000.10/123456"));
  EXPECT_TRUE(valid_doi("10.123456789/x"));
  EXPECT_FALSE(valid_doi(""));
  EXPECT_FALSE(valid_doi("10.123/abcd"));        // registrant code of 3 digits
  EXPECT_FALSE(valid_doi("10.1234567890/x"));    // of 10
  EXPECT_FALSE(valid_doi("10.1234"));            // no suffix
  EXPECT_FALSE(valid_doi("10.1234/"));
  EXPECT_FALSE(valid_doi("10.12a4/x"));
  EXPECT_FALSE(valid_doi("11.1234/x"));
  EXPECT_FALSE(valid_doi("10.1234/a b"));
  EXPECT_FALSE(valid_doi("https://doi.org/10.1234/abcd"));
  EXPECT_FALSE(valid_doi("doi:10.1234/abcd"));
  EXPECT_EQ(doi_url("10.1234/abcd"), "https://doi.org/10.1234/abcd");
}

TEST(Identifiers, OrcidCheckDigit) {
  // ORCID's own examples (https://support.orcid.org/hc/en-us/articles/360006897674).
  EXPECT_TRUE(valid_orcid("0000-0002-1825-0097"));
  EXPECT_TRUE(valid_orcid("0000-0001-5109-3700"));
  EXPECT_TRUE(valid_orcid("0000-0002-1694-233X"));
  EXPECT_EQ(orcid_check_char("000000021694233"), 'X');
  EXPECT_FALSE(valid_orcid("0000-0002-1825-0098"));  // wrong check digit
  EXPECT_FALSE(valid_orcid("0000-0002-1694-2330"));
  EXPECT_FALSE(valid_orcid("0000-0002-1825-009"));
  EXPECT_FALSE(valid_orcid("0000000218250097"));
  EXPECT_FALSE(valid_orcid("0000-0002-1825-00X7"));
  EXPECT_FALSE(valid_orcid("https://orcid.org/0000-0002-1825-0097"));
  EXPECT_EQ(orcid_url("0000-0002-1825-0097"), "https://orcid.org/0000-0002-1825-0097");
}

namespace {

std::unique_ptr<Site> build(std::map<std::string, std::string> files, Diagnostics& diags) {
  MemoryDisk disk;
  files["content/site.yaml"] = "title: 站\nbase_url: https://example.gov.tw\n";
  disk.files = std::move(files);
  return build_site(load_sources(disk, "content", diags), BuildOptions{}, diags);
}

const char* kIssue = "---\ntitle: 十七\nnumber: 17\npublished: 2014-08-01\ndoi: 10.5555/cd.17\n---\n";

}  // namespace

TEST(Identifiers, ReadIntoTheModel) {
  Diagnostics d;
  auto site = build({{"content/journal/017/_index.md", kIssue},
                     {"content/journal/017/01-a.md",
                      "---\ntitle: A\ndoi: 10.5555/cd.17.01\nauthors:\n  - name: 王小明\n    orcid: 0000-0002-1825-0097\n  - 陳大文\n---\n"},
                     {"content/reports/theses/t.md", "---\ntitle: T\nyear: 2014\ndoi: 10.5555/t.1\n---\n"}},
                    d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(site->issues[0].doi, "10.5555/cd.17");
  EXPECT_EQ(site->articles[0].doi, "10.5555/cd.17.01");
  EXPECT_EQ(site->articles[0].authors[0].orcid, "0000-0002-1825-0097");
  EXPECT_EQ(site->articles[0].authors[1].orcid, "");
  EXPECT_EQ(site->reports[0].doi, "10.5555/t.1");
}

TEST(Identifiers, BadOnesAreErrorsAtTheirLineAndColumn) {
  Diagnostics d;
  build({{"content/journal/017/_index.md", "---\ntitle: 十七\nnumber: 17\npublished: 2014-08-01\ndoi: 10.55/x\n---\n"},
         {"content/journal/017/01-a.md",
          "---\ntitle: A\ndoi: https://doi.org/10.5555/x\nauthors:\n  - name: 王小明\n  - name: 陳大文\n    affiliation: 研考會\n"
          "    orcid: 0000-0002-1825-0098\n---\n"},
         {"content/reports/theses/t.md", "---\ntitle: T\nyear: 2014\ndoi:   10.5555\n---\n"}},
        d);
  auto all = d.sorted();
  ASSERT_EQ(all.size(), 4u);
  std::vector<std::string> lines;
  for (const auto& x : all) lines.push_back(x.format());
  EXPECT_EQ(lines[0].rfind("content/journal/017/01-a.md:3:6: error: field 'doi' is not a DOI", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("without https://doi.org/"), std::string::npos);
  EXPECT_EQ(lines[1].rfind("content/journal/017/01-a.md:8:12: error: author '陳大文': '0000-0002-1825-0098' is not a valid ORCID", 0), 0u)
      << lines[1];
  EXPECT_EQ(lines[2].rfind("content/journal/017/_index.md:5:6: error: field 'doi'", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("content/reports/theses/t.md:4:8: error: field 'doi'", 0), 0u) << lines[3];
}

}  // namespace takao
