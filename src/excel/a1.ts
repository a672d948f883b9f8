/** A1 addresses for the Excel adapter (zero-based rows and columns). */
import type { CellRange } from '../core/types';

export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(r: CellRange): string {
  const tl = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellA1(r.bottom, r.right)}`;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "$B$3:$D$9" (no sheet part) to a zero-based range; null if not an A1 cell or area. */
export function parseArea(text: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = lettersToColumn(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? lettersToColumn(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Splits an Excel multi-area address ("Sheet1!A1:B2,'My, sheet'!C3:D4") into its areas,
 * dropping the sheet parts (which may be quoted and contain commas).
 */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /(?:'(?:[^']|'')*'|[^,'!]+)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(?:^|,)\s*(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const area = parseArea(m[1] ?? m[2]);
    if (area) out.push(area);
  }
  return out;
}
