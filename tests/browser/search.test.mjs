// The search page in headless Chromium: types a Traditional and a Simplified Chinese query and checks the
// results, the live status, the <mark> highlights (as DOM, not HTML) and that the header form leads there.
// Site: $TAKAO_SITE (a built public/ folder), else the real site in content/ built with $TAKAO_BUILD_DIR/takao.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildDir = path.resolve(root, process.env.TAKAO_BUILD_DIR || "build");
let site, server, browser, base, tmp;

const types = { ".html": "text/html; charset=utf-8", ".mjs": "text/javascript", ".js": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".bin": "application/octet-stream", ".xml": "application/xml" };

// A static host with clean URLs and byte ranges, like the hosts the site is made for.
function serve(dir) {
  return createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) { res.writeHead(404).end("not found"); return; }
    const bytes = readFileSync(file);
    const headers = { "Content-Type": types[path.extname(file)] || "application/octet-stream", "Accept-Ranges": "bytes" };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || "");
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
      if (start >= bytes.length) { res.writeHead(416, { "Content-Range": `bytes */${bytes.length}` }).end(); return; }
      res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${bytes.length}` });
      res.end(bytes.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, headers).end(bytes);
  });
}

before(async () => {
  site = process.env.TAKAO_SITE && path.resolve(process.env.TAKAO_SITE);
  if (!site) {
    const takao = path.join(buildDir, "takao");
    assert.ok(existsSync(takao), `${takao} does not exist: build it (cmake --build ${buildDir} --target takao), set TAKAO_BUILD_DIR, or point TAKAO_SITE at a built site`);
    tmp = mkdtempSync(path.join(tmpdir(), "takao-search-site-"));
    site = path.join(tmp, "public");
    const run = spawnSync(takao, ["build", "--content", path.join(root, "content"), "--out", site], { encoding: "utf8" });
    assert.equal(run.status, 0, `takao build failed:\n${run.stderr}`);
  }
  assert.ok(existsSync(path.join(site, "search/manifest.json")), `${site} has no search index`);
  server = serve(site);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// A query whose answer we know from the built site itself: a Chinese run from some page's title.
async function knownQuery() {
  const { openSearch } = await import(path.join(root, "themes/default/assets/takao-search.mjs"));
  const search = await openSearch(async (p) => readFileSync(path.join(site, p)));
  for (const q of ["研究報告", "高雄", "研究", "城市"]) {
    const hits = await search.query(q, { lang: "zh-Hant", limit: 0 });
    if (hits.length) return { q, hits };
  }
  throw new Error("no Chinese query finds anything in the site");
}

async function openPage(errors) {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  // Missing files are reported by URL (the browser's own favicon request is not the site's business).
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`);
  });
  return page;
}

