import {
  planGap,
  isPlanUsageError,
  planSteps,
  planRoadmap,
  minimalPlan,
  stepChain,
  thresholdFor,
  findPredicate,
  parseTargetIndex,
  levelName,
  evidenceNeeded,
} from '../../src/core/planner';
import type { GapPlan, PlanStrategy } from '../../src/core/planner';
import { SPBE2018, SPBE2020, PEMDI2026 } from '../../src/core/frameworks';
import { fromDecimalString, rational, toNumber, toFixed, eq, cmp } from '../../src/core/rational';
import { score } from '../../src/core/scoring';
import { example2020, example2026 } from '../../scripts/make-examples';
import type { Framework, Rational } from '../../src/core/types';
import { ACEH, entriesOf } from './gap-helpers';


function ok(p: ReturnType<typeof planGap>): GapPlan {
  if (isPlanUsageError(p)) throw new Error(p.message.en);
  return p;
}

const r = (s: string) => fromDecimalString(s) as Rational;

describe('planner on Aceh Tengah 2025 (exact 2.594)', () => {
  const entries = entriesOf(ACEH);

  test('target 2.6 needs exactly one level step', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'index', value: r('2.6') }));
    expect(toNumber(p.current)).toBe(2.594);
    expect(p.reachable).toBe(true);
    expect(p.steps).toBe(1);
    const steps = planSteps(p);
    expect(steps).toHaveLength(1);
    // Tie-break: the lowest current level (1), then the lowest number: indicator 4.
    expect(steps[0]).toMatchObject({ no: 4, from: 1, to: 2, steps: 1, rank: 1 });
    expect(steps[0].uplift).toBeCloseTo(0.013, 12);
    expect(toNumber(p.planned)).toBe(2.607);
    expect(p.plannedPredicate).toBe('Baik');
    expect(p.currentPredicate).toBe('Cukup');
    expect(toNumber(p.pointsNeeded)).toBeCloseTo(0.006, 12);
  });

  test('predicate target Baik = its lower bound 2.60', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'predicate', name: 'baik' }));
    expect(toNumber(p.goal)).toBe(2.6);
    expect(p.goalPredicate).toBe('Baik');
    expect(p.steps).toBe(1);
  });

  test('predicate target Sangat Baik (3.50) needs the minimal number of steps', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'predicate', name: 'Sangat Baik' }));
    // need 0.906 index points; the largest steps are worth 0.03 (42–47, levels 3–4 → max 5) and 0.0275 ...
    expect(p.reachable).toBe(true);
    expect(cmp(p.planned, r('3.5'))).toBeGreaterThanOrEqual(0);
    const plans = planSteps(p);
    expect(plans.reduce((s, x) => s + x.steps, 0)).toBe(p.steps);
    // Removing any one step falls short: the plan is minimal at least locally.
    expect(p.steps).toBeGreaterThan(30);
  });

  test('rounded basis: 2.595 counts as 2.60', () => {
    expect(eq(thresholdFor(r('2.6'), 'rounded'), r('2.595'))).toBe(true);
    expect(eq(thresholdFor(r('2.6'), 'exact'), r('2.6'))).toBe(true);
    const p = ok(planGap(SPBE2020, entries, { mode: 'index', value: r('2.6') }, { basis: 'rounded' }));
    expect(p.steps).toBe(1);
  });

  test('uniform level 3: every indicator below 3 is raised to 3', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'level', level: 3 }));
    const below = Object.values(ACEH).filter((v) => v < 3);
    expect(p.steps).toBe(below.reduce((s, v) => s + (3 - v), 0));
    for (const g of p.indicators) expect(toNumber(g.target)).toBe(Math.max(3, ACEH[g.key]));
    expect(p.reachable).toBe(true);
    expect(p.targetLevel).toBe(3);
  });

  test('target column: each indicator to its written target, never below its level', () => {
    const e = entriesOf(ACEH, { 1: 4, 2: 1, 21: 3, 47: 5 });
    const p = ok(planGap(SPBE2020, e, { mode: 'column' }));
    const t = (k: string) => toNumber(p.indicators.find((g) => g.key === k)!.target);
    expect(t('1')).toBe(4);
    expect(t('2')).toBe(2); // target 1 below current 2: kept at 2
    expect(t('21')).toBe(3);
    expect(t('47')).toBe(5);
    expect(t('5')).toBe(3);
    expect(p.steps).toBe(2 + 2 + 1);
  });

  test('next predicate by default', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'next' }));
    expect(p.goalPredicate).toBe('Baik');
    expect(p.steps).toBe(1);
  });

  test('already reached: an empty plan', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'index', value: r('2.5') }));
    expect(p.steps).toBe(0);
    expect(planSteps(p)).toEqual([]);
    expect(p.reachable).toBe(true);
    expect(toNumber(p.pointsNeeded)).toBe(0);
  });

  test('unreachable: above 5.00, with the reason in both languages', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'index', value: r('5.1') }));
    expect(p.reachable).toBe(false);
    expect(p.reason?.code).toBe('TARGET_ABOVE_MAXIMUM');
    expect(p.reason?.message.id).toContain('5,00');
    expect(p.reason?.message.en).toContain('5.00');
    expect(p.steps).toBe(0);
  });

  test('5.00 exactly is reachable: everything to 5', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'index', value: r('5') }));
    expect(p.reachable).toBe(true);
    expect(toNumber(p.planned)).toBe(5);
    expect(p.steps).toBe(Object.values(ACEH).reduce((s, v) => s + (5 - v), 0));
  });

  test('usage errors: unknown predicate, bad level, non-positive index', () => {
    const a = planGap(SPBE2020, entries, { mode: 'predicate', name: 'Luar Biasa' });
    expect(isPlanUsageError(a) && a.code).toBe('UNKNOWN_PREDICATE');
    const b = planGap(SPBE2020, entries, { mode: 'level', level: 6 });
    expect(isPlanUsageError(b) && b.code).toBe('TARGET_LEVEL_RANGE');
    const c = planGap(SPBE2020, entries, { mode: 'index', value: rational(0) });
    expect(isPlanUsageError(c) && c.code).toBe('TARGET_NOT_POSITIVE');
  });

  test('ranks: points desc, then lower current level, then number', () => {
    const p = ok(planGap(SPBE2020, entries, { mode: 'level', level: 2 }));
    const ranked = p.indicators.filter((g) => g.rank !== null).sort((a, b) => a.rank! - b.rank!);
    // all gaps are one level from 1 → 2; points by weight: 2.50 (11–16) before 1.50 (21–31) before 1.30 (4, 9)
    expect(ranked.map((g) => g.no)).toEqual([11, 12, 13, 14, 15, 16, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 4, 9]);
  });
});

