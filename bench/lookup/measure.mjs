// Figures for bench/lookup/run: first-query download (compressed, module included), warm query time,
// and findability. Arguments: SCALE_SITE FINDABILITY_SITE LABEL (folders written by lookup_indexer --forms).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { performance } from "node:perf_hooks";

import { openLookup } from "../../themes/default/assets/takao-lookup.mjs";

const [scaleDir, findDir, label] = process.argv.slice(2);
const modulePath = resolve(fileURLToPath(new URL("../../themes/default/assets/takao-lookup.mjs", import.meta.url)));
const sizes = new Map();  // a file's compressed sizes, computed once
const compressed = (b) => {
  if (!sizes.has(b)) {
    sizes.set(b, {
      gz: gzipSync(b, { level: 9 }).length,
      br: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(b);
};
const gz = (b) => compressed(b).gz;
const br = (b) => compressed(b).br;
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// One-typo forms of a name, made deterministically in its longest word (the others kept as written):
// a letter dropped, two neighbours swapped, a letter doubled, all in the middle of the word.
function typos(name) {
  const words = name.split(" ");
  let w = 0;
  words.forEach((word, i) => {
    if (word.length > words[w].length) w = i;
  });
  const word = words[w];
  if (!/^[A-Za-z]{5,}$/.test(word)) return [];
  const m = Math.floor(word.length / 2);
  const forms = [word.slice(0, m) + word.slice(m + 1), word.slice(0, m) + word[m + 1] + word[m] + word.slice(m + 2),
    word.slice(0, m) + word[m] + word.slice(m)];
  return forms.filter((f) => f.toLowerCase() !== word.toLowerCase())
    .map((f) => words.map((x, i) => (i === w ? f : x)).join(" "));
}
// ---- scale: first-query bytes and warm query time
const forms = JSON.parse(readFileSync(join(scaleDir, "forms.json"), "utf8"));
const sample = [];
for (let i = 0; i < forms.length; i += 149) {
  const f = forms[i];
  sample.push(f.zh, f.en, f.wade_giles, f.tongyong, f.en.replace(/ (Rd|St|Ln|Aly|Blvd|Vil)\.$/, ""));
}
sample.push("qianzhen", "zhongshan", "前镇", "fongshn", "chien-chen", "ch'ien-chen", "Zhongshan 1st Road",
  "高雄市前鎮區中山二路5號3樓", "xinyi rd", "minsheng", "chungshan", "ch", "s");
const moduleBytes = readFileSync(modulePath);
const fileCache = new Map();
const read = (dir, p) => {
  const key = dir + "/" + p;
  if (!fileCache.has(key)) fileCache.set(key, readFileSync(join(dir, p)));
  return fileCache.get(key);
};
const firstGz = [];
const firstBr = [];
let worst = { q: "", gz: 0 };
for (const q of sample) {
  const fetched = new Set();
  const lookup = await openLookup(async (p) => {
    fetched.add(p);
    return read(scaleDir, p);
  });
  await lookup.query(q, { limit: 5 });
  let g = gz(moduleBytes);
  let b = br(moduleBytes);
  for (const p of fetched) {
    g += gz(read(scaleDir, p));
    b += br(read(scaleDir, p));
  }
  firstGz.push(g);
  firstBr.push(b);
  if (g > worst.gz) worst = { q, gz: g };
}
// Warm timing also covers typing errors, which take the slow, typo-tolerant path.
const timed = [...sample];
for (let i = 0; i < forms.length; i += 149) timed.push(...typos(forms[i].en), ...typos(forms[i].wade_giles));
const warm = await openLookup(async (p) => read(scaleDir, p));
for (const q of timed) await warm.query(q, { limit: 5 });
const times = [];
for (let round = 0; round < 5; round++) {
  for (const q of timed) {
    const t0 = performance.now();
    await warm.query(q, { limit: 5 });
    times.push(performance.now() - t0);
  }
}
const maxGz = Math.max(...firstGz);
const p95 = percentile(times, 95);
console.log(`== scale: ${forms.length} entries, ${sample.length} sample queries (+ ${timed.length - sample.length} with typos for timing)`);
console.log(`module alone: ${kb(gz(moduleBytes))} gzip, ${kb(br(moduleBytes))} brotli`);
console.log(`first query download (module + manifest + files read), gzip: median ${kb(percentile(firstGz, 50))}, ` +
  `p95 ${kb(percentile(firstGz, 95))}, max ${kb(maxGz)} (${JSON.stringify(worst.q)})`);
console.log(`first query download, brotli: median ${kb(percentile(firstBr, 50))}, p95 ${kb(percentile(firstBr, 95))}, ` +
  `max ${kb(Math.max(...firstBr))}`);
console.log(`warm query time: median ${percentile(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ` +
  `max ${Math.max(...times).toFixed(2)} ms (${times.length} queries)`);
console.log(`target first query <= 150 KB compressed: ${maxGz <= 150 * 1024 ? "met" : "NOT MET"} (gzip max)`);
console.log(`target p95 <= 5 ms: ${p95 <= 5 ? "met" : "NOT MET"}`);

// ---- findability
const entries = JSON.parse(readFileSync(join(findDir, "forms.json"), "utf8"));
const lookup = await openLookup(async (p) => readFileSync(join(findDir, p)));
const kinds = { chinese: "zh", approved: "en", hanyu: "hanyu", "wade-giles": "wade_giles" };
const found = Object.fromEntries(Object.keys(kinds).map((k) => [k, 0]));
const misses = [];
let typoTotal = 0;
let typoTop3 = 0;
for (const e of entries) {
  for (const [kind, field] of Object.entries(kinds)) {
    const q = e[field];
    const hits = await lookup.query(q, { limit: 5 });
    if (hits[0]?.url === e.url) found[kind]++;
    else misses.push(`${kind} ${JSON.stringify(q)} -> ${hits[0] ? hits[0].zh : "nothing"} (want ${e.zh})`);
  }
  for (const t of typos(e.en)) {
    typoTotal++;
    const hits = await lookup.query(t, { limit: 3 });
    if (hits.some((h) => h.url === e.url)) typoTop3++;
    else misses.push(`typo ${JSON.stringify(t)} -> ${hits.map((h) => h.zh).join(", ") || "nothing"} (want ${e.zh})`);
  }
}
console.log(`== findability over ${label}: ${entries.length} entries`);
for (const kind of Object.keys(kinds)) console.log(`found first by ${kind}: ${found[kind]}/${entries.length}`);
console.log(`one-typo forms in the top 3: ${typoTop3}/${typoTotal}`);
for (const m of misses.slice(0, 30)) console.log(`  miss: ${m}`);
const allFound = Object.values(found).every((n) => n === entries.length) && typoTop3 === typoTotal;
console.log(`target every entry found first by every form, typos in top 3: ${allFound ? "met" : "NOT MET"}`);
