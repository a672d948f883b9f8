/**
 * The write in one sync: what the last read learnt (sheets, names, tables) stands in for the write's
 * probe while the workbook is followed, and the write stays right when the workbook changed since in
 * ways Excel reports no event for.
 */
import { createFakeExcel } from './fake-excel';
import type { FakeExcel } from './fake-excel';
import { assessmentSheet, hostOn, sampleModel } from './fixtures';
import type { ExcelHost } from '../../src/excel/excel-host';
import { SheetWriteError } from '../../src/excel/write';
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

const events = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

/** A host following the workbook after its first read, with the sync counter reset. */
async function following(fake: FakeExcel): Promise<{ host: ExcelHost; calls: () => number; off: () => void }> {
  const host = hostOn(fake);
  let n = 0;
  const off = await host.onChange(() => n++);
  await host.readGrids();
  fake.resetSyncCount();
  return { host, calls: () => n, off };
}

describe('a write while the workbook is followed', () => {
  test('one sync, with calculation suspended; replacing our sheet later is one sync too; our own write tells the pane nothing', async () => {
    const fake = createFakeExcel([assessmentSheet(), { name: 'Catatan' }]);
    const { host, calls, off } = await following(fake);
    const before = fake.snapshot('Penilaian Mandiri');
    expect(await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER }))).toEqual({ sheetName: 'Analisis Gap', replaced: false });
    expect(host.stats.lastWrite).toBe(1);
    expect(fake.syncLog.map((s) => [s.failed, s.calculationSuspended])).toEqual([[null, true]]);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Catatan', 'Analisis Gap']);
    expect(fake.activeSheet()).toBe('Analisis Gap');
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);
    expect(fake.sheet('Analisis Gap')!.tables.map((t) => t.name)).toEqual(['TabelGap']);

    await events();
    fake.resetSyncCount();
    const again = await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER, cells: [{ row: 0, col: 0, value: 'VERSI BARU' }] }));
    expect(again).toEqual({ sheetName: 'Analisis Gap', replaced: true });
    expect(host.stats.lastWrite).toBe(1);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Catatan', 'Analisis Gap']);
    expect(fake.sheet('Analisis Gap')!.value('A1')).toBe('VERSI BARU');
    expect(fake.sheet('Analisis Gap')!.tables.map((t) => t.name)).toEqual(['TabelGap']);
    await events();
    expect(calls()).toBe(0);
    // The write learnt the workbook as it left it: the next read is one sync and leaves our sheet out.
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Catatan']);
    off();
  });

  test('a failed write sync leaves no half sheet and the workbook as it was', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const { host, off } = await following(fake);
    const before = fake.snapshot('Penilaian Mandiri');
    fake.failOnSync(1); // the write's only sync; half its operations are applied, as Excel does
    const err = await host.writeSheet(sampleModel()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).cleanedUp).toBe(true);
    // the failed write, the clean-up lookup, the clean-up delete; no second attempt for an error stale facts cannot cause
    expect(fake.syncLog.map((s) => s.failed)).toEqual(['GeneralException', null, null]);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri']);
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);
    expect(fake.definedNames()).toEqual([]);
    off();
  });

  test('a sheet added since the read (Excel reported it): the write asks Excel first, and never touches that sheet', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const { host, off } = await following(fake);
    fake.user.addSheet({ name: 'Analisis Gap', cells: [['milik pengguna']] });
    await events();
    fake.resetSyncCount();
    const before = fake.snapshot('Analisis Gap');
    expect(await host.writeSheet(sampleModel())).toEqual({ sheetName: 'Analisis Gap (2)', replaced: false });
    expect(host.stats.lastWrite).toBe(2);
    expect(fake.snapshot('Analisis Gap')).toBe(before);
    off();
  });
});

