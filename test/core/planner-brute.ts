/**
 * The planner's rules written the slow, obvious way (not a test file): every vector of step counts is
 * tried, in exact rationals, with nothing shared with src/core/plan-search.ts but the step model
 * (stepChain, compareSteps). Plus tiny frameworks built with the frameworks' own builder (define.ts).
 *
 * The rules (src/core/planner.ts):
 * 1. the fewest cycles C: a plan within C cycles takes at most C × maxRaise steps per item;
 * 2. the fewest steps within that cap;
 * 3. 'balanced' only: the aspect indices sorted ascending, lexicographically largest (leximin);
 * 4. the sorted step list (compareSteps order) lexicographically smallest.
 */
import fc from 'fast-check';
import { compareSteps, stepChain, type LevelStep, type PlanInput, type PlanStrategy } from '../../src/core/planner';
import { add, ceil, cmp, div, floor, mul, R0, rational } from '../../src/core/rational';
import { buildIndicators, type IndicatorRow } from '../../src/core/frameworks/define';
import type { AspectDef, Framework, Rational } from '../../src/core/types';

export interface BruteResult {
  readonly cycles: number;
  readonly total: number;
  readonly counts: number[];
}

/** Aspect of each item and the aspects' weights in basis points (for 'balanced'). */
export interface BruteAspects {
  readonly of: ReadonlyArray<number>;
  readonly weight: ReadonlyArray<number>;
}

/** The value of an item after k steps. */
function after(it: PlanInput, k: number): Rational {
  return k === 0 ? it.current : rational(floor(it.current) + BigInt(k));
}

/** Aspect indices (exact) of a plan: Σ value × weight(%) / aspect weight(%). */
export function aspectValues(items: ReadonlyArray<PlanInput>, counts: ReadonlyArray<number>, aspects: BruteAspects): Rational[] {
  return aspects.weight.map((w, a) => {
    let s = R0;
    items.forEach((it, i) => {
      if (aspects.of[i] === a) s = add(s, mul(after(it, counts[i]), it.weight));
    });
    return div(s, rational(w, 100));
  });
}

function sortedAsc(values: Rational[]): Rational[] {
  return [...values].sort(cmp);
}

