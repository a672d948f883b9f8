/**
 * Published official results, reproduced exactly. The facts are copied here (the project must not
 * depend on anything outside it): Kota Denpasar 2018 (spbe2018, three public services under indicator
 * 35), Kab. Aceh Tengah 2025 (spbe2020), the worked example of PermenPANRB 59/2020, the rounding traps,
 * and the pemdi2026 sample worksheet (official result 2.02 "Cukup").
 */
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { fromNumber, rational, roundHalfUp, toFixed, add, mul, div } from '../../src/core/rational';
import { predicateFor, score, type ScoredEntry } from '../../src/core/scoring';
import type { Framework, Rational, Scores } from '../../src/core/types';

const lv = (x: number): Rational => fromNumber(x)!;

/** Entries from a key → level record ("35", "35-2" …). */
function entries(values: Readonly<Record<string, number | Rational>>): ScoredEntry[] {
  return Object.entries(values).map(([key, v]) => {
    const [no, entry] = key.split('-').map(Number);
    return { key, no, entry: entry ?? 1, level: typeof v === 'number' ? lv(v) : v };
  });
}

/** Every published figure, as shown (2 decimals, half-up). */
function shown(s: Scores) {
  return {
    index: toFixed(s.exact, 2),
    predicate: s.predicate,
    domains: Object.fromEntries(s.domains.map((d) => [d.no, toFixed(d.exact, 2)])),
    aspects: Object.fromEntries(s.aspects.map((a) => [a.no, toFixed(a.exact, 2)])),
  };
}

// ---------------------------------------------------------------------------------------------
// Kota Denpasar 2018 (spbe2018). Source: putuokky/monev-spbe-dps, database/indeksdp_db_indeks.sql.
// ---------------------------------------------------------------------------------------------
const DENPASAR_2018: Record<string, number> = {
  1: 1, 2: 1, 3: 1, 4: 3, 5: 2, 6: 3, 7: 3, 8: 2, 9: 1, 10: 1, 11: 1, 12: 3, 13: 3, 14: 3, 15: 1, 16: 3, 17: 3,
  18: 1, 19: 3, 20: 2, 21: 3, 22: 3, 23: 2, 24: 2, 25: 3, 26: 1, 27: 4, 28: 4, 29: 4, 30: 3, 31: 4,
  32: 3, 33: 2, 34: 3,
  // indicator 35 scored for three public services
  '35': 1, '35-2': 3, '35-3': 3,
};

describe('Kota Denpasar 2018 (spbe2018): official index 2.64 "Baik"', () => {
  const s = score(SPBE2018, entries(DENPASAR_2018));

  test('every aspect, domain, the index and the predicate match the published figures', () => {
    expect(shown(s)).toEqual({
      index: '2.64',
      predicate: 'Baik',
      domains: { 1: '2.06', 2: '2.29', 3: '3.00' },
      aspects: { 1: '2.00', 2: '2.10', 3: '2.00', 4: '2.50', 5: '2.33', 6: '3.29', 7: '2.50' },
    });
    expect(s.indexRounded).toBe(2.64);
    expect(s.domains.map((d) => d.indexRounded)).toEqual([2.06, 2.29, 3.0]);
    expect(s.aspects.map((a) => a.indexRounded)).toEqual([2.0, 2.1, 2.0, 2.5, 2.33, 3.29, 2.5]);
  });

  test('exact values: aspect 7 is the plain mean of its six entries (15/6 = 2.5)', () => {
    expect(s.aspects[6].exact).toEqual(rational(5, 2));
    expect(s.aspects[4].exact).toEqual(rational(7, 3));
    expect(s.aspects[5].exact).toEqual(rational(23, 7));
    // index = (7·2 + 10·2.1 + 8·2 + 8·2.5 + 12·7/3 + 35·23/7 + 20·2.5) / 100 = 264 / 100
    expect(s.exact).toEqual(rational(264, 100));
    expect(s.index).toBe(2.64);
    // domains: 35/17, (16 + 20 + 28)/28 = 16/7, (115 + 50)/55 = 3
    expect(s.domains.map((d) => d.exact)).toEqual([rational(35, 17), rational(16, 7), rational(3)]);
  });

  test('averaging the three services into one value first gives 2.66, which is not the official 2.64', () => {
    const averaged = { ...DENPASAR_2018 } as Record<string, number | Rational>;
    delete averaged['35-2'];
    delete averaged['35-3'];
    averaged['35'] = rational(1 + 3 + 3, 3);
    const wrong = score(SPBE2018, entries(averaged));
    expect(toFixed(wrong.exact, 2)).toBe('2.66');
    expect(toFixed(s.exact, 2)).toBe('2.64');
  });

  test('the agency\'s own self-assessment scores 3.67 "Sangat Baik" by the same rule', () => {
    const self: Record<string, number> = {
      1: 1, 2: 3, 3: 1, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 1, 10: 1, 11: 1, 12: 3, 13: 5, 14: 5, 15: 1, 16: 5, 17: 5,
      18: 1, 19: 5, 20: 3, 21: 3, 22: 3, 23: 5, 24: 5, 25: 2, 26: 1, 27: 5, 28: 5, 29: 5, 30: 3, 31: 5,
      32: 5, 33: 2, 34: 5, '35': 5, '35-2': 5, '35-3': 5,
    };
    const mine = score(SPBE2018, entries(self));
    // aspect 7 = (5 + 2 + 5 + 5 + 5 + 5) / 6 = 4.5
    expect(mine.aspects[6].exact).toEqual(rational(9, 2));
    // (7·17/7 + 10·3 + 8·3 + 8·3 + 12·13/3 + 35·26/7 + 20·4.5) / 100 = 367 / 100
    expect(mine.exact).toEqual(rational(367, 100));
    expect(mine.predicate).toBe('Sangat Baik');
  });
});

