/**
 * The planner's rules against brute force on tiny frameworks (3–5 indicators in 1–3 aspects, whole or
 * pemdi-like decimal levels, random weights, goals and caps): test/core/planner-brute.ts tries every
 * vector of step counts in exact rationals and applies the rules the obvious way.
 *
 * - the cap: at most maxRaise levels per indicator per cycle;
 * - the roadmap: the fewest cycles, then the fewest steps, then the tie rule (lower current level, then
 *   lower indicator number);
 * - locks (the team's) and indicators valued by other agencies: never a step, and the reason of an
 *   unreachable goal names what blocks it;
 * - the balanced strategy: among the plans with the fewest cycles and steps, the sorted aspect indices
 *   lexicographically largest, then the tie rule.
 */
import fc from 'fast-check';
import { planGap, isPlanUsageError, minimalPlan, type GapPlan, type PlanEntry, type PlanStrategy } from '../../src/core/planner';
import { add, cmp, mul, rational, R0 } from '../../src/core/rational';
import type { Rational } from '../../src/core/types';
import { aspectsOf, aspectValues, brute, inputsOf, normalise, smallCaseArb, smallFramework, type SmallCase } from './planner-brute';

/** One plan entry per level, numbered 1, 2, … */
const entriesOf = (levels: ReadonlyArray<Rational>): PlanEntry[] => levels.map((level, i) => ({ key: String(i + 1), no: i + 1, entry: 1, level, target: null }));

/** The index points a plan must add: threshold − current. */
const neededOf = (p: GapPlan): Rational => add(p.threshold, mul(p.current, rational(-1)));

/** What the plan may not raise: the team's locks, and (unless included) indicators valued by other agencies. */
const frozenOf = (c: SmallCase, includeExternal = false) => c.weights.map((_, i) => (c.external[i] && !includeExternal) || c.locked[i]);

const locksOf = (c: SmallCase) => c.locked.flatMap((l, i) => (l ? [String(i + 1)] : []));

function planOf(c: SmallCase, strategy: PlanStrategy, extra: { includeExternal?: boolean } = {}): GapPlan {
  const p = planGap(smallFramework(c), entriesOf(c.levels), { mode: 'index', value: c.target }, { maxRaise: c.maxRaise, strategy, locks: locksOf(c), ...extra });
  if (isPlanUsageError(p)) throw new Error(p.message.en);
  return p;
}

