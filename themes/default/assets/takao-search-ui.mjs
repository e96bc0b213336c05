// The search page: reads ?q= (and the filters) from the address, searches as the user types, and renders
// results as DOM nodes built from text (titles and excerpts from the index are never parsed as HTML).
import { formatDate, formatYear, openSearch } from "./takao-search.mjs";

const PAGE_SIZE = 10;
const app = document.querySelector(".search-app");

// Index files by HTTP Range where the host supports it (206), whole otherwise (200, sliced here).
async function fetchFile(path, range) {
  const url = "/" + path;
  if (!range) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }
  if (range.length <= 0) return new Uint8Array(0);
  const r = await fetch(url, { headers: { Range: `bytes=${range.offset}-${range.offset + range.length - 1}` } });
  if (r.status === 416) return new Uint8Array(0);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  return r.status === 206 ? bytes : bytes.subarray(range.offset, range.offset + range.length);
}
fetchFile.ranges = true;

function message(name, values) {
  const template = app.dataset["msg" + name[0].toUpperCase() + name.slice(1)] || "";
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}

// Excerpt text with <mark> around each [start, end) range, as text nodes.
function excerptNode(excerpt, ranges) {
  const p = document.createElement("p");
  p.className = "search-excerpt";
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > excerpt.length) continue;
    if (start > at) p.append(document.createTextNode(excerpt.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = excerpt.slice(start, end);
    p.append(mark);
    at = end;
  }
  if (at < excerpt.length) p.append(document.createTextNode(excerpt.slice(at)));
  if (excerpt) p.prepend(document.createTextNode("… "));
  if (excerpt) p.append(document.createTextNode(" …"));
  return p;
}

// The theme's name of a collection (data-col-NAME on the app), else the filter's option, else the name.
function collectionLabel(select, value) {
  const key = "col" + value.charAt(0).toUpperCase() + value.slice(1);
  if (app.dataset[key]) return app.dataset[key];
  const option = [...select.options].find((o) => o.value === value);
  return option ? option.textContent : value;
}

function start() {
  if (!app) return;
  const form = app.querySelector(".search-form");
  const input = app.querySelector("#search-q");
  const collection = app.querySelector("#search-collection");
  const year = app.querySelector("#search-year");
  const lang = app.querySelector("#search-lang");
  const status = app.querySelector("#search-status");
  const list = app.querySelector("#search-results");
  const pager = app.querySelector(".search-pager");
  const prev = pager.querySelector(".search-prev");
  const next = pager.querySelector(".search-next");
  const pageLabel = pager.querySelector(".search-page");

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  collection.value = params.get("collection") || "";
  lang.value = params.get("lang") || app.dataset.lang || "zh-Hant";
  let page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const wantedYear = params.get("year") || "";

  let searchPromise = null;
  let latest = 0;
  let timer = 0;

  function index() {
    if (!searchPromise) {
      searchPromise = openSearch(fetchFile).then((s) => {
        for (const y of [...s.manifest.years].sort((a, b) => b - a)) {
          const o = document.createElement("option");
          o.value = String(y);
          o.textContent = formatYear(y, app.dataset.lang === "en" ? "en" : "zh-Hant");
          year.append(o);
        }
        year.value = wantedYear;
        return s;
      });
      searchPromise.catch(() => { searchPromise = null; });
    }
    return searchPromise;
  }

  function remember() {
    const p = new URLSearchParams();
    if (input.value) p.set("q", input.value);
    if (collection.value) p.set("collection", collection.value);
    if (year.value) p.set("year", year.value);
    if (lang.value !== (app.dataset.lang || "zh-Hant")) p.set("lang", lang.value);
    if (page > 1) p.set("page", String(page));
    const query = p.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  async function run() {
    const id = ++latest;
    const text = input.value.trim();
    remember();
    if (!text) {
      list.replaceChildren();
      pager.hidden = true;
      status.textContent = message("empty", {});
      return;
    }
    app.setAttribute("aria-busy", "true");
    let result;
    try {
      const search = await index();
      result = await search.search(input.value, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        lang: lang.value === "all" ? "" : lang.value,
        collection: collection.value,
        year: Number(year.value) || 0,
      });
    } catch (e) {
      if (id === latest) {
        status.textContent = message("error", {});
        app.removeAttribute("aria-busy");
      }
      return;
    }
    if (id !== latest) return;  // a newer query is on its way
    app.removeAttribute("aria-busy");
    render(result, text);
  }

  function render(result, text) {
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    if (result.total === 0) status.textContent = message("none", { query: text });
    else if (result.partial) status.textContent = message("partial", { query: text, count: result.total });
    else if (result.total === 1) status.textContent = message("one", { query: text });
    else status.textContent = message("results", { query: text, count: result.total });
    const items = result.results.map((r) => {
      const li = document.createElement("li");
      li.lang = r.lang;
      const h = document.createElement("h2");
      const a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.title || r.url;
      h.append(a);
      const meta = document.createElement("p");
      meta.className = "search-meta";
      const c = document.createElement("span");
      c.textContent = collectionLabel(collection, r.collection);
      meta.append(c);
      if (r.page) {
        const s = document.createElement("span");
        s.className = "search-pdf-page";
        s.textContent = message("pdfPage", { page: r.page });
        meta.append(s);
      }
      if (r.date) {
        const t = document.createElement("time");
        t.dateTime = r.date;
        t.textContent = formatDate(r.date, app.dataset.lang === "en" ? "en" : "zh-Hant");
        const s = document.createElement("span");
        s.append(t);
        meta.append(s);
      }
      li.append(h, meta, excerptNode(r.excerpt, r.ranges));
      return li;
    });
    list.replaceChildren(...items);
    pager.hidden = pages <= 1;
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
    pageLabel.textContent = message("page", { page, pages });
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  input.addEventListener("input", () => {
    page = 1;
    schedule(120);
  });
  for (const select of [collection, year, lang]) {
    select.addEventListener("change", () => {
      page = 1;
      schedule(0);
    });
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    page = 1;
    schedule(0);
  });
  prev.addEventListener("click", () => {
    if (page > 1) page--;
    schedule(0);
    input.focus();
  });
  next.addEventListener("click", () => {
    page++;
    schedule(0);
    input.focus();
  });
  // Arrow keys move between the search box and the result links.
  app.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll("a")];
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    if (document.activeElement === input && e.key === "ArrowDown") {
      links[0].focus();
    } else if (at >= 0) {
      if (e.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
      else if (e.key === "ArrowUp") (at === 0 ? input : links[at - 1]).focus();
      else return;
    } else {
      return;
    }
    e.preventDefault();
  });

  if (input.value.trim()) run();
  else index().catch(() => {});
}

start();
