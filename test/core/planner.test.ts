import { planGap, isPlanUsageError, planSteps, minimalPlan, stepChain, thresholdFor, findPredicate, parseTargetIndex } from '../../src/core/planner';
import type { GapPlan } from '../../src/core/planner';
import { SPBE2018, SPBE2020, PEMDI2026 } from '../../src/core/frameworks';
import { fromDecimalString, rational, toNumber, eq, cmp } from '../../src/core/rational';
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
