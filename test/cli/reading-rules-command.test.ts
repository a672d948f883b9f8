/**
 * Issue 10, reading, through the command: each test writes a real .xlsx (part by part, as openpyxl or Excel
 * would) and runs `spbe index --json` on it, checking the exit code, the index and the problem codes. None of
 * these workbooks may give a wrong index with exit 0.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, memoryIo } from '../../src/cli/main';
import { SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import type { Framework } from '../../src/core/types';
import { handXlsx, inlineRows, openpyxlNoteAndChart, sheetXml } from '../xlsx/ooxml-packages';
import { DENPASAR_2018 } from '../core/grid-builders';

type Rows = Array<Array<string | number | null>>;

interface Json {
  index: number | null;
  indexRounded: number | null;
  column: string | null;
  indicators: Array<{ no: number | string; level: number | null; cell: string }>;
  issues: Array<{ severity: string; code: string; message: string }>;
}

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-reading-rules-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A workbook of plain sheets (inline strings, as openpyxl writes them). */
function write(name: string, sheets: Array<{ name: string; rows: Rows }>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, handXlsx({ sheets: sheets.map((s) => ({ name: s.name, xml: sheetXml(inlineRows(s.rows)) })) }));
  return file;
}

async function index(file: string, ...options: string[]): Promise<{ code: number; json: Json }> {
  const io = memoryIo();
  const code = await main(['index', file, '--json', '--lang', 'en', ...options], io);
  return { code, json: JSON.parse(io.stdout()) as Json };
}

const codes = (j: Json): string[] => j.issues.map((i) => i.code);

function table(fw: Framework, level: number | string, title?: string): Rows {
  const rows: Rows = title ? [[title], []] : [];
  rows.push(['No', 'Indikator', 'Tingkat']);
  for (const ind of fw.indicators) rows.push([ind.no, ind.name, level]);
  return rows;
}

test("two tables on one sheet, last year's above: this year's index, a warning", async () => {
  const file = write('two-tables.xlsx', [{ name: 'Penilaian', rows: [...table(SPBE2020, 2, 'TAHUN 2023'), [], ...table(SPBE2020, 4, 'TAHUN 2024')] }]);
  const { code, json } = await index(file);
  expect(code).toBe(0);
  expect(json.index).toBe(4);
  expect(codes(json)).toEqual(['TABLE_NEWEST_ON_SHEET']);
});

test('two tables on one sheet, no year: exit 2, no index, the ranges named', async () => {
  const file = write('two-tables-no-year.xlsx', [{ name: 'Penilaian', rows: [...table(SPBE2020, 2), [], ...table(SPBE2020, 4)] }]);
  const { code, json } = await index(file);
  expect(code).toBe(2);
  expect(json.index).toBeNull();
  expect(codes(json)).toEqual(['TABLES_ON_SHEET']);
  expect(json.issues[0].message).toContain('A1:C48, A50:C97');
});

test.each([['35.2'], ['35-II']])('spbe2018 with extra public services numbered like "%s": all three entries, 2.64', async (form) => {
  const rows: Rows = [['No', 'Indikator', 'Tingkat']];
  for (const ind of SPBE2018.indicators) rows.push([ind.no, ind.name, DENPASAR_2018[String(ind.no)]]);
  const at = rows.findIndex((r) => r[0] === 35) + 1;
  const extra: Rows = [2, 3].map((e) => [form === '35.2' ? `35.${e}` : `35-${'I'.repeat(e)}`, 'Layanan publik', DENPASAR_2018[`35-${e}`]]);
  rows.splice(at, 0, ...extra);
  const { code, json } = await index(write(`denpasar-${form}.xlsx`, [{ name: 'Penilaian', rows }]));
  expect(code).toBe(0);
  expect(json.indexRounded).toBe(2.64);
  expect(json.indicators.map((i) => i.no).filter((n) => String(n).startsWith('35'))).toEqual([35, '35-2', '35-3']);
});

