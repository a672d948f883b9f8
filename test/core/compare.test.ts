/**
 * Comparisons on known cases, with the expected figures worked out by hand from the levels (exact):
 * year over year within 59/2020 and 5/2018, Kota Denpasar 2018 as the before side of 5/2018 → 59/2020,
 * Kab. Aceh Tengah 2025 → the pemdi2026 sample for 59/2020 → 8/2026, and constructed agencies that
 * reproduce the published explanations of the 2021 fall (crosswalks.md: nationally the new Manajemen
 * SPBE domain cost about 0.20; Denpasar 3.33 → 3.19 with Manajemen at 2.18, without which the index
 * would have risen; Kapuas Hulu 2.6 → 2.058).
 */
import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { add, div, mul, rational, sub, sum, toFixed, R0 } from '../../src/core/rational';
import type { Framework, Rational } from '../../src/core/types';
import {
  comparableSide,
  compareAssessments,
  newIndicators,
  orderNotes,
  orderSides,
  partialIndicators,
  topMovers,
  type Comparison,
} from '../../src/core/compare';
import { describeComparison } from '../../src/core/compare-text';
import { acehTengahGrid, denpasarGrid, pemdiGrid, sheet, simpleRows } from './grid-builders';
import { ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026, R, lv, sideOf, uniform } from './compare-data';

const PEMDI_SAMPLE: Record<string, number> = { ...PEMDI_SAMPLE_2026 };

/** Σ weight × level / 100 over a framework, levels by indicator number: the regulation's formula, written here again. */
function indexOn(fw: Framework, levels: (no: number) => Rational): Rational {
  return div(sum(fw.indicators.map((i) => mul(rational(i.weight, 100), levels(i.no)))), rational(100));
}

function row(c: Comparison, no: number) {
  return c.indicators.find((r) => r.no === no)!;
}

const byNo = (c: Comparison, pick: 'before' | 'contribution'): Record<number, Rational | null> =>
  Object.fromEntries(c.indicators.map((r) => [r.no, r[pick]]));

function expectSums(c: Comparison): void {
  expect(sum(c.indicators.map((r) => r.contribution ?? R0))).toEqual(c.effects.levels);
  expect(sum(c.indicators.map((r) => r.frameworkShare))).toEqual(c.effects.framework);
  expect(add(c.effects.levels, c.effects.framework)).toEqual(c.delta);
  expect(c.delta).toEqual(sub(c.after.scores.exact, c.before.scores.exact));
}

// ---------------------------------------------------------------------------------------------
// Within one regulation
// ---------------------------------------------------------------------------------------------

describe('year over year within 59/2020: Aceh Tengah 2025 → a constructed later assessment', () => {
  // Raised: 11 (2.50 %) 1 → 2, 21–23 (1.50 %) 1 → 2; lowered: 38 (2.75 %) 2 → 1.
  const later = { ...ACEH_TENGAH_2025, 11: 2, 21: 2, 22: 2, 23: 2, 38: 1 };
  const c = compareAssessments(sideOf(SPBE2020, ACEH_TENGAH_2025), sideOf(SPBE2020, later));

  test('delta, contributions (after − before) × weight / 100, effects { levels: delta, framework: 0 }', () => {
    expect(c.kind).toBe('same-framework');
    expect(c.before.index).toEqual(R(2594, 1000));
    expect(c.delta).toEqual(R(425, 10000));
    expect(c.effects).toEqual({ levels: R(425, 10000), framework: R0 });
    expect(row(c, 11).contribution).toEqual(R(25, 1000));
    expect(row(c, 21).contribution).toEqual(R(15, 1000));
    expect(row(c, 38).contribution).toEqual(R(-275, 10000));
    expect(row(c, 1).contribution).toEqual(R0);
    expect(row(c, 11)).toMatchObject({ relation: 'same', basis: 'same', before: R(1), after: R(2), change: R(1), weight: R(5, 2) });
    expect(c.indicators.every((r) => r.frameworkShare.num === BigInt(0))).toBe(true);
    expect(c.removed).toEqual([]);
    expect(c.notes).toEqual([]);
    expectSums(c);
  });

  test('top movers by |contribution|, ties by the lower number; nothing new', () => {
    expect(topMovers(c).map((r) => r.no)).toEqual([38, 11, 21, 22, 23]);
    expect(topMovers(c, 2).map((r) => r.no)).toEqual([38, 11]);
    expect(newIndicators(c)).toEqual([]);
    expect(partialIndicators(c)).toEqual([]);
  });

  test('aspects and domains are each side\'s own values; their level effects add up to the change', () => {
    const a5 = c.aspects[4];
    expect(a5).toMatchObject({ no: 5, before: R(1), after: R(11, 8), change: R(3, 8), beforeBasis: 'assessment', framework: R0 });
    expect(a5.levels).toEqual(R(45, 1000));
    expect(c.domains.map((d) => toFixed(d.before!, 2))).toEqual(['2.30', '1.70', '1.00', '3.75']);
    expect(sum(c.aspects.map((g) => g.levels))).toEqual(c.delta);
    expect(sum(c.domains.map((g) => g.levels))).toEqual(c.delta);
    for (const g of [...c.aspects, ...c.domains]) expect(g.levels).toEqual(mul(g.change!, div(g.weight, rational(100))));
  });
});

