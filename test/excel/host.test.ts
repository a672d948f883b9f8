/** selectCell, onChange and host detection: what the pane relies on. */
import { createFakeExcel, createFakeOffice } from './fake-excel';
import { hostOn, sampleModel, workbook } from './fixtures';
import { apiSupport, detectExcelHost, displayLanguage } from '../../src/excel/detect';
import { ExcelHost } from '../../src/excel/excel-host';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const fake = workbook([{ name: 'Lain' }]);
    const host = hostOn(fake);
    await host.selectCell('Lain', 'C4');
    await host.selectCell('Penilaian Mandiri', 'E9');
    expect(fake.activeSheet()).toBe('Penilaian Mandiri');
    expect(fake.selection()).toBe("'Penilaian Mandiri'!E9");
    expect(host.stats.lastSelect).toBe(1);
    expect(fake.syncCount).toBe(2);
  });

  test('accepts a sheet-qualified address and rejects a missing sheet', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    await host.selectCell('Penilaian Mandiri', "'Penilaian Mandiri'!B7");
    expect(fake.selection()).toBe("'Penilaian Mandiri'!B7");
    await expect(host.selectCell('Tidak Ada', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('onChange', () => {
  test('calls back on user edits, not for the sheet the host wrote, and stops after unsubscribe', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    let calls = 0;
    const unsubscribe = await host.onChange(() => calls++);
    expect(fake.handlerCount()).toBe(1);
    fake.userEdit('Penilaian Mandiri', 'E7', '4');
    await tick();
    expect(calls).toBe(1);
    await host.writeSheet(sampleModel());
    await tick();
    expect(calls).toBe(1); // the gap sheet's own writes do not trigger a re-read
    unsubscribe();
    fake.userEdit('Penilaian Mandiri', 'E8', '2');
    await tick();
    expect(calls).toBe(1);
    expect(fake.handlerCount()).toBe(0);
  });

  test('one subscription (edits, sheets added, sheets deleted) in one sync serves every callback and ends with the last', async () => {
    const fake = workbook([{ name: 'Lain' }]);
    const host = hostOn(fake);
    let a = 0;
    let b = 0;
    const offA = await host.onChange(() => a++);
    const offB = await host.onChange(() => b++);
    expect(fake.syncCount).toBe(1);
    expect(host.stats.lastSubscribe).toBe(1);
    expect([fake.handlerCount(), fake.eventHandlerCount('WorksheetAdded'), fake.eventHandlerCount('WorksheetDeleted')]).toEqual([1, 1, 1]);
    fake.user.addSheet({ name: 'Baru' });
    await tick();
    fake.user.deleteSheet('Lain');
    await tick();
    expect([a, b]).toEqual([2, 2]);
    offA();
    fake.userEdit('Baru', 'A1', 1);
    await tick();
    expect([a, b]).toEqual([2, 3]);
    offB();
    await tick();
    expect([fake.handlerCount(), fake.eventHandlerCount('WorksheetAdded'), fake.eventHandlerCount('WorksheetDeleted')]).toEqual([0, 0, 0]);
  });

  test('without ExcelApi 1.9 it subscribes to nothing and returns a harmless unsubscribe', async () => {
    const fake = workbook();
    const host = hostOn(fake, { api: '1.8' });
    const unsubscribe = await host.onChange(() => undefined);
    expect(fake.handlerCount()).toBe(0);
    expect(fake.syncCount).toBe(0);
    unsubscribe();
  });
});

describe('detect', () => {
  test('inside Excel: an ExcelHost with the display language and the API sets', async () => {
    const Excel = createFakeExcel([{ name: 'S', cells: [['x']] }]);
    const Office = createFakeOffice({ displayLanguage: 'en-US', apiVersion: '1.13' });
    const host = await detectExcelHost({ Office, Excel });
    expect(host).toBeInstanceOf(ExcelHost);
    expect(host!.kind).toBe('excel');
    expect(host!.displayLanguage).toBe('en-US');
    const grids = await host!.readGrids();
    expect(grids[0].values).toEqual([['x']]);
    expect(apiSupport({ Office })('1.13')).toBe(true);
    expect(apiSupport({ Office })('1.14')).toBe(false);
    expect(displayLanguage({ Office })).toBe('en-US');
  });

  test('outside Office, in another host, or when Office never answers: null', async () => {
    expect(await detectExcelHost({})).toBeNull();
    const word = { onReady: () => Promise.resolve({ host: 'Word' }), context: {} };
    expect(await detectExcelHost({ Office: word, Excel: createFakeExcel() })).toBeNull();
    const browser = { onReady: () => Promise.resolve({ host: null }) };
    expect(await detectExcelHost({ Office: browser })).toBeNull();
    const silent = { onReady: () => new Promise(() => undefined) };
    expect(await detectExcelHost({ Office: silent, Excel: createFakeExcel() }, { timeoutMs: 20 })).toBeNull();
    expect(displayLanguage({})).toBeUndefined();
  });

  test('importing the adapter touches no global', async () => {
    const g = globalThis as Record<string, unknown>;
    expect(g.Office).toBeUndefined();
    expect(g.Excel).toBeUndefined();
    // detect with the default scope (globalThis) outside Office answers null
    expect(await detectExcelHost()).toBeNull();
  });
});
