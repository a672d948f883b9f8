/**
 * Every way people write an indicator number and a capability level in their worksheets
 * (worksheets.md): 7, "7.", "Indikator 7", "I7", "35-2"; 3, "3,0", "Tingkat III", "Terdefinisi",
 * "3 - Terdefinisi", pemdi decimals "1,26". Levels become exact rationals (1.26 is 126/100).
 * Pure functions; lookup tables are built lazily per framework and cached.
 */
import type { CellValue, Framework, Rational } from './types';
import { fromDecimalString, fromNumber, isInteger, rational } from './rational';
import { FRAMEWORKS } from './frameworks';

// ---------------------------------------------------------------------------------------------
// Indicator numbers
// ---------------------------------------------------------------------------------------------

export interface IndicatorKey {
  readonly no: number;
  /** 1 for the indicator itself, 2.. for repeated entries (35-2, 35-3). */
  readonly entry: number;
  /** "7" or "35-2". */
  readonly key: string;
}

/** The key of an indicator entry: "7", "35-2". */
export function indicatorKey(no: number, entry = 1): string {
  return entry <= 1 ? String(no) : `${no}-${entry}`;
}

const KEY_RE =
  /^(?:(?:indikator|indicator|ind|nomor|no|i)\s*[.-]?\s*:?\s*)?(\d{1,3})\s*\.?\s*(?:(?:-|–|\/|_)\s*(\d{1,2}|i{1,3}|iv|v)|\(\s*(\d{1,2}|i{1,3}|iv|v)\s*\)|([a-e]))?\s*[.)]?$/i;

const LETTER_ENTRY: Readonly<Record<string, number>> = { a: 1, b: 2, c: 3, d: 4, e: 5 };
const ROMAN_ENTRY: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };

/** A repeat written as digits or a Roman numeral ("2", "II"). */
function entryNumber(text: string): number {
  const r = ROMAN_ENTRY[text.toLowerCase()];
  return r !== undefined ? r : parseInt(text, 10);
}

/** Zero-width characters users paste with a value: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen. */
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Spaces other than the plain one: NBSP, figure space (U+2007), narrow NBSP (U+202F), the other Unicode spaces. */
const ODD_SPACE_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * A cell's text as the user sees it: zero-width characters removed, odd spaces made plain spaces.
 * "3\u200B" (a ZWSP after the 3) is the "3" the user sees.
 */
export function cleanText(text: string): string {
  // most cells are plain ASCII: nothing to clean
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      plain = false;
      break;
    }
  }
  return plain ? text : text.replace(INVISIBLE_RE, '').replace(ODD_SPACE_RE, ' ');
}

/**
 * The indicator number (and entry) written in a number cell: 7, "7", "7.", " 7 ", "Indikator 7",
 * "I7", "I-7", "Ind. 7", "No. 7", "7)", "35-2", "35 - 2", "35_2", "35 (2)", "35-II", "35b". Null for anything else: group rows ("Aspek 2 - …"),
 * totals, blank cells, aspect-indicator codes like "3.2" (those belong to a Kode column).
 */
export function parseIndicatorKey(value: CellValue): IndicatorKey | null {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 999) return null;
    return plainKey(value);
  }
  if (typeof value !== 'string') return null;
  const len = value.length;
  if (len > 24 || len === 0) return null;
  // fast path: "7", "12", "7."
  let n = 0;
  let i = 0;
  for (; i < len && i < 3; i++) {
    const ch = value.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    n = n * 10 + (ch - 48);
  }
  if (i > 0 && n > 0 && (i === len || (i === len - 1 && value.charCodeAt(i) === 46))) return plainKey(n);
  // "3.2" is an aspect-indicator code, not a number
  if (i > 0 && i < len - 1 && value.charCodeAt(i) === 46) {
    const next = value.charCodeAt(i + 1);
    if (next >= 48 && next <= 57) return null;
  }
  // "Indikator 4" in every row of a sheet: the spelling is read once
  let key = keysByText.get(value);
  if (key === undefined) {
    key = keyOfText(value);
    if (keysByText.size >= 4096) keysByText.clear();
    keysByText.set(value, key);
  }
  return key;
}

