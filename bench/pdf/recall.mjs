// Recall of PDF text: each query is a substring of one PDF page's text; the page (url ending #page=N, with
// `page` N) must be among the results (all of them, in the page's language).
//   node recall.mjs SITE_DIR QUERIES.json -> {"pdf_queries", "pdf_recall", "misses"}
import { readFileSync } from "node:fs";
import path from "node:path";
import { openSearch } from "../../themes/default/assets/takao-search.mjs";

const [site, queriesPath] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesPath, "utf8"));
const search = await openSearch(async (p) => readFileSync(path.join(site, p)));
let found = 0;
const misses = [];
for (const q of queries) {
  const hits = await search.query(q.q, { limit: 0, lang: q.lang });
  if (hits.some((h) => h.url === q.url && h.page === q.page)) found++;
  else if (misses.length < 10) misses.push(q);
}
console.log(JSON.stringify({ pdf_queries: queries.length, pdf_recall: queries.length ? found / queries.length : 1, misses }));
