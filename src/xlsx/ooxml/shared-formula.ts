/**
 * The formula text of a cell that shares its formula with a master cell (`<f t="shared" si="0"/>`): the master's
 * formula with every relative reference moved by the distance between the two cells, as Excel shows it.
 *
 * This is the translation the exceljs-based reader reported (its `slideFormula`), kept token for token so both
 * readers give every cell the same formula text: a candidate is a run of letters, digits, `_` and `$` (optionally
 * after `Sheet!`) not followed by `(`; it is moved when it is a cell reference with a column up to XFD.
 */

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** Column letters (A = 1) to a number; 0 for anything else. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** `formula` written for the cell at (fromRow, fromCol) as it reads in the cell at (toRow, toCol); zero-based. */
export function slideFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const dRow = toRow - fromRow;
  const dCol = toCol - fromCol;
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _sheetName: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL.exec(part);
    if (!m) return whole;
    const colDollar = m[1];
    const colStr = m[2].toUpperCase();
    const rowDollar = m[3];
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return whole; // a name, not a column
    let col = columnNumber(colStr);
    let row = parseInt(m[4], 10);
    if (!colDollar) col += dCol;
    if (!rowDollar) row += dRow;
    if (col < 1 || col > 16384) return whole; // moved off the sheet: left as written
    return (sheet || '') + (colDollar || '') + columnLetters(col) + (rowDollar || '') + row;
  });
}
