/**
 * The xlsx adapter as the browser pane uses it: reading through the reader made for our job (no exceljs), writing
 * the gap sheet through exceljs. browser-host.ts reaches this module only through a dynamic import() when a gap sheet
 * is written, so exceljs lands in its own lazy chunk ("xlsx-write"); reading imports the reader directly ("xlsx-read").
 */
import { readWorkbookGrids } from '../xlsx/ooxml/read-workbook';
import { renderGapWorkbook } from '../xlsx/render';
import type { XlsxAdapter } from './browser-host';

export const xlsxAdapter: XlsxAdapter = {
  readWorkbookGrids: (bytes) => readWorkbookGrids(bytes),
  async writeGapSheet(bytes, model) {
    const r = await renderGapWorkbook(bytes, model);
    return { bytes: r.bytes, sheetName: r.sheetName, replaced: r.replaced };
  },
};
