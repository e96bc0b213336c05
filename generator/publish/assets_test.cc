#include "publish/assets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace takao {
namespace {

TEST(Assets, SubresourceIntegrityOfTheSpecExample) {
  // The example of the SRI specification and MDN: openssl dgst -sha384 -binary | openssl base64 -A.
  EXPECT_EQ(sri_sha384("alert('Hello, world.');"), "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO");
  EXPECT_EQ(sri_sha384(""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
}

TEST(Assets, HashedNamesFollowTheContent) {
  std::string a = hashed_asset_name("style.css", "body{}");
  EXPECT_EQ(a.size(), std::string("style.0123456789.css").size());
  EXPECT_TRUE(a.starts_with("style.") && a.ends_with(".css"));
  EXPECT_EQ(hashed_asset_name("style.css", "body{}"), a);
  EXPECT_NE(hashed_asset_name("style.css", "body{ }"), a);
  EXPECT_TRUE(hashed_asset_name("js/app.mjs", "x").starts_with("js/app."));
  EXPECT_TRUE(hashed_asset_name("LICENSE", "x").starts_with("LICENSE."));
  EXPECT_EQ(asset_key("takao-search.mjs"), "takao_search_mjs");
  EXPECT_TRUE(is_hashed_asset("a.css") && is_hashed_asset("a.mjs") && is_hashed_asset("a.js"));
  EXPECT_FALSE(is_hashed_asset("a.png"));
}

TEST(Assets, EveryAssetKeepsItsPathAndScriptsAndStylesGetHashedCopies) {
  auto dir = std::filesystem::temp_directory_path() / ("takao-assets-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "assets/style.css") << "body{color:#000}";
  std::ofstream(dir / "assets/takao-search.mjs") << "export const x = 1;";
  std::ofstream(dir / "assets/logo.svg") << "<svg/>";
  Theme theme;
  theme.dir = dir.string();
  theme.assets = {"logo.svg", "style.css", "takao-search.mjs"};
  Diagnostics diags;
  PublishedAssets out = publish_theme_assets(theme, diags);
  EXPECT_FALSE(diags.has_errors());
  std::vector<std::string> paths;
  for (const auto& f : out.files) paths.push_back(f.path);
  std::string css = hashed_asset_name("style.css", "body{color:#000}");
  std::string mjs = hashed_asset_name("takao-search.mjs", "export const x = 1;");
  EXPECT_EQ(paths, (std::vector<std::string>{"assets/logo.svg", "assets/" + css, "assets/style.css", "assets/" + mjs,
                                             "assets/takao-search.mjs"}));
  EXPECT_EQ(out.view["style_css"]["url"], "/assets/" + css);
  EXPECT_EQ(out.view["style_css"]["integrity"], sri_sha384("body{color:#000}"));
  EXPECT_EQ(out.view["takao_search_mjs"]["plain_url"], "/assets/takao-search.mjs");
  EXPECT_EQ(out.view["logo_svg"]["url"], "/assets/logo.svg");
  EXPECT_EQ(out.view["logo_svg"]["integrity"], "");
  std::filesystem::remove_all(dir);

  theme.assets = {"missing.css"};
  Diagnostics missing;
  publish_theme_assets(theme, missing);
  EXPECT_TRUE(missing.has_errors());
}

}  // namespace
}  // namespace takao
