/**
 * The framework index: everything the rules look up about a framework, built once per framework and
 * memoised (a WeakMap keyed by the framework object). Scoring, the entry collector, validation, the
 * report and the worksheet reader all ask it, so "is this entry allowed in this framework", "what does it
 * weigh" and "which aspect is it in" have one answer.
 *
 * Indicator numbers are 1..n (checked when the index is built). Aspects and domains are addressed by
 * their position in the framework's lists.
 */
import type { Framework, IndicatorDef, PredicateBand, Rational } from './types';
import { indicatorKey, parseLevel, type LevelFailure } from './levels';
import { rational } from './rational';

/**
 * One scored entry with its whole level shared: the framework index holds one immutable object per
 * indicator and whole level 1–5, so reading a plain level allocates nothing. `points` is level × the
 * indicator's weight in basis points (its share of Σ level × weight / 10000 when no weight is spread).
 */
export interface SharedEntry {
  readonly key: string;
  readonly no: number;
  readonly entry: 1;
  readonly level: Rational;
  /** The whole level 1–5 (0 for a decimal level, see sharedOfNumber). */
  readonly whole: number;
  /** level × the indicator's weight in basis points (a fraction for a decimal level). */
  readonly points: number;
  /** level × 1000 × the weight in basis points: an exact integer (the level is a whole number of thousandths), the unit scoring sums in. */
  readonly milliPoints: number;
  /** FrameworkIndex.tagBase + no: tells in one comparison that this is indicator `no`'s shared entry of that framework. */
  readonly tag: number;
}

export interface FrameworkIndex {
  readonly fw: Framework;
  /** Number of indicators; numbers are 1..n. */
  readonly n: number;
  /** By indicator number (index 0 unused): weight in basis points, aspect position (0-based). */
  readonly indWeight: Int32Array;
  readonly indAspect: Int32Array;
  /** By indicator number: its definition. */
  readonly defs: ReadonlyArray<IndicatorDef | undefined>;
  /** By indicator number: its key ("7"). */
  readonly keys: ReadonlyArray<string>;
  /** By aspect position: weight (bp), domain position (-1 without domains), number of indicators. */
  readonly aspWeight: Int32Array;
  readonly aspDomain: Int32Array;
  readonly aspCount: Int32Array;
  readonly domWeight: Int32Array;
  /** Repeatable indicator number (0 = none), its most entries (1 = none), its aspect position (-1 = none). */
  readonly repNo: number;
  readonly repMax: number;
  readonly spreadAspect: number;
  /** Predicate bands, ascending. */
  readonly bands: ReadonlyArray<PredicateBand>;
  /** shared[no * 6 + k]: the shared entry of indicator `no` at whole level k (1..5). */
  readonly shared: ReadonlyArray<SharedEntry | undefined>;
  /** Entries of decimal levels given as numbers (2.75), by value: see sharedOfNumber. */
  readonly decimals: Map<number, DecimalRow>;
  /** The same rows of numbers 0–5 by their value in thousandths rounded (2.75 → 2750): found without hashing a double. */
  readonly decimalSlots: Array<DecimalRow | undefined>;
  /** Unique to this index: its shared entries are tagged tagBase + no (scoring's fast path checks a set in one pass). */
  readonly tagBase: number;
  /** Scratch buffers (synchronous code, never re-entered): indicators seen, aspect and domain sums (scoring), first item of each indicator (entry collector). */
  readonly seen: Uint8Array;
  readonly firstOf: Int32Array;
  readonly acc: Float64Array;
  readonly dom: Float64Array;
}

const indexes = new WeakMap<Framework, FrameworkIndex>();

/** The last index asked for: a custom function asks for the same framework again and again (a WeakMap look-up costs more). */
let last: FrameworkIndex | null = null;

/** The framework's index (built on first use; a framework whose data is inconsistent throws, naming the fault). */
export function frameworkIndex(fw: Framework): FrameworkIndex {
  if (last !== null && last.fw === fw) return last;
  let ix = indexes.get(fw);
  if (!ix) {
    ix = build(fw);
    indexes.set(fw, ix);
  }
  last = ix;
  return ix;
}

