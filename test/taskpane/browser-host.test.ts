/** Outside Excel: the pane works on the bytes of a file, with the reader and the writer loaded only when needed. */
import * as ExcelJS from 'exceljs';
import { BrowserHost, type XlsxAdapter } from '../../src/taskpane/browser-host';
import { writeGapSheet } from '../../src/taskpane/xlsx-adapter';
import { PaneController } from '../../src/taskpane/controller';
import { loadWorkbook, markedSheetName, readWorkbookGrids } from '../../src/xlsx/read';
import { workbookBytes } from './workbook-fixtures';

const xlsxAdapter: XlsxAdapter = { readWorkbookGrids, writeGapSheet };

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

test('the xlsx adapter is loaded once, on first use, and never before', async () => {
  const bytes = await workbookBytes(() => 3);
  let loads = 0;
  const load = async (): Promise<XlsxAdapter> => {
    loads++;
    return xlsxAdapter;
  };
  const host = new BrowserHost('Penilaian.xlsx', bytes, load);
  expect(loads).toBe(0);
  const c = new PaneController(host);
  await c.start();
  expect(loads).toBe(1);
  expect(c.getState().assessment?.scores?.indexRounded).toBe(3);
  await c.generate();
  expect(loads).toBe(1);
});

test('generating twice gives one gap sheet on an intact copy; the download carries the file name', async () => {
  const bytes = await workbookBytes((n) => (n % 2 ? 2 : 3));
  const original = Uint8Array.from(bytes);
  const host = new BrowserHost('Penilaian 2024.xlsx', bytes);
  const c = new PaneController(host);
  await c.start();
  expect(host.getOutput()).toBeNull();
  await c.generate();
  c.update({ target: { kind: 'level', level: 4 } });
  const w = await c.generate();
  expect(w.phase).toBe('done');
  const out = host.getOutput();
  expect(out?.fileName).toBe('Penilaian 2024-gap.xlsx');
  expect(out?.sheetName).toBe('Analisis Gap');
  expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);

  const before = await readWorkbookGrids(original);
  const result = await loadWorkbook(out!.bytes);
  expect(result.worksheets.map((ws) => ws.name)).toEqual(['Petunjuk', 'Penilaian Mandiri', 'Analisis Gap']);
  expect(markedSheetName(result)).toBe('Analisis Gap');
  const after = await readWorkbookGrids(out!.bytes); // the marked gap sheet is never read as an assessment
  expect(after.map((g) => g.name)).toEqual(['Petunjuk', 'Penilaian Mandiri']);
  for (const g of before) expect(after.find((x) => x.name === g.name)?.values).toEqual(g.values);
});

test('a file that is not a workbook says why in the user language', async () => {
  const host = new BrowserHost('notes.xlsx', new TextEncoder().encode('No;Tingkat\n1;3\n'));
  const c = new PaneController(host, { settings: { lang: 'en' } });
  await c.start();
  expect(c.getState().phase).toBe('failed');
  expect(c.getState().readError).toMatch(/^The workbook could not be read: /);
  expect(c.getState().readError).not.toMatch(/WorkbookReadError/);
});

test('a failed adapter load can be retried', async () => {
  let calls = 0;
  const host = new BrowserHost('a.xlsx', await workbookBytes(() => 2), async () => {
    calls++;
    if (calls === 1) throw new Error('ChunkLoadError: Loading chunk xlsx failed');
    return xlsxAdapter;
  });
  await expect(host.readGrids()).rejects.toThrow('ChunkLoadError');
  const grids = await host.readGrids();
  expect(grids.map((g) => g.name)).toEqual(['Petunjuk', 'Penilaian Mandiri']);
});

test('a workbook whose structure is protected: the download path refuses with WORKBOOK_STRUCTURE_LOCKED, nothing to download', async () => {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const files = unzipSync(await workbookBytes(() => 3));
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/(<(?:\w+:)?sheets>)/, '<workbookProtection lockStructure="1"/>$1'));
  const host = new BrowserHost('Penilaian.xlsx', zipSync(files), async () => xlsxAdapter);
  const c = new PaneController(host, { settings: { lang: 'en' } });
  await c.start();
  const w = await c.generate();
  expect(w.phase).toBe('failed');
  expect(w.phase === 'failed' && w.message).toMatch(/structure is protected/);
  expect(host.getOutput()).toBeNull();
});

test('the download of a macro-enabled workbook stays .xlsm', async () => {
  const host = new BrowserHost('Penilaian.xlsm', await workbookBytes(() => 3), async () => ({ ...xlsxAdapter, writeGapSheet: async (b, m) => ({ ...(await writeGapSheet(b, m)), macroEnabled: true }) }));
  const c = new PaneController(host);
  await c.start();
  await c.generate();
  expect(host.getOutput()?.fileName).toBe('Penilaian-gap.xlsm');
});
