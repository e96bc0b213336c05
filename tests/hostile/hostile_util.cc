#include "hostile_util.h"
#include "core/scratch_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace hostile {

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pid_t spawn(const std::vector<std::string>& args, const fs::path& cwd, const std::string& out, const std::string& err,
            const std::map<std::string, std::string>& env) {
  std::vector<std::string> all = {TAKAO_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

Outcome run_takao(const std::vector<std::string>& args, const fs::path& cwd, double timeout_seconds,
                  const std::map<std::string, std::string>& env) {
  static int counter = 0;
  static const fs::path logs = takao::scratch_folder("takao-hostile", ".logs");
  std::string out = (logs / ("out" + std::to_string(counter))).string();
  std::string err = (logs / ("err" + std::to_string(counter++))).string();
  auto start = std::chrono::steady_clock::now();
  pid_t pid = spawn(args, cwd, out, err, env);
  Outcome r;
  int raw = 0;
  rusage usage{};
  while (true) {
    pid_t done = wait4(pid, &raw, WNOHANG, &usage);
    if (done == pid) break;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > timeout_seconds && !r.timed_out) {
      r.timed_out = true;
      kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
  if (WIFSIGNALED(raw)) r.signal = WTERMSIG(raw);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

pid_t start_takao(const std::vector<std::string>& args, const fs::path& cwd) {
  return spawn(args, cwd, "/dev/null", "/dev/null", {});
}

fs::path copy_fixture(const fs::path& dir) {
  fs::path content = dir / "content";
  fs::create_directories(dir);
  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "tests/fixtures/site", content, fs::copy_options::recursive);
  return content;
}

std::vector<std::string> theme_args() {
  const char* theme = std::getenv("TAKAO_TEST_THEME");
  if (theme && *theme) return {"--theme", theme};
  return {};
}

std::string put(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::exists(root, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && !it->is_symlink()) files[fs::relative(it->path(), root).generic_string()] = slurp(it->path());
  }
  return files;
}

fs::path fresh_dir(const std::string& name) {
  return takao::scratch_folder("takao-hostile", name);
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

}  // namespace hostile
