// Builds the static full-text index of the site (format in index_format.h) from one SearchDocument per
// published page and language.
#pragma once
#include "core/output_file.h"
#include "search/search_document.h"

namespace takao {

// Returns search/manifest.json and the files of search/v-<hash>/. Deterministic: the same documents give
// byte-identical files whatever the number of threads. Uses every core (std::thread).
OutputFiles write_search_index(const SearchDocuments& docs);

namespace search {
// The same with an explicit thread count (tests and benchmarks); 0 means the machine's cores.
OutputFiles write_search_index(const SearchDocuments& docs, int threads);
// The same files, but the record packs (half of the bytes: the text of the excerpts) come without bytes:
// each one's `make` lays it out when the writer calls it, reading `docs`, which must outlive the files.
// For a build that writes each file and lets it go: all of them at once were its peak of memory.
OutputFiles write_search_index_lazily(const SearchDocuments& docs, int threads);
}  // namespace search

}  // namespace takao
