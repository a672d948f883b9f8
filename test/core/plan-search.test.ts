/**
 * The integer path equals the exact path.
 *
 * - plan-units.ts: every amount in units is exactly the rational amount (shares, step gains, ceilings),
 *   on the JS-number path and on the bigint path;
 * - plan-search.ts: the same problems in JS numbers and in bigints give the same plans (both strategies,
 *   every cap) — the code is shared, only the arithmetic differs;
 * - the real frameworks' examples: minimalPlan on the number path equals the bigint path;
 * - values too fine for JS numbers (13 decimals) take the bigint path and still give the brute-force plan.
 */
import fc from 'fast-check';
import { BIGINT_ARITH, NUMBER_ARITH, searchPlan, type PlanStrategy, type SearchItem } from '../../src/core/plan-search';
import { unitsOf, type Units } from '../../src/core/plan-units';
import { isPlanUsageError, minimalPlan, planGap, stepChain, type PlanInput } from '../../src/core/planner';
import { add, ceil, cmp, div, eq, mul, rational, R0, sub } from '../../src/core/rational';
import { entryWeights } from '../../src/core/scoring';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import type { Rational } from '../../src/core/types';
import { example2018, example2020, example2026 } from '../../scripts/make-examples';
import { brute, inputsOf, smallCaseArb, smallFramework } from './planner-brute';
import { entriesOf } from './gap-helpers';
import { referencePlan } from './planner-reference';

const HUNDRED = rational(100);

/** Every amount of the units against the rational arithmetic. */
function exact<T>(u: Units<T>, items: ReadonlyArray<PlanInput>): boolean {
  const sharesOk = items.every((it, i) => eq(u.toRational(u.share[i]), div(mul(it.current, it.weight), HUNDRED)));
  const indexOk = eq(u.toRational(u.index), div(items.reduce((s, it) => add(s, mul(it.current, it.weight)), R0), HUNDRED));
  const chainsOk = items.every((it, i) => {
    const steps = stepChain(it.current, it.weight);
    return steps.length === u.chain[i].length && steps.every((s, j) => eq(u.toRational(u.chain[i][j]), s.gain));
  });
  return sharesOk && indexOk && chainsOk;
}

const levelArb = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => rational(n)),
  fc.integer({ min: 100, max: 500 }).map((n) => rational(n, 100)),
  fc.integer({ min: 1000, max: 5000 }).map((n) => rational(n, 1000)),
  fc.tuple(fc.integer({ min: 3, max: 14 }), fc.integer({ min: 1, max: 4 })).map(([d, w]) => rational(w * d + 1, d)), // 4/3, 7/6 …
);

describe('plan-units: integer amounts are the exact amounts', () => {
  test('shares, index and step gains, on both paths', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(levelArb, fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 8 }), (rows) => {
        const items: PlanInput[] = rows.map(([current, bp, spread], i) => ({ key: String(i + 1), no: i + 1, entry: 1, current, weight: rational(bp, 100 * spread) }));
        const fast = unitsOf(items);
        const slow = unitsOf(items, 1, 'bigint');
        const fastOk = fast.A.kind === 'number' ? exact(fast as Units<number>, items) : exact(fast as Units<bigint>, items);
        return slow.A.kind === 'bigint' && fastOk && exact(slow as Units<bigint>, items);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  test('the whole-level and pemdi cases take the number path; values beyond it take the bigint path', () => {
    const w = rational(5);
    expect(unitsOf([{ current: rational(126, 100), weight: w }]).A.kind).toBe('number');
    expect(unitsOf([{ current: rational(3), weight: rational(10, 3) }]).A.kind).toBe('number'); // spbe2018 spread weight
    const fine = { current: add(rational(2), rational(1, 10 ** 13)), weight: w };
    expect(unitsOf([fine]).A.kind).toBe('bigint');
    expect(exact(unitsOf([fine]) as Units<bigint>, [{ key: '1', no: 1, entry: 1, ...fine }])).toBe(true);
  });

  test('ceilUnits: the smallest whole number of units at or above an amount', () => {
    const u = unitsOf([{ current: rational(126, 100), weight: rational(5) }]) as Units<number>;
    for (const r of [rational(1, 3), rational(2595, 1000), rational(7, 10 ** 9), R0]) {
      const c = u.ceilUnits(r);
      expect(cmp(u.toRational(c), r)).toBeGreaterThanOrEqual(0);
      expect(cmp(u.toRational(c - 1), r)).toBeLessThan(0);
      expect(BigInt(c)).toBe(ceil(mul(r, rational(u.den))));
    }
  });
});

/** A chain as levels give it: a first step d ≤ w (a decimal's), then w per level; 0–4 steps. */
const chainArb = fc
  .record({ w: fc.integer({ min: 1, max: 60 }), d: fc.integer({ min: 1, max: 60 }), length: fc.integer({ min: 0, max: 4 }) })
  .map(({ w, d, length }) => [Math.min(d, w), w, w, w].slice(0, length));

/** A random optimiser problem in plain integers: 2–6 items, chains of 0–4 gains, aspects, a need. */
const problemArb = fc.record({
  chains: fc.array(chainArb, { minLength: 2, maxLength: 6 }),
  aspect: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
  base: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 3, maxLength: 3 }),
  weight: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }),
  need: fc.integer({ min: -5, max: 300 }),
  maxRaise: fc.integer({ min: 1, max: 5 }),
  strategy: fc.constantFrom<PlanStrategy>('fewest-steps', 'balanced'),
});

