/**
 * The xlsx adapter, browser-safe parts: reading (bytes -> Grid[], ./ooxml/read-workbook.ts: the reader made for our
 * job, no exceljs) and writing (a SheetModel added to the original bytes as a new sheet, ./package, no exceljs).
 * The exceljs reader in ./read stays only as the reference the equality test compares against (and for tests that
 * inspect outputs): importing it loads exceljs, so production code never does.
 * The Node-only file parts are imported from their own modules so a browser bundle never pulls in `fs`:
 * ./read-file (readWorkbookFile, readFileBytes) and ./write-file (writeFileAtomic).
 */
export { readWorkbookGrids, readWorkbookGridsSync, DEFAULT_LIMITS } from './ooxml/read-workbook';
export type { SheetLimits } from './ooxml/read-workbook';
export { sniffWorkbook } from './sniff';
export { WorkbookReadError, isWorkbookReadError } from './errors';
export type { UnreadableReason } from '../core/report';
export { WorkbookPackage, writeSheetPackage, PackageError, WorkbookStructureLockedError } from './package';
export type { SheetWriteResult, PackageCell } from './package';
