// What the build engine decides from its state, without a site: which pages keep their record without a
// view (no skeleton changed, no body they read changed), and when every view must be built.
#include "pipeline/build_memo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "model/site.h"
#include "pipeline/build.h"
#include "core/scratch_folder.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

SourceFile markdown(const std::string& path, const std::string& front, const std::string& body) {
  SourceFile f;
  f.kind = FileKind::article;
  f.path = path;
  f.zh_path = path;
  f.bytes = "---\n" + front + "\n---\n" + body;
  return f;
}

// The splits of the files as the model would tell them (the body starts after the second ---).
void add_all(SourceSplits& s, const std::vector<SourceFile>& files) {
  for (const auto& f : files) s.add(f, f.bytes.find("---\n", 4) + 4);
}

struct Engine {
  BuildConfig config;
  Theme theme;
  nlohmann::json assets = nlohmann::json::object();
  explicit Engine(const std::string& name) {
    fs::path dir = scratch_folder("takao-memo-test", name);
    config.out_dir = (dir / "public").string();
  }
};

OutputRecord page_reading(BuildMemo& memo, const std::vector<const Document*>& reads) {
  OutputRecord r;
  r.page = true;
  r.input = digest_of("view");
  r.body_deps = memo.body_deps(reads);
  return r;
}

// One build: the skeleton of `files`, pages "a.html" (reads a.md's body), "b.html" (reads b.md's) and
// "list.html" (reads none); saved. Returns what changed_bodies said.
std::optional<std::set<std::string>> build(Engine& e, const std::vector<SourceFile>& files,
                                           std::map<std::string, const OutputRecord*>* kept = nullptr) {
  BuildMemo memo(e.config, e.theme, e.assets);
  SourceSplits splits;
  add_all(splits, files);
  auto changed = memo.changed_bodies(splits, splits.skeleton("2026-12-01"));
  Document a, b;
  a.source_path = "a.md", b.source_path = "b.md";
  for (const char* page : {"a.html", "b.html", "list.html"}) {
    if (kept) (*kept)[page] = memo.kept(page, nullptr);
  }
  memo.put("a.html", page_reading(memo, {&a}));
  memo.put("b.html", page_reading(memo, {&b, &b}));
  memo.put("list.html", page_reading(memo, {}));
  EXPECT_TRUE(memo.prepare_save());
  EXPECT_TRUE(memo.finish_save());
  return changed;
}

TEST(BuildMemo, WithoutAStateEveryViewIsBuilt) {
  Engine e("no-state");
  std::map<std::string, const OutputRecord*> kept;
  EXPECT_FALSE(build(e, {markdown("a.md", "title: A", "body A"), markdown("b.md", "title: B", "body B")}, &kept));
  for (const auto& [page, rec] : kept) EXPECT_EQ(rec, nullptr) << page;
}

TEST(BuildMemo, ABodyChangeReachesOnlyThePagesThatReadIt) {
  Engine e("body");
  build(e, {markdown("a.md", "title: A", "body A"), markdown("b.md", "title: B", "body B")});
  std::map<std::string, const OutputRecord*> kept;
  auto changed = build(e, {markdown("a.md", "title: A", "body A, edited"), markdown("b.md", "title: B", "body B")}, &kept);
  ASSERT_TRUE(changed);
  EXPECT_EQ(*changed, std::set<std::string>{"a.md"});
  EXPECT_EQ(kept["a.html"], nullptr) << "it read the edited body";
  EXPECT_NE(kept["b.html"], nullptr);
  EXPECT_NE(kept["list.html"], nullptr);
  // Nothing changed since: every page keeps its record.
  changed = build(e, {markdown("a.md", "title: A", "body A, edited"), markdown("b.md", "title: B", "body B")}, &kept);
  ASSERT_TRUE(changed);
  EXPECT_TRUE(changed->empty());
  for (const auto& [page, rec] : kept) EXPECT_NE(rec, nullptr) << page;
}

TEST(BuildMemo, AnEnglishTwinsBodyCountsAsItsDocuments) {
  Engine e("twin");
  SourceFile twin = markdown("b.en.md", "title: B", "English body");
  twin.lang = Lang::en;
  twin.zh_path = "b.md";
  build(e, {markdown("a.md", "title: A", "body A"), markdown("b.md", "title: B", "body B"), twin});
  twin.bytes += " edited";
  std::map<std::string, const OutputRecord*> kept;
  auto changed = build(e, {markdown("a.md", "title: A", "body A"), markdown("b.md", "title: B", "body B"), twin}, &kept);
  ASSERT_TRUE(changed);
  EXPECT_EQ(*changed, std::set<std::string>{"b.md"});
  EXPECT_EQ(kept["b.html"], nullptr);
  EXPECT_NE(kept["a.html"], nullptr);
}

TEST(BuildMemo, AnySkeletonChangeBuildsEveryView) {
  Engine e("skeleton");
  build(e, {markdown("a.md", "title: A", "body A"), markdown("b.md", "title: B", "body B")});
  std::map<std::string, const OutputRecord*> kept;
  // A title (front matter), a file added, and the same text with the body moved into the front matter.
  for (const auto& files : std::vector<std::vector<SourceFile>>{
           {markdown("a.md", "title: A2", "body A"), markdown("b.md", "title: B", "body B")},
           {markdown("a.md", "title: A2", "body A"), markdown("b.md", "title: B", "body B"), markdown("c.md", "title: C", "")},
           {markdown("a.md", "title: A2", "body A"), markdown("b.md", "title: B\nsummary: body B", "")},
       }) {
    EXPECT_FALSE(build(e, files, &kept));
    for (const auto& [page, rec] : kept) EXPECT_EQ(rec, nullptr) << page;
  }
}

TEST(BuildMemo, ADayLaterEveryViewIsBuilt) {
  // Today's date is part of the skeleton: scheduled pages appear on their day.
  Engine e("today");
  std::vector<SourceFile> files = {markdown("a.md", "title: A", "body A")};
  BuildMemo first(e.config, e.theme, e.assets);
  SourceSplits splits;
  add_all(splits, files);
  first.changed_bodies(splits, splits.skeleton("2026-12-01"));
  ASSERT_TRUE(first.prepare_save() && first.finish_save());
  BuildMemo next(e.config, e.theme, e.assets);
  EXPECT_FALSE(next.changed_bodies(splits, splits.skeleton("2026-12-02")));
}

}  // namespace

}  // namespace takao
