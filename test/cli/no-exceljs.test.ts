/**
 * The command and the browser page never load exceljs (large, slow to load): `spbe index`, `spbe gap` — reading
 * with the reader made for our job (src/xlsx/ooxml), writing with the package writer (src/xlsx/package) — and the
 * browser page's reader. The workbooks here are written part by part (fflate), so nothing in this test loads
 * exceljs either.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, memoryIo } from '../../src/cli/main';
import { loadXlsxAdapter } from '../../src/taskpane/browser-host';
import { SPBE2020 } from '../../src/core/frameworks';
import { handXlsx, inlineRows, openpyxlNoteAndChart, sheetXml } from '../xlsx/ooxml-packages';

let mockExceljsLoads = 0;
jest.mock('exceljs', () => {
  mockExceljsLoads++;
  return jest.requireActual('exceljs');
});

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-no-exceljs-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function workbook(name: string, level: (no: number) => number | string): string {
  const rows = [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, level(i.no)])];
  const file = path.join(dir, name);
  fs.writeFileSync(file, openpyxlNoteAndChart(rows));
  return file;
}

test('spbe index, spbe gap (with errors, and writing a gap sheet) and the browser reader never load exceljs', async () => {
  const good = workbook('good.xlsx', (no) => (no % 5) + 1);
  const bad = workbook('bad.xlsx', (no) => (no === 3 ? 'belum' : 2));

  const io = memoryIo();
  expect(await main(['index', '--json', good, bad], io)).toBe(2);
  const lines = io.stdout().trim().split('\n').map((l) => JSON.parse(l) as { index: number | null });
  expect(lines[0].index).not.toBeNull();
  expect(lines[1].index).toBeNull();

  expect(await main(['gap', bad, '--json'], memoryIo())).toBe(2);

  const adapter = await loadXlsxAdapter();
  const grids = await adapter.readWorkbookGrids(new Uint8Array(fs.readFileSync(good)));
  expect(grids.map((g) => g.name)).toEqual(['Penilaian']);
  expect(mockExceljsLoads).toBe(0);

  // Writing the gap sheet adds its parts to the original package: exceljs is not loaded for that either.
  expect(await main(['gap', good, '--out', path.join(dir, 'good-gap.xlsx')], memoryIo())).toBe(0);
  expect(fs.existsSync(path.join(dir, 'good-gap.xlsx'))).toBe(true);
  expect(mockExceljsLoads).toBe(0);

  // spbe compare, with its comparison sheet: no exceljs either.
  const other = workbook('other.xlsx', (no) => (no % 4) + 1);
  expect(await main(['compare', other, good, '--out', path.join(dir, 'compared.xlsx')], memoryIo())).toBe(0);
  expect(fs.existsSync(path.join(dir, 'compared.xlsx'))).toBe(true);
  expect(mockExceljsLoads).toBe(0);
});

test('spbe gap on a workbook with a sheet too long to read whole: the index, a warning naming the sheet, and the gap sheet added with the long sheet copied as it was', async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 20050; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const table = [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, 3])];
  const file = path.join(dir, 'big.xlsx');
  fs.writeFileSync(
    file,
    handXlsx({
      sheets: [
        { name: 'Penilaian', xml: sheetXml(inlineRows(table)) },
        { name: 'Data', xml: sheetXml(rows.join('')) },
      ],
    }),
  );
  const io = memoryIo();
  expect(await main(['gap', file, '--json', '--lang', 'en'], io)).toBe(0);
  const o = JSON.parse(io.stdout().trim()) as { index: number; out: string; gapSheet: string; issues: Array<{ code: string; message: string }> };
  expect(o.index).toBe(3);
  expect(o.gapSheet).toBe('Gap Analysis');
  const cut = o.issues.find((i) => i.code === 'SHEET_TRUNCATED');
  expect(cut?.message).toContain('Data');
  expect(fs.existsSync(o.out)).toBe(true);
  // every row of the long sheet is still in the copy (its part is copied, not re-read and re-written)
  const copy = await main(['index', '--json', o.out], memoryIo());
  expect(copy).toBe(0);
  expect(mockExceljsLoads).toBe(0);
});
