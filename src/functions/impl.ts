/**
 * The custom functions SPBE.* as plain functions: no Office, no CustomFunctions, no DOM. Each takes
 * the arguments as Excel passes them (numbers, text, booleans, null for an empty cell, error objects
 * for error cells, 2-D arrays for ranges) and returns its result or a tagged error value (`FnError`)
 * that src/functions/functions.ts maps to a CustomFunctions.Error. Nothing here throws: an
 * unexpected exception becomes a #VALUE! error with a message.
 *
 * Values are read exactly as the worksheet reader reads them: every level goes through
 * parseLevel (src/core/levels.ts), every indicator number through parseIndicatorKey, the
 * framework argument through getFramework; the index comes from the exact scoring engine.
 *
 * A range of values is either
 * - one row or one column in framework order: 35 (spbe2018), 47 (spbe2020) or 20 (pemdi2026) cells;
 * - two columns (indicator number, level) in any order, one indicator per row (spbe2018 repeats
 *   of indicator 35 as "35-2", "35-3"); a header row and empty rows are skipped. (Two rows with
 *   numbers above levels are read the same way.)
 * Without a framework argument, the framework follows from the number of indicators.
 */
import type { CellValue, Framework, Lang, PredicateBasis, Rational } from '../core/types';
import { FRAMEWORKS, getFramework, SPBE2020 } from '../core/frameworks';
import { displayValue, parseIndicatorKey, parseLevel, type LevelResult } from '../core/levels';
import { entryWeights, indicatorUplift, predicateFor, score, scoreIndex, type ScoredEntry } from '../core/scoring';
import { isPlanUsageError, parseTargetIndex, planGap, planSteps, type PlanEntry, type TargetRequest } from '../core/planner';
import { catalogues, format } from '../core/i18n';
import { eq, floor, fromNumber, rational, toNumber } from '../core/rational';

// ---------------------------------------------------------------------------------------------
// Errors as values
// ---------------------------------------------------------------------------------------------

/**
 * The Excel errors the functions return: only the two that carry a message. Excel shows the message
 * of #VALUE! and #N/A in the cell's error menu but drops any message given with #NUM! (Microsoft:
 * "a custom error message can't be used" with invalidNumber), so a number out of range (aspect 9,
 * indicator 48, index 7) is a #VALUE! whose message names the value, not a bare #NUM!.
 */
export type ExcelErrorCode = '#VALUE!' | '#N/A';

export interface FnError {
  readonly kind: 'fn-error';
  readonly code: ExcelErrorCode;
  /** Stable problem code, e.g. "LEVEL_NOT_A_LEVEL", "BAD_COUNT". */
  readonly problem: string;
  /** What is wrong and where, in the user's language. */
  readonly message: string;
}

export type Fn<T> = T | FnError;

export function isFnError(x: unknown): x is FnError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'fn-error';
}

type FnKey = keyof (typeof catalogues)['id']['functions'];
type Params = Record<string, string | number>;

function msg(lang: Lang, key: FnKey, params: Params = {}): string {
  return format(catalogues[lang].functions[key], params);
}

function fail(code: ExcelErrorCode, problem: string, message: string): FnError {
  return { kind: 'fn-error', code, problem, message };
}