describe('year over year within 5/2018: the number of public services scored under indicator 35 changes', () => {
  // Denpasar 2018 scored three services (35, 35-2, 35-3: 1, 3, 3); a constructed next year scores one, at 3.
  const next: Record<string, number> = { ...DENPASAR_2018, 35: 3 };
  delete next['35-2'];
  delete next['35-3'];
  const c = compareAssessments(sideOf(SPBE2018, DENPASAR_2018), sideOf(SPBE2018, next));

  test('indicator 35 compares as the mean of its entries; aspect 7 weights differ, and the contributions still add up', () => {
    const r35 = row(c, 35);
    expect(r35.before).toEqual(R(7, 3));
    expect(r35.after).toEqual(R(3));
    expect(r35.from[0].entries.map((e) => e.key)).toEqual(['35', '35-2', '35-3']);
    // before: 3 entries of 20 %/6 each = 10 %; after: one entry of 20 %/4 = 5 %
    expect(r35.beforeWeight).toEqual(R(10));
    expect(r35.weight).toEqual(R(5));
    expect(r35.contribution).toEqual(R(-1, 12)); // (3 × 5 − 7/3 × 10) / 100
    expect(row(c, 32).contribution).toEqual(R(5, 100)); // level 3 unchanged, weight 10/3 % → 5 %
    expect(c.delta).toEqual(R(5, 100)); // aspect 7: 15/6 → 11/4, × 20 %
    expect(c.effects.framework).toEqual(R0);
    expectSums(c);
  });

  test('a note says the weights of 32–35 changed with the number of services', () => {
    expect(c.notes.map((n) => n.code)).toEqual(['SERVICES_COUNT_CHANGED']);
    expect(c.notes[0].indicators).toEqual([32, 33, 34, 35]);
    expect(c.notes[0].message.en).toMatch(/scored for 3 service\(s\) before and 1 now/);
  });
});

// ---------------------------------------------------------------------------------------------
// 5/2018 → 59/2020
// ---------------------------------------------------------------------------------------------

/** Kota Denpasar 2018's levels carried to 59/2020 by the crosswalk, worked out by hand (mean of the matched old levels). */
const DENPASAR_MATCHED: Record<number, Rational> = {
  1: R(1), 2: R(1), 4: R(3), 5: R(2), 7: R(3), 10: R(1), // 3; 3; (6, 7) = (3, 3); 5; 6; 1
  11: R(2), 12: R(2), 13: R(3), 14: R(3), 15: R(2), 16: R(3), 18: R(2), 19: R(1), // 20; 20; 21; 19; (23, 24); 22; 23; 18
  32: R(4), 33: R(4), 34: R(4), 35: R(4), 36: R(1), 37: R(3), 39: R(3), 40: R(3), 41: R(3), // 27 28 29 31 26 25 34 30 30
  42: R(3), 44: R(2), 45: R(7, 3), 46: R(7, 3), 47: R(7, 3), // 32; 33; 35 = mean(1, 3, 3)
};

