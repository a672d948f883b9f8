/**
 * The planner's optimiser, on exact integers: which steps to take so that their gains add up to a need.
 *
 * The planner (planner.ts) scales every step gain and the need to integers in one common unit (see
 * plan-units.ts), so everything here is integer addition and comparison. The arithmetic is a parameter
 * (`Arith<T>`): plain JS numbers when every sum provably stays below 2^53 (the usual case: levels in
 * thousandths, weights in basis points), bigints otherwise. The code is the same for both, so the fast
 * path and the exact fallback cannot drift apart (test/core/plan-search.test.ts runs both on the same
 * problems and compares them with brute force).
 *
 * The model. Item i has a chain of steps (one step = one level, a decimal first rises to the next whole
 * level); its gains are `gains[i][0], gains[i][1], …`. A plan takes the first k_i steps of each chain,
 * k_i ≤ cap_i. Every step has a position `ranks[i][j]` in the tie order (lower current level, then
 * lower indicator number, then entry); a plan is the sorted list of its steps' positions.
 *
 * - `fewestCycles`: with at most `maxRaise` steps per item per cycle, C cycles allow C·maxRaise steps
 *   per item (any such set of steps can be scheduled: each item raises `maxRaise` levels per cycle until
 *   it is done). The fewest cycles is the least C whose cap reaches the need.
 * - `fewestStepsPlan` ('fewest-steps'): among plans under the caps that reach the need, the fewest steps
 *   T; among those, the lexicographically smallest sorted list of step positions.
 * - `balancedPlan` ('balanced'): among plans under the caps that reach the need with T steps (the same
 *   fewest number), the one whose aspect indices, sorted ascending, are lexicographically largest (the
 *   lowest aspect index as high as possible, then the next lowest, …); among those, the smallest sorted
 *   list of step positions.
 */

/** The integer arithmetic the optimiser runs on. */
export interface Arith<T> {
  readonly kind: 'number' | 'bigint';
  readonly zero: T;
  /** Below every sum of gains: "no plan" in the tables. */
  readonly none: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** a × k for a non-negative safe integer k (aspect weights in basis points). */
  times(a: T, k: number): T;
  /** −1, 0, 1 */
  cmp(a: T, b: T): number;
  /** A table of n amounts, all `value`. */
  table(n: number, value: T): T[];
}

export const NUMBER_ARITH: Arith<number> = {
  kind: 'number',
  zero: 0,
  none: -Infinity,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  times: (a, k) => a * k,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  table: (n, value) => new Array<number>(n).fill(value),
};

const BIG_NONE = -(BigInt(10) ** BigInt(400));
export const BIGINT_ARITH: Arith<bigint> = {
  kind: 'bigint',
  zero: BigInt(0),
  none: BIG_NONE,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  times: (a, k) => a * BigInt(k),
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  table: (n, value) => new Array<bigint>(n).fill(value),
};

/** One item (indicator entry) as the optimiser sees it. */
export interface SearchItem<T> {
  /**
   * Gains of the steps the planner may take on it, in chain order; empty when it is never planned. As levels
   * give them: every step gains the same (one level × weight) except a decimal's first step, which gains no
   * more (d ≤ w = w = …); at most 4 steps. The bounds of tieBrokenChains rely on this shape.
   */
  readonly gains: ReadonlyArray<T>;
  /** Position of each of those steps in the tie order, increasing along the chain. */
  readonly ranks: ReadonlyArray<number>;
}

/** The aspects, for the balanced strategy: aspect index = (base + gain) / weight, in the same units as the gains. */
export interface SearchAspects<T> {
  /** Aspect position of each item. */
  readonly of: ReadonlyArray<number>;
  /** Per aspect: Σ current value × weight of its items, in gain units. */
  readonly base: ReadonlyArray<T>;
  /** Per aspect: its weight (a positive safe integer, e.g. basis points). */
  readonly weight: ReadonlyArray<number>;
}

export type PlanStrategy = 'fewest-steps' | 'balanced';

/** A solution: steps per item, their total, and the number of cycles it needs under the per-cycle cap. */
export interface SearchResult {
  readonly cycles: number;
  readonly total: number;
  readonly counts: ReadonlyArray<number>;
}

/** Steps item i may take within `cycles` cycles of at most `maxRaise` steps each. */
export function capFor(chainLength: number, cycles: number, maxRaise: number): number {
  return Math.min(chainLength, cycles * maxRaise);
}

function capsFor<T>(items: ReadonlyArray<SearchItem<T>>, cycles: number, maxRaise: number): number[] {
  return items.map((it) => capFor(it.gains.length, cycles, maxRaise));
}

/** The largest gain of all plans under the caps: every item raised as far as its cap allows. */
function maxGain<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>): T {
  let total = A.zero;
  for (let i = 0; i < items.length; i++) for (let j = 0; j < caps[i]; j++) total = A.add(total, items[i].gains[j]);
  return total;
}