/** Keys of number cells written as text, by the text as written (bounded; keys are frozen, so sharing them is safe). */
const keysByText = new Map<string, IndicatorKey | null>();

/** The key a number cell's text spells ("Indikator 7", "35-2", "35b"), or null. */
function keyOfText(value: string): IndicatorKey | null {
  const m = KEY_RE.exec(cleanText(value).trim());
  if (!m) return null;
  const no = parseInt(m[1], 10);
  if (no < 1) return null;
  let entry = 1;
  if (m[2] !== undefined) entry = entryNumber(m[2]);
  else if (m[3] !== undefined) entry = entryNumber(m[3]);
  else if (m[4] !== undefined) entry = LETTER_ENTRY[m[4].toLowerCase()];
  if (!(entry >= 1)) return null;
  return entry === 1 ? plainKey(no) : Object.freeze({ no, entry, key: indicatorKey(no, entry) });
}

/** Indicator n's key (entry 1), one frozen object per number 1..999: reading a sheet's number column allocates nothing. */
const PLAIN_KEYS: Array<IndicatorKey | undefined> = [];
function plainKey(n: number): IndicatorKey {
  return (PLAIN_KEYS[n] ??= Object.freeze({ no: n, entry: 1, key: String(n) }));
}

const CODE_RE = /^(\d{1,2})\s*\.\s*(\d{1,2})\.?$/;

/** An aspect-indicator code "3.2" (pemdi Kode columns): {aspect: 3, index: 2}; null otherwise. */
export function parseIndicatorCode(value: CellValue): { aspect: number; index: number } | null {
  if (typeof value !== 'string' || value.length > 12 || value.length < 3) return null;
  const c0 = value.charCodeAt(0);
  if (c0 !== 32 && (c0 < 48 || c0 > 57)) return null;
  const m = CODE_RE.exec(value.trim());
  if (!m) return null;
  const aspect = parseInt(m[1], 10);
  const index = parseInt(m[2], 10);
  return aspect >= 1 && index >= 1 ? { aspect, index } : null;
}

// ---------------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------------

/** Why a level cannot be read: a code of the problem table (src/core/problems.ts). */
export type LevelProblemCode = Extract<
  import('./problems').ProblemCode,
  'LEVEL_BLANK' | 'LEVEL_ERROR_VALUE' | 'LEVEL_NOT_A_LEVEL' | 'LEVEL_OUT_OF_RANGE' | 'LEVEL_FRACTIONAL' | 'LEVEL_AMBIGUOUS'
>;

export type LevelFailure = { readonly ok: false; readonly code: LevelProblemCode; readonly params: Record<string, string | number> };

export type LevelResult = { readonly ok: true; readonly level: Rational } | LevelFailure;

const NUM_RE = /^[+-]?\d+(?:[.,]\d+)?$/;
const PREFIX_RE = /^(?:tingkat\s+kematangan|level\s+kematangan|maturity\s+level|capability\s+level|tingkat|level|lvl|nilai|tk|skor|score)\s*[:.]?\s*/;
const LEADING_NUM_RE = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:[-–—:=.)]\s*|\(\s*|\s+)(\D.*?)\)?$/;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
const WS_RE = /\s+/g;
const NAME_CLEAN_RE = /[^a-z0-9& ]+/g;

/** Lower-case, single spaces, no punctuation: the form level names are compared in. */
function normName(text: string): string {
  return text.toLowerCase().replace(NAME_CLEAN_RE, ' ').replace(/&/g, ' dan ').replace(WS_RE, ' ').trim();
}

interface NameTables {
  /** Level-name set key -> normalized name -> level. */
  readonly sets: Map<string, Map<string, number>>;
  /** normalized name -> the distinct levels it means across all sets. */
  readonly all: Map<string, number[]>;
  readonly ambiguous: Set<string>;
  readonly setOf: Map<number, string>;
  /** Parsed text levels by name set, then by text as written; bounded. */
  readonly cache: Map<string, Map<string, LevelResult>>;
  /** Parsed non-integer numbers; bounded. */
  readonly numbers: Map<number, LevelResult>;
  /** Parsed numbers that are a whole count of thousandths up to MAX_THOUSANDTHS, by that count (filled as met). */
  readonly byThousandths: Array<LevelResult | undefined>;
  /** `cache`'s map for each indicator number (0: none given), filled as met. */
  readonly byIndicator: Array<Map<string, LevelResult> | undefined>;
}

