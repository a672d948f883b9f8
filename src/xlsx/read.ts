/**
 * The exceljs side of the xlsx adapter: loading a workbook into exceljs (what the gap command and the browser page
 * still write through) and converting exceljs worksheets to `Grid`s.
 *
 * READING a workbook for an assessment does not come here: `readWorkbookGrids` (re-exported below) is the reader
 * made for our job in ./ooxml/read-workbook.ts, which never loads exceljs. The conversion kept here is the reference
 * it is proven against (test/xlsx/reader-equality.test.ts runs both over every workbook the tests build and
 * the examples): `readWorkbookGridsWithExceljs` = `loadWorkbook` + `workbookToGrids`. It converts exceljs cells
 * in one pass per sheet:
 * - numbers, text, booleans as they are; rich text -> its plain text; hyperlinks -> their text;
 * - formula cells (plain, shared or array) -> their cached result, and the formula ("=SUM(F7:F12)") in `formulas`;
 *   a formula without a cached result is null (the workbook was never calculated);
 * - error values -> { error: '#N/A' };
 * - dates -> Excel serial numbers (1900 or 1904 date system, as the workbook says);
 * - merged areas -> `merges`; only the top-left cell of a merge carries the value (as in Excel and Office.js);
 * - hidden columns and rows -> `hiddenColumns`/`hiddenRows` (zero-based), hidden sheets -> `hidden: true`.
 *
 * Anything that is not a readable xlsx workbook (an empty file, an old .xls, an encrypted workbook, an .ods or .xlsb,
 * a CSV or other text file, a damaged or truncated archive) throws a `WorkbookReadError` carrying a stable
 * reason; callers turn it into a message in the user's language (see `unreadableMessage` in src/core/report.ts).
 */
import { Workbook } from 'exceljs';
import type { CellRange, CellValue, Grid } from '../core/types';
import { WorkbookReadError } from './errors';
import { GAP_SHEET_MARKER, markedSheet } from '../core/gap-names';
import { sniffWorkbook, toBytes } from './sniff';

export type { UnreadableReason } from '../core/report';

export { WorkbookReadError, isWorkbookReadError } from './errors';
export { sniffWorkbook } from './sniff';
/** The reader every caller uses (no exceljs): see ./ooxml/read-workbook.ts. */
export { readWorkbookGrids, readWorkbookGridsSync } from './ooxml/read-workbook';

// ---------------------------------------------------------------------------------------------
// Converting exceljs cells
// ---------------------------------------------------------------------------------------------

/** exceljs ValueType numbers (a const enum in its typings; repeated here so nothing depends on enum emit). */
const T_NULL = 0;
const T_MERGE = 1;
const T_FORMULA = 6;

const MS_PER_DAY = 86400000;

function dateToSerial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return 25569 + t / MS_PER_DAY - (date1904 ? 1462 : 0);
}

function richTextToString(rich: ReadonlyArray<{ text?: unknown }>): string {
  let s = '';
  for (let i = 0; i < rich.length; i++) {
    const t = rich[i] && rich[i].text;
    if (typeof t === 'string') s += t;
  }
  return s;
}

/** Converts a raw exceljs value (of any cell type, or a formula result) to a CellValue. */
function convert(v: unknown, date1904: boolean): CellValue {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
      return v;
    case 'boolean':
      return v;
    case 'undefined':
      return null;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Date) return dateToSerial(v, date1904);
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      if (Array.isArray(o.richText)) return richTextToString(o.richText as Array<{ text?: unknown }>);
      if ('formula' in o || 'sharedFormula' in o || 'result' in o) return convert(o.result, date1904);
      if ('text' in o) return convert(o.text, date1904); // hyperlink: { text, hyperlink }; text may be rich text
      return null;
    }
    default:
      return null;
  }
}

/** The parts of exceljs objects this adapter uses (some are not in its public typings). */
interface XCell {
  readonly type: number;
  readonly value: unknown;
  readonly formula?: string;
  readonly col?: number;
}
interface XRow {
  readonly number: number;
  readonly hidden?: boolean;
  readonly _cells?: ReadonlyArray<XCell | undefined>;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: XCell, col: number) => void): void;
}
interface XRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface XColumn {
  readonly number: number;
  readonly hidden?: boolean;
}
interface XSheet {
  readonly name: string;
  readonly state?: string;
  readonly _rows?: ReadonlyArray<XRow | undefined>;
  readonly _merges?: Readonly<Record<string, XRange>>;
  readonly _columns?: ReadonlyArray<XColumn> | null;
  eachRow(opts: { includeEmpty: boolean }, cb: (row: XRow, rowNumber: number) => void): void;
}

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]) as ReadonlyArray<CellValue>;