/** The fewest cycles whose caps reach `need` (> 0), or null when even whole chains do not. */
export function fewestCycles<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, need: T, maxRaise: number): number | null {
  let longest = 0;
  for (const it of items) longest = Math.max(longest, it.gains.length);
  const most = Math.max(1, Math.ceil(longest / maxRaise));
  for (let c = 1; c <= most; c++) if (A.cmp(maxGain(A, items, capsFor(items, c, maxRaise)), need) >= 0) return c;
  return null;
}

/**
 * Max-plus update of `dp` (largest gain with at most s steps, s = 0..budget) by one chain segment
 * `gains[from..to)`: dp[s] = max over k of dp[s−k] + (first k gains). In place, s descending.
 */
function addChain<T>(A: Arith<T>, dp: T[], budget: number, gains: ReadonlyArray<T>, from: number, to: number): void {
  if (from >= to) return;
  for (let s = budget; s >= 1; s--) {
    let best = dp[s];
    let acc = A.zero;
    const kmax = Math.min(to - from, s);
    for (let k = 1; k <= kmax; k++) {
      acc = A.add(acc, gains[from + k - 1]);
      const cand = A.add(dp[s - k], acc);
      if (A.cmp(cand, best) > 0) best = cand;
    }
    dp[s] = best;
  }
}

/**
 * The bounds on chains multiply gains by this (every chain length 1..5 divides it; a level ≥ 1 has at most
 * 4 steps to 5): the units must stay exact times this factor (plan-units.ts checks it).
 */
export const CHAIN_SCALE = 60;

/** A step as one integer: item × 8 + chain position (positions are 0..3). */
const itemOf = (step: number): number => step >> 3;
const positionOf = (step: number): number => step & 7;

/** Every plannable step under the caps, largest gain first (earlier in its chain, then lower item, among equals). */
function byGain<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>): number[] {
  const out = allSteps(caps);
  const gain = (step: number): T => items[itemOf(step)].gains[positionOf(step)];
  return sortSmall(out, (a, b) => A.cmp(gain(b), gain(a)) || positionOf(a) - positionOf(b) || a - b);
}

/**
 * n zeros in a plain array. The optimiser's per-item tables are small (a few dozen entries) and made for
 * every plan: a typed array costs more to make than it saves (a backing store of its own each time).
 */
function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

function copyInto(to: number[], from: ReadonlyArray<number>): void {
  for (let i = 0; i < from.length; i++) to[i] = from[i];
}

/**
 * Sorts a list of steps or items in place, as Array.prototype.sort with `compare` would (stable). By
 * insertion: the lists are one plan's (a few dozen, at most 4 steps per entry), where the native sort's
 * machinery for a compare function costs more than the comparisons.
 */
function sortSmall(list: number[], compare: (a: number, b: number) => number): number[] {
  for (let x = 1; x < list.length; x++) {
    const v = list[x];
    let y = x - 1;
    while (y >= 0 && compare(v, list[y]) < 0) {
      list[y + 1] = list[y];
      y--;
    }
    list[y + 1] = v;
  }
  return list;
}

function allSteps(caps: ReadonlyArray<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < caps.length; i++) for (let j = 0; j < caps[i]; j++) out.push((i << 3) | j);
  return out;
}

/**
 * The best completion of a partial plan: item m already has `start[m]` steps (the `forced` item one more),
 * items with `closed[m]` take no more; the largest gain of at most s more steps, for s = 0..budget, and
 * the steps per item of such a completion. A knapsack over the items (rows kept in `scratch` to
 * reconstruct); O(items × budget × chain).
 */
function completion<T>(
  A: Arith<T>,
  items: ReadonlyArray<SearchItem<T>>,
  caps: ReadonlyArray<number>,
  start: ArrayLike<number>,
  closed: ReadonlyArray<number> | null,
  forced: number,
  budget: number,
  scratch: T[],
): { best: (s: number) => T; extra: (s: number) => number[] } {
  const width = budget + 1;
  const rows: number[] = [];
  scratch.fill(A.zero, 0, width);
  for (let m = 0; m < items.length; m++) {
    const from = start[m] + (m === forced ? 1 : 0);
    if ((closed && closed[m]) || from >= caps[m]) continue;
    const prev = rows.length * width;
    const row = prev + width;
    rows.push(m);
    const gains = items[m].gains;
    for (let s = 0; s <= budget; s++) {
      let best = scratch[prev + s];
      let acc = A.zero;
      const kmax = Math.min(caps[m] - from, s);
      for (let k = 1; k <= kmax; k++) {
        acc = A.add(acc, gains[from + k - 1]);
        const cand = A.add(scratch[prev + s - k], acc);
        if (A.cmp(cand, best) > 0) best = cand;
      }
      scratch[row + s] = best;
    }
  }
  const last = rows.length * width;
  return {
    best: (s) => scratch[last + s],
    extra: (s) => {
      const out = zeros(items.length);
      for (let r = rows.length - 1; r >= 0; r--) {
        const m = rows[r];
        const from = start[m] + (m === forced ? 1 : 0);
        const want = scratch[(r + 1) * width + s];
        let acc = A.zero;
        for (let k = 0; k <= Math.min(caps[m] - from, s); k++) {
          if (k > 0) acc = A.add(acc, items[m].gains[from + k - 1]);
          if (A.cmp(A.add(scratch[r * width + s - k], acc), want) === 0) {
            out[m] = k;
            s -= k;
            break;
          }
        }
      }
      return out;
    },
  };
}

