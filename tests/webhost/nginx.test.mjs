// The built site served by Debian's nginx with deploy/nginx: every link reachable from both home pages
// answers 200 (redirects followed, none looping), and the web-host behaviour the configuration promises.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";
import zlib from "node:zlib";

import { buildSite, startNginx } from "./site.mjs";

const BASE_URL = "https://example.gov.tw/";  // content/site.yaml: absolute links under it are the site's own
let root, server;

before(async () => {
  root = buildSite("nginx");
  server = await startNginx(root);
});
after(async () => {
  if (server) await server.stop();
});

function get(pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(server.origin + pathname, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

const decodeEntities = (s) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

// Internal URLs a page links to or loads: href and src attributes, absolute ones under the base URL included.
function linksOf(html, pageUrl) {
  const out = new Set();
  for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
    let href = decodeEntities(m[1]).trim();
    if (href.startsWith(BASE_URL)) href = "/" + href.slice(BASE_URL.length);
    if (!href || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue;
    const u = new URL(href, "http://site" + pageUrl);
    out.add(u.pathname);
  }
  return out;
}

test("every link from both home pages answers 200, with no redirect loop", { timeout: 300000 }, async () => {
  const queue = ["/", "/en/"];
  const seen = new Set(queue);
  const failures = [];
  let pages = 0, files = 0, redirects = 0;
  while (queue.length) {
    const start = queue.shift();
    let url = start;
    const chain = [url];
    let res;
    for (;;) {
      res = await get(url);
      if (res.status < 300 || res.status >= 400) break;
      redirects++;
      const next = new URL(res.headers.location, "http://site" + url).pathname;
      if (chain.includes(next) || chain.length > 5) {
        failures.push(`redirect loop: ${chain.join(" -> ")} -> ${next}`);
        res = null;
        break;
      }
      chain.push(next);
      url = next;
    }
    if (!res) continue;
    if (res.status !== 200) {
      failures.push(`${res.status} ${start}${chain.length > 1 ? " (via " + chain.join(" -> ") + ")" : ""}`);
      continue;
    }
    if (!String(res.headers["content-type"]).startsWith("text/html")) {
      files++;
      continue;
    }
    pages++;
    for (const link of linksOf(res.body.toString("utf8"), url)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  console.log(`crawled ${pages} pages and ${files} other files, followed ${redirects} redirects`);
  assert.deepEqual(failures, []);
  assert.ok(pages > 100, `only ${pages} pages reachable from the home pages`);
  assert.equal(server.errorLog().includes("[error]"), false, server.errorLog());
});

test("pages carry the security headers, with a Content-Security-Policy without 'unsafe-inline'", async () => {
  for (const p of ["/", "/en/journal/017/01-mice/", "/no-such-page/"]) {
    const res = await get(p);
    const csp = res.headers["content-security-policy"];
    assert.ok(csp, `${p}: no CSP`);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["x-frame-options"], "DENY");
    assert.ok(res.headers["referrer-policy"]);
  }
});

test("hashed assets are cached for a year, pages for minutes, fixed-path modules for an hour", async () => {
  const home = (await get("/")).body.toString("utf8");
  const css = home.match(/<link rel="stylesheet" href="(\/assets\/style\.[0-9a-f]{10}\.css)" integrity="(sha384-[^"]+)">/);
  assert.ok(css, "the home page links a hashed stylesheet with integrity");
  const asset = await get(css[1]);
  assert.equal(asset.status, 200);
  assert.match(asset.headers["cache-control"], /max-age=31536000/);
  assert.match(asset.headers["cache-control"], /immutable/);
  assert.match((await get("/")).headers["cache-control"], /max-age=300\b/);
  for (const m of ["/assets/takao-search.mjs", "/assets/takao-lookup.mjs"]) {
    const res = await get(m);
    assert.equal(res.status, 200, m);
    assert.match(res.headers["content-type"], /^text\/javascript/, `${m} must be served as JavaScript for import`);
    assert.match(res.headers["cache-control"], /max-age=3600\b/);
  }
});

test("pre-compressed files are served as they are", async () => {
  const plain = await get("/journal/");
  const gz = await get("/journal/", { "Accept-Encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.match(gz.headers.vary || "", /Accept-Encoding/);
  assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
  assert.equal(plain.headers["content-encoding"], undefined);
});

test("clean URLs: a folder without its slash redirects once, relatively", async () => {
  const res = await get("/journal");
  assert.equal(res.status, 301);
  assert.equal(res.headers.location, "/journal/");
  assert.equal((await get("/journal/")).status, 200);
});

test("missing pages get the 404 page of their language with status 404", async () => {
  const zh = await get("/no-such-page/");
  assert.equal(zh.status, 404);
  assert.match(zh.body.toString("utf8"), /<html lang="zh-Hant">/);
  const en = await get("/en/no-such-page/");
  assert.equal(en.status, 404);
  assert.match(en.body.toString("utf8"), /<html lang="en">/);
});

test("feeds, sitemaps and robots.txt are served with their types", async () => {
  const feed = await get("/journal/feed.atom");
  assert.equal(feed.status, 200);
  assert.match(feed.headers["content-type"], /^application\/atom\+xml/);
  const sitemap = await get("/sitemap.xml");
  assert.equal(sitemap.status, 200);
  assert.match(sitemap.headers["content-type"], /xml/);
  const robots = await get("/robots.txt");
  assert.match(robots.body.toString("utf8"), /^Sitemap: https:\/\/example\.gov\.tw\/sitemap\.xml$/m);
});

test("citation exports are served with their media types (issue 17)", async () => {
  for (const [file, type] of [["cite.bib", "application/x-bibtex"], ["cite.ris", "application/x-research-info-systems"],
                              ["cite.json", "application/vnd.citationstyles.csl+json"]]) {
    for (const prefix of ["", "/en"]) {
      const res = await get(`${prefix}/journal/017/01-mice/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers["content-type"], `${type}; charset=utf-8`, file);
    }
  }
});
