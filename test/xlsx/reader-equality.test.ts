/**
 * The two readers give the same grids: the reader made for our job (src/xlsx/ooxml) and the exceljs-based one it
 * replaced (src/xlsx/read.ts, kept as the reference), over every workbook the tests build (workbook-corpus.ts),
 * the same workbooks saved again by LibreOffice, and workbooks of random cells (fast-check). Values, formulas,
 * origin, merges, hidden rows and columns, hidden sheets, tab order, the gap sheet left out: all equal.
 *
 * One difference is deliberate and normalised here: a formula whose calculated result is 0, FALSE or "" (`<v>0</v>`,
 * or `<v></v>` as Excel and LibreOffice write the result of `=IF(…,"",…)`) reads as that value. exceljs's cell value
 * drops falsy formula results, so the old reader reported no value, which made a level formula giving 0 look like a
 * formula never calculated. (Other differences exist only where exceljs refuses a workbook or misreads parts it does
 * not model; reader-ooxml.test.ts covers those.)
 *
 * The LibreOffice part needs `soffice`: without it, it is skipped with a notice, except under CI=true.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { Workbook } from 'exceljs';
import { DEFAULT_LIMITS, readWorkbookGridsSync } from '../../src/xlsx/ooxml/read-workbook';
import { loadWorkbook, readWorkbookGridsWithExceljs, worksheetToGrid } from '../../src/xlsx/read';
import type { CellValue, Grid } from '../../src/core/types';
import { buildCorpus } from './workbook-corpus';
import { withSoffice } from './soffice';
import type { CorpusWorkbook } from './workbook-corpus';

jest.setTimeout(300_000);

/** Every sheet through exceljs, the gap sheet included. */
async function referenceAll(bytes: Uint8Array): Promise<Grid[]> {
  const wb = await loadWorkbook(bytes);
  const date1904 = Boolean((wb as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  return wb.worksheets.map((ws) => worksheetToGrid(ws, date1904));
}

/** A grid as the exceljs-based reader gives it: a formula's 0, FALSE or "" result is no value there. */
function asReference(g: Grid): Grid {
  const f = g.formulas;
  if (!f) return g;
  let changed = false;
  const values = g.values.map((row, r) => {
    const fr = f[r];
    if (!fr) return row;
    let out: CellValue[] | null = null;
    row.forEach((v, c) => {
      if ((v === '' || v === 0 || v === false) && fr[c]) {
        out ??= [...row];
        out[c] = null;
      }
    });
    if (out === null) return row;
    changed = true;
    let n = (out as CellValue[]).length;
    while (n > 0 && (out as CellValue[])[n - 1] === null) n--;
    return (out as CellValue[]).slice(0, n);
  });
  if (!changed) return g;
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  return { ...g, values };
}

/** The first place two lists of grids differ, in words (or null). */
function firstDifference(mine: Grid[], ref: Grid[]): string | null {
  if (mine.length !== ref.length || mine.some((g, i) => g.name !== ref[i].name)) return `sheets ${JSON.stringify(mine.map((g) => g.name))} vs ${JSON.stringify(ref.map((g) => g.name))}`;
  for (let i = 0; i < mine.length; i++) {
    const a = mine[i] as unknown as Record<string, unknown>;
    const b = ref[i] as unknown as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (key === 'values' || key === 'formulas') {
        const x = (a[key] ?? []) as unknown[][];
        const y = (b[key] ?? []) as unknown[][];
        if ((a[key] === undefined) !== (b[key] === undefined)) return `${mine[i].name}: ${key} ${a[key] === undefined ? 'missing' : 'present'} here, not in exceljs's`;
        for (let r = 0; r < Math.max(x.length, y.length); r++) {
          if (JSON.stringify(x[r]) !== JSON.stringify(y[r])) return `${mine[i].name} ${key}[${r}]: ${JSON.stringify(x[r])} vs ${JSON.stringify(y[r])}`;
        }
      } else if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return `${mine[i].name} ${key}: ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`;
    }
  }
  return null;
}

/** Both readers on one workbook: every sheet (the gap sheet included), and the sheets an assessment reads. */
async function compare(w: CorpusWorkbook): Promise<string | null> {
  const all = readWorkbookGridsSync(w.bytes, DEFAULT_LIMITS, { includeMarkedSheet: true }).map(asReference);
  const d1 = firstDifference(all, await referenceAll(w.bytes));
  if (d1) return `${w.name}: ${d1}`;
  const read = readWorkbookGridsSync(w.bytes).map(asReference);
  const d2 = firstDifference(read, await readWorkbookGridsWithExceljs(w.bytes));
  if (d2) return `${w.name} (gap sheet left out): ${d2}`;
  // and exactly equal as values, not only as printed
  expect(read).toEqual((await readWorkbookGridsWithExceljs(w.bytes)).map((g) => g));
  return null;
}

/** Text XML can carry as it is (exceljs writes other characters as they are, making the part unreadable). */
function xmlSafe(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}

let tmp = '';
let corpus: CorpusWorkbook[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-equality-'));
  corpus = await buildCorpus(tmp);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the corpus holds every kind of workbook the tests build', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(60);
  for (const kind of ['examples/', 'generate-workbooks', 'gap workbook', 'read-fixtures', 'cli ', 'pane ']) {
    expect(corpus.some((w) => w.name.startsWith(kind))).toBe(true);
  }
});

