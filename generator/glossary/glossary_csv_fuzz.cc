// libFuzzer target: the glossary CSV reader and the whole-glossary checks on any bytes. Every entry read
// must have its Chinese and English, a real line, and a unique ASCII slug.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "glossary/glossary_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  takao::Diagnostics diags;
  takao::GlossaryTableInfo info{"content/glossary/fuzz.csv", "glossary/fuzz.csv", "fuzz", ""};
  takao::GlossaryEntries entries = takao::read_glossary_csv(bytes, info, diags);
  for (const auto& e : entries)
    if (e.zh.empty() || e.en.empty() || e.line < 1) __builtin_trap();
  auto finished = takao::finish_glossary({entries}, diags);
  std::set<std::string> slugs;
  for (const auto& e : finished) {
    if (e.slug.empty() || !slugs.insert(e.slug).second) __builtin_trap();
    for (unsigned char c : e.slug)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) __builtin_trap();
  }
  return 0;
}
