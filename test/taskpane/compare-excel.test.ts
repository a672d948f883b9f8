/**
 * "Bandingkan" in Excel: the compare controller on the real Excel adapter over the strict fake Excel. A workbook
 * with a sheet per year compares the two at once; another sheet can be chosen; a file can be opened; the
 * comparison sheet is written into the workbook (marked, active, the assessment sheets untouched), and the
 * readers leave it out afterwards.
 */
import { ExcelHost, type ExcelApi } from '../../src/excel/excel-host';
import { createFakeExcel } from '../excel/fake-excel';
import { CompareController } from '../../src/taskpane/compare-controller';
import { SPBE2020 } from '../../src/core/frameworks';
import { SPBE_COMPARE_MARKER } from '../../src/core/compare-sheet';
import { openAssessment } from '../../src/app/assessment';
import { buildWorkbook, NO_FEATURES } from '../xlsx/package-builder';
import { assessmentGrid } from './grids';
import { DENPASAR_2018, denpasarGrid } from '../core/grid-builders';

jest.setTimeout(30_000);

const ACEH = [2, 2, 4, 1, 3, 3, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 3, 4, 4, 4];

function fakeWith(sheets: ReturnType<typeof assessmentGrid>[]) {
  const fake = createFakeExcel(sheets.map((g) => ({ name: g.name, cells: g.values as never })));
  const host = new ExcelHost({ excel: fake as unknown as ExcelApi, isApiSupported: () => true, displayLanguage: 'id-ID' });
  return { fake, host };
}

