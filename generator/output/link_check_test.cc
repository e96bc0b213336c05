#include "output/link_check.h"

#include <gtest/gtest.h>

namespace takao {
namespace {

const char* kBase = "https://example.gov.tw/";

std::string page_html(const std::string& body) {
  return "<!DOCTYPE html><html lang=\"zh-Hant\"><head><link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body>\n"
         "<a class=\"skip-link\" href=\"#main\">skip</a>\n<main id=\"main\">\n" + body + "\n</main></body></html>";
}

std::vector<std::string> errors(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

TEST(LinkCheck, ParsesIdsAndEveryKindOfLink) {
  ParsedPage p = parse_page_links(page_html(
      "<h2 id=\"結論\">x</h2><a name=\"old\"></a><img src=\"/a.png\" srcset=\"/a-2x.png 2x, /a-3x.png 3x\" alt=\"\">"
      "<div class=\"note prose\"><p><a href=\"../x/?q=1&amp;r=2#結論\">x</a></p></div>"
      "<form action=\"/search/\"></form><script type=\"module\" src=\"/assets/app.mjs\"></script>"
      "<meta property=\"og:url\" content=\"https://example.gov.tw/about/\"><meta name=\"d\" content=\"高雄 text\">"));
  EXPECT_EQ(p.ids, (std::vector<std::string>{"main", "old", "結論"}));
  std::vector<std::string> links;
  for (const auto& l : p.links) links.push_back(l.element + " " + l.href + (l.in_body ? " body" : ""));
  EXPECT_EQ(links, (std::vector<std::string>{"link href /assets/style.css", "a href #main", "img src /a.png",
                                             "img srcset /a-2x.png", "img srcset /a-3x.png", "a href ../x/?q=1&r=2#結論 body",
                                             "form action /search/", "script src /assets/app.mjs",
                                             "meta content https://example.gov.tw/about/"}));
  EXPECT_EQ(p.links[5].html_line, 4);
}

TEST(LinkCheck, ResolvesRelativeAbsoluteAndBaseUrlLinks) {
  std::string path, frag;
  ASSERT_TRUE(resolve_internal_link("../018/02-pipelines/#%E7%AE%A1", "/journal/017/01-mice/", kBase, path, frag));
  EXPECT_EQ(path, "/journal/017/018/02-pipelines/");
  ASSERT_TRUE(resolve_internal_link("../../018/", "/journal/017/01-mice/", kBase, path, frag));
  EXPECT_EQ(path, "/journal/018/");
  EXPECT_EQ(frag, "");
  ASSERT_TRUE(resolve_internal_link("#管", "/journal/", kBase, path, frag));
  EXPECT_EQ(path, "/journal/");
  EXPECT_EQ(frag, "管");
  ASSERT_TRUE(resolve_internal_link("https://example.gov.tw/en/?x=1", "/", kBase, path, frag));
  EXPECT_EQ(path, "/en/");
  ASSERT_TRUE(resolve_internal_link("a.pdf", "/404.html", kBase, path, frag));
  EXPECT_EQ(path, "/a.pdf");
  EXPECT_FALSE(resolve_internal_link("https://example.gov.tw.evil.com/", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("https://data.gov.tw/license", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("//cdn.example.com/x.js", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("mailto:a@b.tw", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("#", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("#top", "/", kBase, path, frag));
  EXPECT_FALSE(resolve_internal_link("", "/", kBase, path, frag));
}

TEST(LinkCheck, AGoodSitePasses) {
  LinkChecker checker(2, kBase);
  checker.add_page(0, "/", "index.html", page_html("<a href=\"/journal/#%E7%B5%90%E8%AB%96\">j</a><a href=\"/journal\">no slash</a>"
                                                  "<link rel=\"canonical\" href=\"https://example.gov.tw/\">"), {});
  checker.add_page(1, "/journal/", "journal/index.html", page_html("<h2 id=\"結論\">x</h2><a href=\"../\">up</a><a href=\"017.pdf\">pdf</a>"), {});
  checker.add_file("assets/style.css");
  checker.add_file("journal/017.pdf");
  Diagnostics diags;
  EXPECT_EQ(checker.check(diags), 0u);
  EXPECT_EQ(errors(diags), std::vector<std::string>{});
}

// With the pages' files and some other files given up front, links to them and to ids on the same page
// are settled as they are found; the rest are still checked at the end, with the same answers.
TEST(LinkCheck, KnownPagesSettleEarlyAndTheRestAreStillChecked) {
  LinkChecker checker(2, kBase, {"index.html", "journal/index.html"}, {"assets/style.css", "feed.atom"});
  checker.add_page(0, "/", "index.html",
                   page_html("<a href=\"/journal/\">ok</a><a href=\"/journal\">no slash</a>"
                             "<a href=\"/journal/#%E7%B5%90%E8%AB%96\">ok</a><a href=\"/journal/#nowhere\">bad id</a>"
                             "<a href=\"/reports/\">no page</a><img src=\"/missing.png\" alt=\"\">"
                             "<a href=\"https://elsewhere.example/\">out</a><a href=\"mailto:a@b.tw\">mail</a>"), {});
  checker.add_page(1, "/journal/", "journal/index.html",
                   page_html("<h2 id=\"結論\">x</h2><a href=\"../\">up</a><a href=\"#%E7%B5%90%E8%AB%96\">here</a>"
                             "<a href=\"#gone\">gone</a><a href=\"/feed.atom\">feed</a>"), {});
  Diagnostics diags;
  EXPECT_EQ(checker.check(diags), 4u);
  auto e = errors(diags);
  ASSERT_EQ(e.size(), 4u);
  std::string all = e[0] + "\n" + e[1] + "\n" + e[2] + "\n" + e[3];
  EXPECT_NE(all.find("has no element with id \"gone\""), std::string::npos) << all;
  EXPECT_NE(all.find("has no element with id \"nowhere\""), std::string::npos) << all;
  EXPECT_NE(all.find("/reports/, which the site does not have"), std::string::npos) << all;
  EXPECT_NE(all.find("/missing.png, which the site does not have"), std::string::npos) << all;
}

TEST(LinkCheck, ABrokenLinkInTheMarkdownNamesItsFileAndLine) {
  LinkChecker checker(1, kBase);
  PageOrigin origin;
  origin.source = "content/journal/017/01-mice.md";
  origin.links = {{"02-exhibition-center.md", 30}, {"/reports/no-such/", 41}};
  origin.template_file = "themes/default/templates/article.mustache";
  checker.add_page(0, "/journal/017/01-mice/", "journal/017/01-mice/index.html",
                   page_html("<div class=\"prose\"><p><a href=\"/reports/no-such/\">x</a></p></div>"), origin);
  checker.add_file("assets/style.css");
  Diagnostics diags;
  EXPECT_EQ(checker.check(diags), 1u);
  auto e = errors(diags);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].rfind("content/journal/017/01-mice.md:41:1: error: broken link: a href=\"/reports/no-such/\"", 0), 0u) << e[0];
}

TEST(LinkCheck, ABrokenLinkATemplateWritesIsReportedOnceAtTheTemplateLine) {
  LinkChecker checker(3, kBase);
  checker.add_template("themes/default/templates/base.mustache", "<html>\n<body>\n  <a href=\"/site-map/\">map</a>\n"
                                                                  "  <a href=\"{{lang_prefix}}/privacy/\">p</a>\n");
  for (size_t i = 0; i < 3; ++i) {
    std::string url = "/p" + std::to_string(i) + "/";
    PageOrigin origin;
    origin.template_file = "themes/default/templates/page.mustache";
    checker.add_page(i, url, url.substr(1) + "index.html",
                     page_html("<a href=\"/site-map/\">map</a><a href=\"{{oops}}/\">x</a><a href=\"/en/privacy/\">p</a>"), origin);
  }
  checker.add_file("assets/style.css");
  Diagnostics diags;
  EXPECT_EQ(checker.check(diags), 3u);
  auto e = errors(diags);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[1].rfind("themes/default/templates/base.mustache:4:12: error: broken link: a href=\"/en/privacy/\"", 0), 0u) << e[1];
  e.erase(e.begin() + 1);
  EXPECT_EQ(e[0].rfind("themes/default/templates/base.mustache:3:12: error: broken link: a href=\"/site-map/\"", 0), 0u) << e[0];
  EXPECT_NE(e[0].find("on /p0/ (line 4 of p0/index.html) and 2 more pages"), std::string::npos) << e[0];
  // Not written literally anywhere: the page's template is named.
  EXPECT_EQ(e[1].rfind("themes/default/templates/page.mustache:1:1: error: broken link: a href=\"{{oops}}/\"", 0), 0u) << e[1];
}

TEST(LinkCheck, MissingFragmentsAndMissingFiles) {
  LinkChecker checker(2, kBase);
  checker.add_page(0, "/a/", "a/index.html",
                   page_html("<a href=\"/b/#%E7%B5%90\">frag</a><a href=\"#nowhere\">own</a><img src=\"/cover.png\" alt=\"\">"
                             "<meta name=\"citation_pdf_url\" content=\"https://example.gov.tw/a.pdf\">"), {});
  checker.add_page(1, "/b/", "b/index.html", page_html("<h2 id=\"other\">x</h2>"), {});
  checker.add_file("assets/style.css");
  Diagnostics diags;
  EXPECT_EQ(checker.check(diags), 4u);
  std::string all;
  for (const auto& e : errors(diags)) all += e + "\n";
  EXPECT_NE(all.find("/b/ has no element with id \"結\""), std::string::npos) << all;
  EXPECT_NE(all.find("/a/ has no element with id \"nowhere\""), std::string::npos) << all;
  EXPECT_NE(all.find("img src=\"/cover.png\" points to /cover.png"), std::string::npos) << all;
  EXPECT_NE(all.find("meta content=\"https://example.gov.tw/a.pdf\" points to /a.pdf"), std::string::npos) << all;
}

// The preview's body edit: pages added again are checked, and so are the links of other pages that ask
// them for an id; pages that ask nothing of them are not looked at again.
TEST(LinkCheck, CheckingChangedPagesFindsWhatTheyBreakElsewhere) {
  LinkChecker checker(3, kBase, {"a/index.html", "b/index.html", "c/index.html"}, {"assets/style.css"});
  checker.add_page(0, "/a/", "a/index.html", page_html("<a href=\"/b/#結論\">to b</a>"), {});
  checker.add_page(1, "/b/", "b/index.html", page_html("<h2 id=\"結論\">x</h2>"), {});
  checker.add_page(2, "/c/", "c/index.html", page_html("<a href=\"/a/\">to a</a>"), {});
  Diagnostics first;
  EXPECT_EQ(checker.check(first), 0u);

  // b loses the id a asks for: the error is a's, though only b was added again.
  checker.add_page(1, "/b/", "b/index.html", page_html("<h2 id=\"方向\">x</h2>"), {});
  Diagnostics lost;
  EXPECT_EQ(checker.check_changed({1}, lost), 1u);
  ASSERT_EQ(errors(lost).size(), 1u);
  EXPECT_NE(errors(lost)[0].find("/b/ has no element with id \"結論\"; on /a/"), std::string::npos) << errors(lost)[0];

  // b gets it back, and c links to a missing page of its own.
  checker.add_page(1, "/b/", "b/index.html", page_html("<h2 id=\"結論\">x</h2>"), {});
  checker.add_page(2, "/c/", "c/index.html", page_html("<a href=\"/nowhere/\">x</a>"), {});
  Diagnostics again;
  EXPECT_EQ(checker.check_changed({1, 2}, again), 1u);
  ASSERT_EQ(errors(again).size(), 1u);
  EXPECT_NE(errors(again)[0].find("points to /nowhere/"), std::string::npos) << errors(again)[0];

  // a no longer asks b for an id: b's losing it again breaks nothing.
  checker.add_page(0, "/a/", "a/index.html", page_html("<a href=\"/b/\">to b</a>"), {});
  checker.add_page(2, "/c/", "c/index.html", page_html("<a href=\"/a/\">to a</a>"), {});
  Diagnostics fixed;
  EXPECT_EQ(checker.check_changed({0, 2}, fixed), 0u);
  checker.add_page(1, "/b/", "b/index.html", page_html("<h2 id=\"方向\">x</h2>"), {});
  Diagnostics none;
  EXPECT_EQ(checker.check_changed({1}, none), 0u);
  Diagnostics whole;
  EXPECT_EQ(checker.check(whole), 0u);  // the same answer as a whole check
}

}  // namespace
}  // namespace takao
