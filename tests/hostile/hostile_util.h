// Helpers for the hostile-input and crash tests: run takao as a child process with a time limit, and
// measure what it cost (wall time, peak memory), whether it crashed, and what it said.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hostile {

struct Outcome {
  int status = -1;        // exit status, -1 when killed by a signal
  int signal = 0;         // the signal that ended it, 0 when it exited
  bool timed_out = false; // killed by us after the time limit
  double seconds = 0;
  long max_rss_kb = 0;    // peak resident memory of the child
  std::string out;
  std::string err;
};

// Runs the takao binary with `args` in folder `cwd`; kills it after `timeout_seconds`. `env` adds or
// replaces environment variables for the child.
Outcome run_takao(const std::vector<std::string>& args, const std::filesystem::path& cwd, double timeout_seconds = 120,
                  const std::map<std::string, std::string>& env = {});

// Starts takao and returns its pid without waiting (stdout and stderr go to /dev/null).
pid_t start_takao(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// The tests/fixtures/site content copied to DIR/content; returns that path.
std::filesystem::path copy_fixture(const std::filesystem::path& dir);
// Extra arguments for every build: "--theme DIR" when TAKAO_TEST_THEME is set (a local stand-in while a
// theme partial is being written), else nothing.
std::vector<std::string> theme_args();
// Writes `bytes` to `path`, creating folders; returns the path as a string.
std::string put(const std::filesystem::path& path, const std::string& bytes);
// Every regular file below root (relative path -> bytes), hidden files included.
std::map<std::string, std::string> snapshot(const std::filesystem::path& root);
// A fresh, empty temporary folder for one test.
std::filesystem::path fresh_dir(const std::string& name);
// True when the binary was built with AddressSanitizer (everything is slower and bigger then).
bool sanitized();

}  // namespace hostile
