/** Writing the gap sheet into the open workbook: what the user finds in Excel afterwards. */
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';
import { createFakeExcel } from './fake-excel';
import { assessmentSheet, hostOn, sampleModel, workbook } from './fixtures';
import { cellEntry, needsTextProtection, packOps, planSheet, SheetWriteError, styleRectangles, widthToPoints } from '../../src/excel/write';
import type { SheetModel } from '../../src/core/sheet-model';
import { chooseSheetName } from '../../src/core/gap-sheet';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

describe('ExcelHost.writeSheet', () => {
  test('writes every part of the model in 2 syncs with calculation suspended, and activates the sheet', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    const before = fake.snapshot('Penilaian Mandiri');
    const result = await host.writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap', replaced: false });
    expect(fake.syncCount).toBe(2);
    expect(host.stats.lastWrite).toBe(2);
    // The write sync (not the probe) runs with calculation suspended.
    expect(fake.syncLog[1].calculationSuspended).toBe(true);
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Analisis Gap']);
    expect(fake.activeSheet()).toBe('Analisis Gap');
    expect(fake.selection()).toBe("'Analisis Gap'!A1");
    // The assessment sheet is untouched.
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);

    const s = fake.sheet('Analisis Gap')!;
    expect(s.value('A1')).toBe('ANALISIS GAP INDEKS SPBE');
    expect(s.formula('B3')).toBe("='Penilaian Mandiri'!E7*1");
    expect(s.formula('D6')).toBe('=C6-B6');
    expect(s.value('B6')).toBe(2.5);
    expect(s.numberFormat('B6')).toBe('0.00');
    expect(s.format('A5')).toMatchObject({ 'font.bold': true, 'fill.color': '#D9E1F2', horizontalAlignment: 'Center', wrapText: true, 'border.EdgeTop.style': 'Continuous' });
    expect(s.format('A1')).toMatchObject({ 'font.bold': true, 'font.size': 14, 'font.color': '#1F3864' });
    expect(s.columnWidths[0]).toBe(widthToPoints(36));
    expect(s.merges).toEqual(['A1:D1']);
    expect(s.tables).toEqual([{ name: 'TabelGap', address: 'A5:D8', style: 'TableStyleMedium2' }]);
    expect(s.validations).toEqual([
      {
        address: 'C6:C8',
        rule: { decimal: { formula1: 1, formula2: 5, operator: 'Between' } },
        prompt: { showPrompt: true, title: 'Target', message: 'Isi target 1 sampai 5' },
        errorAlert: { showAlert: true, style: 'Stop', title: 'Nilai salah', message: 'Target harus antara 1 dan 5' },
      },
      { address: 'D3', rule: { list: { inCellDropDown: true, source: 'Baik,Sangat Baik,Memuaskan' } }, prompt: null, errorAlert: null },
    ]);
    expect(s.conditionalFormats.map((c) => [c.address, c.type])).toEqual([
      ['D6:D8', 'CellValue'],
      ['D6:D8', 'DataBar'],
      ['B6:B8', 'ColorScale'],
      ['B6:B8', 'Custom'],
    ]);
    expect(s.conditionalFormats[0].settings).toMatchObject({ rule: { formula1: '=1', operator: 'GreaterThan' }, 'format.fill.color': '#D9E1F2' });
    expect(s.conditionalFormats[3].settings).toMatchObject({ 'rule.formula': '=B6<2', 'format.font.bold': true });
    expect(s.charts.map((c) => ({ type: c.type, title: c.title, position: c.position, series: c.series, axes: c.axes }))).toEqual([
      {
        type: 'RadarMarkers',
        title: 'Aspek: saat ini vs target',
        position: { start: 'A11', end: 'E26' },
        series: [
          { name: 'Saat ini', values: "'Analisis Gap'!B6:B8", xValues: "'Analisis Gap'!A6:A8", fill: null, line: null },
          { name: 'Target', values: "'Analisis Gap'!C6:C8", xValues: "'Analisis Gap'!A6:A8", fill: null, line: null },
        ],
        axes: { value: {}, category: {} },
      },
      {
        type: 'BarClustered',
        title: 'Selisih terbesar',
        position: { start: 'F11', end: 'K26' },
        series: [{ name: 'Selisih', values: "'Analisis Gap'!D6:D8", xValues: "'Analisis Gap'!A6:A8", fill: null, line: null }],
        // categories top-down as in the sheet, the value axis at the bottom
        axes: { value: {}, category: { reversePlotOrder: true, position: 'Maximum' } },
      },
    ]);
    expect(s.notes).toEqual([{ address: 'B3', content: 'Dari sheet penilaian' }]);
    expect(s.freeze).toEqual({ rows: 5, cols: 1 });
    expect(s.tabColor).toBe('#2F5597');
    expect(fake.definedNames()).toEqual([{ name: 'SPBE_GAP_SHEET', refersTo: "'Analisis Gap'!$A$1", comment: expect.any(String) }]);
  });

  test('page setup, row heights, chart axes and series colours of the model are applied; page setup only with ExcelApi 1.9', async () => {
    const base = sampleModel();
    const model: SheetModel = {
      ...base,
      rowHeights: [
        { row: 4, height: 30 },
        { row: 5, height: 20 },
        { row: 6, height: 20 },
      ],
      charts: [
        { ...base.charts[0], valueAxis: { min: 0, max: 5, majorUnit: 1, numberFormat: '0' }, series: base.charts[0].series.map((x, i) => ({ ...x, color: i ? '#ED7D31' : '#4472C4' })) },
        { ...base.charts[1], series: [{ ...base.charts[1].series[0], color: '#70AD47' }] },
      ],
      page: {
        paperSize: 'A4',
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 0,
        printTitleRows: { top: 4, bottom: 4 },
        printArea: { top: 0, left: 0, bottom: 20, right: 5 },
        rowBreaks: [6],
        centerHorizontally: true,
        footer: { left: ['Simulasi & uji'], right: ['Halaman ', { field: 'page' }, ' dari ', { field: 'pages' }] },
      },
    };
    const fake = workbook();
    await hostOn(fake).writeSheet(model);
    const s = fake.sheet('Analisis Gap')!;
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      centerHorizontally: true,
      printTitleRows: '$5:$5',
      printArea: 'A1:F21',
      rowBreaks: [7],
      headersFooters: { leftFooter: 'Simulasi && uji', rightFooter: 'Halaman &P dari &N' },
    });
    expect(s.rowHeights).toEqual({ 4: 30, 5: 20, 6: 20 });
    expect(s.charts[0].axes.value).toEqual({ minimum: 0, maximum: 5, majorUnit: 1, numberFormat: '0' });
    expect(s.charts[0].series.map((x) => x.line)).toEqual(['#4472C4', '#ED7D31']);
    expect(s.charts[1].series.map((x) => x.fill)).toEqual(['#70AD47']);
    expect(fake.syncCount).toBe(2);

    // Excel without ExcelApi 1.9 (no pageLayout): the sheet is written without its page setup.
    const old = workbook([], { apiVersion: '1.8' });
    await hostOn(old, { api: '1.8' }).writeSheet(model);
    expect(old.sheet('Analisis Gap')!.pageLayout.orientation).toBe('Portrait');
  });

  test('the earlier gap sheet is read back for the team columns (host.readGapSheet): null before, its cells after', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    expect(await host.readGapSheet()).toBeNull();
    await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER }));
    const grid = (await host.readGapSheet())!;
    expect(grid.name).toBe('Analisis Gap');
    expect(grid.values[0][0]).toBe('ANALISIS GAP INDEKS SPBE');
    // a colour scale fixed by value (levels 1, 3, 5) is written with Number criteria
    const fixed = workbook();
    await hostOn(fixed).writeSheet(
      sampleModel({ conditionalFormats: [{ range: { top: 1, left: 1, bottom: 3, right: 1 }, rules: [{ type: 'colorScale', colors: ['#F8696B', '#FFEB84', '#63BE7B'], values: [1, 3, 5] }] }] }),
    );
    const cf = fixed.sheet('Analisis Gap')!.conditionalFormats[0] as unknown as { settings: Record<string, { criteria?: Record<string, { type: string; formula?: string }> }> };
    const criteria = cf.settings.colorScale?.criteria ?? (cf.settings as unknown as { criteria: Record<string, { type: string; formula?: string }> }).criteria;
    expect(JSON.stringify(criteria)).toContain('"type":"Number","formula":"1"');
  });

  test('text that Excel would parse stays exactly the text (no formula, number, date or boolean)', async () => {
    const fake = workbook();
    await hostOn(fake).writeSheet(sampleModel());
    const s = fake.sheet('Analisis Gap')!;
    expect(s.formula('A2')).toBeNull();
    expect(s.value('A2')).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(s.value('B2')).toBe('+62 812 555 0101');
    expect(s.value('C2')).toBe('1/2');
    expect(s.value('D2')).toBe('TRUE');
    expect(s.value('E2')).toBe("'kutip");
    expect(s.value('A6')).toBe('Kebijakan Internal');
    // Read back through the adapter: still constants.
    const grids = await hostOn(fake).readGrids();
    const gap = grids.find((g) => g.name === 'Analisis Gap')!;
    expect(gap.values[1].slice(0, 5)).toEqual(['=HYPERLINK("http://evil.example","klik")', '+62 812 555 0101', '1/2', 'TRUE', "'kutip"]);
    expect(gap.formulas?.[1][0]).toBeNull();
  });

  test('a user sheet named "Analisis Gap" is kept and the new one is "Analisis Gap (2)"', async () => {
    const fake = workbook([{ name: 'Analisis Gap', cells: [['milik pengguna']] }]);
    const before = fake.snapshot('Analisis Gap');
    const result = await hostOn(fake).writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap (2)', replaced: false });
    expect(fake.snapshot('Analisis Gap')).toBe(before);
    expect(fake.sheet('Analisis Gap (2)')!.value('A1')).toBe('ANALISIS GAP INDEKS SPBE');
  });

  test('names clash case-insensitively ("analisis gap")', async () => {
    const fake = workbook([{ name: 'analisis gap' }, { name: 'ANALISIS GAP (2)' }]);
    const result = await hostOn(fake).writeSheet(sampleModel());
    expect(result.sheetName).toBe('Analisis Gap (3)');
  });

  test('a sheet marked by our name is replaced in place; user sheets never are', async () => {
    const fake = workbook([{ name: 'Catatan' }]);
    const host = hostOn(fake);
    await host.writeSheet(sampleModel());
    fake.resetSyncCount();
    const second = await host.writeSheet(sampleModel({ cells: [{ row: 0, col: 0, value: 'VERSI BARU' }] }));
    expect(second).toEqual({ sheetName: 'Analisis Gap', replaced: true });
    expect(fake.syncCount).toBe(1); // the first write learnt the workbook as it left it: no probe
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri', 'Catatan', 'Analisis Gap']);
    expect(fake.sheet('Analisis Gap')!.value('A1')).toBe('VERSI BARU');
    expect(fake.definedNames().map((n) => n.refersTo)).toEqual(["'Analisis Gap'!$A$1"]);
    // The table keeps its name across replacements.
    expect(fake.sheet('Analisis Gap')!.tables.map((t) => t.name)).toEqual(['TabelGap']);
  });

  test('a renamed marked sheet is replaced at its place and gets the preferred name', async () => {
    const fake = workbook([{ name: 'Lain' }]);
    const host = hostOn(fake);
    await host.writeSheet(sampleModel());
    await fake.run((async (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('Analisis Gap');
      ws.name = 'Gap lama';
      ws.position = 0;
      await ctx.sync();
    }) as never);
    const result = await host.writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap', replaced: true });
    expect(fake.sheetNames()).toEqual(['Analisis Gap', 'Penilaian Mandiri', 'Lain']);
  });

  test('when the marker points to a deleted sheet, a new sheet is written and the marker re-pointed', async () => {
    const fake = workbook([{ name: 'Lain' }]);
    const host = hostOn(fake);
    await host.writeSheet(sampleModel());
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Analisis Gap').delete();
      await ctx.sync();
    }) as never);
    expect(fake.definedNames()[0].refersTo).toBe('#REF!');
    const result = await host.writeSheet(sampleModel());
    expect(result).toEqual({ sheetName: 'Analisis Gap', replaced: false });
    expect(fake.definedNames()).toEqual([expect.objectContaining({ refersTo: "'Analisis Gap'!$A$1" })]);
  });

  test('a 31-character name with a clash is shortened so "(2)" fits', async () => {
    const long = 'Analisis Gap Indeks SPBE Daerah'; // 31 characters
    expect(long).toHaveLength(31);
    const fake = workbook([{ name: long }]);
    const result = await hostOn(fake).writeSheet(sampleModel({ name: long }));
    expect(result.sheetName).toBe('Analisis Gap Indeks SPBE Da (2)');
    expect(result.sheetName.length).toBeLessThanOrEqual(31);
  });

  test('a name Excel refuses is cleaned, not sent as is, exactly as the CLI names the sheet in a file', async () => {
    const fake = workbook();
    const result = await hostOn(fake).writeSheet(sampleModel({ name: "'Gap: 2025/2026?'" }));
    expect(result.sheetName).toBe('Gap 2025 2026');
    expect(result.sheetName).toBe(chooseSheetName("'Gap: 2025/2026?'", ['Penilaian Mandiri']));
  });

  test('a table name taken by a defined name is suffixed', async () => {
    const fake = workbook();
    await fake.run((async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.add('TabelGap', ctx.workbook.worksheets.getItem('Penilaian Mandiri').getRange('B2'));
      await ctx.sync();
    }) as never);
    await hostOn(fake).writeSheet(sampleModel());
    expect(fake.sheet('Analisis Gap')!.tables[0].name).toBe('TabelGap_2');
  });

  test.each([
    ['a first write', false],
    ['a write replacing our earlier sheet', true],
  ])('a failed sync in %s leaves no half sheet and the workbook as it was', async (_label, replacing) => {
    const fake = workbook();
    const before = fake.snapshot('Penilaian Mandiri');
    const host = hostOn(fake);
    if (replacing) await host.writeSheet(sampleModel()); // the marked sheet must survive the failed replacement
    fake.resetSyncCount();
    // The write sync: after a probe on a first write; alone once the host knows the workbook (its earlier write).
    // Half its operations are applied, as Excel does.
    const writeSync = replacing ? 1 : 2;
    fake.failOnSync(writeSync);
    const gapBefore = fake.snapshot('Analisis Gap');
    const namesBefore = fake.sheetNames();
    const markerBefore = fake.definedNames();
    const err = await host.writeSheet(sampleModel()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).cleanedUp).toBe(true);
    expect((err as SheetWriteError).code).toBe('GeneralException');
    // the name the new sheet had while written: what the pane would tell the user to delete had cleanup failed
    expect((err as SheetWriteError).sheetName).toMatch(/^Analisis Gap/);
    // [probe,] the failed write (half applied: the new sheet existed), cleanup lookup, cleanup delete
    expect(fake.syncLog.map((s) => s.failed)).toEqual([...(replacing ? [] : [null]), 'GeneralException', null, null]);
    expect(fake.sheetNames()).toEqual(namesBefore);
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);
    expect(fake.snapshot('Analisis Gap')).toBe(gapBefore);
    expect(fake.definedNames()).toEqual(markerBefore);
  });

  test('a workbook whose structure is protected: Excel refuses the new sheet, the error says why (WORKBOOK_STRUCTURE_LOCKED), nothing changes', async () => {
    const fake = workbook();
    const before = fake.snapshot('Penilaian Mandiri');
    const names = fake.sheetNames();
    fake.protectStructure(true);
    const err = await hostOn(fake).writeSheet(sampleModel()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).problem.code).toBe('WORKBOOK_STRUCTURE_LOCKED');
    expect((err as SheetWriteError).cleanedUp).toBe(true);
    expect(fake.sheetNames()).toEqual(names);
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);
  });

  test('a failure reported after the whole batch was applied removes the new sheet; cleanup never deletes a sheet that existed before', async () => {
    const fake = workbook();
    const host = hostOn(fake);
    await host.writeSheet(sampleModel());
    const before = fake.snapshot('Penilaian Mandiri');
    fake.resetSyncCount();
    // Fail the write sync (the only one: the host knows the workbook from its first write) after all its operations.
    fake.failOnSync(1, { afterOperations: 10_000 });
    const err = await host.writeSheet(sampleModel()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    // The new sheet was renamed to "Analisis Gap" after the old one was deleted: cleanup removed it by id check.
    expect(fake.sheetNames()).toEqual(['Penilaian Mandiri']);
    expect(fake.snapshot('Penilaian Mandiri')).toBe(before);
  });

  test('a huge model is chunked under the 5 MB request limit and stays correct', async () => {
    const rowsCount = 30_000;
    const cells: SheetModel['cells'][number][] = [];
    const text = 'Uraian kegiatan peningkatan kematangan layanan digital pemerintah daerah ';
    for (let r = 0; r < rowsCount; r++) {
      cells.push({ row: r, col: 0, value: r + 1, style: 'num' });
      cells.push({ row: r, col: 1, value: `${text}${r}`, style: 'text' });
      cells.push({ row: r, col: 2, value: `${text} tahap ${r}` });
      cells.push({ row: r, col: 3, value: r / 4, formula: `A${r + 1}/4`, style: 'num' });
      cells.push({ row: r, col: 4, value: '=NOT A FORMULA' });
    }
    const model = sampleModel({
      cells,
      merges: [],
      tables: [],
      charts: [],
      validations: [],
      conditionalFormats: [],
      styles: { num: { numberFormat: '0.00' }, text: { wrap: true } },
    });
    const fake = workbook();
    const host = hostOn(fake);
    const result = await host.writeSheet(model);
    expect(result.sheetName).toBe('Analisis Gap');
    const writes = fake.syncLog.slice(1);
    expect(writes.length).toBeGreaterThan(1); // about 6 MB of cells: 2 or 3 write syncs, not one per row band
    expect(writes.length).toBeLessThanOrEqual(4);
    expect(writes.every((s) => s.calculationSuspended && s.failed === null && s.requestBytes <= 5 * 1024 * 1024)).toBe(true);
    const s = fake.sheet('Analisis Gap')!;
    expect(s.value('A30000')).toBe(30000);
    expect(s.value('B6001')).toBe(`${text}6000`);
    expect(s.formula('D9999')).toBe('=A9999/4');
    expect(s.value('E30000')).toBe('=NOT A FORMULA');
    expect(s.numberFormat('D30000')).toBe('0.00');
    expect(s.format('B29999')).toMatchObject({ wrapText: true });
  }, 60_000); // 150 000 cells through the fake: generous on a shared machine

  test('a small model is never chunked even with a small budget it fits in', async () => {
    const fake = workbook();
    const host = hostOn(fake, { writeBudget: 200_000 });
    await host.writeSheet(sampleModel());
    expect(host.stats.lastWrite).toBe(2);
  });
});

