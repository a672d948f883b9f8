import { assess } from '../../src/core/assess';
import { SPBE2020 } from '../../src/core/frameworks';
import { toNumber } from '../../src/core/rational';
import { ACEH_TENGAH_2025, acehTengahGrid, denpasarGrid, pemdiGrid, sheet, simpleRows } from './grid-builders';

describe('assess: the three sample layouts give the published figures', () => {
  test('Kota Denpasar 2018 (spbe2018, merged domain/aspect columns, 35-2 and 35-3): 2.64 Baik', () => {
    const a = assess([denpasarGrid()]);
    expect(a.framework?.id).toBe('spbe2018');
    expect(a.problems).toEqual([]);
    expect(a.scores).not.toBeNull();
    const s = a.scores!;
    expect(s.indexRounded).toBe(2.64);
    expect(s.predicate).toBe('Baik');
    expect(s.domains.map((d) => d.indexRounded)).toEqual([2.06, 2.29, 3]);
    expect(s.aspects.map((x) => x.indexRounded)).toEqual([2, 2.1, 2, 2.5, 2.33, 3.29, 2.5]);
    expect(a.titles).toEqual(['PEMERINTAH KOTA DENPASAR', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2018', 'Unit kerja: Dinas Komunikasi dan Informatika']);
  });

  test('Kab. Aceh Tengah 2025 (spbe2020, "Rekap" sheet, group rows, "Tingkat 2", "1."): exact 2.594 → 2.59 Cukup', () => {
    const a = assess([sheet('Petunjuk', [['Petunjuk']]), acehTengahGrid()]);
    expect(a.framework?.id).toBe('spbe2020');
    expect(a.table?.sheet).toBe('Rekap');
    expect(a.problems).toEqual([]);
    const s = a.scores!;
    expect(s.index).toBe(2.594);
    expect(toNumber(s.exact)).toBe(2.594);
    expect(s.indexRounded).toBe(2.59);
    expect(s.predicate).toBe('Cukup');
    expect(s.domains.map((d) => d.indexRounded)).toEqual([2.3, 1.7, 1, 3.75]);
    expect(s.aspects.filter((x) => [2, 5, 6, 7, 8].includes(x.no)).map((x) => x.indexRounded)).toEqual([1, 1, 1, 3.8, 3.67]);
  });

  test('pemdi2026 sample (Kode column, decimals): 2.02 Cukup, no domains', () => {
    const a = assess([pemdiGrid()]);
    expect(a.framework?.id).toBe('pemdi2026');
    expect(a.problems).toEqual([]);
    expect(a.scores?.indexRounded).toBe(2.02);
    expect(a.scores?.predicate).toBe('Cukup');
    expect(a.scores?.domains).toEqual([]);
    expect(a.scores?.aspects).toHaveLength(7);
  });
});

describe('assess options', () => {
  test('predicate basis: exact (default) or rounded', () => {
    // 42–47 at 5 (6 × 4 × 3.00 %) and 11 at 4 (3 × 2.50 %), the rest 1: exactly 1 + 79.5/100 = 1.795
    const levels: Record<string, number> = {};
    for (const ind of SPBE2020.indicators) levels[String(ind.no)] = ind.no >= 42 ? 5 : ind.no === 11 ? 4 : 1;
    const grid = sheet('S', simpleRows({ fw: SPBE2020, levels }));
    const exact = assess([grid]);
    const rounded = assess([grid], { basis: 'rounded' });
    expect(exact.scores!.index).toBe(1.795);
    expect(exact.scores!.indexRounded).toBe(1.8);
    expect(exact.scores!.predicate).toBe('Kurang');
    expect(rounded.scores!.predicate).toBe('Cukup');
    expect(rounded.scores!.exact).toEqual(exact.scores!.exact);
  });

  test('the same grids always give the same assessment', () => {
    const grids = [acehTengahGrid(ACEH_TENGAH_2025)];
    expect(assess(grids)).toEqual(assess(grids));
  });

  test('never throws on odd grids', () => {
    const odd = [
      sheet('A', []),
      sheet('B', [[null], [undefined as unknown as null], [{ error: '#REF!' }, true, 1e308, -0, '']]),
      sheet('C', [['No', 'Indikator', 'Tingkat'], [1, null, null], ['x', 'y', 'z'], [999, 'n', 3]]),
    ];
    for (const g of odd) expect(() => assess([g])).not.toThrow();
    const c = assess([odd[2]]);
    expect(c.scores).toBeNull();
    expect(c.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});
