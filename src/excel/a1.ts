/**
 * Parsing the addresses Excel returns (zero-based rows and columns): areas and multi-area lists.
 * Writing addresses (column letters, "G7", "B7:F12") is src/core/address.ts.
 */
import type { CellRange } from '../core/types';
import { parseA1 } from '../core/address';

/** "B3" or "$B$3:$D$9" (no sheet part) to a zero-based range; null if not an A1 cell or area. */
export function parseArea(text: string): CellRange | null {
  const [first, second, ...more] = text.split(':');
  if (more.length > 0) return null;
  const a = parseA1(first);
  const b = second === undefined ? a : parseA1(second);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
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

/** Excel's grid: 1,048,576 rows and 16,384 columns (zero-based last row and column below). */
export const LAST_ROW = 1_048_575;
export const LAST_COLUMN = 16_383;

/**
 * The area of a change event's address, zero-based: "B7", "$C$5:$D$9", whole columns "C:C" / "C:E",
 * whole rows "7:9" (a sheet part before "!" is ignored); null when it is none of these.
 */
export function parseChangedArea(text: string): CellRange | null {
  const area = text.slice(text.lastIndexOf('!') + 1).replace(/\$/g, '').trim().toUpperCase();
  const cells = parseArea(area);
  if (cells) return cells;
  const [a, b = a, ...more] = area.split(':');
  if (more.length > 0) return null;
  if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b)) {
    const l = parseA1(`${a}1`);
    const r = parseA1(`${b}1`);
    if (!l || !r) return null;
    return { top: 0, left: Math.min(l.col, r.col), bottom: LAST_ROW, right: Math.min(LAST_COLUMN, Math.max(l.col, r.col)) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const t = Number(a) - 1;
    const u = Number(b) - 1;
    if (t < 0 || u < 0) return null;
    return { top: Math.min(t, u), left: 0, bottom: Math.min(LAST_ROW, Math.max(t, u)), right: LAST_COLUMN };
  }
  return null;
}
