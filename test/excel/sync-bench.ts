/**
 * Sync counts of a full read-and-write through the Excel adapter on the strict fake, for the bench
 * (scripts/bench-sections/45-excel-syncs.ts) and the pipeline test. Not a test file.
 */
import type { CellRange, Grid } from '../../src/core/types';
import type { SheetModel } from '../../src/core/sheet-model';
import { a1, rangeA1 } from '../../src/core/address';
import { createFakeExcel } from './fake-excel';
import type { FakeCellInput, FakeExcel, FakeSheetInit } from './fake-excel';
import { hostOn } from './fixtures';

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
  /** context.sync() calls to read the workbook (the adapter's count). */
  readonly readSyncs: number;
  /** context.sync() calls to write the gap sheet (probe included). */
  readonly writeSyncs: number;
  /** All syncs the fake saw (must equal readSyncs + writeSyncs: Excel.run adds none). */
  readonly fakeSyncs: number;
  /** Largest request of any sync, in bytes (Excel on the web refuses > 5 MB). */
  readonly largestRequestBytes: number;
  readonly sheetName: string;
  readonly readMs: number;
  readonly writeMs: number;
  readonly fake: FakeExcel;
  readonly grids: Grid[];
}

/** Reads `grids` back through ExcelHost on a fake workbook, builds the model from what was read, writes it. */
export async function measureExcelSyncs(grids: ReadonlyArray<Grid>, buildModel: (read: Grid[], fake: FakeExcel) => SheetModel): Promise<ExcelSyncReport> {
  const fake = createFakeExcel(gridsToFakeSheets(grids));
  const host = hostOn(fake);
  const t0 = performance.now();
  const read = await host.readGrids();
  const t1 = performance.now();
  const model = buildModel(read, fake);
  const t2 = performance.now();
  const result = await host.writeSheet(model);
  const t3 = performance.now();
  return {
    readSyncs: host.stats.lastRead,
    writeSyncs: host.stats.lastWrite,
    fakeSyncs: fake.syncCount,
    largestRequestBytes: Math.max(...fake.syncLog.map((s) => s.requestBytes)),
    sheetName: result.sheetName,
    readMs: t1 - t0,
    writeMs: t3 - t2,
    fake,
    grids: read,
  };
}
