/**
 * One worksheet part (`xl/worksheets/sheetN.xml`) -> the values, formulas, merges and hidden rows and columns of a
 * `Grid`, as the sheet XML streams past. What the cells hold:
 * - numbers as the XML writes them (`parseFloat` of the text: "1.3333333333333333" is the same double as before);
 *   in a cell whose format is a date, the Excel serial rounded to the millisecond (as a date goes through a `Date`);
 * - shared strings (filled in later: see read-workbook.ts), inline strings, rich text as its plain text; `_x000D_`
 *   escapes undone;
 * - booleans; error values as `{ error: '#N/A' }`; `t="d"` ISO dates as serials;
 * - formulas as their cached result, with the formula text ("=SUM(F7:F12)") in `formulas`; a shared formula's
 *   text is the master's, moved to the cell (shared-formula.ts); an array formula's text is on its first cell. A
 *   formula without a cached result (a workbook never calculated) has a null value and its formula, so it stays
 *   distinguishable from an empty cell; a text formula whose result is "" gives "".
 * Empty cells (also styled ones, and whole rows of them) are never materialised. Only the top-left cell of a merged
 * area keeps its value (as in Excel and Office.js).
 *
 * Memory is bounded by what is kept, not by the sheet: after `maxRows` rows with content (or `maxCells` cells) the
 * rest of the sheet's rows are skipped unread, and the grid says so (`truncated`).
 */
import type { CellRange, CellValue, ErrorValue, Grid } from '../../core/types';
import type { XmlHandler, XmlScanner } from './xml-scan';
import { unescapeXstring } from './parts';
import { columnNumber, slideFormula } from './shared-formula';

export interface SheetLimits {
  /** Rows with content kept per sheet; the rest of the sheet is not read. */
  readonly maxRows: number;
  /** Cells with content kept per sheet (checked at the end of each row). */
  readonly maxCells: number;
}

export interface SheetOptions {
  readonly date1904: boolean;
  /** Per cell format index: numbers in it are dates. */
  readonly dateStyles: ReadonlyArray<boolean>;
  readonly limits: SheetLimits;
}

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]) as ReadonlyArray<CellValue>;
const ROW_ATTRS = ['r', 'hidden'];
const CELL_ATTRS = ['r', 't', 's'];
const FORMULA_ATTRS = ['t', 'ref', 'si'];

/** A number in a date-formatted cell, as it comes back from a JS Date (millisecond precision), or null past Date's range. */
export function dateSerial(v: number, date1904: boolean): number | null {
  const offset = date1904 ? 1462 : 0;
  const t = new Date(Math.round((v - 25569 + offset) * 24 * 3600 * 1000)).getTime();
  if (Number.isNaN(t)) return null;
  return 25569 + t / 86400000 - offset;
}

/** An ISO 8601 date-time (`t="d"` cells) as an Excel serial in the workbook's date system, or null. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, 0) + (m[6] ? Math.round(parseFloat(m[6]) * 1000) : 0);
  if (!Number.isFinite(ms)) return null;
  return 25569 + ms / 86400000 - (date1904 ? 1462 : 0);
}

/** "B2:D4" (or "B2") -> a zero-based range; null when it is not one. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/.exec(ref);
  if (!m) return null;
  const c1 = columnNumber(m[1]) - 1;
  const r1 = parseInt(m[2], 10) - 1;
  const c2 = m[3] ? columnNumber(m[3]) - 1 : c1;
  const r2 = m[4] ? parseInt(m[4], 10) - 1 : r1;
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** What one sheet part gave, before its shared strings are filled in. */
export interface SheetData {
  readonly values: Array<ReadonlyArray<CellValue>>;
  readonly formulas: Array<Array<string | null> | null>;
  readonly merges: CellRange[];
  /** <col> definitions: 1-based min/max as written. */
  readonly cols: Array<{ min: number; max: number; hidden: boolean }>;
  /** Hidden rows as inclusive runs of zero-based row numbers. */
  readonly hiddenRuns: Array<[number, number]>;
  /** Cells holding a shared string: the row array, the column and the string's index. */
  readonly sstRows: CellValue[][];
  readonly sstRowNo: number[];
  readonly sstCols: number[];
  readonly sstIndex: number[];
  truncated: { keptRows: number; lastRow: number } | null;
}

