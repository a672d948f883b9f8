/** The strict fake itself must refuse what Excel refuses, or the adapter tests prove nothing. */
import { createFakeExcel, FakeExcelError } from './fake-excel';
import type { FakeExcel } from './fake-excel';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

type Ctx = Excel.RequestContext;
const run = <T>(fake: FakeExcel, batch: (ctx: Ctx) => Promise<T>): Promise<T> => fake.run(batch as never) as Promise<T>;

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

describe('queued semantics and loading', () => {
  test('a write is applied only at sync, in order', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.values = [[1]];
      r.values = [[2]];
      expect(fake.sheet('S')!.value('A1')).toBeNull();
      await ctx.sync();
      expect(fake.sheet('S')!.value('A1')).toBe(2);
    });
  });

  test('reading a property before load and sync throws PropertyNotLoaded', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [[5]] }]);
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => r.values).toThrow(FakeExcelError);
      r.load('values');
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      expect(() => r.address).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(() => r.formulas).toThrow(/PropertyNotLoaded/);
    });
  });

  test('isNullObject is known only after sync; a missing sheet is a null object, getItem fails at sync', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await run(fake, async (ctx) => {
      const n = ctx.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => n.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem('nope');
      await expectCode(ctx.sync(), 'ItemNotFound');
    });
  });

  test('Excel.run syncs what the batch left queued, and that sync is counted', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B2').values = [['x']];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet('S')!.value('B2')).toBe('x');
  });
});

describe('values', () => {
  test('a 2-D array must have the range shape', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').formulas = [[1, 2], [3]];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B2').values = [[1]];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    expect(fake.sheet('S')!.values()).toEqual([]);
  });

  test('null leaves a cell unchanged, an empty string clears it', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [['a', 'b']] }]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, '']];
      await ctx.sync();
    });
    expect(fake.sheet('S')!.value('A1')).toBe('a');
    expect(fake.sheet('S')!.value('B1')).toBeNull();
  });

  test('strings are parsed like typing: "=" formula, numbers, booleans; an apostrophe or the @ format keeps text', async () => {
    const fake = createFakeExcel([{ name: 'S', numberFormats: { E1: '@' } }]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:E1').values = [['=HYPERLINK("x")', "'=HYPERLINK(\"x\")", '012', 'TRUE', '=1+1']];
      await ctx.sync();
    });
    const s = fake.sheet('S')!;
    expect(s.formula('A1')).toBe('=HYPERLINK("x")');
    expect(s.formula('B1')).toBeNull();
    expect(s.value('B1')).toBe('=HYPERLINK("x")');
    expect(s.quotePrefix('B1')).toBe(true);
    expect(s.value('C1')).toBe(12);
    expect(s.value('D1')).toBe(true);
    expect(s.formula('E1')).toBeNull();
    expect(s.value('E1')).toBe('=1+1');
  });

  test('an unbalanced formula is refused', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').formulas = [['=SUM(A2:A3']];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });

  test('formulas read back the text of a formula-looking string without its apostrophe (like Excel)', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [[{ text: '=A1' }, { formula: 'SUM(1,2)', value: 3 }]] }]);
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.load('values,formulas,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['=A1', 3]]);
      expect(r.formulas).toEqual([['=A1', '=SUM(1,2)']]);
      expect(r.valueTypes).toEqual([['String', 'Double']]);
    });
  });
});

