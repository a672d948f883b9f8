import { readTable } from '../../src/core/reader';
import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { rational, toNumber } from '../../src/core/rational';
import type { CellRange, CellValue, Grid } from '../../src/core/types';
import {
  ACEH_TENGAH_2025,
  DENPASAR_2018,
  PEMDI_SAMPLE_2026,
  acehTengahGrid,
  denpasarGrid,
  indicatorOf,
  keysOf,
  pemdiGrid,
  sheet,
  shortName,
  simpleGrid,
  simpleRows,
  withMargin,
  type Row,
} from './grid-builders';

function levelsOf(entries: ReturnType<typeof readTable>['entries']): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const e of entries) out[e.key] = e.level ? toNumber(e.level) : null;
  return out;
}

const codes = (a: { problems: ReadonlyArray<{ code: string }> }): string[] => a.problems.map((p) => p.code);

describe('finding the table', () => {
  test('header at row 6 under a title block; titles kept', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      levels: ACEH_TENGAH_2025,
      titles: ['PEMERINTAH KOTA DENPASAR', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2024', 'Unit kerja: Diskominfo', 'Catatan: isi kolom Tingkat'],
    });
    const r = readTable([sheet('Penilaian', rows)]);
    expect(r.table?.headerRows).toEqual([5]);
    expect(r.table?.firstRow).toBe(6);
    expect(r.entries[0].cell).toBe('C7');
    expect(r.titles).toEqual([
      'PEMERINTAH KOTA DENPASAR',
      'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2024',
      'Unit kerja: Diskominfo',
      'Catatan: isi kolom Tingkat',
    ]);
    expect(levelsOf(r.entries)).toEqual(ACEH_TENGAH_2025);
    const a = assess([sheet('Penilaian', rows)]);
    expect(a.scores?.indexRounded).toBe(2.59);
  });

  test('left margin: the table starts in column C; addresses are absolute, also with a grid origin', () => {
    const rows = withMargin(simpleRows({ fw: SPBE2020, fill: 2 }), 2);
    const r = readTable([sheet('Penilaian', rows)]);
    expect(r.table?.numberColumn).toBe(2);
    expect(r.table?.levelColumn.letter).toBe('E');
    expect(r.entries[0].cell).toBe('E2');
    expect(r.entries[46].cell).toBe('E48');
    // the same values handed over as a used range starting at B3
    const shifted = readTable([sheet('Penilaian', simpleRows({ fw: SPBE2020, fill: 2 }), { origin: { row: 2, col: 1 } })]);
    expect(shifted.entries[0].cell).toBe('D4');
    expect(shifted.table?.numberColumn).toBe(1);
    expect(shifted.table?.headerRows).toEqual([2]);
    expect(assess([sheet('P', rows)]).scores?.indexRounded).toBe(2);
  });

  test('two-row merged header: "Penilaian" over "Tingkat | Keterangan" (value only in the top-left cell)', () => {
    const rows: Row[] = [
      ['PEMERINTAH KABUPATEN CONTOH'],
      [],
      ['No', 'Indikator', 'Penilaian', null, 'Bukti Dukung'],
      [null, null, 'Tingkat', 'Keterangan', null],
    ];
    for (const key of keysOf(SPBE2020)) rows.push([parseInt(key, 10), shortName(indicatorOf(SPBE2020, key)), 2, `catatan ${key}`, `b${key}.pdf`]);
    const merges: CellRange[] = [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 3 },
      { top: 2, left: 4, bottom: 3, right: 4 },
    ];
    const r = readTable([sheet('Form', rows, { merges })]);
    expect(r.table?.headerRows).toEqual([2, 3]);
    expect(r.table?.levelColumn.header).toBe('Penilaian / Tingkat');
    expect(r.table?.levelColumn.col).toBe(2);
    expect(r.table?.noteColumns).toEqual([3]);
    expect(r.table?.evidenceColumn).toBe(4);
    expect(r.entries[0].note).toBe('catatan 1');
    expect(r.entries[0].cell).toBe('C5');
    expect(r.titles).toEqual(['PEMERINTAH KABUPATEN CONTOH']);
    const a = assess([sheet('Form', rows, { merges })]);
    expect(codes(a)).toEqual([]);
    expect(a.scores?.indexRounded).toBe(2);
  });

  test('two-row header whose adapter repeats merged values in every cell', () => {
    const rows: Row[] = [
      ['No', 'Indikator', 'Penilaian', 'Penilaian'],
      ['No', 'Indikator', 'Tingkat', 'Keterangan'],
    ];
    for (const key of keysOf(PEMDI2026)) rows.push([parseInt(key, 10), shortName(indicatorOf(PEMDI2026, key)), '2,5', '']);
    const r = readTable([sheet('S', rows)]);
    expect(r.table?.headerRows).toEqual([0, 1]);
    expect(r.table?.levelColumn.col).toBe(2);
    expect(r.framework?.id).toBe('pemdi2026');
    expect(assess([sheet('S', rows)]).scores?.indexRounded).toBe(2.5);
  });

  test('domain and aspect as vertically merged columns (Denpasar 2018 layout)', () => {
    const g = denpasarGrid();
    const r = readTable([g]);
    expect(r.table?.sheet).toBe('Penilaian Mandiri');
    expect(r.table?.headerRows).toEqual([5]);
    expect(r.table?.numberColumn).toBe(0);
    expect(r.table?.nameColumn).toBe(3);
    expect(r.table?.weightColumn).toBe(4);
    expect(r.table?.levelColumn).toMatchObject({ col: 5, letter: 'F', header: 'Tingkat Kematangan', stage: -1, filled: 37 });
    expect(r.table?.evidenceColumn).toBe(7);
    expect(r.table?.noteColumns).toEqual([6]);
    expect(r.entries.map((e) => e.key).slice(-3)).toEqual(['35', '35-2', '35-3']);
    expect(r.entries[36]).toMatchObject({ key: '35-3', no: 35, entry: 3, row: 42, cell: 'F43', sheetWeight: 3.33, evidence: 'bukti-35-3.pdf' });
    expect(levelsOf(r.entries)).toEqual(DENPASAR_2018);
    expect(r.titles[0]).toBe('PEMERINTAH KOTA DENPASAR');
  });

  test('group rows and blank spacer rows between groups (Aceh Tengah "Rekap" layout)', () => {
    const g = acehTengahGrid();
    // add spacer rows before every group row
    const rows: Row[] = [];
    for (const row of g.values) {
      if (typeof row[0] === 'string' && /^(DOMAIN|Aspek)/.test(row[0] as string)) rows.push([]);
      rows.push([...row]);
    }
    // an adapter that repeats a merged group row's text in every cell of the merge
    const repeated = g.values.map((row) => (typeof row[0] === 'string' && /^(DOMAIN|Aspek)/.test(row[0] as string) ? [row[0], row[0], row[0], row[0]] : [...row]));
    for (const grid of [g, sheet('Rekap', rows), sheet('Rekap', repeated, { merges: g.merges })]) {
      const r = readTable([grid]);
      expect(r.entries).toHaveLength(47);
      expect(r.framework?.id).toBe('spbe2020');
      expect(r.table?.levelColumn.header).toBe('Nilai Tingkat');
      expect(levelsOf(r.entries)).toEqual(ACEH_TENGAH_2025);
      expect(r.entries[0].raw).toBe('Tingkat 2');
      expect(r.entries[0].plainNumber).toBe(false);
    }
  });

  test('summary rows after the table (JUMLAH with a COUNT formula in the number column, INDEKS, RATA-RATA) are not indicators', () => {
    const rows = simpleRows({ fw: SPBE2020, fill: 3, extra: [{ header: 'Bobot (%)', value: (_k, ind) => ind.weight / 100 }] });
    const n = rows.length;
    rows.push([], [47, 'JUMLAH', 141, 100], [null, 'INDEKS', 3, null], [null, 'RATA-RATA', 3, null], [null, 'Predikat', 'Sangat Baik', null]);
    const formulas: Array<Array<string | null>> = rows.map(() => []);
    formulas[n + 1] = ['=COUNT(A2:A48)', null, '=SUM(C2:C48)', '=SUM(D2:D48)'];
    formulas[n + 2] = [null, null, '=SUMPRODUCT(C2:C48,D2:D48)/100', null];
    const a = assess([sheet('Penilaian', rows, { formulas })]);
    expect(a.entries).toHaveLength(47);
    expect(codes(a)).toEqual([]);
    expect(a.scores?.indexRounded).toBe(3);
    expect(a.table?.lastRow).toBe(47);
  });

  test('rows in any order', () => {
    const keys = keysOf(SPBE2020).sort((x, y) => ACEH_TENGAH_2025[y] - ACEH_TENGAH_2025[x] || Number(y) - Number(x));
    const a = assess([sheet('S', simpleRows({ fw: SPBE2020, keys, levels: ACEH_TENGAH_2025 }))]);
    expect(a.entries[0].key).not.toBe('1');
    expect(codes(a)).toEqual([]);
    expect(a.scores?.index).toBe(2.594);
    expect(a.scores?.domains.map((d) => d.indexRounded)).toEqual([2.3, 1.7, 1, 3.75]);
  });

  test('a hidden helper column of small numbers before the real level column is never taken', () => {
    const rows: Row[] = [['No', 'Indikator', 'Aspek', null, 'Tingkat Kematangan']];
    for (const ind of SPBE2020.indicators) rows.push([ind.no, shortName(ind), ind.aspect, ind.aspect % 5 + 1, `Tingkat ${ACEH_TENGAH_2025[String(ind.no)]}`]);
    const g = sheet('Penilaian', rows, { hiddenColumns: [3] });
    const a = assess([g]);
    expect(a.table?.levelColumn.col).toBe(4);
    expect(a.table?.levelColumns).toHaveLength(1);
    expect(a.scores?.indexRounded).toBe(2.59);
    // even when the hidden helper has a level-like header, the visible level column wins
    const rows2 = rows.map((r, i) => (i === 0 ? ['No', 'Indikator', 'Aspek', 'Nilai', 'Tingkat Kematangan'] : r));
    const b = assess([sheet('Penilaian', rows2, { hiddenColumns: [3] })]);
    expect(b.table?.levelColumn.col).toBe(4);
    expect(b.scores?.indexRounded).toBe(2.59);
  });

  test('other sheets first: instructions, a cover and a Rekap with formulas are skipped', () => {
    const petunjuk = sheet('Petunjuk', [['PETUNJUK PENGISIAN'], ['1. Isi kolom Tingkat dengan angka 1–5'], ['2. Lampirkan bukti dukung']]);
    const cover = sheet('Sampul', [['LEMBAR KERJA EVALUASI SPBE'], ['Tahun 2025']]);
    const rekapRows: Row[] = [['REKAP PER ASPEK'], ['No', 'Aspek', 'Nilai']];
    const rekapFormulas: Array<Array<string | null>> = [[], []];
    for (const asp of SPBE2020.aspects) {
      rekapRows.push([asp.no, asp.name, 2]);
      rekapFormulas.push([null, null, `=AVERAGE(Penilaian!C2:C11)`]);
    }
    const rekap = sheet('Rekap', rekapRows, { formulas: rekapFormulas });
    const main = sheet('Penilaian', simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 }));
    const a = assess([petunjuk, cover, rekap, main]);
    expect(a.table?.sheet).toBe('Penilaian');
    expect(a.framework?.id).toBe('spbe2020');
    expect(a.scores?.indexRounded).toBe(2.59);
  });

  test('when several sheets hold the table, the one with more indicator rows and more filled levels wins', () => {
    const partial = sheet('Draft', simpleRows({ fw: SPBE2020, keys: keysOf(SPBE2020).slice(0, 20), fill: 2 }));
    const empty = sheet('Template', simpleRows({ fw: SPBE2020, levels: Object.fromEntries(keysOf(SPBE2020).map((k) => [k, null])) }));
    const full = sheet('Final', simpleRows({ fw: SPBE2020, fill: 4 }));
    const a = assess([partial, empty, full]);
    expect(a.table?.sheet).toBe('Final');
    expect(a.scores?.indexRounded).toBe(4);
  });

  test('options.sheet is honoured (any case)', () => {
    const one = sheet('Tahun 2024', simpleRows({ fw: SPBE2020, fill: 2 }));
    const two = sheet('Tahun 2025', simpleRows({ fw: SPBE2020, fill: 3 }));
    expect(assess([one, two], { sheet: 'tahun 2024' }).scores?.indexRounded).toBe(2);
    expect(assess([one, two], { sheet: 'Tahun 2025' }).scores?.indexRounded).toBe(3);
    const missing = assess([one, two], { sheet: 'Tahun 2023' });
    expect(missing.scores).toBeNull();
    expect(missing.problems[0]).toMatchObject({ code: 'SHEET_NOT_FOUND', severity: 'error' });
    expect(missing.problems[0].message.en).toContain('Tahun 2024, Tahun 2025');
  });

  test('a title line that looks like a header ("No. Dokumen … | Nama Instansi") does not hide the real table beside it', () => {
    const rows: Row[] = [['No. Dokumen: 001/SPBE/2025', 'Nama Instansi: Kab. Contoh'], [], ...withMargin(simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 }), 1)];
    const a = assess([sheet('S', rows)]);
    expect(a.table?.headerRows).toEqual([2]);
    expect(a.table?.numberColumn).toBe(1);
    expect(a.scores?.indexRounded).toBe(2.59);
  });

  test('a column-numbering row "(1) (2) (3)" under the header is not indicator 1', () => {
    const rows = simpleRows({ fw: SPBE2020, fill: 3 });
    rows.splice(1, 0, ['(1)', '(2)', '(3)']);
    const rows2 = simpleRows({ fw: SPBE2020, fill: 3 });
    rows2.splice(1, 0, [1, 2, 3]);
    for (const r of [rows, rows2]) {
      const a = assess([sheet('S', r)]);
      expect(codes(a)).toEqual([]);
      expect(a.entries).toHaveLength(47);
      expect(a.entries[0].row).toBe(2);
    }
  });
});

