/**
 * Re-reading only what an edit can change: while the pane follows the workbook, a re-read loads what the
 * reported changes touched, in one sync, and the grids are exactly what a fresh full read gives.
 */
import fc from 'fast-check';
import { createFakeExcel } from './fake-excel';
import type { FakeExcel, FakeSheetInit } from './fake-excel';
import { assessmentSheet, hostOn, sampleModel } from './fixtures';
import type { ExcelHost } from '../../src/excel/excel-host';
import type { Grid } from '../../src/core/types';
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(60_000);

/** Lets the fake deliver its events (it calls handlers in a timer, as Excel does asynchronously). */
const events = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

/** What a fresh host, knowing nothing, reads now. */
async function fullRead(fake: FakeExcel): Promise<Grid[]> {
  return hostOn(fake).readGrids();
}

/** A sheet of plain values, no formula: `rows` rows of (number, text, number). */
function plainSheet(name: string, rows: number, origin = 'A1'): FakeSheetInit {
  return { name, origin, cells: Array.from({ length: rows }, (_, r) => [r + 1, `baris ${r + 1}`, (r * 7) % 5]) };
}

/** A host that follows the workbook (as the pane does: subscribe first, then read). */
async function following(fake: FakeExcel, api?: string): Promise<{ host: ExcelHost; calls: () => number; off: () => void; first: Grid[] }> {
  const host = hostOn(fake, api ? { api } : {});
  let n = 0;
  const off = await host.onChange(() => n++);
  const first = await host.readGrids();
  return { host, calls: () => n, off, first };
}

describe('the first read while following the workbook', () => {
  test('subscribing learns the sheets, names and tables, so the first read is one sync', async () => {
    const fake = createFakeExcel([assessmentSheet(), plainSheet('Lampiran', 20)]);
    const { host, first, off } = await following(fake);
    expect(host.stats.lastSubscribe).toBe(1);
    expect(host.stats.lastRead).toBe(1);
    expect(fake.syncCount).toBe(2);
    expect(first).toEqual(await fullRead(fake));
    off();
  });
});