/** Converts one exceljs worksheet to a Grid. Exported for the browser host, which loads workbooks itself. */
export function worksheetToGrid(sheet: unknown, date1904 = false): Grid {
  const ws = sheet as XSheet;
  const values: Array<ReadonlyArray<CellValue>> = [];
  const formulas: Array<Array<string | null> | null> = [];
  let hasFormulas = false;
  const hiddenRows: number[] = [];
  let width = 0;

  const visitRow = (row: XRow, rowNumber: number): void => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    let cells = row._cells;
    if (!cells) {
      const collected: XCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        collected[col - 1] = cell;
      });
      cells = collected;
    }
    let out: CellValue[] | null = null;
    let last = -1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const type = cell.type;
      if (type === T_NULL || type === T_MERGE) continue;
      const value = convert(cell.value, date1904);
      if (type === T_FORMULA) {
        const f = cell.formula;
        if (f) {
          while (formulas.length <= r) formulas.push(null);
          let fr = formulas[r];
          if (!fr) fr = formulas[r] = [];
          while (fr.length < c) fr.push(null);
          fr[c] = f.charCodeAt(0) === 61 /* = */ ? f : '=' + f;
          hasFormulas = true;
        }
      }
      if (value === null) continue;
      if (out === null) out = [];
      while (out.length < c) out.push(null);
      out[c] = value;
      last = c;
    }
    if (out !== null && last >= 0) {
      while (values.length < r) values.push(EMPTY_ROW);
      values[r] = out;
      if (last + 1 > width) width = last + 1;
    }
  };

  if (ws._rows) {
    const rows = ws._rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row) visitRow(row, i + 1);
    }
  } else {
    ws.eachRow({ includeEmpty: false }, visitRow);
  }

  const merges: CellRange[] = [];
  const mergeMap = ws._merges;
  if (mergeMap) {
    for (const key of Object.keys(mergeMap)) {
      const m = mergeMap[key];
      if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    for (const m of merges) if (m.right + 1 > width) width = m.right + 1;
  }

  const hiddenColumns: number[] = [];
  const columns = ws._columns;
  if (columns) {
    // A hidden <col> definition often runs to column XFD; only columns that can hold data matter.
    const limit = Math.min(columns.length, Math.max(width, 1) + 64);
    for (let i = 0; i < limit; i++) {
      const col = columns[i];
      if (col && col.hidden) hiddenColumns.push(col.number - 1);
    }
  }

  let formulaGrid: Array<ReadonlyArray<string | null>> | undefined;
  if (hasFormulas) {
    formulaGrid = new Array(formulas.length);
    for (let i = 0; i < formulas.length; i++) formulaGrid[i] = formulas[i] ?? (EMPTY_ROW as ReadonlyArray<null>);
  }

  const grid: {
    name: string;
    values: ReadonlyArray<ReadonlyArray<CellValue>>;
    origin: { row: number; col: number };
    formulas?: ReadonlyArray<ReadonlyArray<string | null>>;
    merges?: ReadonlyArray<CellRange>;
    hiddenColumns?: ReadonlyArray<number>;
    hiddenRows?: ReadonlyArray<number>;
    hidden?: boolean;
  } = { name: ws.name, values, origin: { row: 0, col: 0 } };
  if (formulaGrid) grid.formulas = formulaGrid;
  if (merges.length) grid.merges = merges;
  if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (ws.state && ws.state !== 'visible') grid.hidden = true;
  return grid;
}

/**
 * The gap sheet this tool wrote earlier: the sheet whose A1 the defined name `marker` (GAP_SHEET_MARKER) refers
 * to, by the same rule as the Excel adapter (`markedSheet` in src/core/gap-sheet.ts); null when there is none.
 * exceljs does not keep a defined name's scope, so a sheet-scoped name of that spelling counts too (the tool
 * itself only ever writes the workbook-scoped one).
 */
export function markedSheetName(workbook: Workbook, marker: string = GAP_SHEET_MARKER): string | null {
  const ranges = workbook.definedNames.getRanges(marker).ranges;
  if (ranges.length !== 1) return null;
  return markedSheet(ranges[0], workbook.worksheets.map((ws) => ws.name));
}

/**
 * Converts every worksheet of a loaded exceljs workbook, in tab order, except the gap sheet this tool wrote
 * earlier (`markedSheetName`): it is an output, never the assessment.
 */
export function workbookToGrids(workbook: Workbook): Grid[] {
  const date1904 = Boolean((workbook as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  const gapSheet = markedSheetName(workbook);
  const sheets = gapSheet === null ? workbook.worksheets : workbook.worksheets.filter((ws) => ws.name !== gapSheet);
  return sheets.map((ws) => worksheetToGrid(ws, date1904));
}

/**
 * Loads an exceljs Workbook from bytes, or throws a WorkbookReadError saying why it cannot be read.
 * (The gap command reuses it to write a copy of the same workbook.)
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const bytes = toBytes(data);
  const reason = sniffWorkbook(bytes);
  if (reason) throw new WorkbookReadError(reason);
  const workbook = new Workbook();
  try {
    // exceljs's typings ask for a Buffer; JSZip underneath takes any Uint8Array or ArrayBuffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw new WorkbookReadError('damaged', e instanceof Error ? e.message : String(e));
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError('no-sheets');
  return workbook;
}

/**
 * Reads every worksheet of an .xlsx workbook as a Grid (tab order) through exceljs: the reference the reader made
 * for our job is proven equal to (test/xlsx/reader-equality.test.ts). Throws WorkbookReadError for unreadable input.
 */
export async function readWorkbookGridsWithExceljs(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = await loadWorkbook(data);
  try {
    return workbookToGrids(workbook);
  } catch (e) {
    throw new WorkbookReadError('damaged', e instanceof Error ? e.message : String(e));
  }
}