describe('every column name of worksheets.md, in any case', () => {
  const NUMBER = ['No', 'No.', 'Nomor', 'Nomor Indikator', 'No. Ind.', 'Kode', 'Indicator No'];
  const NAME = ['Indikator', 'Nama Indikator', 'Uraian Indikator', 'Indicator'];
  const LEVEL = [
    'Tingkat', 'Tingkat Kematangan', 'Level', 'Level Kematangan', 'Nilai', 'Nilai Tingkat', 'Nilai Kematangan', 'Maturity Level',
    'Capability Level', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Penilaian Interviu', 'Penilaian Visitasi', 'Nilai Akhir',
    'Nilai Evaluator/Asesor', 'Hasil Evaluasi',
  ];
  const check = (header: [string, string, string]): void => {
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    rows[0] = header;
    const a = assess([sheet('Penilaian', [['PEMERINTAH KABUPATEN CONTOH'], [], ...rows])]);
    expect({ header, codes: codes(a) }).toEqual({ header, codes: [] });
    expect(a.table?.levelColumn.header).toBe(header[2]);
    expect(a.scores?.indexRounded).toBe(2.59);
  };
  test.each(NUMBER)('indicator number column "%s"', (h) => {
    check([h, 'Indikator', 'Tingkat']);
    check([h.toUpperCase(), 'Indikator', 'Tingkat']);
  });
  test.each(NAME)('indicator name column "%s"', (h) => {
    check(['No', h, 'Tingkat']);
    check(['No', h.toLowerCase(), 'Tingkat']);
  });
  test.each(LEVEL)('level column "%s"', (h) => {
    check(['No', 'Indikator', h]);
    check(['NO', 'INDIKATOR', h.toUpperCase()]);
  });
});

