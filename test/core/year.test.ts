/**
 * A workbook holding several assessments (a sheet per year): the year of each is read from its sheet's
 * name or the title above its table (src/core/year.ts, the one place that decides it), the newest is
 * assessed by default, every other candidate is named in a note, and a chosen sheet still wins.
 */
import { assessmentYear, yearIn } from '../../src/core/year';
import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { sheet, simpleGrid, simpleRows } from './grid-builders';

describe('the year of an assessment', () => {
  test('from the sheet name, else the title rows; the latest when several are named', () => {
    expect(assessmentYear('Penilaian 2024')).toEqual({ year: 2024, from: 'sheet' });
    expect(assessmentYear('PM_2023', ['TAHUN 2025'])).toEqual({ year: 2023, from: 'sheet' });
    expect(assessmentYear('Penilaian', ['PEMERINTAH KOTA CONTOH', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2024'])).toEqual({ year: 2024, from: 'title' });
    expect(assessmentYear('Evaluasi 2023-2024')).toEqual({ year: 2024, from: 'sheet' });
    expect(assessmentYear('Penilaian', ['Evaluasi 2025 (data 2024)'])).toEqual({ year: 2025, from: 'title' });
    expect(assessmentYear('Penilaian', ['PEMERINTAH KOTA CONTOH'])).toBeNull();
  });

  test('regulation numbers, counts and other numbers are no years', () => {
    expect(yearIn('Indeks SPBE (PermenPANRB 59/2020)')).toBeNull();
    expect(yearIn('Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan')).toBeNull();
    expect(yearIn('Perpres No. 95 Tahun 2018')).toBeNull();
    expect(yearIn('Penilaian 2024 menurut PermenPANRB 59/2020')).toBe(2024);
    expect(yearIn('Total 47 indikator, skor 2594')).toBeNull();
    expect(yearIn('Kode 120245')).toBeNull();
    expect(yearIn('1999')).toBeNull();
  });
});

describe('several assessments in one workbook', () => {
  const y2023 = simpleGrid({ fw: SPBE2020, fill: 2, sheetName: 'Penilaian 2023' });
  const y2024 = simpleGrid({ fw: SPBE2020, fill: 3, sheetName: 'Penilaian 2024' });

  test.each([
    ['2023 then 2024', [y2023, y2024]],
    ['2024 then 2023', [y2024, y2023]],
  ])('the newest year is assessed by default (%s); the other is named in a note', (_order, grids) => {
    const a = assess(grids);
    expect(a.table?.sheet).toBe('Penilaian 2024');
    expect(a.scores?.indexRounded).toBe(3);
    const note = a.problems.find((p) => p.code === 'OTHER_TABLES');
    expect(note).toMatchObject({ severity: 'info', sheet: 'Penilaian 2024' });
    expect(note?.message.en).toContain('Penilaian 2023');
    expect(note?.message.en).toContain('2024');
    expect(a.candidates?.map((c) => [c.sheet, c.year, c.used])).toEqual(
      grids.map((g) => [g.name, g.name.endsWith('2024') ? 2024 : 2023, g.name.endsWith('2024')]),
    );
  });

  test('a chosen sheet still wins (--sheet, the pane\'s chooser), and every candidate stays listed', () => {
    const a = assess([y2023, y2024], { sheet: 'penilaian 2023' });
    expect(a.table?.sheet).toBe('Penilaian 2023');
    expect(a.scores?.indexRounded).toBe(2);
    expect(a.candidates?.map((c) => [c.sheet, c.used])).toEqual([
      ['Penilaian 2023', true],
      ['Penilaian 2024', false],
    ]);
  });

  test('the year in the title above the table counts when the sheet names none', () => {
    const old = sheet('Lama', [['LEMBAR KERJA EVALUASI SPBE TAHUN 2019'], [], ...simpleRows({ fw: SPBE2018, fill: 2 })]);
    const now = sheet('Baru', [['HASIL EVALUASI PEMERINTAH DIGITAL TAHUN 2026 (PermenPANRB 8/2026)'], [], ...simpleRows({ fw: PEMDI2026, fill: 3 })]);
    // without the years the longer table (spbe2018, 35 rows) would be read
    const a = assess([old, now]);
    expect(a.table?.sheet).toBe('Baru');
    expect(a.framework?.id).toBe('pemdi2026');
  });

  test('without a year on every candidate the usual rule applies (the longer, fuller table)', () => {
    const draft = simpleGrid({ fw: SPBE2020, fill: 2, sheetName: 'Draft', keys: SPBE2020.indicators.slice(0, 30).map((d) => String(d.no)) });
    const noYear = simpleGrid({ fw: SPBE2020, fill: 4, sheetName: 'Penilaian' });
    expect(assess([noYear, y2023]).table?.sheet).toBe('Penilaian');
    expect(assess([y2024, draft]).table?.sheet).toBe('Penilaian 2024');
  });

  test('a visible sheet before a hidden newer copy; a chosen framework before the year', () => {
    const hidden2025 = { ...simpleGrid({ fw: SPBE2020, fill: 5, sheetName: 'Penilaian 2025' }), hidden: true };
    expect(assess([y2024, hidden2025]).table?.sheet).toBe('Penilaian 2024');
    const pemdi2023 = simpleGrid({ fw: PEMDI2026, fill: 2, sheetName: 'Pemdi 2023' });
    expect(assess([pemdi2023, y2024], { framework: 'pemdi2026' }).table?.sheet).toBe('Pemdi 2023');
  });
});
