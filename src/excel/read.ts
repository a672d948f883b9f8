/**
 * Reading the open workbook as grids, in two `context.sync()` calls for any number of sheets:
 *
 *   sync 1 — the sheet list (names, visibility) and our marker name (GAP_SHEET_MARKER);
 *   sync 2 — for every sheet at once: the used range (values only: address, values, formulas,
 *            value types), its merged areas, and whether each of the first columns is hidden.
 *
 * Excel on the web refuses a request or response above 5 MB. When the second sync fails for that
 * reason (a huge workbook), the reader falls back to loading the used-range sizes first and then
 * the cells in row bands that fit the budget, halving a band that is still too big. That path
 * costs more syncs but stays correct.
 *
 * Hidden columns: Excel has no per-column "hidden" list, only `columnHidden` of a range, so the
 * reader asks each of the first `hiddenColumnScan` columns (A..BL by default) in the same sync.
 * Hidden columns further right are not reported. Hidden rows are not reported.
 *
 * The gap sheet this tool wrote earlier (the sheet whose A1 the workbook-scoped defined name
 * GAP_SHEET_MARKER refers to, however the user renamed it) is left out: it is never an assessment.
 *
 * Formulas: `Range.formulas` gives the text of a constant for non-formula cells and drops the
 * apostrophe of text such as '=HYPERLINK(…) (office-js issue 6687), so a cell counts as a formula
 * only when its formula text starts with "=" AND differs from its value.
 */
import type { CellRange, CellValue, Grid } from '../core/types';
import { GAP_SHEET_MARKER, markedSheet } from '../core/gap-sheet';
import { columnLetter } from '../core/address';
import { parseAreas } from './a1';
import { markerReference } from './names';
import { SyncCounter, isPayloadError } from './sync';

export interface ReadOptions {
  /** True when the host supports this ExcelApi requirement set (e.g. "1.13" for merged areas). */
  readonly isApiSupported: (version: string) => boolean;
  /** Columns checked for being hidden, from A. Default 64. */
  readonly hiddenColumnScan?: number;
  /** Response budget in bytes per sync for the fallback path. Default 4 MB. */
  readonly responseBudget?: number;
}

interface UsedData {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly valueTypes: string[][];
}

interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  used: UsedData | null;
  merges: CellRange[];
  hiddenColumns: number[];
}

/** Reads every sheet of the workbook (in tab order) as a Grid with absolute origin, except our gap sheet. */
export async function readGrids(context: Excel.RequestContext, counter: SyncCounter, options: ReadOptions): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const marker = context.workbook.names.getItemOrNullObject(GAP_SHEET_MARKER);
  marker.load('type,value');
  await counter.counted(context.sync());
  const gapSheet = markedSheet(markerReference(marker), sheets.items.map((ws) => ws.name));
  const infos: SheetInfo[] = sheets.items
    .filter((ws) => ws.name !== gapSheet)
    .map((ws) => ({
      name: ws.name,
      hidden: ws.visibility !== 'Visible',
      used: null,
      merges: [],
      hiddenColumns: [],
    }));
  try {
    await readAllAtOnce(context, counter, infos, options);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    await readInBands(context, counter, infos, options);
  }
  return infos.map(toGrid);
}

/** The merged areas and column ranges asked for one sheet, read after the sync by takeExtras. */
interface Extras {
  readonly info: SheetInfo;
  readonly merged: Excel.RangeAreas | null;
  readonly columns: Excel.Range[];
}

function queueExtras(ws: Excel.Worksheet, info: SheetInfo, options: ReadOptions): Extras {
  // The used range including formats covers every merged area (and is A1, not a null object, on an empty sheet).
  const merged = options.isApiSupported('1.13') ? ws.getUsedRange(false).getMergedAreasOrNullObject() : null;
  if (merged) merged.load('address');
  const scan = options.hiddenColumnScan ?? 64;
  const columns: Excel.Range[] = [];
  for (let c = 0; c < scan; c++) {
    const L = columnLetter(c);
    const col = ws.getRange(`${L}:${L}`);
    col.load('columnHidden');
    columns.push(col);
  }
  return { info, merged, columns };
}

/** After the sync that loaded them: the sheet's merges and hidden columns. */
function takeExtras({ info, merged, columns }: Extras): void {
  info.merges = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
  info.hiddenColumns = columns.flatMap((col, c) => (col.columnHidden === true ? [c] : []));
}

async function readAllAtOnce(context: Excel.RequestContext, counter: SyncCounter, infos: SheetInfo[], options: ReadOptions): Promise<void> {
  const queued = infos.map((info) => {
    const ws = context.workbook.worksheets.getItem(info.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,values,formulas,valueTypes');
    return { used, extras: queueExtras(ws, info, options) };
  });
  await counter.counted(context.sync());
  for (const { used, extras } of queued) {
    extras.info.used = used.isNullObject
      ? null
      : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values, formulas: used.formulas, valueTypes: used.valueTypes as string[][] };
    takeExtras(extras);
  }
}

