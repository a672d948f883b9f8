/** Reading the open workbook as grids: what the core gets, and in how many round trips. */
import { createFakeExcel } from './fake-excel';
import { assessmentSheet, hostOn, sampleModel, workbook } from './fixtures';
import { toFormula } from '../../src/excel/read';
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

describe('ExcelHost.readGrids', () => {
  test('values, formulas, errors, merges, absolute origin and hidden columns, in 2 syncs', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    const grids = await host.readGrids();
    expect(fake.syncCount).toBe(2);
    expect(host.stats.lastRead).toBe(2);
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g.name).toBe('Penilaian Mandiri');
    expect(g.origin).toEqual({ row: 1, col: 1 }); // B2
    expect(g.values[0][0]).toBe('PENILAIAN MANDIRI SPBE');
    expect(g.values[5]).toEqual([1, 'Kebijakan Internal Arsitektur SPBE', 1.3, 3, '=HYPERLINK("http://x")', 6]);
    expect(g.values[6][4]).toBe('+62 812 555');
    expect(g.values[7][3]).toEqual({ error: '#N/A' });
    expect(g.values[7][5]).toEqual({ error: '#N/A' });
    expect(g.values[2]).toEqual([null, null, null, null, null, null]);
    // Formulas where there are formulas; a text that looks like one stays a constant.
    expect(g.formulas?.[5][5]).toBe('=E7*2');
    expect(g.formulas?.[5][4]).toBeNull();
    expect(g.formulas?.[5][3]).toBeNull();
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 5, right: 3 },
      { top: 4, left: 4, bottom: 4, right: 5 },
    ]);
    expect(g.hiddenColumns).toEqual([7]);
    expect(g.hidden).toBe(false);
  });

  test('many sheets (hidden and empty ones too) still take 2 syncs', async () => {
    const sheets = [assessmentSheet()];
    for (let i = 1; i <= 12; i++) sheets.push({ ...assessmentSheet(`Salinan ${i}`), visibility: i === 3 ? 'Hidden' : 'Visible' });
    sheets.push({ name: 'Kosong' });
    const fake = createFakeExcel(sheets);
    const grids = await hostOn(fake).readGrids();
    expect(fake.syncCount).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(sheets.map((s) => s.name));
    expect(grids[3].hidden).toBe(true);
    const empty = grids[grids.length - 1];
    expect(empty.values).toEqual([]);
    expect(empty.merges).toEqual([]);
  });

  test('a sheet with only formula-free constants gets no formulas array; origin may start far from A1', async () => {
    const fake = createFakeExcel([{ name: 'Data', origin: 'D10', cells: [['a', 1], ['b', 2]] }]);
    const [g] = await hostOn(fake).readGrids();
    expect(g.origin).toEqual({ row: 9, col: 3 });
    expect(g.values).toEqual([['a', 1], ['b', 2]]);
    expect(g.formulas).toBeUndefined();
  });

  test('without ExcelApi 1.13 the merges are left out, the rest is read', async () => {
    const fake = workbook([], { apiVersion: '1.12' });
    const [g] = await hostOn(fake, { api: '1.12' }).readGrids();
    expect(g.merges).toEqual([]);
    expect(g.values[5][1]).toBe('Kebijakan Internal Arsitektur SPBE');
  });

  test('a workbook too big for one 5 MB response is read in bands and stays correct', async () => {
    const long = 'x'.repeat(200);
    const big = Array.from({ length: 400 }, (_, r) => [r + 1, `${long}${r}`, { formula: `A${r + 1}*2`, value: (r + 1) * 2 }]);
    const fake = createFakeExcel([assessmentSheet(), { name: 'Besar', cells: big }], { responseLimit: 60_000 });
    const host = hostOn(fake, { readBudget: 50_000 });
    const grids = await host.readGrids();
    expect(host.stats.lastRead).toBeGreaterThan(3);
    expect(fake.syncLog.every((s) => s.failed === null || s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    const g = grids[1];
    expect(g.values).toHaveLength(400);
    expect(g.values[399]).toEqual([400, `${long}399`, 800]);
    expect(g.formulas?.[123][2]).toBe('=A124*2');
    expect(grids[0].values[5][3]).toBe(3);
    expect(grids[0].merges).toHaveLength(5);
  });
});

