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
import { indicatorKey } from './levels';
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
  /** The whole level 1–5. */
  readonly whole: number;
  readonly points: number;
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
      shared[no * 6 + k] = Object.freeze({ key: keys[no], no, entry: 1 as const, level: WHOLE[k], whole: k, points: k * indWeight[no], tag: tagBase + no });
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
  if (level.den !== ONE || level.num < ONE || level.num > FIVE || no < 1 || no > ix.n) return null;
  return ix.shared[no * 6 + Number(level.num)] ?? null;
}

const ONE = BigInt(1);
const FIVE = BigInt(5);