/** The fewest steps and one plan with that many (a witness), or null when no plan reaches the need. */
interface Fewest {
  readonly total: number;
  /** Steps per item of one plan with `total` steps that reaches the need (any caps path), or null (single steps). */
  readonly witness: ArrayLike<number> | null;
  /** The plannable steps by gain (byGain), when computed. */
  readonly pool: ReadonlyArray<number> | null;
}

/**
 * The fewest steps under the caps whose gains reach `need` (> 0); null when none. Bounds first: no s steps
 * gain more than the s largest gains (so fewer than `lo` steps cannot reach the need), and the largest gains
 * taken greedily in chain order are a plan (so `hi` steps can); with whole levels they meet. Between them,
 * the exact knapsack (largest gain with at most s steps, s ≤ hi).
 */
export function fewestSteps<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>, need: T): number | null {
  return fewest(A, items, caps, need)?.total ?? null;
}

function fewest<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>, need: T): Fewest | null {
  if (caps.every((c) => c <= 1)) {
    const total = fewestSingleSteps(A, items, caps, need);
    return total === null ? null : { total, witness: null, pool: null };
  }
  const pool = byGain(A, items, caps);
  let lo = -1;
  let most = A.zero;
  for (let s = 0; s < pool.length; s++) {
    const i = itemOf(pool[s]);
    const j = positionOf(pool[s]);
    most = A.add(most, items[i].gains[j]);
    if (A.cmp(most, need) >= 0) {
      lo = s + 1;
      break;
    }
  }
  if (lo < 0) return null;
  let hi = pool.length;
  const next = zeros(items.length);
  let least = A.zero;
  let taken = 0;
  for (const step of pool) {
    const i = itemOf(step);
    const j = positionOf(step);
    if (j !== next[i]) continue;
    least = A.add(least, items[i].gains[j]);
    next[i]++;
    taken++;
    if (A.cmp(least, need) >= 0) {
      hi = taken;
      break;
    }
  }
  if (hi === lo) return { total: lo, witness: next, pool };
  // Tighter, on chains by their average gain (see tieBrokenChains): at most t × average from t steps of a
  // chain, so the best averages first bound from below how many steps are needed; taking whole chains in
  // that order is a plan, which bounds it from above.
  const n = items.length;
  const rate = A.table(n, A.zero);
  const order: number[] = [];
  for (let m = 0; m < n; m++) {
    if (caps[m] === 0) continue;
    let sum = A.zero;
    for (let j = 0; j < caps[m]; j++) sum = A.add(sum, items[m].gains[j]);
    rate[m] = A.times(sum, CHAIN_SCALE / caps[m]);
    order.push(m);
  }
  sortSmall(order, (a, b) => A.cmp(rate[b], rate[a]) || a - b);
  const needScaled = A.times(need, CHAIN_SCALE);
  let bound = A.zero;
  let plan = A.zero;
  let s = 0;
  const whole = zeros(n);
  let planLo = -1;
  let planHi = -1;
  for (const m of order) {
    for (let j = 0; j < caps[m]; j++) {
      s++;
      bound = A.add(bound, rate[m]);
      plan = A.add(plan, items[m].gains[j]);
      if (planHi < 0) whole[m]++;
      if (planLo < 0 && A.cmp(bound, needScaled) >= 0) planLo = s;
      if (planHi < 0 && A.cmp(plan, need) >= 0) planHi = s;
    }
    if (planHi >= 0 && planLo >= 0) break;
  }
  if (planLo > lo) lo = planLo;
  if (planHi >= 0 && planHi < hi) {
    hi = planHi;
    copyInto(next, whole);
  }
  if (hi === lo) return { total: lo, witness: next, pool };
  const c = completion(A, items, caps, zeros(items.length), null, -1, hi, A.table((items.length + 1) * (hi + 1), A.zero));
  for (let s = lo; s <= hi; s++) if (A.cmp(c.best(s), need) >= 0) return { total: s, witness: c.extra(s), pool };
  return null;
}

