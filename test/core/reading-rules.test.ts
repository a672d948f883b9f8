/**
 * Issue 10, reading: every case builds its own grids, and each gives the right index or a precise problem —
 * never a wrong index in silence. Two tables on one sheet, extra public services written "35.2" / "35 (2)" /
 * "35_2" / "35-II", level columns by year, indicator codes "I-1", recap blocks under the table, one sheet per
 * domain, formulas never calculated, invisible characters next to a level, a huge data list.
 */
import { assess } from '../../src/core/assess';
import { readTable } from '../../src/core/reader';
import { buildGapSheet } from '../../src/core/gap-sheet';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import { toIndexReport } from '../../src/core/report';
import { cleanText, parseIndicatorKey, parseLevel } from '../../src/core/levels';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import type { Assessment, CellValue, Framework, Grid } from '../../src/core/types';
import { DENPASAR_2018, keysOf, sheet, shortName, simpleRows, indicatorOf, type Row } from './grid-builders';

const codes = (a: Assessment): string[] => a.problems.map((p) => p.code);
const errors = (a: Assessment): string[] => a.problems.filter((p) => p.severity === 'error').map((p) => p.code);
const problem = (a: Assessment, code: string): Assessment['problems'][number] => {
  const p = a.problems.find((x) => x.code === code);
  if (!p) throw new Error(`no ${code} in ${codes(a).join(', ')}`);
  return p;
};

/** All levels `level`, in the simple "No | Indikator | Tingkat" layout, under a title. */
function tableRows(fw: Framework, level: CellValue, title?: string, keys?: string[]): Row[] {
  return simpleRows({ fw, fill: level, titles: title ? [title] : undefined, keys });
}

describe('two tables on one sheet', () => {
  const t2023 = tableRows(SPBE2020, 2, 'PENILAIAN MANDIRI SPBE TAHUN 2023');
  const t2024 = tableRows(SPBE2020, 4, 'PENILAIAN MANDIRI SPBE TAHUN 2024');

  test("last year's table above this year's: this year's index, with a warning", () => {
    const a = assess([sheet('Penilaian', [...t2023, [], ...t2024])]);
    expect(a.scores?.index).toBe(4);
    expect(errors(a)).toEqual([]);
    const w = problem(a, 'TABLE_NEWEST_ON_SHEET');
    expect(w.severity).toBe('warning');
    expect(w.message.en).toContain('2024');
    expect(w.message.en).toContain('A3:C50 (2023)');
  });

  test("this year's table above last year's: still this year's", () => {
    const a = assess([sheet('Penilaian', [...t2024, [], ...t2023])]);
    expect(a.scores?.index).toBe(4);
    expect(codes(a)).toContain('TABLE_NEWEST_ON_SHEET');
  });

  test('no year says which: an error naming both ranges, no index', () => {
    const a = assess([sheet('Penilaian', [...tableRows(SPBE2020, 2), [], ...tableRows(SPBE2020, 4)])]);
    expect(a.scores).toBeNull();
    const e = problem(a, 'TABLES_ON_SHEET');
    expect(e.severity).toBe('error');
    expect(e.message.en).toContain('A1:C48');
    expect(e.message.en).toContain('A50:C97');
    expect(e.message.id).toContain('A50:C97');
  });

  test('the same year above both: an error too', () => {
    const a = assess([sheet('Penilaian', [...tableRows(SPBE2020, 2, 'Tahun 2024'), [], ...tableRows(SPBE2020, 4, 'Tahun 2024 (revisi)')])]);
    expect(a.scores).toBeNull();
    expect(errors(a)).toEqual(['TABLES_ON_SHEET']);
  });

  test('a short aspect summary under the table is not a second table', () => {
    const summary: Row[] = [['No', 'Aspek', 'Nilai'], ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, `Aspek ${n}`, 3] as Row)];
    const a = assess([sheet('Penilaian', [...tableRows(SPBE2020, 3), [], ...summary])]);
    expect(codes(a)).not.toContain('TABLES_ON_SHEET');
    expect(a.scores?.index).toBe(3);
  });

  test('tables on other sheets keep their own rule (newest sheet, OTHER_TABLES)', () => {
    const a = assess([sheet('PM 2023', tableRows(SPBE2020, 2)), sheet('PM 2024', tableRows(SPBE2020, 4))]);
    expect(a.scores?.index).toBe(4);
    expect(codes(a)).toEqual(['OTHER_TABLES']);
  });
});

