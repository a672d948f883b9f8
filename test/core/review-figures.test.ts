/**
 * Final review: figures that sit exactly on a predicate boundary must come out the same from every
 * path, also when a level is the result of a formula such as =AVERAGE(1;1;2) (a repeating decimal
 * that a cell can only hold as the nearest double).
 */
import { assess } from '../../src/core/assess';
import { parseLevel } from '../../src/core/levels';
import { PEMDI2026, SPBE2020 } from '../../src/core/frameworks';
import { eq, rational, toFixed } from '../../src/core/rational';
import { spbeIndex, spbePredicate } from '../../src/functions/impl';
import { simpleGrid } from './grid-builders';

describe('levels that are formula results', () => {
  test.each([
    [4 / 3, 4, 3],
    [7 / 6, 7, 6],
    [13 / 12, 13, 12],
    [1 + 1 / 7, 8, 7],
  ])('%d is read as the fraction %d/%d', (x, p, q) => {
    const r = parseLevel(x, PEMDI2026);
    expect(r.ok && eq(r.level, rational(p, q))).toBe(true);
  });

  test.each([
    [1.255, 251, 200],
    [2.005, 401, 200],
    [1.26, 126, 100],
    [1.23457, 123457, 100000],
    [3.3333, 33333, 10000],
  ])('the decimal %d stays the decimal it shows', (x, p, q) => {
    const r = parseLevel(x, PEMDI2026);
    expect(r.ok && eq(r.level, rational(p, q))).toBe(true);
  });

  test('formula noise beyond the 15 digits Excel shows is not a fractional level', () => {
    const x = 0.1 * 3 * 10; // 3.0000000000000004, shown by Excel as 3
    expect(x).not.toBe(3);
    expect(parseLevel(0.7 * 3 + 0.9, SPBE2020).ok).toBe(true); // 2.9999999999999996
    const r = parseLevel(x, SPBE2020);
    expect(r.ok && eq(r.level, rational(3))).toBe(true);
    const p = parseLevel(1.2345678901234567, PEMDI2026);
    expect(p.ok && toFixed(p.level, 14)).toBe('1.23456789012346');
  });

  test('a pemdi2026 index of exactly 2.50 with an =AVERAGE level is "Baik" in the reader and in SPBE.INDEX', () => {
    // 5·5 + 5·5 + 2.8·5 + (4/3)·3 + 5·10 + 5·15 + 1·(the other 62 %) = 250 → 2.50
    const levels: Record<string, number> = { '1': 5, '2': 5, '3': 2.8, '6': 4 / 3, '19': 5, '20': 5 };
    const a = assess([simpleGrid({ fw: PEMDI2026, levels, fill: 1 })]);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.scores && toFixed(a.scores.exact, 10)).toBe('2.5000000000');
    expect(a.scores && eq(a.scores.exact, rational(5, 2))).toBe(true);
    expect(a.scores?.index).toBe(2.5);
    expect(a.scores?.predicate).toBe('Baik');
    const column = PEMDI2026.indicators.map((ind) => [levels[String(ind.no)] ?? 1]);
    const idx = spbeIndex(column, 'pemdi2026');
    expect(idx).toBe(2.5);
    expect(spbePredicate(idx, 'pemdi2026')).toBe('Baik');
  });
});

