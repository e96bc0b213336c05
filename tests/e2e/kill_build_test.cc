// A build killed with SIGKILL at any moment leaves either the previous complete site or the new complete
// site in the output folder, never a mix; the staging folder the killed build left is removed by the next.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "../hostile/corpus.h"
#include "../hostile/hostile_util.h"

namespace fs = std::filesystem;
using namespace hostile;

namespace {

std::vector<std::string> build_args() {
  std::vector<std::string> args = {"build", "--content", "content", "--out", "public", "--quiet"};
  for (auto& a : theme_args()) args.push_back(a);
  return args;
}

std::vector<std::string> staging_leftovers(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.find(".takao-staging-") != std::string::npos) out.push_back(name);
  }
  return out;
}

TEST(KilledBuild, LeavesTheOldSiteOrTheNewNeverAMix) {
  fs::path dir = fresh_dir("kill");
  // Two versions of one site that differ in every page; "content" is renamed between them, so both are
  // built from the same path (nothing in the output may depend on which folder held the other one).
  write_corpus(dir / "content-a", 120, "A");
  write_corpus(dir / "content-b", 120, "B");
  std::map<std::string, std::string> site[2];
  double seconds = 0;
  for (int v = 0; v < 2; ++v) {
    fs::rename(dir / (v ? "content-b" : "content-a"), dir / "content");
    Outcome r = run_takao(build_args(), dir, 600);
    ASSERT_EQ(r.status, 0) << r.err;
    seconds = r.seconds;  // the second (warm) build is the one the kills are timed against
    site[v] = snapshot(dir / "public");
    fs::rename(dir / "content", dir / (v ? "content-b" : "content-a"));
  }
  ASSERT_GT(site[0].size(), 500u);
  ASSERT_TRUE(site[0] != site[1]);
  int current = 1;  // public holds site B now

  std::random_device device;
  unsigned seed = device();
  std::mt19937 random(seed);
  // Kill anywhere from the first instant to past the end of a whole build (builds vary on a busy machine).
  std::uniform_real_distribution<double> when(0.0, seconds * 1.3);
  int saw_old = 0, saw_new = 0;
  for (int round = 0; round < 20; ++round) {
    int next = 1 - current;
    fs::rename(dir / (next ? "content-b" : "content-a"), dir / "content");
    double delay = round < 2 ? 0.01 * round : when(random);
    pid_t pid = start_takao(build_args(), dir);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    fs::rename(dir / "content", dir / (next ? "content-b" : "content-a"));

    auto now = snapshot(dir / "public");
    bool is_old = now == site[current];
    bool is_new = now == site[next];
    ASSERT_TRUE(is_old || is_new) << "round " << round << ", killed after " << delay << " s (seed " << seed
                                  << "): the output is neither the previous site nor the new one (" << now.size()
                                  << " files)";
    if (is_new) {
      current = next;
      ++saw_new;
    } else {
      ++saw_old;
    }
  }
  std::printf("20 kills within %.2f s builds: %d left the previous site, %d the new one (seed %u)\n", seconds, saw_old,
              saw_new, seed);

  // The next complete build removes what the killed ones left beside the output, and succeeds.
  fs::rename(dir / (current ? "content-a" : "content-b"), dir / "content");
  Outcome r = run_takao(build_args(), dir, 600);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(snapshot(dir / "public") == site[1 - current]);
  EXPECT_TRUE(staging_leftovers(dir).empty()) << staging_leftovers(dir)[0];
}

// A build killed after writing part of its staging folder must not make the next build fail or publish
// the stray files: a leftover with a dead process id is removed, and the site is exactly the new one.
TEST(KilledBuild, LeftoversOfADeadBuildAreRemoved) {
  fs::path dir = fresh_dir("leftover");
  write_corpus(dir / "content", 5, "A");
  // A staging folder whose process is gone (pid 2^22 + 1 is above the default pid_max of 4,194,304).
  put(dir / ".public.takao-staging-4194305/.takao-output", "");
  put(dir / ".public.takao-staging-4194305/half/index.html", "<p>half");
  // Not ours: a look-alike name that is not a pid, and another output's staging folder.
  put(dir / ".public.takao-staging-notapid/keep.txt", "keep");
  put(dir / ".other.takao-staging-4194305/keep.txt", "keep");
  Outcome r = run_takao(build_args(), dir, 600);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / ".public.takao-staging-4194305"));
  EXPECT_TRUE(fs::exists(dir / ".public.takao-staging-notapid/keep.txt"));
  EXPECT_TRUE(fs::exists(dir / ".other.takao-staging-4194305/keep.txt"));
  EXPECT_FALSE(fs::exists(dir / "public/half"));
}

}  // namespace