/** Numbers up to 10 (twice the top level) are kept by thousandths: every level and the usual mistakes (6, 7.5). */
const MAX_THOUSANDTHS = 10000;

const tablesCache = new WeakMap<Framework, NameTables>();
let globalTables: NameTables | null = null;

function addName(all: Map<string, number[]>, name: string, level: number): void {
  const list = all.get(name);
  if (!list) all.set(name, [level]);
  else if (!list.includes(level)) list.push(level);
}

function buildTables(fws: ReadonlyArray<Framework>): NameTables {
  const sets = new Map<string, Map<string, number>>();
  const all = new Map<string, number[]>();
  const ambiguous = new Set<string>();
  const setOf = new Map<number, string>();
  for (const fw of fws) {
    for (const [key, names] of Object.entries(fw.levelNames)) {
      const m = sets.get(key) ?? new Map<string, number>();
      names.forEach((n, i) => {
        const k = normName(n);
        m.set(k, i + 1);
        addName(all, k, i + 1);
      });
      sets.set(key, m);
    }
    for (const w of fw.ambiguousLevelWords ?? []) ambiguous.add(normName(w));
    if (fws.length === 1) for (const ind of fw.indicators) setOf.set(ind.no, ind.levelNames);
  }
  for (const [k, levels] of all) if (levels.length > 1) ambiguous.add(k);
  return { sets, all, ambiguous, setOf, cache: new Map(), numbers: new Map(), byThousandths: [], byIndicator: [] };
}

function tablesFor(fw: Framework | null): NameTables {
  if (fw === null) {
    if (!globalTables) globalTables = buildTables(FRAMEWORKS);
    return globalTables;
  }
  // a sheet is read against one framework: its tables are kept at hand
  if (fw === lastFramework && lastTables !== null) return lastTables;
  let t = tablesCache.get(fw);
  if (!t) {
    t = buildTables([fw]);
    tablesCache.set(fw, t);
  }
  lastFramework = fw;
  lastTables = t;
  return t;
}

let lastFramework: Framework | null = null;
let lastTables: NameTables | null = null;

/** The cache of parsed texts for one indicator's level names (slot 0: no indicator given). */
function textCacheFor(t: NameTables, indicatorNo: number | undefined): Map<string, LevelResult> {
  const slot = indicatorNo === undefined ? 0 : Number.isInteger(indicatorNo) && indicatorNo > 0 && indicatorNo < 1000 ? indicatorNo : -1;
  let bySet = slot >= 0 ? t.byIndicator[slot] : undefined;
  if (bySet === undefined) {
    const setKey = indicatorNo !== undefined ? (t.setOf.get(indicatorNo) ?? '') : '';
    bySet = t.cache.get(setKey);
    if (bySet === undefined) {
      bySet = new Map();
      t.cache.set(setKey, bySet);
    }
    if (slot >= 0) t.byIndicator[slot] = bySet;
  }
  return bySet;
}

/** The levels a capability name means (empty when it is no level name); more than one = ambiguous. */
function levelsOfName(name: string, fw: Framework | null, indicatorNo?: number): number[] {
  const t = tablesFor(fw);
  const k = normName(name);
  if (k === '') return [];
  if (t.ambiguous.has(k)) return t.all.get(k) ?? [0, 0];
  if (indicatorNo !== undefined) {
    const set = t.setOf.get(indicatorNo);
    const lv = set !== undefined ? t.sets.get(set)?.get(k) : undefined;
    if (lv !== undefined) return [lv];
  }
  return t.all.get(k) ?? [];
}

function fail(code: LevelProblemCode, params: Record<string, string | number>): LevelResult {
  return { ok: false, code, params };
}

