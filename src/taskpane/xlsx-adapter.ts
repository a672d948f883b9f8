/**
 * The xlsx adapter as the browser pane uses it. This module (and exceljs behind it) is only ever
 * reached through the dynamic import() in browser-host.ts, so it lands in its own lazy chunk.
 */
import { readWorkbookGrids } from '../xlsx/read';
import { renderGapWorkbook } from '../xlsx/render';
import type { XlsxAdapter } from './browser-host';

export const xlsxAdapter: XlsxAdapter = {
  readWorkbookGrids: (bytes) => readWorkbookGrids(bytes),
  async writeGapSheet(bytes, model) {
    const r = await renderGapWorkbook(bytes, model);
    return { bytes: r.bytes, sheetName: r.sheetName, replaced: r.replaced };
  },
};
