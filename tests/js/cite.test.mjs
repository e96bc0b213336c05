// Citations (issue 17) read back by a real reader: the real content/ and the citation fixture
// (tests/fixtures/cite-site: DOIs, ORCID iDs, BibTeX special characters, no authors, 21 authors, a volume)
// are built with takao from $TAKAO_BUILD_DIR, then
// - every English document page's APA text must equal what citation-js (citeproc-js with the official APA
//   style) makes of the CSL-JSON beside it;
// - every export (BibTeX, RIS, CSL-JSON) of every article, report, issue and series page is parsed with
//   citation-js and checked against the citation_* tags of the page each entry cites and against content/;
// plus the copy button's DOM-free core.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copyCitation, citationText } from "../../themes/default/assets/takao-cite.mjs";

const require = createRequire(import.meta.url);
const Cite = require("citation-js");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildDir = path.resolve(root, process.env.TAKAO_BUILD_DIR || "build");
const takao = path.join(buildDir, "takao");
const sites = { content: path.join(root, "content"), fixture: path.join(root, "tests/fixtures/cite-site") };
const built = {};

before(() => {
  assert.ok(existsSync(takao), `${takao} is missing: build it first (or set TAKAO_BUILD_DIR)`);
  const tmp = mkdtempSync(path.join(tmpdir(), "takao-cite-"));
  process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(sites)) {
    const out = path.join(tmp, name);
    const run = spawnSync(takao, ["build", "--content", content, "--out", out, "--quiet"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    built[name] = out;
  }
});

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()];
  });
}

// Every folder of a built site that holds exports: [{dir, url}].
function exportFolders(site) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "cite.json") found.push(dir);
    }
  };
  walk(site);
  return found.sort().map((dir) => ({ dir, url: "/" + path.relative(site, dir).split(path.sep).join("/") + "/" }));
}

function page(dir) {
  const html = readFileSync(path.join(dir, "index.html"), "utf8");
  const meta = {};
  for (const m of html.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)">/g)) (meta[m[1]] ??= []).push(decode(m[2]));
  const cite = {};
  // The text may hold <span lang="zh-Hant"> runs (Chinese names in an English citation): the text is what counts.
  for (const m of html.matchAll(/<p id="cite-(apa|chicago)" class="cite-text">([\s\S]*?)<\/p>/g)) cite[m[1]] = decode(m[2].replace(/<[^>]*>/g, ""));
  return { html, meta, cite };
}

// The page of a site an absolute URL names (https://example.gov.tw/en/journal/017/x/ -> its folder).
function folderOf(site, url) {
  return path.join(site, decodeURIComponent(new URL(url).pathname));
}

const nameOf = (n) => n.literal ?? [n.given, n.family].filter(Boolean).join(" ");
const yearOf = (item) => item.issued?.["date-parts"]?.[0]?.[0];
const pagesOf = (p) => {
  if (!p) return undefined;
  const [first, last] = String(p).split(/[-–]+/);
  return `${first}-${last ?? first}`;
};

function checkAgainstMeta(item, meta, where) {
  const one = (k) => meta[k]?.[0];
  assert.equal(item.title, one("citation_title"), `${where}: title`);
  assert.deepEqual((item.author ?? []).map(nameOf), meta.citation_author ?? [], `${where}: authors`);
  assert.equal(String(yearOf(item)), one("citation_publication_date").slice(0, 4), `${where}: year`);
  assert.equal(item["container-title"], one("citation_journal_title"), `${where}: journal`);
  assert.equal(item.issue, one("citation_issue"), `${where}: issue`);
  const metaPages = one("citation_firstpage") ? `${one("citation_firstpage")}-${one("citation_lastpage") ?? one("citation_firstpage")}` : undefined;
  assert.equal(pagesOf(item.page), metaPages, `${where}: pages`);
  assert.equal(item.DOI, one("citation_doi"), `${where}: DOI`);
  const institution = one("citation_technical_report_institution") ?? one("citation_dissertation_institution");
  if (institution) assert.equal(item.publisher, institution, `${where}: institution`);
}