describe('changes Excel reports no event for, between the read and the write', () => {
  test('a sheet renamed to our name: the clash is met at the switch-over, our half sheet removed, written again under the next free name', async () => {
    const fake = createFakeExcel([assessmentSheet(), { name: 'Catatan', cells: [['milik pengguna']] }]);
    const { host, off } = await following(fake);
    fake.user.renameSheet('Catatan', 'Analisis Gap');
    const before = fake.snapshot('Analisis Gap');
    const result = await host.writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap (2)', replaced: false });
    expect(fake.snapshot('Analisis Gap')).toBe(before);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap', 'Analisis Gap (2)']);
    // the failed attempt, the clean-up (lookup, delete of our temporarily named sheet), a probe, the write
    expect(fake.syncLog.map((s) => s.failed)).toEqual(['ItemAlreadyExists', null, null, null, null]);
    off();
  });

  test('a defined name that takes our table name: the table gets the next free name', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const { host, off } = await following(fake);
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.add('TabelGap', ctx.workbook.worksheets.getItem('Penilaian Mandiri').getRange('B2'));
      await ctx.sync();
    }) as never);
    fake.resetSyncCount();
    const result = await host.writeSheet(sampleModel());
    expect(result.sheetName).toBe('Analisis Gap');
    expect(fake.sheet('Analisis Gap')!.tables.map((t) => t.name)).toEqual(['TabelGap_2']);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    expect(fake.syncLog[0].failed).not.toBeNull();
    off();
  });

  test('our marker deleted by the user: the sheet it marked is theirs now and is kept; ours is written beside it', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const { host, off } = await following(fake);
    await host.writeSheet(sampleModel());
    await events();
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.getItem('SPBE_GAP_SHEET').delete();
      await ctx.sync();
    }) as never);
    const before = fake.snapshot('Analisis Gap');
    fake.resetSyncCount();
    const result = await host.writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap (2)', replaced: false });
    expect(fake.snapshot('Analisis Gap')).toBe(before);
    // The lookup of the marker fails first in the batch, before anything changed.
    expect(fake.syncLog[0].failed).toBe('ItemNotFound');
    off();
  });

  test('our earlier sheet moved by the user: the new one takes its place (one more sync)', async () => {
    const fake = createFakeExcel([assessmentSheet(), { name: 'Lain' }, { name: 'Akhir' }]);
    const { host, off } = await following(fake);
    await host.writeSheet(sampleModel());
    await events();
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Lain', 'Akhir', 'Analisis Gap']);
    fake.user.moveSheet('Analisis Gap', 1);
    fake.resetSyncCount();
    expect(await host.writeSheet(sampleModel())).toEqual({ sheetName: 'Analisis Gap', replaced: true });
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap', 'Lain', 'Akhir']);
    expect(host.stats.lastWrite).toBe(2);
    // The facts the host keeps follow: the next write is one sync and in place.
    await events();
    fake.resetSyncCount();
    await host.writeSheet(sampleModel());
    expect(host.stats.lastWrite).toBe(1);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap', 'Lain', 'Akhir']);
    off();
  });
});

describe('remembered facts without a subscription (nothing reported the changes)', () => {
  test('after a read the write is one sync', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const host = hostOn(fake);
    await host.readGrids();
    fake.resetSyncCount();
    expect(await host.writeSheet(sampleModel())).toEqual({ sheetName: 'Analisis Gap', replaced: false });
    expect(host.stats.lastWrite).toBe(1);
  });

  test('a sheet the user added under our name meanwhile: the clash at the switch-over removes only our half sheet; ours is written beside theirs', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const host = hostOn(fake);
    await host.readGrids();
    fake.user.addSheet({ name: 'Analisis Gap', cells: [['milik pengguna']] });
    const theirs = fake.snapshot('Analisis Gap');
    fake.resetSyncCount();
    expect(await host.writeSheet(sampleModel())).toEqual({ sheetName: 'Analisis Gap (2)', replaced: false });
    expect(fake.syncLog.map((s) => s.failed)).toEqual(['ItemAlreadyExists', null, null, null, null]);
    expect(fake.snapshot('Analisis Gap')).toBe(theirs);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap', 'Analisis Gap (2)']);
  });

  test('… and when the write fails before it did anything, the clean-up deletes nothing', async () => {
    const fake = createFakeExcel([assessmentSheet()]);
    const host = hostOn(fake);
    await host.readGrids();
    fake.user.addSheet({ name: 'Analisis Gap', cells: [['milik pengguna']] });
    const theirs = fake.snapshot('Analisis Gap');
    fake.resetSyncCount();
    fake.failOnSync(1, { afterOperations: 0 });
    const err = await host.writeSheet(sampleModel()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).cleanedUp).toBe(true);
    // No sheet under the temporary name, none our marker marks: nothing to delete.
    expect(fake.syncLog.map((s) => s.failed)).toEqual(['GeneralException', null]);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    expect(fake.snapshot('Analisis Gap')).toBe(theirs);
  });
});
