/**
 * The xlsx adapter, browser-safe parts: reading (bytes -> Grid[], ./ooxml/read-workbook.ts, no exceljs) and the
 * exceljs side (loading a workbook to write into it, rendering a SheetModel -> worksheet). Importing this index loads
 * exceljs: code that only reads imports ./ooxml/read-workbook (or ./read-file in Node) directly.
 * The Node-only file parts are imported from their own modules so a browser bundle never pulls in `fs`:
 * ./read-file (readWorkbookFile, readFileBytes) and ./write-file (writeFileAtomic).
 */
export { readWorkbookGrids, readWorkbookGridsSync, DEFAULT_LIMITS } from './ooxml/read-workbook';
export type { SheetLimits } from './ooxml/read-workbook';
export { sniffWorkbook } from './sniff';
export { WorkbookReadError, isWorkbookReadError } from './errors';
export type { UnreadableReason } from '../core/report';
export { loadWorkbook, workbookToGrids, worksheetToGrid, markedSheetName, readWorkbookGridsWithExceljs } from './read';
export { renderSheetModel, renderGapWorkbook, workbookBytes } from './render';
export type { RenderedWorkbook } from './render';
