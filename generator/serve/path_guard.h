// Maps a request target to a file inside the preview's output folder, and nothing else: `..` in any
// spelling (plain, %2e%2e, %252e), encoded slashes and backslashes, NUL bytes and symbolic links that
// lead out of the folder all give "not found".
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace takao {

// Longest request target the preview answers; longer ones get 414.
constexpr size_t kMaxTargetBytes = 2048;

struct ServedFile {
  std::string path;            // absolute, symbolic links resolved, inside the root
  bool redirect_slash = false; // the target named a folder without its trailing '/': redirect to it
};

// `root_real` is the output folder with symbolic links resolved (realpath). `target` is the raw request
// target ("/journal/017/?x=1", percent-encoded). Folders serve their index.html.
std::optional<ServedFile> file_for_target(const std::string& root_real, std::string_view target);

// Percent-decodes once; nullopt on a malformed escape ("%zz", a lone '%' at the end).
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace takao