describe('pemdi2026 decimals', () => {
  const values: Record<string, number> = {};
  for (let i = 1; i <= 20; i++) values[String(i)] = 1;
  values['19'] = 1.26; // weight 10 %: first step 1.26 → 2 is worth 0.074
  values['20'] = 2.5; // weight 15 %: first step 2.5 → 3 is worth 0.075

  test('a decimal first rises to the next whole level', () => {
    expect(stepChain(r('1.26'), r('10')).map((s) => [toNumber(s.from), toNumber(s.to), toNumber(s.gain)])).toEqual([
      [1.26, 2, 0.074],
      [2, 3, 0.1],
      [3, 4, 0.1],
      [4, 5, 0.1],
    ]);
  });

  test('greedy by step size would be wrong: a small first step can open bigger ones', () => {
    // A at 1.99 (50 %): 0.005, then 0.5 per level; B at 1 (30 %): 0.3 per level; C at 1 (20 %): 0.2.
    const items = [
      { key: '1', no: 1, entry: 1, current: r('1.99'), weight: rational(50) },
      { key: '2', no: 2, entry: 1, current: rational(1), weight: rational(30) },
      { key: '3', no: 3, entry: 1, current: rational(1), weight: rational(20) },
    ];
    // Picking the biggest next step each time takes B four times (4 steps); A three times suffices.
    const mp = minimalPlan(items, rational(1))!;
    expect(mp.total).toBe(3);
    expect(mp.counts).toEqual([3, 0, 0]);
    expect(toNumber(mp.gain)).toBe(1.005);
  });

  test('plan to Cukup (1.50) is minimal and reported with decimals', () => {
    const e = entriesOf(values);
    const p = ok(planGap(PEMDI2026, e, { mode: 'predicate', name: 'Cukup' }));
    expect(p.reachable).toBe(true);
    expect(cmp(p.planned, r('1.5'))).toBeGreaterThanOrEqual(0);
    const steps = planSteps(p);
    const s19 = steps.find((s) => s.no === 19);
    if (s19) expect(s19.from).toBe(1.26);
  });
});

