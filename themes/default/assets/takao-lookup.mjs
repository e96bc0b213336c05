// Translation lookup core: finds the approved English for a Kaohsiung place name however it is typed,
// and translates Chinese addresses. No DOM use, no dependencies: runs in a page, a worker and Node.
// Mirrors generator/lookup (lookup_fold, lookup_index, address_parser) rule for rule, so that
// `takao lookup --json` and this module give the same answers; tests/cases/lookup-cases.json checks both.

const MANIFEST = "lookup/manifest.json";
const FORMAT = 2;

const MARK = /\p{M}/u;
const NUMERAL_DIGITS = new Map([
  ["〇", 0], ["零", 0], ["一", 1], ["二", 2], ["三", 3], ["四", 4],
  ["五", 5], ["六", 6], ["七", 7], ["八", 8], ["九", 9],
]);
const NUMERAL_UNITS = new Map([["十", 10], ["百", 100], ["千", 1000]]);

const isNumeral = (ch) => NUMERAL_DIGITS.has(ch) || NUMERAL_UNITS.has(ch);
const isLatinCode = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isDash = (c) => c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;

// Characters kept as themselves: CJK and beyond, minus CJK punctuation and the BMP's private-use and
// compatibility blocks (so UTF-16 order equals code-point order, which the binary search relies on).
function isKeptWide(c) {
  if (c === 0x3007) return true;
  if (c < 0x2e80) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xe000 && c <= 0xffff) return false;
  return c <= 0x10ffff;
}

/** Value of a run of Chinese numerals as decimal digits ("二十" -> "20", "一〇五" -> "105"). */
export function chineseNumeralValue(run) {
  const chars = Array.from(run);
  if (!chars.some((ch) => NUMERAL_UNITS.has(ch))) {
    return chars.map((ch) => String(NUMERAL_DIGITS.get(ch))).join("");
  }
  let total = 0;
  let current = 0;
  for (const ch of chars) {
    const unit = NUMERAL_UNITS.get(ch);
    if (unit) {
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      current = NUMERAL_DIGITS.get(ch);
    }
  }
  return String(total + current);
}

function foldWord(word, tables) {
  const mapped = tables.words.get(word);
  if (mapped !== undefined) return mapped;
  const m = /^([0-9]+)(st|nd|rd|th)$/.exec(word);
  return m ? m[1] : word;
}

/** Folded tokens of `text`: [{text, latin}]; with dashAsZhi, hyphens become 之 (addresses). */
export function foldTokens(text, tables, dashAsZhi = false) {
  const cps = [];
  for (const ch of String(text ?? "").normalize("NFKD")) {
    if (MARK.test(ch)) continue;
    cps.push(ch);
  }
  const tokens = [];
  let i = 0;
  while (i < cps.length) {
    let c = cps[i].codePointAt(0);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (isLatinCode(c)) {
      let word = "";
      while (i < cps.length) {
        let d = cps[i].codePointAt(0);
        if (d >= 0x41 && d <= 0x5a) d += 32;
        if (!isLatinCode(d)) break;
        word += String.fromCharCode(d);
        i++;
      }
      tokens.push({ text: foldWord(word, tables), latin: true });
    } else if (isNumeral(cps[i])) {
      let run = "";
      while (i < cps.length && isNumeral(cps[i])) run += cps[i++];
      tokens.push({ text: chineseNumeralValue(run), latin: true });
    } else if (dashAsZhi && isDash(c)) {
      tokens.push({ text: "之", latin: false });
      i++;
    } else if (isKeptWide(c)) {
      const mapped = tables.chars.get(cps[i]);
      tokens.push({ text: mapped ?? cps[i], latin: false });
      i++;
    } else {
      i++;
    }
  }
  return tokens;
}

/** The folded form keys and queries are compared in ("Jhongshan 1st Road" -> "jhongshan1rd"). */
export function fold(text, tables, dashAsZhi = false) {
  return foldTokens(text, tables, dashAsZhi).map((t) => t.text).join("");
}

/** First two characters when both are [a-z0-9], else the first character. */
export function lookupGroup(folded) {
  if (!folded) return "";
  if (folded.length >= 2 && isLatinCode(folded.charCodeAt(0)) && isLatinCode(folded.charCodeAt(1))) {
    return folded.slice(0, 2);
  }
  return String.fromCodePoint(folded.codePointAt(0));
}

/** Edits a query tolerates: Latin 0 below 4 units, 1 below 8, else 2; others 0 below 3, else 1. */
export function allowedEdits(q) {
  let latin = true;
  for (let i = 0; i < q.length; i++) latin &&= isLatinCode(q.charCodeAt(i));
  if (latin) return q.length < 4 ? 0 : q.length < 8 ? 1 : 2;
  return q.length < 3 ? 0 : 1;
}

