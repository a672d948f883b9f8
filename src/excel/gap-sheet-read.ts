/**
 * The gap sheet this tool wrote earlier into the open workbook, read as a Grid, so that what the team typed
 * into it (Target, Kunci/Lock, owner, deadline, evidence status and link) is carried over when the pane or the
 * ribbon replaces it (src/core/team-columns.ts decides what is taken). The sheet is the one the workbook-scoped
 * name GAP_SHEET_MARKER points at (markedSheet in the core, as for files). Two syncs: the marker and the sheet
 * names, then that sheet's used range (values only). Null when there is no such sheet.
 */
import type { Grid } from '../core/types';
import { GAP_SHEET_MARKER, markedSheet } from '../core/gap-names';
import { markerReference } from './names';
import type { SyncCounter } from './sync';

export async function readGapSheetGrid(context: Excel.RequestContext, counter: SyncCounter): Promise<Grid | null> {
  const item = context.workbook.names.getItemOrNullObject(GAP_SHEET_MARKER);
  item.load('type,value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await counter.counted(context.sync());
  const name = markedSheet(markerReference(item), sheets.items.map((s) => s.name));
  if (name === null) return null;
  const used = sheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  await counter.counted(context.sync());
  if (used.isNullObject) return null;
  return { name, values: used.values as Grid['values'], origin: { row: used.rowIndex, col: used.columnIndex } };
}
