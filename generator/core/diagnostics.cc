#include "core/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace takao {

std::string Diagnostic::format() const {
  std::string out = path;
  out += ':' + std::to_string(line > 0 ? line : 1) + ':' + std::to_string(col > 0 ? col : 1) + ": ";
  out += severity == Severity::error ? "error: " : "warning: ";
  out += message;
  return out;
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(const std::string& path, int line, int col, std::string message) {
  add({path, line, col, Severity::error, std::move(message)});
}

void Diagnostics::warning(const std::string& path, int line, int col, std::string message) {
  add({path, line, col, Severity::warning, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard lock(mutex_);
    copy = items_;
  }
  std::sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.col, a.severity, a.message) <
           std::tie(b.path, b.line, b.col, b.severity, b.message);
  });
  copy.erase(std::unique(copy.begin(), copy.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                           return a.path == b.path && a.line == b.line && a.col == b.col &&
                                  a.severity == b.severity && a.message == b.message;
                         }),
             copy.end());
  return copy;
}

}  // namespace takao