/** Runs a function body; an exception (a bug) becomes a #VALUE! error instead of escaping to Excel. */
function guard<T>(lang: Lang, body: () => Fn<T>): Fn<T> {
  try {
    return body();
  } catch (e) {
    return fail('#VALUE!', 'INTERNAL', msg(lang, 'internal', { message: e instanceof Error ? e.message : textOf(e) }));
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments as Excel passes them
// ---------------------------------------------------------------------------------------------

/**
 * One argument or range cell as a core CellValue: an empty cell (null, undefined, "") is null; an
 * error cell (a CustomFunctions.Error, or any object with an error code) is an ErrorValue; a rich
 * value (Excel data type) counts as its basic value.
 */
export function cellOf(x: unknown): CellValue {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'number':
      return Number.isFinite(x) ? x : { error: '#NUM!' };
    case 'string':
      return x === '' ? null : x;
    case 'boolean':
      return x;
    case 'object': {
      const o = x as { code?: unknown; error?: unknown; basicValue?: unknown; type?: unknown };
      if (typeof o.code === 'string' && o.code.startsWith('#')) return { error: o.code };
      if (typeof o.error === 'string') return { error: o.error };
      if (o.basicValue !== undefined) return cellOf(o.basicValue);
      return textOf(x);
    }
    default:
      return textOf(x);
  }
}

/** String(x), or the object's tag when it has no usable conversion (e.g. no prototype). */
function textOf(x: unknown): string {
  try {
    return String(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
}

/** True when an optional argument was left out (or points at an empty cell). */
function omitted(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/** A range argument as rows of cells (a single value is a 1×1 range, a flat array one row; a row that is no array one cell). */
function matrixOf(x: unknown): ReadonlyArray<ReadonlyArray<unknown>> {
  if (!Array.isArray(x)) return [[x]];
  if (x.length === 0) return [];
  if (!Array.isArray(x[0])) return [x];
  for (const r of x) if (!Array.isArray(r)) return x.map((c: unknown) => (Array.isArray(c) ? c : [c]));
  return x as unknown[][];
}

const FRAMEWORK_CHOICES = FRAMEWORKS.map((f) => f.id).join(', ');

/** The framework argument: null when left out, an error when it names no framework. */
function frameworkArg(x: unknown, lang: Lang): Framework | null | FnError {
  if (omitted(x)) return null;
  const text = typeof x === 'string' ? x : displayValue(cellOf(x));
  const fw = getFramework(text);
  if (fw) return fw;
  return fail('#VALUE!', 'FRAMEWORK_UNKNOWN', msg(lang, 'unknownFramework', { value: text.trim(), choices: FRAMEWORK_CHOICES }));
}

/** A number argument: numbers, or text such as "2,6" / "2.6". */
function numberArg(x: unknown, nameKey: FnKey, lang: Lang): number | FnError {
  const name = msg(lang, nameKey);
  if (omitted(x)) return fail('#VALUE!', 'ARGUMENT_MISSING', msg(lang, 'argMissing', { name }));
  const c = cellOf(x);
  if (typeof c === 'number') return c;
  if (typeof c === 'string') {
    const t = c.trim().replace(',', '.');
    if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  }
  return fail('#VALUE!', 'NOT_A_NUMBER', msg(lang, 'argNotNumber', { name, value: displayValue(c) }));
}

/** Exact rational as the nearest double (correctly rounded when both parts are exact doubles). */
function toDouble(r: Rational): number {
  const LIMIT = BigInt(Number.MAX_SAFE_INTEGER);
  if (r.den <= LIMIT && r.num <= LIMIT && r.num >= -LIMIT) return Number(r.num) / Number(r.den);
  return toNumber(r);
}

// ---------------------------------------------------------------------------------------------
// Reading a range of values
// ---------------------------------------------------------------------------------------------

export interface ReadValues {
  readonly fw: Framework;
  /** One entry per indicator (and per repeated entry), ordered by number and entry. */
  readonly entries: ReadonlyArray<ScoredEntry>;
}

type LevelFailure = Extract<LevelResult, { ok: false }>;

function levelError(p: LevelFailure, fw: Framework | null, position: string, lang: Lang): FnError {
  let key: FnKey = 'LEVEL_NOT_A_LEVEL';
  switch (p.code) {
    case 'LEVEL_BLANK':
    case 'LEVEL_ERROR_VALUE':
    case 'LEVEL_NOT_A_LEVEL':
    case 'LEVEL_FRACTIONAL':
    case 'LEVEL_AMBIGUOUS':
      key = p.code;
      break;
    case 'LEVEL_OUT_OF_RANGE':
      key = p.params.reason === 'zero' ? 'LEVEL_ZERO' : 'LEVEL_OUT_OF_RANGE';
      break;
  }
  const range = catalogues[lang].problems[fw !== null && fw.values === 'whole' ? 'rangeWhole' : 'rangeDecimal'];
  const message = msg(lang, key, { ...p.params, position, range, framework: fw ? fw.id : '' });
  // A level not there yet is "not available"; anything unreadable is a wrong value.
  return fail(p.code === 'LEVEL_BLANK' ? '#N/A' : '#VALUE!', p.code, message);
}

/** A shared entry of the cache: also its level × weight in basis points (see FrameworkCache.fast). */
interface CachedEntry extends ScoredEntry {
  points: number;
}

interface FrameworkCache {
  /** "1" … "n". */
  readonly keys: ReadonlyArray<string>;
  /**
   * entries[i][k]: the entry of indicator i+1 at level k (1..5) as parseLevel(k, fw) reads a plain
   * whole-number cell, the common case. Entries are immutable, so calls share them (no allocation).
   */
  readonly entries: ReadonlyArray<ReadonlyArray<CachedEntry | null>>;
  /**
   * True when the framework's index is exactly Σ level × weight / 10000 over one entry per
   * indicator, with the weights in basis points taken from the engine (entryWeights) and the sum
   * checked against the engine's scoreIndex when the cache is built. SPBE.INDEX then adds the
   * entries' integer points and divides once by 10000: the same double as the engine's exact
   * rational (both are the correctly rounded quotient of the same two integers), several times faster.
   */
  readonly fast: boolean;
}

const caches = new WeakMap<Framework, FrameworkCache>();

/**
 * Sets the points of the shared entries from the engine's own weights and returns true if the
 * engine's index equals Σ points / 10000 on probe sets of levels (all 1, all 5, every level mixed,
 * each indicator alone at 4 among 2s); false otherwise (every call then goes through scoreIndex).
 */
function setPoints(fw: Framework, keys: ReadonlyArray<string>, entries: ReadonlyArray<ReadonlyArray<CachedEntry | null>>): boolean {
  try {
    const weights = entryWeights(fw, fw.indicators.map((d, i) => ({ key: keys[i], no: d.no, entry: 1 })));
    const HUNDRED = BigInt(100);
    for (let i = 0; i < entries.length; i++) {
      const w = weights.get(keys[i]);
      // basis points = percent × 100, an integer in every framework so far
      if (!w || (w.num * HUNDRED) % w.den !== BigInt(0)) return false;
      const bp = Number((w.num * HUNDRED) / w.den);
      for (let k = 1; k <= 5; k++) {
        const e = entries[i][k];
        if (!e || !eq(e.level, rational(k))) return false;
        e.points = k * bp;
      }
    }
    const n = entries.length;
    const probes: number[][] = [Array(n).fill(1), Array(n).fill(5), Array.from({ length: n }, (_, i) => (i % 5) + 1)];
    for (let i = 0; i < n; i++) probes.push(Array.from({ length: n }, (_, j) => (j === i ? 4 : 2)));
    for (const levels of probes) {
      const set = levels.map((k, i) => entries[i][k] as CachedEntry);
      let sum = 0;
      for (const e of set) sum += e.points;
      if (!eq(scoreIndex(fw, set), rational(sum, 10000))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function cacheOf(fw: Framework): FrameworkCache {
  let c = caches.get(fw);
  if (!c) {
    const keys = fw.indicators.map((d) => String(d.no));
    const entries = fw.indicators.map((d, i) => {
      const row: Array<CachedEntry | null> = [null];
      for (let k = 1; k <= 5; k++) {
        const p = parseLevel(k, fw, d.no);
        row.push(p.ok ? { key: keys[i], no: d.no, entry: 1, level: p.level, points: 0 } : null);
      }
      return row;
    });
    c = { keys, entries, fast: setPoints(fw, keys, entries) };
    caches.set(fw, c);
  }
  return c;
}

const BIG_ONE = BigInt(1);
const BIG_FIVE = BigInt(5);

/** The shared entry of indicator i+1 when a spelled level ("Tingkat 3", "III", "3,0") is a whole level 1–5; null otherwise. */
function sharedEntry(cache: FrameworkCache, i: number, level: Rational): CachedEntry | null {
  if (level.den !== BIG_ONE || level.num < BIG_ONE || level.num > BIG_FIVE) return null;
  return cache.entries[i][Number(level.num)];
}

/** Σ points / 10000 when every entry is a shared whole-level entry of a linear framework; null otherwise. */
function fastIndex(read: ReadValues): number | null {
  if (!cacheOf(read.fw).fast) return null;
  const entries = read.entries;
  let sum = 0;
  for (let i = 0; i < entries.length; i++) {
    const p = (entries[i] as Partial<CachedEntry>).points;
    if (p === undefined) return null;
    sum += p;
  }
  return sum / 10000;
}

/** The framework of a single row or column of `count` values. */
function frameworkByCount(count: number): Framework | null {
  for (const fw of FRAMEWORKS) if (fw.indicators.length === count) return fw;
  return null;
}

/** True when a line of values starts with a header cell ("Tingkat", "Nilai Akhir") that is not part of the values. */
function startsWithHeader(first: unknown, count: number, given: Framework | null): boolean {
  if (typeof first !== 'string' || /\d/.test(first) || first.trim() === '') return false;
  const fits = given ? given.indicators.length === count - 1 : frameworkByCount(count - 1) !== null && frameworkByCount(count) === null;
  return fits && !parseLevel(first, given).ok;
}

function readLinear(cellAt: (i: number) => unknown, total: number, given: Framework | null, lang: Lang): ReadValues | FnError {
  // A header cell selected with the column (G6:G53 instead of G7:G53) is skipped.
  const skip = startsWithHeader(cellAt(0), total, given) ? 1 : 0;
  const count = total - skip;
  const cells = skip ? (i: number) => cellAt(i + 1) : cellAt;
  const fw = given ?? frameworkByCount(count);
  if (fw === null) return fail('#VALUE!', 'BAD_COUNT', msg(lang, 'badCount', { count }));
  const n = fw.indicators.length;
  if (count !== n) {
    let text = msg(lang, 'countForFramework', { count, framework: fw.id, expected: n });
    if (fw.repeatable && count > n) text += ' ' + msg(lang, 'countFor2018Repeats');
    return fail('#VALUE!', 'BAD_COUNT', text);
  }
  const cache = cacheOf(fw);
  const entries: ScoredEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = cells(i);
    const shared = typeof v === 'number' && v >= 1 && v <= 5 && Math.floor(v) === v ? cache.entries[i][v] : null;
    if (shared) {
      entries[i] = shared;
      continue;
    }
    const p = parseLevel(cellOf(v), fw, i + 1);
    if (!p.ok) return levelError(p, fw, msg(lang, 'posValue', { pos: i + 1, indicator: i + 1 }), lang);
    entries[i] = sharedEntry(cache, i, p.level) ?? { key: cache.keys[i], no: i + 1, entry: 1, level: p.level };
  }
  return { fw, entries };
}

interface Pair {
  readonly pos: number;
  readonly key: string;
  readonly no: number;
  readonly entry: number;
  readonly raw: CellValue;
}

function isEmpty(c: CellValue): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

function readPairs(
  rows: number,
  keyAt: (r: number) => unknown,
  valueAt: (r: number) => unknown,
  given: Framework | null,
  lang: Lang,
): ReadValues | FnError {
  const pairs: Pair[] = [];
  for (let r = 0; r < rows; r++) {
    const k = cellOf(keyAt(r));
    const v = cellOf(valueAt(r));
    if (isEmpty(k) && isEmpty(v)) continue;
    const key = parseIndicatorKey(typeof k === 'string' ? k.trim() : k);
    if (key === null) {
      // A header row ("No", "Tingkat") above the pairs is skipped.
      if (pairs.length === 0 && typeof k === 'string' && !/\d/.test(k) && (typeof v === 'string' || v === null)) continue;
      return fail('#VALUE!', 'INDICATOR_NOT_A_NUMBER', msg(lang, 'notAnIndicator', { pos: r + 1, value: displayValue(k) }));
    }
    pairs.push({ pos: r + 1, key: key.key, no: key.no, entry: key.entry, raw: v });
  }

  let fw = given;
  if (fw === null) {
    let max = 0;
    for (const p of pairs) if (p.no > max) max = p.no;
    const flags = new Uint8Array(max + 1);
    let distinct = 0;
    for (const p of pairs) {
      if (flags[p.no] === 0) {
        flags[p.no] = 1;
        distinct++;
      }
    }
    fw = FRAMEWORKS.find((f) => f.indicators.length === distinct && max <= distinct) ?? null;
    // Not a complete set: the smallest framework that has the highest number, so the message can say what is missing.
    if (fw === null) {
      const bySize = [...FRAMEWORKS].sort((a, b) => a.indicators.length - b.indicators.length);
      fw = bySize.find((f) => f.indicators.length >= max && max > 0) ?? null;
    }
    if (fw === null) return fail('#VALUE!', 'BAD_COUNT', msg(lang, 'pairsNoFramework', { count: distinct, max }));
  }

  const n = fw.indicators.length;
  const rep = fw.repeatable;
  const cache = cacheOf(fw);
  // Seen entries by indicator number (entry 1) and, for repeats, by key; with where they came from.
  const firsts: Array<{ pos: number; raw: CellValue; e: ScoredEntry } | undefined> = new Array(n + 1);
  const repeats = new Map<string, { pos: number; raw: CellValue; e: ScoredEntry }>();
  for (const p of pairs) {
    if (p.no > n)
      return fail('#VALUE!', 'INDICATOR_UNKNOWN', msg(lang, 'unknownIndicator', { pos: p.pos, indicator: p.key, framework: fw.id, count: n }));
    if (p.entry > 1) {
      if (!rep) return fail('#VALUE!', 'INDICATOR_UNKNOWN', msg(lang, 'notRepeatableAtAll', { pos: p.pos, indicator: p.key, framework: fw.id }));
      if (p.no !== rep.indicator || p.entry > rep.maxEntries)
        return fail(
          '#VALUE!',
          'INDICATOR_UNKNOWN',
          msg(lang, 'notRepeatable', { pos: p.pos, indicator: p.key, framework: fw.id, repeatable: rep.indicator, max: rep.maxEntries }),
        );
    }
    const v = p.raw;
    let e: ScoredEntry | null = null;
    if (p.entry === 1 && typeof v === 'number' && v >= 1 && v <= 5 && Math.floor(v) === v) e = cache.entries[p.no - 1][v];
    if (e === null) {
      const parsed = parseLevel(v, fw, p.no);
      if (!parsed.ok) return levelError(parsed, fw, msg(lang, 'posRow', { pos: p.pos, indicator: p.key }), lang);
      e = (p.entry === 1 ? sharedEntry(cache, p.no - 1, parsed.level) : null) ?? { key: p.key, no: p.no, entry: p.entry, level: parsed.level };
    }
    const first = p.entry === 1 ? firsts[p.no] : repeats.get(p.key);
    if (first) {
      if (first.e.level.num === e.level.num && first.e.level.den === e.level.den) continue;
      return fail(
        '#VALUE!',
        'INDICATOR_DUPLICATE_CONFLICT',
        msg(lang, 'duplicate', {
          indicator: p.key,
          value: displayValue(first.raw),
          pos: first.pos,
          otherValue: displayValue(p.raw),
          otherPos: p.pos,
        }),
      );
    }
    if (p.entry === 1) firsts[p.no] = { pos: p.pos, raw: v, e };
    else repeats.set(p.key, { pos: p.pos, raw: v, e });
  }
  const entries: ScoredEntry[] = [];
  for (let no = 1; no <= n; no++) {
    const f = firsts[no];
    if (!f) return fail('#N/A', 'INDICATOR_MISSING', msg(lang, 'missing', { indicator: no, framework: fw.id, count: n }));
    entries.push(f.e);
  }
  if (repeats.size > 0) entries.push(...[...repeats.values()].map((r) => r.e).sort((a, b) => a.no - b.no || a.entry - b.entry));
  return { fw, entries };
}

/**
 * Reads a range of indicator values (see the top of this file) with an optional framework
 * argument. The first problem found is returned as an error value.
 */
export function readValues(values: unknown, framework: unknown, lang: Lang = 'id'): ReadValues | FnError {
  const given = frameworkArg(framework, lang);
  if (isFnError(given)) return given;
  const m = matrixOf(values);
  const rows = m.length;
  let cols = 0;
  for (const row of m) if (row.length > cols) cols = row.length;
  if (rows === 0 || cols === 0) return fail('#VALUE!', 'BAD_COUNT', msg(lang, 'badCount', { count: 0 }));
  if (cols === 2 && rows > 1) return readPairs(rows, (r) => m[r][0], (r) => m[r][1], given, lang);
  if (rows === 2 && cols > 2) return readPairs(cols, (c) => m[0][c], (c) => m[1][c], given, lang);
  if (rows === 1) return readLinear((i) => m[0][i], cols, given, lang);
  if (cols === 1) return readLinear((i) => m[i][0], rows, given, lang);
  return fail('#VALUE!', 'BAD_SHAPE', msg(lang, 'badShape', { rows, cols }));
}

// ---------------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------------

/** SPBE.INDEX(values, [framework]): the index at full precision. */
export function spbeIndex(values: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    return fastIndex(read) ?? toDouble(scoreIndex(read.fw, read.entries));
  });
}

/** SPBE.ASPECT(values, aspect, [framework]). */
export function spbeAspect(values: unknown, aspect: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const no = numberArg(aspect, 'argAspect', lang);
    if (isFnError(no)) return no;
    const max = read.fw.aspects.length;
    const found = read.fw.aspects.findIndex((a) => a.no === no);
    if (found < 0) return fail('#VALUE!', 'ASPECT_UNKNOWN', msg(lang, 'aspectRange', { value: no, framework: read.fw.id, max }));
    return score(read.fw, read.entries).aspects[found].index;
  });
}

/** SPBE.DOMAIN(values, domain, [framework]). */
export function spbeDomain(values: unknown, domain: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const no = numberArg(domain, 'argDomain', lang);
    if (isFnError(no)) return no;
    if (read.fw.domains.length === 0) return fail('#N/A', 'NO_DOMAINS', msg(lang, 'noDomains', { framework: read.fw.id }));
    const found = read.fw.domains.findIndex((d) => d.no === no);
    if (found < 0)
      return fail('#VALUE!', 'DOMAIN_UNKNOWN', msg(lang, 'domainRange', { value: no, framework: read.fw.id, max: read.fw.domains.length }));
    return score(read.fw, read.entries).domains[found].index;
  });
}

const BASIS_WORDS: Readonly<Record<string, PredicateBasis>> = {
  exact: 'exact',
  penuh: 'exact',
  tepat: 'exact',
  rounded: 'rounded',
  round: 'rounded',
  bulat: 'rounded',
  dibulatkan: 'rounded',
};

function basisArg(x: unknown, lang: Lang): PredicateBasis | FnError {
  if (omitted(x)) return 'exact';
  const text = displayValue(cellOf(x));
  const b = BASIS_WORDS[text.trim().toLowerCase()];
  return b ?? fail('#VALUE!', 'BASIS_UNKNOWN', msg(lang, 'badBasis', { value: text }));
}

/** The framework of functions that get no values: the argument, or spbe2020 (the 2021–2025 evaluations). */
function frameworkOrDefault(x: unknown, lang: Lang): Framework | FnError {
  const fw = frameworkArg(x, lang);
  return fw === null ? SPBE2020 : fw;
}

/** SPBE.PREDICATE(index, [framework], [basis]). */
export function spbePredicate(index: unknown, framework?: unknown, basis?: unknown, lang: Lang = 'id'): Fn<string> {
  return guard(lang, () => {
    const v = numberArg(index, 'argIndex', lang);
    if (isFnError(v)) return v;
    const fw = frameworkOrDefault(framework, lang);
    if (isFnError(fw)) return fw;
    const b = basisArg(basis, lang);
    if (isFnError(b)) return b;
    const r = fromNumber(v);
    if (r === null || v < 1 || v > 5) return fail('#VALUE!', 'INDEX_OUT_OF_RANGE', msg(lang, 'indexRange', { value: String(v) }));
    return predicateFor(fw, r, b).name;
  });
}

/** An indicator argument (7, "7", "35-2") checked against the framework. */
function indicatorArg(x: unknown, fw: Framework, lang: Lang): { no: number; entry: number; key: string } | FnError {
  const name = msg(lang, 'argIndicator');
  if (omitted(x)) return fail('#VALUE!', 'ARGUMENT_MISSING', msg(lang, 'argMissing', { name }));
  const c = cellOf(x);
  const key = parseIndicatorKey(typeof c === 'string' ? c.trim() : c);
  if (key === null) return fail('#VALUE!', 'NOT_A_NUMBER', msg(lang, 'argNotNumber', { name, value: displayValue(c) }));
  const max = fw.indicators.length;
  if (key.no > max) return fail('#VALUE!', 'INDICATOR_UNKNOWN', msg(lang, 'indicatorRange', { value: key.key, framework: fw.id, max }));
  if (key.entry > 1 && (!fw.repeatable || fw.repeatable.indicator !== key.no || key.entry > fw.repeatable.maxEntries)) {
    return fail('#VALUE!', 'INDICATOR_UNKNOWN', msg(lang, 'indicatorRange', { value: key.key, framework: fw.id, max }));
  }
  return key;
}

/** SPBE.WEIGHT(indicator, [framework]): the weight in percent (1.3 means 1.30 %). */
export function spbeWeight(indicator: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const fw = frameworkOrDefault(framework, lang);
    if (isFnError(fw)) return fw;
    const key = indicatorArg(indicator, fw, lang);
    if (isFnError(key)) return key;
    if (key.entry > 1) return fail('#VALUE!', 'WEIGHT_OF_ENTRY', msg(lang, 'weightOfEntry', { value: key.key, indicator: key.no }));
    const w = entryWeights(fw, [{ key: key.key, no: key.no, entry: 1 }]).get(key.key);
    return w ? toDouble(w) : fail('#N/A', 'INDICATOR_UNKNOWN', msg(lang, 'indicatorRange', { value: key.key, framework: fw.id, max: fw.indicators.length }));
  });
}

