// A full-page screenshot of every page type in both languages at 1280 and 375 px wide, for people to look at:
// saved under $TAKAO_BUILD_DIR/screenshots/ (not committed), one PNG per page type, language and width.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { buildDir, buildSite, pageTypes, pagesOfEveryType, startNginx } from "../webhost/site.mjs";

const outDir = path.join(buildDir, "screenshots");
let root, server, browser;

before(async () => {
  root = buildSite("shots");
  server = await startNginx(root);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  fs.mkdirSync(outDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

test("a screenshot of every page type at 1280 and 375 px", { timeout: 600000 }, async () => {
  const saved = [];
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const p of pagesOfEveryType(root)) {
      const url = p.name === "404" ? (p.lang === "en" ? "/en/no-such-page/" : "/no-such-page/") : p.url;
      await page.goto(server.origin + url, { waitUntil: /\/(search|glossary)\/$/.test(url) ? "networkidle" : "load" });
      const file = path.join(outDir, `${p.name}-${p.lang}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString("latin1"), "PNG", file);
      // The image is as wide as the viewport: the page does not overflow it.
      assert.equal(png.readUInt32BE(16), width, `${file} is ${png.readUInt32BE(16)} px wide`);
      saved.push(file);
    }
    await context.close();
  }
  console.log(`saved ${saved.length} screenshots in ${outDir}`);
  assert.equal(saved.length, pageTypes.length * 4);  // both languages, two widths
});

// The glossary home as a newcomer first sees it (the viewport, not the full page) at 1280 and 375 px, in both
// languages: glossary-first-screen-LANG-WIDTH.png. The lookup box is why people come, so it should be in view;
// where it sits is printed with the file names, for the people who look at them.
test("the glossary home's first screen at 1280 and 375 px", { timeout: 120000 }, async () => {
  const saved = [];
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: width > 600 ? 800 : 740 } });
    const page = await context.newPage();
    for (const [lang, url] of [["zh-Hant", "/glossary/"], ["en", "/en/glossary/"]]) {
      await page.goto(server.origin + url, { waitUntil: "networkidle" });
      const file = path.join(outDir, `glossary-first-screen-${lang}-${width}.png`);
      await page.screenshot({ path: file });
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString("latin1"), "PNG", file);
      assert.equal(png.readUInt32BE(16), width, file);
      const box = await page.locator("#lookup-q").boundingBox();
      assert.ok(box, `${url}: no lookup box`);
      saved.push(`${path.basename(file)}: lookup box at y=${Math.round(box.y)} px${box.y + box.height <= page.viewportSize().height ? " (in the first screen)" : " (below the fold)"}`);
    }
    await context.close();
  }
  console.log(saved.join("\n"));
  assert.equal(saved.length, 4);
});