// ---------------------------------------------------------------------------------------------
// Kab. Aceh Tengah 2025 (spbe2020). Source: Niumination/PemdiAcehTengah (citing the 2025 Laporan
// Hasil Pemantauan SPBE). Indicators 1,2,5,6,7,8 are known only as a group sum (14) and 43+44 as a
// sum (6); weights are equal within each group, so every split gives the same official figures.
// ---------------------------------------------------------------------------------------------
const ACEH_TENGAH_2025: Record<string, number> = {
  1: 2, 2: 2, 3: 4, 4: 1, 5: 3, 6: 3, 7: 2, 8: 2, 9: 1, 10: 3,
  11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 16: 1, 17: 3, 18: 2, 19: 3, 20: 3,
  21: 1, 22: 1, 23: 1, 24: 1, 25: 1, 26: 1, 27: 1, 28: 1, 29: 1, 30: 1, 31: 1,
  32: 4, 33: 4, 34: 4, 35: 4, 36: 4, 37: 4, 38: 2, 39: 4, 40: 4, 41: 4,
  42: 4, 43: 3, 44: 3, 45: 4, 46: 4, 47: 4,
};

describe('Kab. Aceh Tengah 2025 (spbe2020): official 2.59 "Cukup"', () => {
  const s = score(SPBE2020, entries(ACEH_TENGAH_2025));

  test('index, predicate, every domain and the published aspects', () => {
    const v = shown(s);
    expect([v.index, v.predicate]).toEqual(['2.59', 'Cukup']);
    expect(v.domains).toEqual({ 1: '2.30', 2: '1.70', 3: '1.00', 4: '3.75' });
    expect({ 2: v.aspects[2], 5: v.aspects[5], 6: v.aspects[6], 7: v.aspects[7], 8: v.aspects[8] }).toEqual({
      2: '1.00', 5: '1.00', 6: '1.00', 7: '3.80', 8: '3.67',
    });
    expect(s.indexRounded).toBe(2.59);
    expect(s.domains.map((d) => d.indexRounded)).toEqual([2.3, 1.7, 1.0, 3.75]);
  });

  test('the exact index is 2.594', () => {
    expect(s.exact).toEqual(rational(2594, 1000));
    expect(s.index).toBe(2.594);
  });

  test('the rounded-domain trap: recomputing from rounded domains gives 2.595… → 2.60 "Baik", which is wrong', () => {
    const fromRounded = div(
      s.domains.reduce((acc, d) => add(acc, mul(roundHalfUp(d.exact, 2), rational(d.weight))), rational(0)),
      rational(10000),
    );
    expect(toFixed(fromRounded, 3)).toBe('2.595');
    expect(toFixed(fromRounded, 2)).toBe('2.60');
    expect(predicateFor(SPBE2020, roundHalfUp(fromRounded, 2)).name).toBe('Baik');
    // The official rule: full precision, rounded only for display.
    expect(toFixed(s.exact, 2)).toBe('2.59');
    expect(s.predicate).toBe('Cukup');
  });

  test('any split of the group sums gives the same official figures', () => {
    const other = { ...ACEH_TENGAH_2025, 1: 4, 2: 1, 5: 1, 6: 4, 7: 2, 8: 2, 43: 5, 44: 1 };
    expect(shown(score(SPBE2020, entries(other)))).toEqual(shown(s));
  });
});

