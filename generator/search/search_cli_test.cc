// The `takao search` command line: options, errors (exit 2) and a missing index (exit 1).
#include "search/search_cli.h"

#include <gtest/gtest.h>

namespace takao::search {
namespace {

bool parse(std::vector<std::string> args, SearchCommand& c, std::string& error) {
  c = SearchCommand{};
  return parse_search_command(args, c, error);
}

TEST(SearchCli, Defaults) {
  SearchCommand c;
  std::string error;
  ASSERT_TRUE(parse({"期程"}, c, error)) << error;
  EXPECT_EQ(c.site, "public");
  EXPECT_EQ(c.limit, 10u);
  EXPECT_EQ(c.lang, "");
  EXPECT_FALSE(c.json);
  EXPECT_EQ(c.query, "期程");
}

TEST(SearchCli, EveryOption) {
  SearchCommand c;
  std::string error;
  ASSERT_TRUE(parse({"--site", "out", "--limit=0", "--offset", "20", "--lang", "en", "--collection", "report",
                     "--year", "2014", "--json", "MICE", "會展"},
                    c, error))
      << error;
  EXPECT_EQ(c.site, "out");
  EXPECT_EQ(c.limit, 0u);
  EXPECT_EQ(c.offset, 20u);
  EXPECT_EQ(c.lang, "en");
  EXPECT_EQ(c.collection, "report");
  EXPECT_EQ(c.year, 2014);
  EXPECT_TRUE(c.json);
  EXPECT_EQ(c.query, "MICE 會展");
}

TEST(SearchCli, DoubleDashEndsOptions) {
  SearchCommand c;
  std::string error;
  ASSERT_TRUE(parse({"--", "--json"}, c, error));
  EXPECT_EQ(c.query, "--json");
  EXPECT_FALSE(c.json);
}

TEST(SearchCli, BadCommandLines) {
  SearchCommand c;
  std::string error;
  EXPECT_FALSE(parse({}, c, error));
  EXPECT_NE(error.find("missing QUERY"), std::string::npos);
  EXPECT_FALSE(parse({"--limit", "ten", "x"}, c, error));
  EXPECT_FALSE(parse({"--limit", "-1", "x"}, c, error));
  EXPECT_FALSE(parse({"--lang", "fr", "x"}, c, error));
  EXPECT_FALSE(parse({"--year", "0", "x"}, c, error));
  EXPECT_FALSE(parse({"--site"}, c, error));
  EXPECT_FALSE(parse({"--frobnicate", "x"}, c, error));
  EXPECT_NE(error.find("--frobnicate"), std::string::npos);
}

TEST(SearchCli, ExitStatus) {
  const char* bad[] = {"search", "--lang", "fr", "x"};
  EXPECT_EQ(search_main(4, const_cast<char**>(bad)), 2);
  const char* missing[] = {"search", "--site", "/nonexistent/takao-site", "x"};
  EXPECT_EQ(search_main(4, const_cast<char**>(missing)), 1);
}

}  // namespace
}  // namespace takao::search
