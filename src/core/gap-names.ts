/**
 * The gap sheet's names, apart from its builder (./gap-sheet.ts re-exports them): the marker name, the table
 * name, valid and free sheet names, and which sheet the marker points at. The readers and the Office.js adapter
 * need only these, so the pane's first script does not carry the gap builder.
 */

/** The defined name that marks a sheet this tool wrote (a later run may replace that sheet). */
export const GAP_SHEET_MARKER = 'SPBE_GAP_MARKER';
/** The preferred Excel table name (renderers suffix it when the workbook already has one). */
export const GAP_TABLE_NAME = 'SPBE_Gap';

// ---------------------------------------------------------------------------------------------
// Names: sheets and references
// ---------------------------------------------------------------------------------------------

const MAX_SHEET_NAME = 31;

/** A valid sheet name: no []:*?/\, no leading/trailing apostrophe, at most 31 characters, not empty. */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ');
  s = s.replace(/^[\s']+|[\s']+$/g, '');
  // Cutting may leave an apostrophe at the end again ("…'x" cut before the x): strip it too.
  if (s.length > MAX_SHEET_NAME) s = cutUnits(s, MAX_SHEET_NAME).replace(/[\s']+$/, '');
  if (s === '' || s.toLowerCase() === 'history') s = 'Gap';
  return s;
}

/** The first `max` UTF-16 units of `s`, without splitting a surrogate pair (an emoji, say). */
function cutUnits(s: string, max: number): string {
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The name the gap sheet gets: `preferred` when free (or when it is the sheet this tool made earlier,
 * `ours`), otherwise "preferred (2)", "(3)" … — shortened so that it stays within 31 characters.
 * Sheet names compare case-insensitively, as in Excel.
 */
export function chooseSheetName(preferred: string, existing: ReadonlyArray<string>, ours?: string | null): string {
  const base = sanitizeSheetName(preferred);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (ours) taken.delete(ours.toLowerCase());
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cutUnits(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The sheet part of a reference such as "'Analisis Gap'!$A$1", "=Sheet1!A1", unquoted; null if none. */
export function sheetOfReference(reference: string): string | null {
  const text = reference.startsWith('=') ? reference.slice(1) : reference;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const s = text.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * The sheet the marker name (GAP_SHEET_MARKER) marks, given what the name refers to: it must be A1 of
 * one of `sheets` (compared case-insensitively), as the renderers write it. Returns the sheet's name as
 * the workbook spells it, or null (no marker, "#REF!" after the sheet was deleted, another cell).
 * That sheet is never read as an assessment, and a later run may replace it.
 */
export function markedSheet(reference: string | null, sheets: ReadonlyArray<string>): string | null {
  if (reference === null) return null;
  const sheet = sheetOfReference(reference);
  const area = reference.slice(reference.lastIndexOf('!') + 1).replace(/\$/g, '');
  if (sheet === null || area.toUpperCase() !== 'A1') return null;
  return sheets.find((s) => s.toLowerCase() === sheet.toLowerCase()) ?? null;
}
