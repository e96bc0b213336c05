// Prints the benchmark's PDFs with one headless Chromium (playwright-core): COUNT files of PAGES pages of
// Chinese prose from the corpus, each page with a running header (the title) and footer (page number).
//   node make-pdfs.mjs TEXTS.json OUT_DIR
// TEXTS.json: [{"name": "r0001.pdf", "title": "...", "pages": ["text of page 1", ...]}, ...]
import { readFileSync, mkdirSync, existsSync, renameSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [textsPath, out] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(textsPath, "utf8"));
mkdirSync(out, { recursive: true });
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage();
let made = 0;
for (const t of texts) {
  const file = path.join(out, t.name);
  if (existsSync(file)) continue;
  const html = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>${escape(t.title)}</title>
<style>body{font-family:"Noto Serif CJK TC","Noto Sans CJK TC",serif;font-size:11pt;line-height:1.6}
section{break-after:page}p{margin:0 0 .6em;text-align:justify}</style></head><body>
${t.pages.map((p) => `<section>${p.split("\n").map((para) => `<p>${escape(para)}</p>`).join("")}</section>`).join("\n")}
</body></html>`;
  await page.setContent(html, { waitUntil: "load" });
  await page.pdf({
    path: file + ".tmp", format: "A4", displayHeaderFooter: true,
    headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center">${escape(t.title)}</div>`,
    footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" },
  });
  renameSync(file + ".tmp", file);
  if (++made % 50 === 0) console.error(`make-pdfs: ${made} PDFs`);
}
await browser.close();