describe('5/2018 → 59/2020: Kota Denpasar 2018 (official 2.64) and a constructed 59/2020 assessment', () => {
  // Constructed: every matched indicator at its 2018 level, the public-service sectors 45–47 at 3 (whole
  // levels only in 59/2020; 2018 had 7/3), every new indicator at 1.
  const after = uniform(SPBE2020, 1, { ...DENPASAR_MATCHED, 45: 3, 46: 3, 47: 3 });
  const c = compareAssessments(sideOf(SPBE2018, DENPASAR_2018), sideOf(SPBE2020, after));

  test('before levels: the mean of the matched 2018 levels, with indicator 35 as the mean of its three services', () => {
    expect(c.kind).toBe('across-regulations');
    expect(c.before.index).toEqual(R(264, 100));
    const expected: Record<number, Rational | null> = {};
    for (const ind of SPBE2020.indicators) expected[ind.no] = DENPASAR_MATCHED[ind.no] ?? null;
    expect(byNo(c, 'before')).toEqual(expected);
    expect(row(c, 4).from.map((f) => [f.no, f.level])).toEqual([[6, R(3)], [7, R(3)]]);
    expect(row(c, 45).from[0].entries.map((e) => e.level)).toEqual([R(1), R(3), R(3)]);
  });

  test('C, the effects and the contributions, exactly', () => {
    // matched: Σ weight(bp) × level = 1430 + 2500 + 1750 + 250 + 7975 + 3600 = 17505; new: 32.45 % at 1
    expect(c.regulationIndex).toEqual(R(2075, 1000));
    expect(c.regulationIndex).toEqual(indexOn(SPBE2020, (no) => DENPASAR_MATCHED[no] ?? R(1)));
    expect(c.effects.framework).toEqual(R(-565, 1000)); // 2.075 − 2.64
    // the only level changes: 45–47 from 7/3 to 3, weight 3 % each
    expect(c.effects.levels).toEqual(R(6, 100));
    for (const no of [45, 46, 47]) expect(row(c, no).contribution).toEqual(R(2, 100));
    expect(c.after.index).toEqual(R(2135, 1000));
    expect(c.delta).toEqual(R(-505, 1000));
    expectSums(c);
  });

  test('what is new: 19 indicators, 32.45 %; Manajemen SPBE at 1 costs its weight × (2.64 − 1)', () => {
    expect(newIndicators(c).map((r) => r.no)).toEqual([3, 6, 8, 9, 17, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 38, 43]);
    expect(sum(newIndicators(c).map((r) => r.weight))).toEqual(R(3245, 100));
    const manajemen = c.domains[2];
    expect(manajemen).toMatchObject({ no: 3, before: null, beforeBasis: 'matched', matchedWeight: R0, after: R(1), change: null, levels: R0 });
    expect(manajemen.framework).toEqual(R(-2706, 10000)); // 16.5 % × (1 − 2.64)
    expect(partialIndicators(c).map((r) => r.no)).toEqual([1, 2, 4, 7, 11, 12, 15, 18, 39, 40, 41]);
  });

  test('removed: the 2018 indicators without successor, with their levels and 1 % weights', () => {
    expect(c.removed.map((r) => [r.no, toFixed(r.before, 0)])).toEqual([
      [2, '1'], [4, '3'], [8, '2'], [9, '1'], [10, '1'], [11, '1'], [12, '3'], [13, '3'], [14, '3'], [15, '1'], [16, '3'], [17, '3'],
    ]);
    expect(c.removed.every((r) => r.after === null && r.weight.num === BigInt(1) && r.weight.den === BigInt(1))).toBe(true);
  });

  test('aspects and domains on 59/2020, before from the matched levels', () => {
    expect(c.aspects[0]).toMatchObject({ before: R(11, 6), matchedWeight: R(78, 10), beforeBasis: 'matched' }); // 1,1,3,2,3,1 of 1–10
    expect(c.aspects[7]).toMatchObject({ before: R(12, 5), after: R(5, 2), matchedWeight: R(15) }); // 42, 44, 45–47: (3 + 2 + 3 × 7/3) / 5; after with 43 new at 1: 15 / 6
    expect(c.aspects[4].before).toBeNull();
    expect(sum(c.aspects.map((g) => add(g.levels, g.framework)))).toEqual(c.delta);
    expect(sum(c.domains.map((g) => add(g.levels, g.framework)))).toEqual(c.delta);
  });

  test('notes: correspondence by subject (with the official source), new, partial, removed, the services averaged', () => {
    expect(c.notes.map((n) => n.code)).toEqual(['CROSSWALK_BY_SUBJECT', 'INDICATORS_NEW', 'INDICATORS_PARTIAL', 'INDICATORS_REMOVED', 'SERVICES_AVERAGED']);
    expect(c.notes[0].message.en).toMatch(/correspondence by subject/);
    expect(c.notes[0].message.id).toMatch(/Kepmen PANRB 962\/2021/);
    expect(c.notes[4].message.en).toBe('Indicator 35 was scored for 3 services (35, 35-2, 35-3); their mean, 2.33, is the before level of no. 45–47.');
    expect(c.notes[4].message.id).toContain('2,33');
  });
});

