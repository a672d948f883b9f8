/**
 * The xlsx adapter as the browser pane uses it. This module (and the reader and writer behind it) is only
 * ever reached through the dynamic import() in browser-host.ts, so it lands in its own lazy chunk.
 * Writing adds the gap sheet to the ORIGINAL bytes (src/xlsx/package): the rest of the file stays as it was.
 */
import { readWorkbookGrids } from '../xlsx/read';
import { writeSheetPackage } from '../xlsx/package';
import type { XlsxAdapter } from './browser-host';

export const xlsxAdapter: XlsxAdapter = {
  readWorkbookGrids: (bytes) => readWorkbookGrids(bytes),
  async writeGapSheet(bytes, model) {
    const r = writeSheetPackage(bytes, model);
    return { bytes: r.bytes, sheetName: r.sheetName, replaced: r.replaced !== null };
  },
};