interface Band {
  readonly info: SheetInfo;
  readonly start: number;
  readonly count: number;
}

async function readInBands(context: Excel.RequestContext, counter: SyncCounter, infos: SheetInfo[], options: ReadOptions): Promise<void> {
  // Sizes first (small), with the merges and hidden columns.
  const dims = infos.map((info) => {
    const ws = context.workbook.worksheets.getItem(info.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { info, used, extras: queueExtras(ws, info, options) };
  });
  await counter.counted(context.sync());
  dims.forEach(({ extras }) => takeExtras(extras));

  const budget = options.responseBudget ?? 4_000_000;
  const BYTES_PER_CELL = 120; // value + formula + type, JSON, typical text
  const bands: Band[] = [];
  const shapes = new Map<SheetInfo, { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }>();
  for (const { info, used } of dims) {
    if (used.isNullObject) continue;
    const shape = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
    shapes.set(info, shape);
    info.used = { rowIndex: shape.rowIndex, columnIndex: shape.columnIndex, values: [], formulas: [], valueTypes: [] };
    const rowsPerBand = Math.max(1, Math.floor(budget / BYTES_PER_CELL / Math.max(1, shape.columnCount)));
    for (let start = 0; start < shape.rowCount; start += rowsPerBand) {
      bands.push({ info, start, count: Math.min(rowsPerBand, shape.rowCount - start) });
    }
  }
  const results = new Map<Band, UsedData>();
  let pending = bands;
  let limit = budget;
  while (pending.length > 0) {
    // Pack bands into one sync up to the (current) budget.
    const batch: Band[] = [];
    let bytes = 0;
    for (const b of pending) {
      const cost = b.count * (shapes.get(b.info)?.columnCount ?? 1) * BYTES_PER_CELL;
      if (batch.length > 0 && bytes + cost > limit) break;
      batch.push(b);
      bytes += cost;
    }
    const ranges = batch.map((b) => {
      const shape = shapes.get(b.info)!;
      const r = context.workbook.worksheets.getItem(b.info.name).getRangeByIndexes(shape.rowIndex + b.start, shape.columnIndex, b.count, shape.columnCount);
      r.load('values,formulas,valueTypes');
      return r;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- fallback for a workbook over the 5 MB response limit: each pass is one budget-sized batch of row bands (the loop ends when every band is read)
      await counter.counted(context.sync());
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length === 1 && batch[0].count === 1) throw e; // a single row is already too big
      // Still too big: halve the budget and the bands, and try again.
      limit = Math.max(1, Math.floor(limit / 2));
      pending = [...batch.flatMap(split), ...pending.slice(batch.length)];
      continue;
    }
    batch.forEach((b, i) => {
      const r = ranges[i];
      results.set(b, { rowIndex: 0, columnIndex: 0, values: r.values, formulas: r.formulas, valueTypes: r.valueTypes as string[][] });
    });
    pending = pending.slice(batch.length);
  }
  // Stitch the bands back together in row order.
  for (const info of infos) {
    if (!info.used) continue;
    const own = [...results.entries()].filter(([b]) => b.info === info).sort((x, y) => x[0].start - y[0].start);
    info.used = {
      rowIndex: info.used.rowIndex,
      columnIndex: info.used.columnIndex,
      values: own.flatMap(([, d]) => d.values),
      formulas: own.flatMap(([, d]) => d.formulas),
      valueTypes: own.flatMap(([, d]) => d.valueTypes),
    };
  }
}

function split(b: Band): Band[] {
  if (b.count === 1) return [b];
  const half = Math.ceil(b.count / 2);
  return [
    { info: b.info, start: b.start, count: half },
    { info: b.info, start: b.start + half, count: b.count - half },
  ];
}

/** One cell as the core wants it: null when empty, {error} for an error, else the constant/result. */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (type === 'Empty') return null;
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** The formula text of a cell, or null for a constant (see the module comment). */
export function toFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== 'string' || formula.length < 2 || !formula.startsWith('=')) return null;
  if (typeof value === 'string' && value === formula) return null; // text that looks like a formula
  return formula;
}

function toGrid(info: SheetInfo): Grid {
  const base = {
    name: info.name,
    merges: info.merges,
    hiddenColumns: info.hiddenColumns,
    hidden: info.hidden,
  };
  const used = info.used;
  if (!used) return { ...base, values: [], origin: { row: 0, col: 0 } };
  let anyFormula = false;
  const values = used.values.map((row, r) => row.map((v, c) => toCellValue(v, used.valueTypes[r]?.[c])));
  const formulas = used.formulas.map((row, r) =>
    row.map((f, c) => {
      const text = toFormula(f, used.values[r]?.[c]);
      if (text !== null) anyFormula = true;
      return text;
    }),
  );
  return {
    ...base,
    values,
    ...(anyFormula ? { formulas } : {}),
    origin: { row: used.rowIndex, col: used.columnIndex },
  };
}
