// A CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, a leading
// BOM), written by hand because none of the project's libraries reads CSV. Keeps each field's position.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace takao {

struct CsvField {
  std::string text;
  int line = 1;  // 1-based, where the field starts
  int col = 1;   // 1-based, in code points
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 1;
};

// Blank lines are skipped. Malformed quoting is reported as an error at `display_path` and the record is
// read as far as it goes.
std::vector<CsvRecord> read_csv(std::string_view bytes, const std::string& display_path, Diagnostics& diags);

}  // namespace takao