/** −1 when a is lexicographically smaller. */
function lexCmp<X>(a: ReadonlyArray<X>, b: ReadonlyArray<X>, c: (x: X, y: X) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = c(a[i], b[i]);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The plan by the rules above; null when no number of cycles reaches `needed`. */
export function brute(
  items: ReadonlyArray<PlanInput>,
  needed: Rational,
  maxRaise = 4,
  strategy: PlanStrategy = 'fewest-steps',
  aspects?: BruteAspects,
): BruteResult | null {
  if (cmp(needed, R0) <= 0) return { cycles: 0, total: 0, counts: items.map(() => 0) };
  const chains = items.map((it, i) => (it.locked ? [] : stepChain(it.current, it.weight, i)));
  for (let cycles = 1; cycles <= 4; cycles++) {
    const caps = chains.map((c) => Math.min(c.length, cycles * maxRaise));
    const feasible: number[][] = [];
    const counts = items.map(() => 0);
    const visit = (i: number, gain: Rational): void => {
      if (i === items.length) {
        if (cmp(gain, needed) >= 0) feasible.push([...counts]);
        return;
      }
      let g = gain;
      for (let k = 0; k <= caps[i]; k++) {
        if (k > 0) g = add(g, chains[i][k - 1].gain);
        counts[i] = k;
        visit(i + 1, g);
      }
      counts[i] = 0;
    };
    visit(0, R0);
    if (feasible.length === 0) continue;
    const totalOf = (c: number[]) => c.reduce((s, x) => s + x, 0);
    const total = Math.min(...feasible.map(totalOf));
    let best = feasible.filter((c) => totalOf(c) === total);
    if (strategy === 'balanced' && aspects) {
      const keyed = best.map((c) => ({ c, v: sortedAsc(aspectValues(items, c, aspects)) }));
      const top = keyed.reduce((m, x) => (lexCmp(x.v, m.v, cmp) > 0 ? x : m));
      best = keyed.filter((x) => lexCmp(x.v, top.v, cmp) === 0).map((x) => x.c);
    }
    const stepsOf = (c: number[]): LevelStep[] => chains.flatMap((ch, i) => ch.slice(0, c[i])).sort((a, b) => compareSteps(items, a, b));
    const chosen = best.reduce((m, c) => (lexCmp(stepsOf(c), stepsOf(m), (a, b) => compareSteps(items, a, b)) < 0 ? c : m));
    return { cycles, total, counts: chosen };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tiny frameworks and random cases
// ---------------------------------------------------------------------------------------------

export interface SmallCase {
  readonly decimal: boolean;
  /** Indicator weights in basis points (sum 10000). */
  readonly weights: number[];
  /** Aspect of each indicator, 0-based (aspects numbered 1.. in the framework). */
  readonly aspectOf: number[];
  readonly levels: Rational[];
  /** Valued by another agency (IndicatorDef.valuedBy). */
  readonly external: boolean[];
  /** Locked by the team (PlanOptions.locks). */
  readonly locked: boolean[];
  readonly target: Rational;
  readonly maxRaise: number;
}

/** A framework of a few indicators in a few aspects, built like the real ones (define.ts). */
export function smallFramework(c: Pick<SmallCase, 'weights' | 'aspectOf' | 'decimal' | 'external'>): Framework {
  const nAspects = Math.max(...c.aspectOf) + 1;
  const aspects: AspectDef[] = Array.from({ length: nAspects }, (_, a) => ({
    no: a + 1,
    name: `Aspek ${a + 1}`,
    weight: c.weights.reduce((s, w, i) => s + (c.aspectOf[i] === a ? w : 0), 0),
  }));
  const rows: IndicatorRow[] = c.weights.map((w, i) => [i + 1, `Indikator Uji ${i + 1}`, c.aspectOf[i] + 1, w]);
  const indicators = buildIndicators(rows, aspects, (no) => ({
    levelNames: 'x',
    ...(c.external[no - 1] ? { valuedBy: { id: `indeks lain ${no}`, en: `other index ${no}` } } : {}),
  }));
  return {
    id: 'test-small',
    name: 'Small test framework',
    regulation: { title: 'Test', number: '1/2000', year: 2000, subject: 'Test', usedFor: 'tests' },
    values: c.decimal ? 'decimal' : 'whole',
    domains: [],
    aspects: aspects.filter((a) => a.weight > 0),
    indicators,
    levelNames: { x: ['a', 'b', 'c', 'd', 'e'] },
    predicates: [
      { name: 'Kurang', min: 0 },
      { name: 'Cukup', min: 180 },
      { name: 'Baik', min: 260 },
      { name: 'Sangat Baik', min: 350 },
      { name: 'Memuaskan', min: 420 },
    ],
  };
}

/** Weights in basis points summing to 10000 from positive parts. */
export function normalise(parts: number[]): number[] {
  const total = parts.reduce((s, x) => s + x, 0);
  const bp = parts.map((x) => Math.max(1, Math.floor((x * 10000) / total)));
  bp[0] += 10000 - bp.reduce((s, x) => s + x, 0);
  return bp;
}

/** Random small cases: 3–5 indicators in 1–3 aspects, whole or decimal levels, some external, some locked. */
export const smallCaseArb: fc.Arbitrary<SmallCase> = fc
  .record({
    decimal: fc.boolean(),
    parts: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 5 }),
    aspect: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    // the goal: mostly above the current index (by up to 1.5 points), sometimes anywhere in 1.00–5.20
    goal: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 150 }).map((lift) => ({ lift })) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 520 }).map((at) => ({ at })) }),
    seed: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
    // 0 = valued by another agency, 1 = locked by the team (each about one indicator in five)
    hold: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
    maxRaise: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ decimal, parts, aspect, goal, seed, hold, maxRaise }) => {
    const weights = normalise(parts);
    // aspects numbered without gaps, in order of first use
    const order: number[] = [];
    const aspectOf = weights.map((_, i) => {
      if (!order.includes(aspect[i])) order.push(aspect[i]);
      return order.indexOf(aspect[i]);
    });
    const levels = weights.map((_, i) => (decimal ? rational(100 + seed[i], 100) : rational(1 + (seed[i] % 5))));
    const current = levels.reduce((acc, v, i) => add(acc, mul(v, rational(weights[i], 10000))), R0);
    const target = 'at' in goal ? rational(goal.at, 100) : rational(ceil(mul(current, rational(100))) + BigInt(goal.lift), 100);
    return {
      decimal,
      weights,
      aspectOf,
      levels,
      external: weights.map((_, i) => hold[i] === 0),
      locked: weights.map((_, i) => hold[i] === 1),
      target,
      maxRaise,
    };
  });

/** The plan inputs of a case: weights in percent; `frozen` marks what the plan may not raise. */
export function inputsOf(c: SmallCase, frozen: ReadonlyArray<boolean>): PlanInput[] {
  return c.weights.map((w, i) => ({ key: String(i + 1), no: i + 1, entry: 1, current: c.levels[i], weight: rational(w, 100), locked: frozen[i] }));
}

/** The aspects of a case for the brute force (weights in basis points). */
export function aspectsOf(c: SmallCase): BruteAspects {
  const n = Math.max(...c.aspectOf) + 1;
  return { of: c.aspectOf, weight: Array.from({ length: n }, (_, a) => c.weights.reduce((s, w, i) => s + (c.aspectOf[i] === a ? w : 0), 0)) };
}
