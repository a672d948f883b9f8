/**
 * The custom functions SPBE.* called as plain functions (src/functions/impl.ts), as Excel would call
 * them: ranges as 2-D arrays, empty cells as null, error cells as error objects.
 * Each function × each framework × each spelling of a level × each error; the published golden
 * cases (Kota Denpasar 2018, Kab. Aceh Tengah 2025) through INDEX / ASPECT / DOMAIN / PREDICATE.
 */
import fc from 'fast-check';
import {
  isFnError,
  readValues,
  spbeAspect,
  spbeCheck,
  spbeDomain,
  spbeIndex,
  spbeLevel,
  spbePlan,
  spbePredicate,
  spbeUplift,
  spbeWeight,
  type FnError,
} from '../../src/functions/impl';
import { FRAMEWORKS } from '../../src/core/frameworks';
import { scoreIndex } from '../../src/core/scoring';
import { rational } from '../../src/core/rational';

// ---------------------------------------------------------------------------------------------
// Golden cases (copied from the published results; see README "Golden cases")
// ---------------------------------------------------------------------------------------------

/** Kota Denpasar 2018 (spbe2018), final levels; indicator 35 scored for three public services. */
const DENPASAR_2018: ReadonlyArray<readonly [string | number, number]> = [
  [1, 1], [2, 1], [3, 1], [4, 3], [5, 2], [6, 3], [7, 3], [8, 2], [9, 1], [10, 1],
  [11, 1], [12, 3], [13, 3], [14, 3], [15, 1], [16, 3], [17, 3], [18, 1], [19, 3], [20, 2],
  [21, 3], [22, 3], [23, 2], [24, 2], [25, 3], [26, 1], [27, 4], [28, 4], [29, 4], [30, 3],
  [31, 4], [32, 3], [33, 2], [34, 3], [35, 1], ['35-2', 3], ['35-3', 3],
];
const DENPASAR_OFFICIAL = {
  index: 2.64,
  domains: { 1: 2.06, 2: 2.29, 3: 3.0 } as Record<number, number>,
  aspects: { 1: 2.0, 2: 2.1, 3: 2.0, 4: 2.5, 5: 2.33, 6: 3.29, 7: 2.5 } as Record<number, number>,
};

/** Kab. Aceh Tengah 2025 (spbe2020), 47 levels in framework order. Official 2.59 "Cukup" (exact 2.594). */
const ACEH_TENGAH_2025 = [
  2, 2, 4, 1, 3, 3, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 3, 4,
  4, 4,
];
const ACEH_OFFICIAL = {
  domains: { 1: 2.3, 2: 1.7, 3: 1.0, 4: 3.75 } as Record<number, number>,
  aspects: { 2: 1.0, 5: 1.0, 6: 1.0, 7: 3.8, 8: 3.67 } as Record<number, number>,
};

/** Half-up to 2 decimals the way the published results round (the functions return full precision). */
function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

const column = (xs: ReadonlyArray<unknown>): unknown[][] => xs.map((x) => [x]);
const row = (xs: ReadonlyArray<unknown>): unknown[][] => [[...xs]];
const pairs = (xs: ReadonlyArray<readonly [unknown, unknown]>): unknown[][] => xs.map(([k, v]) => [k, v]);

function expectError(r: unknown, code: FnError['code'], ...parts: string[]): FnError {
  expect(isFnError(r)).toBe(true);
  const e = r as FnError;
  expect(e.code).toBe(code);
  for (const p of parts) expect(e.message).toContain(p);
  return e;
}

/** n levels cycling 1..5 (whole). */
function levels(n: number, offset = 0): number[] {
  return Array.from({ length: n }, (_, i) => ((i + offset) % 5) + 1);
}

/** Weighted mean computed independently (weights in basis points from the regulation tables). */
const WEIGHTS_2020 = [...Array(10).fill(130), ...Array(10).fill(250), ...Array(8).fill(150), ...Array(3).fill(150), ...Array(10).fill(275), ...Array(6).fill(300)];
const WEIGHTS_2018 = [...Array(17).fill(100), ...Array(7).fill(400), ...Array(11).fill(500)];
const WEIGHTS_PEMDI = [500, 500, 500, 500, 500, 300, 300, 400, 400, 400, 300, 400, 500, 500, 400, 400, 400, 300, 1000, 1500];
function weightedIndex(values: ReadonlyArray<number>, weights: ReadonlyArray<number>): number {
  let s = 0;
  values.forEach((v, i) => (s += v * weights[i]));
  return s / 10000;
}

// ---------------------------------------------------------------------------------------------