// ---------------------------------------------------------------------------------------------
// The worked example of PermenPANRB 59/2020
// ---------------------------------------------------------------------------------------------
describe('worked example of PermenPANRB 59/2020', () => {
  test('aspect 2 with levels 3, 4, 3, 2 → 30.00 / 10 = 3.00', () => {
    const values: Record<string, number> = {};
    for (let no = 1; no <= 47; no++) values[no] = 1;
    Object.assign(values, { 11: 3, 12: 4, 13: 3, 14: 2 });
    const s = score(SPBE2020, entries(values));
    expect(s.aspects[1].exact).toEqual(rational(3));
    expect(toFixed(s.aspects[1].exact, 2)).toBe('3.00');
  });

  test('index from domains 3.70, 3.40, 3.00, 3.20 with weights 13, 25, 16.5, 45.5 → 328.20 / 100 → 3.28', () => {
    const domains = ['3.70', '3.40', '3.00', '3.20'].map((x) => fromNumber(Number(x))!);
    const weighted = SPBE2020.domains.reduce((acc, d, i) => add(acc, mul(domains[i], rational(d.weight, 100))), rational(0));
    expect(weighted).toEqual(rational(32820, 100));
    const index = div(weighted, rational(100));
    expect(index).toEqual(rational(3282, 1000));
    expect(toFixed(index, 2)).toBe('3.28');
    expect(predicateFor(SPBE2020, index).name).toBe('Baik');
  });

  test('a whole-level sheet whose domains are 3.70, 3.40 and 3.00 gives them exactly', () => {
    const values: Record<string, number> = {};
    for (let no = 1; no <= 47; no++) values[no] = 3;
    Object.assign(values, { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4 }); // domain 1: 37 / 10
    Object.assign(values, { 11: 3, 12: 4, 13: 3, 14: 2, 15: 4, 16: 4, 17: 4, 18: 4 }); // domain 2: 34 / 10
    const s = score(SPBE2020, entries(values));
    expect(s.domains.slice(0, 3).map((d) => toFixed(d.exact, 2))).toEqual(['3.70', '3.40', '3.00']);
  });
});

// ---------------------------------------------------------------------------------------------
// Rounding traps and the predicate basis
// ---------------------------------------------------------------------------------------------
describe('rounding traps', () => {
  test('an index of exactly 2.445 shows 2.45, where floating point gives 2.44', () => {
    const levels = [5, 2, 2, 5, 1, 2, 1, 2, 4, 1, 3, 3, 3, 1, 1, 5, 5, 2, 3, 1, 4, 3, 1, 3, 1, 4, 4, 4, 5, 2, 1, 1, 1, 5, 1, 1, 2, 1, 4, 1, 5, 3, 1, 1, 4, 1, 2];
    const s = score(SPBE2020, entries(Object.fromEntries(levels.map((v, i) => [i + 1, v]))));
    expect(s.exact).toEqual(rational(2445, 1000));
    expect(s.indexRounded).toBe(2.45);
    expect(toFixed(s.exact, 2)).toBe('2.45');
    // What a spreadsheet-style float computation does:
    const floatIndex = levels.reduce((acc, v, i) => acc + v * (SPBE2020.indicators[i].weight / 100), 0) / 100;
    expect(Math.round(floatIndex * 100) / 100).toBe(2.44);
  });

  test('2.595 rounds half-up to 2.60 ("Baik" on the rounded basis, "Cukup" on the exact one)', () => {
    const v = rational(2595, 1000);
    expect(toFixed(v, 2)).toBe('2.60');
    expect(predicateFor(SPBE2020, v, 'rounded').name).toBe('Baik');
    expect(predicateFor(SPBE2020, v, 'exact').name).toBe('Cukup');
  });
});

