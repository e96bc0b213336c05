// The Atom feeds of the built site as a feed reader shows them: every entry has a summary that is not empty,
// and in the English feeds every title, summary and author name with Chinese text is marked
// xml:lang="zh-Hant" (on itself or on its entry).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";

import { buildSite } from "./site.mjs";

const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u;
let root;
before(() => {
  root = buildSite("feeds");
});

const entriesOf = (xml) => [...xml.matchAll(/<entry(?:\s+xml:lang="([^"]*)")?>([\s\S]*?)<\/entry>/g)].map((m) => ({ lang: m[1] || "", body: m[2] }));

test("every feed entry has a summary, in the feed's language or marked as Chinese", () => {
  const report = [];
  const problems = [];
  for (const feed of ["journal/feed.atom", "reports/feed.atom", "en/journal/feed.atom", "en/reports/feed.atom"]) {
    const xml = fs.readFileSync(path.join(root, feed), "utf8");
    const feedLang = xml.match(/<feed xml:lang="([^"]+)"/)[1];
    const entries = entriesOf(xml);
    assert.ok(entries.length > 0, `${feed} has no entries`);
    let marked = 0;
    for (const e of entries) {
      const id = (e.body.match(/<id>([^<]*)<\/id>/) || [])[1];
      const summary = e.body.match(/<summary(?:\s+xml:lang="([^"]*)")?>([^<]*)<\/summary>/);
      if (!summary || !summary[2].trim()) problems.push(`${feed}: ${id}: no summary`);
      if (feedLang !== "en") continue;
      const entryLang = e.lang || feedLang;
      const checks = [["title", e.body.match(/<title>([^<]*)<\/title>/), ""]];
      if (summary) checks.push(["summary", [null, summary[2]], summary[1] || ""]);
      for (const m of e.body.matchAll(/<author(?:\s+xml:lang="([^"]*)")?>\s*<name>([^<]*)<\/name>/g)) checks.push(["author", [null, m[2]], m[1] || ""]);
      for (const [what, m, ownLang] of checks) {
        if (!m || !HAN.test(m[1])) continue;
        const lang = ownLang || entryLang;
        if (/^zh(-|$)/.test(lang)) marked++;
        else problems.push(`${feed}: ${id}: Chinese ${what} without xml:lang="zh-Hant": ${m[1].slice(0, 60)}`);
      }
    }
    report.push(`${feed}: ${entries.length} entries, every one with a summary${feedLang === "en" ? `, ${marked} Chinese parts marked` : ""}`);
  }
  console.log(report.join("\n"));
  assert.deepEqual(problems, []);
});