describe('spbe2018: extra public services numbered 35.2, 35 (2), 35_2, 35-II', () => {
  /** Denpasar's levels, with its 35-2 and 35-3 rows numbered the way `form` writes them. */
  function denpasarWith(form: (entry: number) => string): Grid {
    const keys = keysOf(SPBE2018, ['35-2', '35-3']);
    const rows: Row[] = [['No', 'Indikator', 'Tingkat']];
    for (const k of keys) {
      const [no, entry] = k.split('-').map(Number);
      rows.push([entry ? form(entry) : no, shortName(indicatorOf(SPBE2018, k)), DENPASAR_2018[k]]);
    }
    return sheet('Penilaian', rows);
  }
  const reference = assess([denpasarWith((e) => `35-${e}`)]);

  test.each([
    ['35.2', (e: number) => `35.${e}`],
    ['35 (2)', (e: number) => `35 (${e})`],
    ['35_2', (e: number) => `35_${e}`],
    ['35-II', (e: number) => `35-${['', 'I', 'II', 'III'][e]}`],
  ])('"%s": read as entries of indicator 35, the published 2.64', (_, form) => {
    const a = assess([denpasarWith(form)]);
    expect(errors(a)).toEqual([]);
    expect(a.entries.filter((e) => e.no === 35).map((e) => e.key)).toEqual(['35', '35-2', '35-3']);
    expect(a.scores?.indexRounded).toBe(2.64);
    expect(a.scores?.exact).toEqual(reference.scores?.exact);
  });

  test('the forms parse to their entry', () => {
    for (const [text, entry] of [['35.2', null], ['35 (2)', 2], ['35_3', 3], ['35-II', 2], ['35 - III', 3], ['35(3)', 3], ['35-2', 2]] as const) {
      const k = parseIndicatorKey(text);
      if (entry === null) expect(k).toBeNull(); // an aspect code on its own; the reader reads it as an entry among whole numbers
      else expect(k).toEqual({ no: 35, entry, key: `35-${entry}` });
    }
  });

  test('in a framework without repeats, "7.2" among whole numbers is an error, never dropped', () => {
    const rows = tableRows(SPBE2020, 3);
    rows.push(['7.2', 'Layanan tambahan', 3]);
    const a = assess([sheet('Penilaian', rows)]);
    expect(a.scores).toBeNull();
    expect(problem(a, 'INDICATOR_UNKNOWN').message.en).toContain('7-2');
  });

  test('a fourth entry "35.4" is beyond what spbe2018 allows: an error', () => {
    const g = denpasarWith((e) => `35.${e}`);
    const values = [...g.values, ['35.4', 'Layanan publik', 3]];
    const a = assess([{ ...g, values }]);
    expect(a.scores).toBeNull();
    expect(codes(a)).toContain('INDICATOR_UNKNOWN');
  });
});

