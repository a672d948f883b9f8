/**
 * Exact integer units for the planner: every index amount of a plan as a whole number of one common unit.
 *
 * An entry's share of the index is value × weight / 100 (weight in percent). With
 *   L = the least common multiple of the values' denominators (1 for whole levels, 100 for 1.26 …),
 *   B = the least common multiple of the weights' denominators in basis points (1 normally; 3 when
 *       spbe2018 spreads aspect 7 over six entries: 1000/3 bp each),
 * every value is an integer count of 1/L and every weight an integer count of 1/B basis point, so every
 * share, index and step gain is an integer count of the unit 1/(L · B · 10000) index points:
 *   index = Σ (value·L) · (weight_bp·B) / (L·B·10000).
 * Integers are added and compared exactly; the only inexactness JS numbers could add is above 2^53, so
 * numbers are used only when the largest amount the planner can form (every value at 5, times the
 * largest factor it multiplies by) provably stays below 2^53. Otherwise the same units are bigints.
 * Either way the planner computes exactly what the rational arithmetic would: a plan's gain is ≥ the need
 * in units iff it is ≥ the need in index points (scaling by a positive constant keeps sums and order),
 * and a need that is not a whole number of units is rounded UP (gains are whole units, so "gain ≥ need"
 * is the same as "gain ≥ ⌈need⌉").
 */
import type { Rational } from './types';
import { rational } from './rational';
import { BIGINT_ARITH, CHAIN_SCALE, NUMBER_ARITH, type Arith } from './plan-search';

export interface UnitInput {
  readonly current: Rational;
  /** Share of the index in percent (1.3 = 1.30 %). */
  readonly weight: Rational;
}

