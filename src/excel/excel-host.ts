/**
 * The Excel adapter: the WorkbookHost port on Office.js. It is given the `Excel` namespace (the
 * real one inside Excel, or the strict fake in tests) instead of reading globals, so nothing here
 * runs at import time and detect.ts stays the only place that looks at `Office`/`Excel`.
 *
 * Round trips (context.sync calls): readGrids 2 for any number of sheets; writeSheet 1 probe + 1
 * write (more only when Excel on the web's 5 MB request limit demands chunking); selectCell 1;
 * onChange 1 to subscribe, 1 to unsubscribe.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { readGrids } from './read';
import { DEFAULT_WRITE_BUDGET, writeSheetModel } from './write';
import { SyncCounter } from './sync';

/** The part of the `Excel` namespace the adapter uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  readonly excel: ExcelApi;
  /** Office.context.displayLanguage, e.g. "id-ID". */
  readonly displayLanguage?: string;
  /** Office.context.requirements.isSetSupported('ExcelApi', version). Default: everything up to 1.12. */
  readonly isApiSupported?: (version: string) => boolean;
  /** Bytes per write sync (default 4 MB, under Excel on the web's 5 MB request limit). */
  readonly writeBudget?: number;
  /** Bytes per read sync in the fallback path for huge workbooks (default 4 MB). */
  readonly readBudget?: number;
}

/** Round trips of the last operations, for tests and the bench. */
export interface SyncStats {
  lastRead: number;
  lastWrite: number;
  lastSelect: number;
  total: number;
}

function defaultSupport(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major < 1 || (major === 1 && minor <= 12);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly displayLanguage?: string;
  readonly stats: SyncStats = { lastRead: 0, lastWrite: 0, lastSelect: 0, total: 0 };
  private readonly excel: ExcelApi;
  private readonly isApiSupported: (version: string) => boolean;
  private readonly writeBudget: number;
  private readonly readBudget: number;
  /** Sheets this host wrote: their change events do not call back (the pane need not re-read for them). */
  private readonly ownSheetIds = new Set<string>();

  constructor(options: ExcelHostOptions) {
    this.excel = options.excel;
    this.displayLanguage = options.displayLanguage;
    this.isApiSupported = options.isApiSupported ?? defaultSupport;
    this.writeBudget = options.writeBudget ?? DEFAULT_WRITE_BUDGET;
    this.readBudget = options.readBudget ?? 4_000_000;
  }

  async readGrids(): Promise<Grid[]> {
    const counter = new SyncCounter();
    try {
      return await this.excel.run((context) => readGrids(context, counter, { isApiSupported: this.isApiSupported, responseBudget: this.readBudget }));
    } finally {
      this.stats.lastRead = counter.count;
      this.stats.total += counter.count;
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const counter = new SyncCounter();
    try {
      await this.excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address.replace(/^.*!/, '')).select();
        await counter.counted(context.sync());
      });
    } finally {
      this.stats.lastSelect = counter.count;
      this.stats.total += counter.count;
    }
  }

  async writeSheet(model: SheetModel): Promise<WriteResult> {
    const counter = new SyncCounter();
    try {
      const outcome = await this.excel.run((context) =>
        writeSheetModel(context, counter, model, { budget: this.writeBudget, isApiSupported: this.isApiSupported }),
      );
      this.ownSheetIds.add(outcome.sheetId);
      return { sheetName: outcome.sheetName, replaced: outcome.replaced };
    } finally {
      this.stats.lastWrite = counter.count;
      this.stats.total += counter.count;
    }
  }

  /**
   * Calls back when a cell changes on any sheet except those this host wrote
   * (workbook.worksheets.onChanged, ExcelApi 1.9). Without that API the returned function does nothing.
   */
  async onChange(callback: () => void): Promise<() => void> {
    if (!this.isApiSupported('1.9')) return () => undefined;
    let active = true;
    const registration = await this.excel.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
        if (active && !this.ownSheetIds.has(args.worksheetId)) callback();
      });
      await context.sync();
      return result;
    });
    return () => {
      if (!active) return;
      active = false;
      void this.excel
        .run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        })
        .catch(() => undefined);
    };
  }
}
