/**
 * Sync counts of a full read-and-write through the Excel adapter on the strict fake, for the bench
 * (scripts/bench-sections/45-excel-syncs.ts) and the pipeline test. Not a test file.
 */
import type { CellRange, Grid } from '../../src/core/types';
import type { SheetModel } from '../../src/core/sheet-model';
import { a1, rangeA1 } from '../../src/core/address';
import { createFakeExcel } from './fake-excel';
import type { FakeCellInput, FakeExcel, FakeSheetInit } from './fake-excel';
import { assessmentSheet, hostOn } from './fixtures';

/** Turns grids (e.g. read from an .xlsx with exceljs) into the fake's initial sheets. */
export function gridsToFakeSheets(grids: ReadonlyArray<Grid>): FakeSheetInit[] {
  return grids.map((g) => {
    const cells: FakeCellInput[][] = g.values.map((row, r) =>
      row.map((v, c): FakeCellInput => {
        const f = g.formulas?.[r]?.[c];
        const value = v !== null && typeof v === 'object' ? { error: v.error } : v;
        if (typeof f === 'string' && f.length > 1) return { formula: f.startsWith('=') ? f : `=${f}`, value };
        if (typeof value === 'string' && (value.startsWith('=') || value.startsWith("'"))) return { text: value };
        return value;
      }),
    );
    return {
      name: g.name,
      origin: a1(g.origin?.row ?? 0, g.origin?.col ?? 0),
      cells,
      merges: (g.merges ?? []).map((m: CellRange) => rangeA1(m)),
      hiddenColumns: g.hiddenColumns ?? [],
      hiddenRows: g.hiddenRows ?? [],
      visibility: g.hidden ? 'Hidden' : 'Visible',
    };
  });
}

export interface ExcelSyncReport {
  /** context.sync() calls of the change subscription made before the first read (0 when not following). */
  readonly subscribeSyncs: number;
  /** context.sync() calls to read the workbook (the adapter's count). */
  readonly readSyncs: number;
  /** context.sync() calls to re-read after the user edited one cell (null when no edit was asked for). */
  readonly reReadSyncs: number | null;
  /** context.sync() calls to write the gap sheet (probe included when there was one). */
  readonly writeSyncs: number;
  /** All syncs the fake saw (the sum of the above: Excel.run adds none). */
  readonly fakeSyncs: number;
  /** Largest request of any sync, in bytes (Excel on the web refuses > 5 MB). */
  readonly largestRequestBytes: number;
  readonly sheetName: string;
  readonly readMs: number;
  readonly writeMs: number;
  readonly fake: FakeExcel;
  readonly grids: Grid[];
}

export interface MeasureOptions {
  /** Follow the workbook as the pane does: subscribe to changes first, then read. */
  readonly follow?: boolean;
  /** After the first read, the user types this into a cell, and the workbook is read again. */
  readonly edit?: (read: Grid[]) => { readonly sheet: string; readonly cell: string; readonly value: string | number };
}

/**
 * Reads `grids` back through ExcelHost on a fake workbook (optionally following it, and re-reading after
 * an edit), builds the model from what was read, writes it.
 */
export async function measureExcelSyncs(grids: ReadonlyArray<Grid>, buildModel: (read: Grid[], fake: FakeExcel) => SheetModel, options: MeasureOptions = {}): Promise<ExcelSyncReport> {
  const fake = createFakeExcel(gridsToFakeSheets(grids));
  const host = hostOn(fake);
  const off = options.follow ? await host.onChange(() => undefined) : () => undefined;
  const subscribeSyncs = options.follow ? host.stats.lastSubscribe : 0;
  const t0 = performance.now();
  let read = await host.readGrids();
  const t1 = performance.now();
  const readSyncs = host.stats.lastRead;
  let reReadSyncs: number | null = null;
  if (options.edit) {
    const { sheet, cell, value } = options.edit(read);
    fake.userEdit(sheet, cell, value);
    await new Promise((r) => setTimeout(r, 2)); // the change event arrives asynchronously
    read = await host.readGrids();
    reReadSyncs = host.stats.lastRead;
  }
  const model = buildModel(read, fake);
  const t2 = performance.now();
  const result = await host.writeSheet(model);
  const t3 = performance.now();
  const fakeSyncs = fake.syncCount;
  const largestRequestBytes = Math.max(...fake.syncLog.map((s) => s.requestBytes));
  off();
  return {
    subscribeSyncs,
    readSyncs,
    reReadSyncs,
    writeSyncs: host.stats.lastWrite,
    fakeSyncs,
    largestRequestBytes,
    sheetName: result.sheetName,
    readMs: t1 - t0,
    writeMs: t3 - t2,
    fake,
    grids: read,
  };
}

/** A workbook of `n` sheets: the assessment sheet, then `n - 1` small sheets of `rows` rows (number, text, number, text). */
export function manySheets(n: number, rows: number, text = 'Dinas Komunikasi dan Informatika'): FakeSheetInit[] {
  const sheets: FakeSheetInit[] = [assessmentSheet()];
  for (let i = 1; i < n; i++) {
    sheets.push({ name: `Unit ${String(i).padStart(4, '0')}`, cells: Array.from({ length: rows }, (_, r) => [r + 1, `${text} ${i}`, (i + r) % 5, `catatan ${r}`]) });
  }
  return sheets;
}

export interface ManySheetsReport {
  readonly sheets: number;
  /** Not followed: the first read's syncs, refused syncs, largest request and response. */
  readonly firstRead: number;
  readonly refused: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly totalResponseBytes: number;
  /** Followed (as the pane): subscribe, first read, re-read after one edit, write. */
  readonly followed: { readonly subscribe: number; readonly read: number; readonly reRead: number; readonly write: number };
}

/** Sync counts of a workbook with many sheets, read cold and read while followed (subscription first). */
export async function measureManySheets(n: number, rows: number, model: SheetModel): Promise<ManySheetsReport> {
  const cold = createFakeExcel(manySheets(n, rows));
  const coldHost = hostOn(cold);
  await coldHost.readGrids();
  const log = cold.syncLog;
  const fake = createFakeExcel(manySheets(n, rows));
  const host = hostOn(fake);
  const off = await host.onChange(() => undefined);
  const subscribe = host.stats.lastSubscribe;
  await host.readGrids();
  const read = host.stats.lastRead;
  fake.userEdit('Unit 0001', 'C1', 4);
  await new Promise((r) => setTimeout(r, 2));
  await host.readGrids();
  const reRead = host.stats.lastRead;
  await host.writeSheet(model);
  off();
  return {
    sheets: n,
    firstRead: coldHost.stats.lastRead,
    refused: log.filter((s) => s.failed !== null).length,
    largestRequestBytes: Math.max(...log.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(...log.map((s) => s.responseBytes)),
    totalResponseBytes: log.reduce((t, s) => t + s.responseBytes, 0),
    followed: { subscribe, read, reRead, write: host.stats.lastWrite },
  };
}