describe('plan-search: JS numbers and bigints give the same plans', () => {
  test('random problems, both strategies, every cap', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        let rank = 0;
        const numbers: SearchItem<number>[] = p.chains.map((gains) => ({ gains, ranks: gains.map(() => rank++) }));
        const bigints: SearchItem<bigint>[] = numbers.map((it) => ({ gains: it.gains.map((g) => BigInt(g)), ranks: it.ranks }));
        const of = p.chains.map((_, i) => p.aspect[i]);
        const a = searchPlan(NUMBER_ARITH, numbers, p.need, p.maxRaise, p.strategy, { of, base: p.base, weight: p.weight });
        const b = searchPlan(BIGINT_ARITH, bigints, BigInt(p.need), p.maxRaise, p.strategy, { of, base: p.base.map(BigInt), weight: p.weight });
        return JSON.stringify(a) === JSON.stringify(b);
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  test.each([
    ['spbe2018', SPBE2018, example2018],
    ['spbe2020', SPBE2020, example2020],
    ['pemdi2026', PEMDI2026, example2026],
  ] as const)('%s example: minimalPlan on numbers equals bigints, for every cap, both strategies, goals up to 5', (_id, fw, spec) => {
    const levels: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(spec().levels)) levels[k] = typeof v === 'string' ? v.replace('Tingkat ', '') : v;
    const entries = entriesOf(levels);
    const weights = entryWeights(fw, entries);
    const items: PlanInput[] = entries.map((e) => ({ key: e.key, no: e.no, entry: e.entry, current: e.level as Rational, weight: weights.get(e.key) as Rational }));
    const aspects = {
      of: entries.map((e) => fw.aspects.findIndex((a) => a.no === fw.indicators[e.no - 1].aspect)),
      weight: fw.aspects.map((a) => a.weight),
    };
    const current = div(items.reduce((s, it) => add(s, mul(it.current, it.weight)), R0), HUNDRED);
    for (const goal of [260, 350, 420, 500]) {
      const needed = sub(rational(goal, 100), current);
      for (const maxRaise of [1, 2, 5]) {
        for (const strategy of ['fewest-steps', 'balanced'] as const) {
          const fast = minimalPlan(items, needed, { maxRaise, strategy, aspects });
          const slow = minimalPlan(items, needed, { maxRaise, strategy, aspects, arithmetic: 'bigint' });
          expect({ goal, maxRaise, strategy, counts: fast?.counts, cycles: fast?.cycles }).toEqual({ goal, maxRaise, strategy, counts: slow?.counts, cycles: slow?.cycles });
        }
      }
    }
  });
});

test('values too fine for JS numbers: the bigint path gives the brute-force plan', () => {
  const tiny = rational(1, 10 ** 13);
  fc.assert(
    fc.property(smallCaseArb, (c0) => {
      const c = { ...c0, levels: c0.levels.map((l) => (cmp(l, rational(5)) < 0 ? add(l, tiny) : l)), locked: c0.locked.map(() => false) };
      const entries = c.levels.map((level, i) => ({ key: String(i + 1), no: i + 1, entry: 1, level, target: null }));
      const p = planGap(smallFramework(c), entries, { mode: 'index', value: c.target }, { maxRaise: c.maxRaise });
      if (isPlanUsageError(p)) return false;
      const b = brute(inputsOf(c, c.external), sub(p.threshold, p.current), c.maxRaise);
      if (b === null) return !p.reachable;
      return p.reachable && p.cycles === b.cycles && p.indicators.every((g, i) => g.steps === b.counts[i]);
    }),
    { numRuns: 100, seed: 23 },
  );
});

describe('larger problems than brute force can try: the same plans as the first planner (a bigint knapsack per greedy step)', () => {
  /** 8–24 entries, whole or decimal levels, random weights (percent with up to 2 decimals), some frozen. */
  const mediumArb = fc.record({
    rows: fc.array(fc.record({ level: levelArb, bp: fc.integer({ min: 10, max: 1500 }), frozen: fc.integer({ min: 0, max: 9 }) }), { minLength: 8, maxLength: 24 }),
    lift: fc.integer({ min: 1, max: 250 }),
    maxRaise: fc.integer({ min: 1, max: 4 }),
  });
  test('fewest cycles, then steps, then the tie rule', () => {
    fc.assert(
      fc.property(mediumArb, ({ rows, lift, maxRaise }) => {
        const items: PlanInput[] = rows.map((r, i) => ({ key: String(i + 1), no: i + 1, entry: 1, current: r.level, weight: rational(r.bp, 100), locked: r.frozen === 0 }));
        const needed = rational(lift, 100);
        const mp = minimalPlan(items, needed, { maxRaise });
        // the reference has no cycles: try 1, 2, … cycles (cap = cycles × maxRaise) until one reaches the need
        for (let cycles = 1; cycles <= 4; cycles++) {
          const ref = referencePlan(items, needed, cycles * maxRaise);
          if (ref !== null) return mp !== null && mp.cycles === cycles && mp.total === ref.total && mp.counts.join() === ref.counts.join();
        }
        return mp === null;
      }),
      { numRuns: 150, seed: 8 },
    );
  });
});
