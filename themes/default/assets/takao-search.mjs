// Full-text search over the static index that `takao build` writes under search/ (format described in
// generator/search/index_format.h). No DOM: the same module runs in a page, in a worker and in Node.
// Every step mirrors generator/search/search_index.cc, so `takao search` returns the same results.
//
//   const search = await openSearch(fetchFile);
//   const hits = await search.query("期程", { limit: 10, lang: "zh-Hant" });
//
// fetchFile(path) resolves to the file's bytes (Uint8Array, ArrayBuffer or string). When
// fetchFile.ranges is true it is called as fetchFile(path, {offset, length}) and returns only those bytes
// (an HTTP Range request), which is how a browser reads postings and excerpts without whole packs.

const decoder = new TextDecoder();

// Constants shared with search_index.cc.
const MAX_QUERY_CHARS = 256;
const MAX_QUERY_TERMS = 12;
const MAX_PHRASE_LENGTH = 32;
const MAX_WORD_LENGTH = 64;
const MAX_PREFIX_STEMS = 16;
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 224;
const WINDOW_NO_MATCH = 272;
const EXCERPT_BEFORE = 16;
const EXCERPT_LENGTH = 72;
const LIST_EXTERNAL = 1;
const LIST_BARE = 2;
const LIST_NEGATED = 4;
const LIST_NEXT = 8;
const LIST_NO_POS = 16;
const FLAG_BITS = 32;  // 2 ** kFlagBits of index_format.h
const FORMAT = 4;
const NEXT_NONE = 16;  // code bytes of a next-character mask (index_format.h)
const NEXT_MASK = 17;

// next_char_bit() of index_format.h.
const nextCharBit = (c) => Math.imul(c, 0x9e3779b1) >>> 28;

const CJK = 1;
const WORD = 2;
const OTHER = 0;
const wordTest = /[\p{L}\p{N}]/u;
const markTest = /\p{Mn}/u;

function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new TextEncoder().encode(String(data));
}

function toText(data) {
  return typeof data === "string" ? data : decoder.decode(toBytes(data));
}

export function fnv1a(bytes) {
  let h = 2166136261;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

const encoder = new TextEncoder();
const utf8 = (s) => encoder.encode(s);

export function integerIdf(df, groups) {
  if (!df) return 0;
  let x = Math.floor(((groups + 1) * 1024) / df);
  if (x < 1024) x = 1024;
  const e = 31 - Math.clz32(x);
  const frac = Math.floor((x * 256) / 2 ** e) - 256;
  return e * 256 + frac - 10 * 256 + 64;
}

export function charClass(c) {
  if (c < 0x80) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : OTHER;
  }
  if ((c >= 0x3040 && c <= 0x30ff && c !== 0x30fb) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x20000 && c <= 0x3134f)) {
    return CJK;
  }
  return wordTest.test(String.fromCodePoint(c)) ? WORD : OTHER;
}

// Folding of search_fold.cc: per code point NFKD, non-spacing marks dropped, lowercase, then the
// variant and Simplified -> Traditional tables of the index.
export function makeFolder(variants = new Map(), simplified = new Map()) {
  const cache = new Map();
  return function fold(cp) {
    if (cp < 0x80) return [cp >= 65 && cp <= 90 ? cp + 32 : cp];
    let out = cache.get(cp);
    if (out) return out;
    out = [];
    if (cp < 0xd800 || cp > 0xdfff) {
      for (const ch of String.fromCodePoint(cp).normalize("NFKD")) {
        if (markTest.test(ch)) continue;
        for (const l of ch.toLowerCase()) {
          let c = l.codePointAt(0);
          c = variants.get(c) ?? c;
          c = simplified.get(c) ?? c;
          out.push(c);
        }
      }
    }
    cache.set(cp, out);
    return out;
  };
}

function pairsMap(s) {
  const cps = [...(s || "")].map((c) => c.codePointAt(0));
  const m = new Map();
  for (let i = 0; i + 1 < cps.length; i += 2) m.set(cps[i], cps[i + 1]);
  return m;
}