describe('golden cases through the functions', () => {
  test('Kota Denpasar 2018 (two-column form with 35, 35-2, 35-3): index 2.64, every aspect and domain', () => {
    const range = pairs(DENPASAR_2018);
    const index = spbeIndex(range) as number;
    expect(typeof index).toBe('number');
    expect(round2(index)).toBe(DENPASAR_OFFICIAL.index);
    // the same with the framework named, in any case, and by its regulation
    expect(spbeIndex(range, 'SPBE2018')).toBe(index);
    expect(spbeIndex(range, '5/2018')).toBe(index);
    for (const [no, value] of Object.entries(DENPASAR_OFFICIAL.aspects)) expect(round2(spbeAspect(range, Number(no)) as number)).toBe(value);
    for (const [no, value] of Object.entries(DENPASAR_OFFICIAL.domains)) expect(round2(spbeDomain(range, Number(no)) as number)).toBe(value);
    expect(spbePredicate(index, 'spbe2018')).toBe('Baik');
    expect(spbeCheck(range)).toBe('OK');
  });

  test('Denpasar in any row order, with a header row and empty rows, gives the same index', () => {
    const shuffled = [...DENPASAR_2018].reverse();
    const range = [['No', 'Tingkat'], ...pairs(shuffled.slice(0, 10)), [null, null], ['', ''], ...pairs(shuffled.slice(10))];
    expect(spbeIndex(range)).toBe(spbeIndex(pairs(DENPASAR_2018)));
  });

  test('Kab. Aceh Tengah 2025 (a column of 47): exact 2.594 → 2.59 Cukup, domains 2.30/1.70/1.00/3.75', () => {
    const range = column(ACEH_TENGAH_2025);
    const index = spbeIndex(range) as number;
    expect(index).toBeCloseTo(2.594, 12);
    expect(round2(index)).toBe(2.59);
    expect(spbePredicate(index, 'spbe2020')).toBe('Cukup');
    expect(spbePredicate(index)).toBe('Cukup');
    for (const [no, value] of Object.entries(ACEH_OFFICIAL.domains)) expect(round2(spbeDomain(range, Number(no)) as number)).toBe(value);
    for (const [no, value] of Object.entries(ACEH_OFFICIAL.aspects)) expect(round2(spbeAspect(range, Number(no)) as number)).toBe(value);
    // the rounded-domain trap: recomputing from rounded domains would give 2.595 -> 2.60 "Baik"
    const fromRounded = (2.3 * 13 + 1.7 * 25 + 1.0 * 16.5 + 3.75 * 45.5) / 100;
    expect(round2(fromRounded)).toBe(2.6);
    expect(spbePredicate(round2(fromRounded))).toBe('Baik');
    expect(spbePredicate(index, undefined, 'rounded')).toBe('Cukup');
  });

  test('Aceh Tengah as a row, as two columns, with "59/2020": the same figure', () => {
    const index = spbeIndex(column(ACEH_TENGAH_2025));
    expect(spbeIndex(row(ACEH_TENGAH_2025))).toBe(index);
    expect(spbeIndex(pairs(ACEH_TENGAH_2025.map((v, i) => [i + 1, v] as const)))).toBe(index);
    expect(spbeIndex(column(ACEH_TENGAH_2025), '59/2020')).toBe(index);
    expect(spbeIndex(column(ACEH_TENGAH_2025), 'spbe2020')).toBe(index);
  });

  test('the regulation\'s worked example: aspect 2 levels 3,4,3,2 → 3.00', () => {
    const v = Array(47).fill(1);
    [3, 4, 3, 2].forEach((l, i) => (v[10 + i] = l));
    expect(spbeAspect(column(v), 2)).toBe(3);
  });
});

describe('each framework: INDEX / ASPECT / DOMAIN from a row, a column and two columns', () => {
  const cases = [
    { id: 'spbe2018', n: 35, weights: WEIGHTS_2018, regulation: '5/2018', aspects: 7, domains: 3 },
    { id: 'spbe2020', n: 47, weights: WEIGHTS_2020, regulation: '59/2020', aspects: 8, domains: 4 },
    { id: 'pemdi2026', n: 20, weights: WEIGHTS_PEMDI, regulation: '8/2026', aspects: 7, domains: 0 },
  ];
  for (const c of cases) {
    test(`${c.id}: ${c.n} values; framework from the count, by id in any case, by regulation`, () => {
      const v = levels(c.n, 2);
      const expected = weightedIndex(v, c.weights);
      const r = spbeIndex(column(v)) as number;
      expect(r).toBeCloseTo(expected, 12);
      expect(spbeIndex(row(v))).toBe(r);
      expect(spbeIndex(pairs(v.map((x, i) => [i + 1, x] as const)))).toBe(r);
      expect(spbeIndex(column(v), c.id.toUpperCase())).toBe(r);
      expect(spbeIndex(column(v), c.regulation)).toBe(r);
      expect(readValues(column(v), undefined)).toMatchObject({ fw: { id: c.id } });
      // all levels equal → every aspect and domain equals that level
      const threes = Array(c.n).fill(3);
      expect(spbeIndex(column(threes))).toBe(3);
      for (let a = 1; a <= c.aspects; a++) expect(spbeAspect(column(threes), a)).toBe(3);
      for (let d = 1; d <= c.domains; d++) expect(spbeDomain(column(threes), d)).toBe(3);
      expectError(spbeAspect(column(threes), c.aspects + 1), '#VALUE!', `${c.aspects + 1}`, c.id);
      if (c.domains === 0) expectError(spbeDomain(column(threes), 1), '#N/A', c.id);
      else expectError(spbeDomain(column(threes), c.domains + 1), '#VALUE!', `1–${c.domains}`);
      expect(spbeCheck(column(v))).toBe('OK');
    });
  }

  test('full precision, not rounded: spbe2020 with one indicator at 2 gives 1.013', () => {
    const v = Array(47).fill(1);
    v[0] = 2;
    expect(spbeIndex(column(v))).toBe(1.013);
  });

  test('pemdi2026 decimals are exact: 1.26 in every cell gives 1.26', () => {
    expect(spbeIndex(column(Array(20).fill(1.26)))).toBe(1.26);
    expect(spbeIndex(column(Array(20).fill('1,26')))).toBe(1.26);
    expect(spbeIndex(column(Array(20).fill('1.26')), 'pemdi2026')).toBe(1.26);
  });

  test('aspect and domain numbers may be numeric text', () => {
    expect(spbeAspect(column(ACEH_TENGAH_2025), '7')).toBe(spbeAspect(column(ACEH_TENGAH_2025), 7));
    expectError(spbeAspect(column(ACEH_TENGAH_2025), 'tujuh'), '#VALUE!', 'tujuh');
    expectError(spbeDomain(column(ACEH_TENGAH_2025), null), '#VALUE!');
  });
});

