// Which PDFs of the site are read for search and shown on their document's page: every PDF a document
// names in `pdf:` (articles, issues, reports) and every PDF attachment a body links to, each given to the
// first document that names it (front matter before bodies, in model order).
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/site.h"
#include "pdf/pdf_library.h"

namespace takao {

class Disk;

struct DocumentPdf {
  const Document* doc = nullptr;
  std::string collection;  // the document's search collection: "article", "issue", "report", "page", ...
  std::string path;        // content-relative path of the PDF
  std::string url;         // "/" + percent-encoded path
};

std::vector<DocumentPdf> site_pdfs(const Site& site);

std::vector<pdf::PdfRequest> pdf_requests(const std::vector<DocumentPdf>& pdfs, const std::string& content_dir);

// Reads the PDFs (pdf::read_pdfs, in parallel, through the cache) and checks Scholar's rules. A thumbnail
// is published at FILE.pdf.png unless the site has a file of that name (then the page shows none).
// From a `disk` that is not the real one, the PDFs' bytes are read through it and nothing is cached.
pdf::PdfLibrary read_site_pdfs(const Site& site, const std::vector<DocumentPdf>& pdfs, const std::string& content_dir,
                               const std::string& out_dir, int jobs, Diagnostics& diags, Disk* disk = nullptr);

// The cache of extracted PDFs: $TAKAO_CACHE_DIR when set, else .cache/takao beside the output folder
// (for `--out public` in a checkout, the repository's ignored .cache/): outside the output so that the
// staging swap never touches it, and keyed by content so a renamed or moved site still finds it.
std::string pdf_cache_dir(const std::string& out_dir);

// Google Scholar's rules for the PDF a page cites (citation_pdf_url): warnings at the Markdown file for a
// PDF outside the page's folder (Scholar ignores it; the tag is left out) and for one over 5 MB.
void check_scholar_pdfs(const Site& site, const pdf::PdfLibrary& pdfs, Diagnostics& diags);

// What the theme shows of each PDF on its document's page: {url: {bytes, size, pages, thumbnail, width,
// height}}, for RenderOptions::pdfs.
nlohmann::json pdf_views(const pdf::PdfLibrary& pdfs);

}  // namespace takao
