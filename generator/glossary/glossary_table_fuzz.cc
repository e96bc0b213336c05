// libFuzzer target: GFM glossary tables (through cmark-gfm) on any bytes. Every entry read must have its
// Chinese and English and a line inside the body; the glossary checks must hold whatever the cells say.
#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "glossary/glossary_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool registered = (cmark_gfm_core_extensions_ensure_registered(), true);
  (void)registered;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  const int first_line = 5;
  const int lines = static_cast<int>(std::count(body.begin(), body.end(), '\n')) + 1;
  takao::Diagnostics diags;
  takao::GlossaryTableInfo info{"content/glossary/fuzz.md", "glossary/fuzz.md", "fuzz", "road"};
  takao::GlossaryEntries entries = takao::read_glossary_markdown(body, first_line, info, diags);
  for (const auto& e : entries) {
    if (e.zh.empty() || e.en.empty()) __builtin_trap();
    if (e.line < first_line || e.line >= first_line + lines + 1) __builtin_trap();
  }
  auto finished = takao::finish_glossary({entries}, diags);
  if (finished.size() > entries.size()) __builtin_trap();
  return 0;
}