describe('every spelling of a level reads as the worksheet reader reads it', () => {
  // indicator 12 (process capability) and 40 (service capability) of spbe2020
  const spellings: ReadonlyArray<readonly [unknown, number, number?]> = [
    [3, 3],
    ['3', 3],
    [3.0, 3],
    ['3,0', 3],
    ['3.0', 3],
    ['Tingkat 3', 3],
    ['Level 3', 3],
    ['III', 3],
    ['Tingkat III', 3],
    ['Terdefinisi', 3],
    ['3 - Terdefinisi', 3],
    ['  tingkat 4  ', 4],
    ['Terpadu dan Terukur', 4],
    ['Transaksi', 3, 40],
    ['Kolaborasi', 4, 40],
  ];
  for (const [spelling, expected, indicator] of spellings) {
    test(`${JSON.stringify(spelling)} → ${expected}`, () => {
      const v: unknown[] = Array(47).fill(1);
      v[(indicator ?? 12) - 1] = spelling;
      const base = Array(47).fill(1);
      base[(indicator ?? 12) - 1] = expected;
      expect(spbeIndex(column(v))).toBe(spbeIndex(column(base)));
      expect(spbeLevel(spelling, 'spbe2020', indicator ?? 12)).toBe(expected);
    });
  }

  test('LEVEL without a framework accepts every framework\'s names and decimals', () => {
    expect(spbeLevel('Terdefinisi')).toBe(3);
    expect(spbeLevel('Tingkat II')).toBe(2);
    expect(spbeLevel('2,5')).toBe(2.5);
    expect(spbeLevel(1.26)).toBe(1.26);
    expect(spbeLevel('1,26', 'pemdi2026')).toBe(1.26);
  });

  test('LEVEL errors: not a level, fractional in a whole-level framework, ambiguous, out of range, blank', () => {
    expectError(spbeLevel('belum'), '#VALUE!', '"belum"');
    expectError(spbeLevel('2,5', 'spbe2020'), '#VALUE!', '2,5', 'spbe2020');
    expectError(spbeLevel('Leading', 'pemdi2026'), '#VALUE!', 'Leading');
    expectError(spbeLevel(6), '#VALUE!', '6', '1–5');
    expectError(spbeLevel(0, 'spbe2018'), '#VALUE!', '0');
    expectError(spbeLevel(null), '#N/A');
    expectError(spbeLevel('3', 'spbe2031'), '#VALUE!', 'spbe2031');
    expectError(spbeLevel('3', 'spbe2020', 48), '#VALUE!', '48');
    expectError(spbeLevel('3', undefined, 'x'), '#VALUE!', 'x');
  });
});

