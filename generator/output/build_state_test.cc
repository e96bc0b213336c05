#include "output/build_state.h"
#include "core/scratch_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace takao {

namespace {

fs::path fresh(const std::string& name) {
  return scratch_folder("takao-state-test", name);
}

OutputRecord page_record(BuildState& state) {
  OutputRecord r;
  r.input = digest_of("view");
  r.file = {100, 7, 123456789};
  r.gz = {40, 8, 123456790};
  r.page = true;
  r.ids = {state.intern("main"), state.intern("結論")};
  r.settled = {state.intern("assets/style.css")};
  r.kept_links = encode_links({{"/en/journal/001/#x", "a href", 12, true}});
  r.missed = state.intern_set({state.intern("article\ncite.exports")});
  r.found = state.intern_set({state.intern("title"), state.intern("url")});
  return r;
}

TEST(BuildState, RoundTrips) {
  fs::path dir = fresh("round-trip");
  std::string file = (dir / "state").string();
  Digest key = digest_of("key");
  {
    BuildState state;
    state.put("journal/001/index.html", page_record(state));
    OutputRecord feed;
    feed.input = digest_of("feed bytes");
    feed.file = {5, 9, 1};
    state.put("feed.xml", feed);
    ASSERT_TRUE(state.save(file, key));
  }
  BuildState loaded;
  ASSERT_TRUE(loaded.load(file, key));
  EXPECT_EQ(loaded.previous_size(), 2u);
  const OutputRecord* page = loaded.previous("journal/001/index.html");
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->input, digest_of("view"));
  EXPECT_EQ(page->file, (DiskStamp{100, 7, 123456789}));
  EXPECT_EQ(page->gz, (DiskStamp{40, 8, 123456790}));
  EXPECT_FALSE(page->br.present());
  ASSERT_EQ(page->ids.size(), 2u);
  EXPECT_EQ(loaded.text(page->ids[1]), "結論");
  ASSERT_EQ(page->settled.size(), 1u);
  EXPECT_EQ(loaded.text(page->settled[0]), "assets/style.css");
  std::vector<FoundLink> kept = decode_links(page->kept_links);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].href, "/en/journal/001/#x");
  EXPECT_EQ(kept[0].element, "a href");
  EXPECT_EQ(kept[0].html_line, 12);
  EXPECT_TRUE(kept[0].in_body);
  ASSERT_EQ(loaded.set(page->found).size(), 2u);
  EXPECT_EQ(loaded.text(loaded.set(page->missed).at(0)), "article\ncite.exports");
  const OutputRecord* feed = loaded.previous("feed.xml");
  ASSERT_NE(feed, nullptr);
  EXPECT_FALSE(feed->page);
  EXPECT_EQ(loaded.previous("nothing.html"), nullptr);
}

TEST(BuildState, AnotherKeyOrADamagedFileLoadsAsNothing) {
  fs::path dir = fresh("damaged");
  std::string file = (dir / "state").string();
  Digest key = digest_of("key");
  {
    BuildState state;
    state.put("a/index.html", page_record(state));
    ASSERT_TRUE(state.save(file, key));
  }
  BuildState other;
  EXPECT_FALSE(other.load(file, digest_of("another key")));
  EXPECT_EQ(other.previous_size(), 0u);

  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (size_t at : {size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x20);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
    BuildState damaged;
    EXPECT_FALSE(damaged.load(file, key)) << "byte " << at;
    EXPECT_EQ(damaged.previous_size(), 0u);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  BuildState cut;
  EXPECT_FALSE(cut.load(file, key));
  BuildState missing;
  EXPECT_FALSE(missing.load((dir / "none").string(), key));
}

TEST(BuildState, SavesOnlyWhatThisBuildRefersTo) {
  fs::path dir = fresh("compact");
  std::string file = (dir / "state").string();
  Digest key = digest_of("key");
  BuildState state;
  for (int i = 0; i < 100; ++i) state.intern("an id of a removed page " + std::to_string(i));
  state.put("a/index.html", page_record(state));
  ASSERT_TRUE(state.save(file, key));
  BuildState loaded;
  ASSERT_TRUE(loaded.load(file, key));
  EXPECT_LT(loaded.strings(), 20u);
}

// A build prepares the state before its swap and installs it right after (pipeline/build.cc): until the
// rename, the file in place is the previous state.
TEST(BuildState, PreparedStateTakesEffectWhenInstalled) {
  fs::path dir = fresh("prepare");
  std::string file = (dir / "state").string();
  Digest key = digest_of("key");
  BuildState first;
  first.put("old.html", page_record(first));
  ASSERT_TRUE(first.save(file, key));
  BuildState next;
  next.put("new.html", page_record(next));
  std::string temp = next.prepare(file, key);
  ASSERT_FALSE(temp.empty());
  EXPECT_EQ(fs::path(temp).parent_path(), dir);
  BuildState before;
  ASSERT_TRUE(before.load(file, key));
  EXPECT_NE(before.previous("old.html"), nullptr);
  ASSERT_TRUE(BuildState::install(temp, file));
  EXPECT_FALSE(fs::exists(temp));
  BuildState after;
  ASSERT_TRUE(after.load(file, key));
  EXPECT_EQ(after.previous("old.html"), nullptr);
  EXPECT_NE(after.previous("new.html"), nullptr);
}

TEST(BuildState, LivesBesideTheOutputFolder) {
  EXPECT_EQ(BuildState::file_for("/srv/site/public"), "/srv/site/.public.takao-state");
  EXPECT_EQ(BuildState::file_for("/srv/site/public/"), "/srv/site/.public.takao-state");
}

}  // namespace

}  // namespace takao
