/**
 * A1 addresses. Rows and columns are zero-based (row 0 = row 1, col 0 = column A).
 */
import type { CellRange } from './types';

const A = 65;

/**
 * Names of the cells near the top left, made once each: a sheet is read and reported in "G7"s again and again
 * (every row of a table, every problem), and a string shared is a string not allocated. Bounded to 64 columns
 * by 1,024 rows, about 3 MB at most.
 */
const NAMED_COLUMNS = 64;
const NAMED_ROWS = 1024;
const LETTERS: Array<string | undefined> = [];
const A1_NAMES: Array<Array<string | undefined> | undefined> = [];

/** Column letters of a zero-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  if (col >= 0 && col < NAMED_COLUMNS && Number.isInteger(col)) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`columnLetter: bad column ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(A + m) + s;
    n = (n - 1 - m) / 26;
  }
  return s;
}

/** The A1 address of a zero-based cell: a1(6, 6) → "G7". */
export function a1(row: number, col: number): string {
  if (row >= 0 && row < NAMED_ROWS && col >= 0 && col < NAMED_COLUMNS && Number.isInteger(row) && Number.isInteger(col)) {
    const names = (A1_NAMES[col] ??= []);
    return (names[row] ??= columnLetter(col) + String(row + 1));
  }
  return columnLetter(col) + String(row + 1);
}

const A1_RE = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Parses "G7" (also "$G$7", "g7") into zero-based {row, col}; null when it is not one cell address. */
export function parseA1(text: string): { row: number; col: number } | null {
  if (typeof text !== 'string') return null;
  const m = A1_RE.exec(text.trim());
  if (!m) return null;
  const letters = m[1].toUpperCase();
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - A + 1);
  col -= 1;
  if (col > 16383) return null; // beyond XFD
  const row = parseInt(m[2], 10) - 1;
  if (row > 1048575) return null;
  return { row, col };
}

/** "B7:F12", or "B7" for a single cell. */
export function rangeA1(range: CellRange): string {
  const tl = a1(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return tl;
  return `${tl}:${a1(range.bottom, range.right)}`;
}

/**
 * A sheet name as Excel writes it in a reference (and formulas may use it): quoted, apostrophes doubled, unless it
 * is a plain word that cannot be read as a cell (A1 style "AB12" or R1C1 style "R", "C2", "R1C1").
 */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) && !/^[Rr][0-9]*([Cc][0-9]*)?$|^[Cc][0-9]*$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** "'Penilaian Mandiri'!G7". */
export function cellRef(sheet: string, cell: string): string {
  return `${sheetRef(sheet)}!${cell}`;
}