function textRuns(cps) {
  const runs = [];
  let i = 0;
  while (i < cps.length) {
    const cls = charClass(cps[i]);
    if (cls === OTHER) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cps.length && charClass(cps[j]) === cls) j++;
    runs.push({ cls, begin: i, end: j });
    i = j;
  }
  return runs;
}

const cpString = (cps) => String.fromCodePoint(...cps);
const sameTerm = (a, b) => a.phrase === b.phrase && a.prefix === b.prefix && a.text === b.text;

// parse_query() of search_text.cc. Terms carry text as a string and cps as code points.
export function parseQuery(text, fold) {
  const raw = [...String(text)].slice(0, MAX_QUERY_CHARS).map((c) => c.codePointAt(0));
  const folded = [];
  for (const c of raw) for (const f of fold(c)) folded.push(f);
  const runs = textRuns(folded);
  const terms = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const phrase = run.cls === CJK;
    const cap = phrase ? MAX_PHRASE_LENGTH : MAX_WORD_LENGTH;
    const cps = folded.slice(run.begin, Math.min(run.end, run.begin + cap));
    const term = {
      phrase,
      cps,
      text: cpString(cps),
      prefix: !phrase && r + 1 === runs.length && run.end === folded.length && cps.length >= 2,
    };
    if (terms.some((t) => sameTerm(t, term))) continue;
    terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

function readVarint(data, state) {
  let value = 0;
  let scale = 1;
  while (state.pos < data.length) {
    const b = data[state.pos++];
    value += (b & 0x7f) * scale;
    if (!(b & 0x80)) return value;
    scale *= 128;
  }
  return null;
}

function decodeList(bytes, flags) {
  const out = [];
  const st = { pos: 0 };
  let slot = 0;
  while (st.pos < bytes.length) {
    const delta = readVarint(bytes, st);
    if (delta === null) break;
    slot += delta;
    let impact = 0;
    let pos = 0;
    if (!(flags & LIST_BARE)) {
      if (st.pos >= bytes.length) break;
      impact = bytes[st.pos++];
      if (!(flags & LIST_NO_POS)) {
        pos = readVarint(bytes, st);
        if (pos === null) break;
      }
    }
    let next = 0;
    if (flags & LIST_NEXT) {
      if (st.pos >= bytes.length) break;
      const code = bytes[st.pos++];
      if (code < NEXT_NONE) {
        next = 1 << code;
      } else if (code === NEXT_MASK) {
        if (st.pos + 2 > bytes.length) break;
        next = bytes[st.pos] | (bytes[st.pos + 1] << 8);
        st.pos += 2;
      } else if (code !== NEXT_NONE) {
        break;
      }
    }
    out.push({ slot, impact, pos, next });
  }
  return out;
}

function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function startsWith(cps, prefix) {
  if (cps.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (cps[i] !== prefix[i]) return false;
  return true;
}

function equalCps(a, b) {
  return a.length === b.length && startsWith(a, b);
}

// clean_window() of search_index.cc: whole UTF-8 sequences only, up to the record padding.
function cleanWindow(bytes) {
  let w = bytes;
  const nul = w.indexOf(0);
  if (nul >= 0) w = w.subarray(0, nul);
  let start = 0;
  while (start < w.length && start < 3 && (w[start] & 0xc0) === 0x80) start++;
  w = w.subarray(start);
  let end = w.length;
  for (let back = 1; back <= 4 && back <= w.length; back++) {
    const b = w[w.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (need > back) end = w.length - back;
    break;
  }
  return w.subarray(0, end);
}

// make_excerpt() of search_index.cc.
export function excerptFrom(windowText, terms, stems, fold) {
  const cps = [];
  for (const ch of windowText) {
    const c = ch.codePointAt(0);
    if (isSpace(c)) {
      if (cps.length && cps[cps.length - 1] !== 32) cps.push(32);
    } else {
      cps.push(c);
    }
  }
  if (cps.length && cps[cps.length - 1] === 32) cps.pop();
  const folded = [];
  const source = [];
  for (let i = 0; i < cps.length; i++) {
    for (const f of fold(cps[i])) {
      folded.push(f);
      source.push(i);
    }
  }
  const matches = [];
  const runs = textRuns(folded);
  terms.forEach((term, t) => {
    if (term.phrase) {
      const n = term.cps.length;
      for (let i = 0; n && i + n <= folded.length; i++) {
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = folded[i + k] === term.cps[k];
        if (ok) matches.push([source[i], source[i + n - 1] + 1]);
      }
      return;
    }
    const stem = [...(stems[t] || "")].map((c) => c.codePointAt(0));
    for (const run of runs) {
      if (run.cls !== WORD) continue;
      const w = folded.slice(run.begin, Math.min(run.end, run.begin + MAX_WORD_LENGTH));
      if (equalCps(w, term.cps) || (stem.length && startsWith(w, stem)) || (term.prefix && startsWith(w, term.cps))) {
        matches.push([source[run.begin], source[run.end - 1] + 1]);
      }
    }
  });
  let first = cps.length;
  for (const m of matches) first = Math.min(first, m[0]);
  if (first === cps.length) first = 0;
  const a = first > EXCERPT_BEFORE ? first - EXCERPT_BEFORE : 0;
  const b = Math.min(cps.length, a + EXCERPT_LENGTH);
  const excerpt = cpString(cps.slice(a, b));
  const clipped = [];
  for (const [s, e] of matches) {
    const cs = Math.max(s, a);
    const ce = Math.min(e, b);
    if (cs < ce) clipped.push([cs - a, ce - a]);
  }
  clipped.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  for (const m of clipped) {
    if (merged.length && m[0] <= merged[merged.length - 1][1]) {
      merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], m[1]);
    } else {
      merged.push([m[0], m[1]]);
    }
  }
  const utf16 = [0];
  for (let i = 0; i < b - a; i++) utf16.push(utf16[i] + (cps[a + i] >= 0x10000 ? 2 : 1));
  return { excerpt, ranges: merged.map(([s, e]) => [utf16[s], utf16[e]]) };
}

export async function openSearch(fetchFile) {
  const whole = new Map();  // path -> Promise<Uint8Array>
  const readWhole = (path) => {
    let p = whole.get(path);
    if (!p) {
      p = Promise.resolve(fetchFile(path)).then(toBytes);
      whole.set(path, p);
      p.catch(() => whole.delete(path));
    }
    return p;
  };
  const readRange = async (path, offset, length) => {
    if (fetchFile.ranges) return toBytes(await fetchFile(path, { offset, length }));
    const all = await readWhole(path);
    return all.subarray(Math.min(offset, all.length), Math.min(offset + length, all.length));
  };

  const manifest = JSON.parse(toText(await fetchFile("search/manifest.json")));
  if (manifest.format !== FORMAT) throw new Error("search/manifest.json: unknown index format " + manifest.format);
  const fold = JSON.parse(toText(await readWhole(manifest.dir + "fold.json")));
  const folder = makeFolder(pairsMap(fold.variants), pairsMap(fold.simplified));
  const dir = manifest.dir;
  const groups = manifest.groups;
  const termShards = Math.max(1, manifest.term_shards);
  const lexiconBuckets = Math.max(1, manifest.lexicon_buckets);
  const packs = manifest.record_packs;
  const shardsPerPack = Math.max(1, manifest.shards_per_pack);
  const bucketsPerPack = Math.max(1, manifest.buckets_per_pack);

  // read_part() of search_index.cc: part n of the packs in folder (t/ or x/), by its two offsets, then
  // its bytes.
  async function readPart(folder, n, perPack) {
    const path = `${dir}${folder}${Math.floor(n / perPack)}.bin`;
    const table = await readRange(path, 4 * (n % perPack), 8);
    if (table.length < 8) return new Uint8Array(0);
    const u32 = (i) => (table[i] | (table[i + 1] << 8) | (table[i + 2] << 16)) + table[i + 3] * 0x1000000;
    const begin = u32(0);
    const end = u32(4);
    if (end < begin) return new Uint8Array(0);
    return readRange(path, begin, end - begin);
  }

  const termCache = new Map();  // term -> Promise<{found, df, flags, postings}>
  const lexiconCache = new Map();

  // term_list() of search_index.cc.
  function termList(term) {
    let p = termCache.get(term);
    if (p) return p;
    p = (async () => {
      const key = utf8(term);
      const shard = fnv1a(key) % termShards;
      const data = await readPart("t/", shard, shardsPerPack);
      const st = { pos: 0 };
      while (st.pos < data.length) {
        const len = readVarint(data, st);
        if (len === null || st.pos + len > data.length) break;
        const k = data.subarray(st.pos, st.pos + len);
        st.pos += len;
        const df = readVarint(data, st);
        const sizeFlags = readVarint(data, st);
        if (df === null || sizeFlags === null) break;
        const size = Math.floor(sizeFlags / FLAG_BITS);
        const flags = sizeFlags % FLAG_BITS;
        let list = null;
        let pack = 0;
        let offset = 0;
        if (flags & LIST_EXTERNAL) {
          pack = readVarint(data, st);
          offset = readVarint(data, st);
          if (pack === null || offset === null) break;
        } else {
          if (st.pos + size > data.length) break;
          list = data.subarray(st.pos, st.pos + size);
          st.pos += size;
        }
        if (k.length !== key.length || !k.every((b, i) => b === key[i])) continue;
        if (flags & LIST_EXTERNAL) list = await readRange(`${dir}l/${pack}.bin`, offset, size);
        return { found: true, df, flags, postings: decodeList(list, flags) };
      }
      return { found: false, df: 0, flags: 0, postings: [] };
    })();
    termCache.set(term, p);
    return p;
  }

  function lexiconBucket(cps) {
    const bucket = fnv1a(utf8(cpString(cps.slice(0, 2)))) % lexiconBuckets;
    let p = lexiconCache.get(bucket);
    if (!p) {
      p = readPart("x/", bucket, bucketsPerPack).then((b) => JSON.parse(toText(b)))
        .then((rows) => rows.map(([word, stem, df]) => ({ word, stem, df })));
      lexiconCache.set(bucket, p);
    }
    return p;
  }

  async function lookupStem(term) {
    for (const lw of await lexiconBucket(term.cps)) if (lw.word === term.text) return lw.stem;
    return null;
  }

  // match_term() of search_index.cc: [{slot, score, pos, matched}] sorted by slot.
  async function matchTerm(term) {
    if (term.phrase) {
      // Pieces of at most two characters, each but the last with the phrase's next character in its mask.
      const grams = [];
      const need = [];
      const n = term.cps.length;
      if (n <= 2) {
        grams.push(term.text);
        need.push(0);
      } else {
        for (let i = 0; i + 2 <= n; i++) {
          grams.push(cpString(term.cps.slice(i, i + 2)));
          need.push(i + 2 < n ? 1 << nextCharBit(term.cps[i + 2]) : 0);
        }
      }
      const lists = await Promise.all(grams.map(termList));
      if (lists.some((l) => !l.found)) return [];
      let acc = lists[0].postings.filter((p) => (p.next & need[0]) === need[0]);
      for (let g = 1; g < lists.length; g++) {
        const b = lists[g].postings;
        const next = [];
        let i = 0;
        let j = 0;
        while (i < acc.length && j < b.length) {
          if (acc[i].slot < b[j].slot) i++;
          else if (acc[i].slot > b[j].slot) j++;
          else if ((b[j].next & need[g]) !== need[g]) j++;
          else {
            const pos = acc[i].pos === 0 || b[j].pos === 0 ? 0 : Math.max(acc[i].pos, b[j].pos);
            next.push({ slot: acc[i].slot, impact: Math.min(acc[i].impact, b[j].impact), pos });
            i++;
            j++;
          }
        }
        acc = next;
      }
      const idf = integerIdf(acc.length, groups);
      return acc.map((p) => ({ slot: p.slot, score: idf * p.impact, pos: p.pos, matched: 1 }));
    }
    const bySlot = new Map();
    const add = (list, halve) => {
      const idf = integerIdf(list.df, groups);
      for (const p of list.postings) {
        let s = idf * p.impact;
        if (halve) s = Math.floor(s / 2);
        const cur = bySlot.get(p.slot);
        if (!cur) bySlot.set(p.slot, { slot: p.slot, score: s, pos: p.pos, matched: 1 });
        else if (s > cur.score) {
          cur.score = s;
          cur.pos = p.pos;
        }
      }
    };
    const stem = await lookupStem(term);
    if (stem !== null) {
      const list = await termList(stem);
      if (list.found) add(list, false);
    }
    if (term.prefix) {
      const stems = [];
      const w = utf8(term.text);
      for (const lw of await lexiconBucket(term.cps)) {
        const lwb = utf8(lw.word);
        if (lwb.length <= w.length || !startsWith(lwb, w)) continue;
        if (stem !== null && lw.stem === stem) continue;
        if (stems.some((s) => s.stem === lw.stem)) continue;
        stems.push({ df: lw.df, stem: lw.stem });
      }
      stems.sort((a, b) => (a.df !== b.df ? b.df - a.df : compareBytes(utf8(a.stem), utf8(b.stem))));
      const chosen = stems.slice(0, MAX_PREFIX_STEMS);
      const lists = await Promise.all(chosen.map((s) => termList(s.stem)));
      for (const list of lists) if (list.found) add(list, true);
    }
    return [...bySlot.values()].sort((a, b) => a.slot - b.slot);
  }

  async function filterMember(term, docs) {
    const list = await termList(term);
    if (!list.found) return docs.map(() => false);
    const negated = (list.flags & LIST_NEGATED) !== 0;
    const set = new Set(list.postings.map((p) => p.slot));
    return docs.map((d) => set.has(d.slot) !== negated);
  }

  // search() of search_index.cc.
  async function search(text, options = {}) {
    const limit = options.limit ?? 10;
    const offset = options.offset ?? 0;
    const lang = options.lang || "";
    const collection = options.collection || "";
    const year = Number(options.year) || 0;
    const terms = parseQuery(text, folder);
    const page = { results: [], total: 0, partial: false };
    if (!terms.length) return page;

    const lists = await Promise.all(terms.map(matchTerm));
    let docs = lists[0].map((d) => ({ ...d }));
    for (let t = 1; t < lists.length; t++) {
      const b = lists[t];
      const next = [];
      let i = 0;
      let j = 0;
      while (i < docs.length && j < b.length) {
        if (docs[i].slot < b[j].slot) i++;
        else if (docs[i].slot > b[j].slot) j++;
        else {
          const s = docs[i];
          s.score += b[j].score;
          const p = b[j].pos;
          if (p && (!s.pos || p < s.pos)) s.pos = p;
          s.matched += 1;
          next.push(s);
          i++;
          j++;
        }
      }
      docs = next;
    }
    if (!docs.length) {
      const parts = [];
      for (const t of terms) {
        const pieces = [];
        if (t.phrase && t.cps.length >= 3) {
          for (let i = 0; i + 2 <= t.cps.length; i++) {
            const cps = t.cps.slice(i, i + 2);
            pieces.push({ phrase: true, cps, text: cpString(cps), prefix: false });
          }
        } else {
          pieces.push(t);
        }
        for (const p of pieces) if (!parts.some((q) => sameTerm(q, p))) parts.push(p);
      }
      if (parts.length > 1) {
        const bySlot = new Map();
        for (const part of parts) {
          for (const s of await matchTerm(part)) {
            const cur = bySlot.get(s.slot);
            if (!cur) {
              bySlot.set(s.slot, { ...s });
              continue;
            }
            cur.score += s.score;
            cur.matched += 1;
            if (s.pos && (!cur.pos || s.pos < cur.pos)) cur.pos = s.pos;
          }
        }
        docs = [...bySlot.values()].sort((a, b) => a.slot - b.slot);
        page.partial = docs.length > 0;
      }
    }
    const keep = async (term) => {
      const member = await filterMember(term, docs);
      docs = docs.filter((_, i) => member[i]);
    };
    if (lang) await keep("lang:" + lang);
    if (collection) await keep("collection:" + collection);
    if (year) await keep("year:" + year);
    docs.sort((a, b) => b.matched - a.matched || b.score - a.score || a.slot - b.slot);

    let counts = docs.map(() => 1);
    if (!lang) {
      counts = docs.map(() => 0);
      for (const l of manifest.langs) {
        const member = await filterMember("lang:" + l, docs);
        member.forEach((m, i) => { if (m) counts[i] += 1; });
      }
      counts = counts.map((c) => Math.max(c, 1));
    }
    page.total = counts.reduce((a, b) => a + b, 0);
    const begin = offset;
    const end = limit === 0 ? page.total : Math.min(page.total, begin + limit);
    const wanted = [];
    let at = 0;
    for (let i = 0; i < docs.length && at < end; i++) {
      for (let m = 0; m < counts[i]; m++, at++) {
        if (at < begin || at >= end) continue;
        wanted.push([docs[i], m]);
      }
    }
    const stems = await Promise.all(terms.map((t) => (t.phrase ? "" : lookupStem(t).then((s) => s ?? ""))));
    page.results = await Promise.all(wanted.map(([d, m]) => resultFor(d, m, lang, terms, stems)));
    return page;
  }

  // make_result() of search_index.cc.
  async function resultFor(doc, member, lang, terms, stems) {
    let pack = 0;
    while (pack + 2 < packs.length && packs[pack + 1] <= doc.slot) pack++;
    const path = `${dir}r/${pack}.bin`;
    const start = (doc.slot - packs[pack]) * manifest.slot_bytes;
    const m = doc.pos > 0 ? start + (doc.pos - 1) * manifest.pos_unit : -1;
    // The window does not depend on the header when the match is known: fetch both at once.
    const probe = manifest.header_probe || 384;
    const w0 = m >= 0 ? Math.max(start, m >= WINDOW_BEFORE ? m - WINDOW_BEFORE : 0) : 0;
    // One read when the window starts right after the probe, else two at once.
    const joined = m >= 0 && w0 <= start + probe;
    const headRead = readRange(path, start, joined ? m + WINDOW_AFTER - start : probe);
    const windowRead = m >= 0 && !joined ? readRange(path, w0, m + WINDOW_AFTER - w0) : null;
    const head = await headRead;
    const result = { url: "", title: "", lang: "", excerpt: "", ranges: [], collection: "", date: "", score: doc.score };
    if (head.length < 2) return result;
    const headerLength = head[0] | (head[1] << 8);
    let headerBytes = head.subarray(2, 2 + headerLength);
    if (headerBytes.length < headerLength) headerBytes = await readRange(path, start + 2, headerLength);
    let header;
    try {
      header = JSON.parse(toText(headerBytes));
    } catch {
      return result;
    }
    const members = (header.m || []).filter((x) => Array.isArray(x) && x.length === 4 && (!lang || x[1] === lang));
    if (member < members.length) {
      [result.url, result.lang, result.title, result.date] = members[member];
    }
    result.collection = header.c || "";
    // A page of a PDF: its number (the url ends in #page=N).
    if (Number.isInteger(header.p) && header.p > 0) result.page = header.p;
    const textStart = start + 2 + headerLength;
    let windowBytes;
    if (m >= 0) {
      const raw = joined ? head.subarray(w0 - start) : await windowRead;
      const skip = Math.max(0, textStart - w0);
      windowBytes = raw.subarray(Math.min(skip, raw.length));
    } else {
      windowBytes = await readRange(path, textStart, WINDOW_NO_MATCH);
    }
    const { excerpt, ranges } = excerptFrom(decoder.decode(cleanWindow(windowBytes)), terms, stems, folder);
    result.excerpt = excerpt;
    result.ranges = ranges;
    return result;
  }

  return {
    manifest,
    search,
    async query(text, options = {}) {
      return (await search(text, options)).results;
    },
    parse(text) {
      return parseQuery(text, folder);
    },
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

// A result's ISO date as the site's pages write it (core/date.cc): 民國103年8月1日 on Chinese pages (the
// ROC calendar, as ICU's zh_TW@calendar=roc), 1 August 2014 on English ones. Anything else unchanged.
export function formatDate(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
  if (!m) return String(iso || "");
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return String(iso);
  if (lang === "en") return `${d} ${MONTHS[mo - 1]} ${y}`;
  const era = y > 1911 ? `民國${y - 1911}年` : `民國前${1912 - y}年`;
  return `${era}${mo}月${d}日`;
}

// A year as the site's pages write it: 民國103年 on Chinese pages, 2014 on English ones.
export function formatYear(year, lang) {
  const y = Number(year);
  if (!Number.isInteger(y) || lang === "en") return String(year);
  return y > 1911 ? `民國${y - 1911}年` : `民國前${1912 - y}年`;
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