/** At most one step per item (the default one level per cycle): the best s steps are the s largest gains. */
function fewestSingleSteps<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>, need: T): number | null {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (caps[i] === 1) n++;
  // ascending; numbers in a Float64Array, whose sort is numeric without a compare function
  const used = (A.kind === 'number' ? new Float64Array(n) : new Array<T>(n)) as T[];
  n = 0;
  for (let i = 0; i < items.length; i++) if (caps[i] === 1) used[n++] = items[i].gains[0];
  if (A.kind === 'number') (used as unknown as Float64Array).sort();
  else used.sort((a, b) => A.cmp(a, b));
  let acc = A.zero;
  for (let s = 0; s < n; s++) {
    acc = A.add(acc, used[n - 1 - s]);
    if (A.cmp(acc, need) >= 0) return s + 1;
  }
  return null;
}

/**
 * The tie-broken plan with exactly `total` steps (the fewest) under the caps. Greedy in tie order: take a
 * step when some plan of `total` steps reaching the need still contains every step taken so far and it;
 * otherwise the item is closed (its later steps need this one). The test is exact, so the result is the
 * smallest sorted step list among all plans with `total` steps that reach the need.
 */
export function tieBrokenCounts<T>(
  A: Arith<T>,
  items: ReadonlyArray<SearchItem<T>>,
  caps: ReadonlyArray<number>,
  need: T,
  total: number,
  witness: ArrayLike<number> | null = null,
  pool: ReadonlyArray<number> | null = null,
): number[] {
  return caps.every((c) => c <= 1) ? tieBrokenSingle(A, items, caps, need, total) : tieBrokenChains(A, items, caps, need, total, witness, pool ?? byGain(A, items, caps));
}

let numberRows = new Float64Array(256);

/**
 * A table of `size` amounts to be written before it is read, reused from call to call on the number path
 * (planning is synchronous and never re-entered; one such table is in use at a time).
 */
function reusedRows<T>(A: Arith<T>, size: number): T[] {
  if (A.kind !== 'number') return new Array<T>(size);
  if (numberRows.length < size) numberRows = new Float64Array(Math.max(size, 2 * numberRows.length));
  return numberRows as unknown as T[];
}

/**
 * At most one step per item (the default one level per cycle): the tie order is an order of items, so one
 * table over its suffixes answers every test: rest[p][s] = largest gain of at most s of items p…, in that
 * order. O(items × total).
 */
function tieBrokenSingle<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>, need: T, total: number): number[] {
  const order: number[] = [];
  items.forEach((_, i) => caps[i] === 1 && order.push(i));
  sortSmall(order, (a, b) => items[a].ranks[0] - items[b].ranks[0]);
  const n = order.length;
  const width = total; // rest[p][s] for s = 0..total−1 (a step is taken before the rest is asked for)
  const rest = reusedRows(A, (n + 1) * width);
  for (let s = 0; s < width; s++) rest[n * width + s] = A.zero;
  for (let p = n - 1; p >= 0; p--) {
    const g = items[order[p]].gains[0];
    const row = p * width;
    const next = (p + 1) * width;
    rest[row] = A.zero;
    for (let s = 1; s < width; s++) {
      const skip = rest[next + s];
      const take = A.add(rest[next + s - 1], g);
      rest[row + s] = A.cmp(take, skip) > 0 ? take : skip;
    }
  }
  const counts = items.map(() => 0);
  let got = A.zero;
  let left = total;
  for (let p = 0; p < n && left > 0; p++) {
    const g = items[order[p]].gains[0];
    const best = A.add(A.add(got, g), rest[(p + 1) * width + left - 1]);
    if (A.cmp(best, need) >= 0) {
      counts[order[p]] = 1;
      got = A.add(got, g);
      left--;
    }
  }
  if (left !== 0 || A.cmp(got, need) < 0) throw new Error('planner: internal inconsistency (single steps)');
  return counts;
}

/**
 * Per item m, indexed like steps (m × 8 + position): `sums`, the sum of its first j gains (j = 0..cap), and
 * `average`, the average gain of its steps p … cap − 1 × CHAIN_SCALE (exact: every r ≤ 5 divides it).
 */
interface ChainPrefixes<T> {
  readonly sums: T[];
  readonly average: T[];
}

function chainPrefixes<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>): ChainPrefixes<T> {
  const n = items.length;
  const sums = A.table(n << 3, A.zero);
  const average = A.table(n << 3, A.zero);
  for (let m = 0; m < n; m++) {
    const base = m << 3;
    for (let j = 0; j < caps[m]; j++) sums[base + j + 1] = A.add(sums[base + j], items[m].gains[j]);
    for (let p = 0; p < caps[m]; p++) average[base + p] = A.times(A.sub(sums[base + caps[m]], sums[base + p]), CHAIN_SCALE / (caps[m] - p));
  }
  return { sums, average };
}

