// Accessibility in headless Chromium, with the site served by nginx under its Content-Security-Policy:
// axe-core at WCAG 2.1 A and AA on one page of every page type in both languages (zero violations), and
// Taiwan's government-site conventions: skip link as the first tab stop, the ::: access keys U/C/Z, an
// update date, text that follows the browser's font size, no horizontal scrolling at 320 px, a print style.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { buildSite, pageTypes, pagesOfEveryType, repo, startNginx } from "../webhost/site.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let root, server, browser, pages;

before(async () => {
  root = buildSite("a11y");
  pages = pagesOfEveryType(root).map((p) => (p.name === "404" ? { ...p, url: p.lang === "en" ? "/en/no-such-page/" : "/no-such-page/" } : p));
  server = await startNginx(root);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Opens a page, recording script errors and CSP violations.
async function open(url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  // The search and lookup applications fetch their indexes after load; other pages are static.
  await page.goto(server.origin + url, { waitUntil: /\/(search|glossary)\/$/.test(url) ? "networkidle" : "load" });
  return { page, context, problems };
}

test("axe-core finds no WCAG 2.1 A/AA violation on any page type, in either language; none scrolls sideways at 320 px", { timeout: 600000 }, async () => {
  const found = [];
  const wide = [];
  let checked = 0;
  for (const p of pages) {
    const { page, context, problems } = await open(p.url);
    // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not block axe.
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), WCAG);
    checked++;
    for (const v of result.violations) {
      found.push(`${p.lang} ${p.name} ${p.url}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    }
    for (const pr of problems) found.push(`${p.lang} ${p.name} ${p.url}: ${pr}`);
    // Responsive down to 320 px: nothing wider than the viewport (wide tables scroll inside their wrapper).
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wide.push(`${p.url}: ${overflow}px too wide at 320 px`);
    await context.close();
  }
  console.log(`axe-core ${WCAG.join(",")}: ${checked} pages checked, ${found.length} violations`);
  assert.equal(checked, pageTypes.length * 2);
  assert.deepEqual(found, []);
  assert.deepEqual(wide, []);
});

test("the axe run reports what it should (an image without alt text on a page is a violation)", async () => {
  const { page, context } = await open("/");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
    document.querySelector("main").append(img);
  });
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG);
  assert.ok(result.violations.some((v) => v.id === "image-alt"));
  await context.close();
});

test("the first tab stop is the skip link, and it moves focus to the main content", async () => {
  for (const url of ["/", "/en/journal/017/01-mice/"]) {
    const { page, context } = await open(url);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link", url);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#main");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => location.hash), "#main");
    await context.close();
  }
});

test("every page has the ::: access keys U, C and Z and an update date", async () => {
  for (const p of pages) {
    const html = fs.readFileSync(p.file, "utf8");
    for (const key of ["U", "C", "Z"]) {
      assert.match(html, new RegExp(`<a href="#${key}" id="${key}" accesskey="${key}" class="accesskey" title="[^"]+">:::</a>`), `${p.url} lacks access key ${key}`);
    }
    assert.match(html, /<footer[\s\S]*<time datetime="\d{4}-\d{2}-\d{2}">[^<]+<\/time>/, `${p.url} has no update date`);
  }
  // The site map explains them.
  const map = fs.readFileSync(`${root}/site-map/index.html`, "utf8");
  for (const key of ["U", "C", "Z"]) assert.match(map, new RegExp(`<kbd>Alt</kbd> \\+ <kbd>${key}</kbd>`));
});

test("text follows the browser's font-size setting (sizes in rem, never px)", async () => {
  const css = fs.readFileSync(path.join(repo, "themes/default/assets/style.css"), "utf8").replace(/@media print\s*\{[\s\S]*?\n\}/, "");
  const px = [...css.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => m[1].trim()).filter((v) => /px\b/.test(v));
  assert.deepEqual(px, []);
  // A reader who sets 24 px as the default size gets 24 px body text.
  const { page, context } = await open("/journal/017/01-mice/");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 20 } });
  await page.reload({ waitUntil: "networkidle" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".prose p")).fontSize), "24px");
  await context.close();
});

test("printing leaves out the header, menus and footer", async () => {
  const { page, context } = await open("/journal/017/01-mice/");
  await page.emulateMedia({ media: "print" });
  for (const sel of [".site-header", ".site-footer", ".breadcrumbs", ".skip-link"]) {
    assert.equal(await page.evaluate((s) => getComputedStyle(document.querySelector(s)).display, sel), "none", sel);
  }
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector("main")).display), "none");
  await context.close();
});

test("images have text alternatives", () => {
  for (const p of pages) {
    const html = fs.readFileSync(p.file, "utf8");
    for (const m of html.matchAll(/<img\b[^>]*>/g)) assert.match(m[0], /\salt="/, `${p.url}: ${m[0]}`);
  }
});
