// Runs the shared lookup cases (tests/cases/lookup-cases.json) against takao-lookup.mjs, on an index the
// C++ writer builds (lookup_indexer from $TAKAO_BUILD_DIR, default build), and checks that the module and
// `takao lookup --json` (run through lookup_indexer) give the same answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { openLookup, prefixEditDistance, scanTypos, neighbourPrefixes, chineseNumeralValue } from "../../themes/default/assets/takao-lookup.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const buildDir = resolve(root, process.env.TAKAO_BUILD_DIR || "build");
const indexer = join(buildDir, "lookup_indexer");
const casesPath = join(root, "tests/cases/lookup-cases.json");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));

function buildIndex() {
  if (!existsSync(indexer)) {
    throw new Error(`${indexer} is missing: build it first (cmake --build ${buildDir} --target lookup_indexer), ` +
      "or set TAKAO_BUILD_DIR to the build folder");
  }
  const dir = mkdtempSync(join(tmpdir(), "takao-lookup-"));
  execFileSync(indexer, ["--cases", casesPath, dir], { stdio: ["ignore", "ignore", "pipe"] });
  return dir;
}

const site = buildIndex();
process.on("exit", () => rmSync(site, { recursive: true, force: true }));
const fetched = [];
const lookup = await openLookup(async (path) => {
  fetched.push(path);
  return readFileSync(join(site, path));
});

function describe(hits) {
  return hits.length ? `${hits[0].zh} = ${hits[0].en}` : "(nothing)";
}

test("fold cases", () => {
  for (const c of cases.fold) assert.equal(lookup.fold(c.in), c.out, `fold(${JSON.stringify(c.in)})`);
});

test("query cases", async () => {
  for (const c of cases.cases) {
    const hits = await lookup.query(c.query, { limit: c.limit ?? 5 });
    const why = `${JSON.stringify(c.query)} gave ${describe(hits)}`;
    if (c.empty) assert.equal(hits.length, 0, why);
    if ("first" in c) assert.equal(hits[0]?.zh, c.first, why);
    if ("first_en" in c) assert.equal(hits[0]?.en, c.first_en, why);
    if ("first_category" in c) assert.equal(hits[0]?.category, c.first_category, why);
    for (const field of ["district", "postcode", "note", "source"]) {
      if (`first_${field}` in c) assert.equal(hits[0]?.[field] ?? "", c[`first_${field}`], `${why} (first_${field})`);
    }
    if ("in_top" in c) {
      const [n, zh] = c.in_top;
      assert.ok(hits.slice(0, n).some((h) => h.zh === zh), `${JSON.stringify(c.query)}: ${zh} not in the first ${n}`);
    }
  }
});

test("the module and takao lookup --json give the same answers", async () => {
  const extra = ["jhongshan", "j", "qi", "前", "fongshan st", "chien", "xyz", "lotus", "kaohsiung", "中山"];
  for (const q of [...cases.cases.map((c) => c.query).filter((q) => q.trim()), ...extra]) {
    for (const limit of [5, 0]) {
      const cli = JSON.parse(execFileSync(indexer, ["lookup", "--site", site, "--json", "--limit", String(limit), q],
        { encoding: "utf8" }));
      const js = await lookup.query(q, { limit });
      assert.deepEqual(js, cli, `query ${JSON.stringify(q)} limit ${limit}`);
    }
  }
});

test("results have the documented shape and links", async () => {
  const hits = await lookup.query("qianzhen");
  assert.deepEqual(Object.keys(hits[0]), ["zh", "en", "category", "district", "url", "source"]);
  const road = (await lookup.query("guangyuan rd"))[0];
  assert.deepEqual(Object.keys(road), ["zh", "en", "category", "district", "url", "source", "districts", "postcodes"]);
  const address = (await lookup.query("No. 100, Guangyuan Rd., Fongshan Dist."))[0];
  assert.deepEqual(Object.keys(address), ["zh", "en", "category", "district", "url", "postcode"]);
  assert.match(address.postcode, /^[0-9]{6}$/);
  assert.equal(hits[0].category, "district");
  assert.match(hits[0].url, /^\/glossary\/districts\/[a-z0-9-]+\/$/);
});

test("limit 0 returns every match; limit cuts", async () => {
  const all = await lookup.query("jhongshan", { limit: 0 });
  const one = await lookup.query("jhongshan", { limit: 1 });
  assert.ok(all.length >= 2);
  assert.equal(one.length, 1);
  assert.deepEqual(one[0], all[0]);
});

test("a pasted page or random text answers nothing (the C++ test has the same four)", async () => {
  let seed = 12345;
  const random = Array.from({ length: 10000 }, () =>
    String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2147483648) % 0xd7ff)).join("");
  for (const q of ["中山路".repeat(3334), "zhong shan ".repeat(910), "No. 5, Ln. 10, ".repeat(667), random]) {
    assert.deepEqual(await lookup.query(q), [], `${q.length} characters starting ${q.slice(0, 30)}`);
  }
});

test("each index file is fetched once", async () => {
  await lookup.query("qianzhen");
  await lookup.query("qianzhen");
  assert.equal(new Set(fetched).size, fetched.length);
});

test("fetchFile may give strings or ArrayBuffers", async () => {
  const asString = await openLookup(async (p) => readFileSync(join(site, p), "utf8"));
  const asBuffer = await openLookup(async (p) => {
    const b = readFileSync(join(site, p));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  });
  assert.deepEqual(await asString.query("Fongshan"), await asBuffer.query("Fongshan"));
});

test("prefix edit distance", () => {
  assert.equal(prefixEditDistance("fongshn", "fongshandist", 1), 1);
  assert.equal(prefixEditDistance("qainzhen", "qianzhen", 2), 1);
  assert.equal(prefixEditDistance("abc", "xyz", 1), 2);
  assert.equal(prefixEditDistance("cianjhen", "cianjhendist", 2), 0);
});

test("Chinese numerals", () => {
  assert.equal(chineseNumeralValue("二十"), "20");
  assert.equal(chineseNumeralValue("十二"), "12");
  assert.equal(chineseNumeralValue("一〇五"), "105");
  assert.equal(chineseNumeralValue("一百零五"), "105");
});

test("scanTypos finds exactly the keys prefixEditDistance accepts, with the same distances", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = "abcn前鎮";
  const word = (most) => Array.from({ length: 1 + Math.floor(random() * most) },
    () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  for (let t = 0; t < 2000; t++) {
    const keys = Array.from({ length: 30 }, () => word(9)).sort();
    const q = word(8);
    const max = 1 + Math.floor(random() * 2);
    const got = new Map();
    let from = 0;
    while (from < keys.length && keys[from] < q) from++;
    let to = from;
    while (to < keys.length && keys[to].startsWith(q)) to++;
    const start = Math.floor(random() * 5);
    scanTypos(q, max, keys, neighbourPrefixes(keys), start, keys.length, from, to, (k, d) => got.set(k, d));
    for (let k = start; k < keys.length; k++) {
      if (keys[k].startsWith(q)) continue;
      assert.equal(got.get(k) ?? max + 1, prefixEditDistance(q, keys[k], max), `${q} ~ ${keys[k]} (max ${max})`);
    }
  }
});