const enum Capture {
  None,
  V,
  F,
  T,
}

/** Streams one worksheet part into SheetData (an XmlHandler for the scanner). */
export class SheetReader implements XmlHandler {
  readonly data: SheetData = {
    values: [],
    formulas: [],
    merges: [],
    cols: [],
    hiddenRuns: [],
    sstRows: [],
    sstRowNo: [],
    sstCols: [],
    sstIndex: [],
    truncated: null,
  };

  private sheetDataDepth = 0;
  private inMergeCells = false;
  private keptRows = 0;
  private keptCells = 0;
  private lastKeptRow = -1;
  private full = false;

  // the row being read
  private row = -1;
  private rowOut: CellValue[] | null = null;
  private rowFormulas: Array<string | null> | null = null;
  private rowCells = 0;
  private sstMark = 0;

  // the cell being read
  private inCell = false;
  private col = -1;
  private type: string | null = null;
  private style = 0;
  private capture = Capture.None;
  private v = '';
  private hasV = false;
  private f = '';
  private fType: string | null = null;
  private fRef: string | null = null;
  private fSi: string | null = null;
  private inIs = false;
  private isText: string | null = null;
  private tPiece = '';

  /** Shared formulas of this sheet: si -> the master's formula and position. */
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();

  constructor(private readonly options: SheetOptions) {}

  open(name: string, s: XmlScanner, selfClosing: boolean): void {
    if (this.inCell) {
      this.openInCell(name, s, selfClosing);
      return;
    }
    if (s.depth === 2 && !selfClosing && name !== 'sheetData' && name !== 'cols' && name !== 'mergeCells') {
      s.skipTo(); // views, formats, page setup, validations, conditional formats, extensions: nothing to read
      return;
    }
    switch (name) {
      case 'c':
        if (this.sheetDataDepth === 0 || this.row < 0) return;
        this.startCell(s);
        if (selfClosing) this.endCell(s);
        return;
      case 'row':
        if (this.sheetDataDepth === 0) return;
        this.startRow(s);
        if (selfClosing) this.endRow();
        return;
      case 'sheetData':
        if (!selfClosing) this.sheetDataDepth = s.depth;
        return;
      case 'col': {
        const min = parseInt(s.attr('min') || '0', 10);
        const max = parseInt(s.attr('max') || '0', 10);
        const h = s.attr('hidden');
        this.data.cols.push({ min, max, hidden: h === '1' || h === 'true' });
        return;
      }
      case 'mergeCells':
        this.inMergeCells = !selfClosing;
        return;
      case 'mergeCell': {
        if (!this.inMergeCells) return;
        const range = parseRange(s.attr('ref') ?? '');
        if (range) this.data.merges.push(range);
        return;
      }
    }
  }

  close(name: string, s: XmlScanner): void {
    if (this.inCell) {
      switch (name) {
        case 'c':
          this.endCell(s);
          return;
        case 'v':
        case 'f':
          this.capture = Capture.None;
          s.captureText = false;
          return;
        case 't':
          if (this.capture === Capture.T) {
            this.isText = (this.isText ?? '') + unescapeXstring(this.tPiece);
            this.capture = Capture.None;
            s.captureText = false;
          }
          return;
        case 'is':
          this.inIs = false;
          return;
      }
      return;
    }
    switch (name) {
      case 'row':
        if (this.row >= 0) this.endRow();
        return;
      case 'sheetData':
        if (this.row >= 0) this.endRow();
        this.sheetDataDepth = 0;
        return;
      case 'mergeCells':
        this.inMergeCells = false;
        return;
    }
  }