function build(fw: Framework): FrameworkIndex {
  const n = fw.indicators.length;
  const aspectPos = new Map<number, number>();
  fw.aspects.forEach((a, i) => aspectPos.set(a.no, i));
  const domainPos = new Map<number, number>();
  fw.domains.forEach((d, i) => domainPos.set(d.no, i));
  const indWeight = new Int32Array(n + 1);
  const indAspect = new Int32Array(n + 1).fill(-1);
  const aspCount = new Int32Array(fw.aspects.length);
  const defs: Array<IndicatorDef | undefined> = new Array(n + 1);
  const keys: string[] = new Array(n + 1).fill('');
  for (const ind of fw.indicators) {
    if (!Number.isInteger(ind.no) || ind.no < 1 || ind.no > n || indAspect[ind.no] !== -1) {
      throw new Error(`framework ${fw.id}: indicator numbers must be 1..${n}, each once (bad ${ind.no})`);
    }
    const a = aspectPos.get(ind.aspect);
    if (a === undefined) throw new Error(`framework ${fw.id}: indicator ${ind.no} names unknown aspect ${ind.aspect}`);
    indWeight[ind.no] = ind.weight;
    indAspect[ind.no] = a;
    aspCount[a]++;
    defs[ind.no] = ind;
    keys[ind.no] = indicatorKey(ind.no);
  }
  const aspWeight = Int32Array.from(fw.aspects, (a) => a.weight);
  const aspDomain = Int32Array.from(fw.aspects, (a) => {
    if (a.domain === undefined || fw.domains.length === 0) return -1;
    const d = domainPos.get(a.domain);
    if (d === undefined) throw new Error(`framework ${fw.id}: aspect ${a.no} names unknown domain ${a.domain}`);
    return d;
  });
  const domWeight = Int32Array.from(fw.domains, (d) => d.weight);
  const rep = fw.repeatable;
  const repNo = rep ? rep.indicator : 0;
  if (rep && (repNo < 1 || repNo > n)) throw new Error(`framework ${fw.id}: repeatable indicator ${repNo} does not exist`);
  const bands = [...fw.predicates].sort((x, y) => x.min - y.min);
  if (bands.length === 0) throw new Error(`framework ${fw.id}: no predicate bands`);
  const shared: Array<SharedEntry | undefined> = new Array((n + 1) * 6);
  const tagBase = ++indexesBuilt * TAG_SPAN;
  for (let no = 1; no <= n; no++) {
    for (let k = 1; k <= 5; k++) {
      shared[no * 6 + k] = Object.freeze({ key: keys[no], no, entry: 1 as const, level: WHOLE[k], whole: k, points: k * indWeight[no], milliPoints: k * 1000 * indWeight[no], tag: tagBase + no });
    }
  }
  return {
    fw,
    n,
    indWeight,
    indAspect,
    defs,
    keys,
    aspWeight,
    aspDomain,
    aspCount,
    domWeight,
    repNo,
    repMax: rep ? rep.maxEntries : 1,
    spreadAspect: rep ? indAspect[repNo] : -1,
    bands,
    shared,
    decimals: new Map(),
    decimalSlots: new Array<DecimalRow | undefined>(DECIMAL_SLOTS),
    tagBase,
    seen: new Uint8Array(n + 1),
    firstOf: new Int32Array(n + 1),
    acc: new Float64Array(fw.aspects.length),
    dom: new Float64Array(fw.domains.length),
  };
}

/** Indexes built so far, and the room each gets for its tags (more than any framework's indicators). */
let indexesBuilt = 0;
const TAG_SPAN = 4096;

const WHOLE: ReadonlyArray<Rational> = [0, 1, 2, 3, 4, 5].map((k) => Object.freeze(rational(k)));

/**
 * Whether an entry key is allowed in the framework:
 * - 'ok';
 * - 'unknown': no indicator with this number;
 * - 'not-repeatable': a repeated entry (35-2) of an indicator that may not repeat, in a framework where some may;
 * - 'no-repeats': a repeated entry in a framework where none may repeat;
 * - 'too-many': a repeated entry beyond the most the regulation allows (35-4 in spbe2018).
 */
export type EntryStatus = 'ok' | 'unknown' | 'not-repeatable' | 'no-repeats' | 'too-many';

export function entryStatus(ix: FrameworkIndex, no: number, entry: number): EntryStatus {
  if (!(no >= 1 && no <= ix.n) || !Number.isInteger(no)) return 'unknown';
  if (entry === 1) return 'ok';
  if (ix.repNo === 0) return 'no-repeats';
  if (no !== ix.repNo || !Number.isInteger(entry) || entry < 2) return 'not-repeatable';
  return entry <= ix.repMax ? 'ok' : 'too-many';
}