describe('re-read after an edit', () => {
  test('an edit in a sheet without formulas: one sync, only the edited cell and the sizes are loaded, same grids as a full read', async () => {
    const fake = createFakeExcel([plainSheet('Penilaian', 50), plainSheet('Arsip 2023', 2_000), plainSheet('Arsip 2024', 2_000)]);
    const { host, calls, off } = await following(fake);
    fake.resetSyncCount();
    fake.userEdit('Penilaian', 'C7', 4);
    await events();
    expect(calls()).toBe(1);
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(host.stats.lastReadSheets).toEqual({ full: 0, patched: 1, kept: 2 });
    const reread = fake.syncLog[0];
    expect(reread.failed).toBeNull();
    expect(grids[0].values[6][2]).toBe(4);
    // The archive sheets' cells are not sent again: a full read's response is many times larger.
    fake.resetSyncCount();
    expect(grids).toEqual(await fullRead(fake));
    const full = fake.syncLog.reduce((n, s) => n + s.responseBytes, 0);
    expect(reread.responseBytes * 20).toBeLessThan(full);
    off();
  });

  test('edits that grow and shrink the used range, clear whole columns, paste blocks: patched, equal to a full read', async () => {
    const fake = createFakeExcel([plainSheet('Data', 30, 'B3')]);
    const { host, off } = await following(fake);
    const check = async (expectSyncs = 1) => {
      await events();
      const grids = await host.readGrids();
      expect(host.stats.lastRead).toBe(expectSyncs);
      expect(grids).toEqual(await fullRead(fake));
    };
    fake.userEdit('Data', 'H40', 'jauh');
    await check();
    fake.user.clear('Data', 'H40');
    await check();
    fake.user.clear('Data', 'B:B');
    await check();
    fake.user.paste('Data', 'A1', [['a', 'b'], [1, 2]]);
    await check();
    fake.user.clear('Data', '3:10');
    await check();
    fake.user.clear('Data', 'A1:Z100');
    await check();
    expect((await host.readGrids())[0].values).toEqual([]);
    off();
  });

  test('a sheet with formulas is read whole: Excel recalculates without a change event', async () => {
    const fake = createFakeExcel([
      { name: 'Penilaian', cells: [['No', 'Tingkat', 'x2'], [1, 3, { formula: 'B2*2', value: 6 }]] },
      { name: 'Hitung', cells: [['Total', { formula: "SUM(Penilaian!B:B)", value: 3 }]] },
    ]);
    const { host, off } = await following(fake);
    fake.userEdit('Penilaian', 'B2', 4);
    fake.user.recalculated('Penilaian', 'C2', 8);
    fake.user.recalculated('Hitung', 'B1', 4);
    await events();
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(host.stats.lastReadSheets).toEqual({ full: 2, patched: 0, kept: 0 });
    expect(grids[0].values[1]).toEqual([1, 4, 8]);
    expect(grids[1].values[0]).toEqual(['Total', 4]);
    expect(grids).toEqual(await fullRead(fake));
    off();
  });

  test('a formula typed into a sheet without formulas (it may spill): the sheet is read whole in one more sync', async () => {
    const fake = createFakeExcel([plainSheet('Data', 10)]);
    const { host, off } = await following(fake);
    fake.userEdit('Data', 'E2', '=A2*10');
    await events();
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(2);
    expect(grids[0].formulas?.[1][4]).toBe('=A2*10');
    expect(grids).toEqual(await fullRead(fake));
    // From now on the sheet has a formula: read whole, in one sync.
    fake.userEdit('Data', 'B3', 'baru');
    await events();
    expect(await host.readGrids()).toEqual(await fullRead(fake));
    expect(host.stats.lastRead).toBe(1);
    expect(host.stats.lastReadSheets.full).toBe(1);
    off();
  });

  test('rows inserted or deleted: that sheet is read whole, still one sync', async () => {
    const fake = createFakeExcel([plainSheet('Data', 12), plainSheet('Lain', 5)]);
    fake.user.merge('Data', 'D1:E1');
    const { host, off } = await following(fake);
    fake.user.insertRows('Data', 3, 2);
    await events();
    let grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(host.stats.lastReadSheets).toEqual({ full: 1, patched: 0, kept: 1 });
    expect(grids[0].values[2]).toEqual([null, null, null]);
    expect(grids).toEqual(await fullRead(fake));
    fake.user.deleteRows('Data', 1, 4);
    await events();
    grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids).toEqual(await fullRead(fake));
    off();
  });
});

