#include "e2e_util.h"
#include "core/scratch_folder.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace e2e {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

Run takao(const std::string& args) {
  static int counter = 0;
  static const fs::path dir = takao::scratch_folder("takao-e2e", ".runs");
  fs::path out = dir / ("out" + std::to_string(counter));
  fs::path err = dir / ("err" + std::to_string(counter++));
  std::string cmd = "cd '" TAKAO_SOURCE_DIR "' && '" TAKAO_BINARY "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read(out);
  r.err = read(err);
  return r;
}

std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = read(e.path());
  }
  return files;
}

fs::path temp_dir(const std::string& name) {
  return takao::scratch_folder("takao-e2e", name);
}

fs::path fixture_copy(const std::string& name) {
  fs::path dir = temp_dir(name) / "content";
  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "tests/fixtures/site", dir, fs::copy_options::recursive);
  return dir;
}

}  // namespace e2e