describe('pemdi2026: indicators valued by other agencies (5, 6, 7, 18) are never planned', () => {
  const pemdi = (over: Record<string, number>, base = 5): Record<string, number> => {
    const v: Record<string, number> = {};
    for (let i = 1; i <= 20; i++) v[String(i)] = base;
    return { ...v, ...over };
  };
  // Everything at 5 except 5 and 18 (other agencies' indices, still 1) and 1, 2 at 4.5.
  // Index 4.63; one step on indicator 5 (1 → 2, weight 5 %) is worth 0.05, as much as 1 and 2 together.
  const values = pemdi({ 5: 1, 18: 1, 1: 4.5, 2: 4.5 });
  const entries = entriesOf(values);

  test('the framework data marks exactly 5, 6, 7 and 18, naming the source index', () => {
    expect(PEMDI2026.indicators.filter((d) => d.valuedBy).map((d) => d.no)).toEqual([5, 6, 7, 18]);
    expect(PEMDI2026.indicators[4].valuedBy?.id).toContain('Satu Data Indonesia');
    expect(PEMDI2026.indicators[17].valuedBy?.en).toContain('interoperability');
    expect(SPBE2020.indicators.some((d) => d.valuedBy)).toBe(false);
  });

  test('the cheapest plan would raise indicator 5; the planner raises 1 and 2 instead', () => {
    const goal = r('4.68');
    const withExternal = ok(planGap(PEMDI2026, entries, { mode: 'index', value: goal }, { includeExternal: true }));
    expect(planSteps(withExternal).map((s) => [s.no, s.from, s.to])).toEqual([[5, 1, 2]]);
    const p = ok(planGap(PEMDI2026, entries, { mode: 'index', value: goal }));
    expect(p.reachable).toBe(true);
    expect(p.steps).toBe(2);
    expect(planSteps(p).map((s) => [s.no, s.from, s.to]).sort()).toEqual([[1, 4.5, 5], [2, 4.5, 5]]);
    expect(toNumber(p.planned)).toBe(4.68);
    for (const no of [5, 6, 7, 18]) {
      const g = p.indicators.find((x) => x.no === no)!;
      expect(g.outOfHands).toBe(true);
      expect(g.valuedBy).toBe(PEMDI2026.indicators[no - 1].valuedBy);
      expect(g.steps).toBe(0);
      expect(g.rank).toBeNull();
      expect(eq(g.target, g.current)).toBe(true);
    }
    expect(p.indicators.find((x) => x.no === 1)!.outOfHands).toBe(false);
  });

  test('a goal reachable only through them is unreachable, and the reason names them', () => {
    const p = ok(planGap(PEMDI2026, entries, { mode: 'index', value: r('4.8') }));
    expect(p.reachable).toBe(false);
    expect(p.steps).toBe(0);
    expect(p.reason?.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
    // the most the agency can reach itself: 1 and 2 to 5, i.e. 4.68
    expect(p.reason?.message.id).toContain('4,68');
    expect(p.reason?.message.en).toContain('4.68');
    expect(p.reason?.message.id).toContain('indikator 5 dan 18');
    expect(p.reason?.message.en).toContain('indicators 5 and 18');
    expect(p.reason?.message.id).toContain('indeks Satu Data Indonesia (SDI); indeks interoperabilitas data');
    expect(p.reason?.message.en).toContain('the One Data Indonesia (SDI) index; the data interoperability index');
    // with them it would be reachable
    expect(ok(planGap(PEMDI2026, entries, { mode: 'index', value: r('4.8') }, { includeExternal: true })).reachable).toBe(true);
    // 5.00 exactly too; above 5 keeps its own reason
    expect(ok(planGap(PEMDI2026, entries, { mode: 'index', value: r('5') })).reason?.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
    expect(ok(planGap(PEMDI2026, entries, { mode: 'index', value: r('5.1') })).reason?.code).toBe('TARGET_ABOVE_MAXIMUM');
  });

  test('own indicators at 3, the four at 1: Memuaskan is reachable, a goal above 4.44 only through them', () => {
    // The agency's own 16 indicators raised to 5 and the four others still at 1: 5 − 4 × 0.14 = 4.44.
    const e = entriesOf(pemdi({ 5: 1, 6: 1, 7: 1, 18: 1 }, 3));
    const ok1 = ok(planGap(PEMDI2026, e, { mode: 'predicate', name: 'Memuaskan' }));
    expect(ok1.reachable).toBe(true);
    expect(ok1.indicators.filter((g) => g.outOfHands).every((g) => g.steps === 0)).toBe(true);
    const no = ok(planGap(PEMDI2026, e, { mode: 'index', value: r('4.45') }));
    expect(no.reason?.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
    expect(no.reason?.message.en).toContain('indicators 5, 6, 7 and 18');
    expect(no.reason?.message.en).toContain('4.44');
  });

  test('uniform level and Target column leave them at their value', () => {
    const e = entriesOf(pemdi({ 5: 1, 6: 1, 7: 1, 18: 1 }, 2), { 5: 4, 18: 3, 1: 4 });
    const lv = ok(planGap(PEMDI2026, e, { mode: 'level', level: 3 }));
    expect(lv.steps).toBe(16);
    for (const g of lv.indicators) expect(toNumber(g.target)).toBe(g.outOfHands ? 1 : 3);
    const col = ok(planGap(PEMDI2026, e, { mode: 'column' }));
    // indicator 1 from 2 to its Target 4: one level per cycle, 2 → 3 then 3 → 4
    expect(planSteps(col).map((s) => [s.no, s.to, s.cycle])).toEqual([[1, 3, 1], [1, 4, 2]]);
    expect(col.cycles).toBe(2);
  });

  test('the example workbook values: "Baik" no longer plans "indicator 5: 1 → 2"', () => {
    const vals = [2.15, 1.8, 1.5, 2.26, 1, 1, 1, 1.6, 1.26, 2.04, 1.17, 1.5, 2.5, 2.32, 1.88, 1.6, 2.71, 1, 2.1, 1.95];
    const e = entriesOf(Object.fromEntries(vals.map((v, i) => [String(i + 1), v])));
    // Without the one-level-per-cycle cap (maxRaise 5), as the plan was made before it:
    const before = ok(planGap(PEMDI2026, e, { mode: 'predicate', name: 'Baik' }, { basis: 'rounded', includeExternal: true, maxRaise: 5 }));
    expect(planSteps(before).some((s) => s.no === 5)).toBe(true);
    const p = ok(planGap(PEMDI2026, e, { mode: 'predicate', name: 'Baik' }, { basis: 'rounded', maxRaise: 5 }));
    expect(p.steps).toBe(before.steps); // as few steps, on indicators the agency can raise
    expect(planSteps(p).map((s) => s.no)).toEqual([20, 19, 1]);
    // With the default cap: still never 5, 6, 7 or 18.
    const capped = ok(planGap(PEMDI2026, e, { mode: 'predicate', name: 'Baik' }, { basis: 'rounded' }));
    expect(planSteps(capped).some((s) => [5, 6, 7, 18].includes(s.no as number))).toBe(false);
    expect(capped.reachable).toBe(true);
  });
});

describe('spbe2018 with three public services', () => {
  test('repeated entries of indicator 35 are planned as separate entries', () => {
    const values: Record<string, number> = {};
    for (let i = 1; i <= 35; i++) values[String(i)] = 3;
    values['35-2'] = 1;
    values['35-3'] = 1;
    const p = ok(planGap(SPBE2018, entriesOf(values), { mode: 'level', level: 3 }));
    expect(p.steps).toBe(4);
    const w = p.indicators.find((g) => g.key === '35-2')!.weight;
    expect(eq(w, rational(20, 6))).toBe(true);
  });
});

test('findPredicate accepts aliases and any case; parseTargetIndex accepts a decimal comma', () => {
  expect(findPredicate(PEMDI2026, 'sangat baik')?.min).toBe(350);
  expect(findPredicate(SPBE2020, 'Excellent')).toBeNull();
  expect(toNumber(parseTargetIndex('2,6')!)).toBe(2.6);
  expect(parseTargetIndex('abc')).toBeNull();
  expect(parseTargetIndex('-1')).toBeNull();
});

test('minimalPlan: nothing needed gives an empty plan; too much gives null', () => {
  const items = [{ key: '1', no: 1, entry: 1, current: rational(4), weight: rational(50) }, { key: '2', no: 2, entry: 1, current: rational(5), weight: rational(50) }];
  expect(minimalPlan(items, rational(0))?.total).toBe(0);
  expect(minimalPlan(items, rational(1, 2))?.total).toBe(1);
  expect(minimalPlan(items, rational(51, 100))).toBeNull();
});

export const _fw: Framework = SPBE2020;

// ---------------------------------------------------------------------------------------------
// Issue 12: one level per indicator per evaluation cycle, roadmaps, locks, the balanced strategy
// ---------------------------------------------------------------------------------------------

/** [indicator, from, to, cycle] of every plan item. */
const itemsOf = (p: GapPlan) => planSteps(p).map((s) => [s.no, s.from, s.to, s.cycle]);

describe('one level per indicator per evaluation cycle (the default)', () => {
  const ex2020 = entriesOf(example2020().levels);
  const ex2026 = entriesOf(example2026().levels);

  test('spbe2020 example, "Baik": 14 one-level steps in one cycle; 42–44 rise 3 → 4 and 45–47 2 → 3, no longer two levels at once', () => {
    const p = ok(planGap(SPBE2020, ex2020, { mode: 'predicate', name: 'Baik' }));
    expect(p).toMatchObject({ maxRaise: 1, strategy: 'fewest-steps', cycles: 1, steps: 14, reachable: true, locks: [] });
    // By gain the services come first (3.00 % and 2.75 %); among equals, the lower level, then the lower number.
    expect(itemsOf(p)).toEqual([
      [45, 2, 3, 1], [46, 2, 3, 1], [47, 2, 3, 1], [42, 3, 4, 1], [43, 3, 4, 1], [44, 3, 4, 1], [38, 2, 3, 1],
      [32, 3, 4, 1], [33, 3, 4, 1], [34, 3, 4, 1], [35, 3, 4, 1], [36, 3, 4, 1], [37, 3, 4, 1], [9, 1, 2, 1],
    ]);
    expect(p.indicators.every((g) => g.steps <= 1)).toBe(true);
    expect(p.roadmap.map((c) => [c.cycle, c.steps, toNumber(c.index), c.predicate])).toEqual([[1, 14, 2.601, 'Baik']]);
    expect(toNumber(p.planned)).toBe(2.601);
  });

  test('maxRaise 5 (or any value of 4 and more) gives the unconstrained plan, exactly as before', () => {
    for (const maxRaise of [4, 5, 100]) {
      const p = ok(planGap(SPBE2020, ex2020, { mode: 'predicate', name: 'Baik' }, { maxRaise }));
      expect(p.steps).toBe(13);
      expect(p.cycles).toBe(1);
      expect(itemsOf(p)).toEqual([[45, 2, 4, 1], [46, 2, 4, 1], [47, 2, 4, 1], [42, 3, 5, 1], [43, 3, 5, 1], [44, 3, 5, 1], [12, 1, 2, 1]]);
    }
    const pemdi = ok(planGap(PEMDI2026, ex2026, { mode: 'predicate', name: 'Baik' }, { maxRaise: 5 }));
    expect(itemsOf(pemdi)).toEqual([[20, 1.95, 5, 1], [19, 2.1, 5, 1]]);
  });

  test('a goal one cycle cannot reach: a roadmap with the fewest cycles, then the fewest steps, and the index after each cycle', () => {
    const p = ok(planGap(SPBE2020, ex2020, { mode: 'predicate', name: 'Sangat Baik' }));
    // every indicator up one level reaches only 3.17 < 3.50: at least two cycles
    const oneUp = ok(planGap(SPBE2020, ex2020, { mode: 'level', level: 5 }, { maxRaise: 1 }));
    expect(toNumber(oneUp.roadmap[0].index)).toBeLessThan(3.5);
    expect(p.cycles).toBe(2);
    expect(p.steps).toBe(47);
    expect(p.roadmap.map((c) => [c.cycle, c.steps, toFixed(c.index, 4), c.predicate])).toEqual([
      [1, 25, '2.8955', 'Baik'],
      [2, 22, '3.5005', 'Sangat Baik'],
    ]);
    for (const g of p.indicators) {
      expect(g.raises.every((r) => r.steps === 1)).toBe(true);
      expect(g.raises.map((r) => r.cycle)).toEqual(g.raises.map((_, k) => k + 1));
    }
    // 42–44 reach 5 in two cycles, 3 → 4 → 5
    expect(p.indicators.find((g) => g.no === 42)!.raises.map((r) => [toNumber(r.from), toNumber(r.to), r.cycle])).toEqual([[3, 4, 1], [4, 5, 2]]);
  });

  test('pemdi2026 example: 19 and 20 no longer jump to 5 in one cycle; "Baik" takes two cycles of one level each', () => {
    const p = ok(planGap(PEMDI2026, ex2026, { mode: 'predicate', name: 'Baik' }));
    expect(p.cycles).toBe(2);
    expect(p.steps).toBe(13);
    expect(itemsOf(p)).toEqual([
      [19, 2.1, 3, 1], [20, 1.95, 2, 1], [1, 2.15, 3, 1], [4, 2.26, 3, 1], [3, 1.5, 2, 1], [9, 1.26, 2, 1], [11, 1.17, 2, 1],
      [19, 3, 4, 2], [20, 2, 3, 2], [1, 3, 4, 2], [4, 3, 4, 2], [3, 2, 3, 2], [9, 2, 3, 2],
    ]);
    expect(p.roadmap.map((c) => [toFixed(c.index, 4), c.predicate])).toEqual([['2.0642', 'Cukup'], ['2.5042', 'Baik']]);
    expect(planRoadmap(p)).toEqual([
      { cycle: 1, steps: 7, raised: 7, index: 2.0642, indexRounded: 2.06, predicate: 'Cukup' },
      { cycle: 2, steps: 6, raised: 6, index: 2.5042, indexRounded: 2.5, predicate: 'Baik' },
    ]);
    // one item per indicator for a table without a cycle column (SPBE.PLAN)
    expect(planSteps(p, { byCycle: false }).map((s) => [s.no, s.from, s.to, s.steps])).toEqual([
      [19, 2.1, 4, 2], [20, 1.95, 3, 2], [1, 2.15, 4, 2], [4, 2.26, 4, 2], [3, 1.5, 3, 2], [9, 1.26, 3, 2], [11, 1.17, 2, 1],
    ]);
  });

  test("a decimal's first step to the next whole level is that cycle's raise: 2.4 → 3 → 4 is two levels", () => {
    const values: Record<string, number> = {};
    for (let i = 1; i <= 20; i++) values[String(i)] = 5;
    values['20'] = 2.4; // 15 %: index 4.61
    const e = entriesOf(values);
    const one = ok(planGap(PEMDI2026, e, { mode: 'index', value: r('4.8') }));
    expect(one.indicators[19].raises.map((x) => [toNumber(x.from), toNumber(x.to), x.cycle])).toEqual([[2.4, 3, 1], [3, 4, 2]]);
    expect(one.cycles).toBe(2);
    const two = ok(planGap(PEMDI2026, e, { mode: 'index', value: r('4.8') }, { maxRaise: 2 }));
    expect(two.indicators[19].raises.map((x) => [toNumber(x.from), toNumber(x.to), x.steps, x.cycle])).toEqual([[2.4, 4, 2, 1]]);
    expect(two.cycles).toBe(1);
  });

  test('a uniform level or the Target column: the same targets, spread over cycles', () => {
    const p = ok(planGap(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 3 }));
    expect(p.cycles).toBe(2); // indicators at 1 need two levels
    expect(p.indicators.find((g) => g.no === 4)!.raises.map((x) => [toNumber(x.from), toNumber(x.to), x.cycle])).toEqual([[1, 2, 1], [2, 3, 2]]);
    expect(p.roadmap[1].index).toEqual(p.planned);
    expect(toNumber(p.roadmap[0].index)).toBeLessThan(toNumber(p.planned));
    const wide = ok(planGap(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 3 }, { maxRaise: 2 }));
    expect(wide.cycles).toBe(1);
    expect(wide.steps).toBe(p.steps);
  });
});

describe('locks: indicators the team cannot move', () => {
  test('locked indicators are left alone; the plan goes around them with as few steps as it can', () => {
    const p = ok(planGap(SPBE2020, entriesOf(example2020().levels), { mode: 'predicate', name: 'Baik' }, { locks: ['45', ' 46', '47', '45'] }));
    expect(p.locks).toEqual(['45', '46', '47']);
    expect(p.steps).toBe(14);
    expect(itemsOf(p).map((x) => x[0])).toEqual([42, 43, 44, 38, 32, 33, 34, 35, 36, 37, 39, 12, 14, 11]);
    for (const no of [45, 46, 47]) expect(p.indicators.find((g) => g.no === no)).toMatchObject({ locked: true, steps: 0, rank: null, cycle: null, outOfHands: false });
    expect(p.indicators.find((g) => g.no === 42)!.locked).toBe(false);
  });

  test('a goal the locks block is unreachable, and the reason names the locks in both languages', () => {
    const values: Record<string, number> = {};
    for (let i = 1; i <= 47; i++) values[String(i)] = 5;
    values['12'] = 1; // 2.50 %
    values['31'] = 1; // 1.50 %: index 5 − 0.16 = 4.84
    const e = entriesOf(values);
    const both = ok(planGap(SPBE2020, e, { mode: 'index', value: r('4.9') }, { locks: ['12', '31'] }));
    expect(both.reachable).toBe(false);
    expect(both.steps).toBe(0);
    expect(both.cycles).toBe(0);
    expect(both.reason?.code).toBe('TARGET_NEEDS_LOCKED');
    expect(both.reason?.message.en).toBe(
      "The goal 4.90 cannot be reached with the locks on indicators 12 and 31: raising every other indicator in the agency's hands to level 5 gives an index of only 4.84. Lift a lock to plan this goal.",
    );
    expect(both.reason?.message.id).toContain('selama indikator 12 dan 31 dikunci');
    expect(both.reason?.message.id).toContain('4,84');
    // Only 12 locked: 31 alone adds at most 0.06 (1 → 5 in four cycles): enough for 4.90, not for 4.95.
    const around = ok(planGap(SPBE2020, e, { mode: 'index', value: r('4.9') }, { locks: ['12'] }));
    expect([around.reachable, around.cycles, around.steps]).toEqual([true, 4, 4]);
    const one = ok(planGap(SPBE2020, e, { mode: 'index', value: r('4.95') }, { locks: ['12'] }));
    expect(one.reason?.code).toBe('TARGET_NEEDS_LOCKED');
    expect(one.reason?.message.en).toContain('the locks on indicator 12:');
    expect(one.reason?.message.en).toContain('an index of only 4.90.');
    // Without locks 4.90 takes two cycles: 12 up two levels and 31 one (0.065), the fewest steps within two cycles.
    const free = ok(planGap(SPBE2020, e, { mode: 'index', value: r('4.9') }));
    expect([free.reachable, free.cycles, free.steps]).toEqual([true, 2, 3]);
    expect(free.indicators.filter((g) => g.steps > 0).map((g) => [g.no, g.steps])).toEqual([[12, 2], [31, 1]]);
  });

  test('pemdi2026: when other agencies are needed as well, the reason names them and mentions the locks', () => {
    const v: Record<string, number> = {};
    for (let i = 1; i <= 20; i++) v[String(i)] = 5;
    Object.assign(v, { 5: 1, 18: 1, 1: 4.5, 2: 4.5 });
    const p = ok(planGap(PEMDI2026, entriesOf(v), { mode: 'index', value: r('4.8') }, { locks: ['1'] }));
    expect(p.reason?.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
    expect(p.reason?.message.en).toContain('indicators 5 and 18');
    expect(p.reason?.message.en).toContain('only 4.66.'); // 4.63 + indicator 2 to 5 (0.025); 1 stays locked
    expect(p.reason?.message.en).toMatch(/ The locks on indicator 1 are kept as well\.$/);
    expect(p.reason?.message.id).toMatch(/ Kunci pada indikator 1 juga tetap dipertahankan\.$/);
    // lifting the lock on 1 would do for 4.68
    expect(ok(planGap(PEMDI2026, entriesOf(v), { mode: 'index', value: r('4.68') }, { locks: ['1'] })).reason?.code).toBe('TARGET_NEEDS_LOCKED');
  });

  test('locks hold in every target mode', () => {
    const lv = ok(planGap(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 3 }, { locks: ['4', '9'] }));
    for (const no of [4, 9]) expect(lv.indicators.find((g) => g.no === no)).toMatchObject({ steps: 0, locked: true });
    const col = ok(planGap(SPBE2020, entriesOf(ACEH, { 1: 4, 21: 3 }), { mode: 'column' }, { locks: ['21'] }));
    expect(planSteps(col, { byCycle: false }).map((s) => [s.no, s.to])).toEqual([[1, 4]]);
  });

  test('usage errors: a lock on an entry the assessment does not have, a cap below 1 or not whole, an unknown strategy', () => {
    const e = entriesOf(ACEH);
    const lock = planGap(SPBE2020, e, { mode: 'next' }, { locks: ['48'] });
    expect(isPlanUsageError(lock) && [lock.code, lock.message.en]).toEqual(['UNKNOWN_LOCK', 'Cannot lock "48": the assessment has no indicator entry with that number.']);
    for (const maxRaise of [0, -1, 1.5, Number.NaN]) {
      const cap = planGap(SPBE2020, e, { mode: 'next' }, { maxRaise });
      expect(isPlanUsageError(cap) && cap.code).toBe('MAX_RAISE_RANGE');
    }
    const s = planGap(SPBE2020, e, { mode: 'next' }, { strategy: 'fastest' as PlanStrategy });
    expect(isPlanUsageError(s) && s.message.en).toBe('Unknown planning strategy "fastest". Choose one of: fewest-steps, balanced.');
  });
});

describe("the balanced strategy: the weakest aspects first", () => {
  /** The plan's aspect indices after every target is met, exact, in aspect order. */
  const aspectsAfter = (p: GapPlan) => score(p.framework, p.indicators.map((g) => ({ key: g.key, no: g.no, entry: g.entry, level: g.target }))).aspects.map((a) => a.exact);

  test('spbe2020 example, "Baik": as many steps; Audit TIK (1.00) is lifted, so the lowest aspect index rises from 1.00 to 1.25', () => {
    const e = entriesOf(example2020().levels);
    const fewest = ok(planGap(SPBE2020, e, { mode: 'predicate', name: 'Baik' }));
    const balanced = ok(planGap(SPBE2020, e, { mode: 'predicate', name: 'Baik' }, { strategy: 'balanced' }));
    expect(balanced.strategy).toBe('balanced');
    expect([balanced.steps, balanced.cycles, balanced.reachable]).toEqual([fewest.steps, fewest.cycles, true]);
    expect(itemsOf(balanced).map((x) => x[0])).toEqual([45, 46, 47, 42, 43, 44, 38, 32, 33, 34, 35, 36, 12, 29]);
    const sortedOf = (p: GapPlan) => aspectsAfter(p).map((x) => toFixed(x, 4)).sort();
    expect(sortedOf(fewest).slice(0, 3)).toEqual(['1.0000', '1.2500', '1.5000']);
    expect(sortedOf(balanced).slice(0, 3)).toEqual(['1.2500', '1.3333', '1.7500']);
    expect(toFixed(aspectsAfter(balanced)[5], 4)).toBe('1.3333'); // aspect 6, Pelaksanaan Audit TIK
  });

  test('pemdi2026 example, "Baik": the Data aspect (1.16, only indicator 8 in the agency\'s hands) is lifted', () => {
    const p = ok(planGap(PEMDI2026, entriesOf(example2026().levels), { mode: 'predicate', name: 'Baik' }, { strategy: 'balanced' }));
    expect([p.steps, p.cycles]).toEqual([13, 2]);
    expect(p.indicators.find((g) => g.no === 8)!.steps).toBe(2);
    expect(toFixed(aspectsAfter(p)[2], 4)).toBe('1.5333');
  });

  test('the strategy does not change fixed targets (uniform level, Target column)', () => {
    const a = ok(planGap(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 3 }, { strategy: 'balanced' }));
    const b = ok(planGap(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 3 }));
    expect(a.indicators.map((g) => g.steps)).toEqual(b.indicators.map((g) => g.steps));
  });
});

