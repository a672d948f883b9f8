/**
 * Optimality of the planner against brute force on small frameworks (3–5 indicators): for random levels
 * (whole or pemdi-like decimals), weights and targets, the plan uses the fewest whole-level steps that reach
 * the target, and among all plans with that many steps it is the one the tie rule picks (steps from the
 * lowest current level first, then the lowest indicator number).
 */
import fc from 'fast-check';
import { planGap, isPlanUsageError, minimalPlan, stepChain, compareSteps } from '../../src/core/planner';
import type { PlanInput } from '../../src/core/planner';
import { add, cmp, div, mul, rational, R0, sum } from '../../src/core/rational';
import type { AssessmentEntry, Framework, Rational } from '../../src/core/types';

function smallFramework(weights: number[], values: 'whole' | 'decimal'): Framework {
  return {
    id: 'test-small',
    name: 'Small test framework',
    regulation: { title: 'Test', number: '1/2000', year: 2000, subject: 'Test', usedFor: 'tests' },
    values,
    domains: [],
    aspects: [{ no: 1, name: 'Only aspect', weight: weights.reduce((s, w) => s + w, 0) }],
    indicators: weights.map((w, i) => ({ no: i + 1, name: `Indicator ${i + 1}`, aspect: 1, weight: w, levelNames: 'x' })),
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
function normalise(parts: number[]): number[] {
  const total = parts.reduce((s, x) => s + x, 0);
  const bp = parts.map((x) => Math.floor((x * 10000) / total));
  bp[0] += 10000 - bp.reduce((s, x) => s + x, 0);
  return bp;
}

interface Brute {
  total: number;
  /** The tie-broken best plan's sorted step list, as item indices with their chain positions. */
  best: string;
}

/** Every vector of step counts; the fewest steps reaching `needed`; among those the lexicographically smallest sorted step list. */
function brute(items: PlanInput[], needed: Rational): Brute | null {
  const chains = items.map((it, i) => stepChain(it.current, it.weight, i));
  let best: { total: number; key: string; steps: ReturnType<typeof stepChain> } | null = null;
  const counts = items.map(() => 0);
  const visit = (i: number) => {
    if (i === items.length) {
      const steps = chains.flatMap((c, j) => c.slice(0, counts[j]));
      const gain = sum(steps.map((s) => s.gain));
      if (cmp(gain, needed) < 0) return;
      const total = steps.length;
      steps.sort((a, b) => compareSteps(items, a, b));
      const key = steps.map((s) => `${s.item}:${s.from.num}/${s.from.den}`).join(',');
      if (!best || total < best.total || (total === best.total && lexLess(items, steps, best.steps))) best = { total, key, steps };
      return;
    }
    for (let k = 0; k <= chains[i].length; k++) {
      counts[i] = k;
      visit(i + 1);
    }
    counts[i] = 0;
  };
  visit(0);
  if (!best) return null;
  const b = best as { total: number; key: string };
  return { total: b.total, best: b.key };
}

function lexLess(items: PlanInput[], a: ReturnType<typeof stepChain>, b: ReturnType<typeof stepChain>): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareSteps(items, a[i], b[i]);
    if (c !== 0) return c < 0;
  }
  return a.length < b.length;
}

const caseArb = fc
  .record({
    decimal: fc.boolean(),
    parts: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 5 }),
    targetHundredths: fc.integer({ min: 100, max: 520 }),
    seed: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ decimal, parts, targetHundredths, seed }) => {
    const weights = normalise(parts);
    const levels = weights.map((_, i) => (decimal ? rational(100 + seed[i], 100) : rational(1 + (seed[i] % 5))));
    return { decimal, weights, levels, target: rational(targetHundredths, 100) };
  });

describe('planner optimality (property, against brute force)', () => {
  test('minimalPlan: fewest steps, tie rule, exact gain', () => {
    fc.assert(
      fc.property(caseArb, ({ weights, levels, target }) => {
        const items: PlanInput[] = weights.map((w, i) => ({ key: String(i + 1), no: i + 1, entry: 1, current: levels[i], weight: rational(w, 100) }));
        const current = div(sum(items.map((it) => mul(it.current, it.weight))), rational(100));
        const needed = add(target, mul(current, rational(-1)));
        const mp = minimalPlan(items, needed);
        const b = cmp(needed, R0) <= 0 ? { total: 0, best: '' } : brute(items, needed);
        if (b === null) return mp === null;
        if (mp === null) return false;
        const key = [...mp.steps].sort((x, y) => compareSteps(items, x, y)).map((s) => `${s.item}:${s.from.num}/${s.from.den}`).join(',');
        return mp.total === b.total && key === b.best && cmp(mp.gain, needed) >= 0;
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test('planGap on a small framework: the plan reaches the target with the brute-force minimum of steps', () => {
    fc.assert(
      fc.property(caseArb, ({ decimal, weights, levels, target }) => {
        const fw = smallFramework(weights, decimal ? 'decimal' : 'whole');
        const entries: AssessmentEntry[] = levels.map((level, i) => ({
          key: String(i + 1), no: i + 1, entry: 1, row: i, cell: `B${i + 1}`, raw: Number(level.num) / Number(level.den),
          plainNumber: true, level, name: null, stages: [], sheetWeight: null, evidence: null, target: null, note: null,
        }));
        const p = planGap(fw, entries, { mode: 'index', value: target });
        if (isPlanUsageError(p)) return false;
        const items: PlanInput[] = weights.map((w, i) => ({ key: String(i + 1), no: i + 1, entry: 1, current: levels[i], weight: rational(w, 100) }));
        const needed = add(target, mul(p.current, rational(-1)));
        const b = cmp(needed, R0) <= 0 ? { total: 0, best: '' } : brute(items, needed);
        if (b === null) return p.reachable === false && p.reason !== null && p.steps === 0;
        return p.reachable && p.steps === b.total && cmp(p.planned, target) >= 0;
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('the same holds with random seeds', () => {
    fc.assert(
      fc.property(caseArb, ({ weights, levels, target }) => {
        const items: PlanInput[] = weights.map((w, i) => ({ key: String(i + 1), no: i + 1, entry: 1, current: levels[i], weight: rational(w, 100) }));
        const current = div(sum(items.map((it) => mul(it.current, it.weight))), rational(100));
        const needed = add(target, mul(current, rational(-1)));
        const mp = minimalPlan(items, needed);
        const b = cmp(needed, R0) <= 0 ? { total: 0, best: '' } : brute(items, needed);
        return b === null ? mp === null : mp !== null && mp.total === b.total;
      }),
      { numRuns: 200 },
    );
  });
});