describe('errors name the offending value and its position', () => {
  test('a word that is no level: #VALUE! "Nilai ke-12 (indikator 12): "belum" …"', () => {
    const v: unknown[] = Array(47).fill(2);
    v[11] = 'belum';
    const e = expectError(spbeIndex(column(v)), '#VALUE!', 'Nilai ke-12 (indikator 12)', '"belum"');
    expect(e.problem).toBe('LEVEL_NOT_A_LEVEL');
    expect(spbeCheck(column(v))).toBe(e.message);
    // in English
    expectError(spbeIndex(column(v), undefined, 'en'), '#VALUE!', 'Value 12 (indicator 12)', '"belum"');
  });

  test('an empty cell is #N/A (not available yet) with its position', () => {
    const v: unknown[] = Array(35).fill(2);
    v[4] = null;
    expectError(spbeIndex(row(v)), '#N/A', 'Nilai ke-5 (indikator 5)', 'kosong');
    v[4] = '';
    expectError(spbeIndex(row(v)), '#N/A', 'Nilai ke-5');
  });

  test('an error cell (#N/A, #DIV/0!) is named, not passed through silently', () => {
    const v: unknown[] = Array(20).fill(2);
    v[6] = { code: '#N/A', message: '' }; // what Excel passes for an error cell (CustomFunctions.Error)
    expectError(spbeIndex(column(v)), '#VALUE!', 'Nilai ke-7 (indikator 7)', '#N/A');
    v[6] = '#DIV/0!';
    expectError(spbeIndex(column(v)), '#VALUE!', '#DIV/0!');
  });

  test('levels outside 1–5, zero, negative and fractional levels', () => {
    const v: unknown[] = Array(47).fill(2);
    v[2] = 6;
    expectError(spbeIndex(column(v)), '#VALUE!', 'Nilai ke-3', '6');
    v[2] = 0;
    expect((expectError(spbeIndex(column(v)), '#VALUE!', 'Nilai ke-3') as FnError).problem).toBe('LEVEL_OUT_OF_RANGE');
    v[2] = -1;
    expectError(spbeIndex(column(v)), '#VALUE!', '-1');
    v[2] = 2.5;
    expectError(spbeIndex(column(v)), '#VALUE!', '2.5', 'spbe2020');
    // decimals are fine in pemdi2026
    expect(typeof spbeIndex(column([...Array(19).fill(2), 2.5]))).toBe('number');
    expectError(spbeIndex(column([...Array(19).fill(2), 5.5])), '#VALUE!', '5.5');
  });

  test('a wrong count says what is expected; 35-2/35-3 only through two columns', () => {
    expectError(spbeIndex(column(levels(30))), '#VALUE!', '30', '35', '47', '20');
    expectError(spbeIndex(column(levels(47)), 'spbe2018'), '#VALUE!', '47', 'spbe2018', '35');
    expectError(spbeIndex(column(levels(37)), 'spbe2018'), '#VALUE!', '37', '35-2');
    expectError(spbeIndex(5), '#VALUE!', '1');
    expectError(spbeIndex([]), '#VALUE!');
  });

  test('a header cell selected with the column is skipped (G6:G53 instead of G7:G53)', () => {
    const index = spbeIndex(column(ACEH_TENGAH_2025));
    expect(spbeIndex(column(['Tingkat', ...ACEH_TENGAH_2025]))).toBe(index);
    expect(spbeIndex(row(['Nilai Akhir', ...ACEH_TENGAH_2025]), 'spbe2020')).toBe(index);
    // but a word that is no level among the values is still an error, with its position
    const v: unknown[] = [...ACEH_TENGAH_2025];
    v[0] = 'belum';
    expectError(spbeIndex(column(v)), '#VALUE!', 'Nilai ke-1 (indikator 1)');
  });

  test('a block that is neither a line nor two columns', () => {
    expectError(spbeIndex([[1, 2, 3], [1, 2, 3], [1, 2, 3]]), '#VALUE!', '3×3');
  });

  test('an unknown framework argument', () => {
    expectError(spbeIndex(column(ACEH_TENGAH_2025), 'spbe2019'), '#VALUE!', '"spbe2019"', 'spbe2020');
    expectError(spbeIndex(column(ACEH_TENGAH_2025), '99/2020'), '#VALUE!', '99/2020');
    // an empty framework argument counts as left out
    expect(typeof spbeIndex(column(ACEH_TENGAH_2025), '')).toBe('number');
    expect(typeof spbeIndex(column(ACEH_TENGAH_2025), null)).toBe('number');
  });

  test('two columns: unknown number, repeats that are not allowed, conflicting duplicates, a missing indicator', () => {
    const base = ACEH_TENGAH_2025.map((v, i) => [i + 1, v] as [unknown, unknown]);
    expectError(spbeIndex(pairs([...base, [48, 3]]), 'spbe2020'), '#VALUE!', 'Baris ke-48', '48', 'spbe2020');
    expectError(spbeIndex(pairs([...base, ['7-2', 3]])), '#VALUE!', '7-2', 'spbe2020');
    const d = DENPASAR_2018.map(([k, v]) => [k, v] as [unknown, unknown]);
    expectError(spbeIndex(pairs([...d, ['35-4', 3]])), '#VALUE!', '35-4', '35-3');
    expectError(spbeIndex(pairs([...d, ['12-2', 3]])), '#VALUE!', '12-2', '35');
    const conflict: Array<[unknown, unknown]> = [...base, [12, 4]];
    expectError(spbeIndex(pairs(conflict)), '#VALUE!', 'Indikator 12', 'baris ke-12', 'baris ke-48');
    // the same indicator twice with the same level counts once
    expect(spbeIndex(pairs([...base, [12, 1]]))).toBe(spbeIndex(pairs(base)));
    const missing = base.filter(([k]) => k !== 12);
    expectError(spbeIndex(pairs(missing)), '#N/A', 'Indikator 12', 'spbe2020');
    expectError(spbeIndex(pairs([...base.slice(0, 5), ['abc', 3], ...base.slice(5)])), '#VALUE!', 'Baris ke-6', '"abc"');
    expectError(spbeIndex(pairs([[60, 1], [61, 2]])), '#VALUE!', '61', 'spbe2020');
  });

  test('a level error in two columns names the row and the indicator key', () => {
    const d = DENPASAR_2018.map(([k, v]) => [k, k === '35-2' ? 'belum' : v] as [unknown, unknown]);
    expectError(spbeIndex(pairs(d)), '#VALUE!', 'Baris ke-36 (indikator 35-2)', '"belum"');
  });

  test('indicator numbers written as text ("Indikator 7", "7.") are read like the worksheet reader reads them', () => {
    const text = ACEH_TENGAH_2025.map((v, i) => [i % 2 ? `Indikator ${i + 1}` : `${i + 1}.`, v] as [unknown, unknown]);
    expect(spbeIndex(pairs(text))).toBe(spbeIndex(column(ACEH_TENGAH_2025)));
  });
});