describe('5/2018 → 59/2020 against the published 2021 figures (constructed agencies)', () => {
  /** The before levels the crosswalk carries, as a 59/2020 level record (every matched mean is whole here). */
  function carried(before: Record<string, number>, rest: Record<string, number>): Record<string, number | Rational> {
    const probe = compareAssessments(sideOf(SPBE2018, before), sideOf(SPBE2020, uniform(SPBE2020, 1)));
    const out: Record<string, number | Rational> = {};
    for (const r of probe.indicators) if (r.before) out[r.no] = r.before;
    return { ...uniform(SPBE2020, 1), ...out, ...rest };
  }
  const MANAJEMEN_AT_1 = Object.fromEntries([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31].map((no) => [no, 1]));

  test('nationally: an agency at 2.26 whose matched levels stay and whose Manajemen SPBE sits at 1 loses about 0.20 to that domain', () => {
    // 2.26 = all 2, the services 25–29 and the service policy 8 at 3
    const before = uniform(SPBE2018, 2, { 8: 3, 25: 3, 26: 3, 27: 3, 28: 3, 29: 3 }) as Record<string, number>;
    const after = carried(before, { ...MANAJEMEN_AT_1, 3: 2, 6: 2, 8: 2, 9: 2, 17: 2, 20: 2, 38: 2, 43: 2 });
    const c = compareAssessments(sideOf(SPBE2018, before), sideOf(SPBE2020, after));
    expect(c.before.index).toEqual(R(226, 100));
    expect(c.effects.levels).toEqual(R0);
    expect(c.effects.framework).toEqual(c.delta);
    const manajemen = c.domains[2];
    expect(manajemen.after).toEqual(R(1));
    expect(manajemen.framework).toEqual(R(-2079, 10000)); // 16.5 % × (1 − 2.26): "about 0.20"
    expect(toFixed(manajemen.framework, 1)).toBe('-0.2');
    expectSums(c);
  });

  test('Denpasar-like: 3.33 → 3.19 with Manajemen at 2.18; that domain cost about 0.20, and without it the index would have risen', () => {
    // constructed 2019: all 3; the services 25–30 and the policies 1, 3, 5 at 4
    const before = uniform(SPBE2018, 3, { 1: 4, 3: 4, 5: 4, 25: 4, 26: 4, 27: 4, 28: 4, 29: 4, 30: 4 }) as Record<string, number>;
    // constructed 2021: matched levels kept but 13, 14, 42 one level up; new at 3; Manajemen 3,2,2,2,3,2,2,2 and 2,2,2
    const manajemen = { 21: 3, 22: 2, 23: 2, 24: 2, 25: 3, 26: 2, 27: 2, 28: 2, 29: 2, 30: 2, 31: 2 };
    const newAt3 = { 3: 3, 6: 3, 8: 3, 9: 3, 17: 3, 20: 3, 38: 3, 43: 3 };
    const keep = carried(before, {});
    const after = { ...keep, ...newAt3, ...manajemen, 13: add(keep[13] as Rational, R(1)), 14: add(keep[14] as Rational, R(1)), 42: add(keep[42] as Rational, R(1)) };
    const c = compareAssessments(sideOf(SPBE2018, before), sideOf(SPBE2020, after));
    expect(c.before.index).toEqual(R(333, 100));
    expect(c.after.index).toEqual(R(31895, 10000));
    expect(toFixed(c.after.index, 2)).toBe('3.19');
    expect(toFixed(c.domains[2].after, 2)).toBe('2.18');
    expect(c.effects.levels).toEqual(R(8, 100)); // 13, 14: 2.5 % each; 42: 3 %
    const cost = c.domains[2].framework; // 16.5 % × (2.1818… − 3.33)
    expect(toFixed(cost, 2)).toBe('-0.19');
    expect(sub(c.delta, cost).num > BigInt(0)).toBe(true);
    expectSums(c);
  });

  test('Kapuas Hulu-like: an index of 2.60 falls to 2.058 with no level changed: the whole fall is the change of regulation', () => {
    // constructed: strong in the 2018 service policies 8–17 (no successor), weaker in the services
    const before = uniform(SPBE2018, 3, {
      1: 2, 8: 5, 9: 5, 10: 5, 11: 5, 12: 5, 13: 5, 14: 5, 15: 5, 16: 5, 17: 5, 18: 2,
      25: 2, 26: 2, 27: 2, 28: 2, 29: 2, 30: 2, 31: 2, 32: 2, 33: 2, 34: 2, 35: 2,
    }) as Record<string, number>;
    const after = carried(before, { 17: 3, 20: 3, 21: 2, 38: 2 });
    const c = compareAssessments(sideOf(SPBE2018, before), sideOf(SPBE2020, after));
    expect([c.before.index, c.after.index]).toEqual([R(26, 10), R(2058, 1000)]);
    expect(c.effects).toEqual({ levels: R0, framework: R(-542, 1000) });
    expect(topMovers(c)).toEqual([]);
    expectSums(c);
  });
});

