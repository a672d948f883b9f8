import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { catalogues } from '../../src/core/i18n';
import { toNumber } from '../../src/core/rational';
import type { Assessment, CellValue, Problem } from '../../src/core/types';
import {
  ACEH_TENGAH_2025,
  DENPASAR_2018,
  denpasarGrid,
  keysOf,
  sheet,
  simpleGrid,
  simpleRows,
  type Row,
} from './grid-builders';

/** The one problem with `code`; checks it is complete: severity, sheet, cell, both languages. */
function only(a: Assessment, code: string): Problem {
  const found = a.problems.filter((p) => p.code === code);
  expect(found).toHaveLength(1);
  const p = found[0];
  expect(p.message.id.length).toBeGreaterThan(20);
  expect(p.message.en.length).toBeGreaterThan(20);
  expect(p.message.id).not.toBe(p.message.en);
  expect(p.message.id).not.toMatch(/\{\w+\}/);
  expect(p.message.en).not.toMatch(/\{\w+\}/);
  if (p.cell) {
    expect(p.message.id).toContain(`!${p.cell}`);
    expect(p.message.en).toContain(`!${p.cell}`);
  }
  return p;
}

const codes = (a: Assessment): string[] => a.problems.map((p) => p.code);

function withLevels(levels: Record<string, CellValue>, fw = SPBE2020): Assessment {
  return assess([simpleGrid({ fw, levels: { ...(fw === SPBE2020 ? ACEH_TENGAH_2025 : {}), ...levels }, sheetName: 'Penilaian' })]);
}