describe('predicate basis at a band boundary', () => {
  const spbe = (levels: number[]) => entries(Object.fromEntries(levels.map((v, i) => [i + 1, v])));

  test('spbe2020 exact 1.7975: shown 1.80; "Kurang" on the exact value (default), "Cukup" on the rounded one (2023 report)', () => {
    const e = spbe([1, 1, 1, 2, 1, 1, 1, 1, 1, 5, 1, 1, 3, 1, 1, 1, 1, 2, 1, 1, 1, 1, 5, 1, 1, 1, 1, 1, 3, 1, 3, 1, 2, 3, 3, 5, 1, 1, 1, 1, 5, 1, 3, 3, 3, 1, 1]);
    const exact = score(SPBE2020, e);
    expect(exact.exact).toEqual(rational(17975, 10000));
    expect(exact.indexRounded).toBe(1.8);
    expect(exact.predicate).toBe('Kurang');
    expect(score(SPBE2020, e, 'rounded').predicate).toBe('Cukup');
  });

  test('spbe2020 exact 3.4985: shown 3.50 but "Baik" on the exact value (2024 report); "Sangat Baik" rounded', () => {
    const e = spbe([3, 5, 1, 2, 4, 4, 3, 5, 5, 5, 1, 5, 1, 5, 4, 1, 5, 5, 5, 1, 1, 1, 3, 5, 2, 1, 5, 5, 5, 5, 3, 2, 5, 5, 5, 2, 5, 1, 3, 5, 2, 5, 5, 2, 5, 5, 1]);
    const s = score(SPBE2020, e);
    expect(s.exact).toEqual(rational(34985, 10000));
    expect(s.indexRounded).toBe(3.5);
    expect(s.predicate).toBe('Baik');
    expect(score(SPBE2020, e, 'rounded').predicate).toBe('Sangat Baik');
  });

  test('pemdi2026 exact 3.4985 and 1.4985 on both bases', () => {
    const pemdi = (base: number, first: number) => {
      const v: Record<string, number> = {};
      for (let no = 1; no <= 20; no++) v[no] = base;
      v[1] = first; // weight 5 %: 0.03 × 5 / 100 = 0.0015 below the base
      return entries(v);
    };
    const high = pemdi(3.5, 3.47);
    expect(score(PEMDI2026, high).exact).toEqual(rational(34985, 10000));
    expect(score(PEMDI2026, high).predicate).toBe('Baik');
    expect(score(PEMDI2026, high, 'rounded').predicate).toBe('Sangat Baik');
    const low = pemdi(1.5, 1.47);
    expect(score(PEMDI2026, low).predicate).toBe('Kurang');
    expect(score(PEMDI2026, low, 'rounded').predicate).toBe('Cukup');
  });

  test('predicateFor directly, on both bases', () => {
    const cases: Array<[Framework, string, string, string]> = [
      [SPBE2020, '1.7975', 'Kurang', 'Cukup'],
      [SPBE2020, '3.4985', 'Baik', 'Sangat Baik'],
      [SPBE2020, '1.8', 'Cukup', 'Cukup'],
      [SPBE2020, '4.2', 'Memuaskan', 'Memuaskan'],
      [SPBE2020, '4.1949', 'Sangat Baik', 'Sangat Baik'],
      [SPBE2020, '4.195', 'Sangat Baik', 'Memuaskan'],
      [SPBE2018, '2.5999', 'Cukup', 'Baik'],
      [PEMDI2026, '3.9951', 'Sangat Baik', 'Memuaskan'],
      [PEMDI2026, '1', 'Kurang', 'Kurang'],
      [PEMDI2026, '5', 'Memuaskan', 'Memuaskan'],
    ];
    for (const [fw, text, exact, rounded] of cases) {
      const v = fromNumber(Number(text))!;
      expect([fw.id, text, predicateFor(fw, v).name, predicateFor(fw, v, 'rounded').name]).toEqual([fw.id, text, exact, rounded]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// pemdi2026 sample worksheet (Penilaian Mandiri, "Pemerintah Kabupaten Contoh"): official 2.02 Cukup
// ---------------------------------------------------------------------------------------------
describe('pemdi2026 sample: 2.02 "Cukup"', () => {
  const VALUES = [2.5, 1.75, 3, 2.2, 1, 1, 1, 1.5, 2, 1.8, 1, 2.25, 3.1, 2, 1.4, 1.6, 3, 1, 2.6, 2.15];
  const s = score(PEMDI2026, entries(Object.fromEntries(VALUES.map((v, i) => [i + 1, v]))));

  test('index 2.022 → 2.02 "Cukup", no domains', () => {
    expect(s.exact).toEqual(rational(2022, 1000));
    expect([toFixed(s.exact, 2), s.predicate]).toEqual(['2.02', 'Cukup']);
    expect(s.indexRounded).toBe(2.02);
    expect(s.domains).toEqual([]);
  });

  test('aspect indices by the regulation\'s formula', () => {
    expect(s.aspects.map((a) => a.exact)).toEqual([
      rational(2125, 1000), // (2.5·5 + 1.75·5) / 10
      rational(26, 10), // (3·5 + 2.2·5) / 10
      rational(17, 15), // (1·5 + 1·3 + 1·3 + 1.5·4) / 15
      rational(272, 150), // (2·4 + 1.8·4 + 1·3 + 2.25·4) / 15
      rational(255, 100), // (3.1·5 + 2·5) / 10
      rational(18, 10), // (1.4·4 + 1.6·4 + 3·4 + 1·3) / 15
      rational(233, 100), // (2.6·10 + 2.15·15) / 25
    ]);
    expect(s.aspects.map((a) => toFixed(a.exact, 2))).toEqual(['2.13', '2.60', '1.13', '1.81', '2.55', '1.80', '2.33']);
  });
});