/** How a raw cell value is shown in a message. */
export function displayValue(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

const BIG0 = BigInt(0);
const BIG1 = BigInt(1);
const BIG5 = BigInt(5);

/** Shared results for the whole levels 1..5 (immutable; index = level). */
let WHOLE: ReadonlyArray<LevelResult> | null = null;
function whole(level: number): LevelResult {
  if (WHOLE === null) {
    const list: LevelResult[] = [];
    for (let i = 0; i <= 5; i++) list.push(Object.freeze({ ok: true as const, level: Object.freeze({ num: BigInt(i), den: BIG1 }) }));
    WHOLE = list;
  }
  return WHOLE[level];
}

function checkRange(level: Rational, raw: string, fw: Framework | null): LevelResult {
  const n = level.num;
  const d = level.den;
  if (n <= BIG0) return fail('LEVEL_OUT_OF_RANGE', { value: raw, reason: n === BIG0 ? 'zero' : 'negative' });
  if (n < d) return fail('LEVEL_OUT_OF_RANGE', { value: raw, reason: 'below' });
  if (n > d * BIG5) return fail('LEVEL_OUT_OF_RANGE', { value: raw, reason: 'above' });
  if (d === BIG1) return whole(Number(n));
  if (fw !== null && fw.values === 'whole' && !isInteger(level)) return fail('LEVEL_FRACTIONAL', { value: raw });
  return { ok: true, level };
}

/** Largest denominator a cell number is recognised as a plain fraction of (see `cellNumber`). */
const MAX_FRACTION_DEN = 10000;

/**
 * The exact value of a number read from a cell. A formula such as =AVERAGE(1;1;2) or =4/3 leaves the
 * double nearest to 4/3 (1.3333333333333333) in the cell; taking its decimal spelling would make the
 * index a hair below a boundary that the true value reaches (2.4999999999999999 "Cukup" instead of
 * 2.5 "Baik"). So when a fraction p/q with q <= 10000 has exactly this double as its nearest double,
 * that fraction is the value. At most one such fraction exists for a level in [1, 5] (two of them
 * differ by at least 1e-8, far more than the spacing of doubles there), and a decimal with up to
 * four places is such a fraction itself, so 1.255 stays 1.255. Otherwise the number is taken at the
 * 15 significant digits Excel shows (=0.1*3*10 leaves 3.0000000000000004 in the cell, shown as 3).
 * Candidates are the continued-fraction convergents of x (Legendre: any p/q that close to x is
 * one); each is checked with IEEE division, which rounds correctly.
 */
function cellNumber(x: number): Rational | null {
  if (!Number.isFinite(x) || Math.abs(x) > 1e6) return fromNumber(x);
  let hPrev = 1;
  let h = Math.floor(x);
  let kPrev = 0;
  let k = 1;
  let y = x;
  for (let i = 0; i < 32; i++) {
    if (h / k === x) return rational(h, k);
    const frac = y - Math.floor(y);
    if (frac <= 0) break;
    y = 1 / frac;
    const a = Math.floor(y);
    const hNext = a * h + hPrev;
    const kNext = a * k + kPrev;
    if (kNext > MAX_FRACTION_DEN) break;
    hPrev = h;
    kPrev = k;
    h = hNext;
    k = kNext;
  }
  return fromNumber(Number(x.toPrecision(15)));
}

function numberText(text: string): Rational | null {
  return fromDecimalString(text.indexOf(',') >= 0 ? text.replace(',', '.') : text);
}

/**
 * Reads a level written in any accepted spelling. `fw` decides whether decimals are allowed and
 * which capability names apply (`indicatorNo` picks that indicator's name set); with `fw` null,
 * decimals in [1, 5] and the names of every known framework are accepted.
 * Failure codes: LEVEL_BLANK, LEVEL_ERROR_VALUE, LEVEL_NOT_A_LEVEL, LEVEL_OUT_OF_RANGE
 * (params.reason zero | negative | below | above), LEVEL_FRACTIONAL, LEVEL_AMBIGUOUS.
 */
export function parseLevel(value: CellValue, fw: Framework | null, indicatorNo?: number): LevelResult {
  if (typeof value === 'number') {
    if (value >= 1 && value <= 5 && Number.isInteger(value)) return whole(value);
    const t = tablesFor(fw);
    // a decimal of up to three places (2.5, 3.25: Pemdi's levels) is found by its thousandths, without hashing a double
    const k = Math.round(value * 1000);
    const slot = k > 0 && k <= MAX_THOUSANDTHS && k / 1000 === value ? k : -1;
    let hit = slot > 0 ? t.byThousandths[slot] : t.numbers.get(value);
    if (hit === undefined) {
      const r = cellNumber(value);
      hit = r === null ? fail('LEVEL_NOT_A_LEVEL', { value: String(value) }) : checkRange(r, String(value), fw);
      if (slot > 0) t.byThousandths[slot] = hit;
      else {
        if (t.numbers.size >= 1024) t.numbers.clear();
        t.numbers.set(value, hit);
      }
    }
    return hit;
  }
  if (value === null || value === undefined) return fail('LEVEL_BLANK', { value: '' });
  if (typeof value === 'object') return fail('LEVEL_ERROR_VALUE', { value: value.error });
  if (typeof value === 'boolean') return fail('LEVEL_NOT_A_LEVEL', { value: displayValue(value) });
  if (value.length > 64) return fail('LEVEL_NOT_A_LEVEL', { value: value.trim() });
  const bySet = textCacheFor(tablesFor(fw), indicatorNo);
  let cached = bySet.get(value);
  if (cached === undefined) {
    cached = parseText(value, fw, indicatorNo);
    if (bySet.size >= 1024) bySet.clear();
    bySet.set(value, cached);
  }
  return cached;
}

function parseText(value: string, fw: Framework | null, indicatorNo?: number): LevelResult {
  const raw = cleanText(value).trim();
  if (raw === '') return fail('LEVEL_BLANK', { value: '' });
  if (raw.charCodeAt(0) === 35 /* # */ && /^#[A-Z0-9/!?]+$/.test(raw)) return fail('LEVEL_ERROR_VALUE', { value: raw });
  if (NUM_RE.test(raw)) {
    const r = numberText(raw);
    if (r) return checkRange(r, raw, fw);
  }
  let text = raw.toLowerCase().replace(WS_RE, ' ');
  const stripped = text.replace(PREFIX_RE, '');
  text = stripped;
  if (NUM_RE.test(text)) {
    const r = numberText(text);
    if (r) return checkRange(r, raw, fw);
  }
  const roman = ROMAN[text];
  if (roman !== undefined) return whole(roman);
  const lead = LEADING_NUM_RE.exec(text);
  if (lead) {
    const numPart = lead[1];
    const r = numberText(numPart);
    if (r) {
      const named = levelsOfName(lead[2], fw, indicatorNo);
      const asNumber = checkRange(r, raw, fw);
      if (named.length === 1 && asNumber.ok && (r.den !== BIG1 || r.num !== BigInt(named[0]))) {
        return fail('LEVEL_AMBIGUOUS', { value: raw, levels: `${numPart}, ${named[0]}` });
      }
      return asNumber;
    }
  }
  const romanLead = /^(i{1,3}|iv|v)\s*(?:[-–—:.)]\s*|\(\s*|\s+)(\D.*?)\)?$/.exec(text);
  if (romanLead) return whole(ROMAN[romanLead[1]]);
  const named = levelsOfName(text, fw, indicatorNo);
  if (named.length === 1) return whole(named[0]);
  if (named.length > 1) return fail('LEVEL_AMBIGUOUS', { value: raw, levels: named.slice().sort().join(', ') });
  return fail('LEVEL_NOT_A_LEVEL', { value: raw });
}

/** True when a cell counts as holding a value (not blank, not a lone dash placeholder). */
export function hasValue(value: CellValue): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') {
    // most cells: a first and last character that are neither space nor dash, nothing to trim
    const n = value.length;
    if (n > 1 && value.charCodeAt(0) > 45 && value.charCodeAt(0) < 128 && value.charCodeAt(n - 1) > 32 && value.charCodeAt(n - 1) < 128) return true;
    const t = value.trim();
    return t !== '' && t !== '-' && t !== '–' && t !== '—';
  }
  return true;
}