describe('several assessment tables and a chosen framework', () => {
  const sheet2024 = simpleGrid({ fw: SPBE2020, fill: 3, sheetName: '2024' });
  const sheet2026 = simpleGrid({ fw: PEMDI2026, fill: 2, sheetName: '2026' });

  test('without years in their names, the longer table is used and the other sheet is mentioned in a note', () => {
    const a = assess([{ ...sheet2024, name: 'Penilaian SPBE' }, { ...sheet2026, name: 'Penilaian Pemdi' }]);
    expect(a.table?.sheet).toBe('Penilaian SPBE');
    const other = a.problems.find((p) => p.code === 'OTHER_TABLES');
    expect(other?.severity).toBe('info');
    expect(other?.message.en).toContain('Penilaian Pemdi');
    expect(other?.message.id).toContain('Penilaian Pemdi');
    expect(a.scores?.predicate).toBe('Baik');
  });

  test('a sheet per year: the newest year is used (a workbook moving to the 2026 framework), the other named in a note', () => {
    const a = assess([sheet2024, sheet2026]);
    expect(a.table?.sheet).toBe('2026');
    const other = a.problems.find((p) => p.code === 'OTHER_TABLES');
    expect(other?.severity).toBe('info');
    expect(other?.message.en).toContain('2024');
    expect(other?.message.en).toContain('newest');
    expect(a.scores?.index).toBe(2);
  });

  test('--framework pemdi2026 reads the sheet whose rows fit it, not the longer one', () => {
    const a = assess([sheet2024, sheet2026], { framework: 'pemdi2026' });
    expect(a.table?.sheet).toBe('2026');
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.scores?.index).toBe(2);
  });

  test('a framework that does not fit the rows is said first, in both languages', () => {
    const a = assess([sheet2026], { framework: '59/2020' });
    expect(a.scores).toBeNull();
    expect(a.problems[0].code).toBe('FRAMEWORK_MISMATCH');
    expect(a.problems[0].severity).toBe('error');
    expect(a.problems[0].message.en).toMatch(/looks like .*8\/2026.*pemdi2026/);
    expect(a.problems[0].message.id).toContain('pemdi2026');
  });

  test('a fitting framework given explicitly adds nothing', () => {
    const a = assess([sheet2024], { framework: 'spbe2020' });
    expect(a.problems).toEqual([]);
  });
});

describe('a level cell merged over two indicators', () => {
  test('the empty half is an error that names the merged cells and says to unmerge them', () => {
    const grid = simpleGrid({ fw: SPBE2020, fill: 3 });
    // rows: 0 header, 1 = indicator 1 (C2), 2 = indicator 2 (C3); C2:C3 merged, value only in C2
    const values = grid.values.map((r) => r.slice());
    values[2][2] = null;
    const a = assess([{ ...grid, values, merges: [{ top: 1, left: 2, bottom: 2, right: 2 }] }]);
    expect(a.scores).toBeNull();
    const p = a.problems.find((x) => x.cell === 'C3');
    expect(p?.code).toBe('LEVEL_BLANK');
    expect(p?.message.en).toContain('merged cells C2:C3');
    expect(p?.message.en).toContain('a whole level 1–5');
    expect(p?.message.id).toContain('sel gabungan C2:C3');
  });
});

describe('a hidden sheet', () => {
  test('a visible assessment table is used before a longer one on a hidden sheet, and the hidden one is mentioned', () => {
    const old = { ...simpleGrid({ fw: SPBE2020, fill: 3, sheetName: 'Lama 2024' }), hidden: true };
    const now = simpleGrid({ fw: PEMDI2026, fill: 2, sheetName: '2026' });
    const a = assess([old, now]);
    expect(a.table?.sheet).toBe('2026');
    expect(a.scores?.index).toBe(2);
    expect(a.problems.find((p) => p.code === 'OTHER_TABLES')?.message.en).toContain('Lama 2024');
  });

  test('the only table, on a hidden sheet, is still read', () => {
    const hidden = { ...simpleGrid({ fw: SPBE2020, fill: 3 }), hidden: true };
    const a = assess([{ name: 'Petunjuk', values: [['Isi tingkat pada lembar Penilaian']] }, hidden]);
    expect(a.scores?.predicate).toBe('Baik');
  });
});

describe('a chosen framework and a summary sheet', () => {
  test('a short summary table that happens to fit the framework is not taken for the assessment', () => {
    const rekap = { name: 'Rekap', values: [['No', 'Aspek', 'Nilai'], ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, `Aspek ${n}`, 3])] };
    const main = simpleGrid({ fw: SPBE2020, fill: 3, sheetName: 'Penilaian' });
    const a = assess([rekap, main], { framework: 'pemdi2026' });
    expect(a.table?.sheet).toBe('Penilaian');
    expect(a.problems[0].code).toBe('FRAMEWORK_MISMATCH');
  });
});