// Documents in content/ for an issue or series folder (the "content" side of the check).
function documentsIn(content, url) {
  const rel = url.replace(/^\/en\//, "/").slice(1);
  const dir = path.join(content, decodeURIComponent(rel));
  return readdirSync(dir).filter((f) => f.endsWith(".md") && !f.endsWith(".en.md") && f !== "_index.md").length;
}

for (const name of Object.keys(sites)) {
  test(`${name}: English APA equals citeproc-js with the APA style on every document`, () => {
    let checked = 0;
    for (const { dir, url } of exportFolders(built[name])) {
      const { cite } = page(dir);
      if (!url.startsWith("/en/") || !cite.apa) continue;
      const csl = JSON.parse(readFileSync(path.join(dir, "cite.json"), "utf8"));
      assert.equal(csl.length, 1, url);
      const expected = new Cite(csl).format("bibliography", { format: "text", template: "apa", lang: "en-US" }).trim();
      assert.equal(cite.apa, expected, url);
      ++checked;
    }
    assert.ok(checked >= (name === "content" ? 25 : 7), `only ${checked} documents checked`);
  });

  test(`${name}: every export reads back in citation-js and agrees with the pages and content`, () => {
    const counts = { bib: 0, ris: 0, json: 0, collections: 0 };
    for (const { dir, url } of exportFolders(built[name])) {
      const parsed = {
        bib: new Cite(readFileSync(path.join(dir, "cite.bib"), "utf8")).data,
        ris: new Cite(readFileSync(path.join(dir, "cite.ris"), "utf8")).data,
        json: new Cite(JSON.parse(readFileSync(path.join(dir, "cite.json"), "utf8"))).data,
      };
      const { meta, html } = page(dir);
      const isDocument = !!meta.citation_title;
      for (const [format, items] of Object.entries(parsed)) {
        assert.ok(items.length > 0, `${url}cite.${format}: nothing read`);
        if (isDocument) assert.equal(items.length, 1, `${url}cite.${format}`);
        else assert.equal(items.length, documentsIn(sites[name], url), `${url}cite.${format}: not all documents of the content`);
        for (const item of items) {
          // Each entry agrees with the page it cites (for a collection, each document's own page).
          const target = isDocument ? meta : page(folderOf(built[name], item.URL)).meta;
          checkAgainstMeta(item, target, `${url}cite.${format} ${item.URL}`);
          ++counts[format];
        }
      }
      if (!isDocument) ++counts.collections;
      // The page links its exports, visibly and in the head.
      for (const [file, type] of [["cite.bib", "application/x-bibtex"], ["cite.ris", "application/x-research-info-systems"], ["cite.json", "application/vnd.citationstyles.csl+json"]]) {
        const href = encodeURI(url + file).replace(/%25/g, "%");
        assert.ok(html.includes(`<link rel="alternate" type="${type}"`) && html.includes(`href="${href}"`), `${url}: no link to ${file}`);
      }
    }
    assert.ok(counts.collections >= 4, `collections: ${counts.collections}`);
    assert.equal(counts.bib, counts.ris);
    assert.equal(counts.bib, counts.json);
  });
}

test("fixture: BibTeX special characters, DOIs and ORCID iDs survive", () => {
  const dir = path.join(built.fixture, "en/journal/005/02-special");
  const bib = readFileSync(path.join(dir, "cite.bib"), "utf8");
  assert.match(bib, /title = \{\{Braces \\\{x\\\}, 100\\% \\& C:\\textbackslash\{\}path \\\$5 \\#1 a\\_b \\textasciitilde\{\}x \\textasciicircum\{\}y: Does It Survive\?\}\}/);
  const [item] = new Cite(bib).data;
  assert.equal(item.title, "Braces {x}, 100% & C:\\path $5 #1 a_b ~x ^y: Does It Survive?");
  assert.equal(nameOf(item.author[0]), "Chen {Ta-wen}");
  const zh = new Cite(readFileSync(path.join(built.fixture, "journal/005/02-special/cite.bib"), "utf8")).data[0];
  assert.equal(zh.title, "特殊字元 {大括號} 100% & C:\\路徑 $5 #1 a_b ~x ^y");

  const ids = path.join(built.fixture, "journal/005/01-identifiers");
  const { html } = page(ids);
  assert.ok(html.includes('<meta name="citation_doi" content="10.5555/cd.5.01">'));
  assert.ok(html.includes('href="https://doi.org/10.5555/cd.5.01"'));
  assert.ok(html.includes('<a class="orcid" href="https://orcid.org/0000-0002-1825-0097">'));
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
  assert.equal(ld.sameAs, "https://doi.org/10.5555/cd.5.01");
  assert.equal(ld.identifier.value, "10.5555/cd.5.01");
  assert.equal(ld.author[0].sameAs, "https://orcid.org/0000-0002-1825-0097");
  assert.equal(ld.author[1].identifier.value, "0000-0002-1694-233X");
  for (const file of ["cite.bib", "cite.ris", "cite.json"]) {
    const text = readFileSync(path.join(ids, file), "utf8");
    assert.ok(text.includes("10.5555/cd.5.01"), file);
    assert.ok(text.includes("0000-0002-1825-0097"), file);
  }
  const csl = JSON.parse(readFileSync(path.join(ids, "cite.json"), "utf8"))[0];
  assert.deepEqual(csl.author[0], { literal: "王小明", ORCID: "https://orcid.org/0000-0002-1825-0097" });
  // Chinese conventions on Chinese pages.
  assert.equal(page(ids).cite.apa, "王小明、歐陽娜娜、李四（2010）。港灣城市的治理：以高雄為例。城市發展，3(5)，1-15。https://doi.org/10.5555/cd.5.01");
  // The issue's DOI on its page and in its JSON-LD.
  const issue = readFileSync(path.join(built.fixture, "journal/005/index.html"), "utf8");
  assert.ok(issue.includes('<a href="https://doi.org/10.5555/cd.5">https://doi.org/10.5555/cd.5</a>'));
});

test("exports are byte-identical whatever --jobs is", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "takao-cite-jobs-"));
  try {
    const out = path.join(tmp, "one");
    const run = spawnSync(takao, ["build", "--content", sites.fixture, "--out", out, "--quiet", "--jobs", "1"], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    for (const { dir } of exportFolders(built.fixture)) {
      const rel = path.relative(built.fixture, dir);
      for (const file of ["cite.bib", "cite.ris", "cite.json"]) {
        assert.equal(readFileSync(path.join(out, rel, file), "utf8"), readFileSync(path.join(dir, file), "utf8"), path.join(rel, file));
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("copy button core: writes the citation's text, reports failure", async () => {
  const written = [];
  assert.equal(await copyCitation("  林美慧（2014）。\n  標題。 ", { writeText: async (t) => written.push(t) }), true);
  assert.deepEqual(written, ["林美慧（2014）。 標題。"]);
  assert.equal(await copyCitation("x", { writeText: async () => { throw new Error("denied"); } }), false);
  assert.equal(await copyCitation("x", undefined), false);
  assert.equal(citationText(null), "");
});
