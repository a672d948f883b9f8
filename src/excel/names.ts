/**
 * Excel's rules for table and defined names, and how to pick a free one. Pure functions (no
 * Office.js): the adapter feeds them the names it loaded. Sheet names, and which sheet our marker
 * name marks, come from the core (chooseSheetName, markedSheet in src/core/gap-sheet.ts), the same
 * for the file written by the CLI and for the open workbook.
 */

/** Excel's rules for defined names and table names (they share one namespace in a workbook). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false; // looks like A1
  if (/^[RrCc]$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false; // R1C1
  return true;
}

/** A valid table name not among `taken` (case-insensitive): base, base_2, base_3 … */
export function freeTableName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const n of taken) used.add(n.toLowerCase());
  let clean = base.replace(/[^A-Za-z0-9_.]/g, '_');
  if (!/^[A-Za-z_]/.test(clean)) clean = `T_${clean}`;
  if (!isValidDefinedName(clean)) clean = `${clean}_`;
  clean = clean.slice(0, 240);
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const c = `${clean}_${i}`;
    if (!used.has(c.toLowerCase())) return c;
  }
}

/**
 * What a defined name loaded with `type,value` (NamedItem, e.g. from getItemOrNullObject, after the
 * sync) refers to: its range address ("'Analisis Gap'!$A$1"), or null when it is missing or not a range.
 */
export function markerReference(item: { readonly isNullObject: boolean; readonly type: string; readonly value: unknown }): string | null {
  if (item.isNullObject || item.type !== 'Range' || typeof item.value !== 'string') return null;
  return item.value;
}