/** A plan's amounts in integer units (T = number or bigint, see the top of this file). */
export interface Units<T> {
  readonly A: Arith<T>;
  /** An index amount is units / den (den = L · B · 10000). */
  readonly den: bigint;
  /** Per item: current value × weight (its share of the index). */
  readonly share: ReadonlyArray<T>;
  /** Per item: the gains of its whole chain of steps, from the current value to 5. */
  readonly chain: ReadonlyArray<ReadonlyArray<T>>;
  /** Per item: its current value × L. */
  readonly level: ReadonlyArray<T>;
  /** The value step j (0-based) of item i starts from, × L (for the tie order). */
  startOf(i: number, j: number): T;
  /** Σ share: the current index. */
  readonly index: T;
  /** The smallest whole number of units ≥ the rational index amount r. */
  ceilUnits(r: Rational): T;
  /** The rational index amount of u units. */
  toRational(u: T): Rational;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const BIG0 = BigInt(0);
const BIG1 = BigInt(1);
const BIG5 = BigInt(5);
const BIG100 = BigInt(100);
const BIG10000 = BigInt(10000);
/** Numerators and denominators taken as JS numbers stay below this (their products below 2^53 checked after). */
const LIMIT = 2 ** 31;

function gcdN(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdB(a: bigint, b: bigint): bigint {
  while (b !== BIG0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a > BIG0 && q * b !== a ? q + BIG1 : q;
}

/**
 * The units of a set of items. `factor` is the largest multiplier the caller applies to a sum of units
 * (the balanced strategy compares aspect indices by cross-multiplying with aspect weights in basis points).
 * `arithmetic: 'bigint'` takes the exact path whatever the sizes (the tests compare the two paths).
 */
export function unitsOf(items: ReadonlyArray<UnitInput>, factor = 1, arithmetic: 'auto' | 'bigint' = 'auto'): Units<number> | Units<bigint> {
  return (arithmetic === 'auto' ? numberUnits(items, factor) : null) ?? bigintUnits(items);
}

/** The number path, or null when some amount could reach 2^53. */
function numberUnits(items: ReadonlyArray<UnitInput>, factor: number): Units<number> | null {
  const n = items.length;
  const vNum = new Array<number>(n);
  const vDen = new Array<number>(n);
  const wNum = new Array<number>(n);
  const wDen = new Array<number>(n);
  let L = 1;
  let B = 1;
  for (let i = 0; i < n; i++) {
    const { current, weight } = items[i];
    // Number() of a bigint beyond 2^31 is still beyond it (rounded, never below): one test catches them all.
    const cn = Number(current.num);
    const cd = Number(current.den);
    let wn = Number(weight.num);
    let wd = Number(weight.den);
    if (!(cn >= 0 && cn < LIMIT && cd < LIMIT && wn >= 0 && wn < LIMIT && wd < LIMIT)) return null;
    if (cn > 5 * cd) return null; // a value above 5 (never valid): the bigint path has no size limit
    vNum[i] = cn;
    vDen[i] = cd;
    if (cd !== 1) L = (L / gcdN(L, cd)) * cd;
    // weight in basis points: weight × 100, reduced
    wn *= 100;
    const g = gcdN(wn, wd);
    if (g > 1) {
      wn /= g;
      wd /= g;
    }
    wNum[i] = wn;
    wDen[i] = wd;
    if (wd !== 1) B = (B / gcdN(B, wd)) * wd;
    if (L * B > 1e11) return null;
  }
  let W = 0;
  const wUnits = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    wUnits[i] = wNum[i] * (B / wDen[i]);
    W += wUnits[i];
  }
  const den = L * B * 10000;
  // The largest amount formed: an index of 5 (every value at 5, or a goal up to 5), times the factor, and
  // at least times CHAIN_SCALE (the optimiser's bounds on chains: plan-search.ts, tieBrokenChains).
  if (Math.max(5 * L * W, 5 * den) * Math.max(CHAIN_SCALE, factor) > SAFE) return null;
  const share = new Array<number>(n);
  const chain = new Array<number[]>(n);
  const level = new Array<number>(n);
  const wholes = new Array<number>(n);
  let index = 0;
  for (let i = 0; i < n; i++) {
    const lv = vNum[i] * (L / vDen[i]);
    const w = wUnits[i];
    level[i] = lv;
    share[i] = lv * w;
    index += share[i];
    const whole = (vNum[i] - (vNum[i] % vDen[i])) / vDen[i];
    wholes[i] = whole;
    const gains: number[] = [];
    let at = lv;
    for (let to = whole + 1; to <= 5; to++) {
      gains.push((to * L - at) * w);
      at = to * L;
    }
    chain[i] = gains;
  }
  const denB = BigInt(den);
  return {
    A: NUMBER_ARITH,
    den: denB,
    share,
    chain,
    level,
    startOf: (i, j) => (j === 0 ? level[i] : (wholes[i] + j) * L),
    index,
    ceilUnits: (r) => {
      const u = ceilDiv(r.num * denB, r.den);
      // Beyond the safe range only "more than every gain" matters; the nearest double still is.
      return Number(u);
    },
    toRational: (u) => reducedRational(u, den),
  };
}

/**
 * u / den as a rational in lowest terms, as rational() gives it, with the common factor found on safe
 * integers (den > 0; both below 2^53 on this path) instead of bigints.
 */
function reducedRational(u: number, den: number): Rational {
  const g = gcdN(Math.abs(u), den);
  return { num: BigInt(u / g), den: BigInt(den / g) };
}

/** The bigint path: the same units, any size. */
function bigintUnits(items: ReadonlyArray<UnitInput>): Units<bigint> {
  let L = BIG1;
  let B = BIG1;
  const wbp = items.map(({ weight }) => rational(weight.num * BIG100, weight.den));
  for (let i = 0; i < items.length; i++) {
    const cd = items[i].current.den;
    L = (L / gcdB(L, cd)) * cd;
    const wd = wbp[i].den;
    B = (B / gcdB(B, wd)) * wd;
  }
  const den = L * B * BIG10000;
  const share: bigint[] = [];
  const chain: bigint[][] = [];
  const level: bigint[] = [];
  const wholes: bigint[] = [];
  let index = BIG0;
  items.forEach(({ current }, i) => {
    const lv = current.num * (L / current.den);
    const w = wbp[i].num * (B / wbp[i].den);
    level.push(lv);
    share.push(lv * w);
    index += lv * w;
    const whole = current.num / current.den; // values are ≥ 1: truncation is the floor
    wholes.push(whole);
    const gains: bigint[] = [];
    let at = lv;
    for (let to = whole + BIG1; to <= BIG5; to++) {
      gains.push((to * L - at) * w);
      at = to * L;
    }
    chain.push(gains);
  });
  return {
    A: BIGINT_ARITH,
    den,
    share,
    chain,
    level,
    startOf: (i, j) => (j === 0 ? level[i] : (wholes[i] + BigInt(j)) * L),
    index,
    ceilUnits: (r) => ceilDiv(r.num * den, r.den),
    toRational: (u) => rational(u, den),
  };
}
