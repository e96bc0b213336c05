// libFuzzer target: the front-matter splitter and YAML reader on any bytes. Content comes from many hands,
// so no input may crash, hang or blow up memory; the alias and depth caps must hold whatever the YAML.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "frontmatter/front_matter.h"

namespace {

// Walks the converted tree so every value is touched (a broken tree would fault here, under ASan).
size_t count_values(const nlohmann::json& value) {
  size_t n = 1;
  if (value.is_structured()) {
    for (const auto& item : value) n += count_values(item);
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  takao::Diagnostics diags;
  if (auto fm = takao::parse_front_matter("fuzz.md", text, diags)) {
    // The body is a view into the input: it must lie inside it, and the caps must have held.
    if (!fm->body.empty() && (fm->body.data() < text.data() || fm->body.data() + fm->body.size() > text.data() + text.size())) {
      __builtin_trap();
    }
    if (fm->body_line < 2) __builtin_trap();
    if (count_values(fm->fields) > 20000 * 2 + 1000) __builtin_trap();
    for (const auto& [key, pos] : fm->positions) {
      if (pos.line < 1 || pos.col < 1 || !fm->fields.contains(key)) __builtin_trap();
    }
  } else if (!diags.has_errors()) {
    __builtin_trap();  // a rejected file must say why
  }
  takao::Diagnostics doc_diags;
  if (auto doc = takao::parse_yaml_document("site.yaml", text, doc_diags)) count_values(doc->fields);
  for (const auto& d : diags.sorted()) d.format();
  return 0;
}
