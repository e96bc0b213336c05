// takao new: writes a new issue, article, report or page with every field of the content model, each
// commented, so an editor fills in values instead of remembering names. Never overwrites a file.
#pragma once
#include <string>

#include "core/date.h"

namespace takao {

struct ScaffoldRequest {
  std::string kind;         // issue, article, report, page
  std::string path;         // content-relative: journal/019, journal/019/03-harbour, reports/theses, pages/contact-en
  std::string title;        // may be empty: the field is then left to fill
  std::string content_dir = "content";
  Date today;
};

struct ScaffoldResult {
  int status = 0;           // 0 written, 1 the file exists (or cannot be written), 2 a bad kind or path
  std::string file;         // what was (or would have been) written, with the content folder in front
  std::string message;      // why not, when status != 0; a hint when 0
};

ScaffoldResult scaffold(const ScaffoldRequest& request);

// The file's text, for a request already checked (tests read it without writing).
std::string scaffold_text(const std::string& kind, const std::string& series, const std::string& title, int number,
                          const Date& today);

// argv[0] is "new". Returns the exit status.
int new_main(int argc, char** argv, const Date& today);

}  // namespace takao
