// The "how to cite" copy buttons (issue 17) in headless Chromium, served by nginx under its
// Content-Security-Policy: shown once the module runs, operated from the keyboard (Enter and Space), the
// citation's exact text on the clipboard, and the result said in the polite live region.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { buildSite, startNginx } from "../webhost/site.mjs";

let server, browser;

before(async () => {
  server = await startNginx(buildSite("cite"));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

for (const [url, copied] of [["/en/journal/017/01-mice/", "Citation copied to the clipboard."], ["/reports/theses/2013-industrial-park-buffer/", "已將引用格式複製到剪貼簿。"]]) {
  test(`copy buttons on ${url} work from the keyboard and are announced`, async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && !/status of 404/.test(m.text()) && problems.push(m.text()));
    page.on("response", (r) => r.status() === 404 && !r.url().endsWith("/favicon.ico") && problems.push(`404: ${r.url()}`));
    await page.goto(server.origin + url, { waitUntil: "load" });
    const status = page.locator("[data-cite-status]");
    assert.equal(await status.getAttribute("role"), "status");
    assert.equal(await status.getAttribute("aria-live"), "polite");
    for (const [id, key] of [["apa", "Enter"], ["chicago", " "]]) {
      const button = page.locator(`button[data-cite-copy="cite-${id}"]`);
      await button.waitFor({ state: "visible" });
      await button.focus();
      await page.keyboard.press(key === " " ? "Space" : key);
      await page.waitForFunction(() => document.querySelector("[data-cite-status]").textContent !== "");
      assert.equal(await status.textContent(), copied);
      const text = await page.locator(`#cite-${id}`).textContent();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text.trim());
      await page.evaluate(() => (document.querySelector("[data-cite-status]").textContent = ""));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
