#include "glossary/csv_table.h"

namespace takao {

namespace {

class CsvScanner {
 public:
  CsvScanner(std::string_view bytes) : s_(bytes) {}
  bool done() const { return i_ >= s_.size(); }
  char peek() const { return s_[i_]; }
  int line() const { return line_; }
  int col() const { return col_; }

  // Advances one byte, keeping line and column (columns count code points; CRLF is one line break).
  void next() {
    unsigned char c = s_[i_++];
    if (c == '\n' || (c == '\r' && (i_ >= s_.size() || s_[i_] != '\n'))) {
      ++line_;
      col_ = 1;
    } else if (c != '\r' && (c & 0xC0) != 0x80) {
      ++col_;
    }
  }
  bool at_line_end() const { return s_[i_] == '\n' || s_[i_] == '\r'; }
  void skip_line_end() {
    if (!done() && s_[i_] == '\r') next();
    if (!done() && s_[i_] == '\n') next();
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
};

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view bytes, const std::string& display_path, Diagnostics& diags) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  CsvScanner in(bytes);
  std::vector<CsvRecord> records;
  while (!in.done()) {
    CsvRecord record;
    record.line = in.line();
    bool end_of_record = false;
    while (!end_of_record) {
      CsvField field;
      field.line = in.line();
      field.col = in.col();
      if (!in.done() && in.peek() == '"') {
        in.next();
        bool closed = false;
        while (!in.done()) {
          char c = in.peek();
          in.next();
          if (c == '"') {
            if (!in.done() && in.peek() == '"') {
              field.text += '"';
              in.next();
            } else {
              closed = true;
              break;
            }
          } else {
            field.text += c;
          }
        }
        if (!closed) {
          diags.error(display_path, field.line, field.col, "quoted CSV field is never closed");
        } else if (!in.done() && in.peek() != ',' && !in.at_line_end()) {
          diags.error(display_path, in.line(), in.col(), "text after the closing quote of a CSV field");
          while (!in.done() && in.peek() != ',' && !in.at_line_end()) {
            field.text += in.peek();
            in.next();
          }
        }
      } else {
        while (!in.done() && in.peek() != ',' && !in.at_line_end()) {
          field.text += in.peek();
          in.next();
        }
      }
      record.fields.push_back(std::move(field));
      if (!in.done() && in.peek() == ',') {
        in.next();
      } else {
        in.skip_line_end();
        end_of_record = true;
      }
    }
    bool blank = record.fields.size() == 1 && record.fields[0].text.empty();
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace takao
