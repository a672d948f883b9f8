/**
 * The WorkbookHost of the pane outside Excel: a workbook file the user opened in the browser.
 * Everything happens in the page; nothing is uploaded. The xlsx adapter is loaded lazily with dynamic import(), in
 * two chunks, so neither weighs on the pane inside Excel: the reader ("xlsx-read": src/xlsx/ooxml) the first time a
 * file is read, the writer ("xlsx-write": src/xlsx/package, adding the sheet to the original bytes) when a gap sheet
 * is written. Neither is exceljs.
 *
 * writeSheet renders the gap sheet into a copy of the ORIGINAL bytes every time (generating again with
 * another target replaces the earlier result, never stacks sheets); the result is kept for download.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { outputFileName } from './format';

/** What the browser host needs from the xlsx adapter; loaded on demand. */
export interface XlsxAdapter {
  readWorkbookGrids(bytes: Uint8Array): Promise<Grid[]>;
  /** The gap sheet written earlier into the file (the team's columns are carried over from it), or null. */
  readGapSheet?(bytes: Uint8Array): Promise<Grid | null>;
  /**
   * Adds the sheet to a copy of the workbook; returns the new bytes, the name the sheet got and whether the package is
   * macro-enabled (the download keeps .xlsm). Rejects with WorkbookStructureLockedError (WORKBOOK_STRUCTURE_LOCKED) when
   * the workbook's structure is protected: nothing is offered for download.
   */
  writeGapSheet(bytes: Uint8Array, model: SheetModel): Promise<{ bytes: Uint8Array; sheetName: string; replaced: boolean; macroEnabled?: boolean }>;
}

/**
 * The real adapter: each half is a separate lazy chunk of the bundle, fetched on its first use.
 */
export async function loadXlsxAdapter(): Promise<XlsxAdapter> {
  return {
    async readWorkbookGrids(bytes) {
      const reader = await import(/* webpackChunkName: "xlsx-read" */ '../xlsx/ooxml/read-workbook');
      return reader.readWorkbookGrids(bytes);
    },
    async readGapSheet(bytes) {
      const reader = await import(/* webpackChunkName: "xlsx-read" */ '../xlsx/ooxml/read-workbook');
      return reader.readMarkedSheetGrid(bytes);
    },
    async writeGapSheet(bytes, model) {
      const writer = await import(/* webpackChunkName: "xlsx-write" */ './xlsx-adapter');
      return writer.writeGapSheet(bytes, model);
    },
  };
}

export interface BrowserOutput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sheetName: string;
}

export class BrowserHost implements WorkbookHost {
  readonly kind = 'browser' as const;
  readonly displayLanguage?: string;
  private adapter: Promise<XlsxAdapter> | null = null;
  private output: BrowserOutput | null = null;
  private readonly outputListeners = new Set<() => void>();

  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly load: () => Promise<XlsxAdapter> = loadXlsxAdapter,
  ) {}

  private xlsx(): Promise<XlsxAdapter> {
    if (!this.adapter) {
      this.adapter = this.load();
      // A failed load (e.g. the chunk could not be fetched) may be retried.
      this.adapter.catch(() => {
        this.adapter = null;
      });
    }
    return this.adapter;
  }

  async readGrids(): Promise<Grid[]> {
    const xlsx = await this.xlsx();
    return xlsx.readWorkbookGrids(this.bytes);
  }

  async readGapSheet(): Promise<Grid | null> {
    const xlsx = await this.xlsx();
    return xlsx.readGapSheet ? xlsx.readGapSheet(this.bytes) : null;
  }

  /** A file has no selection to move; the pane shows the cell address instead. */
  async selectCell(): Promise<void> {
    /* nothing to select outside Excel */
  }

  async writeSheet(model: SheetModel): Promise<WriteResult> {
    const xlsx = await this.xlsx();
    const result = await xlsx.writeGapSheet(this.bytes, model);
    this.output = { fileName: outputFileName(this.fileName, result.macroEnabled), bytes: result.bytes, sheetName: result.sheetName };
    for (const l of [...this.outputListeners]) l();
    return { sheetName: result.sheetName, replaced: result.replaced };
  }

  /** The workbook with the gap sheet, after a successful writeSheet. */
  getOutput(): BrowserOutput | null {
    return this.output;
  }

  /** A file does not change while it is open. */
  async onChange(): Promise<() => void> {
    return () => undefined;
  }
}
