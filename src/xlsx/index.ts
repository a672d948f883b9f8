/**
 * The xlsx adapter, browser-safe parts: reading (bytes -> Grid[], exceljs) and writing (a SheetModel added
 * to the original bytes as a new sheet, ./package).
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
export { WorkbookPackage, writeSheetPackage, PackageError } from './package';
export type { SheetWriteResult, PackageCell } from './package';