// ---------------------------------------------------------------------------------------------
// 59/2020 → 8/2026
// ---------------------------------------------------------------------------------------------

/** Aceh Tengah 2025's levels carried to pemdi2026, by hand from the crosswalk. */
const ACEH_MATCHED: Record<number, Rational> = {
  1: R(7, 5), // 11, 12, 13, 1, 2 = 1, 1, 1, 2, 2
  2: R(1), // 21, 26, 27, 28, 24
  3: R(1), // 25
  4: R(3), // 20, 19, 10 = 3, 3, 3
  5: R(8, 3), // 23, 3, 43 = 1, 4, 3
  9: R(1), // 29, 30, 31, 9
  10: R(3, 2), // 22, 8 = 1, 2
  11: R(1),
  12: R(1), // 22
  13: R(1), // 15, 4
  14: R(5, 2), // 16, 17, 5, 6 = 1, 3, 3, 3
  15: R(1), // 14
  16: R(2), // 18, 7 = 2, 2
  17: R(19, 5), // 15 services summing to 57
  18: R(2), // 18, 23, 43 = 2, 1, 3
  19: R(5, 2), // 42, 28 = 4, 1
};

describe('59/2020 → 8/2026: Aceh Tengah 2025 (official 2.59) → the pemdi2026 sample (official 2.02)', () => {
  const c = compareAssessments(sideOf(SPBE2020, ACEH_TENGAH_2025), sideOf(PEMDI2026, PEMDI_SAMPLE));
  const sample = (no: number): Rational => lv(PEMDI_SAMPLE[no]);

  test('before levels by hand; C with the new indicators 6, 7, 8, 20 at their 2026 values; both effects exact', () => {
    const expected: Record<number, Rational | null> = {};
    for (const ind of PEMDI2026.indicators) expected[ind.no] = ACEH_MATCHED[ind.no] ?? null;
    expect(byNo(c, 'before')).toEqual(expected);
    const C = indexOn(PEMDI2026, (no) => ACEH_MATCHED[no] ?? sample(no));
    expect(c.regulationIndex).toEqual(C);
    expect(toFixed(C, 4)).toBe('1.8228');
    expect(c.effects.framework).toEqual(sub(C, R(2594, 1000)));
    expect(c.effects.levels).toEqual(sub(R(2022, 1000), C));
    expect(c.delta).toEqual(R(-572, 1000));
    expect(c.domains).toEqual([]);
    expectSums(c);
  });

  test('decimals exactly: 13 Aplikasi 1 → 3.1 contributes 2.1 × 5 % = 0.105', () => {
    expect(row(c, 13)).toMatchObject({ before: R(1), after: R(31, 10), change: R(21, 10), contribution: R(105, 1000), relation: 'same-subject' });
    expect(topMovers(c, 3).map((r) => r.no)).toEqual([13, 3, 5]);
    expect(describeComparison(c, 'en').find((l) => /^\s+5\s/.test(l))).toMatch(/Tata Kelola Data \(compared with 3, 23, 43\) — valued by another agency$/);
  });

  test('indicators valued by other agencies: their level change is counted apart and named in a note', () => {
    // 5: (1 − 8/3) × 5 %; 18: (1 − 2) × 3 %
    expect(row(c, 5).contribution).toEqual(R(-1, 12));
    expect(row(c, 18).contribution).toEqual(R(-3, 100));
    expect(c.levelsValuedElsewhere).toEqual(R(-34, 300));
    expect(row(c, 6).valuedBy).not.toBeNull();
    const note = c.notes.find((n) => n.code === 'INDICATORS_VALUED_ELSEWHERE')!;
    expect(note.indicators).toEqual([5, 18]);
    expect(note.message.en).toContain('-0.11');
    expect(c.notes.map((n) => n.code)).toEqual(['CROSSWALK_BY_SUBJECT', 'INDICATORS_NEW', 'INDICATORS_PARTIAL', 'INDICATORS_VALUED_ELSEWHERE']);
  });

  test('what is new: 6, 7, 8, 20 (25 % of the index)', () => {
    expect(newIndicators(c).map((r) => [r.no, r.after])).toEqual([[6, R(1)], [7, R(1)], [8, R(3, 2)], [20, R(43, 20)]]);
    expect(sum(newIndicators(c).map((r) => r.weight))).toEqual(R(25));
  });
});

