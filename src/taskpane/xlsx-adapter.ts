/**
 * The writing half of the browser pane's xlsx adapter, in its own lazy chunk ("xlsx-write") reached only through
 * the dynamic import() in browser-host.ts: the gap sheet is added to the ORIGINAL bytes (src/xlsx/package), so the
 * rest of the file stays as it was. (The reading half is src/xlsx/ooxml, chunk "xlsx-read".) Neither loads exceljs.
 */
import { writeSheetPackage } from '../xlsx/package';
import type { XlsxAdapter } from './browser-host';

export const writeGapSheet: XlsxAdapter['writeGapSheet'] = async (bytes, model) => {
  const r = writeSheetPackage(bytes, model);
  return { bytes: r.bytes, sheetName: r.sheetName, replaced: r.replaced !== null };
};
