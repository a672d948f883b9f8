/**
 * The exact scoring engine: entry weights, aspect / domain / index values and predicates.
 *
 * Arithmetic (all frameworks): aspect index = Σ(value × weight) / aspect weight; domain index =
 * Σ(aspect index × aspect weight) / domain weight; index = Σ(value × weight) / 100 (weights in %).
 * Everything is exact; rounding (half-up, 2 decimals) is only for display.
 *
 * Speed: this runs tens of thousands of times per second. Per-framework tables are cached, and
 * sums are accumulated as integers over a common denominator (value denominator × basis points ×
 * the number of spread entries) in plain JS numbers whenever they provably stay below 2^53; only
 * unusual inputs (huge or very fine values) take the bigint rational path. Both paths give the
 * same exact results.
 */
import type { Framework, PredicateBand, PredicateBasis, Rational, Score, Scores } from './types';
import { add, div, mul, rational, roundHalfUp, sub, toNumber, toRoundedNumber, R0 } from './rational';
import { frameworkIndex, type FrameworkIndex, type SharedEntry } from './framework-index';

export interface ScoredEntry {
  /** "7", or "35-2" for a repeated entry. */
  readonly key: string;
  readonly no: number;
  /** 1 for the first entry of an indicator, 2.. for repeats (spbe2018 35-2, 35-3). */
  readonly entry: number;
  readonly level: Rational;
}

export interface EntryRef {
  readonly key: string;
  readonly no: number;
  readonly entry: number;
}

type Table = FrameworkIndex;

function tableOf(fw: Framework): Table {
  return frameworkIndex(fw);
}

/** Number of extra entries (entry ≥ 2) of the repeatable indicator. */
function extraEntries(t: Table, entries: ReadonlyArray<EntryRef>): number {
  if (t.repNo === 0) return 0;
  let extra = 0;
  for (const e of entries) if (e.no === t.repNo && e.entry > 1) extra++;
  return extra;
}

/**
 * The spread aspect S (-1 when nothing is spread) and its entry count K (1 when nothing is spread).
 * The spreading only applies when the repeatable indicator has extra entries: without them every
 * entry has its own indicator weight (the same thing for spbe2018, whose aspect 7 weights are equal).
 */
function spreadOf(t: Table, extra: number): { S: number; K: number } {
  if (extra === 0 || t.spreadAspect < 0) return { S: -1, K: 1 };
  return { S: t.spreadAspect, K: t.aspCount[t.spreadAspect] + extra };
}

/**
 * Weight of one entry in basis points as numerator / divisor: normally (indicator weight, 1); in the
 * spread aspect (aspect weight, number of its entries).
 */
function entryWeightParts(t: Table, no: number, S: number, K: number): readonly [number, number] {
  const a = t.indAspect[no];
  if (a === S) return [t.aspWeight[a], K];
  return [t.indWeight[no], 1];
}

function checkIndicator(fw: Framework, t: Table, no: number): void {
  if (!Number.isInteger(no) || no < 1 || no > t.n) throw new Error(`scoring: ${fw.id} has no indicator ${String(no)}`);
}

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/**
 * Each entry's effective weight in PERCENT, exact (13/10 for 1.30 %), by entry key. For spbe2018
 * with repeated indicator-35 entries, aspect 7's 20 % is spread evenly over 32, 33, 34 and every
 * indicator-35 entry (4 entries: 5 % each; 6 entries: 10/3 % each).
 */
