// WCAG 2.1 SC 3.1.2 (language of parts), which axe and Lighthouse do not test: every English page of the
// built site, walked file by file, has no run of Chinese text outside an element marked lang="zh-Hant" (or
// another zh-* tag). A failure lists every page that falls short, with the text and where it sits.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";

import { unmarkedChinese } from "./lang_parts.mjs";
import { buildSite } from "./site.mjs";

let root;
before(() => {
  root = buildSite("lang-parts");
});

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out.sort();
}

test("the checker finds unmarked Chinese and accepts marked Chinese", () => {
  const page = (body) => `<!DOCTYPE html><html lang="en"><head><title>標題</title></head><body>${body}</body></html>`;
  assert.deepEqual(unmarkedChinese(page("<p>English only</p>")), []);
  assert.deepEqual(unmarkedChinese(page('<p>Name: <span lang="zh-Hant">王小明</span>、</p>')).map((f) => f.text), ["、"]);
  assert.deepEqual(unmarkedChinese(page('<ul lang="zh-TW"><li><a href="#">民政局</a></li></ul>')), []);
  assert.deepEqual(unmarkedChinese(page('<div lang="zh-Hant"><p lang="en">都市發展局</p></div>')).map((f) => f.text), ["都市發展局"]);
  assert.deepEqual(unmarkedChinese(page('<img src="a.png" alt="封面"><br><p>ok</p>')).map((f) => f.path), ["html > body > img[alt]"]);
  assert.deepEqual(unmarkedChinese(page("<script>const s = '中文';</script><!-- 註解 --><p>ok</p>")), []);
  assert.deepEqual(unmarkedChinese(page("<p>AT&amp;T &#x4E2D;</p>")).map((f) => f.text), ["中"]);
});

test("every English page marks its Chinese text with lang=zh-Hant", { timeout: 120000 }, () => {
  const files = htmlFiles(path.join(root, "en"));
  assert.ok(files.length > 200, `only ${files.length} English pages`);
  const failing = [];
  for (const file of files) {
    const found = unmarkedChinese(fs.readFileSync(file, "utf8"));
    if (found.length) {
      const rel = path.relative(root, file);
      failing.push(`${rel}: ${found.length} run(s), e.g. ${found.slice(0, 3).map((f) => `"${f.text}" in ${f.path}`).join("; ")}`);
    }
  }
  console.log(`${files.length - failing.length} of ${files.length} English pages mark every run of Chinese`);
  assert.deepEqual(failing, [], `${failing.length} of ${files.length} English pages have Chinese text without lang="zh-Hant":\n${failing.join("\n")}`);
});
