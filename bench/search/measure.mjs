// Measures the browser module on a built index: bytes read for a cold and a second query, warm query
// time, and recall/precision against a list of relevant pages per query (computed by ./run).
//   node measure.mjs SITE_DIR QUERIES.json  ->  JSON on stdout
// QUERIES.json: [{"q": "期程", "relevant": ["/journal/…/", …]}, …]
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openSearch } from "../../themes/default/assets/takao-search.mjs";

const [site, queriesPath] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesPath, "utf8"));
const modulePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../themes/default/assets/takao-search.mjs");
const moduleBytes = statSync(modulePath).size;
const moduleGzip = gzipSync(readFileSync(modulePath)).length;

const files = new Map();
function file(p) {
  let b = files.get(p);
  if (!b) {
    b = readFileSync(path.join(site, p));
    files.set(p, b);
  }
  return b;
}

// A browser-like fetchFile: HTTP Range reads, every byte counted (uncompressed, as stored).
function countingFetch(counter) {
  const f = async (p, range) => {
    const all = file(p);
    const bytes = range ? all.subarray(Math.min(range.offset, all.length), Math.min(range.offset + range.length, all.length)) : all;
    counter.bytes += bytes.length;
    counter.requests += 1;
    if (!range) counter.gzip += gzipSync(bytes).length;
    else counter.gzip += bytes.length;
    return bytes;
  };
  f.ranges = true;
  return f;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : 0; };

// Cold and second query, as on a search page (lang of the page, 10 results with excerpts).
const cold = [], coldGzip = [], coldRequests = [], second = [], secondGzip = [];
const pairs = Math.min(100, Math.floor(queries.length / 2));
for (let i = 0; i < pairs; i++) {
  const counter = { bytes: 0, requests: 0, gzip: 0 };
  const search = await openSearch(countingFetch(counter));
  await search.query(queries[2 * i].q, { limit: 10, lang: "zh-Hant" });
  cold.push(counter.bytes + moduleBytes);
  coldGzip.push(counter.gzip + moduleGzip);
  coldRequests.push(counter.requests + 1);
  const before = { ...counter };
  await search.query(queries[2 * i + 1].q, { limit: 10, lang: "zh-Hant" });
  second.push(counter.bytes - before.bytes);
  secondGzip.push(counter.gzip - before.gzip);
}

// Warm query time: every query once to load its files, then timed.
const warmSearch = await openSearch(countingFetch({ bytes: 0, requests: 0, gzip: 0 }));
for (const q of queries) await warmSearch.query(q.q, { limit: 10, lang: "zh-Hant" });
const times = [];
for (const q of queries) {
  const t0 = process.hrtime.bigint();
  await warmSearch.query(q.q, { limit: 10, lang: "zh-Hant" });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

// Recall and precision: every match, every language, compared with the relevant pages.
const recalls = [], precisions = [];
let empty = 0;
const full = await openSearch(async (p) => file(p));
for (const q of queries) {
  const got = new Set((await full.query(q.q, { limit: 0 })).map((r) => r.url));
  const relevant = new Set(q.relevant);
  let hit = 0;
  for (const u of got) if (relevant.has(u)) hit++;
  recalls.push(relevant.size ? hit / relevant.size : 1);
  precisions.push(got.size ? hit / got.size : relevant.size ? 0 : 1);
  if (!got.size) empty++;
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(JSON.stringify({
  queries: queries.length,
  recall: mean(recalls), precision: mean(precisions), min_recall: Math.min(...recalls), min_precision: Math.min(...precisions), empty,
  module_bytes: moduleBytes, module_gzip: moduleGzip,
  cold_median: median(cold), cold_max: Math.max(...cold), cold_gzip_median: median(coldGzip), cold_requests_median: median(coldRequests),
  second_median: median(second), second_p90: pct(second, 0.9), second_gzip_median: median(secondGzip),
  warm_p50_ms: pct(times, 0.5), warm_p95_ms: pct(times, 0.95),
}, null, 1));
