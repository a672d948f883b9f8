/**
 * The custom functions SPBE.* as plain functions: no Office, no CustomFunctions, no DOM. Each takes
 * the arguments as Excel passes them (numbers, text, booleans, null for an empty cell, error objects
 * for error cells, 2-D arrays for ranges) and returns its result or a tagged error value (`FnError`)
 * that src/functions/functions.ts maps to a CustomFunctions.Error. Nothing here throws: an
 * unexpected exception becomes a #VALUE! error with a message.
 *
 * The rules are the core's, not copies: levels through parseLevel, the entries of a range through the
 * entry collector (src/core/entries.ts: unknown, repeated, duplicate and missing indicators, as for a
 * worksheet), the index through the scoring engine, errors from the problem table (src/core/problems.ts:
 * the Excel error value and the message of each code).
 *
 * A range of values is either
 * - one row or one column in framework order, one value per indicator (`FRAMEWORK_COUNTS`);
 * - two columns (indicator number, level) in any order, one indicator per row (spbe2018 repeats
 *   of indicator 35 as "35-2", "35-3"); a header row and empty rows are skipped. (Two rows with
 *   numbers above levels are read the same way.)
 * Without a framework argument, the framework follows from the values: their number, and where several
 * frameworks have that many indicators, the levels that fit only one of them; when still more than one
 * fits, the function asks for the framework argument (FRAMEWORK_AMBIGUOUS) rather than guess.
 */
import type { CellValue, Framework, Lang, PredicateBasis, Rational } from '../core/types';
import { FRAMEWORKS, getFramework } from '../core/frameworks';
import { displayValue, parseIndicatorKey, parseLevel } from '../core/levels';
import { entryWeights, indexValue, indicatorUplift, MILLI_DEN, predicateFor, score } from '../core/scoring';
import { collectEntries, levelFacts, type CollectedEntry, type EntryList, type LevelList, type RawEntry } from '../core/entries';
import { entryStatus, frameworkIndex, sharedOfNumber, type SharedEntry } from '../core/framework-index';
import { describe, excelErrorOf, facts, type ExcelError, type Location, type MessageArgs, type ProblemCode, type ProblemFacts, type VariantOf } from '../core/problems';
import { isPlanUsageError, parseTargetIndex, planGap, planSteps, type PlanEntry, type TargetRequest } from '../core/planner';
import { planProblem } from '../app/plan';
import { catalogues, format } from '../core/i18n';
import { floor, fromNumber, rational, toNumber } from '../core/rational';
import { ARG, DEFAULT_FRAMEWORK, frameworkChoices } from './parameters';

// ---------------------------------------------------------------------------------------------
// Errors as values
// ---------------------------------------------------------------------------------------------

/**
 * The Excel errors the functions return: only the two that carry a message. Excel shows the message
 * of #VALUE! and #N/A in the cell's error menu but drops any message given with #NUM! (Microsoft:
 * "a custom error message can't be used" with invalidNumber), so a number out of range (aspect 9,
 * indicator 48, index 7) is a #VALUE! whose message names the value, not a bare #NUM!.
 */
export type ExcelErrorCode = ExcelError;

/** A function's error result: the problem table's Excel error and message for the problem's code. */
export interface FnError {
  readonly kind: 'fn-error';
  readonly code: ExcelErrorCode;
  /** Stable problem code, e.g. "LEVEL_NOT_A_LEVEL", "BAD_COUNT". */
  readonly problem: ProblemCode;
  /** What is wrong and where, in the user's language. */
  readonly message: string;
}

export type Fn<T> = T | FnError;

export function isFnError(x: unknown): x is FnError {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'fn-error';
}

/** The error value of a problem: its Excel error and its message as a function says it. */
export function fnError(f: ProblemFacts, lang: Lang): FnError {
  return { kind: 'fn-error', code: excelErrorOf(f.code), problem: f.code, message: describe(f, lang, 'function') };
}

function fail<C extends ProblemCode>(lang: Lang, code: C, args: MessageArgs = {}, extra: { at?: Location | null; variant?: VariantOf<C>; indicator?: string | null } = {}): FnError {
  return fnError(facts(code, extra.at ?? null, args, { variant: extra.variant, indicator: extra.indicator }), lang);
}