describe('PREDICATE', () => {
  test('bands of spbe2020 (the default) and pemdi2026', () => {
    expect(spbePredicate(1)).toBe('Kurang');
    expect(spbePredicate(1.8)).toBe('Cukup');
    expect(spbePredicate(2.6)).toBe('Baik');
    expect(spbePredicate(3.5)).toBe('Sangat Baik');
    expect(spbePredicate(4.2)).toBe('Memuaskan');
    expect(spbePredicate(5, 'spbe2018')).toBe('Memuaskan');
    expect(spbePredicate(2.5, 'pemdi2026')).toBe('Baik');
    expect(spbePredicate(1.5, 'PEMDI2026')).toBe('Cukup');
    expect(spbePredicate(4, '8/2026')).toBe('Memuaskan');
    expect(spbePredicate('2,6')).toBe('Baik');
  });

  test('basis: exact (default) or rounded, at the published boundaries', () => {
    expect(spbePredicate(3.4985)).toBe('Baik');
    expect(spbePredicate(3.4985, 'spbe2020', 'exact')).toBe('Baik');
    expect(spbePredicate(3.4985, 'spbe2020', 'rounded')).toBe('Sangat Baik');
    expect(spbePredicate(1.7975, 'spbe2020', 'ROUNDED')).toBe('Cukup');
    expect(spbePredicate(1.7975, 'spbe2020', 'dibulatkan')).toBe('Cukup');
    expect(spbePredicate(1.7975)).toBe('Kurang');
  });

  test('errors: outside 1–5, not a number, unknown basis or framework', () => {
    expectError(spbePredicate(7), '#VALUE!', '7');
    expectError(spbePredicate(0.5), '#VALUE!');
    expectError(spbePredicate('baik'), '#VALUE!', 'baik');
    expectError(spbePredicate(null), '#VALUE!');
    expectError(spbePredicate(3, undefined, 'kira-kira'), '#VALUE!', 'kira-kira', 'exact', 'rounded');
    expectError(spbePredicate(3, 'x'), '#VALUE!', '"x"');
  });
});

describe('WEIGHT', () => {
  test('weights in percent; every framework sums to exactly 100', () => {
    expect(spbeWeight(1)).toBe(1.3);
    expect(spbeWeight(42, 'spbe2020')).toBe(3);
    expect(spbeWeight(32, 'spbe2020')).toBe(2.75);
    expect(spbeWeight(1, 'spbe2018')).toBe(1);
    expect(spbeWeight(35, 'spbe2018')).toBe(5);
    expect(spbeWeight(20, 'pemdi2026')).toBe(15);
    expect(spbeWeight('7', 'pemdi2026')).toBe(3);
    for (const [fw, n] of [['spbe2018', 35], ['spbe2020', 47], ['pemdi2026', 20]] as const) {
      let total = 0;
      for (let i = 1; i <= n; i++) total += Math.round((spbeWeight(i, fw) as number) * 100);
      expect(total).toBe(10000);
    }
  });

  test('errors: unknown indicator, a repeated entry, not a number', () => {
    expectError(spbeWeight(48), '#VALUE!', '48', 'spbe2020');
    expectError(spbeWeight(21, 'pemdi2026'), '#VALUE!', '21');
    expectError(spbeWeight('35-2', 'spbe2018'), '#VALUE!', '35-2');
    expectError(spbeWeight('tujuh'), '#VALUE!', 'tujuh');
    expectError(spbeWeight(null), '#VALUE!');
  });
});

describe('UPLIFT', () => {
  const aceh = column(ACEH_TENGAH_2025);
  test('points gained by one indicator, default the next whole level', () => {
    expect(spbeUplift(aceh, 21)).toBeCloseTo(0.015, 15); // 1 → 2 at 1.50 %
    expect(spbeUplift(aceh, 21, 5)).toBeCloseTo(0.06, 15);
    expect(spbeUplift(aceh, 21, 'Tingkat 3')).toBeCloseTo(0.03, 15);
    expect(spbeUplift(aceh, '42', 'Optimum')).toBeCloseTo(0.03, 15); // service level name: 4 → 5 at 3 %
    expect(spbeUplift(aceh, 3, 3)).toBeCloseTo(-0.013, 15); // lowering is negative
    const fives = column(Array(20).fill(5));
    expect(spbeUplift(fives, 20)).toBe(0); // already at 5
    // index after = index before + uplift
    const after = [...ACEH_TENGAH_2025];
    after[20] = 2;
    expect(spbeIndex(column(after)) as number).toBeCloseTo((spbeIndex(aceh) as number) + (spbeUplift(aceh, 21) as number), 12);
  });

  test('spbe2018 repeated entries share aspect 7', () => {
    const d = pairs(DENPASAR_2018);
    // six entries in aspect 7: 20 % / 6 each; 35-2 from 3 to 4
    expect(spbeUplift(d, '35-2')).toBeCloseTo(20 / 6 / 100, 12);
    expect(spbeUplift(d, '35-2', 4, 'spbe2018')).toBeCloseTo(20 / 6 / 100, 12);
  });

  test('pemdi decimals rise to the next whole level', () => {
    const v = Array(20).fill(1.26);
    expect(spbeUplift(column(v), 20)).toBeCloseTo(0.74 * 0.15, 12);
    expect(spbeUplift(column(v), 20, '2,5')).toBeCloseTo(1.24 * 0.15, 12);
  });

  test('errors', () => {
    expectError(spbeUplift(aceh, 48), '#VALUE!', '48');
    expectError(spbeUplift(aceh, 'x'), '#VALUE!', 'x');
    expectError(spbeUplift(aceh, 21, 'belum'), '#VALUE!', '"belum"');
    expectError(spbeUplift(aceh, 21, 2.5), '#VALUE!', '2.5');
    expectError(spbeUplift(column(levels(35)), '35-2'), '#N/A', '35-2');
    expectError(spbeUplift(column(levels(30)), 1), '#VALUE!', '30');
  });
});

