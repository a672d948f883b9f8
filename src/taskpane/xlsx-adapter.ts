/**
 * The writing half of the browser pane's xlsx adapter, in its own lazy chunk ("xlsx-write") reached only through
 * the dynamic import() in browser-host.ts: the gap sheet is added to the ORIGINAL bytes (src/xlsx/package), so the
 * rest of the file stays as it was. (The reading half is src/xlsx/ooxml, chunk "xlsx-read".) Neither loads exceljs.
 */
import { WorkbookPackage } from '../xlsx/package';
import type { XlsxAdapter } from './browser-host';

export const writeGapSheet: XlsxAdapter['writeGapSheet'] = async (bytes, model) => {
  // A workbook whose structure is protected throws WorkbookStructureLockedError (problem WORKBOOK_STRUCTURE_LOCKED), as in the command.
  const pkg = WorkbookPackage.open(bytes);
  const r = pkg.addSheet(model);
  return { bytes: r.bytes, sheetName: r.sheetName, replaced: r.replaced !== null, macroEnabled: pkg.macroEnabled };
};
