/** The ribbon's one-click command: writes the gap sheet, or opens the pane on the workbook's errors. */
import { generateGapSheet, registerCommands, GENERATE_GAP_ACTION } from '../../src/commands/commands';
import { officeCommands } from '../../src/excel/detect';
import { SPBE2020 } from '../../src/core/frameworks';
import { FakeHost } from './fake-host';
import { assessmentGrid } from './grids';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

test('a workbook without errors: the gap sheet is written with the next predicate as target; the pane stays closed', async () => {
  const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
  let shown = 0;
  const outcome = await generateGapSheet({ host, showTaskpane: async () => void shown++ });
  expect(outcome).toEqual({ kind: 'written', sheetName: 'Analisis Gap', replaced: false, teamEntries: 0 });
  expect(shown).toBe(0);
  expect(host.written).toHaveLength(1);
  // the default target: the next predicate (Sangat Baik, 3.50) appears in the sheet's header block
  const texts = host.written[0].cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
  expect(texts.some((t) => t.includes('Sangat Baik'))).toBe(true);
});

test('a workbook with errors: nothing is written and the pane opens on them', async () => {
  const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 2 ? 'belum' : 3) })]);
  let shown = 0;
  const outcome = await generateGapSheet({ host, showTaskpane: async () => void shown++ });
  expect(outcome).toEqual({ kind: 'pane', errors: 1 });
  expect(shown).toBe(1);
  expect(host.written).toHaveLength(0);
});

test('a failure never escapes the command: the pane opens so the user can see what happened', async () => {
  const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 3 })]);
  host.failWrite = new Error('GeneralException');
  let shown = 0;
  const notified: unknown[] = [];
  const outcome = await generateGapSheet({ host, showTaskpane: async () => void shown++, notify: (o) => notified.push(o) });
  expect(outcome).toEqual({ kind: 'failed', message: 'GeneralException', error: host.failWrite });
  expect(shown).toBe(1);
  expect(notified).toEqual([outcome]);
});

test('registered with Office.actions.associate (through src/excel/detect.ts) under the manifest id; the event is always completed once', async () => {
  const handlers: Record<string, (e: { completed: () => void }) => void> = {};
  const host = new FakeHost([assessmentGrid({ fw: SPBE2020, levels: () => 2 })]);
  let showCalls = 0;
  const Office = {
    actions: { associate: (id: string, fn: (e: { completed: () => void }) => void) => void (handlers[id] = fn) },
    addin: { showAsTaskpane: async () => void showCalls++ },
  };
  expect(registerCommands(officeCommands({ Office }), () => host)).toBe(true);
  expect(Object.keys(handlers)).toEqual([GENERATE_GAP_ACTION]);
  let completed = 0;
  await new Promise<void>((resolve) =>
    handlers[GENERATE_GAP_ACTION]({
      completed: () => {
        completed++;
        resolve();
      },
    }),
  );
  expect(host.written).toHaveLength(1);
  expect(showCalls).toBe(0);
  expect(completed).toBe(1);

  // With errors the same button opens the pane through Office.addin.showAsTaskpane.
  host.grids = [assessmentGrid({ fw: SPBE2020, levels: (n) => (n === 3 ? 'x' : 2) })];
  await new Promise<void>((resolve) => handlers[GENERATE_GAP_ACTION]({ completed: resolve }));
  expect(showCalls).toBe(1);
  expect(host.written).toHaveLength(1);

  // Outside Office (no actions API) nothing is registered.
  expect(officeCommands({})).toBeNull();
  expect(officeCommands({ Office: {} })).toBeNull();
  expect(registerCommands(null, () => host)).toBe(false);
});