describe('PLAN', () => {
  const aceh = column(ACEH_TENGAH_2025);
  test('the fewest steps to "Baik", as a table with a header row', () => {
    const t = spbePlan(aceh, 'Baik') as Array<Array<string | number>>;
    expect(t[0]).toEqual(['Indikator', 'Dari', 'Ke', 'Poin']);
    // 2.594 → 2.6 needs 0.006: one step, the lowest level first then the lowest number: indicator 4 (1 → 2, 1.30 %)
    expect(t.slice(1)).toEqual([[4, 1, 2, 0.013]]);
    expect(spbePlan(aceh, 2.6)).toEqual(t);
    expect(spbePlan(aceh, '2,6')).toEqual(t);
    expect((spbePlan(aceh, 'baik', 'spbe2020', 'en') as unknown[][])[0]).toEqual(['Indicator', 'From', 'To', 'Points']);
  });

  test('points add up to what is needed; a uniform level target raises everything below it', () => {
    const t = spbePlan(aceh, 'Sangat Baik') as Array<Array<string | number>>;
    const points = t.slice(1).reduce((s, r) => s + (r[3] as number), 0);
    expect((spbeIndex(aceh) as number) + points).toBeGreaterThanOrEqual(3.5 - 1e-12);
    const level3 = spbePlan(aceh, 'Tingkat 3') as Array<Array<string | number>>;
    expect(level3.length - 1).toBe(ACEH_TENGAH_2025.filter((v) => v < 3).length);
    for (const r of level3.slice(1)) expect(r[2]).toBe(3);
  });

  test('pemdi2026: decimals first rise to the next whole level', () => {
    const t = spbePlan(column(Array(20).fill(1.26)), 'Baik', 'pemdi2026') as Array<Array<string | number>>;
    expect(t[0]).toEqual(['Indikator', 'Dari', 'Ke', 'Poin']);
    for (const r of t.slice(1)) {
      expect(r[1]).toBe(1.26);
      expect(Number.isInteger(r[2])).toBe(true);
    }
    const points = t.slice(1).reduce((s, r) => s + (r[3] as number), 0);
    expect(1.26 + points).toBeGreaterThanOrEqual(2.5 - 1e-12);
  });

  test('pemdi2026: indicators 5, 6, 7, 18 (valued by other agencies\' indices) are never in the plan', () => {
    // all at 1: one step on indicator 5 (weight 5 %) would be the first by the tie rule
    const t = spbePlan(column(Array(20).fill(1)), 'Cukup', 'pemdi2026') as Array<Array<string | number>>;
    expect(t.length).toBeGreaterThan(1);
    for (const r of t.slice(1)) expect([5, 6, 7, 18]).not.toContain(r[0]);
    // own indicators at 5, the four at 1: the index is 4.44, the most the agency can reach itself; above it only they help
    const v = Array(20).fill(5);
    for (const no of [5, 6, 7, 18]) v[no - 1] = 1;
    expect(spbePlan(column(v), 4.44, 'pemdi2026')).toEqual([['Indikator', 'Dari', 'Ke', 'Poin']]);
    expectError(spbePlan(column(v), 4.5, 'pemdi2026'), '#N/A', '5, 6, 7 dan 18', 'Satu Data Indonesia');
    expectError(spbePlan(column(v), 4.5, 'pemdi2026', 'en'), '#N/A', 'indicators 5, 6, 7 and 18');
  });

  test('a target already reached gives the header row only', () => {
    expect(spbePlan(aceh, 2)).toEqual([['Indikator', 'Dari', 'Ke', 'Poin']]);
  });

  test('spbe2018 repeated entries appear by their key', () => {
    const t = spbePlan(pairs(DENPASAR_2018), 'Tingkat 4') as Array<Array<string | number>>;
    const keys = t.slice(1).map((r) => r[0]);
    expect(keys).toContain('35-2');
    expect(keys).toContain(35);
  });

  test('errors: unreachable, unknown predicate, unreadable target, bad values', () => {
    expectError(spbePlan(aceh, 5.01), '#N/A', '5');
    expectError(spbePlan(aceh, 'Hebat'), '#VALUE!', 'Hebat');
    expectError(spbePlan(aceh, 0), '#VALUE!');
    expectError(spbePlan(aceh, 'Tingkat 7'), '#VALUE!', 'Tingkat 7');
    expectError(spbePlan(aceh, '2.6!'), '#VALUE!', '2.6!');
    expectError(spbePlan(column(levels(30)), 'Baik'), '#VALUE!', '30');
  });
});