/** The error value of an exception (a bug): a #VALUE! error instead of an exception escaping to Excel. */
function internal(lang: Lang, e: unknown): FnError {
  return fail(lang, 'INTERNAL', { message: e instanceof Error ? e.message : textOf(e) });
}

/** Runs a function body; an exception (a bug) becomes a #VALUE! error instead of escaping to Excel. */
function guard<T>(lang: Lang, body: () => Fn<T>): Fn<T> {
  try {
    return body();
  } catch (e) {
    return internal(lang, e);
  }
}

function word(lang: Lang, key: 'ok' | 'headerIndicator' | 'headerFrom' | 'headerTo' | 'headerPoints'): string {
  return format(catalogues[lang].functions[key]);
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

/** The framework argument: null when left out, an error when it names no framework. */
function frameworkArg(x: unknown, lang: Lang): Framework | null | FnError {
  if (omitted(x)) return null;
  const text = typeof x === 'string' ? x : displayValue(cellOf(x));
  const fw = getFramework(text);
  if (fw) return fw;
  return fail(lang, 'FRAMEWORK_UNKNOWN', { framework: text.trim(), known: frameworkChoices(), regulation: DEFAULT_FRAMEWORK.regulation.number });
}

function argumentAt(name: keyof typeof ARG): Location {
  return { kind: 'argument', name: ARG[name] };
}

/** A number argument: numbers, or text such as "2,6" / "2.6". */
function numberArg(x: unknown, name: keyof typeof ARG, lang: Lang): number | FnError {
  const at = argumentAt(name);
  if (omitted(x)) return fail(lang, 'ARGUMENT_MISSING', {}, { at });
  const c = cellOf(x);
  if (typeof c === 'number') return c;
  if (typeof c === 'string') {
    const t = c.trim().replace(',', '.');
    if (/^[+-]?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  }
  return fail(lang, 'NOT_A_NUMBER', { value: displayValue(c) }, { at });
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
  readonly entries: ReadonlyArray<CollectedEntry>;
}

const NO_FRAMEWORKS: ReadonlyArray<Framework> = [];

/** The frameworks with `count` indicators (memoised by count, afresh when the registry grows). */
const byCount = new Map<number, ReadonlyArray<Framework>>();
let registry: ReadonlyArray<Framework> = [...FRAMEWORKS];
function frameworksWithCount(count: number): ReadonlyArray<Framework> {
  let same = registry.length === FRAMEWORKS.length;
  for (let i = 0; same && i < registry.length; i++) same = registry[i] === FRAMEWORKS[i];
  if (!same) {
    byCount.clear();
    registry = [...FRAMEWORKS];
  }
  let list = byCount.get(count);
  if (!list) {
    list = FRAMEWORKS.filter((f) => f.indicators.length === count);
    byCount.set(count, list);
  }
  return list;
}

/** "35 (spbe2018), 47 (spbe2020) atau 20 (pemdi2026)": the counts of one row or column, from the framework data. */
function countsArg(): MessageArgs[string] {
  return { list: FRAMEWORKS.map((f) => `${f.indicators.length} (${f.id})`), last: 'or' };
}

/** "35-2 dan 35-3": the repeated entries a framework allows. */
function repeatsOf(fw: Framework): MessageArgs[string] {
  const rep = fw.repeatable;
  if (!rep) return '';
  const keys: string[] = [];
  for (let e = 2; e <= rep.maxEntries; e++) keys.push(`${rep.indicator}-${e}`);
  return { list: keys, last: 'and' };
}

/** The message that a one-row or one-column range has no framework's count of values. */
function badCount(count: number, lang: Lang): FnError {
  const repeatable = FRAMEWORKS.filter((f) => f.repeatable);
  if (repeatable.length === 0) return fail(lang, 'BAD_COUNT', { count, counts: countsArg() }, { variant: 'BAD_COUNT_PLAIN' });
  const repeats = { list: repeatable.map((f) => ({ concat: [repeatsOf(f), ` (${f.id})`] })) };
  return fail(lang, 'BAD_COUNT', { count, counts: countsArg(), repeats });
}

/** Asks for the framework argument: the values fit several frameworks alike. */
function ambiguous(count: number, candidates: ReadonlyArray<Framework>, lang: Lang): FnError {
  return fail(lang, 'FRAMEWORK_AMBIGUOUS', { count, candidates: { list: candidates.map((f) => f.id), last: 'or' }, example: candidates[0].id });
}

/**
 * Of several frameworks the values could belong to, the one they fit without an error; an error asking
 * for the framework argument when none or more than one does (a new framework with as many indicators as
 * an older one is never silently taken for it).
 */
function onlyFitting(candidates: ReadonlyArray<Framework>, count: number, collect: (fw: Framework) => ReadValues | FnError, lang: Lang): ReadValues | FnError {
  const fitting: ReadValues[] = [];
  for (const fw of candidates) {
    const r = collect(fw);
    if (!isFnError(r)) fitting.push(r);
  }
  return fitting.length === 1 ? fitting[0] : ambiguous(count, candidates, lang);
}

/** True when a line of values starts with a header cell ("Tingkat", "Nilai Akhir") that is not part of the values. */
function startsWithHeader(first: unknown, count: number, given: Framework | null): boolean {
  if (typeof first !== 'string' || /\d/.test(first) || first.trim() === '') return false;
  const fits = given ? given.indicators.length === count - 1 : frameworksWithCount(count - 1).length > 0 && frameworksWithCount(count).length === 0;
  return fits && !parseLevel(first, given).ok;
}

/** The first error of collected entries, or the entries. */
function collected(fw: Framework, list: EntryList | LevelList, lang: Lang): ReadValues | FnError {
  const c = collectEntries(fw, list, COLLECT);
  for (const p of c.problems) if (excelErrorOrNull(p) !== null) return fnError(p, lang);
  return { fw, entries: c.entries };
}

const COLLECT = { firstError: true, cellValue: cellOf } as const;

/** The Excel error of a problem that is an error (a warning, such as a duplicate with the same level, is none). */
function excelErrorOrNull(p: ProblemFacts): ExcelError | null {
  return p.code === 'INDICATOR_DUPLICATE' ? null : excelErrorOf(p.code);
}

/**
 * The values of a one-row or one-column range, in framework order, each located by its position (a class:
 * one object per call). Its fields are `declare`d and set in the constructor: compiled class fields would
 * be defined one by one (Object.defineProperty), which costs more than the whole read on this path.
 */
class RangeLevels implements LevelList {
  declare private readonly m: ReadonlyArray<ReadonlyArray<unknown>>;
  declare private readonly isRow: boolean;
  declare private readonly skip: number;
  declare readonly count: number;

  constructor(m: ReadonlyArray<ReadonlyArray<unknown>>, isRow: boolean, skip: number, count: number) {
    this.m = m;
    this.isRow = isRow;
    this.skip = skip;
    this.count = count;
  }

  level(i: number): unknown {
    return this.isRow ? this.m[0][i + this.skip] : this.m[i + this.skip][0];
  }

  at(i: number): Location {
    return { kind: 'value', pos: i + 1 };
  }
}

function readLinear(m: ReadonlyArray<ReadonlyArray<unknown>>, isRow: boolean, total: number, given: Framework | null, lang: Lang): ReadValues | FnError {
  // A header cell selected with the column (G6:G53 instead of G7:G53) is skipped.
  const skip = startsWithHeader(m[0][0], total, given) ? 1 : 0;
  const count = total - skip;
  const list = new RangeLevels(m, isRow, skip, count);
  if (given) {
    const n = given.indicators.length;
    if (count === n) return collected(given, list, lang);
    const args = { count, frameworkId: given.id, expected: n };
    if (given.repeatable && count > n) return fail(lang, 'BAD_COUNT', { ...args, repeats: repeatsOf(given) }, { variant: 'BAD_COUNT_FOR_FRAMEWORK_REPEATS' });
    return fail(lang, 'BAD_COUNT', args, { variant: 'BAD_COUNT_FOR_FRAMEWORK' });
  }
  const candidates = frameworksWithCount(count);
  if (candidates.length === 0) return badCount(count, lang);
  if (candidates.length === 1) return collected(candidates[0], list, lang);
  return onlyFitting(candidates, count, (fw) => collected(fw, list, lang), lang);
}

function isEmpty(c: CellValue): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

/** Two columns (or rows): indicator keys and levels, each pair located at its row. */
function readPairs(
  rows: number,
  keyAt: (r: number) => unknown,
  valueAt: (r: number) => unknown,
  given: Framework | null,
  lang: Lang,
): ReadValues | FnError {
  const items: Array<RawEntry & { readonly pos: number }> = [];
  for (let r = 0; r < rows; r++) {
    const k = cellOf(keyAt(r));
    const v = cellOf(valueAt(r));
    if (isEmpty(k) && isEmpty(v)) continue;
    const key = parseIndicatorKey(typeof k === 'string' ? k.trim() : k);
    if (key === null) {
      // A header row ("No", "Tingkat") above the pairs is skipped.
      if (items.length === 0 && typeof k === 'string' && !/\d/.test(k) && (typeof v === 'string' || v === null)) continue;
      return fail(lang, 'INDICATOR_NOT_A_NUMBER', { value: displayValue(k) }, { at: { kind: 'pair', pos: r + 1 } });
    }
    items.push({ key: key.key, no: key.no, entry: key.entry, raw: v, pos: r + 1 });
  }
  const list: EntryList = { items, at: (i) => ({ kind: 'pair', pos: items[i].pos }) };
  if (given) return collected(given, list, lang);

  let max = 0;
  for (const p of items) if (p.no > max) max = p.no;
  const flags = new Uint8Array(max + 1);
  let distinct = 0;
  for (const p of items) {
    if (flags[p.no] === 0) {
      flags[p.no] = 1;
      distinct++;
    }
  }
  const candidates = max <= distinct ? frameworksWithCount(distinct) : NO_FRAMEWORKS;
  if (candidates.length === 1) return collected(candidates[0], list, lang);
  if (candidates.length > 1) return onlyFitting(candidates, distinct, (fw) => collected(fw, list, lang), lang);
  // Not a complete set: the smallest framework that has the highest number, so the message can say what is missing.
  const bySize = [...FRAMEWORKS].sort((a, b) => a.indicators.length - b.indicators.length);
  const fw = bySize.find((f) => f.indicators.length >= max && max > 0);
  if (!fw) return fail(lang, 'BAD_COUNT', { count: distinct, max, example: DEFAULT_FRAMEWORK.id }, { variant: 'BAD_COUNT_PAIRS' });
  return collected(fw, list, lang);
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
  if (rows === 0 || cols === 0) return badCount(0, lang);
  if (cols === 2 && rows > 1) return readPairs(rows, (r) => m[r][0], (r) => m[r][1], given, lang);
  if (rows === 2 && cols > 2) return readPairs(cols, (c) => m[0][c], (c) => m[1][c], given, lang);
  if (rows === 1) return readLinear(m, true, cols, given, lang);
  if (cols === 1) return readLinear(m, false, rows, given, lang);
  return fail(lang, 'BAD_SHAPE', { rows, cols });
}

// ---------------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------------

/**
 * SPBE.INDEX's fast path: a one-column (or one-row) range of numbers, one per indicator, of the one framework with
 * that many indicators (or the framework argument's), every number a level that is a whole number of thousandths.
 * Then readValues would collect exactly the framework's shared entries in order and indexValue would return
 * Σ milliPoints / MILLI_DEN: this computes that sum without collecting. -1 for anything else (the general path
 * then reads, checks and reports as always).
 */
function linearIndex(values: unknown, framework: unknown): number {
  if (!Array.isArray(values)) return -1;
  let fw: Framework;
  if (framework === null || framework === undefined) {
    const candidates = frameworksWithCount(values.length);
    if (candidates.length !== 1) return -1;
    fw = candidates[0];
  } else {
    const f = typeof framework === 'string' ? knownFramework(framework) : null;
    if (f === null || f.indicators.length !== values.length) return -1;
    fw = f;
  }
  const ix = frameworkIndex(fw);
  const n = ix.n;
  const shared = ix.shared;
  const base = ix.tagBase;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const row: unknown = values[i];
    if (!Array.isArray(row) || row.length !== 1) return -1;
    const v: unknown = row[0];
    if (typeof v !== 'number') return -1;
    const no = i + 1;
    let e: SharedEntry;
    if (v >= 1 && v <= 5 && Math.floor(v) === v) e = shared[no * 6 + v] as SharedEntry;
    else {
      if (!Number.isFinite(v)) return -1;
      const got = sharedOfNumber(ix, no, v) as Partial<SharedEntry>;
      if (got.tag !== base + no) return -1;
      e = got as SharedEntry;
    }
    sum += e.milliPoints;
  }
  return sum / MILLI_DEN;
}

/** getFramework(text), remembering the last text it found a framework for (a formula passes the same text on every call). */
let lastFrameworkText: string | null = null;
let lastFramework: Framework | null = null;
let lastFrameworkCount = -1;
function knownFramework(text: string): Framework | null {
  if (text === lastFrameworkText && lastFrameworkCount === FRAMEWORKS.length) return lastFramework;
  const fw = getFramework(text);
  if (fw === null) return null;
  lastFrameworkText = text;
  lastFramework = fw;
  lastFrameworkCount = FRAMEWORKS.length;
  return fw;
}

/** SPBE.INDEX(values, [framework]): the index at full precision. */
export function spbeIndex(values: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  // guard() without its closure: this is the hot call (Excel recalculates it constantly)
  try {
    const fast = linearIndex(values, framework);
    if (fast >= 0) return fast;
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    return indexValue(read.fw, read.entries);
  } catch (e) {
    return internal(lang, e);
  }
}

/** SPBE.ASPECT(values, aspect, [framework]). */
export function spbeAspect(values: unknown, aspect: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const no = numberArg(aspect, 'aspect', lang);
    if (isFnError(no)) return no;
    const found = read.fw.aspects.findIndex((a) => a.no === no);
    if (found < 0) return fail(lang, 'ASPECT_UNKNOWN', { value: no, frameworkId: read.fw.id, max: read.fw.aspects.length });
    return score(read.fw, read.entries).aspects[found].index;
  });
}

