// Reads typed fields out of parsed front matter, reporting a missing required field or a wrong type at the
// field's own line and column instead of guessing.
#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostics.h"
#include "frontmatter/front_matter.h"
#include "model/site.h"

namespace takao {

class FieldReader {
 public:
  FieldReader(const FrontMatter& fm, std::string display_path, Diagnostics& diags)
      : fm_(fm), path_(std::move(display_path)), diags_(diags) {}

  std::string text(const std::string& key, bool required = false);
  int integer(const std::string& key, bool required = false);
  Date date(const std::string& key, bool required = false);
  bool boolean(const std::string& key);
  std::vector<std::string> texts(const std::string& key);  // a list of strings (a single string is a list of one)
  std::vector<Author> authors(const std::string& key);  // each author's orcid checked
  // A bare DOI (10.NNNN/...), or an error at the field.
  std::string doi(const std::string& key);
  // One of `allowed`, or an error listing them.
  std::string one_of(const std::string& key, const std::vector<std::string>& allowed);

  void error(const std::string& key, const std::string& message);
  // At the value of `field` in item `index` of the list `key` (front matter's item_positions); falls back
  // to the list itself.
  void item_error(const std::string& key, size_t index, const std::string& field, const std::string& message);
  bool has(const std::string& key) const;

 private:
  const FrontMatter& fm_;
  std::string path_;
  Diagnostics& diags_;
};

}  // namespace takao