/** Groups a typo-tolerant search reads: the query's, and with letters 1-2 swapped or letter 2 dropped. */
export function fuzzyGroups(q) {
  const groups = [lookupGroup(q)];
  let latin = q.length >= 4;
  for (let i = 0; i < q.length; i++) latin &&= isLatinCode(q.charCodeAt(i));
  if (latin) {
    for (const g of [lookupGroup(q[1] + q[0] + q.slice(2)), lookupGroup(q[0] + q.slice(2))]) {
      if (!groups.includes(g)) groups.push(g);
    }
  }
  return groups;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Prefix edit distance (optimal string alignment) between q and the closest prefix of key, in UTF-16
 * units; anything above max is max + 1. Only the band |i - j| <= max is computed (cells outside it
 * exceed max anyway), with one "over" cell on each side so the band never reads stale values.
 */
export function prefixEditDistance(q, key, max) {
  const m = q.length;
  const n = key.length;
  const over = max + 1;
  if (n < m - max) return over;
  if (rowA.length < n + 2) {
    rowA = new Int32Array(n + 2);
    rowB = new Int32Array(n + 2);
    rowC = new Int32Array(n + 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= Math.min(n, max); j++) prev[j] = j;
  if (max + 1 <= n) prev[max + 1] = over;
  for (let i = 1; i <= m; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < n ? i + max : n;
    cur[0] = i < over ? i : over;
    if (lo > 1) cur[lo - 1] = over;
    let rowMin = lo > 1 ? over : cur[0];
    const qi = q.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const kj = key.charCodeAt(j - 1);
      let v = prev[j - 1] + (qi === kj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && qi === key.charCodeAt(j - 2) && q.charCodeAt(i - 2) === kj && prev2[j - 2] + 1 < v) {
        v = prev2[j - 2] + 1;
      }
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi + 1 <= n) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  let best = m <= max ? prev[0] : over;
  const lo = m - max > 1 ? m - max : 1;
  const hi = m + max < n ? m + max : n;
  for (let j = lo; j <= hi; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Common-prefix lengths of neighbouring keys: lcp[k] = shared UTF-16 units of keys[k - 1] and keys[k]. */
export function neighbourPrefixes(keys) {
  const lcp = new Uint16Array(keys.length);
  for (let k = 1; k < keys.length; k++) {
    const a = keys[k - 1];
    const b = keys[k];
    const n = Math.min(a.length, b.length, 65535);
    let l = 0;
    while (l < n && a.charCodeAt(l) === b.charCodeAt(l)) l++;
    lcp[k] = l;
  }
  return lcp;
}

/**
 * Calls found(k, d) for every key k in [start, end), outside [skipFrom, skipTo) (the keys that start
 * with q), whose prefix edit distance to q is d <= max: the same numbers as prefixEditDistance, computed
 * over the sorted keys as over a trie. Rows follow the key's characters, so a key reuses the rows of the
 * prefix it shares with the last key computed (lcp from neighbourPrefixes), and a key under a prefix that
 * already went beyond max costs nothing.
 */
export function scanTypos(q, max, keys, lcp, start, end, skipFrom, skipTo, found) {
  const m = q.length;
  const over = max + 1;
  const rows = [new Int32Array(m + 2)];
  const bestAt = [over];
  for (let i = 0; i <= m; i++) rows[0][i] = i <= max ? i : over;
  if (m <= max) bestAt[0] = rows[0][m];
  let valid = 0;          // rows computed for the last key computed (row 0 always)
  let failed = Infinity;  // the row at which it went beyond max
  let shared = 0;         // common prefix of that key and keys[k]
  for (let k = start; k < end; k++) {
    shared = k === start ? 0 : Math.min(shared, lcp[k]);
    if (k >= skipFrom && k < skipTo) continue;
    const key = keys[k];
    const n = key.length;
    const reuse = Math.min(shared, valid, n);
    if (failed <= reuse) {
      // Shares the prefix at which the last key went too far: the same rows, the same answer.
      const d = bestAt[failed - 1];
      if (d <= max) found(k, d);
      continue;
    }
    failed = Infinity;
    for (let j = reuse + 1; j <= n; j++) {
      if (rows.length <= j) rows.push(new Int32Array(m + 2));
      const row = rows[j];
      const up = rows[j - 1];
      const up2 = j > 1 ? rows[j - 2] : up;
      const lo = j - max > 1 ? j - max : 1;
      const hi = j + max < m ? j + max : m;
      row[0] = j < over ? j : over;
      if (lo > 1) row[lo - 1] = over;
      let rowMin = lo > 1 ? over : row[0];
      const kj = key.charCodeAt(j - 1);
      const kPrev = j > 1 ? key.charCodeAt(j - 2) : -1;
      for (let i = lo; i <= hi; i++) {
        const qi = q.charCodeAt(i - 1);
        let v = up[i - 1] + (qi === kj ? 0 : 1);
        if (up[i] + 1 < v) v = up[i] + 1;
        if (row[i - 1] + 1 < v) v = row[i - 1] + 1;
        if (i > 1 && j > 1 && kj === q.charCodeAt(i - 2) && kPrev === qi && up2[i - 2] + 1 < v) v = up2[i - 2] + 1;
        if (v > over) v = over;
        row[i] = v;
        if (v < rowMin) rowMin = v;
      }
      if (hi + 1 <= m) row[hi + 1] = over;
      const atEnd = m >= lo && m <= hi ? row[m] : over;
      bestAt[j] = atEnd < bestAt[j - 1] ? atEnd : bestAt[j - 1];
      if (rowMin > max) {
        failed = j;
        break;
      }
    }
    valid = failed === Infinity ? n : failed;
    shared = 65535;
    const d = failed === Infinity ? bestAt[n] : bestAt[failed - 1];
    if (d <= max) found(k, d);
  }
}

function compareRank(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// Binary search: first index in [lo, hi) whose key is not less than q.
function lowerBound(keys, lo, hi, q) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const trimAscii = (s) => String(s ?? "").replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");

function isDigits(t) {
  return t.latin && /^[0-9]+$/.test(t.text);
}
function number(digits) {
  let i = 0;
  while (i + 1 < digits.length && digits[i] === "0") i++;
  return digits.slice(i);
}
function endsRight(last, part) {
  switch (part) {
    case "city": return last === "市" || last === "县";
    case "district": return last === "区" || last === "乡" || last === "镇" || last === "市";
    case "village": return last === "里" || last === "村";
    case "road": return last === "路" || last === "街" || last === "道" || last === "段";  // 中山路一段
    default: return false;
  }
}

/** "1st", "2nd", "3rd", "4th", "11th", "21st" ... */
export function englishOrdinal(digits) {
  const n = number(digits);
  const last = n.charCodeAt(n.length - 1) - 48;
  const tens = n.length > 1 ? n.charCodeAt(n.length - 2) - 48 : 0;
  if (tens !== 1 && last === 1) return n + "st";
  if (tens !== 1 && last === 2) return n + "nd";
  if (tens !== 1 && last === 3) return n + "rd";
  return n + "th";
}

const DIRECTIONS = new Map([["东", "E."], ["西", "W."], ["南", "S."], ["北", "N."]]);

/**
 * A road or district the glossary lacks, spelled from the readings of its characters that the glossary's
 * own names give (博愛二路 -> "Boai 2nd Rd."); null when a character has no reading.
 */
export function spellAddressName(t, at, part, readings) {
  if (part !== "road" && part !== "district") return null;
  const isSuffixAt = (i) => part === "district" ? t[i].text === "区"
    : t[i].text === "路" || t[i].text === "街" || (t[i].text === "大" && i + 1 < t.length && t[i + 1].text === "道");
  const directionAt = (i) => part === "road" && i + 1 < t.length && isSuffixAt(i + 1) ? DIRECTIONS.get(t[i].text) ?? null : null;
  let name = "";
  let i = at;
  while (i < t.length && i - at < 6 && !t[i].latin && !isSuffixAt(i) && !directionAt(i)) {
    const r = readings.get(t[i].text);
    if (r === undefined) return null;
    name += r;
    i++;
  }
  if (!name || i >= t.length) return null;
  let extra = "";
  if (part === "road") {
    if (isDigits(t[i]) && i + 1 < t.length) extra += " " + englishOrdinal(t[i++].text);
    if (i < t.length) {
      const d = directionAt(i);
      if (d) {
        extra += " " + d;
        i++;
      }
    }
  }
  if (i >= t.length || !isSuffixAt(i)) return null;
  const suffix = part === "district" ? "Dist." : t[i].text === "路" ? "Rd." : t[i].text === "街" ? "St." : "Blvd.";
  const end = i + (t[i].text === "大" ? 2 : 1);
  return { tokens: end - at, en: name[0].toUpperCase() + name.slice(1) + extra + " " + suffix, entry: -1 };
}

/**
 * Chinese address -> English postal form, smallest unit first; null unless the whole text reads as an
 * address with a road or a district and at least two parts. findName(tokens, at, part) resolves names.
 */
export async function translateAddress(text, tables, findName) {
  const t = foldTokens(text, tables, true);
  let at = 0;
  let parts = 0;
  let postal = "";
  let taiwan = false;
  let basement = false;
  const names = { city: null, district: null, village: null, road: null };
  let section = null, lane = null, alley = null, house = null, houseSub = null, floor = null, floorSub = null, room = null;

  const numberWith = (unit) => {
    if (at + 1 < t.length && isDigits(t[at]) && t[at + 1].text === unit) {
      const n = number(t[at].text);
      at += 2;
      return n;
    }
    return null;
  };
  const subNumber = () => {
    if (at + 1 < t.length && t[at].text === "之" && isDigits(t[at + 1])) {
      const n = number(t[at + 1].text);
      at += 2;
      return n;
    }
    return null;
  };
  const takeWord = (word) => {
    const w = Array.from(word);
    if (at + w.length > t.length) return false;
    for (let i = 0; i < w.length; i++) if (t[at + i].text !== w[i]) return false;
    at += w.length;
    return true;
  };
  const takeName = async (part) => {
    if (at >= t.length) return;
    const name = await findName(t, at, part);
    if (name && name.tokens > 0 && at + name.tokens <= t.length) {
      at += name.tokens;
      names[part] = name;
      parts++;
    }
  };

  if (at + 1 < t.length && isDigits(t[at]) && t[at].text.length >= 3 && t[at].text.length <= 6 && !t[at + 1].latin) {
    postal = t[at].text;
    at++;
  }
  if (takeWord("台湾") || takeWord("中华民国")) taiwan = true;
  await takeName("city");
  await takeName("district");
  const beforeVillage = at;
  await takeName("village");
  if (names.village) {
    // A known road or settlement that starts with the village's name and holds characters read as
    // numbers and units (精忠新村二棟三樓, 黃埔新村東一巷) is read whole, before lanes, alleys and floors.
    const whole = await findName(t, beforeVillage, "road");
    if (whole && whole.entry >= 0 && whole.tokens > names.village.tokens && beforeVillage + whole.tokens <= t.length) {
      names.village = null;
      parts--;
      at = beforeVillage;
    }
  }
  if (numberWith("邻") !== null) parts++;
  await takeName("road");
  if ((section = numberWith("段")) !== null) parts++;
  if ((lane = numberWith("巷")) !== null) parts++;
  if ((alley = numberWith("弄")) !== null) parts++;
  if (at < t.length && isDigits(t[at])) {
    const save = at;
    const n = number(t[at].text);
    at++;
    const sub = subNumber();
    if (at < t.length && t[at].text === "号") {
      at++;
      house = n;
      houseSub = sub !== null ? sub : subNumber();
      parts++;
    } else {
      at = save;
    }
  }
  if (takeWord("地下")) basement = true;
  if (at + 1 < t.length && isDigits(t[at]) && t[at + 1].text === "楼") {
    floor = number(t[at].text);
    at += 2;
    floorSub = subNumber();
    parts++;
  } else if (basement) {
    return null;
  }
  if ((room = numberWith("室")) !== null) parts++;

  if (at !== t.length || parts < 2 || (!names.road && !names.district)) return null;

  const pieces = [];
  const entries = [];
  const toInt = (d) => (d !== null && d.length <= 6 ? Number(d) : 0);
  const numbers = {
    lane: toInt(lane), alley: toInt(alley), house: [toInt(house), toInt(houseSub)], floor: toInt(floor), basement,
  };
  let enBeforeCity = "";
  let enAfterCode = "";
  if (room !== null) pieces.push(`Rm. ${room}`);
  if (floor !== null) pieces.push((basement ? `B${floor}` : `${floor}F.`) + (floorSub !== null ? `-${floorSub}` : ""));
  if (house !== null) pieces.push(`No. ${house}` + (houseSub !== null ? `-${houseSub}` : ""));
  if (alley !== null) pieces.push(`Aly. ${alley}`);
  if (lane !== null) pieces.push(`Ln. ${lane}`);
  if (section !== null) pieces.push(`Sec. ${section}`);
  for (const part of ["road", "village", "district"]) {
    const name = names[part];
    if (!name) continue;
    pieces.push(name.en);
    if (name.entry >= 0) entries.push(name.entry);
  }
  if (!names.city || names.city.en === "Kaohsiung City") {
    enBeforeCity = pieces.join(", ") + ", Kaohsiung City ";
    if (taiwan) enAfterCode = ", Taiwan (R.O.C.)";
  }
  if (names.city) {
    pieces.push(names.city.en + (postal ? ` ${postal}` : ""));
    if (names.city.entry >= 0) entries.push(names.city.entry);
  } else if (postal) {
    pieces.push(postal);
  }
  if (taiwan) pieces.push("Taiwan (R.O.C.)");
  return {
    en: pieces.join(", "), entries, districtEntry: names.district ? names.district.entry : -1,
    roadEntry: names.road ? names.road.entry : -1, villageEntry: names.village ? names.village.entry : -1,
    numbers, enBeforeCity, enAfterCode,
  };
}

const ANY_SUB = 1 << 30;

/** How specific a code range is (generator/glossary/postal_table.cc, PostalRange::specificity). */
function specificity(r) {
  const kindRank = r.kind === 1 ? 4 : r.kind === 4 ? 3 : r.kind === 2 || r.kind === 3 ? 2 : r.parity ? 1 : 0;
  return ((r.lane ? 1 : 0) + (r.alley ? 1 : 0)) * 100 + (r.floorMin || r.floorMax ? 10 : 0) + kindRank;
}

const comparePair = (a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]);

/** Among ranges of the same specificity the narrower wins (PostalRange::narrowness). */
function narrowness(r) {
  return r.kind === 3 ? -r.to[0] : r.kind === 2 ? r.from[0] : r.kind === 4 ? -(r.to[0] - r.from[0]) : 0;
}

/** Whether an address ({lane, alley, house: [n, sub], floor, basement}) lies in a code range. */
export function rangeMatches(r, a) {
  if (r.lane && a.lane !== r.lane) return false;
  if (!r.lane && r.alley && (a.lane || a.alley !== r.alley)) return false;
  if (r.lane && r.alley && a.alley !== r.alley) return false;
  let p;
  if (!r.lane && !r.alley) p = a.lane ? [a.lane, 0] : a.alley ? [a.alley, 0] : a.house;
  else if (r.lane && !r.alley) p = a.alley ? [a.alley, 0] : a.house;
  else p = a.house;
  if (p[0] === 0 && (r.kind !== 0 || r.parity !== 0)) return false;
  if (r.parity === 1 && p[0] % 2 !== 1) return false;
  if (r.parity === 2 && p[0] % 2 !== 0) return false;
  if (r.kind === 1 && comparePair(p, r.from) !== 0) return false;
  if (r.kind === 2 && comparePair(p, r.from) < 0) return false;
  if (r.kind === 3 && comparePair(r.to, p) < 0) return false;
  if (r.kind === 4 && (comparePair(p, r.from) < 0 || comparePair(r.to, p) < 0)) return false;
  const floor = a.basement ? 0 : a.floor === 0 ? 1 : a.floor;
  if (r.floorMin && floor < r.floorMin) return false;
  if (r.floorMax && floor > r.floorMax) return false;
  return true;
}

/** The code of an address among rows [{zip, range|null}] of one road in one district, or null. */
export function decidePostcode(rows, address) {
  if (rows.length === 0) return null;
  if (rows.every((r) => r.zip === rows[0].zip)) return rows[0].zip;
  let best = [-1, 0];
  let code = null;
  let conflict = false;
  for (const row of rows) {
    if (!row.range || !rangeMatches(row.range, address)) continue;
    const s = [specificity(row.range), narrowness(row.range)];
    if (comparePair(s, best) > 0) {
      best = s;
      code = row.zip;
      conflict = false;
    } else if (comparePair(s, best) === 0 && row.zip !== code) {
      conflict = true;
    }
  }
  return conflict ? null : code;
}

function rangeOf(item) {
  if (item.length !== 12) return null;
  return {
    lane: item[2], alley: item[3], parity: item[4], kind: item[5], from: [item[6], item[7]], to: [item[8], item[9]],
    floorMin: item[10], floorMax: item[11],
  };
}

/**
 * An English postal address in the Post's order: its numbers and the folded words of its road and
 * district; null unless it is Latin only with a house number or a lane (generator/lookup/english_address.cc).
 */
export function parseEnglishAddress(text, tables) {
  if (String(text ?? "").length > 400) return null;
  const t = foldTokens(text, tables, true);
  if (t.some((tok) => !tok.latin && tok.text !== "之")) return null;
  // units: where each number read starts ([token, key]); beforeName: the tokens before the name words.
  const a = { room: "", floor: "", floorSub: "", house: "", houseSub: "", alley: "", lane: "", section: "", basement: false, postal: "", name: [], units: [], beforeName: [] };
  const digits = (s) => /^[0-9]{1,6}$/.test(s);
  const is = (i, w) => i < t.length && t[i].latin && t[i].text === w;
  const num = (i) => i < t.length && digits(t[i].text);
  let at = 0;
  const sub = (key) => {
    if (at + 1 < t.length && t[at].text === "之" && num(at + 1)) {
      a[key] = number(t[at + 1].text);
      at += 2;
    }
  };
  let progress = true;
  const unit = (key) => a.units.push([at, key]);
  while (progress && at < t.length) {
    progress = false;
    const w = t[at].text;
    if (is(at, "rm") && num(at + 1) && !a.room) {
      unit("room");
      a.room = number(t[at + 1].text); at += 2; progress = true;
    } else if (w.length >= 2 && w.endsWith("f") && digits(w.slice(0, -1)) && !a.floor) {
      unit("floor");
      a.floor = number(w.slice(0, -1)); at++; progress = true; sub("floorSub");
    } else if (num(at) && is(at + 1, "f") && !a.floor) {
      unit("floor");
      a.floor = number(w); at += 2; progress = true; sub("floorSub");
    } else if (w.length >= 2 && w[0] === "b" && digits(w.slice(1)) && !a.floor) {
      unit("floor");
      a.floor = number(w.slice(1)); a.basement = true; at++; progress = true;
    } else if (is(at, "no") && num(at + 1) && !a.house) {
      unit("house");
      a.house = number(t[at + 1].text); at += 2; progress = true; sub("houseSub");
    } else if (is(at, "aly") && num(at + 1) && !a.alley) {
      unit("alley");
      a.alley = number(t[at + 1].text); at += 2; progress = true;
    } else if (is(at, "ln") && num(at + 1) && !a.lane) {
      unit("lane");
      a.lane = number(t[at + 1].text); at += 2; progress = true;
    } else if (is(at, "sec") && num(at + 1) && !a.section) {
      unit("section");
      a.section = number(t[at + 1].text); at += 2; progress = true;
    } else if (num(at) && !a.house && at + 1 < t.length && !num(at + 1) && !is(at + 1, "f") && !is(at + 1, "rd") && !is(at + 1, "st")) {
      unit("house");
      a.house = number(w); at++; progress = true; sub("houseSub");
    }
  }
  let end = t.length;
  for (let more = true; more && end > at;) {
    more = false;
    if (end >= at + 3 && is(end - 3, "r") && is(end - 2, "o") && is(end - 1, "c")) { end -= 3; more = true; }
    else if (is(end - 1, "roc") || is(end - 1, "taiwan")) { end -= 1; more = true; }
    else if (digits(t[end - 1].text) && t[end - 1].text.length >= 3 && !a.postal) { a.postal = t[end - 1].text; end -= 1; more = true; }
    else if (end >= at + 2 && is(end - 2, "kaohsiung") && is(end - 1, "city")) { end -= 2; more = true; }
    else if (is(end - 1, "kaohsiung")) { end -= 1; more = true; }
  }
  if (end <= at) return null;
  if (!a.house && !a.lane && !a.alley) return null;
  a.beforeName = t.slice(0, at);
  a.name = t.slice(at, end);
  if (a.name.some((tok) => !tok.latin)) return null;
  return a;
}

/**
 * Gives back to the name the numbers read from token `start` on (part of a name); false when no house
 * number, lane or alley is left (generator/lookup/english_address.cc).
 */
export function giveNumbersToName(a, start) {
  for (const [at, key] of a.units) {
    if (at < start) continue;
    if (key === "floor") { a.floor = ""; a.floorSub = ""; a.basement = false; }
    else if (key === "house") { a.house = ""; a.houseSub = ""; }
    else a[key] = "";
  }
  a.name = a.beforeName.slice(start).concat(a.name);
  a.beforeName = a.beforeName.slice(0, start);
  return !(!a.house && !a.lane && !a.alley);
}

/** The folded text of the tokens from `start` to the name words, then `nameText`. */
export function nameFrom(a, start, nameText) {
  return a.beforeName.slice(start).map((x) => x.text).join("") + nameText;
}

const ZH_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
function zhNumeral(digits) {
  const n = digits.length <= 6 ? Number(digits) : 0;
  if (n <= 0 || n >= 100) return digits;
  return (n >= 10 ? (n >= 20 ? ZH_DIGITS[Math.floor(n / 10)] : "") + "十" : "") + ZH_DIGITS[n % 10];
}

const isPlaceName = (category) => category !== "district" && category !== "行政區" && category !== "city" && category !== "address";

async function asText(data) {
  const value = await data;
  if (typeof value === "string") return value;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
  throw new TypeError("fetchFile must resolve to a string, an ArrayBuffer or a Uint8Array");
}

/**
 * Opens the lookup index of a built site. fetchFile(path) resolves to the file at `path` (relative to
 * the site root) as Uint8Array, ArrayBuffer or string. Files are fetched once each, on first need.
 */
export async function openLookup(fetchFile) {
  const manifest = JSON.parse(await asText(fetchFile(MANIFEST)));
  if (manifest.format !== FORMAT) throw new Error(`${MANIFEST}: unknown format ${manifest.format}`);
  const pairs = Array.from(manifest.fold.chars);
  const tables = { chars: new Map(), words: new Map(Object.entries(manifest.fold.words)) };
  for (let i = 0; i + 1 < pairs.length; i += 2) tables.chars.set(pairs[i], pairs[i + 1]);
  const places = manifest.places.map(([zh, en]) => [fold(zh, tables), en]);
  let readings = null;  // fetched on first need (a name the glossary lacks, in an address)
  const districts = (manifest.districts ?? []).map(([zh, en, zip3, keys]) => ({ zh, en, zip3, keys }));
  const districtKeys = new Map();
  districts.forEach((d, i) => {
    for (const k of d.keys) if (!districtKeys.has(k)) districtKeys.set(k, i);
  });
  const postalPaths = manifest.postal_files ?? [];
  const postalFiles = new Map();  // chunk -> Promise of {id: rows}
  const chunk = manifest.entry_chunk;
  const groupFile = new Map();
  manifest.key_files.forEach((f, index) => {
    for (const g of f.groups) groupFile.set(g, index);
  });
  const keyFiles = new Map();   // file index -> Promise of the parsed file
  const entryFiles = new Map(); // chunk -> Promise of rows

  const loadKeys = (index) => {
    if (!keyFiles.has(index)) {
      keyFiles.set(index, asText(fetchFile(manifest.key_files[index].path)).then((text) => {
        const f = JSON.parse(text);
        if (f.entries.length !== f.keys.length || f.kinds.length !== f.keys.length) {
          return { groups: {}, keys: [], entries: [], kinds: "" };
        }
        return f;
      }));
    }
    return keyFiles.get(index);
  };
  const groupRange = async (group) => {
    const index = groupFile.get(group);
    if (index === undefined) return null;
    const file = await loadKeys(index);
    const range = Object.prototype.hasOwnProperty.call(file.groups, group) ? file.groups[group] : null;
    if (!range || range[0] > range[1] || range[1] > file.keys.length) return null;
    return { file, start: range[0], end: range[1] };
  };
  const entryRow = async (id) => {
    if (id < 0) return null;
    const c = Math.floor(id / chunk);
    if (c >= manifest.entry_files.length) return null;
    if (!entryFiles.has(c)) {
      entryFiles.set(c, asText(fetchFile(manifest.entry_files[c])).then((text) => JSON.parse(text).entries));
    }
    const rows = await entryFiles.get(c);
    const row = rows[id % chunk];
    return row && row.length >= 5 ? row : null;
  };
  const exactChinese = async (folded, district = "") => {
    const found = await groupRange(lookupGroup(folded));
    if (!found) return -1;
    const { file, start, end } = found;
    let first = -1;
    for (let k = lowerBound(file.keys, start, end, folded); k < end && file.keys[k] === folded; k++) {
      if (file.kinds[k] !== "1") continue;
      const id = file.entries[k];
      if (!district) return id;
      if (first < 0) first = id;
      // Names that fold the same (新庄路, 新莊路): the one in the address's district.
      if (((await entryHit(id))?.districts ?? []).includes(district)) return id;
    }
    return first;
  };
  // district: the address's district (Chinese) so far; a road name several entries fold to is taken in it.
  const findName = async (t, at, part, district = "") => {
    const longest = Math.min(16, t.length - at);
    for (let n = longest; n >= 1; n--) {
      const last = t[at + n - 1];
      // Lanes and settlements of the Post's table (民裕巷, 三崁店) stand where a road does.
      const ends = endsRight(last.text, part);
      if (last.latin || (!ends && (part !== "road" || n < 2))) continue;
      let s = "";
      for (let i = at; i < at + n; i++) s += t[i].text;
      const id = await exactChinese(s, part === "road" ? district : "");
      if (id >= 0) {
        const row = await entryRow(id);
        if (row && (ends || row[2] === "lane" || row[2] === "settlement")) return { tokens: n, en: row[1], entry: id };
      }
      if (part === "city") {
        for (const [zh, en] of places) if (zh === s) return { tokens: n, en, entry: -1 };
      }
    }
    if (readings === null) {
      readings = new Map();
      if (manifest.readings_file) {
        try {
          readings = new Map(Object.entries(JSON.parse(await asText(fetchFile(manifest.readings_file)))));
        } catch {
          readings = new Map();
        }
      }
    }
    return spellAddressName(t, at, part, readings);
  };
  const postalRanges = async (id) => {
    if (id < 0) return null;
    const c = Math.floor(id / chunk);
    if (c >= postalPaths.length || !postalPaths[c]) return null;
    if (!postalFiles.has(c)) {
      postalFiles.set(c, asText(fetchFile(postalPaths[c])).then((text) => JSON.parse(text).ranges).catch(() => ({})));
    }
    const ranges = await postalFiles.get(c);
    const list = Object.prototype.hasOwnProperty.call(ranges, String(id)) ? ranges[String(id)] : null;
    return list ? list.map((item) => ({ district: item[0], zip: item[1], range: rangeOf(item) })) : null;
  };
  const postcodeFor = async (road, district, address) => {
    const zip3 = district < districts.length ? districts[district].zip3 : "";
    const ranges = await postalRanges(road);
    if (!ranges) return [zip3, "no_postal_rows"];
    const rows = ranges.filter((r) => r.district === district);
    if (rows.length === 0) return [zip3, "not_in_district"];
    const code = decidePostcode(rows, address);
    return code !== null ? [code, ""] : [zip3, "postcode_undecided"];
  };
  const entryHit = async (id) => {
    const row = await entryRow(id);
    if (!row) return null;
    const hit = { zh: row[0], en: row[1], category: row[2], district: row[3], url: row[4] };
    if (row.length >= 8) {
      if (row[5]) hit.source = row[5];
      if (row[6]) hit.districts = row[6].split(";");
      if (row[7]) hit.postcodes = row[7].split(";");
    }
    return hit;
  };
  const districtSplits = (t) => {
    const out = [];
    if (t.length < 2 || t.length > 64) return out;
    const join = (from, to) => t.slice(from, to).map((x) => x.text).join("");
    for (let k = t.length - 1; k >= 1; k--) {
      const d = districtKeys.get(join(0, k));
      if (d !== undefined) {
        out.push({ district: d, rest: join(k, t.length) });
        break;
      }
    }
    for (let k = 1; k < t.length; k++) {
      const d = districtKeys.get(join(k, t.length));
      if (d !== undefined) {
        out.push({ district: d, rest: join(0, k) });
        break;
      }
    }
    return out;
  };

  // Names the city approved come before names derived from the Post's table, at equal closeness.
  const derivedFrom = manifest.derived_from ?? -1;
  const derived = (id) => (derivedFrom >= 0 && id >= derivedFrom ? 1 : 0);

  async function rank(q, limit) {
    const best = new Map();
    const consider = (id, r) => {
      const old = best.get(id);
      if (!old || compareRank(r, old) < 0) best.set(id, r);
    };
    if (q) {
      const found = await groupRange(lookupGroup(q));
      let skipFrom = 0;
      let skipTo = 0;
      if (found) {
        const { file, start, end } = found;
        skipFrom = lowerBound(file.keys, start, end, q);
        skipTo = skipFrom;
        for (let k = skipFrom; k < end && file.keys[k].startsWith(q); k++, skipTo++) {
          const kind = file.kinds.charCodeAt(k) - 48;
          const id = file.entries[k];
          // An exact hit on a name's later words or on a reading of its characters (四維一路 read "siwei")
          // comes after an exact hit on a whole name, approved or derived (四維 "Siwei").
          if (file.keys[k] === q) consider(id, [kind <= 1 ? 0 : 1, 0, derived(id) + (kind >= 8 ? 2 : 0), 0, kind, id]);
          else consider(id, [2, 0, derived(id), file.keys[k].length, kind, id]);
        }
      }
      // Typo tolerance fills up a short list; an exact hit means the name was typed right.
      let exact = false;
      for (const r of best.values()) exact ||= r[0] <= 1;
      const max = allowedEdits(q);
      if (max > 0 && !exact && (limit === 0 || best.size < limit)) {
        for (const group of fuzzyGroups(q)) {
          const range = await groupRange(group);
          if (!range) continue;
          const { file, start, end } = range;
          file.lcp ??= neighbourPrefixes(file.keys);
          const skip = range.file === found?.file && start === found.start;
          scanTypos(q, max, file.keys, file.lcp, start, end, skip ? skipFrom : 0, skip ? skipTo : 0, (k, d) => {
            const id = file.entries[k];
            consider(id, [3, d, derived(id), file.keys[k].length, file.kinds.charCodeAt(k) - 48, id]);
          });
        }
      }
    }
    const ranked = Array.from(best, ([id, r]) => ({ id, rank: r }));
    ranked.sort((a, b) => compareRank(a.rank, b.rank) || a.id - b.id);
    return ranked;
  }

  async function englishAddress(text, used) {
    const a = parseEnglishAddress(text, tables);
    if (!a) return null;
    let district = null;
    let roadText = a.name.map((x) => x.text).join("");
    for (const split of districtSplits(a.name)) {
      if (!split.rest || !roadText.startsWith(split.rest)) continue;
      district = split.district;
      roadText = split.rest;
      break;
    }
    // Among names as close as the first in the district, the one whose codes hold the address's six-digit
    // code (南福街 and 南富街 are both "Nanfu St." in 鳳山區; 830038 is 南福街's).
    const fullCode = a.postal.length === 6;
    const pick = async (q, exact = false) => {
      let first = -1, inDistrict = -1, closeness = 0;
      for (const { id, rank: r } of await rank(q, 0)) {
        if (r[0] > 1 && (exact || r[0] !== 3)) continue;
        if (inDistrict >= 0 && r[0] !== closeness) break;
        const h = await entryHit(id);
        if (!h || !isPlaceName(h.category)) continue;
        if (first < 0) first = id;
        if (district === null || (h.districts ?? []).includes(districts[district].zh)) {
          if (!fullCode || (h.postcodes ?? []).includes(a.postal)) return [id, true];
          if (inDistrict < 0) { inDistrict = id; closeness = r[0]; }
        }
      }
      if (inDistrict >= 0) return [inDistrict, true];
      return [first, false];
    };
    let sectionInName = false;
    let found = [-1, false];
    // A name of the Post may begin with what reads as numbers (精忠新村二棟三樓 "3 F, 2nd Bldg., Jingjhong
    // New Vil.", 保生街九弄 "Aly. 9, Baosheng St.", 第三十二號碼頭 "32nd Wharf"): the longest name that the
    // words from a number's start name exactly takes those numbers back; with no house, lane or alley left
    // the text is a name, not an address.
    for (const [start] of a.units) {
      // "No. 5" and "Rm. 3" begin no name (and looking them up would fetch key files for nothing).
      if (a.beforeName[start].text === "no" || a.beforeName[start].text === "rm") continue;
      const f = await pick(nameFrom(a, start, roadText), true);
      if (f[0] < 0 || (district !== null && !f[1])) continue;
      if (!giveNumbersToName(a, start)) return null;
      found = f;
      break;
    }
    if (found[0] < 0 && a.section) {
      found = await pick("sec" + a.section + roadText);
      sectionInName = found[0] >= 0;
    }
    if (found[0] < 0) found = await pick(roadText);
    const road = found[0];
    if (road < 0) return null;
    const r = await entryHit(road);
    const roadDistricts = r.districts ?? [];
    let note = "";
    if (district !== null && !found[1]) note = "not_in_district";
    if (district === null && roadDistricts.length === 1) {
      districts.forEach((d, i) => {
        if (d.zh === roadDistricts[0]) district = i;
      });
    }
    if (district === null && roadDistricts.length > 1) note = "district_undecided";
    used.push(road);
    const toInt = (d) => (d && d.length <= 6 ? Number(d) : 0);
    const numbers = {
      lane: toInt(a.lane), alley: toInt(a.alley), house: [toInt(a.house), toInt(a.houseSub)], floor: toInt(a.floor), basement: a.basement,
    };
    let code = "";
    if (district !== null && !note) [code, note] = await postcodeFor(road, district, numbers);
    else if (district !== null) code = districts[district].zip3;
    let zh = "高雄市" + (district !== null ? districts[district].zh : "") + r.zh;
    if (a.section && !sectionInName) zh += zhNumeral(a.section) + "段";
    if (a.lane) zh += a.lane + "巷";
    if (a.alley) zh += a.alley + "弄";
    if (a.house) zh += a.house + (a.houseSub ? "之" + a.houseSub : "") + "號";
    if (a.floor) zh += (a.basement ? "地下" : "") + a.floor + "樓" + (a.floorSub ? "之" + a.floorSub : "");
    if (a.room) zh += a.room + "室";
    const pieces = [];
    if (a.room) pieces.push("Rm. " + a.room);
    if (a.floor) pieces.push((a.basement ? "B" + a.floor : a.floor + "F.") + (a.floorSub ? "-" + a.floorSub : ""));
    if (a.house) pieces.push("No. " + a.house + (a.houseSub ? "-" + a.houseSub : ""));
    if (a.alley) pieces.push("Aly. " + a.alley);
    if (a.lane) pieces.push("Ln. " + a.lane);
    if (a.section && !sectionInName) pieces.push("Sec. " + a.section);
    pieces.push(r.en);
    if (district !== null) pieces.push(districts[district].en);
    pieces.push("Kaohsiung City" + (code ? " " + code : ""));
    const hit = { zh, en: pieces.join(", "), category: "address", district: district !== null ? districts[district].zh : "", url: "", postcode: code };
    if (note) hit.note = note;
    return hit;
  }

  async function query(text, { limit = 5 } = {}) {
    limit = Math.max(0, Math.floor(Number(limit) || 0));
    const hits = [];
    const seen = new Set();
    // Hostile input: a name or an address is never this long (C++ counts bytes: the same cut-off in UTF-8).
    if (new TextEncoder().encode(String(text ?? "")).length > 1000) return hits;
    const addEntry = async (id, district = "") => {
      if (seen.has(id)) return;
      seen.add(id);
      const hit = await entryHit(id);
      if (!hit || !hit.zh) return;
      if (district) hit.district = district;
      hits.push(hit);
    };

    let addressDistrict = "";  // the district read so far: a road's name is looked for in it first
    const address = await translateAddress(text, tables, async (t, at, part) => {
      const name = await findName(t, at, part, addressDistrict);
      if (part === "district" && name) {
        const row = await entryRow(name.entry);
        if (row) addressDistrict = row[0];
      }
      return name;
    });
    if (address) {
      const hit = { zh: trimAscii(text), en: address.en, category: "address", district: "", url: "", postcode: "" };
      const row = await entryRow(address.districtEntry);
      let districtZh = row ? row[0] : "";
      if (address.roadEntry < 0 && address.villageEntry >= 0) {
        const category = (await entryHit(address.villageEntry))?.category;
        if (category === "settlement" || category === "lane") address.roadEntry = address.villageEntry;
      }
      const road = address.roadEntry >= 0 ? await entryHit(address.roadEntry) : null;
      const roadDistricts = road?.districts ?? [];
      if (!districtZh && roadDistricts.length === 1) districtZh = roadDistricts[0];
      let district = null;
      districts.forEach((d, i) => {
        if (d.zh === districtZh) district = i;
      });
      hit.district = districtZh;
      let note = "";
      if (address.roadEntry >= 0 && district !== null) {
        [hit.postcode, note] = await postcodeFor(address.roadEntry, district, address.numbers);
      } else if (district !== null) {
        hit.postcode = districts[district].zip3;
      } else if (address.roadEntry >= 0 && roadDistricts.length > 1) {
        note = "district_undecided";
      }
      if (hit.postcode && address.enBeforeCity) {
        let before = address.enBeforeCity;
        if (address.districtEntry < 0 && district !== null) {
          const city = ", Kaohsiung City ";
          before = before.slice(0, before.length - city.length) + ", " + districts[district].en + city;
        }
        hit.en = before + hit.postcode + address.enAfterCode;
      }
      if (note) hit.note = note;
      hits.push(hit);
      for (const id of address.entries) await addEntry(id);
    } else {
      const used = [];
      const hit = await englishAddress(text, used);
      if (hit) {
        hits.push(hit);
        for (const id of used) await addEntry(id, hit.district);
      }
    }

    const tokens = foldTokens(text, tables);
    const q = tokens.map((t) => t.text).join("");
    const ranked = await rank(q, limit);
    // Names that fold the same rank alike: the one written as typed first, the Chinese (新庄路, 新莊路) or
    // the English word for word ("Beiwun St." is not "Beiwu N. St.").
    if (ranked.length && ranked[0].rank[0] === 0) {
      const typed = trimAscii(text);
      const words = (t) => t.map((w) => w.text + " ").join("");
      const typedWords = words(tokens);
      const asTyped = async (id) => {
        const h = await entryHit(id);
        return !!h && (h.zh === typed || words(foldTokens(h.en, tables)) === typedWords);
      };
      const same = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
      for (let i = 1; i < ranked.length && i < 8 && same(ranked[i].rank, ranked[0].rank); i++) {
        if (await asTyped(ranked[i].id) && !(await asTyped(ranked[0].id))) {
          ranked.unshift(...ranked.splice(i, 1));
          break;
        }
      }
    }
    const exact = ranked.some((r) => r.rank[0] <= 1);
    if (!exact && hits.length === 0) {
      // A name with its district in front or behind: the name in that district first.
      // The split whose rest names something exactly or by its start (三民路 路竹區: not 三民 + 路路竹區).
      const splits = [];
      for (const split of districtSplits(tokens)) {
        const inRest = await rank(split.rest, 0);
        if (inRest.length) splits.push({ split, inRest });
      }
      splits.sort((a, b) => (a.inRest[0].rank[0] <= 2 ? 0 : 1) - (b.inRest[0].rank[0] <= 2 ? 0 : 1));
      for (const { split, inRest } of splits) {
        const d = districts[split.district].zh;
        const other = [];
        let looked = 0;
        for (const { id } of inRest) {
          if (++looked > 60 || (limit && hits.length >= limit)) break;
          const h = await entryHit(id);
          if (!h || !isPlaceName(h.category)) continue;
          if ((h.districts ?? []).includes(d)) await addEntry(id, d);
          else other.push(id);
        }
        if (hits.length === 0 && other.length > 0) {
          await addEntry(other[0]);
          if (hits.length) hits[hits.length - 1].note = "not_in_district";
        }
        for (const id of other) await addEntry(id);
        // A rest that names only districts (內門 內門區: 內門區 after the district 內門) gives way to the next split.
        if (hits.length) break;
      }
    }
    for (const { id } of ranked) {
      if (limit && hits.length >= limit) break;
      await addEntry(id);
    }
    if (limit && hits.length > limit) hits.length = limit;
    return hits;
  }

  /**
   * Fetches every index file now (keys, entries, code ranges), so later queries need no network (the
   * page works offline once loaded); skipped for indexes of more than maxFiles files, where each query
   * fetches only its own. The whole city is about 140 files.
   */
  async function preload({ maxFiles = 200 } = {}) {
    const postal = postalPaths.filter(Boolean);
    const count = manifest.key_files.length + manifest.entry_files.length + postal.length + 1;
    if (count > maxFiles) return false;
    await Promise.all([
      ...manifest.key_files.map((_, i) => loadKeys(i)),
      ...manifest.entry_files.map((_, c) => entryRow(c * chunk)),
      ...postalPaths.map((p, c) => (p ? postalRanges(c * chunk) : null)),
    ]);
    return true;
  }

  return { query, preload, fold: (text) => fold(text, tables) };
}
