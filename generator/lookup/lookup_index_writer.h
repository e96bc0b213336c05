// Writes the translation-lookup index (lookup/…) and the glossary's open-data downloads (glossary/…).
#pragma once
#include "core/output_file.h"
#include "glossary/glossary_entry.h"
#include "glossary/postal_table.h"
#include "lookup/lookup_fold.h"

namespace takao {

// lookup/manifest.json (fixed name) and the fingerprinted key and entry files it lists; see
// lookup_index_format.h. Deterministic: the same entries give the same bytes.
// With a postal table (entries attached to it by attach_postal), also the code ranges of each entry
// chunk (lookup/postal-<hash>.json) and the districts' keys and three-digit codes in the manifest.
OutputFiles write_lookup_index(const GlossaryEntries& entries, const PostalTable& postal = PostalTable{});

// glossary/glossary.csv (UTF-8 with BOM, header 中文,English,類別,行政區,別名,備註,英譯來源,郵遞區號, RFC 4180,
// CRLF; 行政區 and 郵遞區號 ';'-separated) and glossary/glossary.json (array of {zh, en, category, district,
// aliases, note, url, source, districts, postcodes}), in entry order.
// With a postal table, also glossary/postcodes.csv (UTF-8 with BOM, the Post's header, then its source
// and licence) and glossary/postcodes.json ({source, licence, rows: [{zip, district, road, range}]}).
OutputFiles write_glossary_open_data(const GlossaryEntries& entries, const PostalTable& postal = PostalTable{});

// The folding tables for a glossary: the default words, and the Traditional/variant -> folded character
// pairs for every character that folds to one used in the glossary, the address words or the places.
FoldTables lookup_fold_tables(const GlossaryEntries& entries);

}  // namespace takao