describe('errors: the index is not reported', () => {
  test('NO_TABLE says what was looked for', () => {
    const a = assess([sheet('Petunjuk', [['Petunjuk pengisian'], ['Isi tingkat 1-5']]), sheet('Catatan', [['bebas']])]);
    const p = only(a, 'NO_TABLE');
    expect(p).toMatchObject({ severity: 'error', cell: null, indicator: null });
    expect(p.message.id).toContain('Petunjuk, Catatan');
    expect(p.message.en).toContain('No, Nomor, Kode');
    expect(p.message.en).toContain('Tingkat');
    expect(a.scores).toBeNull();
  });

  test('LEVEL_BLANK', () => {
    const a = withLevels({ '12': null });
    const p = only(a, 'LEVEL_BLANK');
    expect(p).toMatchObject({ severity: 'error', sheet: 'Penilaian', cell: 'C13', indicator: '12' });
    expect(p.message.en).toContain('Penilaian!C13');
    expect(p.message.id).toContain('bulat 1–5');
    expect(a.scores).toBeNull();
  });

  test.each([['belum'], ['-'], ['n/a'], ['sudah']])('LEVEL_NOT_A_LEVEL for %j', (word) => {
    const a = withLevels({ '3': word });
    const p = only(a, 'LEVEL_NOT_A_LEVEL');
    expect(p).toMatchObject({ cell: 'C4', indicator: '3', params: { value: word } });
    expect(p.message.id).toContain(`"${word}"`);
    expect(a.scores).toBeNull();
  });

  test('LEVEL_ERROR_VALUE for #N/A', () => {
    const a = withLevels({ '20': { error: '#N/A' } });
    const p = only(a, 'LEVEL_ERROR_VALUE');
    expect(p).toMatchObject({ cell: 'C21', indicator: '20' });
    expect(p.message.en).toContain('#N/A');
    expect(a.scores).toBeNull();
  });

  test.each([[0], [-1], [6], ['Tingkat 7']])('LEVEL_OUT_OF_RANGE for %j', (v) => {
    const a = withLevels({ '47': v });
    const p = only(a, 'LEVEL_OUT_OF_RANGE');
    expect(p).toMatchObject({ cell: 'C48', indicator: '47', severity: 'error' });
    expect(a.scores).toBeNull();
  });

  test('level 0 in spbe2018 says why (the 2018 criteria transcriptions vs the official 1–5)', () => {
    const a = assess([denpasarGrid({ ...DENPASAR_2018, '4': 0 })]);
    const p = only(a, 'LEVEL_OUT_OF_RANGE');
    expect(p).toMatchObject({ cell: 'F10', sheet: 'Penilaian Mandiri', indicator: '4' });
    expect(p.message.en).toContain("'Penilaian Mandiri'!F10");
    expect(p.message.en).toContain('2018');
    expect(p.message.id).toContain('2018');
    expect(p.params).toMatchObject({ reason: 'zero' });
    const b = withLevels({ '4': 0 });
    expect(only(b, 'LEVEL_OUT_OF_RANGE').message.en).not.toContain('2018');
  });

  test('LEVEL_FRACTIONAL for 2.5 in spbe; pemdi accepts it', () => {
    const a = withLevels({ '9': 2.5 });
    const p = only(a, 'LEVEL_FRACTIONAL');
    expect(p).toMatchObject({ cell: 'C10', indicator: '9' });
    expect(p.message.en).toContain('whole');
    expect(p.message.en).toContain('Level 2.5');
    expect(p.message.id).toContain('Tingkat 2,5');
    expect(assess([simpleGrid({ fw: PEMDI2026, levels: { '9': 2.5 } })]).scores).not.toBeNull();
  });

  test('LEVEL_AMBIGUOUS for "Leading" in pemdi2026: asks for the number', () => {
    const a = assess([simpleGrid({ fw: PEMDI2026, fill: 2, levels: { '4': 'Leading' } })]);
    const p = only(a, 'LEVEL_AMBIGUOUS');
    expect(p).toMatchObject({ cell: 'C5', indicator: '4' });
    expect(p.message.en).toContain('4, 5');
    expect(p.message.en).toContain('number');
    expect(a.scores).toBeNull();
  });

  test('INDICATOR_MISSING: no row; the cell is null', () => {
    const keys = keysOf(SPBE2020).filter((k) => k !== '17');
    const a = assess([sheet('Penilaian', simpleRows({ fw: SPBE2020, keys, levels: ACEH_TENGAH_2025 }))]);
    const p = only(a, 'INDICATOR_MISSING');
    expect(p).toMatchObject({ severity: 'error', cell: null, sheet: 'Penilaian', indicator: '17' });
    expect(p.message.en).toContain('Layanan Jaringan Intra');
    expect(a.scores).toBeNull();
  });

  test('INDICATOR_DUPLICATE_CONFLICT (twice, different levels) vs INDICATOR_DUPLICATE (same level: a warning, counted once)', () => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    rows.push([15, 'Pembangunan Aplikasi SPBE', 3]);
    const a = assess([sheet('Penilaian', rows)]);
    const p = only(a, 'INDICATOR_DUPLICATE_CONFLICT');
    expect(p).toMatchObject({ severity: 'error', cell: 'C49', indicator: '15' });
    expect(p.message.en).toContain('Penilaian!C16');
    expect(a.scores).toBeNull();

    const same = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    same.push([15, 'Pembangunan Aplikasi SPBE', 'Tingkat 1']);
    const b = assess([sheet('Penilaian', same)]);
    const w = only(b, 'INDICATOR_DUPLICATE');
    expect(w).toMatchObject({ severity: 'warning', cell: 'C49', indicator: '15' });
    expect(b.scores?.index).toBe(2.594);
  });

  test('a second plain 35 in spbe2018 hints at 35-2', () => {
    const levels = { ...DENPASAR_2018 };
    const g = denpasarGrid(levels);
    const rows = g.values.map((r) => [...r]);
    rows[41][0] = 35; // "35-2" written as 35
    const a = assess([sheet(g.name, rows, { merges: g.merges })]);
    const p = only(a, 'INDICATOR_DUPLICATE_CONFLICT');
    expect(p.message.en).toContain('35-2');
    expect(p.cell).toBe('F42');
  });

  test('INDICATOR_UNKNOWN: a number the framework lacks, 35-4 in spbe2018, 35-2 outside spbe2018', () => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    rows.push([48, 'Layanan Publik Sektor 4', 3]);
    const a = assess([sheet('Penilaian', rows)]);
    const p = only(a, 'INDICATOR_UNKNOWN');
    expect(p).toMatchObject({ severity: 'error', cell: 'A49', indicator: '48' });
    expect(p.message.en).toContain('1–47');
    expect(a.scores).toBeNull();

    const d = denpasarGrid();
    const drows = d.values.map((r) => [...r]);
    drows.push(['35-4', 'Layanan SPBE', 'Layanan Publik Berbasis Elektronik', 'Layanan Publik Instansi Pemerintah', 3.33, 2, 'x', 'y']);
    const b = assess([sheet(d.name, drows, { merges: d.merges })]);
    const q = only(b, 'INDICATOR_UNKNOWN');
    expect(q).toMatchObject({ cell: 'A44', indicator: '35-4' });
    expect(q.message.en).toContain('35-2 to 35-3');

    const c = assess([sheet('Penilaian', [...simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 }), ['35-2', 'Layanan Pengadaan', 4]])]);
    const r = only(c, 'INDICATOR_UNKNOWN');
    expect(r).toMatchObject({ indicator: '35-2', cell: 'A49' });
    expect(r.message.en).toContain('no indicator');
  });

  test('ROWS_IGNORED: a template numbered beyond the framework with empty rows is a single note (info), not an error', () => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    for (let n = 48; n <= 60; n++) rows.push([n, null, '  ']);
    const a = assess([sheet('Penilaian', rows)]);
    expect(a.framework?.id).toBe('spbe2020');
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const p = only(a, 'ROWS_IGNORED');
    expect(p).toMatchObject({ severity: 'info', cell: 'A49', sheet: 'Penilaian' });
    expect(p.message.en).toContain('48–60');
    expect(p.message.en).toContain('Penilaian!A49');
    expect(p.message.id).toContain('diabaikan');
    expect(a.scores).not.toBeNull();
    expect(a.scores!.indexRounded).toBe(2.59);
    expect(toNumber(a.scores!.exact)).toBeCloseTo(2.594, 12);

    // A pemdi2026 sheet on a template numbered to 47 stays pemdi2026 (the empty rows say nothing).
    const pr = simpleRows({ fw: PEMDI2026, fill: 2 });
    for (let n = 21; n <= 47; n++) pr.push([n]);
    const b = assess([sheet('Penilaian', pr)]);
    expect(b.framework?.id).toBe('pemdi2026');
    expect(b.problems.map((q) => q.code)).toEqual(['ROWS_IGNORED']);
    expect(b.problems[0].message.en).toContain('21–47');
  });

  test('a number beyond the framework WITH a level or a name stays INDICATOR_UNKNOWN', () => {
    const withLevel = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    withLevel.push([48, null, 3], [49, null, null]);
    const a = assess([sheet('Penilaian', withLevel)]);
    expect(only(a, 'INDICATOR_UNKNOWN')).toMatchObject({ severity: 'error', cell: 'A49', indicator: '48' });
    expect(only(a, 'ROWS_IGNORED').message.en).toContain('number 49 (first at');
    expect(a.scores).toBeNull();

    const withName = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    withName.push([48, 'Layanan Publik Sektor 4', null]);
    const b = assess([sheet('Penilaian', withName)]);
    expect(only(b, 'INDICATOR_UNKNOWN')).toMatchObject({ cell: 'A49', indicator: '48' });
    expect(b.scores).toBeNull();
  });

  test('FRAMEWORK_UNKNOWN for a bad --framework', () => {
    const a = assess([simpleGrid({ fw: SPBE2020 })], { framework: 'spbe2030' });
    const p = only(a, 'FRAMEWORK_UNKNOWN');
    expect(p.message.en).toContain('spbe2018, spbe2020, pemdi2026');
    expect(a.scores).toBeNull();
  });

  test('NO_LEVEL_COLUMN when the table has no level header', () => {
    const rows: Row[] = [['No', 'Indikator', 'Kolom X']];
    for (const ind of SPBE2020.indicators) rows.push([ind.no, ind.name, 3]);
    const a = assess([sheet('S', rows)]);
    const p = only(a, 'NO_LEVEL_COLUMN');
    expect(p.cell).toBe('A1');
    expect(codes(a)).toEqual(['NO_LEVEL_COLUMN']);
    // naming the column by its header fixes it
    expect(assess([sheet('S', rows)], { column: 'kolom x' }).scores?.indexRounded).toBe(3);
  });
});