describe('sheets and names', () => {
  const bad = ['x'.repeat(32), 'a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', "'quoted", "quoted'", 'History', ''];
  test.each(bad)('the sheet name %j is refused', async (name) => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    expect(fake.sheetNames()).toEqual(['S']);
  });

  test('sheet names are unique case-insensitively; 31 characters are fine', async () => {
    const fake = createFakeExcel([{ name: 'Analisis Gap' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.add('analisis gap');
        await ctx.sync();
      }),
      'ItemAlreadyExists',
    );
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['Analisis Gap', 'x'.repeat(31)]);
  });

  test('defined names: no cell-like names, no duplicates with tables, #REF! after the sheet goes', async () => {
    const fake = createFakeExcel([{ name: 'S' }, { name: 'T' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.names.add('AB12', ctx.workbook.worksheets.getItem('S').getRange('A1'));
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    await run(fake, async (ctx) => {
      ctx.workbook.names.add('Marker', ctx.workbook.worksheets.getItem('T').getRange('A1'));
      await ctx.sync();
    });
    expect(fake.definedNames()).toEqual([{ name: 'Marker', refersTo: 'T!$A$1', comment: '' }]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('T').delete();
      const n = ctx.workbook.names.getItem('marker');
      n.load('type,value');
      await ctx.sync();
      expect(n.type).toBe('Error');
      expect(n.value).toBe('#REF!');
    });
  });

  test('names a workbook starts with: checked like Excel; workbook.names lists the workbook-scoped ones only', async () => {
    const sheets = [{ name: 'Analisis Gap' }, { name: 'Data' }];
    expect(() => createFakeExcel(sheets, { names: [{ name: 'R1C1', refersTo: 'Data!$A$1' }] })).toThrow(FakeExcelError);
    expect(() => createFakeExcel(sheets, { names: [{ name: 'Penanda', refersTo: '$A$1' }] })).toThrow(/sheet-qualified/);
    expect(() => createFakeExcel(sheets, { names: [{ name: 'Penanda', refersTo: 'Hilang!$A$1' }] })).toThrow(FakeExcelError);
    expect(() =>
      createFakeExcel(sheets, { names: [{ name: 'Penanda', refersTo: 'Data!$A$1' }, { name: 'PENANDA', refersTo: 'Data!$B$1' }] }),
    ).toThrow(/already exists/);
    // The same text may name a workbook-scoped and a worksheet-scoped item.
    const fake = createFakeExcel(sheets, {
      names: [
        { name: 'Penanda', refersTo: "'Analisis Gap'!$A$1" },
        { name: 'Penanda', refersTo: 'Data!$A$1', scope: 'Data' },
      ],
    });
    expect(fake.definedNames()).toEqual([
      { name: 'Penanda', refersTo: "'Analisis Gap'!$A$1", comment: '' },
      { name: 'Penanda', refersTo: 'Data!$A$1', comment: '', scope: 'Data' },
    ]);
    await run(fake, async (ctx) => {
      const names = ctx.workbook.names;
      names.load('items/name,items/scope,items/value');
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.scope, n.value])).toEqual([['Penanda', 'Workbook', "'Analisis Gap'!$A$1"]]);
    });
    // A worksheet-scoped name goes with its sheet; a workbook name referring to a deleted sheet stays as #REF!.
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').delete();
      await ctx.sync();
    });
    expect(fake.definedNames()).toEqual([{ name: 'Penanda', refersTo: "'Analisis Gap'!$A$1", comment: '' }]);
  });

  test('the last visible sheet cannot be deleted', async () => {
    const fake = createFakeExcel([{ name: 'S' }, { name: 'H', visibility: 'Hidden' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').delete();
        await ctx.sync();
      }),
      'InvalidOperation',
    );
  });
});

describe('used range and merges', () => {
  test('getUsedRange of an empty sheet is A1; getUsedRangeOrNullObject is a null object', async () => {
    const fake = createFakeExcel([{ name: 'E' }]);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('E');
      const used = ws.getUsedRange();
      used.load('address');
      const orNull = ws.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(used.address).toBe('E!A1');
      expect(orNull.isNullObject).toBe(true);
    });
  });

  test('merged areas whose top-left cell is inside the range', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [['t']], merges: ['A1:C1', 'B3:B5'] }]);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const all = ws.getRange().getMergedAreasOrNullObject();
      all.load('address,areaCount');
      const none = ws.getRange('D1:F9').getMergedAreasOrNullObject();
      await ctx.sync();
      expect(all.address).toBe('S!A1:C1,S!B3:B5');
      expect(all.areaCount).toBe(2);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('a table cannot overlap merged cells', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [['a', 'b']], merges: ['A1:B1'] }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').tables.add('A1:B3', true);
        await ctx.sync();
      }),
      'InvalidOperation',
    );
  });
});

describe('validations, conditional formats, charts', () => {
  test('a validation prompt title over 32 characters is refused', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem('S').getRange('A1:A5').dataValidation;
        dv.rule = { decimal: { formula1: 1, formula2: 5, operator: 'Between' } };
        dv.prompt = { showPrompt: true, title: 'x'.repeat(33), message: 'm' };
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });

  test('validation and conditional-format operators come from their own enums', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqual' as never } };
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    await expectCode(
      run(fake, async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem('S').getRange('A1:A3').conditionalFormats.add('CellValue' as never);
        cf.cellValue.rule = { formula1: '=1', operator: 'GreaterThanOrEqualTo' as never };
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });

  test('writing through the sub-object of another conditional-format type fails', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    await expectCode(
      run(fake, async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem('S').getRange('A1:A3').conditionalFormats.add('DataBar' as never);
        cf.colorScale.criteria = { minimum: { type: 'LowestValue' as never, color: '#FF0000' }, maximum: { type: 'HighestValue' as never, color: '#00FF00' } };
        await ctx.sync();
      }),
      'InvalidOperation',
    );
  });

  test('an unknown chart type is refused', async () => {
    const fake = createFakeExcel([{ name: 'S', cells: [[1], [2]] }]);
    await expectCode(
      run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.charts.add('Spider' as never, ws.getRange('A1:A2'), 'Columns');
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });
});

