// Helpers for end-to-end tests: run the real takao binary on fixture folders and read what it wrote.
#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace e2e {

struct Run {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `takao ARGS` in the repository root.
Run takao(const std::string& args);
std::string read(const std::filesystem::path& path);
void write(const std::filesystem::path& path, const std::string& text);
// Every file below `root` with its bytes.
std::map<std::string, std::string> tree(const std::filesystem::path& root);
// A fresh temporary folder for one test.
std::filesystem::path temp_dir(const std::string& name);
// A copy of tests/fixtures/site in a fresh temporary folder.
std::filesystem::path fixture_copy(const std::string& name);

}  // namespace e2e
