// One file of the built site, as every producing stage hands it to the output stage.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace takao {

struct OutputFile {
  std::string path;   // relative to the output root, '/'-separated, no leading '/': "journal/017/index.html"
  std::string bytes;  // the whole content
  std::string copy_from;  // when set, bytes is empty and the file is copied from this path (attachments)
  // When set, bytes is empty until the writer calls this for them (large files made as they are written).
  std::function<std::string()> make = nullptr;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace takao