/**
 * Every (item, first open position) pair an item can be at under the caps, as a step (item × 8 + position), by the
 * average gain of the item's steps from there to its cap: largest first, lower item among equals (the
 * order of the chain bounds in tieBrokenChains, whatever the open position of each item).
 */
function byAverageOfRest<T>(A: Arith<T>, caps: ReadonlyArray<number>, prefix: ChainPrefixes<T>): number[] {
  const pairs: number[] = [];
  for (let m = 0; m < caps.length; m++) for (let p = 0; p < caps[m]; p++) pairs.push((m << 3) | p);
  return sortSmall(pairs, (a, b) => A.cmp(prefix.average[b], prefix.average[a]) || a - b);
}

/**
 * Any caps: the same greedy, each test "can the rest, with left − 1 steps, still make up the need?".
 * - A witness (one plan consistent with every decision so far that reaches the need) answers yes for the
 *   steps it contains; it is replaced whenever another test finds a plan.
 * - Two cheap bounds settle most other tests. Over the steps still available, sorted by gain: at most the
 *   left − 1 largest gains ignoring the chain order (no plan of the rest gains more); at least the largest
 *   gains taken greedily in chain order (a plan of the rest that exists). With whole levels every step of a
 *   chain gains the same, so the two agree.
 * - The exact knapsack over what is still open (budget < left) settles the others.
 */
function tieBrokenChains<T>(
  A: Arith<T>,
  items: ReadonlyArray<SearchItem<T>>,
  caps: ReadonlyArray<number>,
  need: T,
  total: number,
  witness: ArrayLike<number> | null,
  pool: ReadonlyArray<number>,
): number[] {
  const counts = items.map(() => 0);
  const closed = zeros(items.length);
  let scratch: T[] | null = null; // the knapsack's rows, made when first needed
  const n = items.length;
  const next = zeros(n);
  const other = zeros(n);
  let plan: ArrayLike<number> | null = witness;
  const prefix = chainPrefixes(A, items, caps);
  const ranked = byAverageOfRest(A, caps, prefix);
  /** The open items by average gain, as (item, first open position) pairs, best first: filled by byAverage. */
  const byRate = zeros(n);
  /** At most: the k largest gains still available, ignoring the chain order. */
  const loose = (i: number, k: number): T => {
    let most = A.zero;
    let taken = 0;
    for (let p = 0; p < pool.length && taken < k; p++) {
      const m = itemOf(pool[p]);
      const j = positionOf(pool[p]);
      if (closed[m] || j < counts[m] || (m === i && j === counts[i])) continue;
      most = A.add(most, items[m].gains[j]);
      taken++;
    }
    return most;
  };
  /** The gain of item m's steps [from, from + t). */
  const run = (m: number, from: number, t: number): T => A.sub(prefix.sums[(m << 3) + from + t], prefix.sums[(m << 3) + from]);
  /**
   * The open items (item i's next step taken) by the average gain of their open steps, largest first, lower
   * item among equals, into `byRate`; returns how many. Every (item, first open position) pair was ranked
   * once (byAverageOfRest): this picks each open item's current pair in that order.
   */
  const byAverage = (i: number): number => {
    let count = 0;
    for (let x = 0; x < ranked.length; x++) {
      const pair = ranked[x];
      const m = itemOf(pair);
      if (closed[m] || positionOf(pair) !== counts[m] + (m === i ? 1 : 0)) continue;
      byRate[count++] = pair;
    }
    return count;
  };
  /**
   * At most, × CHAIN_SCALE: the best gain of the rest with k steps, item i's next step taken. A chain's
   * gains are d, w, w, … with d ≤ w (only a decimal's first step is smaller), so t of its r open steps gain
   * at most t × (their average) — its prefix sums lie under that line — and the k best averages bound any
   * plan. Scaled by CHAIN_SCALE (every r ≤ 5 divides it) to stay in integers. Leaves the order in `byRate`.
   */
  let sorted = 0;
  const most = (i: number, k: number): T => {
    sorted = byAverage(i);
    let bound = A.zero;
    let used = 0;
    for (let x = 0; x < sorted && used < k; x++) {
      const pair = byRate[x];
      const t = Math.min(caps[itemOf(pair)] - positionOf(pair), k - used);
      bound = A.add(bound, A.times(prefix.average[pair], t));
      used += t;
    }
    return bound;
  };
  /**
   * At least (after `most`, same i and k): the better of two plans that exist, its steps per item left in
   * `next`: the largest gains taken greedily in chain order, and whole chains (as far as k allows) by their
   * average gain.
   */
  const least = (i: number, k: number): T => {
    let second = A.zero;
    let used = 0;
    for (let m = 0; m < n; m++) other[m] = counts[m] + (m === i ? 1 : 0);
    for (let x = 0; x < sorted && used < k; x++) {
      const m = itemOf(byRate[x]);
      const t = Math.min(caps[m] - other[m], k - used);
      second = A.add(second, run(m, other[m], t));
      other[m] += t;
      used += t;
    }
    let first = A.zero;
    used = 0;
    for (let m = 0; m < n; m++) next[m] = counts[m] + (m === i ? 1 : 0);
    for (let p = 0; p < pool.length && used < k; p++) {
      const m = itemOf(pool[p]);
      const j = positionOf(pool[p]);
      if (closed[m] || j !== next[m]) continue;
      first = A.add(first, items[m].gains[j]);
      next[m]++;
      used++;
    }
    if (A.cmp(second, first) > 0) {
      copyInto(next, other);
      return second;
    }
    return first;
  };
  /**
   * The item whose next step comes first in the tie order among the items still open (not closed, under
   * their cap), or −1. Ranks rise along a chain, so this walks every plannable step in tie order, skipping
   * the later steps of closed items.
   */
  const firstInTieOrder = (): number => {
    let first = -1;
    for (let m = 0; m < n; m++) {
      if (closed[m] || counts[m] >= caps[m]) continue;
      if (first < 0 || items[m].ranks[counts[m]] < items[first].ranks[counts[first]]) first = m;
    }
    return first;
  };
  let got = A.zero;
  let left = total;
  for (let i = firstInTieOrder(); i >= 0 && left > 0; i = firstInTieOrder()) {
    const j = counts[i];
    const g = items[i].gains[j];
    let feasible = plan !== null && plan[i] > counts[i];
    if (!feasible) {
      const base = A.add(got, g);
      if (A.cmp(A.add(base, loose(i, left - 1)), need) < 0) feasible = false;
      else if (A.cmp(A.add(A.times(base, CHAIN_SCALE), most(i, left - 1)), A.times(need, CHAIN_SCALE)) < 0) feasible = false;
      else if (A.cmp(A.add(base, least(i, left - 1)), need) >= 0) {
        feasible = true;
        plan = next.slice();
      } else {
        // The largest gain of the rest after taking this step, with left − 1 steps.
        scratch ??= A.table((n + 1) * total, A.zero);
        const c = completion(A, items, caps, counts, closed, i, left - 1, scratch);
        feasible = A.cmp(A.add(base, c.best(left - 1)), need) >= 0;
        if (feasible) {
          const extra = c.extra(left - 1);
          plan = counts.map((c0, m) => c0 + extra[m] + (m === i ? 1 : 0));
        }
      }
    }
    if (feasible) {
      counts[i]++;
      got = A.add(got, g);
      left--;
    } else {
      closed[i] = 1;
    }
  }
  if (left !== 0 || A.cmp(got, need) < 0) throw new Error('planner: internal inconsistency (chains)');
  return counts;
}

