// The lookup box on the glossary pages: answers as the user types, each result with the Chinese, the
// approved English, category, district, a copy button and a link to the entry's page. Results are DOM
// nodes built from text; nothing from the index is parsed as HTML.
import { openLookup } from "./takao-lookup.mjs";

const LIMIT = 8;
const app = document.querySelector(".lookup-app");

async function fetchFile(path) {
  const response = await fetch("/" + path);
  if (!response.ok) throw new Error(`/${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function message(name, values = {}) {
  const key = "msg" + name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  const template = app.dataset[key] || "";
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}

function categoryLabel(category) {
  return message("category-" + category) || category;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and plain-HTTP hosts: the selection and execCommand.
  const area = element("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "lookup-offscreen";
  document.body.append(area);
  area.select();
  const ok = document.execCommand && document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

function start() {
  if (!app) return;
  const form = app.querySelector(".lookup-form");
  const input = app.querySelector("#lookup-q");
  const status = app.querySelector("#lookup-status");
  const list = app.querySelector("#lookup-results");
  const copyStatus = app.querySelector("#lookup-copy-status");
  const prefix = app.dataset.prefix || "";
  let lookup = null;
  let opening = null;
  let sequence = 0;
  let preloading = false;

  const open = () => {
    opening ??= openLookup(fetchFile).then((l) => {
      lookup = l;
      return l;
    });
    return opening;
  };

  const dialog = app.querySelector("#lookup-show");

  // A copy button for one form of a result (the Chinese, the English, the postal code).
  function copyButton(text, label, ariaLabel, index) {
    const copy = element("button", "lookup-copy", label);
    copy.type = "button";
    copy.setAttribute("aria-label", ariaLabel);
    copy.dataset.index = String(index);
    copy.addEventListener("click", async () => {
      try {
        await copyText(text);
        copy.textContent = message("copied");
        copy.classList.add("is-copied");
        copyStatus.textContent = message("copied-status", { en: text });
        setTimeout(() => {
          copy.textContent = label;
          copy.classList.remove("is-copied");
        }, 2500);
      } catch {
        copyStatus.textContent = message("copy-failed", { en: text });
      }
    });
    return copy;
  }

  function showAddress(hit) {
    dialog.querySelector(".lookup-show-zh").textContent = hit.zh;
    dialog.querySelector(".lookup-show-code").textContent = hit.postcode ? `${message("postcode")} ${hit.postcode}` : "";
    dialog.querySelector(".lookup-show-en").textContent = hit.en;
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  function renderAddress(hit, index) {
    const item = element("li", "lookup-result lookup-address");
    const zh = element("p", "lookup-address-zh", hit.zh);
    zh.lang = "zh-Hant";
    const en = element("p", "lookup-address-en", hit.en);
    en.lang = "en";
    item.append(zh, en);
    if (hit.postcode) item.append(element("p", "lookup-postcode", `${message("postcode")} ${hit.postcode}`));
    if (hit.note) item.append(element("p", "lookup-note", message("note-" + hit.note.replace(/_/g, "-")) || hit.note));
    const actions = element("p", "lookup-actions");
    const show = element("button", "lookup-copy lookup-show-button", message("show"));
    show.type = "button";
    show.addEventListener("click", () => showAddress(hit));
    actions.append(show, " ", copyButton(hit.zh, message("copy-zh"), message("copy-zh"), index), " ",
      copyButton(hit.en, message("copy-en"), message("copy-en"), index));
    if (hit.postcode) actions.append(" ", copyButton(hit.postcode, message("copy-code"), message("copy-code"), index));
    item.append(actions);
    return item;
  }

  function render(query, hits) {
    list.replaceChildren();
    hits.forEach((hit, index) => {
      if (hit.category === "address") {
        list.append(renderAddress(hit, index));
        return;
      }
      const item = element("li", "lookup-result" + (hit.category === "address" ? " lookup-address" : ""));
      const names = element("p", "lookup-names");
      const en = element("span", "lookup-en", hit.en);
      en.lang = "en";
      const zh = element("span", "lookup-zh", hit.zh);
      zh.lang = "zh-Hant";
      names.append(en, " ", zh);
      item.append(names);
      const districts = hit.districts && hit.districts.length > 1 && !hit.note ? hit.districts.join("、") : hit.district;
      const meta = [categoryLabel(hit.category), districts, hit.source && hit.source !== "approved" ? message("source-" + hit.source) : ""]
        .filter(Boolean).join(" · ");
      if (meta) item.append(element("p", "lookup-meta", meta));
      if (hit.note) item.append(element("p", "lookup-note", message("note-" + hit.note.replace(/_/g, "-")) || hit.note));
      const actions = element("p", "lookup-actions");
      const copy = copyButton(hit.en, message("copy"), message("copy-label", { en: hit.en }), index);
      actions.append(copy);
      if (hit.url) {
        const link = element("a", "lookup-details", message("details"));
        link.href = prefix + hit.url;
        link.setAttribute("aria-label", message("details-label", { zh: hit.zh }));
        actions.append(" ", link);
      }
      item.append(actions);
      list.append(item);
    });
    if (!query) status.textContent = message("prompt");
    else if (hits.length === 0) status.textContent = message("none", { query });
    else if (hits.length === 1) status.textContent = message("one", { query });
    else status.textContent = message("results", { query, count: hits.length });
  }

  async function run() {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) {
      render("", []);
      return;
    }
    if (!lookup) status.textContent = message("loading");
    try {
      const l = await open();
      const hits = await l.query(query, { limit: LIMIT });
      if (mine === sequence) render(query, hits);
      // The rest of the index follows the first answer (never before it, so the first query stays
      // small), so the page keeps working offline; data-preloaded tells tests when it is done.
      if (!preloading) {
        preloading = true;
        l.preload().then((done) => { if (done) app.dataset.preloaded = "true"; }).catch(() => {});
      }
    } catch {
      if (mine === sequence) {
        list.replaceChildren();
        status.textContent = message("error");
        opening = null;
      }
    }
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", () => open().catch(() => {}), { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run().then(() => list.querySelector(".lookup-copy")?.focus());
  });
  // Arrow keys move between the results' copy buttons and back to the box; Escape clears the box.
  app.addEventListener("keydown", (event) => {
    const buttons = [...list.querySelectorAll(".lookup-copy")];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      const next = buttons[at + 1];
      if (next) {
        next.focus();
        event.preventDefault();
      }
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : buttons[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && document.activeElement === input && input.value) {
      input.value = "";
      run();
      event.preventDefault();
    }
  });

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
}

start();