describe('5/2018 → 8/2026 in one step (composed through 59/2020)', () => {
  test('compares, adds up, and says it passed through 59/2020', () => {
    const c = compareAssessments(sideOf(SPBE2018, DENPASAR_2018), sideOf(PEMDI2026, PEMDI_SAMPLE));
    expect(c.crosswalk.via.map((f) => f.id)).toEqual(['spbe2020']);
    expect(c.notes.map((n) => n.code)).toContain('CROSSWALK_COMPOSED');
    // 17 Portal ← 2020 services 32–42, 44–47 ← 2018 27, 28, 29, 31, 26, 25, 34, 30, 32, 33, 35 (38 was new in 2020)
    expect(row(c, 17).from.map((f) => f.no)).toEqual([27, 28, 29, 31, 26, 25, 34, 30, 32, 33, 35]);
    expect(row(c, 17).before).toEqual(div(sum([4, 4, 4, 4, 1, 3, 3, 3, 3, 2].map((x) => R(x)).concat([R(7, 3)])), R(11)));
    expectSums(c);
  });
});

// ---------------------------------------------------------------------------------------------
// Sides from workbooks, and misuse
// ---------------------------------------------------------------------------------------------

describe('sides from assessed workbooks', () => {
  test('an Assessment is a side as it is: the same result as from its entries', () => {
    const before = comparableSide(assess([denpasarGrid()]))!;
    const after = comparableSide(assess([acehTengahGrid()]))!;
    const c = compareAssessments(before, after);
    const direct = compareAssessments(sideOf(SPBE2018, DENPASAR_2018), sideOf(SPBE2020, ACEH_TENGAH_2025));
    expect(c.delta).toEqual(direct.delta);
    expect(c.effects).toEqual(direct.effects);
    expect(c.indicators.map((r) => r.contribution)).toEqual(direct.indicators.map((r) => r.contribution));
    const pemdi = compareAssessments(after, comparableSide(assess([pemdiGrid()]))!);
    expect(pemdi.after.index).toEqual(R(2022, 1000));
  });

  test('a workbook with errors is no side', () => {
    const broken = assess([sheet('Penilaian', simpleRows({ fw: SPBE2020, levels: { 7: 'belum' } }))]);
    expect(broken.scores).toBeNull();
    expect(comparableSide(broken)).toBeNull();
  });

  test('misuse throws: the newer regulation first, an incomplete side, scores of other entries', () => {
    const s2018 = sideOf(SPBE2018, DENPASAR_2018);
    const s2020 = sideOf(SPBE2020, ACEH_TENGAH_2025);
    expect(() => compareAssessments(s2020, s2018)).toThrow(/no crosswalk from spbe2020 to spbe2018/);
    const partial = { ...ACEH_TENGAH_2025 } as Record<string, number>;
    delete partial[7];
    expect(() => compareAssessments(s2020, sideOf(SPBE2020, partial))).toThrow(/no level for indicator\(s\) 7/);
    const wrong = { ...s2020, scores: assess([denpasarGrid()]).scores };
    expect(() => compareAssessments(s2018, wrong)).toThrow(/scores do not belong/);
  });
});

