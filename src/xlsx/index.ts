/**
 * The exceljs adapter, browser-safe parts: reading (bytes -> Grid[]) and rendering (SheetModel -> worksheet).
 * The Node-only file parts are imported from their own modules so a browser bundle never pulls in `fs`:
 * ./read-file (readWorkbookFile, readFileBytes) and ./write-file (writeFileAtomic).
 */
export {
  readWorkbookGrids,
  loadWorkbook,
  workbookToGrids,
  worksheetToGrid,
  sniffWorkbook,
  markedSheetName,
  WorkbookReadError,
  isWorkbookReadError,
} from './read';
export type { UnreadableReason } from './read';
export { renderSheetModel, renderGapWorkbook, workbookBytes } from './render';
export type { RenderedWorkbook } from './render';