describe('re-read after a change of the sheets', () => {
  test('a sheet added (a copy with content) or deleted: one sync, the pane is told', async () => {
    const fake = createFakeExcel([assessmentSheet(), plainSheet('Lain', 5)]);
    const { host, calls, off } = await following(fake);
    fake.user.addSheet({ ...assessmentSheet('Penilaian 2024') });
    await events();
    expect(calls()).toBe(1);
    let grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Lain', 'Penilaian 2024']);
    expect(grids).toEqual(await fullRead(fake));
    fake.user.deleteSheet('Lain');
    await events();
    expect(calls()).toBe(2);
    grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Penilaian 2024']);
    expect(grids).toEqual(await fullRead(fake));
    off();
  });

  test('what Excel 1.9 reports no event for (rename, move, hide a sheet, hide columns, merge) is still right at the next read', async () => {
    const fake = createFakeExcel([assessmentSheet(), plainSheet('Lain', 5), plainSheet('Ketiga', 3)]);
    const { host, off } = await following(fake);
    fake.user.renameSheet('Lain', 'Lain (diganti)');
    fake.user.moveSheet('Ketiga', 0);
    fake.user.setVisibility('Penilaian Mandiri', 'Hidden');
    fake.user.hideColumns('Lain (diganti)', [1, 2], true);
    fake.user.hideColumns('Penilaian Mandiri', [7], false);
    fake.user.merge('Ketiga', 'E1:F2');
    fake.userEdit('Ketiga', 'A1', 9);
    await events();
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Ketiga', 'Penilaian Mandiri', 'Lain (diganti)']);
    expect(grids[1].hidden).toBe(true);
    expect(grids[1].hiddenColumns).toEqual([]);
    expect(grids[2].hiddenColumns).toEqual([1, 2]);
    expect(grids[0].merges).toEqual([{ top: 0, left: 4, bottom: 1, right: 5 }]);
    expect(grids).toEqual(await fullRead(fake));
    off();
  });

  test('our gap sheet stays out; when the user deletes our marker it is read like any sheet (one more sync)', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const { host, off } = await following(fake);
    await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER }));
    await events();
    fake.userEdit('Penilaian Mandiri', 'E7', 4);
    await events();
    let grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri']);
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.getItem(GAP_SHEET_MARKER).delete();
      await ctx.sync();
    }) as never);
    fake.userEdit('Penilaian Mandiri', 'E8', 2);
    await events();
    grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    expect(grids).toEqual(await fullRead(fake));
    off();
  });

  test('after unsubscribing, changes are not known: the next read is a full one (one sync: the sheets are known), and right', async () => {
    const fake = createFakeExcel([plainSheet('Data', 10), plainSheet('Lain', 10)]);
    const { host, off } = await following(fake);
    off();
    fake.userEdit('Lain', 'A1', 'tanpa kabar');
    let grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(host.stats.lastReadSheets).toEqual({ full: 2, patched: 0, kept: 0 });
    expect(grids).toEqual(await fullRead(fake));
    // A sheet added unseen shows up in the sheets loaded alongside: it is read in one more sync.
    fake.user.addSheet(plainSheet('Baru', 2));
    grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(['Data', 'Lain', 'Baru']);
    expect(grids).toEqual(await fullRead(fake));
  });

  test('a sheet deleted while nobody listened: the remembered sheets are learnt again and the read is right', async () => {
    const fake = createFakeExcel([plainSheet('Data', 10), plainSheet('Lain', 10)]);
    const host = hostOn(fake);
    await host.readGrids();
    fake.user.deleteSheet('Lain');
    fake.resetSyncCount();
    expect(await host.readGrids()).toEqual(await fullRead(fake));
    expect(fake.syncLog[0].failed).toBe('ItemNotFound');
  });
});

// ---------------------------------------------------------------------------------------------
// Random edits: the patched grids always equal a fresh full read
// ---------------------------------------------------------------------------------------------

type Action =
  | { kind: 'edit'; sheet: number; row: number; col: number; value: string | number }
  | { kind: 'formula'; sheet: number; row: number; col: number }
  | { kind: 'paste'; sheet: number; row: number; col: number; rows: number; cols: number; seed: number }
  | { kind: 'clear'; sheet: number; row: number; col: number; rows: number; cols: number }
  | { kind: 'clearColumn'; sheet: number; col: number }
  | { kind: 'insertRows' | 'deleteRows'; sheet: number; row: number; count: number }
  | { kind: 'addSheet'; rows: number }
  | { kind: 'deleteSheet' | 'renameSheet' | 'hideSheet'; sheet: number }
  | { kind: 'moveSheet'; sheet: number; to: number }
  | { kind: 'hideColumn'; sheet: number; col: number; hidden: boolean }
  | { kind: 'recalc'; sheet: number; value: number };

const small = (max: number) => fc.integer({ min: 0, max });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), sheet: small(5), row: small(40), col: small(8), value: fc.oneof(fc.integer({ min: -5, max: 99 }), fc.constantFrom('', 'teks', 'Tingkat 3', '3,5')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('formula' as const), sheet: small(5), row: small(20), col: small(6) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste' as const), sheet: small(5), row: small(40), col: small(8), rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }), seed: small(1000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clear' as const), sheet: small(5), row: small(40), col: small(8), rows: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearColumn' as const), sheet: small(5), col: small(8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('insertRows' as const, 'deleteRows' as const), sheet: small(5), row: fc.integer({ min: 1, max: 30 }), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addSheet' as const), rows: small(8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deleteSheet' as const, 'renameSheet' as const, 'hideSheet' as const), sheet: small(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('moveSheet' as const), sheet: small(5), to: small(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hideColumn' as const), sheet: small(5), col: small(10), hidden: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recalc' as const), sheet: small(5), value: small(50) }) },
);

function column(c: number): string {
  return String.fromCharCode(65 + c);
}

let sheetSerial = 0;