/** "indicators 1 and 3" / "indicator 2", as the English reasons name them. */
function names(keys: string[]): string {
  return keys.length > 1 ? `indicators ${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : `indicator ${keys[0]}`;
}

/**
 * What every plan keeps, whatever the goal: each cycle raises an indicator by 1..maxRaise steps, cycles
 * 1, 2, … in a row from its current value (as early as possible); the raises add up to its steps; locked
 * and other agencies' indicators are left alone; the roadmap has one row per cycle, its index rises every
 * cycle and ends at the planned index.
 */
function keepsTheRules(c: SmallCase, p: GapPlan): boolean {
  const capped = p.indicators.every((g) => g.raises.every((r) => r.steps >= 1 && r.steps <= c.maxRaise && r.cycle >= 1 && r.cycle <= p.cycles));
  const consecutive = p.indicators.every((g) =>
    g.raises.every((r, k) => r.cycle === k + 1 && (k === 0 ? cmp(r.from, g.current) === 0 : cmp(r.from, g.raises[k - 1].to) === 0)),
  );
  const counted = p.indicators.every((g) => g.raises.reduce((s, r) => s + r.steps, 0) === g.steps && (g.steps === 0 ? g.cycle === null : g.cycle === 1));
  const alone = p.indicators.every((g, i) => !(c.locked[i] || g.outOfHands) || (g.steps === 0 && cmp(g.target, g.current) === 0));
  const flags = p.indicators.every((g, i) => g.locked === c.locked[i]);
  const roadmap =
    p.roadmap.length === p.cycles &&
    p.roadmap.every((r, k) => r.cycle === k + 1 && r.steps > 0 && cmp(r.index, k === 0 ? p.current : p.roadmap[k - 1].index) > 0) &&
    (p.cycles === 0 || cmp(p.roadmap[p.cycles - 1].index, p.planned) === 0) &&
    p.roadmap.reduce((s, r) => s + r.steps, 0) === p.steps;
  return capped && consecutive && counted && alone && flags && roadmap;
}

describe('the planner against brute force', () => {
  test('minimalPlan: fewest cycles under the cap, then fewest steps, then the tie rule', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const items = inputsOf(c, frozenOf(c));
        const current = items.reduce((s, it) => add(s, mul(it.current, it.weight)), R0);
        const needed = add(c.target, mul(current, rational(-1, 100)));
        const mp = minimalPlan(items, needed, { maxRaise: c.maxRaise });
        const b = brute(items, needed, c.maxRaise);
        if (b === null) return mp === null;
        return mp !== null && mp.cycles === b.cycles && mp.total === b.total && mp.counts.join() === b.counts.join() && cmp(mp.gain, needed) >= 0;
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test('planGap (index goal): the brute-force plan, the cap per cycle, the roadmap, locks and other agencies left alone', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const p = planOf(c, 'fewest-steps');
        const b = brute(inputsOf(c, frozenOf(c)), neededOf(p), c.maxRaise);
        if (!keepsTheRules(c, p)) return false;
        if (b === null) return !p.reachable && p.steps === 0 && p.cycles === 0;
        return p.reachable && p.cycles === b.cycles && p.steps === b.total && p.indicators.every((g, i) => g.steps === b.counts[i]) && cmp(p.planned, p.threshold) >= 0;
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('an unreachable goal names what blocks it: the locks when lifting them would do, else other agencies', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const p = planOf(c, 'fewest-steps');
        if (p.reachable) return true;
        const reason = p.reason;
        if (reason === null || p.steps !== 0) return false;
        const needed = neededOf(p);
        const five = rational(5);
        const lockedBelow = c.locked.flatMap((l, i) => (l && !c.external[i] && cmp(c.levels[i], five) < 0 ? [String(i + 1)] : []));
        const externalBelow = c.external.flatMap((x, i) => (x && cmp(c.levels[i], five) < 0 ? [String(i + 1)] : []));
        const withoutLocks = brute(inputsOf(c, c.external), needed);
        const withEverything = brute(inputsOf(c, c.weights.map(() => false)), needed);
        if (cmp(c.target, five) > 0) return reason.code === 'TARGET_ABOVE_MAXIMUM';
        if (withEverything === null) return reason.code === 'TARGET_ABOVE_ALL_FIVE';
        if (lockedBelow.length > 0 && withoutLocks !== null) return reason.code === 'TARGET_NEEDS_LOCKED' && reason.message.en.includes(`locks on ${names(lockedBelow)}:`);
        return (
          reason.code === 'TARGET_NEEDS_OTHER_AGENCIES' &&
          reason.message.en.includes(`depends on ${names(externalBelow)},`) &&
          (lockedBelow.length === 0 || reason.message.en.includes(`The locks on ${names(lockedBelow)} are kept as well.`))
        );
      }),
      { numRuns: 400, seed: 31 },
    );
  });

  test('balanced: the same cycles and steps, the sorted aspect indices lexicographically largest, then the tie rule', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const p = planOf(c, 'balanced');
        const items = inputsOf(c, frozenOf(c));
        const needed = neededOf(p);
        const b = brute(items, needed, c.maxRaise, 'balanced', aspectsOf(c));
        const fewest = brute(items, needed, c.maxRaise);
        if (!keepsTheRules(c, p)) return false;
        if (b === null || fewest === null) return b === fewest && !p.reachable;
        const sameSize = b.cycles === fewest.cycles && b.total === fewest.total;
        const same = p.cycles === b.cycles && p.steps === b.total && p.indicators.every((g, i) => g.steps === b.counts[i]);
        // the lowest aspect index is never below the fewest-steps plan's
        const low = (counts: number[]) => aspectValues(items, counts, aspectsOf(c)).sort(cmp)[0];
        return sameSize && same && cmp(low(b.counts), low(fewest.counts)) >= 0;
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  test('includeExternal: indicators valued by other agencies are planned like the others (locks still hold)', () => {
    fc.assert(
      fc.property(smallCaseArb, (c) => {
        const p = planOf(c, 'fewest-steps', { includeExternal: true });
        const b = brute(inputsOf(c, frozenOf(c, true)), neededOf(p), c.maxRaise);
        if (b === null) return !p.reachable && p.reason?.code !== 'TARGET_NEEDS_OTHER_AGENCIES';
        return p.reachable && p.cycles === b.cycles && p.indicators.every((g, i) => g.steps === b.counts[i] && !g.outOfHands);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  test('maxRaise 4 or more is no cap: one cycle, the unconstrained plan', () => {
    fc.assert(
      fc.property(smallCaseArb, fc.integer({ min: 4, max: 50 }), (c, big) => {
        const p = planOf({ ...c, maxRaise: big }, 'fewest-steps');
        const b = brute(inputsOf(c, frozenOf(c)), neededOf(p), 4);
        if (b === null) return !p.reachable;
        return p.cycles === (b.total > 0 ? 1 : 0) && p.indicators.every((g, i) => g.steps === b.counts[i] && g.raises.length <= 1);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  test('level and Target-column goals: every target kept, raised at most maxRaise levels per cycle, cycles = the longest raise', () => {
    fc.assert(
      fc.property(smallCaseArb, fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 100, max: 500 }), { minLength: 5, maxLength: 5 }), (c, level, col) => {
        const fw = smallFramework(c);
        const base = entriesOf(c.levels);
        const withTargets = base.map((e, i) => ({ ...e, target: c.decimal ? rational(col[i], 100) : rational(Math.ceil(col[i] / 100)) }));
        const requests = [
          [base, { mode: 'level' as const, level }],
          [withTargets, { mode: 'column' as const }],
        ] as const;
        for (const [entries, request] of requests) {
          const p = planGap(fw, entries, request, { maxRaise: c.maxRaise, locks: locksOf(c) });
          if (isPlanUsageError(p) || !keepsTheRules(c, p)) return false;
          const longest = Math.max(0, ...p.indicators.map((g) => Math.ceil(g.steps / c.maxRaise)));
          if (p.cycles !== longest) return false;
          const kept = p.indicators.every((g, i) => {
            const wanted = request.mode === 'level' ? rational(level) : (withTargets[i].target as Rational);
            const fixed = c.locked[i] || c.external[i] || cmp(wanted, g.current) <= 0;
            return fixed ? cmp(g.target, g.current) === 0 : cmp(g.target, wanted) === 0;
          });
          if (!kept) return false;
        }
        return true;
      }),
      { numRuns: 150, seed: 99 },
    );
  });
});

test('the brute force itself: a known case (greedy by gain would be wrong, the cap changes the plan)', () => {
  // A at 1.99 (50 %): 0.005 then 0.5 per level; B at 1 (30 %); C at 1 (20 %). Need 1 index point.
  const items = [
    { key: '1', no: 1, entry: 1, current: rational(199, 100), weight: rational(50) },
    { key: '2', no: 2, entry: 1, current: rational(1), weight: rational(30) },
    { key: '3', no: 3, entry: 1, current: rational(1), weight: rational(20) },
  ];
  // Greedy by step size would take B four times; A three times suffices.
  expect(brute(items, rational(1))).toEqual({ cycles: 1, total: 3, counts: [3, 0, 0] });
  // One level per cycle: one cycle gains at most 0.505; two cycles need 4 steps, e.g. B and C to 3 (exactly 1)
  // or A to 3 with B and C one level each (1.005). Sorted by the level a step starts from, the latter's
  // list B@1, C@1, A@1.99, A@2 comes before B@1, C@1, B@2, C@2.
  expect(brute(items, rational(1), 1)).toEqual({ cycles: 2, total: 4, counts: [2, 1, 1] });
  expect(brute(items, rational(0))).toEqual({ cycles: 0, total: 0, counts: [0, 0, 0] });
});

test('balanced with up to 6 aspects (every way to share the lower places among them): the brute-force plan', () => {
  const manyAspects = fc
    .record({
      parts: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 6, maxLength: 9 }),
      aspect: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 9 }),
      seed: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 9, maxLength: 9 }),
      decimal: fc.boolean(),
      lift: fc.integer({ min: 1, max: 60 }),
    })
    .map(({ parts, aspect, seed, decimal, lift }): SmallCase => {
      const weights = normalise(parts);
      const order: number[] = [];
      const aspectOf = weights.map((_, i) => (order.includes(aspect[i]) ? order.indexOf(aspect[i]) : order.push(aspect[i]) - 1));
      const levels = weights.map((_, i) => (decimal ? rational(100 + seed[i], 100) : rational(1 + (seed[i] % 5))));
      const current = levels.reduce((s, v, i) => add(s, mul(v, rational(weights[i], 10000))), R0);
      const none = weights.map(() => false);
      return { decimal, weights, aspectOf, levels, external: none, locked: none, target: add(current, rational(lift, 100)), maxRaise: 1 };
    });
  fc.assert(
    fc.property(manyAspects, (c) => {
      const p = planOf(c, 'balanced');
      const b = brute(inputsOf(c, frozenOf(c)), neededOf(p), c.maxRaise, 'balanced', aspectsOf(c));
      if (b === null) return !p.reachable;
      return p.cycles === b.cycles && p.steps === b.total && p.indicators.every((g, i) => g.steps === b.counts[i]);
    }),
    { numRuns: 60, seed: 606 },
  );
});
