// Headless Chromium on `takao serve`: saving an article reloads the open page with the new text; breaking
// the front matter shows the error overlay (file and line) over the last good page; fixing it removes the
// overlay. The server runs on 127.0.0.1 on a copy of content/, started here and always stopped.
// Binary: $TAKAO_BUILD_DIR/takao (TAKAO_BUILD_DIR defaults to build).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const buildDir = resolve(root, process.env.TAKAO_BUILD_DIR || "build");
let work;
let server;
let base;
let browser;

before(async () => {
  const takao = join(buildDir, "takao");
  if (!existsSync(takao)) throw new Error(`${takao} is missing: build takao first, or set TAKAO_BUILD_DIR`);
  work = mkdtempSync(join(tmpdir(), "takao-serve-browser-"));
  cpSync(join(root, "content"), join(work, "content"), { recursive: true });
  // The whole city's 5,170 street entries (10,000 pages) add nothing the preview test checks: the first 30 stay.
  const streets = join(work, "content/glossary/streets.md");
  writeFileSync(streets, readFileSync(streets, "utf8").split("\n").slice(0, 40).join("\n") + "\n");
  server = spawn(takao, ["serve", "--content", join(work, "content"), "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr.on("data", () => {});
  base = await new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error("takao serve did not start: " + out)), 120000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      }
    });
    server.on("exit", (code) => fail(new Error(`takao serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((ok) => server.on("exit", ok));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a saved edit reloads the page; a broken file shows the overlay over the last good page", async () => {
  const page = await browser.newPage();
  const file = join(work, "content/journal/018/03-livable-city.md");
  const original = readFileSync(file, "utf8");
  await page.goto(`${base}/journal/018/03-livable-city/`);
  // Wait until the page listens to the event stream.
  await page.waitForFunction(() => document.documentElement.dataset.takaoPreview === "connected");
  await page.evaluate(() => { window.__beforeReload = true; });

  writeFileSync(file, original + "\n瀏覽器即時重新載入測試。\n");
  await page.waitForFunction(() => document.body.innerText.includes("瀏覽器即時重新載入測試"), null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.__beforeReload), undefined, "the page reloaded");

  await page.waitForFunction(() => document.documentElement.dataset.takaoPreview === "connected");
  writeFileSync(file, "---\ntitle: 壞掉\npages: [unclosed\n---\n內容\n");
  const overlay = page.locator("#takao-preview-overlay");
  await overlay.waitFor({ timeout: 60000 });
  const text = await overlay.innerText();
  assert.match(text, /03-livable-city\.md:\d+:\d+/);
  assert.equal(await overlay.getAttribute("role"), "alert");
  assert.ok((await page.content()).includes("瀏覽器即時重新載入測試"), "the last good page stays");

  writeFileSync(file, original);
  await page.waitForFunction(() => !document.getElementById("takao-preview-overlay") &&
    !document.body.innerText.includes("瀏覽器即時重新載入測試"), null, { timeout: 60000 });
  await page.close();
});

test("a page opened while the content has errors shows them at once", async () => {
  const file = join(work, "content/pages/about.md");
  const original = readFileSync(file, "utf8");
  const status = async () => (await (await fetch(`${base}/__takao/status`)).json()).state;
  writeFileSync(file, "---\ntitle: [broken\n---\n");
  for (let i = 0; i < 600 && (await status()) !== "build-error"; i++) await new Promise((ok) => setTimeout(ok, 100));
  const page = await browser.newPage();
  await page.goto(`${base}/about/`);
  const overlay = page.locator("#takao-preview-overlay");
  await overlay.waitFor({ timeout: 30000 });
  assert.match(await overlay.innerText(), /about\.md:\d+:\d+/);
  writeFileSync(file, original);
  await overlay.waitFor({ state: "detached", timeout: 60000 });
  await page.close();
});
