// Folding text and finding its runs; the query reader mirrors parseQuery in takao-search.mjs.
#include "search/search_text.h"

#include <algorithm>

namespace takao::search {

void fold_text(std::string_view text, const Folder& folder, FoldedText& out) {
  out.cps.clear();
  out.offsets.clear();
  std::u32string raw;
  std::vector<uint32_t> raw_offsets;
  decode_utf8(text, raw, &raw_offsets);
  out.cps.reserve(raw.size());
  out.offsets.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    size_t before = out.cps.size();
    folder.fold(raw[i], out.cps);
    out.offsets.resize(out.cps.size(), raw_offsets[i]);
    (void)before;
  }
}

std::vector<TextRun> text_runs(std::u32string_view cps) {
  std::vector<TextRun> runs;
  size_t i = 0;
  while (i < cps.size()) {
    CharClass cls = char_class(cps[i]);
    if (cls == CharClass::other) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < cps.size() && char_class(cps[j]) == cls) ++j;
    runs.push_back({cls, i, j});
    i = j;
  }
  return runs;
}

std::vector<QueryTerm> parse_query(std::string_view query, const Folder& folder) {
  std::u32string raw;
  decode_utf8(query, raw, nullptr);
  if (raw.size() > kMaxQueryChars) raw.resize(kMaxQueryChars);
  std::u32string folded;
  for (char32_t c : raw) folder.fold(c, folded);
  std::vector<TextRun> runs = text_runs(folded);
  std::vector<QueryTerm> terms;
  for (size_t r = 0; r < runs.size(); ++r) {
    const TextRun& run = runs[r];
    QueryTerm term;
    term.phrase = run.cls == CharClass::cjk;
    size_t cap = term.phrase ? kMaxPhraseLength : kMaxWordLength;
    term.text = folded.substr(run.begin, std::min(run.end - run.begin, cap));
    term.prefix = !term.phrase && r + 1 == runs.size() && run.end == folded.size() && term.text.size() >= 2;
    if (std::find(terms.begin(), terms.end(), term) != terms.end()) continue;
    terms.push_back(std::move(term));
    if (terms.size() == kMaxQueryTerms) break;
  }
  return terms;
}

}  // namespace takao::search