test("typing a Traditional Chinese query shows its results with highlights", async () => {
  const { q, hits } = await knownQuery();
  const errors = [];
  const page = await openPage(errors);
  await page.goto(base + "/search/");
  await page.locator("#search-q").pressSequentially(q, { delay: 30 });
  await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length === n, Math.min(10, hits.length));
  const urls = await page.$$eval("#search-results > li h2 a", (as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(urls, hits.slice(0, 10).map((h) => h.url));
  const status = await page.textContent("#search-status");
  assert.ok(status.includes(String(hits.length)) || hits.length === 1, status);
  assert.equal(await page.getAttribute("#search-status", "aria-live"), "polite");
  const marks = await page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.includes(q), `marks: ${marks}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a Simplified Chinese query finds the Traditional text", async () => {
  // Simplified forms from the site's own folding table: each Traditional character of a known query
  // that has one is replaced, so the page must fold it back to find the same pages.
  const manifest = JSON.parse(readFileSync(path.join(site, "search/manifest.json"), "utf8"));
  const fold = JSON.parse(readFileSync(path.join(site, manifest.dir, "fold.json"), "utf8"));
  const pairs = [...fold.simplified];
  const toSimplified = new Map();
  for (let i = 0; i + 1 < pairs.length; i += 2) toSimplified.set(pairs[i + 1], pairs[i]);
  let q, hits;
  const { openSearch } = await import(path.join(root, "themes/default/assets/takao-search.mjs"));
  const search = await openSearch(async (p) => readFileSync(path.join(site, p)));
  for (const candidate of ["研究報告", "發展", "高雄市", "研究", "城市", "報告"]) {
    if (![...candidate].some((c) => toSimplified.has(c))) continue;
    hits = await search.query(candidate, { lang: "zh-Hant", limit: 0 });
    if (hits.length) { q = candidate; break; }
  }
  assert.ok(q, "no known query has a Simplified form in this site");
  const simplified = [...q].map((c) => toSimplified.get(c) ?? c).join("");
  assert.notEqual(simplified, q);
  const errors = [];
  const page = await openPage(errors);
  await page.goto(base + "/search/?q=" + encodeURIComponent(simplified));
  await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 0);
  const urls = await page.$$eval("#search-results > li h2 a", (as) => as.map((a) => new URL(a.href).pathname));
  assert.deepEqual(urls, hits.slice(0, 10).map((h) => h.url));
  assert.equal(await page.inputValue("#search-q"), simplified, "the box keeps ?q=");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the simplified query 研究报告 finds the pages with 研究報告", async () => {
  const { openSearch } = await import(path.join(root, "themes/default/assets/takao-search.mjs"));
  const search = await openSearch(async (p) => readFileSync(path.join(site, p)));
  const want = (await search.query("研究報告", { lang: "zh-Hant" })).map((h) => h.url);
  const page = await openPage([]);
  await page.goto(base + "/search/");
  await page.locator("#search-q").fill("研究报告");
  if (want.length) {
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 0);
    const urls = await page.$$eval("#search-results > li h2 a", (as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(urls, want);
  } else {
    await page.waitForFunction(() => document.querySelector("#search-status").textContent.length > 0);
  }
  await page.close();
});

test("keyboard: Enter submits, arrow keys reach the results, nothing is injected as HTML", async () => {
  const { q } = await knownQuery();
  const page = await openPage([]);
  await page.goto(base + "/search/");
  await page.focus("#search-q");
  await page.keyboard.type(q);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.activeElement.closest("#search-results") !== null);
  assert.ok(focused, "ArrowDown moves into the results");
  const scripts = await page.$$eval("#search-results script, #search-results img", (n) => n.length);
  assert.equal(scripts, 0);
  await page.close();
});

test("the header form of every page submits to the search page", async () => {
  const page = await openPage([]);
  await page.goto(base + "/");
  const form = page.locator("form[role=search]").first();
  assert.equal(await form.getAttribute("method"), "get");
  await form.locator("input[name=q]").fill("研究");
  await Promise.all([page.waitForURL(/\/search\/\?q=/), form.locator("input[name=q]").press("Enter")]);
  await page.waitForFunction(() => document.querySelector("#search-status")?.textContent.length > 0);
  await page.close();
});

test("a hit inside a PDF: its page, the document's title, 民國 date and collection name, a link to file.pdf#page=N", async () => {
  const { openSearch } = await import(path.join(root, "themes/default/assets/takao-search.mjs"));
  const search = await openSearch(async (p) => readFileSync(path.join(site, p)));
  // A word from the text of some PDF of the site (the real content's PDFs are in English).
  let q, hit;
  for (const candidate of ["exhibitors", "graduates", "employment", "visitors"]) {
    hit = (await search.query(candidate, { lang: "zh-Hant", limit: 0 })).find((h) => h.page);
    if (hit) { q = candidate; break; }
  }
  assert.ok(hit, "no PDF page of the site is found by a word of its text");
  assert.match(hit.url, /\.pdf#page=\d+$/);
  for (const [lang, prefix] of [["zh-Hant", ""], ["en", "/en"]]) {
    const errors = [];
    const page = await openPage(errors);
    await page.goto(`${base}${prefix}/search/?q=${encodeURIComponent(q)}&lang=zh-Hant`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 0);
    const items = await page.$$eval("#search-results > li", (lis) => lis.map((li) => ({
      href: li.querySelector("h2 a").getAttribute("href"),
      title: li.querySelector("h2 a").textContent,
      meta: [...li.querySelectorAll(".search-meta > span")].map((s) => s.textContent),
    })));
    const item = items.find((i) => i.href === hit.url);
    assert.ok(item, `${hit.url} not among ${JSON.stringify(items)}`);
    assert.equal(item.title, hit.title);
    const pdfLabel = lang === "en" ? `PDF p. ${hit.page}` : `PDF 第 ${hit.page} 頁`;
    assert.ok(item.meta.includes(pdfLabel), JSON.stringify(item.meta));
    // The collection by the theme's name, the date as the site's pages write it.
    const [y, m, d] = hit.date.split("-").map(Number);
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const date = lang === "en" ? `${d} ${months[m - 1]} ${y}` : `民國${y - 1911}年${m}月${d}日`;
    assert.ok(item.meta.includes(date), `${date} not in ${JSON.stringify(item.meta)}`);
    assert.ok(!item.meta.includes(hit.collection), `untranslated collection name in ${JSON.stringify(item.meta)}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("Chinese results never show a Gregorian date or an untranslated collection (journal, issue)", async () => {
  const errors = [];
  const page = await openPage(errors);
  await page.goto(`${base}/search/?q=${encodeURIComponent("城市發展")}`);
  await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length > 0);
  const metas = await page.$$eval("#search-results .search-meta", (ps) => ps.map((p) => p.textContent));
  for (const meta of metas) {
    assert.doesNotMatch(meta, /\d{4}-\d{2}-\d{2}/, meta);
    assert.doesNotMatch(meta, /\b(journal|issue|article|report|series|page|glossary)\b/, meta);
  }
  const years = await page.$$eval("#search-year option", (os) => os.slice(1).map((o) => o.textContent));
  for (const y of years) assert.match(y, /^民國(前)?\d+年$/, y);
  assert.deepEqual(errors, []);
  await page.close();
});