/** SPBE.LEVEL(text, [framework], [indicator]): the numeric level of any accepted spelling. */
export function spbeLevel(textValue: unknown, framework?: unknown, indicator?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const fw = frameworkArg(framework, lang);
    if (isFnError(fw)) return fw;
    let no: number | undefined;
    if (!omitted(indicator)) {
      if (fw !== null) {
        const key = indicatorArg(indicator, fw, lang);
        if (isFnError(key)) return key;
        no = key.no;
      } else {
        const c = cellOf(indicator);
        const key = parseIndicatorKey(typeof c === 'string' ? c.trim() : c);
        if (key === null)
          return fail('#VALUE!', 'NOT_A_NUMBER', msg(lang, 'argNotNumber', { name: msg(lang, 'argIndicator'), value: displayValue(c) }));
        no = key.no;
      }
    }
    const p = parseLevel(cellOf(textValue), fw, no);
    if (!p.ok) return levelError(p, fw, msg(lang, 'posArgument', { name: msg(lang, 'argText') }), lang);
    return toDouble(p.level);
  });
}

const FIVE = rational(5);

/** SPBE.UPLIFT(values, indicator, [toLevel], [framework]): index points gained, all else equal. */
export function spbeUplift(values: unknown, indicator: unknown, toLevel?: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const key = indicatorArg(indicator, read.fw, lang);
    if (isFnError(key)) return key;
    const entry = read.entries.find((e) => e.key === key.key);
    if (!entry) return fail('#N/A', 'NOT_IN_VALUES', msg(lang, 'notInValues', { indicator: key.key }));
    let to: Rational;
    if (omitted(toLevel)) {
      const next = floor(entry.level) + BigInt(1);
      to = next > BigInt(5) ? FIVE : rational(next);
    } else {
      const p = parseLevel(cellOf(toLevel), read.fw, key.no);
      if (!p.ok) return levelError(p, read.fw, msg(lang, 'posArgument', { name: msg(lang, 'argToLevel') }), lang);
      to = p.level;
    }
    return toDouble(indicatorUplift(read.fw, read.entries, key.key, to));
  });
}

