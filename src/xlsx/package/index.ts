/**
 * The package-level writer: adds a SheetModel's sheet to a workbook file as Excel does (see
 * workbook-package.ts). Browser-safe.
 */
export { WorkbookPackage, writeSheetPackage, PackageError, WorkbookStructureLockedError } from './workbook-package';
export type { SheetWriteResult, PackageCell } from './workbook-package';