describe('level columns by year', () => {
  function twoYears(left: string, right: string, l: number, r: number): Grid {
    const rows: Row[] = [['No', 'Indikator', left, right]];
    for (const ind of SPBE2020.indicators) rows.push([ind.no, shortName(ind), l, r]);
    return sheet('Penilaian', rows);
  }

  test('"Nilai 2023" | "Nilai 2024": the 2024 column, said in a note', () => {
    const a = assess([twoYears('Nilai 2023', 'Nilai 2024', 2, 4)]);
    expect(a.scores?.index).toBe(4);
    expect(a.table?.levelColumn.header).toBe('Nilai 2024');
    const n = problem(a, 'LEVEL_COLUMN_NEWEST');
    expect(n.severity).toBe('info');
    expect(n.message.en).toContain('"Nilai 2024" (column D');
    expect(n.message.en).toContain('"Nilai 2023" (C)');
    expect(codes(a)).not.toContain('LEVEL_COLUMN_CHOSEN');
  });

  test('in the other order: still the newest', () => {
    const a = assess([twoYears('Nilai 2024', 'Nilai 2023', 4, 2)]);
    expect(a.scores?.index).toBe(4);
    expect(a.table?.levelColumn.letter).toBe('C');
  });

  test('--column still chooses', () => {
    const a = assess([twoYears('Nilai 2023', 'Nilai 2024', 2, 4)], { column: '2023' });
    expect(a.scores?.index).toBe(2);
    expect(codes(a)).not.toContain('LEVEL_COLUMN_NEWEST');
  });

  test('without years: the rule as before (the leftmost of alike columns, LEVEL_COLUMN_CHOSEN)', () => {
    const a = assess([twoYears('Nilai A', 'Nilai B', 2, 4)]);
    expect(a.scores?.index).toBe(2);
    expect(codes(a)).toEqual(['LEVEL_COLUMN_CHOSEN']);
  });

  test('a stage column still outranks a year (Nilai Akhir over Penilaian Mandiri 2024)', () => {
    const a = assess([twoYears('Penilaian Mandiri 2024', 'Nilai Akhir 2023', 4, 2)]);
    expect(a.table?.levelColumn.header).toBe('Nilai Akhir 2023');
  });
});

describe('indicator numbers written as codes', () => {
  test('"I-1" … "I-47" under "Kode | Tingkat": read', () => {
    const rows: Row[] = [['Kode', 'Tingkat'], ...SPBE2020.indicators.map((i) => [`I-${i.no}`, 3] as Row)];
    const a = assess([sheet('Penilaian', rows)]);
    expect(errors(a)).toEqual([]);
    expect(a.scores?.index).toBe(3);
  });

  test('mixed forms "1.", "I-1", "Ind. 1", "Indikator 1", "No. 1", "I1", "1)": every row read', () => {
    const forms = ['{n}.', 'I-{n}', 'Ind. {n}', 'Indikator {n}', 'No. {n}', 'I{n}', '{n})'];
    const rows: Row[] = [['No', 'Indikator', 'Tingkat']];
    for (const ind of SPBE2020.indicators) rows.push([forms[ind.no % forms.length].replace('{n}', String(ind.no)), shortName(ind), 3]);
    const a = assess([sheet('Penilaian', rows)]);
    expect(codes(a)).toEqual([]);
    expect(a.entries).toHaveLength(47);
  });

  test.each(['1.', 'I-1', 'Ind. 1', 'Indikator 1', 'No. 1', 'I1', '1)', 'I - 1', 'Ind-1'])('"%s" is indicator 1', (text) => {
    expect(parseIndicatorKey(text)).toEqual({ no: 1, entry: 1, key: '1' });
  });

  test('a header with no numbered row under it: the message names the header found, not a list of what it "looked for"', () => {
    const rows: Row[] = [['Kode', 'Tingkat'], ...SPBE2020.indicators.map((i) => [`X${i.no}`, 3] as Row)];
    const a = assess([sheet('Penilaian', rows)]);
    const p = problem(a, 'NO_TABLE');
    expect(p.message.en).toContain('Penilaian!A1');
    expect(p.message.en).toContain('Kode | Tingkat');
    expect(p.message.en).not.toContain('Looked for');
    expect(p.message.id).toContain('Kode | Tingkat');
  });

  test('no header at all: the message says what was looked for', () => {
    const a = assess([sheet('Catatan', [['rapat'], ['notulen']])]);
    expect(problem(a, 'NO_TABLE').message.en).toContain('Looked for a header row');
  });
});

describe('a recap block under the table', () => {
  const recap: Row[] = [[], ['REKAPITULASI INDEKS PER DOMAIN'], ['No', 'Domain', 'Indeks'], [1, 'Kebijakan Internal', 2.5], [2, 'Tata Kelola', 2.1], [3, 'Manajemen', 1.8], [4, 'Layanan', 3.2]];

  test('ends the table: not read as indicators 1–4', () => {
    const a = assess([sheet('Penilaian', [...tableRows(SPBE2020, 3, 'PENILAIAN MANDIRI 2024'), ...recap])]);
    expect(codes(a)).toEqual([]);
    expect(a.entries).toHaveLength(47);
    expect(a.scores?.index).toBe(3);
    expect(a.table?.lastRow).toBe(49);
  });

  test('right under the last row, without a title: ends the table too', () => {
    const a = assess([sheet('Penilaian', [...tableRows(SPBE2020, 3), ...recap.slice(2)])]);
    expect(codes(a)).toEqual([]);
    expect(a.entries).toHaveLength(47);
  });
});

