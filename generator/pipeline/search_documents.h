// What the search index gets from the model: one SearchDocument per published page and language.
#pragma once
#include "model/site.h"
#include "pipeline/site_pdfs.h"
#include "search/search_document.h"

namespace takao {

// With `pdfs` (site_pdfs.h) and their text, each PDF page with text is one more document in each language
// its document has, borrowing the text from `library` (which must outlive the documents).
SearchDocuments search_documents(const Site& site, const std::vector<DocumentPdf>* pdfs = nullptr,
                                 const pdf::PdfLibrary* library = nullptr);

}  // namespace takao