// ---------------------------------------------------------------------------------------------
// Which side is before
// ---------------------------------------------------------------------------------------------

describe('orderSides', () => {
  const c = (side: string, framework: Framework, year: number | null) => ({ side, framework, year });

  test('within one regulation the earlier year is before; without two years the argument order stands', () => {
    expect(orderSides(c('a', SPBE2020, 2024), c('b', SPBE2020, 2023))).toMatchObject({ before: 'b', after: 'a', swapped: true, by: 'year' });
    expect(orderSides(c('a', SPBE2020, 2023), c('b', SPBE2020, 2024))).toMatchObject({ before: 'a', swapped: false, by: 'year' });
    expect(orderSides(c('a', SPBE2020, null), c('b', SPBE2020, 2023))).toMatchObject({ before: 'a', by: 'arguments', sameYear: false });
    expect(orderSides(c('a', SPBE2020, 2024), c('b', SPBE2020, 2024))).toMatchObject({ before: 'a', by: 'arguments', sameYear: true });
  });

  test('across regulations the older regulation is before, and years that say otherwise are reported', () => {
    expect(orderSides(c('new', PEMDI2026, null), c('old', SPBE2020, null))).toMatchObject({ before: 'old', after: 'new', swapped: true, by: 'regulation', yearsContradict: false });
    expect(orderSides(c('old', SPBE2018, 2020), c('new', SPBE2020, 2021))).toMatchObject({ before: 'old', by: 'regulation', yearsContradict: false });
    expect(orderSides(c('old', SPBE2020, 2026), c('new', PEMDI2026, 2025))).toMatchObject({ before: 'old', by: 'regulation', yearsContradict: true });
  });

  test('notes for the reader: contradicting years (a warning), the same year, no year', () => {
    const a = c('a', SPBE2020, 2026);
    const b = c('b', PEMDI2026, 2025);
    const notes = orderNotes(a, b, orderSides(a, b));
    expect(notes.map((n) => [n.code, n.severity])).toEqual([['YEARS_CONTRADICT_REGULATIONS', 'warning']]);
    expect(notes[0].message.en).toMatch(/The 59\/2020 assessment is used as "before"/);
    const same = [c('x', SPBE2020, 2024), c('y', SPBE2020, 2024)] as const;
    expect(orderNotes(same[0], same[1], orderSides(same[0], same[1])).map((n) => n.code)).toEqual(['SAME_YEAR']);
    const none = [c('x', SPBE2020, null), c('y', SPBE2020, null)] as const;
    expect(orderNotes(none[0], none[1], orderSides(none[0], none[1])).map((n) => n.code)).toEqual(['ORDER_OF_ARGUMENTS']);
    const years = [c('x', SPBE2020, 2023), c('y', SPBE2020, 2024)] as const;
    expect(orderNotes(years[0], years[1], orderSides(years[0], years[1]))).toEqual([]);
  });
});