describe('one sheet per domain', () => {
  function byDomain(fw: Framework, level: (no: number) => CellValue, skip: number[] = []): Grid[] {
    const domains = [...new Set(fw.indicators.map((i) => i.domain ?? 0))];
    return domains.map((d) => {
      const rows: Row[] = [[`DOMAIN ${d}`], [], ['No', 'Indikator', 'Tingkat']];
      for (const ind of fw.indicators) if ((ind.domain ?? 0) === d && !skip.includes(ind.no)) rows.push([ind.no, shortName(ind), level(ind.no)]);
      return sheet(`Domain ${d}`, rows);
    });
  }
  const level = (no: number): number => 1 + (no % 5);

  test('47 indicators over 4 sheets: one assessment, the same index as one sheet', () => {
    const one = assess([sheet('Penilaian', simpleRows({ fw: SPBE2020, levels: Object.fromEntries(SPBE2020.indicators.map((i) => [String(i.no), level(i.no)])) }))]);
    const a = assess(byDomain(SPBE2020, level));
    expect(errors(a)).toEqual([]);
    expect(a.scores?.exact).toEqual(one.scores?.exact);
    const p = problem(a, 'PARTS_COMBINED');
    expect(p.severity).toBe('info');
    expect(p.message.en).toContain('Domain 1, Domain 2, Domain 3, Domain 4');
    expect(a.entries).toHaveLength(47);
  });

  test('each entry links to its own sheet and cell', () => {
    const a = assess(byDomain(SPBE2020, level));
    const main = a.table!.sheet;
    for (const e of a.entries) {
      const own = `Domain ${SPBE2020.indicators[e.no - 1].domain}`;
      expect(e.sheet ?? main).toBe(own);
    }
    const report = toIndexReport('x.xlsx', a, 'en');
    const far = a.entries.find((e) => e.sheet !== undefined)!;
    expect(report.indicators.find((i) => i.no === far.no)?.cell).toBe(`'${far.sheet}'!${far.cell}`);
  });

  test('a problem in a part names that part’s sheet', () => {
    const a = assess(byDomain(SPBE2020, (no) => (no === 40 ? null : 3)));
    const blank = problem(a, 'LEVEL_BLANK');
    expect(blank.message.en).toContain(`Domain ${SPBE2020.indicators[39].domain}`);
  });

  test('the gap sheet links each level to its own sheet', () => {
    const a = assess(byDomain(SPBE2020, level));
    const plan = planGap(SPBE2020, a.entries, { mode: 'next' });
    if (isPlanUsageError(plan)) throw new Error('plan');
    const model = buildGapSheet(a, plan, { lang: 'en', date: '2026-12-05', sourceFile: 'x.xlsx' });
    const far = a.entries.find((e) => e.sheet !== undefined && e.plainNumber)!;
    expect(model.cells.some((c) => c.formula === `'${far.sheet}'!${far.cell}`)).toBe(true);
  });

  test('overlapping parts (an indicator on two sheets) are not combined: precise errors, no index', () => {
    const grids = byDomain(SPBE2020, level);
    grids[1] = { ...grids[1], values: [...grids[1].values, [1, 'Kebijakan Internal', 3]] };
    const a = assess(grids);
    expect(a.scores).toBeNull();
    expect(codes(a)).not.toContain('PARTS_COMBINED');
    expect(codes(a)).toContain('INDICATOR_MISSING');
  });

  test('parts that are not complete together are not combined', () => {
    const a = assess(byDomain(SPBE2020, level, [47]));
    expect(a.scores).toBeNull();
    expect(codes(a)).not.toContain('PARTS_COMBINED');
  });
});

