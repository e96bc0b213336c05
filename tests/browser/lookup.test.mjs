// Headless Chromium on the built glossary page: typing Hanyu Pinyin, Simplified Chinese, a typo and an
// address into the lookup box gives the right first result; copy shows a visible status; the English
// page works too. Site: $TAKAO_SITE if set, else `$TAKAO_BUILD_DIR/takao build` of content/ into a
// temporary folder (TAKAO_BUILD_DIR defaults to build).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const buildDir = resolve(root, process.env.TAKAO_BUILD_DIR || "build");
let site = process.env.TAKAO_SITE ? resolve(process.env.TAKAO_SITE) : "";
let builtHere = "";
let server;
let base;
let browser;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
};

function serve(dir) {
  return http.createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
}

before(async () => {
  if (!site) {
    const takao = join(buildDir, "takao");
    if (!existsSync(takao)) {
      throw new Error(`${takao} is missing: build takao first (cmake --build ${buildDir} --target takao), ` +
        "set TAKAO_BUILD_DIR to the build folder, or set TAKAO_SITE to a built site");
    }
    builtHere = mkdtempSync(join(tmpdir(), "takao-lookup-site-"));
    site = join(builtHere, "public");
    execFileSync(takao, ["build", "--content", join(root, "content"), "--out", site], { stdio: ["ignore", "ignore", "inherit"] });
  }
  if (!existsSync(join(site, "lookup/manifest.json"))) throw new Error(`${site} has no lookup/manifest.json`);
  server = serve(site);
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  if (builtHere) rmSync(builtHere, { recursive: true, force: true });
});

async function openGlossary(path) {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    // Failed requests are judged below by their address (a missing favicon is not our concern).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(base + path);
  return { page, context, problems };
}

// Types the query key by key (input events as a person makes them) and waits for the first result.
async function firstResultFor(page, query) {
  const input = page.locator("#lookup-q");
  await input.fill("");
  await input.pressSequentially(query, { delay: 5 });
  await page.waitForFunction(
    (q) => document.querySelector("#lookup-status")?.textContent.includes(q) &&
      document.querySelector("#lookup-results li"),
    query, { timeout: 10000 });
  return page.evaluate(() => {
    const li = document.querySelector("#lookup-results li");
    return {
      zh: (li.querySelector(".lookup-zh") ?? li.querySelector(".lookup-address-zh"))?.textContent,
      en: (li.querySelector(".lookup-en") ?? li.querySelector(".lookup-address-en"))?.textContent,
      postcode: li.querySelector(".lookup-postcode")?.textContent ?? "",
      href: li.querySelector("a.lookup-details")?.getAttribute("href") ?? "",
      status: document.querySelector("#lookup-status").textContent,
    };
  });
}

test("typing on /glossary/ gives the right first result", async () => {
  const { page, context, problems } = await openGlossary("/glossary/");
  const cases = [
    ["qianzhen", "前鎮區", "Cianjhen Dist."],
    ["前镇", "前鎮區", "Cianjhen Dist."],
    ["fongshn", "鳳山區", "Fongshan Dist."],
    ["ch'ien-chen", "前鎮區", "Cianjhen Dist."],
  ];
  for (const [query, zh, en] of cases) {
    const first = await firstResultFor(page, query);
    assert.equal(first.zh, zh, `${query}: ${JSON.stringify(first)}`);
    assert.equal(first.en, en, `${query}: ${JSON.stringify(first)}`);
    assert.match(first.href, /^\/glossary\/[^/]+\/[^/]+\/$/);
  }
  const address = await firstResultFor(page, "高雄市前鎮區中山二路5號3樓");
  assert.equal(address.en, "3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City 806611");
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing an English address shows the Chinese with its postal code, large on request", async () => {
  const { page, context, problems } = await openGlossary("/en/glossary/");
  const first = await firstResultFor(page, "No. 100, Guangyuan Rd., Fongshan Dist., Kaohsiung City");
  assert.equal(first.zh, "高雄市鳳山區光遠路100號");
  assert.equal(first.en, "No. 100, Guangyuan Rd., Fongshan Dist., Kaohsiung City 830026");
  assert.match(first.postcode, /830026/);
  await page.locator("#lookup-results li .lookup-show-button").first().click();
  await page.waitForFunction(() => document.querySelector("#lookup-show")?.open);
  assert.equal(await page.locator("#lookup-show .lookup-show-zh").textContent(), "高雄市鳳山區光遠路100號");
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".lookup-show-zh")).fontSize));
  assert.ok(size >= 32, `the large view's text is ${size}px`);
  await page.keyboard.press("Escape");
  const second = await firstResultFor(page, "guangyuan rd fongshan");
  assert.equal(second.zh, "光遠路");
  assert.deepEqual(problems, []);
  await context.close();
});

test("copy puts the English on the clipboard and says so visibly", async () => {
  const { page, context } = await openGlossary("/glossary/");
  await firstResultFor(page, "qianzhen");
  const button = page.locator("#lookup-results li .lookup-copy").first();
  await button.click();
  await page.waitForFunction(() => document.querySelector("#lookup-copy-status").textContent.includes("Cianjhen Dist."));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Cianjhen Dist.");
  assert.ok((await button.textContent()).length > 0);
  await context.close();
});

test("keyboard: Enter moves to the first result, arrows walk the list, Escape clears", async () => {
  const { page, context } = await openGlossary("/glossary/");
  await firstResultFor(page, "jhongshan");
  await page.locator("#lookup-q").press("Enter");
  await page.waitForFunction(() => document.activeElement?.classList.contains("lookup-copy"));
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), "1");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "lookup-q");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#lookup-results li").count(), 0);
  await context.close();
});

test("the English glossary page links results under /en/", async () => {
  const { page, context, problems } = await openGlossary("/en/glossary/");
  const first = await firstResultFor(page, "Qianzhen District");
  assert.equal(first.zh, "前鎮區");
  assert.match(first.href, /^\/en\/glossary\//);
  assert.deepEqual(problems, []);
  await context.close();
});

test("works offline once loaded", async () => {
  const { page, context } = await openGlossary("/glossary/");
  await firstResultFor(page, "qianzhen");
  await page.waitForFunction(() => document.querySelector(".lookup-app").dataset.preloaded === "true");
  await context.setOffline(true);
  const first = await firstResultFor(page, "lotus pond");
  assert.ok(first.zh, JSON.stringify(first));
  await context.close();
});