describe('CHECK and robustness', () => {
  test('CHECK returns OK or the first problem, in the asked language, never an error value', () => {
    expect(spbeCheck(column(ACEH_TENGAH_2025))).toBe('OK');
    expect(spbeCheck(column(levels(10)))).toContain('10');
    expect(spbeCheck(column(levels(10)), undefined, 'en')).toContain('The range holds 10 values');
    expect(spbeCheck(column(ACEH_TENGAH_2025), 'nope')).toContain('"nope"');
    const v: unknown[] = [...ACEH_TENGAH_2025];
    v[1] = 'x';
    v[5] = 'y';
    expect(spbeCheck(column(v))).toContain('Nilai ke-2');
  });

  test('rich values (Excel data types) count as their basic value', () => {
    const v: unknown[] = [...ACEH_TENGAH_2025];
    v[0] = { type: 'Double', basicValue: 2 };
    expect(spbeIndex(column(v))).toBe(spbeIndex(column(ACEH_TENGAH_2025)));
  });

  test('no input makes any function throw (property test)', () => {
    const cell = fc.oneof(
      fc.integer({ min: -3, max: 9 }),
      fc.double({ noNaN: false }),
      fc.string(),
      fc.constantFrom('Tingkat 3', 'III', 'belum', '35-2', '', null, true, { code: '#N/A' }, { weird: 1 }),
    );
    const range = fc.oneof(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 50 }),
      fc.constantFrom(column(ACEH_TENGAH_2025), pairs(DENPASAR_2018)),
      cell,
    );
    const arg = fc.oneof(cell, fc.constantFrom('spbe2018', 'spbe2020', 'pemdi2026', '59/2020', 'Baik', 'rounded'));
    fc.assert(
      fc.property(range, arg, arg, arg, (values, a, b, c) => {
        const results = [
          spbeIndex(values, a),
          spbeAspect(values, a, b),
          spbeDomain(values, a, b),
          spbePredicate(a, b, c),
          spbeWeight(a, b),
          spbeLevel(a, b, c),
          spbeUplift(values, a, b, c),
          spbePlan(values, a, b),
          spbeCheck(values, a),
        ];
        for (const r of results) {
          const ok = typeof r === 'number' || typeof r === 'string' || Array.isArray(r) || isFnError(r);
          expect(ok).toBe(true);
          if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Each framework × each spelling × each error, the fast path of INDEX, and fuzzing
// ---------------------------------------------------------------------------------------------

const FRAMEWORK_CASES = [
  { id: 'spbe2018', n: 35, aspects: 7, domains: 3 },
  { id: 'spbe2020', n: 47, aspects: 8, domains: 4 },
  { id: 'pemdi2026', n: 20, aspects: 7, domains: 0 },
] as const;

describe('every spelling of a level in every framework, through INDEX and LEVEL', () => {
  // [spelling, framework, indicator, level]
  const spellings: ReadonlyArray<readonly [unknown, string, number, number]> = [
    ['Terdefinisi', 'spbe2018', 5, 3],
    ['Transaksi', 'spbe2018', 30, 3],
    ['Tingkat II', 'spbe2018', 1, 2],
    ['IV', 'spbe2018', 2, 4],
    ['4,0', 'spbe2018', 3, 4],
    ['Level 5', 'spbe2018', 4, 5],
    ['5 - Optimum', 'spbe2018', 30, 5],
    ['Rintisan', 'spbe2020', 1, 1],
    ['Informasi', 'spbe2020', 40, 1],
    ['tingkat v', 'spbe2020', 2, 5],
    ['Merintis', 'pemdi2026', 1, 1],
    ['Berkembang', 'pemdi2026', 2, 3],
    ['Embedded', 'pemdi2026', 3, 4],
    ['Established', 'pemdi2026', 4, 3],
    ['Transformative', 'pemdi2026', 5, 5],
    ['Unggul', 'pemdi2026', 9, 5],
    ['Tingkat 3', 'pemdi2026', 7, 3],
    ['III', 'pemdi2026', 8, 3],
    ['2,75', 'pemdi2026', 6, 2.75],
    ['3.5', 'pemdi2026', 1, 3.5],
    [4.25, 'pemdi2026', 10, 4.25],
  ];
  for (const [spelling, fw, indicator, level] of spellings) {
    test(`${fw}: ${JSON.stringify(spelling)} at indicator ${indicator} reads ${level}`, () => {
      const n = FRAMEWORK_CASES.find((c) => c.id === fw)!.n;
      const spelled: unknown[] = Array(n).fill(2);
      spelled[indicator - 1] = spelling;
      const plain: unknown[] = Array(n).fill(2);
      plain[indicator - 1] = level;
      const expected = spbeIndex(column(plain)) as number;
      expect(typeof expected).toBe('number');
      expect(spbeIndex(column(spelled))).toBe(expected);
      expect(spbeIndex(row(spelled), fw.toUpperCase())).toBe(expected);
      expect(spbeIndex(pairs(spelled.map((v, i) => [i + 1, v] as const)))).toBe(expected);
      expect(spbeLevel(spelling, fw, indicator)).toBe(level);
      expect(spbeCheck(column(spelled))).toBe('OK');
    });
  }
});

describe('each error of each function in each framework names the value and its position', () => {
  for (const c of FRAMEWORK_CASES) {
    const good = () => Array(c.n).fill(3) as unknown[];
    const withBad = (v: unknown) => {
      const x = good();
      x[2] = v;
      return column(x);
    };
    const valueFns: Array<[string, (values: unknown, fw?: unknown) => unknown]> = [
      ['INDEX', (v, fw) => spbeIndex(v, fw)],
      ['ASPECT', (v, fw) => spbeAspect(v, 1, fw)],
      ['DOMAIN', (v, fw) => spbeDomain(v, 1, fw)],
      ['UPLIFT', (v, fw) => spbeUplift(v, 1, undefined, fw)],
      ['PLAN', (v, fw) => spbePlan(v, 'Baik', fw)],
    ];
    for (const [name, fn] of valueFns) {
      test(`${c.id}: SPBE.${name} — a word, a level above 5, a blank, an error cell, a wrong count, an unknown framework`, () => {
        if (name === 'DOMAIN' && c.domains === 0) {
          expectError(fn(column(good()), c.id), '#N/A', c.id);
          return;
        }
        expect(isFnError(fn(column(good()), c.id))).toBe(false);
        expectError(fn(withBad('belum'), c.id), '#VALUE!', '"belum"', 'ke-3', 'indikator 3');
        expectError(fn(withBad(7), c.id), '#VALUE!', '7', 'ke-3');
        expectError(fn(withBad(null), c.id), '#N/A', 'ke-3');
        expectError(fn(withBad({ code: '#DIV/0!' }), c.id), '#VALUE!', '#DIV/0!', 'ke-3');
        expectError(fn(column(Array(c.n - 1).fill(3)), c.id), '#VALUE!', String(c.n - 1), String(c.n));
        expectError(fn(column(good()), 'spbe2099'), '#VALUE!', '"spbe2099"');
        // CHECK says the same in words
        expect(spbeCheck(withBad('belum'), c.id)).toContain('"belum"');
      });
    }
    test(`${c.id}: numbers out of range are #VALUE! naming the number (Excel shows no message with #NUM!)`, () => {
      const v = column(good());
      expectError(spbeAspect(v, c.aspects + 1, c.id), '#VALUE!', String(c.aspects + 1), c.id);
      expectError(spbeAspect(v, 0, c.id), '#VALUE!', c.id);
      if (c.domains > 0) expectError(spbeDomain(v, c.domains + 1, c.id), '#VALUE!', String(c.domains + 1), c.id);
      expectError(spbeWeight(c.n + 1, c.id), '#VALUE!', String(c.n + 1), c.id);
      expectError(spbeUplift(v, c.n + 1, undefined, c.id), '#VALUE!', String(c.n + 1));
      expectError(spbeLevel(3, c.id, c.n + 1), '#VALUE!', String(c.n + 1));
      expectError(spbePredicate(5.5, c.id), '#VALUE!', '5.5');
      expectError(spbeUplift(v, 1, 'belum', c.id), '#VALUE!', '"belum"');
      expectError(spbePlan(v, 'Hebat', c.id), '#VALUE!', 'Hebat');
    });
  }
});

describe('SPBE.INDEX on plain whole levels (the fast path) equals the exact engine', () => {
  for (const fw of FRAMEWORKS) {
    test(`${fw.id}: the same double as scoreIndex, from a column, a row and two columns`, () => {
      const n = fw.indicators.length;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }), (levels) => {
          const exact = scoreIndex(
            fw,
            levels.map((l, i) => ({ key: String(i + 1), no: i + 1, entry: 1, level: rational(l) })),
          );
          const expected = Number(exact.num) / Number(exact.den);
          expect(spbeIndex(column(levels))).toBe(expected);
          expect(spbeIndex(row(levels), fw.id)).toBe(expected);
          expect(spbeIndex(pairs(levels.map((l, i) => [n - i, levels[n - i - 1]] as const)))).toBe(expected);
          // the same levels spelled as text take the general path: the same figure
          expect(spbeIndex(column(levels.map((l) => `Tingkat ${l}`)))).toBe(expected);
        }),
        { numRuns: 200, seed: 7 },
      );
    });
  }
});

describe('nothing Excel can pass makes a function throw (fuzzing with arbitrary nested values)', () => {
  const weird = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });
  const cell = fc.oneof(weird, fc.integer({ min: -2, max: 8 }), fc.constantFrom('Tingkat 3', 'III', '2,5', '35-2', null, '', { code: '#N/A' }));
  const matrix = fc.oneof(
    fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 60 }),
    fc.array(cell, { maxLength: 60 }),
    weird,
  );
  const arg = fc.oneof(cell, fc.constantFrom('spbe2018', 'SPBE2020', 'pemdi2026', '59/2020', 'Baik', 'rounded', 3, 48));
  const ok = (r: unknown) => (typeof r === 'number' && Number.isFinite(r)) || typeof r === 'string' || Array.isArray(r) || isFnError(r);

  test('the plain functions return a value or an error value, never throw', () => {
    fc.assert(
      fc.property(matrix, arg, arg, arg, (values, a, b, c) => {
        for (const lang of ['id', 'en'] as const) {
          const results = [
            spbeIndex(values, a, lang),
            spbeAspect(values, a, b, lang),
            spbeDomain(values, a, b, lang),
            spbePredicate(a, b, c, lang),
            spbeWeight(a, b, lang),
            spbeLevel(a, b, c, lang),
            spbeUplift(values, a, b, c, lang),
            spbePlan(values, a, b, lang),
            spbeCheck(values, a, lang),
          ];
          for (const r of results) {
            expect(ok(r)).toBe(true);
            // every error is an answer about the input, none an exception caught on the way (a bug)
            if (isFnError(r)) expect(r.problem).not.toBe('INTERNAL');
          }
        }
      }),
      { numRuns: 400, seed: 2026 },
    );
  });

  test('the Excel-facing functions (with the custom-functions runtime) never throw either', () => {
    class FakeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    const g = globalThis as Record<string, unknown>;
    g.CustomFunctions = { Error: FakeError, ErrorCode: {}, associate: () => undefined };
    try {
      const fns = require('../../src/functions/functions') as Record<string, (...args: unknown[]) => unknown>;
      fc.assert(
        fc.property(matrix, arg, arg, arg, (values, a, b, c) => {
          const results = [
            fns.index(values, a),
            fns.aspect(values, a, b),
            fns.domain(values, a, b),
            fns.predicate(a, b, c),
            fns.weight(a, b),
            fns.level(a, b, c),
            fns.uplift(values, a, b, c),
            fns.plan(values, a, b),
            fns.check(values, a),
          ];
          for (const r of results) {
            if (r instanceof FakeError) {
              expect(['#VALUE!', '#N/A']).toContain(r.code);
              expect(typeof r.message).toBe('string');
              expect((r.message as string).length).toBeGreaterThan(5);
            } else expect(ok(r)).toBe(true);
          }
        }),
        { numRuns: 300, seed: 99 },
      );
    } finally {
      delete g.CustomFunctions;
    }
  });
});
