// Driven by bench/serve/run: starts takao serve on a corpus, edits articles and a partial, and measures
// from the save to the reloaded page (the server-sent reload event naming the page, then a fetch of it
// that shows the edit). Then times a clean build and takao check of the same corpus.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [takao, content, theme, work, editsArg] = process.argv.slice(2);
const edits = Number(editsArg || 20);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Articles spread over the journal, not drafts or scheduled (their pages must exist).
function pickArticles(n) {
  const issues = readdirSync(join(content, "journal")).filter((d) => /^\d+$/.test(d)).sort();
  const out = [];
  for (let i = 0; out.length < n && i < issues.length * 40; i++) {
    const dir = issues[(i * 7919) % issues.length];
    const files = readdirSync(join(content, "journal", dir)).filter((f) => f.endsWith(".md") && !f.endsWith(".en.md") && f !== "_index.md");
    const f = files[i % Math.max(1, files.length)];
    if (!f) continue;
    const text = readFileSync(join(content, "journal", dir, f), "utf8");
    if (/^draft:\s*true/m.test(text) || /^slug:/m.test(text)) continue;
    const page = `journal/${dir}/${f.slice(0, -3)}/index.html`;
    if (!out.some((a) => a.page === page)) out.push({ file: join(content, "journal", dir, f), page, url: `/journal/${dir}/${f.slice(0, -3)}/` });
  }
  return out;
}

const started = performance.now();
const server = spawn(takao, ["serve", "--content", content, "--theme", theme, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
let log = "";
server.stderr.on("data", (c) => { log += c; });
const base = await new Promise((ok, fail) => {
  let out = "";
  server.stdout.on("data", (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    if (m) ok(`http://127.0.0.1:${m[1]}`);
  });
  server.on("exit", (code) => fail(new Error(`takao serve exited with ${code}: ${log}`)));
});
const firstBuild = (performance.now() - started) / 1000;
console.log(`== takao serve: first build and start ${firstBuild.toFixed(1)} s`);

// The event stream, parsed as it comes.
const waiters = [];
const events = await fetch(`${base}/__takao/events`);
(async () => {
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of events.body) {
    buf += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!name) continue;
      const ev = { name, data: JSON.parse(data), at: performance.now() };
      for (const w of [...waiters]) if (w.test(ev)) { waiters.splice(waiters.indexOf(w), 1); w.ok(ev); }
    }
  }
})().catch(() => {});
const waitEvent = (test, ms = 120000) => new Promise((ok, fail) => {
  const w = { test, ok };
  waiters.push(w);
  setTimeout(() => fail(new Error("no event in time")), ms).unref();
});

// Only articles the site publishes (an issue scheduled for later holds its articles back).
const articles = [];
for (const a of pickArticles(edits * 20)) {
  if (articles.length < edits && (await fetch(base + encodeURI(a.url))).status === 200) articles.push(a);
}
const latencies = [];
for (let i = 0; i < articles.length; i++) {
  const a = articles[i];
  const original = readFileSync(a.file, "utf8");
  const marker = `基準測試第${i}次編輯`;
  const reloaded = waitEvent((e) => e.name === "reload" && (e.data.all || e.data.changed.includes(a.page)));
  const t0 = performance.now();
  writeFileSync(a.file, original + `\n${marker}。\n`);
  await reloaded;
  const body = await (await fetch(base + encodeURI(a.url))).text();
  const t1 = performance.now();
  if (!body.includes(marker)) throw new Error(`${a.url} does not show the edit`);
  latencies.push(t1 - t0);
  writeFileSync(a.file, original);
  await waitEvent((e) => e.name === "reload");
  await sleep(150);
}
const med = median(latencies);
console.log(`== save to reloaded page: median ${med.toFixed(0)} ms over ${latencies.length} edits ` +
  `(min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}); target <= 200 ms: ${med <= 200 ? "met" : "NOT met"}`);

// A partial every page includes (the base layout's head).
const partial = join(theme, "templates/partials/head-meta.mustache");
const partialTimes = [];
for (let i = 0; i < 2; i++) {
  const reloaded = waitEvent((e) => e.name === "reload");
  const t0 = performance.now();
  appendFileSync(partial, `\n<!-- bench ${i} -->`);
  await reloaded;
  partialTimes.push((performance.now() - t0) / 1000);
}
server.kill("SIGTERM");
await new Promise((ok) => server.on("exit", ok));

const clean = () => {
  const t0 = performance.now();
  const r = spawnSync(takao, ["build", "--content", content, "--theme", theme, "--out", join(work, "public"), "--quiet"], { stdio: "ignore" });
  return { seconds: (performance.now() - t0) / 1000, status: r.status };
};
// The check record does not trust files modified within 2 s before a build (the partial just edited).
await new Promise((ok) => setTimeout(ok, 2100));
const build = clean();
const timeCheck = (out) => {
  const t0 = performance.now();
  const r = spawnSync(takao, ["check", "--content", content, "--theme", theme, "--out", out, "--quiet"], { stdio: "ignore" });
  return { seconds: (performance.now() - t0) / 1000, status: r.status };
};
// In full (no built site there, so no record), then answered from the clean build's record.
const check = timeCheck(join(work, "no-site"));
const recorded = timeCheck(join(work, "public"));
const checkSeconds = check.seconds;
const partialMedian = median(partialTimes);
console.log(`== partial used by every page: ${partialTimes.map((s) => s.toFixed(1)).join(", ")} s to the reload event; ` +
  `clean build ${build.seconds.toFixed(1)} s (exit ${build.status}); target partial <= clean: ${partialMedian <= build.seconds ? "met" : "NOT met"}`);
console.log(`== takao check: ${checkSeconds.toFixed(1)} s in full (exit ${check.status}); ` +
  `${recorded.seconds.toFixed(3)} s from the build's record (exit ${recorded.status})`);
process.exit(0);