/** Applies an action the way a user would; actions that make no sense for the workbook as it is are skipped. */
function apply(fake: FakeExcel, a: Action): void {
  const names = fake.sheetNames().filter((n) => n !== 'Analisis Gap');
  const pick = (i: number): string => names[i % names.length];
  const at = (row: number, col: number): string => `${column(col)}${row + 1}`;
  switch (a.kind) {
    case 'edit':
      fake.userEdit(pick(a.sheet), at(a.row, a.col), a.value);
      return;
    case 'formula':
      fake.userEdit(pick(a.sheet), at(a.row, a.col), `=A${a.row + 1}+1`);
      return;
    case 'paste': {
      const block = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => ((a.seed + r * 7 + c) % 5 === 0 ? '' : (a.seed + r + c) % 3 === 0 ? `t${r}${c}` : a.seed + r * c)));
      fake.user.paste(pick(a.sheet), at(a.row, a.col), block);
      return;
    }
    case 'clear':
      fake.user.clear(pick(a.sheet), `${at(a.row, a.col)}:${at(a.row + a.rows - 1, a.col + a.cols - 1)}`);
      return;
    case 'clearColumn':
      fake.user.clear(pick(a.sheet), `${column(a.col)}:${column(a.col)}`);
      return;
    case 'insertRows':
      fake.user.insertRows(pick(a.sheet), a.row, a.count);
      return;
    case 'deleteRows':
      fake.user.deleteRows(pick(a.sheet), a.row, a.count);
      return;
    case 'addSheet':
      fake.user.addSheet(plainSheet(`Baru ${++sheetSerial}`, a.rows));
      return;
    case 'deleteSheet':
      if (names.length > 1 && fake.sheet(pick(a.sheet))?.visibility === 'Visible' && names.filter((n) => fake.sheet(n)?.visibility === 'Visible').length > 1) fake.user.deleteSheet(pick(a.sheet));
      return;
    case 'renameSheet':
      fake.user.renameSheet(pick(a.sheet), `Nama ${++sheetSerial}`);
      return;
    case 'hideSheet':
      if (names.filter((n) => fake.sheet(n)?.visibility === 'Visible').length > 1) fake.user.setVisibility(pick(a.sheet), 'Hidden');
      return;
    case 'moveSheet':
      fake.user.moveSheet(pick(a.sheet), a.to % fake.sheetNames().length);
      return;
    case 'hideColumn':
      fake.user.hideColumns(pick(a.sheet), [a.col], a.hidden);
      return;
    case 'recalc': {
      const name = pick(a.sheet);
      const view = fake.sheet(name)!;
      const values = view.values();
      for (let r = 0; r < values.length; r++) {
        for (let c = 0; c < (values[r]?.length ?? 0); c++) {
          if (view.formula(at(r, c))) {
            fake.user.recalculated(name, at(r, c), a.value + r);
            return;
          }
        }
      }
      return;
    }
  }
}

test('property: after any sequence of user actions the re-read grids equal a fresh full read, in one sync unless a formula was typed', async () => {
  // How the sheets were got over all runs: the property must exercise patching and the cache, not only whole reads.
  const tally = { full: 0, patched: 0, kept: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(actionArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), async (rounds) => {
      const fake = createFakeExcel([assessmentSheet(), plainSheet('Lampiran', 12, 'B2'), { name: 'Rumus', cells: [['a', { formula: 'A1', value: 'a' }]] }]);
      const { host, off } = await following(fake);
      await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER })); // our gap sheet is in the workbook and stays out
      for (const actions of rounds) {
        for (const a of actions) apply(fake, a);
        await events();
        const grids = await host.readGrids();
        const typedFormula = actions.some((a) => a.kind === 'formula');
        expect(host.stats.lastRead).toBeLessThanOrEqual(typedFormula ? 2 : 1);
        expect(grids).toEqual(await fullRead(fake));
        tally.full += host.stats.lastReadSheets.full;
        tally.patched += host.stats.lastReadSheets.patched;
        tally.kept += host.stats.lastReadSheets.kept;
      }
      off();
    }),
    { numRuns: 40, seed: 20261127 },
  );
  expect(tally.patched).toBeGreaterThan(20);
  expect(tally.kept).toBeGreaterThan(20);
});