test('two sheets per year: compared at once, older before; another sheet chosen; the sheet written, marked and active', async () => {
  const y2023 = assessmentGrid({ fw: SPBE2020, levels: ACEH.map((l, i) => (i === 12 ? 1 : i === 31 ? 2 : l)), name: 'Penilaian 2023' });
  const y2024 = assessmentGrid({ fw: SPBE2020, levels: ACEH, name: 'Penilaian 2024' });
  const y2022 = assessmentGrid({ fw: SPBE2020, levels: () => 1, name: 'Penilaian 2022' });
  const { fake, host } = fakeWith([y2024, y2022, y2023]);
  const c = new CompareController(host, { lang: 'en', date: () => '2026-01-15' });
  await c.start();
  let st = c.getState();
  expect(st.current).toBe('Penilaian 2024');
  expect(st.sheets.map((s) => s.sheet)).toEqual(['Penilaian 2023', 'Penilaian 2022']);
  expect(st.phase).toBe('ready');
  expect(st.with).toEqual({ kind: 'sheet', sheet: 'Penilaian 2023' });
  expect(st.view?.before.where).toBe('Penilaian 2023');
  expect(st.view?.after).toMatchObject({ where: 'Penilaian 2024', index: '2.59', predicate: 'Cukup' });
  // 32: 2 → 4 at 2.30 % … the top mover
  expect(st.view?.movers[0]).toMatchObject({ no: 32, levels: '2 → 4' });
  expect(st.view?.framework).toBeNull();
  expect(st.view?.domains).toHaveLength(4);
  expect(st.view?.estimate).toMatch(/^Estimated Indeks Pemerintah Digital.*An estimate, not an official value/);

  await c.chooseSheet('Penilaian 2022');
  st = c.getState();
  expect(st.view?.before.where).toBe('Penilaian 2022');
  expect(st.view?.before.index).toBe('1.00');

  const untouched = ['Penilaian 2022', 'Penilaian 2023', 'Penilaian 2024'].map((s) => fake.snapshot(s));
  const w = await c.writeSheet();
  expect(w).toMatchObject({ phase: 'done', result: { sheetName: 'Comparison' }, message: 'Sheet "Comparison" created.' });
  expect(fake.activeSheet()).toBe('Comparison');
  expect(fake.definedNames().find((n) => n.name === SPBE_COMPARE_MARKER)?.refersTo).toMatch(/Comparison'?!\$A\$1$/);
  expect(['Penilaian 2022', 'Penilaian 2023', 'Penilaian 2024'].map((s) => fake.snapshot(s))).toEqual(untouched);
  const sheet = fake.sheet('Comparison')!;
  expect(sheet).not.toBeNull();

  // The comparison sheet is an output: reading the workbook again leaves it out.
  const grids = await host.readGrids();
  expect(grids.map((g) => g.name).sort()).toEqual(['Penilaian 2022', 'Penilaian 2023', 'Penilaian 2024']);
  expect(openAssessment(grids).table?.sheet).toBe('Penilaian 2024');

  // Again, in Indonesian: the earlier sheet is replaced, not stacked.
  c.setLang('id');
  expect(c.getState().view?.after.index).toBe('2,59');
  const w2 = await c.writeSheet();
  expect(w2).toMatchObject({ phase: 'done', result: { sheetName: 'Perbandingan', replaced: true } });
  expect(fake.sheetNames().filter((n) => /Comparison|Perbandingan/.test(n))).toEqual(['Perbandingan']);
  c.dispose();
});

test('a file opened in Excel: 5/2018 (Kota Denpasar 2018) before this 59/2020 workbook, whatever the order', async () => {
  const { host } = fakeWith([assessmentGrid({ fw: SPBE2020, levels: ACEH, name: 'Penilaian 2025' })]);
  const c = new CompareController(host, { lang: 'en' });
  await c.start();
  expect(c.getState()).toMatchObject({ phase: 'idle', sheets: [], with: null });
  const bytes = buildWorkbook([denpasarGrid(DENPASAR_2018)], NO_FEATURES).bytes;
  const { readWorkbookGrids } = await import('../../src/xlsx/ooxml/read-workbook');
  const c2 = new CompareController(host, { lang: 'en', readFile: readWorkbookGrids });
  await c2.start();
  await c2.openFile('denpasar-2018.xlsx', bytes);
  const st = c2.getState();
  expect(st.phase).toBe('ready');
  expect(st.view?.before).toMatchObject({ where: 'denpasar-2018.xlsx · Penilaian Mandiri', index: '2.64', predicate: 'Baik' });
  expect(st.view?.framework).not.toBeNull();
  expect(st.view?.title).toMatch(/^A comparison across regulations/);
  expect(st.view?.notes.join(' ')).toMatch(/correspondence by subject/);
  c.dispose();
  c2.dispose();
});

test('blocked: the other side has errors, or the file cannot be read', async () => {
  const bad = assessmentGrid({ fw: SPBE2020, levels: ACEH.map((l, i) => (i === 4 ? 'Tingkat 9' : l)), name: 'Penilaian 2023' });
  const { host } = fakeWith([assessmentGrid({ fw: SPBE2020, levels: ACEH, name: 'Penilaian 2024' }), bad]);
  const c = new CompareController(host, { lang: 'en', readFile: async () => Promise.reject(new Error('broken zip')) });
  await c.start();
  expect(c.getState().phase).toBe('blocked');
  expect(c.getState().message).toMatch(/The "before" assessment \(Penilaian 2023\) has errors \(1\)/);
  await c.openFile('x.xlsx', new Uint8Array([1, 2, 3]));
  expect(c.getState()).toMatchObject({ phase: 'blocked', message: 'The workbook to compare with cannot be read: broken zip' });
  expect(await c.writeSheet()).toEqual({ phase: 'idle' });
  c.dispose();
});

test("with the pane's grids: no sync of its own; an edit the pane re-reads is compared again", async () => {
  const { PaneController } = await import('../../src/taskpane/controller');
  const y2023 = assessmentGrid({ fw: SPBE2020, levels: ACEH, name: 'Penilaian 2023' });
  const y2024 = assessmentGrid({ fw: SPBE2020, levels: ACEH, name: 'Penilaian 2024' });
  const { fake, host } = fakeWith([y2023, y2024]);
  const pane = new PaneController(host, { debounceMs: 10 });
  await pane.start();
  const syncs = fake.syncCount;
  const c = new CompareController(host, { lang: 'en', grids: pane.workbookGrids });
  await c.start();
  expect(fake.syncCount).toBe(syncs);
  expect(c.getState().view?.delta).toBe('0.00');
  const evaluations = pane.getState().evaluations;
  fake.userEdit('Penilaian 2024', 'C4', 5); // indicator 1: 2 → 5
  const end = Date.now() + 5000;
  while (pane.getState().evaluations === evaluations && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  await c.workbookChanged();
  expect(c.getState().view?.movers[0]).toMatchObject({ no: 1, levels: '2 → 5' });
  pane.dispose();
  c.dispose();
});