describe('warnings: the index is still computed from the regulation', () => {
  test('WEIGHT_MISMATCH: 3.5 % for indicators 42–47 (a known typo); the regulation weights are used', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      levels: ACEH_TENGAH_2025,
      extra: [{ header: 'Bobot (%)', value: (_k, ind) => (ind.no >= 42 ? 3.5 : ind.weight / 100) }],
    });
    const a = assess([sheet('Penilaian', rows)]);
    const ws = a.problems.filter((p) => p.code === 'WEIGHT_MISMATCH');
    expect(ws.map((p) => [p.indicator, p.cell, p.severity])).toEqual(
      ['42', '43', '44', '45', '46', '47'].map((k) => [k, `D${Number(k) + 1}`, 'warning']),
    );
    expect(ws[0].message.en).toContain('3.50%');
    expect(ws[0].message.en).toContain('3.00%');
    expect(ws[0].message.id).toContain('3,50%');
    expect(ws[0].message.id).toContain('Nomor 59 Tahun 2020');
    expect(a.scores?.index).toBe(2.594);
  });

  test('no WEIGHT_MISMATCH for displayed rounding (Denpasar 3.33 for 20/6 %), fractions, or exact formulas', () => {
    expect(codes(assess([denpasarGrid()]))).toEqual([]);
    const fractions = simpleRows({ fw: SPBE2020, fill: 2, extra: [{ header: 'Bobot', value: (_k, ind) => ind.weight / 10000 }] });
    expect(codes(assess([sheet('S', fractions)]))).toEqual([]);
    // a whole number that is not the weight is a mismatch (1 for 1.30 %)
    const whole = simpleRows({ fw: SPBE2020, fill: 2, extra: [{ header: 'Bobot', value: (_k, ind) => (ind.no === 1 ? 1 : ind.weight / 100) }] });
    expect(only(assess([sheet('S', whole)]), 'WEIGHT_MISMATCH').indicator).toBe('1');
    // Denpasar with 20/6 computed by a formula and 3.3 typed
    const d = denpasarGrid();
    const rows = d.values.map((r) => [...r]);
    rows[37][4] = 20 / 6;
    rows[38][4] = 3.3;
    rows[39][4] = 3.34;
    const b = assess([sheet(d.name, rows, { merges: d.merges })]);
    expect(only(b, 'WEIGHT_MISMATCH')).toMatchObject({ cell: 'E40', indicator: '34' });
    // the regulation's own 5 % on every row of aspect 7 (35-2 and 35-3 included) is right too; 4 % is not
    const reg = d.values.map((r) => [...r]);
    for (const r of [37, 38, 39, 40, 41, 42]) reg[r][4] = 5;
    expect(codes(assess([sheet(d.name, reg, { merges: d.merges })]))).toEqual([]);
    reg[41][4] = 4;
    expect(only(assess([sheet(d.name, reg, { merges: d.merges })]), 'WEIGHT_MISMATCH')).toMatchObject({ cell: 'E42', indicator: '35-2' });
  });

  test('NAME_MISMATCH: shifted rows; names without the "Tingkat Kematangan" prefix match', () => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    // swap the names of rows 21 and 22
    const n21 = rows[21][1];
    rows[21][1] = rows[22][1];
    rows[22][1] = n21;
    const a = assess([sheet('Penilaian', rows)]);
    const ws = a.problems.filter((p) => p.code === 'NAME_MISMATCH');
    expect(ws.map((p) => [p.indicator, p.cell])).toEqual([
      ['21', 'B22'],
      ['22', 'B23'],
    ]);
    expect(ws[0].params).toMatchObject({ likely: 22 });
    expect(ws[0].message.en).toContain('indicator 22');
    expect(a.scores).not.toBeNull();
    // Denpasar's names are the short forms: no warning
    expect(codes(assess([denpasarGrid()]))).toEqual([]);
    // full names with the prefix, short names, abbreviations and other case: no warning
    const spbe18 = simpleRows({ fw: SPBE2018, fill: 2 });
    spbe18[1][1] = 'Tingkat Kematangan Kebijakan Internal Tim Pengarah SPBE Instansi Pemerintah';
    spbe18[18][1] = 'Tim Pengarah SPBE';
    spbe18[25][1] = 'LAYANAN NASKAH DINAS';
    expect(codes(assess([sheet('S', spbe18)]))).toEqual([]);
  });

  test('NAME_MISMATCH when a name shares nothing with its indicator', () => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    rows[5][1] = 'Rapat koordinasi bulanan';
    const p = only(assess([sheet('Penilaian', rows)]), 'NAME_MISMATCH');
    expect(p).toMatchObject({ indicator: '5', cell: 'B6', severity: 'warning' });
  });

  test('EVIDENCE_MISSING: level ≥ 2 with empty Bukti Dukung', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      levels: ACEH_TENGAH_2025,
      extra: [{ header: 'Bukti Dukung', value: (k) => (k === '3' || k === '4' ? '' : k === '5' ? '-' : `b${k}.pdf`) }],
    });
    const a = assess([sheet('Penilaian', rows)]);
    // indicator 3 is level 4 (warned), indicator 4 is level 1 (no evidence needed), indicator 5 has "-"
    const ws = a.problems.filter((p) => p.code === 'EVIDENCE_MISSING');
    expect(ws.map((p) => [p.indicator, p.cell, p.severity])).toEqual([['3', 'D4', 'warning'], ['5', 'D6', 'warning']]);
    expect(ws[0].message.en).toContain('Penilaian!D4');
    expect(ws[0].message.id).toContain('bukti dukung');
    expect(a.scores?.indexRounded).toBe(2.59);
    // without an evidence column there is no such warning
    expect(codes(assess([simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025 })]))).toEqual([]);
  });

  test('TARGET_UNREADABLE: a Target cell that is no level is reported, not silently ignored', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      levels: ACEH_TENGAH_2025,
      extra: [{ header: 'Target', value: (k) => (k === '4' ? 'belum' : k === '5' ? '' : k === '6' ? 4 : null) }],
    });
    const a = assess([sheet('Penilaian', rows)]);
    const ws = a.problems.filter((p) => p.code === 'TARGET_UNREADABLE');
    expect(ws.map((p) => [p.indicator, p.cell, p.severity])).toEqual([['4', 'D5', 'warning']]);
    expect(ws[0].message.en).toContain('Penilaian!D5');
    expect(ws[0].message.en).toContain('"belum"');
    expect(ws[0].message.id).toContain('bukan tingkat');
    expect(a.entries.find((e) => e.key === '6')?.target).toEqual({ num: BigInt(4), den: BigInt(1) });
    expect(a.scores?.indexRounded).toBe(2.59);
  });

  test('LEVEL_COLUMN_CHOSEN names the column used and the others', () => {
    const rows = simpleRows({ fw: SPBE2020, fill: 2, levelHeader: 'Penilaian Mandiri', extra: [{ header: 'Nilai Akhir', value: () => 3 }] });
    const a = assess([sheet('S', rows)]);
    const p = only(a, 'LEVEL_COLUMN_CHOSEN');
    expect(p).toMatchObject({ cell: 'D1', severity: 'info', params: { header: 'Nilai Akhir', letter: 'D', others: 'C' } });
    expect(p.message.en).toContain('"Penilaian Mandiri" (C)');
    expect(a.scores?.indexRounded).toBe(3);
  });

  test('pemdi notes (indicators taken from other indices) are not problems', () => {
    expect(codes(assess([simpleGrid({ fw: PEMDI2026, fill: 1 })]))).toEqual([]);
  });
});