/** The shared entry of indicator `no` at an exact level, when the level is a whole 1–5; null otherwise. */
export function sharedEntry(ix: FrameworkIndex, no: number, level: Rational): SharedEntry | null {
  if (no < 1 || no > ix.n) return null;
  const k = wholeLevel(level);
  return k === 0 ? null : (ix.shared[no * 6 + k] ?? null);
}

/**
 * The frozen whole-level rationals seen so far, by level (the level reader hands out the same five objects
 * again and again): one of them is known by identity, without comparing bigints.
 */
const seenWhole: Array<Rational | null> = [null, null, null, null, null, null];

/** The level 1–5 when `level` is that whole number, else 0. */
function wholeLevel(level: Rational): number {
  for (let k = 1; k <= 5; k++) if (seenWhole[k] === level) return k;
  if (level.den !== ONE || level.num < ONE || level.num > FIVE) return 0;
  const k = Number(level.num);
  // only an object that cannot change may be known by identity later
  if (Object.isFrozen(level)) seenWhole[k] = level;
  return k;
}

const ONE = BigInt(1);
const FIVE = BigInt(5);

/** What a number reads as in a framework (parseLevel's verdict, the same for every indicator) and its entries by indicator number, made on first use. */
export interface DecimalRow {
  /** The number this row is of. */
  readonly value: number;
  readonly result: ReturnType<typeof parseLevel>;
  /** The level in thousandths when it is exactly that (2.75 → 2750), else -1. */
  readonly milli: number;
  readonly entries: Array<SharedEntry | PlainEntry | undefined>;
}

/** An entry whose level is not a whole number of thousandths (2.0001): scoring takes its exact path. */
export interface PlainEntry {
  readonly key: string;
  readonly no: number;
  readonly entry: 1;
  readonly level: Rational;
}

const THOUSAND = BigInt(1000);
const DECIMALS_MAX = 4096;
/** Slots for the numbers 0–5 in thousandths (0 … 5000). */
const DECIMAL_SLOTS = 5001;

/**
 * The entry of indicator `no` (1..n, entry 1) whose value is the number `v` (finite), or why `v` is no level:
 * parseLevel's verdict on `v`, memoised per framework and value. A level that is a whole number of thousandths
 * (every decimal assessors write: 2.5, 3.75, 2.125) is a shared, tagged entry carrying its milliPoints, so scoring
 * sums integers; any other level (2.0001) is a plain entry and scoring takes the exact rational path.
 */
export function sharedOfNumber(ix: FrameworkIndex, no: number, v: number): SharedEntry | PlainEntry | LevelFailure {
  if (v >= 1 && v <= 5 && Math.floor(v) === v) return ix.shared[no * 6 + v] as SharedEntry;
  // the slot of v's nearest thousandth holds a row of some number: it is v's when its value is v
  const slot = Math.round(v * 1000);
  const inSlots = slot >= 0 && slot < DECIMAL_SLOTS;
  const near = inSlots ? ix.decimalSlots[slot] : undefined;
  let row = near !== undefined && near.value === v ? near : ix.decimals.get(v);
  if (row === undefined) {
    const result = parseLevel(v, ix.fw, no);
    let milli = -1;
    if (result.ok) {
      const l = result.level;
      if (THOUSAND % l.den === BigInt(0)) {
        const m = Number((l.num * THOUSAND) / l.den);
        if (Number.isSafeInteger(m) && m >= 0 && m <= 1_000_000) milli = m;
      }
    }
    row = { value: v, result, milli, entries: [] };
    if (ix.decimals.size >= DECIMALS_MAX) ix.decimals.clear();
    ix.decimals.set(v, row);
  }
  if (inSlots && row !== near) ix.decimalSlots[slot] = row;
  const result = row.result;
  if (!result.ok) return result;
  let e = row.entries[no];
  if (e === undefined) {
    const key = ix.keys[no];
    const level = result.level;
    if (row.milli >= 0) {
      const milliPoints = row.milli * ix.indWeight[no];
      e = Object.freeze({ key, no, entry: 1 as const, level, whole: 0, points: milliPoints / 1000, milliPoints, tag: ix.tagBase + no });
    } else {
      e = Object.freeze({ key, no, entry: 1 as const, level });
    }
    row.entries[no] = e;
  }
  return e;
}
