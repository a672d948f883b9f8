/**
 * Excel's naming rules for sheets, tables and defined names, and how to pick a free one.
 * Pure functions (no Office.js): the adapter feeds them the names it loaded.
 */

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Why Excel would refuse this sheet name, or null when it is acceptable (uniqueness aside). */
export function sheetNameProblem(name: string): 'empty' | 'too-long' | 'forbidden-character' | 'apostrophe' | 'reserved' | null {
  if (name.length === 0) return 'empty';
  if (name.length > SHEET_NAME_MAX) return 'too-long';
  if (/[[\]:*?/\\]/.test(name)) return 'forbidden-character';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved';
  return null;
}

/** Turns any text into an acceptable sheet name: forbidden characters become "-", edge apostrophes go, ≤ 31 characters. */
export function sanitizeSheetName(name: string, fallback = 'Sheet'): string {
  let s = name.replace(FORBIDDEN_SHEET_CHARS, '-').replace(/[\u0000-\u001f]/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '').trim();
  s = truncate(s, SHEET_NAME_MAX).replace(/'+$/g, '').trim();
  if (s.length === 0 || s.toLowerCase() === 'history') s = fallback;
  return s;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * The first free sheet name: `preferred` if no sheet has it (case-insensitively), otherwise
 * "preferred (2)", "preferred (3)" …, shortening the base so the whole stays ≤ 31 characters.
 */
export function freeSheetName(preferred: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const n of existing) taken.add(n.toLowerCase());
  const base = sanitizeSheetName(preferred);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${truncate(base, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

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

/** Quotes a sheet name for use in a reference: 'Analisis Gap'!A1 (always quoted; quotes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet part of a reference such as "'Analisis Gap'!$A$1" or "Sheet1!A1", unquoted; null if none. */
export function sheetOfReference(reference: string): string | null {
  const text = reference.startsWith('=') ? reference.slice(1) : reference;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const s = text.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}