describe('order and completeness', () => {
  test('errors first, then by row; deterministic', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      levels: { ...ACEH_TENGAH_2025, '2': 'belum', '30': null },
      extra: [{ header: 'Bobot (%)', value: (_k, ind) => (ind.no >= 42 ? 3.5 : ind.weight / 100) }],
    });
    rows.splice(10, 1); // drop indicator 10
    const a = assess([sheet('Penilaian', rows)]);
    expect(codes(a)).toEqual([
      'LEVEL_NOT_A_LEVEL',
      'LEVEL_BLANK',
      'INDICATOR_MISSING',
      ...Array(6).fill('WEIGHT_MISMATCH'),
    ]);
    expect(a.scores).toBeNull();
    expect(assess([sheet('Penilaian', rows)]).problems).toEqual(a.problems);
  });

  test('the problems catalogue has the same keys in both languages and every code has a message', () => {
    const idKeys = Object.keys(catalogues.id.problems).sort();
    expect(Object.keys(catalogues.en.problems).sort()).toEqual(idKeys);
    for (const code of [
      'NO_TABLE', 'SHEET_NOT_FOUND', 'COLUMN_NOT_FOUND', 'FRAMEWORK_UNKNOWN', 'NO_LEVEL_COLUMN', 'LEVEL_BLANK', 'LEVEL_NOT_A_LEVEL',
      'LEVEL_ERROR_VALUE', 'LEVEL_OUT_OF_RANGE', 'LEVEL_FRACTIONAL', 'LEVEL_AMBIGUOUS', 'INDICATOR_MISSING', 'INDICATOR_DUPLICATE_CONFLICT',
      'INDICATOR_DUPLICATE', 'INDICATOR_UNKNOWN', 'WEIGHT_MISMATCH', 'NAME_MISMATCH', 'EVIDENCE_MISSING', 'TARGET_UNREADABLE', 'LEVEL_COLUMN_CHOSEN', 'ROWS_IGNORED',
    ]) {
      expect(idKeys).toContain(code);
    }
  });

  test('spbe2018 sheet levels validated against its own range (whole levels)', () => {
    const a = assess([simpleGrid({ fw: SPBE2018, fill: 3, levels: { '35': 3.5 } })]);
    expect(only(a, 'LEVEL_FRACTIONAL').message.en).toContain('PermenPANRB 5/2018');
  });
});