/** SPBE.DOMAIN(values, domain, [framework]). */
export function spbeDomain(values: unknown, domain: unknown, framework?: unknown, lang: Lang = 'id'): Fn<number> {
  return guard(lang, () => {
    const read = readValues(values, framework, lang);
    if (isFnError(read)) return read;
    const no = numberArg(domain, 'domain', lang);
    if (isFnError(no)) return no;
    if (read.fw.domains.length === 0) return fail(lang, 'NO_DOMAINS', { frameworkId: read.fw.id });
    const found = read.fw.domains.findIndex((d) => d.no === no);
    if (found < 0) return fail(lang, 'DOMAIN_UNKNOWN', { value: no, frameworkId: read.fw.id, max: read.fw.domains.length });
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
  return b ?? fail(lang, 'BASIS_UNKNOWN', { value: text });
}

/** The framework of functions that get no values: the argument, or the default (DEFAULT_FRAMEWORK). */
function frameworkOrDefault(x: unknown, lang: Lang): Framework | FnError {
  const fw = frameworkArg(x, lang);
  return fw === null ? DEFAULT_FRAMEWORK : fw;
}

/** SPBE.PREDICATE(index, [framework], [basis]). */
export function spbePredicate(index: unknown, framework?: unknown, basis?: unknown, lang: Lang = 'id'): Fn<string> {
  return guard(lang, () => {
    const v = numberArg(index, 'index', lang);
    if (isFnError(v)) return v;
    const fw = frameworkOrDefault(framework, lang);
    if (isFnError(fw)) return fw;
    const b = basisArg(basis, lang);
    if (isFnError(b)) return b;
    const r = fromNumber(v);
    if (r === null || v < 1 || v > 5) return fail(lang, 'INDEX_OUT_OF_RANGE', { value: String(v) });
    return predicateFor(fw, r, b).name;
  });
}

/** An indicator argument (7, "7", "35-2") checked against the framework. */
function indicatorArg(x: unknown, fw: Framework, lang: Lang): { no: number; entry: number; key: string } | FnError {
  const at = argumentAt('indicator');
  if (omitted(x)) return fail(lang, 'ARGUMENT_MISSING', {}, { at });
  const c = cellOf(x);
  const key = parseIndicatorKey(typeof c === 'string' ? c.trim() : c);
  if (key === null) return fail(lang, 'NOT_A_NUMBER', { value: displayValue(c) }, { at });
  if (entryStatus(frameworkIndex(fw), key.no, key.entry) !== 'ok') {
    return fail(lang, 'INDICATOR_UNKNOWN', { value: key.key, frameworkId: fw.id, count: fw.indicators.length }, { variant: 'INDICATOR_UNKNOWN_ARGUMENT' });
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
    if (key.entry > 1) return fail(lang, 'WEIGHT_OF_ENTRY', { value: key.key, number: key.no });
    return toDouble(entryWeights(fw, [{ key: key.key, no: key.no, entry: 1 }]).get(key.key) as Rational);
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
        if (key === null) return fail(lang, 'NOT_A_NUMBER', { value: displayValue(c) }, { at: argumentAt('indicator') });
        no = key.no;
      }
    }
    const raw = cellOf(textValue);
    const p = parseLevel(raw, fw, no);
    if (!p.ok) return fnError(levelFacts(p, fw, argumentAt('text'), null, raw), lang);
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
    if (!entry) return fail(lang, 'NOT_IN_VALUES', {}, { indicator: key.key });
    let to: Rational;
    if (omitted(toLevel)) {
      const next = floor(entry.level) + BigInt(1);
      to = next > BigInt(5) ? FIVE : rational(next);
    } else {
      const raw = cellOf(toLevel);
      const p = parseLevel(raw, read.fw, key.no);
      if (!p.ok) return fnError(levelFacts(p, read.fw, argumentAt('toLevel'), null, raw), lang);
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
      return fail(lang, 'TARGET_UNKNOWN', { value: t });
    }
    const idx = parseTargetIndex(t);
    if (idx !== null) return { mode: 'index', value: idx };
    if (/^[\p{L} ]+$/u.test(t)) return { mode: 'predicate', name: t };
  }
  return fail(lang, 'TARGET_UNKNOWN', { value: displayValue(c) });
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
    if (isPlanUsageError(plan)) return worded(planProblem(plan), lang);
    if (!plan.reachable) {
      return plan.reason ? worded(planProblem(plan.reason), lang) : fail(lang, 'TARGET_UNREACHABLE', { value: displayValue(cellOf(target)) });
    }
    const table: PlanTable = [[word(lang, 'headerIndicator'), word(lang, 'headerFrom'), word(lang, 'headerTo'), word(lang, 'headerPoints')]];
    // One row per indicator, from its level to its target (the plan may take more than one cycle to get there).
    for (const s of planSteps(plan, { byCycle: false })) table.push([s.key.includes('-') ? s.key : s.no, s.from, s.to, s.uplift]);
    return table;
  });
}

/** The error value of a problem worded by the planner (its own message, the table's Excel error). */
function worded(p: { code: ProblemCode; message: Readonly<Record<Lang, string>> }, lang: Lang): FnError {
  return { kind: 'fn-error', code: excelErrorOf(p.code), problem: p.code, message: p.message[lang] };
}

/** SPBE.CHECK(values, [framework]): "OK", or the first problem in words. Never an error value. */
export function spbeCheck(values: unknown, framework?: unknown, lang: Lang = 'id'): string {
  let r: Fn<string>;
  try {
    const read = readValues(values, framework, lang);
    r = isFnError(read) ? read : word(lang, 'ok');
  } catch (e) {
    r = internal(lang, e);
  }
  return isFnError(r) ? r.message : r;
}