  text(t: string): void {
    switch (this.capture) {
      case Capture.V:
        this.v += t;
        return;
      case Capture.F:
        this.f += t;
        return;
      case Capture.T:
        this.tPiece += t;
        return;
    }
  }

  // ---------------------------------------------------------------------------------------------

  private startRow(s: XmlScanner): void {
    s.attrSpans(ROW_ATTRS);
    const n = s.spanInt(0);
    this.row = n >= 1 ? n - 1 : this.row + 1; // a row without r follows the one before
    this.rowOut = null;
    this.rowFormulas = null;
    this.rowCells = 0;
    this.col = -1;
    this.sstMark = this.data.sstRows.length;
    if (s.spanIs(1, '1') || s.spanIs(1, 'true')) {
      const runs = this.data.hiddenRuns;
      const last = runs[runs.length - 1];
      if (last && last[1] === this.row - 1) last[1] = this.row;
      else runs.push([this.row, this.row]);
    }
  }

  private endRow(): void {
    const r = this.row;
    const d = this.data;
    if (this.rowOut !== null) {
      while (d.values.length < r) d.values.push(EMPTY_ROW);
      d.values[r] = this.rowOut;
    }
    if (this.rowFormulas !== null) {
      while (d.formulas.length < r) d.formulas.push(null);
      d.formulas[r] = this.rowFormulas;
    }
    if (this.rowCells > 0) {
      this.keptRows++;
      this.keptCells += this.rowCells;
      this.lastKeptRow = r;
      if (this.keptRows >= this.options.limits.maxRows || this.keptCells >= this.options.limits.maxCells) this.full = true;
    }
    this.rowOut = null;
    this.rowFormulas = null;
    this.rowCells = 0;
  }

  private startCell(s: XmlScanner): void {
    this.inCell = true;
    s.attrSpans(CELL_ATTRS);
    const c = s.spanColumn(0);
    this.col = c >= 0 ? c : this.col + 1; // a cell without r follows the one before
    this.type = s.spanIs(1, 's') ? 's' : s.spanIs(1, 'n') ? null : s.spanString(1);
    const st = s.spanInt(2);
    this.style = st > 0 ? st : 0;
    this.v = '';
    this.hasV = false;
    this.f = '';
    this.fType = null;
    this.fRef = null;
    this.fSi = null;
    this.inIs = false;
    this.isText = null;
    this.capture = Capture.None;
  }

  private openInCell(name: string, s: XmlScanner, selfClosing: boolean): void {
    switch (name) {
      case 'v':
        this.hasV = true;
        if (!selfClosing) {
          this.capture = Capture.V;
          s.captureText = true;
        }
        return;
      case 'f': {
        const a = s.attrs(FORMULA_ATTRS);
        this.fType = a[0];
        this.fRef = a[1];
        this.fSi = a[2];
        if (!selfClosing) {
          this.capture = Capture.F;
          s.captureText = true;
        }
        return;
      }
      case 'is':
        this.inIs = !selfClosing;
        return;
      case 'r':
        if (this.inIs && this.isText === null) this.isText = '';
        return;
      case 't':
        if (!this.inIs || selfClosing) return;
        this.tPiece = '';
        this.capture = Capture.T;
        s.captureText = true;
        return;
      case 'rPh':
        if (!selfClosing) s.skipTo(); // phonetic guide: not part of the text
        return;
      default:
        if (!selfClosing) s.skipTo(); // extensions inside a cell
    }
  }