describe('level names and the evidence a step relies on', () => {
  test('levelName: the 59/2020 process and service scales; pemdi2026 labels a decimal by its whole part', () => {
    expect(levelName(SPBE2020, 3, rational(3))).toBe('Terdefinisi');
    expect(levelName(SPBE2020, 31, rational(4))).toBe('Terpadu dan Terukur');
    expect(levelName(SPBE2020, 42, rational(4))).toBe('Kolaborasi');
    expect(levelName(SPBE2020, 32, 1)).toBe('Informasi');
    expect(levelName(SPBE2020, 47, 5)).toBe('Optimum');
    expect(levelName(SPBE2018, 35, 3)).toBe('Transaksi');
    expect(levelName(PEMDI2026, 20, r('2.5'))).toBe('Terkelola');
    expect(levelName(PEMDI2026, 9, r('1.26'))).toBe('Rintisan');
    expect(levelName(PEMDI2026, 1, 5)).toBe('Optimum');
    expect(levelName(PEMDI2026, 1, r('3.2'))).toBeNull(); // levels 3 and 4 have no attested word for 2026
    expect(levelName(PEMDI2026, null, r('1.24'))).toBe('Rintisan'); // an index: "1,24 · Level 1 · Rintisan"
    expect(levelName(SPBE2020, null, 3)).toBeNull();
  });

  test('evidenceNeeded: the first step from level N − 1 ≥ 2 relies on its evidence; an empty evidence cell is flagged', () => {
    const e = (level: string, evidence: string | null) => ({ level: r(level), evidence });
    const step = (from: string, to: string) => ({ from: r(from), to: r(to) });
    expect(evidenceNeeded(e('3', null), step('3', '4'))).toBe(3);
    expect(evidenceNeeded(e('3', '  '), step('3', '4'))).toBe(3);
    expect(evidenceNeeded(e('3', 'SK Bupati 12/2024'), step('3', '4'))).toBeNull();
    expect(evidenceNeeded(e('1', null), step('1', '2'))).toBeNull(); // level 1 needs no evidence
    expect(evidenceNeeded(e('2.4', null), step('2.4', '3'))).toBe(2); // 2.4 is labelled level 2
    expect(evidenceNeeded(e('3', null), step('4', '5'))).toBeNull(); // a later cycle: evidence from the plan itself
    expect(evidenceNeeded(e('3', null), step('3', '3'))).toBeNull();
    // on a plan: every first raise of an entry without evidence
    const p = ok(planGap(SPBE2020, entriesOf(example2020().levels), { mode: 'predicate', name: 'Baik' }));
    const flagged = p.indicators.filter((g) => g.raises.length > 0 && evidenceNeeded({ level: g.current, evidence: null }, g.raises[0]) !== null).map((g) => g.no);
    expect(flagged).toEqual([32, 33, 34, 35, 36, 37, 38, 42, 43, 44, 45, 46, 47]); // all but 9 (level 1)
  });
});
