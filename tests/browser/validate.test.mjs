// The Nu Html Checker (npm vnu-jar, run with Java) on one page of every page type in both languages and on
// the theme's stylesheets: zero errors. A deliberately broken copy shows the harness does count errors.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";

import { buildSite, pagesOfEveryType, repo, scratchDir } from "../webhost/site.mjs";

const vnu = path.join(repo, "node_modules/vnu-jar/build/dist/vnu.jar");
let root, pages;

before(() => {
  root = buildSite("vnu");
  pages = pagesOfEveryType(root);
});

// Runs the checker; returns its messages (JSON output goes to stderr).
function check(files, extra = []) {
  const r = spawnSync("java", ["-jar", vnu, "--format", "json", ...extra, ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
  const out = r.stderr.trim() || r.stdout.trim();
  return JSON.parse(out).messages;
}

const errors = (messages) => messages.filter((m) => m.type === "error" || m.type === "non-document-error" || m.subType === "fatal");
const describe = (m) => `${m.url}:${m.lastLine}: ${m.message} ${m.extract ? JSON.stringify(m.extract) : ""}`;

test("every page type in both languages has zero HTML errors", { timeout: 300000 }, () => {
  const messages = check(pages.map((p) => p.file));
  const errs = errors(messages);
  const warnings = messages.filter((m) => m.type === "info" && m.subType === "warning");
  console.log(`Nu Html Checker: ${pages.length} pages, ${errs.length} errors, ${warnings.length} warnings`);
  assert.deepEqual(errs.map(describe), []);
});

test("the theme's stylesheets have zero CSS errors", { timeout: 120000 }, () => {
  const css = fs.readdirSync(path.join(root, "assets")).filter((f) => /^[^.]+\.css$/.test(f)).map((f) => path.join(root, "assets", f));
  assert.ok(css.length > 0);
  const errs = errors(check(css, ["--css"]));
  console.log(`Nu Html Checker: ${css.length} stylesheets, ${errs.length} errors`);
  assert.deepEqual(errs.map(describe), []);
});

test("the checker run counts errors (a page with a duplicate id fails)", { timeout: 120000 }, () => {
  const html = fs.readFileSync(pages[0].file, "utf8").replace('<main id="main"', '<main id="U"');
  assert.ok(html.includes('<main id="U"'));
  const bad = path.join(scratchDir("vnu"), "index.html");
  fs.writeFileSync(bad, html);
  assert.ok(errors(check([bad])).some((m) => /Duplicate ID/i.test(m.message)));
});