  private endCell(s: XmlScanner): void {
    this.inCell = false;
    this.capture = Capture.None;
    s.captureText = false;
    const c = this.col;
    const isFormula = this.f !== '' || this.fType !== null;
    let value: CellValue = null;
    let sst = -1;
    if (isFormula) value = this.formulaResult();
    else {
      const v = this.v;
      switch (this.type) {
        case 's':
          if (v !== '') {
            const k = parseInt(v, 10);
            if (k >= 0) sst = k;
          }
          break;
        case 'inlineStr':
          value = this.isText;
          break;
        case 'str':
          if (v !== '') value = unescapeXstring(v);
          break;
        case 'b':
          if (v !== '') value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          if (v !== '') value = { error: v } as ErrorValue;
          break;
        case 'd':
          if (v !== '') value = isoDateSerial(v, this.options.date1904);
          break;
        default:
          if (v !== '') value = this.number(v);
      }
    }
    const formula = isFormula ? this.formulaText(c) : null;
    if (value === null && sst < 0 && formula === null) return;
    if (this.full) {
      // past the budget and there is more: stop reading this sheet's rows
      this.data.truncated = { keptRows: this.keptRows, lastRow: this.lastKeptRow };
      const d = this.data;
      d.sstRows.length = d.sstRowNo.length = d.sstCols.length = d.sstIndex.length = this.sstMark; // the row being read is dropped
      this.rowOut = null;
      this.rowFormulas = null;
      this.rowCells = 0;
      this.row = -1;
      s.skipTo(this.sheetDataDepth);
      return;
    }
    this.rowCells++;
    if (formula !== null) {
      let fr = this.rowFormulas;
      if (fr === null) fr = this.rowFormulas = [];
      while (fr.length < c) fr.push(null);
      fr[c] = formula;
    }
    if (value !== null || sst >= 0) {
      let out = this.rowOut;
      if (out === null) out = this.rowOut = [];
      while (out.length < c) out.push(null);
      if (sst >= 0) {
        out[c] = ''; // a placeholder until the shared strings are read
        this.data.sstRows.push(out);
        this.data.sstRowNo.push(this.row);
        this.data.sstCols.push(c);
        this.data.sstIndex.push(sst);
      } else out[c] = value;
    }
  }

  private number(text: string): number | null {
    const x = parseFloat(text);
    if (!Number.isFinite(x)) return null;
    if (this.style !== 0 && this.options.dateStyles[this.style]) return dateSerial(x, this.options.date1904);
    return x;
  }

  /** The cached result of a formula cell, or null when it has none. */
  private formulaResult(): CellValue {
    const v = this.v;
    switch (this.type) {
      case 'str':
        // a text result may be "" (`<v></v>`): that is a calculated value, unlike a missing <v>
        return this.hasV ? unescapeXstring(v) : null;
      case 'b':
        return v === '' ? null : parseInt(v, 10) !== 0;
      case 'e':
        return v === '' ? null : ({ error: v } as ErrorValue);
      default:
        return v === '' ? null : this.number(v);
    }
  }

  /** "=…" for a formula cell, or null when its text cannot be known (a shared formula without its master). */
  private formulaText(col: number): string | null {
    let f: string | null = this.f !== '' ? this.f : null;
    if (this.fType === 'shared' && this.fSi !== null) {
      if (this.fRef !== null && f !== null) this.masters.set(this.fSi, { formula: f, row: this.row, col });
      else if (f === null) {
        const m = this.masters.get(this.fSi);
        if (m) f = slideFormula(m.formula, m.row, m.col, this.row, col);
      }
    }
    if (f === null) return null;
    return f.charCodeAt(0) === 61 ? f : '=' + f;
  }
}

/** Rebuilds a grid's values after cells were emptied: trailing nulls and empty trailing rows go. */
function trimRow<T>(row: ReadonlyArray<T | null>): ReadonlyArray<T | null> | null {
  let n = row.length;
  while (n > 0 && row[n - 1] === null) n--;
  if (n === 0) return null;
  return n === row.length ? row : row.slice(0, n);
}

/**
 * The Grid of a sheet once its shared strings are known (`strings[i]`: the text, null for an empty entry, undefined
 * for an index the shared strings do not have).
 */