test('both readers give equal grids on every workbook the tests build', async () => {
  const differences: string[] = [];
  for (const w of corpus) {
    const d = await compare(w);
    if (d) differences.push(d);
  }
  expect(differences).toEqual([]);
});

test('both readers give equal grids on workbooks of random cells (numbers to the last digit, text, booleans, errors, dates, formulas, merges)', async () => {
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(1 / 3, 4 / 3, 2.675, 0.1 + 0.2, 1e-7, 123456789.123),
    fc.string({ maxLength: 12 }).filter((s) => xmlSafe(s) && !/_x[0-9A-Fa-f]{4}_/.test(s)),
    fc.constantFrom('Tingkat 3', '3,0', ' 2 ', 'A & B <c> "d"', '', 'Catatan\nbaris dua'),
    fc.boolean(),
    fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#VALUE!' }),
    fc.record({ formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', '4/3', 'IF(A1>1,"x","y")'), result: fc.oneof(fc.integer(), fc.constantFrom(4 / 3, 'x', true)) }),
    fc.constant(new Date(Date.UTC(2024, 0, 15, 12, 30))),
  );
  const sheet = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 8 }), value), { maxLength: 40 });
  await fc.assert(
    fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), async (sheets, date1904, merge) => {
      const wb = new Workbook();
      (wb.properties as { date1904?: boolean }).date1904 = date1904;
      sheets.forEach((cells, k) => {
        const ws = wb.addWorksheet(`Lembar ${k + 1}`, k === 2 ? { state: 'hidden' } : {});
        for (const [r, c, v] of cells) ws.getCell(r + 1, c + 1).value = v as never;
        if (merge && cells.length > 0) ws.mergeCells(cells[0][0] + 1, cells[0][1] + 1, cells[0][0] + 2, cells[0][1] + 2);
        if (cells.length > 2) ws.getColumn(cells[2][1] + 1).hidden = true;
        if (cells.length > 3) ws.getRow(cells[3][0] + 1).hidden = true;
      });
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      expect(await compare({ name: 'random', bytes })).toBeNull();
    }),
    { numRuns: 60, seed: 20261204 },
  );
});


withSoffice('the reader equality test on workbooks saved by LibreOffice', (soffice) => {
  test('both readers give equal grids on the same workbooks saved again by LibreOffice', async () => {
    const dir = path.join(tmp, 'lo');
    const out = path.join(tmp, 'lo-out');
    fs.mkdirSync(dir, { recursive: true });
    const picked = corpus.filter((w) => /^examples\/|cell values|layout|gap workbook: spbe2020|cli kota|pane with errors|generate-workbooks \w+ (titled|stages) #11/.test(w.name));
    const names = picked.map((w, i) => {
      const f = path.join(dir, `w${i}.xlsx`);
      fs.writeFileSync(f, w.bytes);
      return f;
    });
    const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...names], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status).toBe(0);
    const differences: string[] = [];
    picked.forEach((w, i) => {
      const f = path.join(out, `w${i}.xlsx`);
      if (!fs.existsSync(f)) differences.push(`${w.name}: LibreOffice wrote nothing`);
    });
    for (let i = 0; i < picked.length; i++) {
      const f = path.join(out, `w${i}.xlsx`);
      if (!fs.existsSync(f)) continue;
      const d = await compare({ name: `${picked[i].name} (saved by LibreOffice)`, bytes: new Uint8Array(fs.readFileSync(f)) });
      if (d) differences.push(d);
    }
    expect(picked.length).toBeGreaterThanOrEqual(8);
    expect(differences).toEqual([]);
  });
});
