/** The pane's controller on the real Excel adapter over H6's strict fake Excel (no browser needed). */
import { PaneController } from '../../src/taskpane/controller';
import { ExcelHost, type ExcelApi } from '../../src/excel/excel-host';
import { createFakeExcel } from '../excel/fake-excel';
import { SPBE2018 } from '../../src/core/frameworks';
import { assessmentGrid, rowOf } from './grids';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('problem → cell selected; fixing it in Excel → index; Buat Sheet Gap → sheet written and active, source untouched', async () => {
  const grid = assessmentGrid({ fw: SPBE2018, levels: (n) => (n === 20 ? 'Tingkat 9' : 3) });
  const fake = createFakeExcel([{ name: grid.name, cells: grid.values as never }]);
  const host = new ExcelHost({ excel: fake as unknown as ExcelApi, isApiSupported: () => true, displayLanguage: 'id-ID' });
  const c = new PaneController(host, { debounceMs: 20 });
  await c.start();
  const st = c.getState();
  expect(st.assessment?.scores).toBeNull();
  const err = st.problems[0];
  expect(err).toMatchObject({ severity: 'error', sheet: 'Penilaian', cell: `C${rowOf(SPBE2018, 20)}` });
  // The pane subscribes first (that sync also learns the sheets), then reads in one sync.
  expect([host.stats.lastSubscribe, host.stats.lastRead]).toEqual([1, 1]);

  await c.selectProblem(err);
  expect(fake.selection()).toBe(`Penilaian!C${rowOf(SPBE2018, 20)}`);

  const evaluations = c.getState().evaluations;
  fake.userEdit('Penilaian', `C${rowOf(SPBE2018, 20)}`, 4);
  await until(() => c.getState().evaluations > evaluations);
  // indicator 20 weighs 4 %: 3 + 0.04
  expect(c.getState().assessment?.scores?.indexRounded).toBe(3.04);
  expect(c.getState().problems).toEqual([]);
  expect(host.stats.lastRead).toBe(1); // only the edited cell re-read, in one sync

  const before = fake.snapshot('Penilaian');
  const w = await c.generate();
  expect(w).toMatchObject({ phase: 'done', message: 'Lembar "Analisis Gap" telah dibuat dan diaktifkan.' });
  expect(host.stats.lastWrite).toBe(1);
  expect(fake.activeSheet()).toBe('Analisis Gap');
  expect(fake.snapshot('Penilaian')).toBe(before);
  c.dispose();
  await until(() => fake.handlerCount() === 0);
});