export function entryWeights(fw: Framework, entries: ReadonlyArray<EntryRef>): Map<string, Rational> {
  const t = tableOf(fw);
  const { S, K } = spreadOf(t, extraEntries(t, entries));
  const out = new Map<string, Rational>();
  for (const e of entries) {
    checkIndicator(fw, t, e.no);
    const [w, k] = entryWeightParts(t, e.no, S, K);
    out.set(e.key, rational(w, 100 * k));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------------

const BIG100 = BigInt(100);

/** Hundredths of `value` rounded half-up (away from zero), as a bigint. */
function roundedHundredths(value: Rational): bigint {
  const r = roundHalfUp(value, 2);
  return r.num * (BIG100 / r.den);
}

function bandFor(t: Table, ge: (min: number) => boolean): PredicateBand {
  const bands = t.bands;
  for (let i = bands.length - 1; i > 0; i--) if (ge(bands[i].min)) return bands[i];
  return bands[0];
}

/**
 * The predicate band of an index value. basis 'exact' (default) classifies the exact value
 * (3.4985 → Baik, though displayed 3.50); 'rounded' classifies the value rounded half-up to 2
 * decimals (1.7975 → 1.80 → Cukup). A value below every band gets the lowest band.
 */
export function predicateFor(fw: Framework, value: Rational, basis: PredicateBasis = 'exact'): PredicateBand {
  const t = tableOf(fw);
  if (basis === 'rounded') {
    const h = roundedHundredths(value);
    return bandFor(t, (min) => h >= BigInt(min));
  }
  // value ≥ min/100  ⇔  num × 100 ≥ min × den  (den > 0)
  const n100 = value.num * BIG100;
  return bandFor(t, (min) => n100 >= BigInt(min) * value.den);
}

/** predicateFor on an exact value n/d given as safe integers (d > 0, |n|·200 + d safe). */
function bandFromInts(t: Table, n: number, d: number, basis: PredicateBasis): PredicateBand {
  const bands = t.bands;
  if (basis === 'rounded') {
    const h = halfUpHundredths(n, d);
    for (let i = bands.length - 1; i > 0; i--) if (h >= bands[i].min) return bands[i];
    return bands[0];
  }
  const n100 = n * 100;
  for (let i = bands.length - 1; i > 0; i--) if (n100 >= bands[i].min * d) return bands[i];
  return bands[0];
}

// ---------------------------------------------------------------------------------------------
// Small exact helpers on safe integers
// ---------------------------------------------------------------------------------------------

const SAFE = Number.MAX_SAFE_INTEGER;

function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** n/d rounded half-up (away from zero) to hundredths, as an integer count of hundredths. */
function halfUpHundredths(n: number, d: number): number {
  const neg = n < 0;
  const a = 200 * (neg ? -n : n) + d;
  const q = floorDiv(a, 2 * d);
  return neg ? -q : q;
}

const TWO_52 = 2 ** 52;

/**
 * ⌊a / b⌋ of non-negative safe integers (b > 0). Up to 2^52 a division does it: the correctly rounded
 * quotient is the exact floor or one above it, and q × b (at most a + b) is exact, so one comparison
 * tells; beyond, the remainder (an fmod, much slower) does.
 */
function floorDiv(a: number, b: number): number {
  if (a <= TWO_52 && b <= TWO_52) {
    const q = Math.floor(a / b);
    return q * b > a ? q - 1 : q;
  }
  return (a - (a % b)) / b;
}

/**
 * Small non-negative integers recur constantly (sums over 10000): reuse their bigints. The array is made
 * at its full length on first use: one grown by scattered writes would turn into a slow dictionary.
 */
let BIG_CACHE: Array<bigint | undefined> | null = null;
const BIG_CACHE_SIZE = 1 << 17;

function big(v: number): bigint {
  if (v >= 0 && v < BIG_CACHE_SIZE) {
    const cache = (BIG_CACHE ??= new Array<bigint | undefined>(BIG_CACHE_SIZE));
    const b = cache[v];
    return b === undefined ? (cache[v] = BigInt(v)) : b;
  }
  return BigInt(v);
}

/** The exact rational n/d (safe integers, d > 0), reduced. */
function ratFromInts(n: number, d: number): Rational {
  const g = gcdNum(n, d) || 1;
  return { num: big(n / g), den: big(d / g) };
}

/**
 * A Score from the exact value n/d (safe integers, d > 0). Division of two exactly represented
 * integers is correctly rounded, so `index` is the nearest double of the exact value.
 */
function scoreFromInts(no: number, name: string, weight: number, n: number, d: number): Score {
  return { no, name, exact: ratFromInts(n, d), index: n / d, indexRounded: halfUpHundredths(n, d) / 100, weight };
}

function scoreFromRational(no: number, name: string, weight: number, r: Rational): Score {
  return { no, name, exact: r, index: toNumber(r), indexRounded: toRoundedNumber(r, 2), weight };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** Scratch buffers, reused across calls (scoring is synchronous and never re-entered). */
let scratchNum = new Float64Array(64);
let scratchDen = new Float64Array(64);

/** Values of the fast path: levels are scratchNum[i] / scratchDen[i] with common denominator D. */
interface Prepared {
  /** The spread aspect (-1 when nothing is spread) and its number of entries (1 when nothing is spread). */
  S: number;
  K: number;
  /** Common denominator of the levels, or 0 when the bigint path must be taken. */
  D: number;
}

const prepared: Prepared = { S: -1, K: 1, D: 1 };

/** What prepare() would say of a complete set of shared entries: levels in thousandths, nothing spread. */
const SHARED_PREPARED: Prepared = { S: -1, K: 1, D: 1000 };

/**
 * One pass over the entries: checks them (each indicator once, repeats only of the repeatable
 * indicator and within its maximum; a missing one throws), converts the levels to JS numbers and
 * finds their common denominator D. D = 0 when the numbers could leave the safe-integer range.
 */
function prepare(fw: Framework, t: Table, entries: ReadonlyArray<ScoredEntry>): Prepared {
  const len = entries.length;
  if (scratchNum.length < len) {
    scratchNum = new Float64Array(len * 2);
    scratchDen = new Float64Array(len * 2);
  }
  const seen = t.seen;
  seen.fill(0);
  let repSeen = 0;
  let extra = 0;
  let D = 1;
  let maxNum = 0;
  for (let i = 0; i < len; i++) {
    const e = entries[i];
    const no = e.no;
    if (!(no >= 1 && no <= t.n) || !Number.isInteger(no)) checkIndicator(fw, t, no);
    if (e.entry === 1) {
      if (seen[no] !== 0) throw new Error(`scoring: indicator ${no} given twice`);
      seen[no] = 1;
    } else {
      if (no !== t.repNo || !Number.isInteger(e.entry) || e.entry < 2 || e.entry > t.repMax) {
        throw new Error(`scoring: ${fw.id} indicator ${no} cannot have entry ${String(e.entry)}`);
      }
      const bit = 1 << e.entry;
      if ((repSeen & bit) !== 0) throw new Error(`scoring: entry ${e.key} given twice`);
      repSeen |= bit;
      extra++;
    }
    if (D !== 0) {
      // a shared whole-level entry of this framework (its tag says so) carries its level as a number
      const shared = e as Partial<SharedEntry>;
      const whole = shared.tag === t.tagBase + no ? (shared.whole as number) : 0;
      const l = e.level;
      // Number() of a bigint rounds to nearest: anything beyond the bounds still shows as beyond them.
      const nn = whole > 0 ? whole : smallNumber(l.num);
      const dd = whole > 0 ? 1 : smallNumber(l.den);
      const an = nn < 0 ? -nn : nn;
      if (an > MAX_FAST_NUM || dd > MAX_FAST_DEN) {
        D = 0;
      } else {
        scratchNum[i] = nn;
        scratchDen[i] = dd;
        if (an > maxNum) maxNum = an;
        if (dd !== 1 && D % dd !== 0) {
          D = (D / gcdNum(D, dd)) * dd;
          if (D > MAX_FAST_DEN) D = 0;
        }
      }
    }
  }
  for (let no = 1; no <= t.n; no++) if (seen[no] === 0) throw new Error(`scoring: indicator ${no} of ${fw.id} is missing`);
  const { S, K } = spreadOf(t, extra);
  // Every term of every numerator below is at most maxNum·D·10000·K, and there are at most
  // len of them; keep 200× headroom for half-up rounding.
  if (D !== 0 && maxNum * D * 10000 * K * (len + 1) * 200 > SAFE) D = 0;
  prepared.S = S;
  prepared.K = K;
  prepared.D = D;
  return prepared;
}

const MAX_FAST_DEN = 1_000_000;
const MAX_FAST_NUM = 1_000_000_000;

const B0 = BigInt(0);
const B1 = BigInt(1);
const B2 = BigInt(2);
const B3 = BigInt(3);
const B4 = BigInt(4);
const B5 = BigInt(5);
const B10 = BigInt(10);
const B100 = BigInt(100);

/** Number(x), faster for the levels and denominators that occur all the time (bigint equality is cheap, conversion is not). */
function smallNumber(x: bigint): number {
  return x === B1 ? 1 : x === B100 ? 100 : x === B3 ? 3 : x === B2 ? 2 : x === B4 ? 4 : x === B5 ? 5 : x === B10 ? 10 : x === B0 ? 0 : Number(x);
}

/**
 * Fills t.acc: per aspect, Σ level·D·w with w the indicator weight in basis points, or in the spread
 * aspect the aspect weight (each entry there weighs aspect weight / K). Returns the index numerator
 * over the common divisor D·K·10000.
 */
function accumulate(t: Table, entries: ReadonlyArray<ScoredEntry>, D: number, S: number, K: number): number {
  const acc = t.acc;
  acc.fill(0);
  const spread = S;
  for (let i = 0; i < entries.length; i++) {
    const no = entries[i].no;
    const a = t.indAspect[no];
    const dd = scratchDen[i];
    const scaled = dd === 1 ? scratchNum[i] * D : scratchNum[i] * (D / dd);
    acc[a] += scaled * (a === spread ? t.aspWeight[a] : t.indWeight[no]);
  }
  let total = 0;
  for (let a = 0; a < acc.length; a++) total += a === spread ? acc[a] : acc[a] * K;
  return total;
}

/** The exact index via bigint rationals (slow path; also the reference the fast path must match). */
function slowIndex(t: Table, entries: ReadonlyArray<ScoredEntry>, S: number, K: number): { aspects: Rational[]; index: Rational } {
  const sums: Rational[] = Array.from(t.aspWeight, () => R0);
  for (const e of entries) {
    const [w, k] = entryWeightParts(t, e.no, S, K);
    const a = t.indAspect[e.no];
    sums[a] = add(sums[a], mul(e.level, rational(w, k)));
  }
  // sums are Σ level × bp; aspect index = sum / aspect bp; index = Σ sums / 10000.
  const aspects = sums.map((s, a) => div(s, rational(t.aspWeight[a])));
  let total = R0;
  for (const s of sums) total = add(total, s);
  return { aspects, index: div(total, rational(10000)) };
}

/**
 * Σ milliPoints of a complete set of shared entries (framework-index.ts: whole levels, and decimal levels that
 * are whole thousandths), or -1. The entries must be the framework's own shared objects, one per indicator in
 * framework order: then each is entry 1 of its indicator, nothing is missing, repeated or spread, and the index
 * is exactly Σ level × weight / 10000 = Σ milliPoints / MILLI_DEN, all integers (at most 5000 × 10000 per
 * indicator: far below 2^53). The common case (a column of plain levels) costs one pass.
 */
function sharedPoints(t: Table, entries: ReadonlyArray<ScoredEntry>): number {
  const n = t.n;
  if (entries.length !== n) return -1;
  // a shared entry's tag is its framework index's tagBase + its number: one comparison says "indicator i+1 of this framework, shared"
  const base = t.tagBase + 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Partial<SharedEntry>;
    if (e.tag !== base + i) return -1;
    sum += e.milliPoints as number;
  }
  return sum;
}

/** The divisor of Σ milliPoints: thousandths × basis points. */
export const MILLI_DEN = 1000 * 10000;

/** sharedPoints, also filling t.acc with each aspect's Σ milliPoints (score()'s fast path: D = 1000, nothing spread). */
function sharedAspectPoints(t: Table, entries: ReadonlyArray<ScoredEntry>): number {
  const n = t.n;
  if (entries.length !== n) return -1;
  const base = t.tagBase + 1;
  for (let i = 0; i < n; i++) if ((entries[i] as Partial<SharedEntry>).tag !== base + i) return -1;
  const acc = t.acc;
  acc.fill(0);
  const aspect = t.indAspect;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = (entries[i] as SharedEntry).milliPoints;
    acc[aspect[i + 1]] += p;
    sum += p;
  }
  return sum;
}

/**
 * The exact index only (no aspect or domain breakdown): the fastest call, for SPBE.INDEX and
 * planners. Same contract as score().exact.
 */
export function scoreIndex(fw: Framework, entries: ReadonlyArray<ScoredEntry>): Rational {
  const t = tableOf(fw);
  const points = sharedPoints(t, entries);
  if (points >= 0) return ratFromInts(points, MILLI_DEN);
  const { D, S, K } = prepare(fw, t, entries);
  if (D === 0) return slowIndex(t, entries, S, K).index;
  return ratFromInts(accumulate(t, entries, D, S, K), D * K * 10000);
}

/**
 * The index as the nearest double of its exact value (what SPBE.INDEX returns): the exact numerator and
 * denominator are safe integers on the fast paths, and the quotient of two exactly represented integers is
 * correctly rounded. Same contract as score().index.
 */
export function indexValue(fw: Framework, entries: ReadonlyArray<ScoredEntry>): number {
  const t = tableOf(fw);
  const points = sharedPoints(t, entries);
  if (points >= 0) return points / MILLI_DEN;
  const { D, S, K } = prepare(fw, t, entries);
  if (D === 0) return toNumber(slowIndex(t, entries, S, K).index);
  return accumulate(t, entries, D, S, K) / (D * K * 10000);
}

/**
 * Aspect, domain and overall index of a complete, valid set of entries (validation is elsewhere;
 * a missing, unknown or duplicated indicator throws). `basis` decides the predicate: on the exact
 * index (default) or on the index rounded half-up to 2 decimals. Domains are [] without domains.
 */
export function score(fw: Framework, entries: ReadonlyArray<ScoredEntry>, basis: PredicateBasis = 'exact'): Scores {
  const t = tableOf(fw);
  const fast = sharedAspectPoints(t, entries);
  const { D, S, K } = fast >= 0 ? SHARED_PREPARED : prepare(fw, t, entries);
  const aspects: Score[] = [];
  const domains: Score[] = [];

  if (D !== 0) {
    const n = fast >= 0 ? fast : accumulate(t, entries, D, S, K);
    const acc = t.acc;
    const dom = t.dom;
    dom.fill(0);
    for (let a = 0; a < acc.length; a++) {
      const def = fw.aspects[a];
      const spread = a === S;
      // aspect index = Σ level·w / aspect w; the spread aspect's sum carries an extra factor K.
      aspects.push(scoreFromInts(def.no, def.name, def.weight, acc[a], D * def.weight * (spread ? K : 1)));
      const dp = t.aspDomain[a];
      // domain numerators over the common divisor K·D·(domain weight)
      if (dp >= 0) dom[dp] += spread ? acc[a] : acc[a] * K;
    }
    for (let d = 0; d < dom.length; d++) {
      const def = fw.domains[d];
      domains.push(scoreFromInts(def.no, def.name, def.weight, dom[d], K * D * def.weight));
    }
    const den = D * K * 10000;
    return {
      exact: ratFromInts(n, den),
      index: n / den,
      indexRounded: halfUpHundredths(n, den) / 100,
      predicate: bandFromInts(t, n, den, basis).name,
      domains,
      aspects,
    };
  }

  const slow = slowIndex(t, entries, S, K);
  const domSums: Rational[] = fw.domains.map(() => R0);
  slow.aspects.forEach((value, a) => {
    const def = fw.aspects[a];
    aspects.push(scoreFromRational(def.no, def.name, def.weight, value));
    const dp = t.aspDomain[a];
    if (dp >= 0) domSums[dp] = add(domSums[dp], mul(value, rational(def.weight)));
  });
  domSums.forEach((sum, d) => {
    const def = fw.domains[d];
    domains.push(scoreFromRational(def.no, def.name, def.weight, div(sum, rational(def.weight))));
  });
  const index = slow.index;
  return {
    exact: index,
    index: toNumber(index),
    indexRounded: toRoundedNumber(index, 2),
    predicate: predicateFor(fw, index, basis).name,
    domains,
    aspects,
  };
}

/**
 * Index points gained (exactly) by setting the entry `key` to `toLevel`, all else equal:
 * (toLevel − current level) × entry weight / 100. Negative when toLevel is below the current level.
 * Throws when no entry has that key.
 */
export function indicatorUplift(fw: Framework, entries: ReadonlyArray<ScoredEntry>, key: string, toLevel: Rational): Rational {
  const t = tableOf(fw);
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`scoring: no entry "${key}"`);
  checkIndicator(fw, t, e.no);
  const { S, K } = spreadOf(t, extraEntries(t, entries));
  const [w, k] = entryWeightParts(t, e.no, S, K);
  return mul(sub(toLevel, e.level), rational(w, 10000 * k));
}
