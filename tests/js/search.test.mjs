// The browser search module against the shared cases (tests/cases/search-cases.json), on an index the C++
// writer produced (search_case_indexer from $TAKAO_BUILD_DIR, default build/), plus unit tests of its
// query reading, folding and excerpts.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openSearch, parseQuery, makeFolder, excerptFrom, integerIdf, fnv1a, formatDate, formatYear } from "../../themes/default/assets/takao-search.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const casesPath = path.join(root, "tests/cases/search-cases.json");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const buildDir = path.resolve(root, process.env.TAKAO_BUILD_DIR || "build");
const indexer = path.join(buildDir, "search_case_indexer");

let site;
before(() => {
  assert.ok(existsSync(indexer), `${indexer} is missing: build it with cmake --build ${buildDir} --target search_case_indexer (or set TAKAO_BUILD_DIR)`);
  site = mkdtempSync(path.join(tmpdir(), "takao-search-"));
  const run = spawnSync(indexer, [casesPath, site], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  process.on("exit", () => rmSync(site, { recursive: true, force: true }));
});

function wholeFiles(read) {
  return async (p) => {
    read?.push(p);
    return new Uint8Array(readFileSync(path.join(site, p)));
  };
}

function rangedFiles(log) {
  const f = async (p, range) => {
    const bytes = readFileSync(path.join(site, p));
    log?.push([p, range]);
    if (!range) return bytes;
    return bytes.subarray(Math.min(range.offset, bytes.length), Math.min(range.offset + range.length, bytes.length));
  };
  f.ranges = true;
  return f;
}

async function runCases(search) {
  let checked = 0;
  for (const c of cases.queries) {
    const o = c.options || {};
    const page = await search.search(c.query, { limit: o.limit ?? 0, offset: o.offset ?? 0, lang: o.lang, collection: o.collection, year: o.year });
    const urls = page.results.map((r) => r.url);
    const what = `query ${JSON.stringify(c.query)} -> ${JSON.stringify(urls)}`;
    if (c.expect) assert.deepEqual(urls, c.expect, what);
    if (c.expect_unordered) assert.deepEqual([...urls].sort(), [...c.expect_unordered].sort(), what);
    for (const u of c.absent || []) assert.ok(!urls.includes(u), what);
    if (c.first) assert.equal(urls[0], c.first, what);
    if ("page" in c) assert.equal(page.results[0]?.page, c.page, what);
    if ("partial" in c) assert.equal(page.partial, c.partial, what);
    if ("total" in c) assert.equal(page.total, c.total, what);
    if (c.title) assert.equal(page.results[0].title, c.title, what);
    if (c.excerpt_contains) assert.ok(page.results[0].excerpt.includes(c.excerpt_contains), what);
    if (c.highlight) {
      const r = page.results[0];
      assert.ok(r.ranges.some(([s, e]) => r.excerpt.slice(s, e) === c.highlight), `${what}: ranges ${JSON.stringify(r.ranges)} in ${r.excerpt}`);
    }
    checked++;
  }
  return checked;
}

test("shared cases: whole-file fetchFile", async () => {
  const search = await openSearch(wholeFiles());
  assert.ok((await runCases(search)) >= 20);
});

test("shared cases: range-reading fetchFile gives the same answers", async () => {
  const search = await openSearch(rangedFiles());
  assert.ok((await runCases(search)) >= 20);
});

test("the same results as takao search --json (C++ engine) for every case", async (t) => {
  const takao = path.join(buildDir, "takao");
  if (!existsSync(takao)) return t.skip(`${takao} not built`);
  const search = await openSearch(wholeFiles());
  for (const c of cases.queries) {
    const o = c.options || {};
    const args = ["search", "--site", site, "--json", "--limit", String(o.limit ?? 0)];
    if (o.offset) args.push("--offset", String(o.offset));
    if (o.lang) args.push("--lang", o.lang);
    if (o.collection) args.push("--collection", o.collection);
    if (o.year) args.push("--year", String(o.year));
    args.push("--", c.query);
    const run = spawnSync(takao, args, { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const cli = JSON.parse(run.stdout);
    const js = await search.query(c.query, { limit: o.limit ?? 0, offset: o.offset ?? 0, lang: o.lang, collection: o.collection, year: o.year });
    assert.deepEqual(js.map((r) => [r.url, r.title, r.lang, r.excerpt, r.collection, r.date, r.page]),
      cli.map((r) => [r.url, r.title, r.lang, r.excerpt, r.collection, r.date, r.page]), `query ${c.query}`);
  }
});

test("results are plain text: a title with markup comes back as the same characters", async () => {
  const search = await openSearch(wholeFiles());
  const [hit] = await search.query("測試頁面");
  assert.equal(hit.title, "<img src=x onerror=alert(1)>測試");
  assert.ok(hit.excerpt.includes("<script>alert(1)</script>"));
  assert.equal(typeof hit.excerpt, "string");
});

test("excerpt ranges point at the matched text", async () => {
  const search = await openSearch(wholeFiles());
  for (const q of ["研究報告", "台灣", "cafe"]) {
    const hits = await search.query(q, { limit: 0 });
    assert.ok(hits.length > 0, q);
    for (const h of hits) {
      for (const [s, e] of h.ranges) {
        assert.ok(s < e && e <= h.excerpt.length, `${q}: ${JSON.stringify(h.ranges)} in ${h.excerpt}`);
      }
    }
  }
  const [mice] = await search.query("研究報告", { lang: "zh-Hant" });
  assert.ok(mice.ranges.some(([s, e]) => mice.excerpt.slice(s, e) === "研究報告"), JSON.stringify(mice));
  const [cafe] = await search.query("cafe");
  assert.ok(cafe.ranges.some(([s, e]) => cafe.excerpt.slice(s, e) === "Café"), JSON.stringify(cafe));
});

test("a second query reads only what it needs", async () => {
  const log = [];
  const search = await openSearch(rangedFiles(log));
  await search.query("期程");
  const before = log.length;
  await search.query("期程");
  const again = log.slice(before).filter(([p]) => !p.includes("/r/"));
  assert.deepEqual(again, [], "postings and shards are cached");
});

test("limit, offset and total", async () => {
  const search = await openSearch(wholeFiles());
  const all = await search.search("研究", { limit: 0 });
  assert.ok(all.total >= 4);
  assert.equal(all.results.length, all.total);
  const page2 = await search.search("研究", { limit: 2, offset: 2 });
  assert.deepEqual(page2.results.map((r) => r.url), all.results.slice(2, 4).map((r) => r.url));
  assert.equal(page2.total, all.total);
  const first = await search.query("研究");
  assert.equal(first.length, Math.min(10, all.total), "limit defaults to 10");
});

test("parseQuery: CJK runs are phrases, words are words, the last word typed is a prefix", () => {
  const fold = makeFolder(new Map([[0x53f0, 0x81fa]]), new Map([[0x62a5, 0x5831]]));
  const terms = parseQuery("MICE 會展 台灣 报告 Café", fold);
  assert.deepEqual(terms.map((t) => [t.phrase, t.text, t.prefix]), [
    [false, "mice", false], [true, "會展", false], [true, "臺灣", false], [true, "報告", false], [false, "cafe", true],
  ]);
  assert.deepEqual(parseQuery("cafe ", fold).map((t) => t.prefix), [false]);
  assert.deepEqual(parseQuery("a", fold).map((t) => t.prefix), [false], "one letter is not a prefix yet");
  assert.deepEqual(parseQuery("研究。報告", fold).map((t) => t.text), ["研究", "報告"]);
  assert.deepEqual(parseQuery("研究 研究", fold).map((t) => t.text), ["研究"]);
  assert.equal(parseQuery("字".repeat(100), fold)[0].text.length, 32);
  assert.equal(parseQuery(Array.from({ length: 30 }, (_, i) => "w" + i).join(" "), fold).length, 12);
  assert.deepEqual(parseQuery("  ,,, ", fold), []);
  assert.deepEqual(parseQuery("ＡＢＣ１２３", fold).map((t) => t.text), ["abc123"]);
});

test("integerIdf and fnv1a match the C++ definitions", () => {
  assert.equal(integerIdf(0, 10), 0);
  assert.equal(integerIdf(11, 10), 64);
  assert.equal(integerIdf(1, 1023), 64 + 256 * 10);
  assert.ok(integerIdf(1, 10000) > integerIdf(10, 10000));
  assert.equal(fnv1a(new TextEncoder().encode("")), 2166136261);
  assert.equal(fnv1a(new TextEncoder().encode("a")), 0xe40c292c);
});

test("excerptFrom collapses white space and finds words by stem", () => {
  const fold = makeFolder();
  const terms = [{ phrase: false, cps: [..."planning"].map((c) => c.codePointAt(0)), text: "planning", prefix: false }];
  const { excerpt, ranges } = excerptFrom("The\n\n  Plans and PLANNING  here", terms, ["plan"], fold);
  assert.equal(excerpt, "The Plans and PLANNING here");
  assert.deepEqual(ranges, [[4, 9], [14, 22]]);
});

test("PDF pages: every Chinese substring of a page's text finds that page, as url#page=N with its page", async () => {
  const search = await openSearch(wholeFiles());
  const pdfPages = cases.documents.filter((d) => d.page);
  assert.ok(pdfPages.length >= 3);
  let tried = 0;
  for (const d of pdfPages) {
    for (const run of d.body.match(/[\u3400-\u9fff]+/gu) || []) {
      const cps = [...run];
      for (let i = 0; i < cps.length; i++) {
        for (let n = 1; n <= 8 && i + n <= cps.length; n++) {
          const q = cps.slice(i, i + n).join("");
          const hits = await search.query(q, { limit: 0, lang: d.lang });
          assert.ok(hits.some((h) => h.url === d.url && h.page === d.page && h.url.endsWith(`#page=${d.page}`)),
            `${q} does not find ${d.url}`);
          tried++;
        }
      }
    }
  }
  assert.ok(tried > 200, `${tried} substrings`);
});

test("a PDF page's hit carries its document's title, collection and date", async () => {
  const search = await openSearch(wholeFiles());
  const [hit] = await search.query("鳳山溪流域", { lang: "zh-Hant" });
  assert.equal(hit.url, "/reports/self-research/2013-transport/transfer.pdf#page=2");
  assert.equal(hit.page, 2);
  assert.equal(hit.title, "大眾運輸轉乘研究");
  assert.equal(hit.collection, "report");
  assert.equal(hit.excerpt.slice(hit.ranges[0][0], hit.ranges[0][1]), "鳳山溪流域");
  const [html] = await search.query("期程", { lang: "zh-Hant", collection: "report" });
  assert.equal("page" in html, false, "a site page has no page number");
});

test("formatDate and formatYear: 民國 on Chinese pages, as the site's pages write them", () => {
  assert.equal(formatDate("2014-08-01", "zh-Hant"), "民國103年8月1日");
  assert.equal(formatDate("1911-10-10", "zh-Hant"), "民國前1年10月10日");
  assert.equal(formatDate("2014-08-01", "en"), "1 August 2014");
  assert.equal(formatDate("", "zh-Hant"), "");
  assert.equal(formatDate("2014", "zh-Hant"), "2014");
  assert.equal(formatYear(2014, "zh-Hant"), "民國103年");
  assert.equal(formatYear(2014, "en"), "2014");
});