export function finishSheet(name: string, hidden: boolean, d: SheetData, strings: ReadonlyArray<string | null | undefined>): Grid {
  const values = d.values;
  const formulas = d.formulas;
  const dirty = new Set<number>();
  for (let i = 0; i < d.sstRows.length; i++) {
    const s = strings[d.sstIndex[i]];
    const row = d.sstRows[i];
    row[d.sstCols[i]] = s === undefined ? null : s;
    if (s === undefined || s === null) dirty.add(d.sstRowNo[i]);
  }

  // Only the top-left cell of a merged area holds a value or formula.
  let merges = d.merges;
  if (d.truncated) {
    const last = d.truncated.lastRow;
    merges = merges.filter((m) => m.top <= last);
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < Math.max(values.length, formulas.length); r++) {
      const vr = values[r] as CellValue[] | undefined;
      const fr = formulas[r];
      for (const row of [vr, fr]) {
        if (!row) continue;
        const end = Math.min(m.right, row.length - 1);
        for (let c = r === m.top ? Math.max(m.left + 1, 0) : m.left; c <= end; c++) {
          if (row[c] !== null) {
            row[c] = null;
            dirty.add(r);
          }
        }
      }
    }
  }
  for (const r of dirty) {
    if (r < values.length && values[r] !== EMPTY_ROW) values[r] = trimRow(values[r]) ?? EMPTY_ROW;
    if (r < formulas.length && formulas[r]) formulas[r] = (trimRow(formulas[r] as Array<string | null>) as Array<string | null> | null) ?? null;
  }
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  while (formulas.length > 0 && (formulas[formulas.length - 1] ?? EMPTY_ROW).length === 0) formulas.pop();

  let width = 0;
  for (const row of values) if (row.length > width) width = row.length;
  const sortedMerges = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of sortedMerges) if (m.right + 1 > width) width = m.right + 1;

  // Hidden columns: <col> ranges in order of their start, each column owned by the first range reaching it; a hidden
  // range often runs to column XFD, so only columns that can hold data (and 64 beyond) are listed.
  const hiddenColumns: number[] = [];
  if (d.cols.length) {
    const cols = [...d.cols].sort((a, b) => a.min - b.min);
    let next = 1;
    let defined = 0;
    const limitOf = (definedCount: number) => Math.min(definedCount, Math.max(width, 1) + 64);
    for (const col of cols) if (col.max > defined) defined = col.max;
    const limit = limitOf(defined);
    for (const col of cols) {
      const from = Math.max(next, col.min);
      if (col.max < from) continue;
      if (col.hidden) for (let n = from; n <= col.max && n <= limit; n++) hiddenColumns.push(n - 1);
      next = col.max + 1;
    }
  }

  // Hidden rows, down to the last row that holds anything (nothing below can matter).
  let extent = Math.max(values.length, formulas.length) - 1;
  for (const m of sortedMerges) if (m.bottom > extent) extent = m.bottom;
  if (d.truncated && extent > d.truncated.lastRow) extent = d.truncated.lastRow;
  const hiddenRows: number[] = [];
  for (const [a, b] of d.hiddenRuns) for (let r = a; r <= b && r <= extent; r++) hiddenRows.push(r);

  const hasFormulas = formulas.length > 0;
  const grid: {
    name: string;
    values: ReadonlyArray<ReadonlyArray<CellValue>>;
    origin: { row: number; col: number };
    formulas?: ReadonlyArray<ReadonlyArray<string | null>>;
    merges?: ReadonlyArray<CellRange>;
    hiddenColumns?: ReadonlyArray<number>;
    hiddenRows?: ReadonlyArray<number>;
    hidden?: boolean;
    truncated?: { readonly keptRows: number; readonly lastRow: number };
  } = { name, values, origin: { row: 0, col: 0 } };
  if (hasFormulas) {
    const fg: Array<ReadonlyArray<string | null>> = new Array(formulas.length);
    for (let i = 0; i < formulas.length; i++) fg[i] = formulas[i] ?? (EMPTY_ROW as ReadonlyArray<null>);
    grid.formulas = fg;
  }
  if (sortedMerges.length) grid.merges = sortedMerges;
  if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  if (hidden) grid.hidden = true;
  if (d.truncated) grid.truncated = d.truncated;
  return grid;
}