describe('write helpers', () => {
  test('which texts need an apostrophe', () => {
    for (const s of ['=A1', '+62', '-5', '@x', "'a", '1/2', '12', 'TRUE', 'BENAR', '#N/A', 'Jan 2020', '(5)', '50%', ' x']) {
      expect([s, needsTextProtection(s)]).toEqual([s, true]);
    }
    for (const s of ['Kebijakan Internal', 'Sangat Baik', '']) expect([s, needsTextProtection(s)]).toEqual([s, false]);
  });

  test('cell entries: formulas get "=", text is protected, numbers pass', () => {
    expect(cellEntry({ row: 0, col: 0, value: 3, formula: 'A1+1' })).toBe('=A1+1');
    expect(cellEntry({ row: 0, col: 0, value: '=X' })).toBe("'=X");
    expect(cellEntry({ row: 0, col: 0, value: 2.5 })).toBe(2.5);
    expect(cellEntry({ row: 0, col: 0, value: null })).toBeNull();
    expect(cellEntry({ row: 0, col: 0, value: Number.NaN })).toBeNull();
  });

  test('style rectangles cover exactly the styled cells', () => {
    const cells = [
      { row: 0, col: 0, value: 1, style: 'a' },
      { row: 0, col: 1, value: 1, style: 'a' },
      { row: 1, col: 0, value: 1, style: 'a' },
      { row: 1, col: 1, value: 1, style: 'a' },
      { row: 2, col: 1, value: 1, style: 'a' },
      { row: 2, col: 0, value: 1, style: 'b' },
    ];
    expect(styleRectangles(cells).get('a')).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
    expect(styleRectangles(cells).get('b')).toEqual([{ top: 2, left: 0, bottom: 2, right: 0 }]);
  });

  test('operations are packed into syncs under the budget', () => {
    const ops = planSheet(sampleModel(), { budget: 4_000_000, notes: true, tableNames: ['TabelGap'] });
    expect(packOps(ops, 4_000_000)).toHaveLength(1);
    const groups = packOps(ops, 2_000);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat()).toHaveLength(ops.length);
  });

  test('an assessment sheet elsewhere in the workbook keeps every cell when many sheets exist', async () => {
    const fake = createFakeExcel([{ name: 'Sampul' }, assessmentSheet(), { name: 'Lampiran' }]);
    const snaps = fake.sheetNames().map((n) => fake.snapshot(n));
    await hostOn(fake).writeSheet(sampleModel());
    expect(fake.sheetNames().slice(0, 3).map((n) => fake.snapshot(n))).toEqual(snaps);
  });
});