/**
 * The fewest cycles, then the fewest steps, then the strategy's choice. Null when the need cannot be met
 * even with every chain taken whole. `need` ≤ 0 gives the empty plan (0 cycles).
 */
export function searchPlan<T>(
  A: Arith<T>,
  items: ReadonlyArray<SearchItem<T>>,
  need: T,
  maxRaise: number,
  strategy: PlanStrategy = 'fewest-steps',
  aspects?: SearchAspects<T>,
): SearchResult | null {
  if (A.cmp(need, A.zero) <= 0) return { cycles: 0, total: 0, counts: items.map(() => 0) };
  const cycles = fewestCycles(A, items, need, maxRaise);
  if (cycles === null) return null;
  const caps = capsFor(items, cycles, maxRaise);
  const least = fewest(A, items, caps, need);
  if (least === null) throw new Error('planner: internal inconsistency (cycles)');
  const total = least.total;
  const counts =
    strategy === 'balanced' && aspects ? balancedCounts(A, items, caps, need, total, aspects) : tieBrokenCounts(A, items, caps, need, total, least.witness, least.pool);
  return { cycles, total, counts };
}

// ---------------------------------------------------------------------------------------------
// The balanced strategy: leximin over aspect indices among the plans with the fewest steps
// ---------------------------------------------------------------------------------------------

/**
 * Within one aspect, the largest gain with at most t steps (t = 0..M, M = the aspect's steps under the caps).
 * An aspect's index is (base + gain) / weight, so for a given number of steps the largest gain is both its
 * highest index and its largest contribution to the need.
 */
function aspectBest<T>(A: Arith<T>, items: ReadonlyArray<SearchItem<T>>, caps: ReadonlyArray<number>, members: ReadonlyArray<number>): T[] {
  let m = 0;
  for (const i of members) m += caps[i];
  const dp = A.table(m + 1, A.zero);
  for (const i of members) addChain(A, dp, m, items[i].gains, 0, caps[i]);
  return dp;
}