test('"Nilai 2023" | "Nilai 2024": the newest column, and --column still chooses', async () => {
  const rows: Rows = [['No', 'Indikator', 'Nilai 2023', 'Nilai 2024'], ...SPBE2020.indicators.map((i) => [i.no, i.name, 2, 4])];
  const file = write('years.xlsx', [{ name: 'Penilaian', rows }]);
  const newest = await index(file);
  expect(newest.code).toBe(0);
  expect(newest.json.index).toBe(4);
  expect(newest.json.column).toBe('Nilai 2024');
  expect(codes(newest.json)).toEqual(['LEVEL_COLUMN_NEWEST']);
  const chosen = await index(file, '--column', '2023');
  expect(chosen.json.index).toBe(2);
});

test('"I-1" … "I-47" under "Kode | Tingkat", and a recap block under the table: the index', async () => {
  const rows: Rows = [['Kode', 'Tingkat'], ...SPBE2020.indicators.map((i) => [`I-${i.no}`, 3])];
  rows.push([], ['REKAPITULASI PER DOMAIN'], ['No', 'Domain', 'Indeks'], [1, 'Kebijakan', 2.5], [2, 'Tata Kelola', 2], [3, 'Manajemen', 1.5], [4, 'Layanan', 3.5]);
  const { code, json } = await index(write('codes-recap.xlsx', [{ name: 'Penilaian', rows }]));
  expect(code).toBe(0);
  expect(json.index).toBe(3);
  expect(json.indicators).toHaveLength(47);
  expect(codes(json)).toEqual([]);
});

test('one sheet per domain: one assessment, each indicator at its own sheet', async () => {
  const level = (no: number): number => 1 + (no % 5);
  const domains = [1, 2, 3, 4].map((d) => ({
    name: `Domain ${d}`,
    rows: [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.filter((i) => i.domain === d).map((i) => [i.no, i.name, level(i.no)])] as Rows,
  }));
  const one = await index(write('one-sheet.xlsx', [{ name: 'Penilaian', rows: [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, level(i.no)])] }]));
  const { code, json } = await index(write('domains.xlsx', domains));
  expect(code).toBe(0);
  expect(json.index).toBe(one.json.index);
  expect(codes(json)).toEqual(['PARTS_COMBINED']);
  // the table read is the longest part (Domain 4); the other parts' cells name their sheet
  expect(json.indicators.find((i) => i.no === 1)?.cell).toBe("'Domain 1'!C2");
  expect(json.indicators.find((i) => i.no === 47)?.cell).toMatch(/^C\d+$/);
});

test('saved by openpyxl with a note and a chart, a formula never calculated: exit 2, "open and save in Excel"', async () => {
  const rows: Rows = [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, 3])];
  rows[5][2] = '=AVERAGE(2,4)';
  const file = path.join(dir, 'openpyxl.xlsx');
  fs.writeFileSync(file, openpyxlNoteAndChart(rows));
  const { code, json } = await index(file);
  expect(code).toBe(2);
  expect(json.index).toBeNull();
  expect(codes(json)).toEqual(['LEVEL_BLANK']);
  expect(json.issues[0].message).toContain('no calculated value');
});

test('zero-width and odd spaces next to levels: read', async () => {
  const odd = ['3\u200B', '\uFEFF3', '3\u00A0', '\u20073', '3\u202F', '\u200C3'];
  const rows: Rows = [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, odd[i.no % odd.length]])];
  const { code, json } = await index(write('invisible.xlsx', [{ name: 'Penilaian', rows }]));
  expect(code).toBe(0);
  expect(json.index).toBe(3);
});

test('a data sheet of 100,000 numbered rows beside the assessment: the assessment is read', async () => {
  const data: Rows = [['No', 'Nama', 'Nilai']];
  for (let i = 1; i <= 100000; i++) data.push([i, `Baris ${i}`, 1 + (i % 5)]);
  const file = write('data-list.xlsx', [{ name: 'Data', rows: data }, { name: 'Penilaian', rows: table(SPBE2020, 3) }]);
  const { code, json } = await index(file);
  expect(code).toBe(0);
  expect(json.index).toBe(3);
  // the reader reads a bounded part of a very long sheet (SHEET_TRUNCATED says how far)
  expect(codes(json).sort()).toEqual(['ROWS_NOT_INDICATORS', 'SHEET_TRUNCATED']);
});
