/**
 * The xlsx reading adapter: the bytes of an .xlsx workbook -> the core's `Grid`s (one per worksheet, tab order).
 *
 * Runs in Node and in the browser (no file system here; see read-file.ts for paths). exceljs does the
 * unzipping and XML parsing; this module converts its cells in one pass per sheet:
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
import type { UnreadableReason } from '../core/report';
import { WorkbookReadError } from './errors';
import { GAP_SHEET_MARKER, markedSheet } from '../core/gap-sheet';

export type { UnreadableReason } from '../core/report';

export { WorkbookReadError, isWorkbookReadError } from './errors';

// ---------------------------------------------------------------------------------------------
// Recognising what the bytes are before exceljs sees them
// ---------------------------------------------------------------------------------------------

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: ReadonlyArray<number>): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Finds an ASCII name written in UTF-16LE (as OLE directory entries are) in the first `limit` bytes. */
function containsUtf16(bytes: Uint8Array, name: string, limit = bytes.length): boolean {
  const n = name.length;
  const end = Math.min(bytes.length, limit) - 2 * n;
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < n; j++) {
      if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Finds an ASCII string in the last `tail` bytes (a zip's central directory, which names every entry, is at the end). */
function containsAscii(bytes: Uint8Array, name: string, tail = 1 << 18): boolean {
  const n = name.length;
  const first = name.charCodeAt(0);
  const last = bytes.length - n;
  for (let i = bytes.indexOf(first, Math.max(0, bytes.length - tail)); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === name.charCodeAt(j)) j++;
    if (j === n) return true;
  }
  return false;
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** True when the first kilobytes look like text (CSV, TSV, HTML, XML ...) rather than binary data. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n < 0.02;
}

/**
 * Classifies bytes that are not a zip archive, or throws nothing when they may be an xlsx.
 * Exported for tests and for the browser, which wants to say why before loading.
 */
export function sniffWorkbook(bytes: Uint8Array): UnreadableReason | null {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE_MAGIC)) {
    // An OLE compound file: an encrypted OOXML workbook (EncryptionInfo + EncryptedPackage streams) or a legacy .xls.
    return containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'xls';
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // PK\3\4 (local file header) or PK\5\6 (empty archive): a zip. ODF files start with an uncompressed "mimetype" entry.
    if (bytes[2] === 0x03 && bytes[3] === 0x04 && asciiAt(bytes, 30, 8) === 'mimetype' && /opendocument/.test(asciiAt(bytes, 38, 60))) return 'ods';
    if ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06)) return containsAscii(bytes, 'xl/workbook.bin') ? 'xlsb' : null;
    return 'damaged';
  }
  // UTF-16 text (Excel's "Unicode Text" export) starts with a byte-order mark.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'text';
  return looksLikeText(bytes) ? 'text' : 'not-xlsx';
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

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

/** Reads every worksheet of an .xlsx workbook as a Grid (tab order). Throws WorkbookReadError for unreadable input. */
export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = await loadWorkbook(data);
  try {
    return workbookToGrids(workbook);
  } catch (e) {
    throw new WorkbookReadError('damaged', e instanceof Error ? e.message : String(e));
  }
}
