// WCAG 2.1 success criterion 3.1.2 (language of parts), which axe and Lighthouse do not test: on an English
// page every run of Han characters a reader meets (text, and the alt, title, aria-label and placeholder
// attributes) must sit inside an element whose nearest lang is Chinese (zh, zh-Hant, zh-TW, ...), so that a
// screen reader switches voice. The site's HTML is valid (the vnu test), so a tag scanner that keeps a stack
// of open elements and their lang is enough; <head> is skipped (nothing in it is read as page text).
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RAW = new Set(["script", "style", "template", "textarea", "title"]);
const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60]+(?:[\s\d\p{P}]*[\p{Script=Han}\u3000-\u303f\uff01-\uff60]+)*/gu;
const READ_ATTRS = ["alt", "title", "aria-label", "placeholder", "label"];

const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/gi, (m, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[e.toLowerCase()] ?? m;
  });

function attributes(src) {
  const out = {};
  for (const m of src.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

const isChinese = (lang) => /^zh(-|$)/i.test(lang || "");

// Returns [{text, path}] for every Han run on the page outside a Chinese-marked element; path names the
// enclosing elements (tag.class) so a failure says where to look.
export function unmarkedChinese(html) {
  const found = [];
  const stack = [{ tag: "#root", lang: "" }];
  let inHead = false;
  const where = () => stack.slice(1).map((e) => e.tag + (e.cls ? "." + e.cls.split(/\s+/)[0] : "")).join(" > ");
  const check = (text, lang, extra = "") => {
    if (isChinese(lang)) return;
    for (const m of text.matchAll(HAN)) found.push({ text: m[0], path: where() + extra });
  };
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  let m;
  while ((m = re.exec(html))) {
    const [tok, closeTag, openTag, attrSrc] = m;
    if (tok.startsWith("<!")) continue;
    const top = stack[stack.length - 1];
    if (closeTag) {
      const tag = closeTag.toLowerCase();
      if (tag === "head") inHead = false;
      for (let i = stack.length - 1; i > 0; --i) {
        if (stack[i].tag === tag) { stack.length = i; break; }
      }
    } else if (openTag) {
      const tag = openTag.toLowerCase();
      const attrs = attributes(attrSrc);
      const lang = "lang" in attrs ? attrs.lang : top.lang;
      if (tag === "head") inHead = true;
      if (!inHead) for (const a of READ_ATTRS) if (attrs[a]) check(attrs[a], lang, ` > ${tag}[${a}]`);
      if (RAW.has(tag)) {
        const end = html.toLowerCase().indexOf(`</${tag}`, re.lastIndex);
        if (tag === "textarea" && !inHead) check(decode(html.slice(re.lastIndex, end)), lang, " > textarea");
        re.lastIndex = end < 0 ? html.length : end;
        continue;
      }
      if (!VOID.has(tag) && !/\/\s*$/.test(attrSrc)) stack.push({ tag, lang, cls: attrs.class || "" });
    } else if (!inHead) {
      check(decode(tok), top.lang);
    }
  }
  return found;
}