/**
 * The balanced plan. Three phases:
 * 1. Per aspect, best[a][t] (aspectBest) and the aspect index it gives; all those values ranked exactly.
 * 2. The leximin vector v (sorted aspect indices, lexicographically largest) over plans with at most
 *    `total` steps that reach the need, stage by stage: the k-th smallest is the largest value m for which
 *    some plan has, for every j < k, at most j − 1 aspects below v_j, and at most k − 1 aspects below m.
 *    Each test is a knapsack over aspects whose state is the set of "lower places" (v_1 … v_{k−1}) used:
 *    every aspect either reaches m or takes one unused lower place j and reaches v_j.
 * 3. The plan: a plan with sorted aspect indices v gives each aspect exactly one value of v, and reaches
 *    it with the fewest steps for that exact gain (else fewer than `total` steps would reach the need).
 *    Per aspect, the fewest-step way to each exact gain keeps its smallest sorted step list (lists of
 *    different aspects are disjoint, so the smallest union is the union of the smallest); every
 *    assignment of the values of v to aspects is tried and the smallest union of step lists wins.
 */
function balancedCounts<T>(
  A: Arith<T>,
  items: ReadonlyArray<SearchItem<T>>,
  caps: ReadonlyArray<number>,
  need: T,
  total: number,
  aspects: SearchAspects<T>,
): number[] {
  const nA = aspects.weight.length;
  const members: number[][] = Array.from({ length: nA }, () => []);
  items.forEach((_, i) => members[aspects.of[i]].push(i));
  const best = members.map((ms) => aspectBest(A, items, caps, ms));

  // Phase 1: rank every attainable value (aspect a with t steps) exactly.
  const cmpValue = (a: number, ga: T, b: number, gb: T): number =>
    A.cmp(A.times(A.add(aspects.base[a], ga), aspects.weight[b]), A.times(A.add(aspects.base[b], gb), aspects.weight[a]));
  const cands: Array<readonly [number, number]> = [];
  best.forEach((row, a) => row.forEach((_, t) => cands.push([a, t])));
  cands.sort((x, y) => cmpValue(x[0], best[x[0]][x[1]], y[0], best[y[0]][y[1]]));
  const rankOf: number[][] = best.map((row) => row.map(() => 0));
  let distinct = 0;
  cands.forEach(([a, t], p) => {
    if (p > 0) {
      const [pa, pt] = cands[p - 1];
      if (cmpValue(pa, best[pa][pt], a, best[a][t]) !== 0) distinct++;
    }
    rankOf[a][t] = distinct;
  });
  const valueRep: Array<readonly [number, number]> = [];
  cands.forEach(([a, t]) => {
    if (valueRep[rankOf[a][t]] === undefined) valueRep[rankOf[a][t]] = [a, t];
  });
  /** Fewest steps for aspect a to reach the value of rank r (its values rise with t), or −1. */
  const reach = (a: number, r: number): number => {
    const row = rankOf[a];
    for (let t = 0; t < row.length; t++) if (row[t] >= r) return t;
    return -1;
  };

  // Phase 2: the leximin vector, as ranks.
  /**
   * Some plan with at most `total` steps reaching the need in which every aspect reaches `top` or takes
   * one unused lower place j and reaches lower[j]: the steps per aspect of one, or null. The knapsack's
   * layers are kept to read the plan back.
   */
  const feasible = (lower: ReadonlyArray<number>, top: number): Int32Array | null => {
    const places = lower.length;
    const masks = 1 << places;
    const width = total + 1;
    const size = masks * width;
    let dp = A.table(size, A.none);
    dp[0] = A.zero;
    const from = new Int32Array(nA * size); // per aspect and state: the previous state × 8 + … (see below)
    const took = new Int8Array(nA * size);
    const roles = [...lower, top];
    for (let a = 0; a < nA; a++) {
      const next = A.table(size, A.none);
      const row = best[a];
      const tMins = roles.map((r) => reach(a, r));
      for (let mask = 0; mask < masks; mask++) {
        for (let role = 0; role <= places; role++) {
          const tMin = tMins[role];
          if (tMin < 0) continue;
          let to = mask;
          if (role < places) {
            if (mask & (1 << role)) continue;
            // Places with equal values are interchangeable: fill them in order.
            if (role > 0 && lower[role - 1] === lower[role] && !(mask & (1 << (role - 1)))) continue;
            to = mask | (1 << role);
          }
          for (let b = 0; b <= total; b++) {
            const cur = dp[mask * width + b];
            if (cur === A.none) continue;
            const tMax = Math.min(row.length - 1, total - b);
            for (let t = tMin; t <= tMax; t++) {
              const cand = A.add(cur, row[t]);
              const at = to * width + b + t;
              if (A.cmp(cand, next[at]) > 0) {
                next[at] = cand;
                from[a * size + at] = mask * width + b;
                took[a * size + at] = t;
              }
            }
          }
        }
      }
      dp = next;
    }
    let end = -1;
    for (let x = 0; x < size && end < 0; x++) if (A.cmp(dp[x], need) >= 0) end = x;
    if (end < 0) return null;
    const steps = new Int32Array(nA);
    for (let a = nA - 1; a >= 0; a--) {
      steps[a] = took[a * size + end];
      end = from[a * size + end];
    }
    return steps;
  };
  /** The aspect values (as ranks) of a plan with these steps per aspect, from the lowest up. */
  const sortedRanks = (steps: Int32Array): number[] => Array.from(steps, (t, a) => rankOf[a][t]).sort((x, y) => x - y);
  // No plan's k-th lowest aspect value exceeds the k-th lowest of the aspects' highest values.
  const ceiling = rankOf.map((row) => row[row.length - 1]).sort((x, y) => x - y);
  const v: number[] = [];
  let witness: number[] | null = null; // the sorted values of the last plan found: lower bounds for the next stages
  for (let k = 0; k < nA; k++) {
    // invariant: some plan has v[0..k−1] and a k-th value ≥ lo; none above hi. Try lo + 1 first (usually
    // the answer is lo), then halve.
    let lo = Math.max(k === 0 ? 0 : v[k - 1], witness ? witness[k] : 0);
    let hi = ceiling[k];
    let first = true;
    while (lo < hi) {
      const mid = first ? lo + 1 : (lo + hi + 1) >> 1;
      first = false;
      const plan = feasible(v, mid);
      if (plan) {
        witness = sortedRanks(plan);
        lo = Math.max(mid, witness[k]);
      } else hi = mid - 1;
    }
    v.push(lo);
  }

  // Phase 3: per aspect, the fewest steps and smallest step list for each exact gain; then the assignment.
  interface Way {
    readonly gain: T;
    readonly steps: number;
    readonly list: number[];
  }
  const exact = members.map((ms) => {
    let ways = new Map<T, Way>([[A.zero, { gain: A.zero, steps: 0, list: [] }]]);
    for (const i of ms) {
      const next = new Map<T, Way>();
      for (const w of ways.values()) {
        let gain = w.gain;
        for (let k = 0; k <= caps[i] && w.steps + k <= total; k++) {
          if (k > 0) gain = A.add(gain, items[i].gains[k - 1]);
          const steps = w.steps + k;
          const old = next.get(gain);
          if (old && old.steps < steps) continue;
          const list = k === 0 ? w.list : mergeSorted(w.list, items[i].ranks.slice(0, k));
          if (!old || old.steps > steps || lexLess(list, old.list)) next.set(gain, { gain, steps, list });
        }
      }
      ways = next;
    }
    return ways;
  });
  // The way of aspect a to the value of rank r (each value is one exact gain within an aspect).
  const wayTo = (a: number, r: number): Way | null => {
    const [ra, rt] = valueRep[r];
    for (const w of exact[a].values()) if (cmpValue(a, w.gain, ra, best[ra][rt]) === 0) return w;
    return null;
  };
  const values = [...new Set(v)];
  const left = values.map((r) => v.filter((x) => x === r).length);
  const options = Array.from({ length: nA }, (_, a) => values.map((r) => wayTo(a, r)));
  let chosen: number[] | null = null;
  const pick: Way[] = [];
  const visit = (a: number, steps: number, gain: T): void => {
    if (steps > total) return;
    if (a === nA) {
      if (steps !== total || A.cmp(gain, need) < 0) return;
      const list = pick.flatMap((w) => w.list).sort((x, y) => x - y);
      if (chosen === null || lexLess(list, chosen)) chosen = list;
      return;
    }
    for (let x = 0; x < values.length; x++) {
      const w = options[a][x];
      if (left[x] === 0 || w === null) continue;
      left[x]--;
      pick.push(w);
      visit(a + 1, steps + w.steps, A.add(gain, w.gain));
      pick.pop();
      left[x]++;
    }
  };
  visit(0, 0, A.zero);
  if (chosen === null) throw new Error('planner: internal inconsistency (balanced)');
  const rankToItem = new Map<number, number>();
  items.forEach((it, i) => it.ranks.forEach((r) => rankToItem.set(r, i)));
  const counts = items.map(() => 0);
  for (const r of chosen as number[]) counts[rankToItem.get(r) as number]++;
  return counts;
}

function mergeSorted(a: ReadonlyArray<number>, b: ReadonlyArray<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

/** Sorted lists of the same length: the first difference decides. */
function lexLess(a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}