function targetArg(x: unknown, fw: Framework, lang: Lang): TargetRequest | FnError {
  if (omitted(x)) return { mode: 'next' };
  const c = cellOf(x);
  if (typeof c === 'number') {
    const r = fromNumber(c);
    if (r !== null) return { mode: 'index', value: r };
  }
  if (typeof c === 'string') {
    const t = c.trim();
    if (/^(?:tingkat|level)\b/i.test(t)) {
      const p = parseLevel(t, fw);
      if (p.ok && p.level.den === BigInt(1)) return { mode: 'level', level: Number(p.level.num) };
      return fail('#VALUE!', 'TARGET_UNKNOWN', msg(lang, 'badTarget', { value: t }));
    }
    const idx = parseTargetIndex(t);
    if (idx !== null) return { mode: 'index', value: idx };
    if (/^[\p{L} ]+$/u.test(t)) return { mode: 'predicate', name: t };
  }
  return fail('#VALUE!', 'TARGET_UNKNOWN', msg(lang, 'badTarget', { value: displayValue(c) }));
}

/** The plan's rows as Excel cells: [indicator, from, to, points]; the indicator is a number, or text for "35-2". */
export type PlanTable = Array<Array<string | number>>;

/** SPBE.PLAN(values, target, [framework]): a table with a header row (indicator, from, to, points), in priority order. */
export function spbePlan(values: unknown, target: unknown, framework?: unknown, lang: Lang = 'id'): Fn<PlanTable> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const request = targetArg(target, read.fw, lang);
    if (isFnError(request)) return request;
    const entries: PlanEntry[] = read.entries.map((e) => ({ key: e.key, no: e.no, entry: e.entry, level: e.level, target: null }));
    const plan = planGap(read.fw, entries, request);
    if (isPlanUsageError(plan)) return fail('#VALUE!', plan.code, plan.message[lang]);
    if (!plan.reachable)
      return fail('#N/A', plan.reason ? plan.reason.code : 'TARGET_UNREACHABLE', plan.reason ? plan.reason.message[lang] : msg(lang, 'badTarget', { value: displayValue(cellOf(target)) }));
    const table: PlanTable = [[msg(lang, 'headerIndicator'), msg(lang, 'headerFrom'), msg(lang, 'headerTo'), msg(lang, 'headerPoints')]];
    // One row per indicator, from its level to its target (the plan may take more than one cycle to get there).
    for (const s of planSteps(plan, { byCycle: false })) table.push([s.key.includes('-') ? s.key : s.no, s.from, s.to, s.uplift]);
    return table;
  });
}

/** SPBE.CHECK(values, [framework]): "OK", or the first problem in words. Never an error value. */
export function spbeCheck(values: unknown, framework?: unknown, lang: Lang = 'id'): string {
  const r = guard(lang, () => {
    const read = readValues(values, framework, lang);
    return isFnError(read) ? read : msg(lang, 'ok');
  });
  return isFnError(r) ? r.message : r;
}