describe('stage columns', () => {
  function stageRows(opts: { final?: CellValue; visit?: CellValue } = {}): Row[] {
    const rows: Row[] = [['No', 'Indikator', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Penilaian Interviu', 'Penilaian Visitasi', 'Nilai Akhir', 'Catatan Asesor']];
    for (const ind of SPBE2020.indicators) {
      rows.push([ind.no, shortName(ind), 4, 3, 3, 'visit' in opts ? opts.visit! : 2, 'final' in opts ? opts.final! : 2, null]);
    }
    return rows;
  }

  test('default: the most advanced stage with values (Nilai Akhir); the others are reported and kept per entry', () => {
    const a = assess([sheet('Evaluasi', stageRows())]);
    expect(a.table?.levelColumn).toMatchObject({ header: 'Nilai Akhir', letter: 'G', stage: 4, stageName: 'Nilai Akhir' });
    expect(a.table?.levelColumns.map((c) => [c.letter, c.stage, c.filled])).toEqual([
      ['C', 0, 47],
      ['D', 1, 47],
      ['E', 2, 47],
      ['F', 3, 47],
      ['G', 4, 47],
    ]);
    expect(a.scores?.indexRounded).toBe(2);
    expect(a.entries[0].stages.map((s) => [s.col, s.raw])).toEqual([[2, 4], [3, 3], [4, 3], [5, 2]]);
    expect(a.entries[0].stages[0].level).toEqual(rational(4));
    expect(codes(a)).toEqual(['LEVEL_COLUMN_CHOSEN']);
    const w = a.problems[0];
    expect(w).toMatchObject({ severity: 'info', cell: 'G1', sheet: 'Evaluasi', indicator: null });
    expect(w.message.id).toContain('Nilai Akhir');
    expect(w.message.id).toContain('Penilaian Mandiri');
    expect(w.message.en).toContain('"Penilaian Mandiri" (C)');
  });

  test('choice by header text (case-insensitive part of it)', () => {
    const a = assess([sheet('Evaluasi', stageRows())], { column: 'mandiri' });
    expect(a.table?.levelColumn.header).toBe('Penilaian Mandiri');
    expect(a.scores?.indexRounded).toBe(4);
    expect(assess([sheet('Evaluasi', stageRows())], { column: 'DOKUMEN' }).scores?.indexRounded).toBe(3);
    // an exact header wins over a partial match ("Penilaian" is part of four headers)
    const rows = stageRows().map((r, i) => (i === 0 ? ['No', 'Indikator', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Penilaian Interviu', 'Penilaian', 'Nilai Akhir', 'Catatan Asesor'] : r));
    expect(assess([sheet('Evaluasi', rows)], { column: 'penilaian' }).table?.levelColumn.letter).toBe('F');
  });

  test('an empty stage column is skipped; a blank cell in the chosen column is not filled from another stage', () => {
    const a = assess([sheet('Evaluasi', stageRows({ final: null }))]);
    expect(a.table?.levelColumn.header).toBe('Penilaian Visitasi');
    expect(a.scores?.indexRounded).toBe(2);
    expect(a.problems[0].message.en).toContain('(G, empty)');
    const rows = stageRows();
    rows[5][6] = null; // indicator 5 has no final value
    const b = assess([sheet('Evaluasi', rows)]);
    expect(b.table?.levelColumn.header).toBe('Nilai Akhir');
    expect(b.scores).toBeNull();
    expect(b.problems[0]).toMatchObject({ code: 'LEVEL_BLANK', cell: 'G6', indicator: '5' });
  });

  test('an unknown column name is an error that lists the level columns', () => {
    const a = assess([sheet('Evaluasi', stageRows())], { column: 'Skor Kinerja' });
    expect(a.scores).toBeNull();
    expect(a.problems[0].code).toBe('COLUMN_NOT_FOUND');
    expect(a.problems[0].message.id).toContain('Penilaian Mandiri (C)');
    expect(a.problems[0].message.en).toContain('--column');
    // no level column was used, so none is reported as "used"
    expect(codes(a)).toEqual(['COLUMN_NOT_FOUND']);
  });
});

describe('frameworks and spellings', () => {
  test('spbe2018 with 35, 35-2, 35-3 (three public services)', () => {
    const a = assess([denpasarGrid()]);
    expect(a.framework?.id).toBe('spbe2018');
    expect(a.frameworkSource).toBe('detected');
    expect(codes(a)).toEqual([]);
    expect(a.scores?.indexRounded).toBe(2.64);
    expect(a.scores?.aspects.map((x) => x.indexRounded)).toEqual([2, 2.1, 2, 2.5, 2.33, 3.29, 2.5]);
  });

  test('pemdi2026 with a Kode column "3.5" beside No and decimal levels written "1,26"', () => {
    const a = assess([pemdiGrid()]);
    expect(a.framework?.id).toBe('pemdi2026');
    expect(a.table?.numberColumn).toBe(0);
    expect(a.entries.map((e) => e.key)).toEqual(keysOf(PEMDI2026));
    expect(a.scores?.indexRounded).toBe(2.02);
    const levels = { ...PEMDI_SAMPLE_2026, '1': '1,26' as CellValue, '2': '1.26' as CellValue };
    const b = readTable([pemdiGrid(levels)]);
    expect(b.entries[0].level).toEqual(rational(126, 100));
    expect(b.entries[1].level).toEqual(rational(126, 100));
    expect(b.entries[0].plainNumber).toBe(false);
    expect(b.entries[2].plainNumber).toBe(true);
  });

  test('a sheet with only a Kode column (aspect.indicator codes) is read by code', () => {
    const rows: Row[] = [['Kode', 'Indikator', 'Nilai']];
    for (const ind of PEMDI2026.indicators) rows.push([`${ind.aspect}.${ind.no}`, ind.name, PEMDI_SAMPLE_2026[String(ind.no)]]);
    const a = assess([sheet('Pemdi', rows)]);
    expect(a.framework?.id).toBe('pemdi2026');
    expect(a.entries.map((e) => e.key)).toEqual(keysOf(PEMDI2026));
    expect(a.scores?.indexRounded).toBe(2.02);
    // codes numbered within each aspect: 3.1 … 3.4
    const local: Row[] = [['Kode', 'Indikator', 'Nilai']];
    const pos = new Map<number, number>();
    for (const ind of PEMDI2026.indicators) {
      const k = (pos.get(ind.aspect) ?? 0) + 1;
      pos.set(ind.aspect, k);
      local.push([`${ind.aspect}.${k}`, ind.name, PEMDI_SAMPLE_2026[String(ind.no)]]);
    }
    const b = assess([sheet('Pemdi', local)]);
    expect(b.entries.map((e) => e.key)).toEqual(keysOf(PEMDI2026));
    expect(b.scores?.indexRounded).toBe(2.02);
  });

  test('level spellings: "Tingkat III", "3 - Terdefinisi", names, "3,0", "Level 3", 3.0 all read as 3', () => {
    const spellings: CellValue[] = ['Tingkat III', '3 - Terdefinisi', 'Terdefinisi', '3,0', 'Level 3', 3.0, 'III', '3', 'Tingkat 3'];
    const levels: Record<string, CellValue> = {};
    SPBE2020.indicators.forEach((ind, i) => {
      let v = spellings[i % spellings.length];
      if (v === 'Terdefinisi' && ind.no >= 32) v = 'Transaksi';
      if (v === '3 - Terdefinisi' && ind.no >= 32) v = '3 - Transaksi';
      levels[String(ind.no)] = v;
    });
    const a = assess([simpleGrid({ fw: SPBE2020, levels })]);
    expect(codes(a)).toEqual([]);
    expect(a.entries.every((e) => e.level && toNumber(e.level) === 3)).toBe(true);
    expect(a.scores?.index).toBe(3);
  });

  test('indicator number spellings in one table: 7, "7", "7.", "Indikator 7", "I7"', () => {
    const spell = [(n: number): CellValue => n, (n: number): CellValue => String(n), (n: number): CellValue => `${n}.`, (n: number): CellValue => `Indikator ${n}`, (n: number): CellValue => `I${n}`];
    const rows = simpleRows({ fw: SPBE2020, levels: ACEH_TENGAH_2025 });
    for (let i = 1; i < rows.length; i++) rows[i][0] = spell[i % spell.length](rows[i][0] as number);
    const a = assess([sheet('Penilaian', rows)]);
    expect(codes(a)).toEqual([]);
    expect(a.entries.map((e) => e.key)).toEqual(keysOf(SPBE2020));
    expect(a.scores?.indexRounded).toBe(2.59);
  });

  test('framework detection: numbers, names, decimals; the option overrides and is reported', () => {
    expect(readTable([simpleGrid({ fw: SPBE2020 })]).framework?.id).toBe('spbe2020');
    expect(readTable([simpleGrid({ fw: SPBE2018 })]).framework?.id).toBe('spbe2018');
    expect(readTable([simpleGrid({ fw: PEMDI2026 })]).framework?.id).toBe('pemdi2026');
    // 20 rows without names: pemdi2026 (the count fits)
    expect(readTable([simpleGrid({ fw: PEMDI2026, names: false })]).framework?.id).toBe('pemdi2026');
    // an spbe2020 sheet that so far lists only indicators 1–20 is still spbe2020 by its names
    const partial = readTable([simpleGrid({ fw: SPBE2020, keys: keysOf(SPBE2020).slice(0, 20) })]);
    expect(partial.framework?.id).toBe('spbe2020');
    // likewise spbe2018 ("Tim Pengarah" …) and pemdi2026 ("Tata Kelola Pemerintah Digital" …) by names, with whole levels
    expect(readTable([simpleGrid({ fw: SPBE2018, keys: keysOf(SPBE2018).slice(0, 20) })]).framework?.id).toBe('spbe2018');
    expect(readTable([simpleGrid({ fw: PEMDI2026, keys: keysOf(PEMDI2026).slice(0, 12) })]).framework?.id).toBe('pemdi2026');
    // decimals point to pemdi2026 even without names
    expect(readTable([simpleGrid({ fw: PEMDI2026, names: false, keys: keysOf(PEMDI2026).slice(0, 10), fill: 1.5 })]).framework?.id).toBe('pemdi2026');
    // spbe2018 names with the "Kebijakan Internal …" wording and only 35 rows
    expect(readTable([simpleGrid({ fw: SPBE2018, names: false })]).framework?.id).toBe('spbe2018');
    const forced = assess([simpleGrid({ fw: PEMDI2026, fill: 2 })], { framework: 'spbe2020' });
    expect(forced.framework?.id).toBe('spbe2020');
    expect(forced.frameworkSource).toBe('option');
    expect(forced.problems.filter((p) => p.code === 'INDICATOR_MISSING')).toHaveLength(27);
    expect(assess([simpleGrid({ fw: SPBE2020, fill: 2 })], { framework: '59/2020' }).framework?.id).toBe('spbe2020');
  });

  test('entries carry weight, evidence, target, notes, name and plainNumber', () => {
    const rows = simpleRows({
      fw: SPBE2020,
      fill: 2,
      extra: [
        { header: 'Bobot (%)', value: (_k, ind) => ind.weight / 100 },
        { header: 'Target', value: () => 'Tingkat 4' },
        { header: 'Penjelasan', value: (k) => `penjelasan ${k}` },
        { header: 'Bukti Dukung', value: (k) => (k === '3' ? null : `bukti ${k}`) },
        { header: 'Rekomendasi', value: (k) => (k === '1' ? 'perbaiki SK' : null) },
        { header: 'PJ/Unit', value: () => 'Diskominfo' },
      ],
    });
    const formulas: Array<Array<string | null>> = rows.map(() => []);
    formulas[2] = [null, null, '=1+1'];
    const r = readTable([sheet('S', rows, { formulas })]);
    expect(r.table).toMatchObject({ weightColumn: 3, targetColumn: 4, evidenceColumn: 6, noteColumns: [5, 7] });
    expect(r.entries[0]).toMatchObject({
      key: '1',
      name: 'Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah',
      sheetWeight: 1.3,
      target: rational(4),
      evidence: 'bukti 1',
      note: 'penjelasan 1 | perbaiki SK',
      plainNumber: true,
      raw: 2,
      stages: [],
    });
    expect(r.entries[1].plainNumber).toBe(false);
    expect(r.entries[2].evidence).toBeNull();
  });

  test('weights given as text with a decimal comma or a percent sign are read', () => {
    const rows = simpleRows({ fw: SPBE2020, fill: 2, extra: [{ header: 'Bobot', value: (_k, ind) => `${(ind.weight / 100).toFixed(2).replace('.', ',')} %` }] });
    const a = assess([sheet('S', rows)]);
    expect(a.entries[0].sheetWeight).toBe(1.3);
    expect(codes(a)).toEqual([]);
  });

  test('a grid with ragged rows and no data is no table', () => {
    const g: Grid = sheet('Kosong', [[], ['Judul'], [null, null, 'x']]);
    const a = assess([g]);
    expect(a.table).toBeNull();
    expect(a.framework).toBeNull();
    expect(codes(a)).toEqual(['NO_TABLE']);
  });
});
