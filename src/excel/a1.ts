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
