// Problems found in the content, collected from every stage so one run reports all of them.
#pragma once
#include <mutex>
#include <string>
#include <vector>

namespace takao {

enum class Severity { warning, error };

struct Diagnostic {
  std::string path;  // as shown to the user: relative to the current folder
  int line = 0;      // 1-based; 0 when the problem is about the whole file
  int col = 0;       // 1-based, counted in characters (code points)
  Severity severity = Severity::error;
  std::string message;

  // "path:line:col: error: message"
  std::string format() const;
};

// Thread-safe collector. Stages add and go on where they can; the build stops before writing if any
// error was added. Output order is sorted (path, line, col, message), never the order threads finished.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(const std::string& path, int line, int col, std::string message);
  void warning(const std::string& path, int line, int col, std::string message);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  std::vector<Diagnostic> sorted() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

}  // namespace takao
