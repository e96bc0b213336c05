// Shared by the web-host and browser tests: builds the repository's content with the takao binary of
// TAKAO_BUILD_DIR (default build/) into a temporary folder, serves it through Debian's nginx with the
// configuration in deploy/nginx on 127.0.0.1, and names one page of every page type in both languages.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const buildDir = path.resolve(repo, process.env.TAKAO_BUILD_DIR || "build");

// A fresh temporary folder TMPDIR/takao-NAME-XXXXXX, removed when the test process exits (a test run
// must leave nothing behind: thousands of leftover sites slow every path lookup of the machine).
const scratch = [];
process.on("exit", () => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});
export function scratchDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `takao-${name}-`));
  scratch.push(dir);
  return dir;
}

// Builds content/ into a fresh temporary folder and returns its path (the site root).
export function buildSite(name = "site") {
  const tmp = scratchDir(name);
  const out = path.join(tmp, "public");
  execFileSync(path.join(buildDir, "takao"), ["build", "--content", "content", "--out", out, "--quiet"], {
    cwd: repo,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return out;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForPort(port, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => { s.end(); resolve(true); });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("nginx did not start listening");
}

// Starts nginx in the foreground (one process, no daemon) with a temporary prefix serving `root` through
// deploy/nginx/takao/site.conf. Returns { origin, stop(), errorLog() }.
export async function startNginx(root) {
  const prefix = scratchDir("nginx");
  fs.cpSync(path.join(repo, "deploy/nginx/takao"), path.join(prefix, "takao"), { recursive: true });
  const port = await freePort();
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${root};
    include takao/site.conf;
  }
}
`;
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf);
  const child = spawn("/usr/sbin/nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPort(port, child, Date.now() + 10000);
  return {
    origin: `http://127.0.0.1:${port}`,
    errorLog: () => (fs.existsSync(path.join(prefix, "error.log")) ? fs.readFileSync(path.join(prefix, "error.log"), "utf8") : ""),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}

// One page of every page type, in both languages (the 404 pages are fetched by their own path).
export const pageTypes = [
  ["home", "/"],
  ["page", "/about/"],
  ["site-map", "/site-map/"],
  ["journal", "/journal/"],
  ["issue", "/journal/017/"],
  ["article", "/journal/017/01-mice/"],
  ["reports", "/reports/"],
  ["series", "/reports/self-research/"],
  ["report", "/reports/self-research/2013-elderly-health/"],
  ["thesis", "/reports/theses/2013-industrial-park-buffer/"],
  ["glossary", "/glossary/"],
  ["glossary-table", "/glossary/districts/"],
  ["glossary-entry", null],  // found in the built site: the first entry of /glossary/districts/
  ["glossary-streets", "/glossary/streets/"],  // the whole city's 5,170 names, browsed by district
  ["glossary-district", null],  // the first district of /glossary/streets/
  ["street-entry", null],    // the first entry of that district, with its postal-code ranges
  ["index", "/authors/"],
  ["index-term", null],      // the first author's page
  ["search", "/search/"],
  ["404", "/404.html"],
];

// [{name, lang, url, file}] for both languages, with the URLs found in the built site filled in.
export function pagesOfEveryType(root) {
  const firstLink = (file, re) => {
    const html = fs.readFileSync(path.join(root, file), "utf8");
    const m = html.match(re);
    if (!m) throw new Error(`no link matching ${re} in ${file}`);
    return m[1];
  };
  const out = [];
  for (const en of [false, true]) {
    const prefix = en ? "/en" : "";
    for (const [name, url] of pageTypes) {
      let u = url;
      if (name === "glossary-entry") u = firstLink(`${prefix.slice(1)}${en ? "/" : ""}glossary/districts/index.html`, /<td lang="zh-Hant"><a href="([^"]+)"/);
      else if (name === "glossary-district") u = firstLink(`${prefix.slice(1)}${en ? "/" : ""}glossary/streets/index.html`, /<ul class="year-links district-links"><li><a href="([^"]+)"/);
      else if (name === "street-entry") {
        const district = firstLink(`${prefix.slice(1)}${en ? "/" : ""}glossary/streets/index.html`, /<ul class="year-links district-links"><li><a href="([^"]+)"/);
        u = firstLink(decodeURIComponent(district).replace(/^\//, "") + "index.html", /<td lang="zh-Hant"><a href="([^"]+)"/);
      }
      else if (name === "index-term") u = firstLink(`${prefix.slice(1)}${en ? "/" : ""}authors/index.html`, /<ul class="term-list"><li><a href="([^"]+)"/);
      else u = prefix + url;
      let file = decodeURIComponent(u).replace(/^\//, "");
      if (file === "" || file.endsWith("/")) file += "index.html";
      if (!fs.existsSync(path.join(root, file))) throw new Error(`page type ${name}: ${file} not in the built site`);
      out.push({ name, lang: en ? "en" : "zh-Hant", url: u, file: path.join(root, file) });
    }
  }
  return out;
}
