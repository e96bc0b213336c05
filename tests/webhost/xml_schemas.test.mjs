// The site's XML against outside schemas with xmllint: the sitemap index and each per-language sitemap
// against the sitemaps.org protocol (XSD), the Atom feeds against RFC 4287's RELAX NG grammar. Each schema
// is also shown to reject a broken file, so a schema that accepts anything cannot pass unnoticed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";

import { buildSite, repo, scratchDir } from "./site.mjs";

const schemas = path.join(repo, "tests/schemas");
let root;

before(() => {
  root = buildSite("xml");
});

function xmllint(args) {
  const r = spawnSync("xmllint", ["--noout", "--nonet", ...args], { encoding: "utf8" });
  return { ok: r.status === 0, output: r.stderr + r.stdout };
}

function brokenCopy(file, from, to) {
  const text = fs.readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${file} has no ${from}`);
  const out = path.join(scratchDir("bad"), path.basename(file));
  fs.writeFileSync(out, text.replace(from, to));
  return out;
}

const locs = (text, tag) => [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

test("sitemap.xml is a sitemap index naming one sitemap per language, each valid", () => {
  const index = path.join(root, "sitemap.xml");
  const r = xmllint(["--schema", path.join(schemas, "siteindex.xsd"), index]);
  assert.ok(r.ok, r.output);
  const sitemaps = locs(fs.readFileSync(index, "utf8"), "loc");
  assert.deepEqual(sitemaps, ["https://example.gov.tw/sitemap-zh-Hant.xml", "https://example.gov.tw/sitemap-en.xml"]);
  let urls = 0;
  for (const loc of sitemaps) {
    const file = path.join(root, new URL(loc).pathname);
    const v = xmllint(["--schema", path.join(schemas, "sitemap.xsd"), file]);
    assert.ok(v.ok, v.output);
    const pages = locs(fs.readFileSync(file, "utf8"), "loc");
    const en = loc.endsWith("-en.xml");
    for (const p of pages) assert.equal(new URL(p).pathname.startsWith("/en/"), en, `${p} in ${loc}`);
    urls += pages.length;
  }
  // Every page of the site but the two 404 pages.
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name === "index.html") pages.push(dir);
    }
  };
  walk(root);
  assert.equal(urls, pages.length);
});

test("robots.txt names the sitemap index", () => {
  const robots = fs.readFileSync(path.join(root, "robots.txt"), "utf8");
  assert.match(robots, /^Sitemap: https:\/\/example\.gov\.tw\/sitemap\.xml$/m);
  assert.match(robots, /^User-agent: \*$/m);
});

test("the sitemap schema rejects a relative <loc> and a bad <lastmod>", () => {
  const file = path.join(root, "sitemap-en.xml");
  const text = fs.readFileSync(file, "utf8");
  const firstLoc = locs(text, "loc")[0];
  assert.equal(xmllint(["--schema", path.join(schemas, "sitemap.xsd"), brokenCopy(file, `<loc>${firstLoc}</loc>`, "<loc>/en/</loc>")]).ok, false);
  const firstMod = locs(text, "lastmod")[0];
  assert.equal(xmllint(["--schema", path.join(schemas, "sitemap.xsd"), brokenCopy(file, `<lastmod>${firstMod}</lastmod>`, "<lastmod>1 Aug 2014</lastmod>")]).ok, false);
});

const feeds = ["journal/feed.atom", "reports/feed.atom", "en/journal/feed.atom", "en/reports/feed.atom"];

test("the Atom feeds are valid RFC 4287", () => {
  for (const f of feeds) {
    const file = path.join(root, f);
    const r = xmllint(["--relaxng", path.join(schemas, "atom.rng"), file]);
    assert.ok(r.ok, `${f}: ${r.output}`);
    const text = fs.readFileSync(file, "utf8");
    // RFC 4287's rules beyond the grammar: a feed author (or one per entry), an absolute id, a self link.
    assert.match(text, /<feed[^>]*>[\s\S]*?<author>\s*<name>[^<]+<\/name>/);
    assert.match(text, new RegExp(`<link rel="self" type="application/atom\\+xml" href="https://example\\.gov\\.tw/${f.replace(/\./g, "\\.")}"/>`));
    for (const id of locs(text, "id")) assert.match(id, /^https:\/\/example\.gov\.tw\//);
    assert.ok((text.match(/<entry[ >]/g) || []).length > 0, `${f} has no entries`);
  }
});

test("the Atom grammar rejects a feed without <id> and a date without time", () => {
  const file = path.join(root, "journal/feed.atom");
  const rng = path.join(schemas, "atom.rng");
  assert.equal(xmllint(["--relaxng", rng, brokenCopy(file, "<id>https://example.gov.tw/journal/feed.atom</id>", "")]).ok, false);
  const updated = locs(fs.readFileSync(file, "utf8"), "updated")[0];
  assert.equal(xmllint(["--relaxng", rng, brokenCopy(file, `<updated>${updated}</updated>`, `<updated>${updated.slice(0, 10)}</updated>`)]).ok, false);
});

test("every page links the feeds in its head", () => {
  for (const f of ["index.html", "en/index.html", "journal/017/01-mice/index.html"]) {
    const html = fs.readFileSync(path.join(root, f), "utf8");
    const prefix = f.startsWith("en/") ? "/en" : "";
    assert.match(html, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${prefix}/journal/feed\\.atom">`));
    assert.match(html, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${prefix}/reports/feed\\.atom">`));
  }
});
