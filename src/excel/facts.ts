/**
 * What the adapter knows about the open workbook besides its cells: the sheets (ids, names, tab order,
 * visibility), the workbook-scoped defined names (our marker among them) and the tables. A read learns
 * them (in its first sync, or alongside the cells when they were already known), a change subscription
 * learns them when it starts, a write re-learns them at the end of its own batch; the write uses them
 * instead of a probe sync of its own.
 *
 * They are loaded by three collection loads, the same wherever they are queued, so the figures stay
 * comparable: `worksheets` (name, id, visibility), `names` (name, type, value) and `tables` (name and
 * the sheet's name).
 */
import { GAP_SHEET_MARKER, markedSheet } from '../core/gap-names';
import { markerReference } from './names';

export interface SheetFact {
  readonly id: string;
  readonly name: string;
  /** Excel.SheetVisibility: "Visible", "Hidden" or "VeryHidden". */
  readonly visibility: string;
}

export interface NameFact {
  readonly name: string;
  /** Excel.NamedItemType, e.g. "Range" or "Error" (a #REF! name). */
  readonly type: string;
  /** For a range: its sheet-qualified address ("'Analisis Gap'!$A$1"). */
  readonly value: unknown;
}

export interface WorkbookFacts {
  /** In tab order: a sheet's position is its index here. */
  readonly sheets: ReadonlyArray<SheetFact>;
  /** Workbook-scoped defined names (worksheet-scoped ones are not listed by `workbook.names`). */
  readonly names: ReadonlyArray<NameFact>;
  readonly tables: ReadonlyArray<{ readonly name: string; readonly sheet: string }>;
}

/** Estimated request size of queueFacts (three collection loads), for sync budgets. */
export const FACTS_REQUEST_BYTES = 1_200;

/** Estimated response size of the facts of a workbook with `sheets` sheets (names and tables are usually few). */
export function factsResponseBytes(sheets: number): number {
  return 4_000 + sheets * 160;
}

/** Queues the loads; `take()` after the sync returns what they found. */
export function queueFacts(context: Excel.RequestContext): { take(): WorkbookFacts } {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const names = wb.names;
  names.load('items/name,items/type,items/value');
  const tables = wb.tables;
  tables.load('items/name,items/worksheet/name');
  return {
    take: () => ({
      sheets: sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility as string })),
      names: names.items.map((n) => ({ name: n.name, type: n.type as string, value: n.value as unknown })),
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    }),
  };
}

/** The defined name called `name` (case-insensitive), if the workbook has it. */
export function nameFact(facts: WorkbookFacts, name: string): NameFact | null {
  const low = name.toLowerCase();
  return facts.names.find((n) => n.name.toLowerCase() === low) ?? null;
}

/** The reference of a marker name, or null when it is missing or not a range (see markerReference). */
export function markerRefOf(facts: WorkbookFacts, marker: string = GAP_SHEET_MARKER): string | null {
  const item = nameFact(facts, marker);
  return markerReference(item ? { isNullObject: false, type: item.type, value: item.value } : { isNullObject: true, type: '', value: null });
}

/** The sheet our marker marks (a gap sheet written earlier, never read as the assessment), or null. */
export function markedSheetFact(facts: WorkbookFacts, marker: string = GAP_SHEET_MARKER): SheetFact | null {
  const name = markedSheet(markerRefOf(facts, marker), facts.sheets.map((s) => s.name));
  return name === null ? null : (facts.sheets.find((s) => s.name === name) ?? null);
}