describe('page layout, chart axes and series formats', () => {
  const withSheet = (apiVersion?: string) => createFakeExcel([{ name: 'S', cells: [[1], [2]] }], apiVersion ? { apiVersion } : {});

  test('zoom is one object: a scale of 10–400 or whole pages to fit, never both; reading it needs a load', async () => {
    for (const zoom of [{ scale: 5 }, { scale: 100, horizontalFitToPages: 1 }, { horizontalFitToPages: 0 }, { horizontalFitToPages: 1.5 }, {}]) {
      await expectCode(
        run(withSheet(), async (ctx) => {
          ctx.workbook.worksheets.getItem('S').pageLayout.zoom = zoom;
          await ctx.sync();
        }),
        'InvalidArgument',
      );
    }
    const fake = withSheet();
    await run(fake, async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem('S').pageLayout;
      pl.zoom = { horizontalFitToPages: 1 };
      pl.orientation = 'Landscape';
      pl.paperSize = 'A4';
      await ctx.sync();
      const fresh = ctx.workbook.worksheets.getItem('S').pageLayout;
      expect(() => fresh.zoom).toThrow(/PropertyNotLoaded/);
      fresh.load('zoom,orientation');
      await ctx.sync();
      expect(fresh.zoom).toEqual({ horizontalFitToPages: 1 });
      expect(fresh.orientation).toBe('Landscape');
    });
    expect(fake.sheet('S')!.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
  });

  test('orientation and paper size come from their enums; print titles are whole rows; header/footer sections ≤ 255 characters', async () => {
    const bad: Array<(pl: Excel.PageLayout, ws: Excel.Worksheet) => void> = [
      (pl) => (pl.orientation = 'landscape' as never),
      (pl) => (pl.paperSize = 'A9' as never),
      (pl) => pl.setPrintTitleRows('A14:N14'),
      (pl, ws) => pl.setPrintTitleRows(ws.getRange('A14:N14')),
      (pl) => ((pl.headersFooters.defaultForAllPages as unknown as Record<string, string>).centerFooter = 'x'.repeat(256)),
    ];
    for (const f of bad) {
      await expectCode(
        run(withSheet(), async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          f(ws.pageLayout, ws);
          await ctx.sync();
        }),
        'InvalidArgument',
      );
    }
    const fake = withSheet();
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.pageLayout.setPrintTitleRows('$14:$15');
      ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = 'Halaman &P dari &N';
      await ctx.sync();
    });
    expect(fake.sheet('S')!.pageLayout).toMatchObject({ printTitleRows: '$14:$15', headersFooters: { rightFooter: 'Halaman &P dari &N' } });
  });

  test('page layout needs ExcelApi 1.9', async () => {
    await expectCode(
      run(withSheet('1.8'), async (ctx) => {
        ctx.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
        await ctx.sync();
      }),
      'ApiNotFound',
    );
  });

  test('axis bounds are numbers with the minimum below the maximum; axis position and series colours are checked', async () => {
    const bad: Array<(c: Excel.Chart) => void> = [
      (c) => {
        c.axes.valueAxis.maximum = 5;
        c.axes.valueAxis.minimum = 5;
      },
      (c) => (c.axes.valueAxis.majorUnit = 0),
      (c) => (c.axes.valueAxis.minimum = '0' as never),
      (c) => (c.axes.categoryAxis.position = 'Bottom' as never),
      (c) => c.series.getItemAt(0).format.fill.setSolidColor('blue-ish'),
      (c) => (c.series.getItemAt(0).format.line.color = '#12345'),
    ];
    for (const f of bad) {
      await expectCode(
        run(withSheet(), async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          f(ws.charts.add('BarClustered' as Excel.ChartType, ws.getRange('A1:A2'), 'Columns'));
          await ctx.sync();
        }),
        'InvalidArgument',
      );
    }
  });
});

describe('sync failures, payloads, events', () => {
  test('an injected failure applies the operations before it and none after', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    fake.failOnSync(1, { afterOperations: 2 });
    await expectCode(
      run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S'); // op 1 (materialise)
        ws.getRange('A1').values = [[1]]; // ops 2-3
        ws.getRange('A2').values = [[2]]; // ops 4-5
        await ctx.sync();
      }),
      'GeneralException',
    );
    // Range A1 was materialised (op 2) but its value (op 3) was not written.
    expect(fake.sheet('S')!.value('A1')).toBeNull();
    expect(fake.syncLog[0].failed).toBe('GeneralException');
  });

  test('a request over the payload limit is refused before anything is applied', async () => {
    const fake = createFakeExcel([{ name: 'S' }], { requestLimit: 10_000 });
    await expectCode(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A1000').values = Array.from({ length: 1000 }, () => ['some text here']);
        await ctx.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
    expect(fake.sheet('S')!.values()).toEqual([]);
  });

  test('onChanged handlers hear API writes and user edits, until removed', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    const heard: Array<{ address: string; triggerSource: string }> = [];
    const reg = await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(async (args) => {
        heard.push({ address: args.address, triggerSource: args.triggerSource });
      });
      await ctx.sync();
      return r;
    });
    fake.userEdit('S', 'C3', '4');
    await new Promise((r) => setTimeout(r, 5));
    expect(heard).toEqual([{ address: 'C3', triggerSource: 'Unknown' }]);
    expect(fake.sheet('S')!.value('C3')).toBe(4);
    await fake.run(reg.context, (async (ctx: Ctx) => {
      reg.remove();
      await ctx.sync();
    }) as never);
    expect(fake.handlerCount()).toBe(0);
    fake.userEdit('S', 'C4', '5');
    await new Promise((r) => setTimeout(r, 5));
    expect(heard).toHaveLength(1);
  });
});
