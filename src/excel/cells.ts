/**
 * A sheet's used range as Office.js returns it (values, formulas, value types from an absolute origin),
 * turned into the core's Grid; and patching such a block with the areas a change event named, so a
 * re-read can load only those. Pure functions (no Office.js calls), tested directly.
 *
 * Formulas: `Range.formulas` gives the text of a constant for non-formula cells and drops the
 * apostrophe of text such as '=HYPERLINK(…) (office-js issue 6687), so a cell counts as a formula
 * only when its formula text starts with "=" AND differs from its value.
 */
import type { CellRange, CellValue, Grid } from '../core/types';

/** A used range as loaded: `values`, `formulas`, `valueTypes` (same shape) from (rowIndex, columnIndex). */
export interface RawUsed {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly formulas: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly valueTypes: ReadonlyArray<ReadonlyArray<string>>;
}

/** The position and size of a used range (loaded without its cells). */
export interface UsedDims {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** One sheet as the core sees it apart from the cells. */
export interface SheetLook {
  readonly name: string;
  readonly hidden: boolean;
  readonly merges: ReadonlyArray<CellRange>;
  readonly hiddenColumns: ReadonlyArray<number>;
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

/** True when some cell of the block holds a formula (its value can change without a change event). */
export function hasFormulaCell(used: RawUsed | null): boolean {
  if (!used) return false;
  return used.formulas.some((row, r) => row.some((f, c) => toFormula(f, used.values[r]?.[c]) !== null));
}

/** The block's area, or null for an empty block. */
export function areaOf(used: RawUsed): CellRange | null {
  const rows = used.values.length;
  const cols = rows > 0 ? used.values[0].length : 0;
  if (rows === 0 || cols === 0) return null;
  return { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + rows - 1, right: used.columnIndex + cols - 1 };
}

/** Approximate JSON size of the block as Excel sends it (to size later requests). */
export function rawBytes(used: RawUsed | null): number {
  if (!used) return 0;
  return JSON.stringify(used.values).length + JSON.stringify(used.formulas).length + JSON.stringify(used.valueTypes).length;
}

export function toGrid(look: SheetLook, used: RawUsed | null): Grid {
  const base = {
    name: look.name,
    merges: [...look.merges],
    hiddenColumns: [...look.hiddenColumns],
    hidden: look.hidden,
  };
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

// ---------------------------------------------------------------------------------------------
// Patching a block with re-read areas
// ---------------------------------------------------------------------------------------------

/** An area a change event named and, read in the same sync as the sheet's new used-range size, its used part. */
export interface AreaRead {
  /** The event's area (whole columns or rows reach the sheet's edge). */
  readonly area: CellRange;
  /** `area`'s used part (Range.getUsedRangeOrNullObject(true)), null when it holds no value. */
  readonly used: RawUsed | null;
}

function inside(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/**
 * The sheet's block after the edits: the old block where nothing was edited, the re-read areas where
 * something was, within the sheet's new used range (`dims`, null when the sheet now holds no value).
 *
 * 'unsafe' when the patch cannot be trusted to equal a full read, and the sheet must be read whole:
 * - an edited area now holds a formula (it may spill into cells no event named, and its result can
 *   change later without an event);
 * - the new used range reaches a row or column in which no cell was either in the old block or in an
 *   edited area (something changed that no event reported).
 */
export function patchUsed(old: RawUsed | null, dims: UsedDims | null, reads: ReadonlyArray<AreaRead>): RawUsed | null | 'unsafe' {
  if (reads.some((r) => hasFormulaCell(r.used))) return 'unsafe';
  if (!dims || dims.rowCount === 0 || dims.columnCount === 0) return null;
  const next: CellRange = { top: dims.rowIndex, left: dims.columnIndex, bottom: dims.rowIndex + dims.rowCount - 1, right: dims.columnIndex + dims.columnCount - 1 };
  const oldArea = old ? areaOf(old) : null;
  const known = [...(oldArea ? [oldArea] : []), ...reads.map((r) => r.area)];
  // Each edge of the new used range holds a value: it must lie where the old block or an edit was.
  const edges: CellRange[] = [
    { ...next, bottom: next.top },
    { ...next, top: next.bottom },
    { ...next, right: next.left },
    { ...next, left: next.right },
  ];
  if (!edges.every((edge) => known.some((k) => intersect(k, edge) !== null))) return 'unsafe';

  const rows = next.bottom - next.top + 1;
  const cols = next.right - next.left + 1;
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const types: string[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<unknown>(cols).fill(''));
    formulas.push(new Array<unknown>(cols).fill(''));
    types.push(new Array<string>(cols).fill('Empty'));
  }
  const copy = (src: RawUsed, area: CellRange): void => {
    const part = intersect(area, next);
    if (!part) return;
    for (let r = part.top; r <= part.bottom; r++) {
      for (let c = part.left; c <= part.right; c++) {
        const sr = r - src.rowIndex;
        const sc = c - src.columnIndex;
        values[r - next.top][c - next.left] = src.values[sr][sc];
        formulas[r - next.top][c - next.left] = src.formulas[sr][sc];
        types[r - next.top][c - next.left] = src.valueTypes[sr][sc];
      }
    }
  };
  if (old && oldArea) copy(old, oldArea);
  for (const read of reads) {
    // What the edit left empty is empty now; what it left filled is in its used part.
    const usedArea = read.used ? areaOf(read.used) : null;
    const part = intersect(read.area, next);
    if (part) {
      for (let r = part.top; r <= part.bottom; r++) {
        for (let c = part.left; c <= part.right; c++) {
          if (usedArea && inside(usedArea, r, c)) continue;
          values[r - next.top][c - next.left] = '';
          formulas[r - next.top][c - next.left] = '';
          types[r - next.top][c - next.left] = 'Empty';
        }
      }
    }
    if (read.used && usedArea) copy(read.used, usedArea);
  }
  return { rowIndex: next.top, columnIndex: next.left, values, formulas, valueTypes: types };
}