describe('a formula with no calculated value', () => {
  test('says so, in both languages (not "empty, fill in a level")', () => {
    const rows = tableRows(SPBE2020, 3);
    rows[5][2] = null;
    const formulas: Array<Array<string | null>> = [];
    formulas[5] = [null, null, '=AVERAGE(D6:F6)'];
    const a = assess([sheet('Penilaian', rows, { formulas })]);
    const p = problem(a, 'LEVEL_BLANK');
    expect(p.message.en).toContain('formula that has no calculated value');
    expect(p.message.en).toContain('Open and save the workbook in Excel');
    expect(p.message.id).toContain('belum punya nilai terhitung');
    expect(p.cell).toBe('C6');
    expect(p.message.en).toContain('Penilaian!C6');
  });

  test('a blank cell without a formula: the usual message', () => {
    const rows = tableRows(SPBE2020, 3);
    rows[5][2] = null;
    const p = problem(assess([sheet('Penilaian', rows)]), 'LEVEL_BLANK');
    expect(p.message.en).toContain('is empty');
  });
});

describe('invisible characters and odd spaces next to a level', () => {
  test.each([
    ['ZWSP after', '3\u200B'],
    ['ZWNJ before', '\u200C3'],
    ['BOM before', '\uFEFF3'],
    ['NBSP after', '3\u00A0'],
    ['figure space', '\u20073'],
    ['narrow NBSP', '3\u202F'],
    ['word joiner', '3\u2060'],
    ['in a name', 'Tingkat\u00A0\u200B3'],
  ])('%s: read as 3', (_, text) => {
    const rows = tableRows(SPBE2020, 3);
    rows[1][2] = text;
    const a = assess([sheet('Penilaian', rows)]);
    expect(errors(a)).toEqual([]);
    expect(a.scores?.index).toBe(3);
  });

  test('in the number column too', () => {
    const rows = tableRows(SPBE2020, 3);
    rows[7][0] = '7\u200B';
    expect(errors(assess([sheet('Penilaian', rows)]))).toEqual([]);
  });

  test('cleanText and parseLevel', () => {
    expect(cleanText('a\u00A0b\u200Bc\u202Fd')).toBe('a bc d');
    expect(parseLevel('2,5\u200B', PEMDI2026)).toEqual({ ok: true, level: { num: BigInt(5), den: BigInt(2) } });
  });

  test('text that is no level is quoted without its invisible characters', () => {
    const rows = tableRows(SPBE2020, 3);
    rows[1][2] = 'tiga\u200B';
    const p = problem(assess([sheet('Penilaian', rows)]), 'LEVEL_NOT_A_LEVEL');
    expect(p.message.en).toContain('"tiga"');
  });
});

describe('a huge data list', () => {
  function dataList(n: number): Grid {
    const values: Row[] = [['No', 'Nama Pegawai', 'Nilai']];
    for (let i = 1; i <= n; i++) values.push([i, `Pegawai ${i}`, 1 + (i % 5)]);
    return sheet('Data', values);
  }
  const big = dataList(100000);

  test('100,000 numbered rows beside the assessment: the assessment is read, the list named in a note', () => {
    const a = assess([big, sheet('Penilaian', tableRows(SPBE2020, 3))]);
    expect(a.table?.sheet).toBe('Penilaian');
    expect(a.scores?.index).toBe(3);
    const n = problem(a, 'ROWS_NOT_INDICATORS');
    expect(n.severity).toBe('info');
    expect(n.message.en).toContain('more than 200 rows');
    expect(codes(a)).not.toContain('OTHER_TABLES');
  });

  test('the list alone: no index, a clear error', () => {
    const a = assess([big]);
    expect(a.scores).toBeNull();
    expect(errors(a)).toEqual(['NO_TABLE']);
    expect(codes(a)).toContain('ROWS_NOT_INDICATORS');
  });

  test('the reader never takes it as the table, whatever the order', () => {
    const r = readTable([sheet('Penilaian', tableRows(SPBE2018, 2)), big]);
    expect(r.table?.sheet).toBe('Penilaian');
  });
});
