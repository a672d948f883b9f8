/** The exceljs adapter (browser-safe parts; Node-only file reading is in ./read-file). */
export { readWorkbookGrids, loadWorkbook, workbookToGrids, worksheetToGrid, sniffWorkbook, WorkbookReadError, isWorkbookReadError } from './read';
export type { UnreadableReason } from './read';