describe('ExcelHost.readGrids leaves out the gap sheet this tool wrote', () => {
  test('the sheet our marker names is not read, also after the user renamed it; after our write the read is 1 sync', async () => {
    const fake = workbook([{ name: 'Catatan', cells: [['bebas']] }]);
    const host = hostOn(fake);
    const written = await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER }));
    expect(fake.sheetNames()).toContain(written.sheetName);
    fake.resetSyncCount();
    // The write's own last sync learnt the sheets, names and tables: the read needs no first sync.
    let grids = await host.readGrids();
    expect(fake.syncCount).toBe(1);
    expect(host.stats.lastRead).toBe(1);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Catatan']);
    expect(grids).toEqual(await hostOn(fake).readGrids());

    // Excel's defined name follows the sheet when the user renames it.
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(written.sheetName).name = "Gap lama's";
      await ctx.sync();
    }) as never);
    grids = await host.readGrids();
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Catatan']);
  });

  test('a gap sheet saved in the file by the CLI (marker on its A1) is left out too', async () => {
    const fake = workbook([{ name: 'Analisis Gap', cells: [['ANALISIS GAP'], ['No', 'Indikator']] }], {
      names: [{ name: GAP_SHEET_MARKER, refersTo: "'Analisis Gap'!$A$1", comment: 'spbe' }],
    });
    const grids = await hostOn(fake).readGrids();
    expect(fake.syncCount).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri']);
  });

  test("only our marker on a sheet's A1 hides it: a user's sheet named like ours, or a marker elsewhere, is read", async () => {
    // No marker: a sheet the user happens to call "Analisis Gap" is theirs.
    let fake = workbook([{ name: 'Analisis Gap', cells: [['milik pengguna']] }]);
    expect((await hostOn(fake).readGrids()).map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    // The marker's text as a worksheet-scoped name, another name, or the marker on another cell: nothing is hidden.
    fake = workbook([{ name: 'Analisis Gap', cells: [['milik pengguna']] }], {
      names: [
        { name: GAP_SHEET_MARKER, refersTo: "'Analisis Gap'!$A$1", scope: 'Analisis Gap' },
        { name: 'SPBE_GAP_SHEET', refersTo: "'Analisis Gap'!$A$1" },
      ],
    });
    expect((await hostOn(fake).readGrids()).map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    fake = workbook([], { names: [{ name: GAP_SHEET_MARKER, refersTo: "'Penilaian Mandiri'!$B$5" }] });
    expect((await hostOn(fake).readGrids()).map((g) => g.name)).toEqual(['Penilaian Mandiri']);
  });

  test('a marker left as #REF! (its sheet deleted) hides nothing', async () => {
    const fake = workbook([{ name: 'Lama' }, { name: 'Lain' }], { names: [{ name: GAP_SHEET_MARKER, refersTo: 'Lama!$A$1' }] });
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Lama').delete();
      await ctx.sync();
    }) as never);
    expect(fake.definedNames()[0].refersTo).toBe('#REF!');
    const grids = await hostOn(fake).readGrids();
    expect(grids.map((g) => g.name)).toEqual(['Penilaian Mandiri', 'Lain']);
  });
});

describe('toFormula', () => {
  test('a formula is text starting with "=" that differs from the value', () => {
    expect(toFormula('=A1*2', 4)).toBe('=A1*2');
    expect(toFormula('=HYPERLINK("x")', '=HYPERLINK("x")')).toBeNull();
    expect(toFormula(5, 5)).toBeNull();
    expect(toFormula('', '')).toBeNull();
  });
});
