/**
 * The strict fake's sheet events, the user's actions and RangeAreas: what the adapter's re-read relies
 * on must behave as Excel (ExcelApi 1.9) does, or the re-read tests prove nothing.
 */
import { createFakeExcel } from './fake-excel';
import type { FakeExcel } from './fake-excel';

jest.setTimeout(30_000);

type Ctx = Excel.RequestContext;
const run = <T>(fake: FakeExcel, batch: (ctx: Ctx) => Promise<T>): Promise<T> => fake.run(batch as never) as Promise<T>;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

/** Subscribes to the three workbook-level events and records what arrives. */
async function listen(fake: FakeExcel): Promise<Array<Record<string, unknown>>> {
  const seen: Array<Record<string, unknown>> = [];
  await run(fake, async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.onChanged.add(async (a) => void seen.push({ ...a }));
    sheets.onAdded.add(async (a) => void seen.push({ ...a }));
    sheets.onDeleted.add(async (a) => void seen.push({ ...a }));
    await ctx.sync();
  });
  return seen;
}

describe('Worksheet.getRanges (ExcelApi 1.9)', () => {
  test('one RangeAreas of single columns: its areas in the order given, each with columnHidden', async () => {
    const fake = createFakeExcel([{ name: 'S', hiddenColumns: [1, 3] }]);
    const hidden = await run(fake, async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('S').getRanges('A:A,B:B,C:C,D:D').areas;
      areas.load('items/columnHidden');
      await ctx.sync();
      return areas.items.map((r) => r.columnHidden);
    });
    expect(hidden).toEqual([false, true, false, true]);
  });

  test('needs ExcelApi 1.9; an area on another sheet is refused', async () => {
    const old = createFakeExcel([{ name: 'S' }], { apiVersion: '1.8' });
    await expect(run(old, async (ctx) => ctx.workbook.worksheets.getItem('S').getRanges('A:A'))).rejects.toMatchObject({ code: 'ApiNotFound' });
    const fake = createFakeExcel([{ name: 'S' }, { name: 'T' }]);
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRanges('A1,T!B2').load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('sheet events', () => {
  test('sheets added and deleted through the API or by the user fire onAdded / onDeleted with the sheet id', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    const seen = await listen(fake);
    const id = await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.add('Baru');
      ws.load('id');
      await ctx.sync();
      return ws.id;
    });
    await tick();
    fake.user.addSheet({ name: 'Salinan', cells: [[1]] });
    fake.user.deleteSheet('Baru');
    await tick();
    expect(seen.map((e) => [e.type, e.worksheetId === id])).toEqual([
      ['WorksheetAdded', true],
      ['WorksheetAdded', false],
      ['WorksheetDeleted', true],
    ]);
    expect(fake.eventHandlerCount('WorksheetAdded')).toBe(1);
    expect(fake.handlerCount()).toBe(1); // worksheet-changed handlers only
  });

  test("the user's edits fire onChanged with the address and change type Excel gives", async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [[1, 2], [3, 4]], merges: ['D5:E5'] }]);
    const seen = await listen(fake);
    fake.user.paste('S', 'B2', [['a', 'b', 'c'], [1, 2, 3]]);
    fake.user.clear('S', 'C:C');
    fake.user.insertRows('S', 1, 2);
    fake.user.deleteRows('S', 1, 1);
    await tick();
    expect(seen.map((e) => [e.address, e.changeType])).toEqual([
      ['B2:D3', 'RangeEdited'],
      ['C:C', 'RangeEdited'],
      ['1:2', 'RowInserted'],
      ['1:1', 'RowDeleted'],
    ]);
    const s = fake.sheet('S')!;
    // rows inserted at 1 (two) then deleted at 1 (one): everything one row down from where it was
    expect(s.value('A2')).toBe(1);
    expect(s.value('B3')).toBe('a');
    expect(s.value('C3')).toBeNull();
    expect(s.merges).toEqual(['D6:E6']);
  });

  test('what Excel 1.9 reports no event for fires nothing: rename, move, hide a sheet, hide columns, merge, recalculation', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [[1, { formula: 'A1*2', value: 2 }]] }, { name: 'T' }]);
    const seen = await listen(fake);
    fake.user.renameSheet('S', 'S baru');
    fake.user.moveSheet('T', 0);
    fake.user.setVisibility('T', 'Hidden');
    fake.user.hideColumns('S baru', [2], true);
    fake.user.merge('S baru', 'D1:E2');
    fake.user.recalculated('S baru', 'B1', 7);
    await tick();
    expect(seen).toEqual([]);
    expect(fake.sheetNames()).toEqual(['T', 'S baru']);
    expect(fake.sheet('S baru')!.value('B1')).toBe(7);
    expect(fake.sheet('S baru')!.hiddenColumns).toEqual([2]);
    expect(() => fake.user.merge('S baru', 'A1:B1')).toThrow(/top-left/);
  });

  test('a renamed sheet: formulas and chart series that refer to it follow, as in Excel', async () => {
    const fake = createFakeExcel([{ name: 'Data', cells: [[1, 2]] }, { name: 'Lain', cells: [["='Data'!A1+Data!B1", '=DataX!A1']] }]);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.charts.add('ColumnClustered', ws.getRange('A1:B1'), 'Rows');
      ws.name = 'Data 2025';
      await ctx.sync();
    });
    expect(fake.sheet('Lain')!.formula('A1')).toBe("='Data 2025'!A1+'Data 2025'!B1");
    expect(fake.sheet('Lain')!.formula('B1')).toBe('=DataX!A1');
    expect(fake.sheet('Data 2025')!.charts[0].series[0].values).toBe("'Data 2025'!A1:B1");
  });
});
