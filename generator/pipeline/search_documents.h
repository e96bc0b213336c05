// What the search index gets from the model: one SearchDocument per published page and language.
#pragma once
#include "model/site.h"
#include "search/search_document.h"

namespace takao {

SearchDocuments search_documents(const Site& site);

}  // namespace takao
