/**
 * The Excel adapter: the WorkbookHost port on Office.js. It is given the `Excel` namespace (the
 * real one inside Excel, or the strict fake in tests) instead of reading globals, so nothing here
 * runs at import time and detect.ts stays the only place that looks at `Office`/`Excel`.
 *
 * Round trips (context.sync calls), for a workbook of normal size:
 * - onChange: 1 to subscribe (it also learns the sheets, names and tables), 1 to unsubscribe;
 * - readGrids: 2 the first time without a subscription (the sheets, then their cells), 1 once the
 *   sheets are known; while subscribed, a re-read loads only what the reported changes can have
 *   touched, in 1 sync (src/excel/read.ts);
 * - writeSheet: 1 once the host has read, written or subscribed (what it learnt stands in for a probe;
 *   a clash with a change made since costs a clean-up, a probe and a second write), else 2;
 * - selectCell: 1.
 * Huge workbooks take more syncs where Excel on the web's 5 MB request and response limits demand it.
 *
 * The host keeps what its last read saw (the cells by sheet id, the workbook facts) and what changed
 * since (src/excel/changes.ts). That record is only trusted while the change subscription has run
 * without a break since the read: otherwise the next read is a full one. Reads and writes run one at a
 * time, in the order they were asked for, so a re-read never works from a record another is updating.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { DEFAULT_READ_BUDGET, readWorkbook } from './read';
import type { ReadCache } from './read';
import type { WriteOutcome } from './write';

/** The writer (and the problem table's words it needs) is a lazy chunk: the pane's first script only reads. */
const loadWriter = () => import(/* webpackChunkName: "excel-write" */ './write');
import { ChangeTracker } from './changes';
import { queueFacts } from './facts';
import type { WorkbookFacts } from './facts';
import { SyncCounter } from './sync';
import { readGapSheetGrid } from './gap-sheet-read';

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
  /** Estimated bytes per read sync, request and response each (default 4 MB, under Excel on the web's 5 MB limits). */
  readonly readBudget?: number;
}

/** Round trips of the last operations, for tests and the bench. */
export interface SyncStats {
  lastRead: number;
  lastWrite: number;
  lastSelect: number;
  /** The last change subscription (it also learns the workbook facts). */
  lastSubscribe: number;
  total: number;
  /** How the last read got each sheet's cells: read whole, patched from edited areas, kept from the last read. */
  lastReadSheets: { full: number; patched: number; kept: number };
}

/** Excel error codes a write can meet when the remembered facts are stale (a name taken or gone since). */
const STALE_CODES = new Set(['ItemAlreadyExists', 'ItemNotFound', 'InvalidArgument']);

type Mark = ReturnType<ChangeTracker['mark']>;

interface Registration {
  readonly context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

function defaultSupport(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major < 1 || (major === 1 && minor <= 12);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly displayLanguage?: string;
  readonly stats: SyncStats = { lastRead: 0, lastWrite: 0, lastSelect: 0, lastSubscribe: 0, total: 0, lastReadSheets: { full: 0, patched: 0, kept: 0 } };
  private readonly excel: ExcelApi;
  private readonly isApiSupported: (version: string) => boolean;
  private readonly writeBudget: number | undefined;
  private readonly readBudget: number;
  /** Sheets this host wrote or replaced: their events do not call back (the pane need not re-read for them). */
  private readonly ownSheetIds = new Set<string>();
  private readonly tracker = new ChangeTracker();
  private readonly listeners = new Set<() => void>();
  private subscription: Promise<Registration[]> | null = null;
  /** The last read's cells, and the change-record mark they are valid from. */
  private cache: { readonly value: ReadCache; readonly mark: Mark } | null = null;
  /** The sheets, names and tables as last learnt (they stand in for the write's probe) … */
  private facts: WorkbookFacts | null = null;
  /** … and how many sheets had been reported added or deleted when they were: a write with fewer known asks Excel first. */
  private factsAt = 0;
  private sheetEvents = 0;
  /** Reads and writes, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Events that arrived while a write ran: sorted out once its new sheet's id is known. */
  private writing = 0;
  private held: Array<() => void> = [];

  constructor(options: ExcelHostOptions) {
    this.excel = options.excel;
    this.displayLanguage = options.displayLanguage;
    this.isApiSupported = options.isApiSupported ?? defaultSupport;
    this.writeBudget = options.writeBudget;
    this.readBudget = options.readBudget ?? DEFAULT_READ_BUDGET;
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private count(counter: SyncCounter, key: 'lastRead' | 'lastWrite' | 'lastSelect' | 'lastSubscribe'): void {
    this.stats[key] = counter.count;
    this.stats.total += counter.count;
  }

  readGrids(): Promise<Grid[]> {
    return this.serial(() => this.read());
  }

  private async read(): Promise<Grid[]> {
    const counter = new SyncCounter();
    const mark = this.tracker.mark();
    const sheetEvents = this.sheetEvents;
    const trusted = this.cache !== null && this.tracker.followedSince(this.cache.mark);
    const changes = this.tracker.take();
    try {
      const outcome = await this.excel.run((context) =>
        readWorkbook(
          context,
          counter,
          { facts: this.facts, cache: trusted ? this.cache!.value : null, changes: trusted ? changes : null },
          { isApiSupported: this.isApiSupported, budget: this.readBudget },
        ),
      );
      this.cache = { value: outcome.cache, mark };
      this.learnt(outcome.facts, sheetEvents);
      this.stats.lastReadSheets = { ...outcome.sheets };
      return outcome.grids;
    } catch (e) {
      this.tracker.putBack(changes);
      this.cache = null;
      throw e;
    } finally {
      this.count(counter, 'lastRead');
    }
  }

  /** The earlier gap sheet's cells (the team's columns are carried over from them), or null. */
  readGapSheet(): Promise<Grid | null> {
    return this.serial(async () => {
      const counter = new SyncCounter();
      try {
        return await this.excel.run((context) => readGapSheetGrid(context, counter));
      } finally {
        // not a read of the assessment: counted in the total only (lastRead stays the assessment's)
        this.stats.total += counter.count;
      }
    });
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
      this.count(counter, 'lastSelect');
    }
  }

  writeSheet(model: SheetModel): Promise<WriteResult> {
    return this.serial(() => this.write(model));
  }

  private async write(model: SheetModel): Promise<WriteResult> {
    const counter = new SyncCounter();
    const sheetEvents = this.sheetEvents;
    // What the last read, write or subscription learnt stands in for a probe (src/excel/write.ts says why that is
    // safe even when stale), unless Excel has reported a sheet added or deleted since: then a probe is cheaper than a clash.
    const known = this.facts && this.factsAt === sheetEvents ? this.facts : undefined;
    this.writing++;
    let outcome: WriteOutcome | null = null;
    try {
      const { DEFAULT_WRITE_BUDGET, SheetWriteError, writeSheetModel } = await loadWriter();
      const budget = this.writeBudget ?? DEFAULT_WRITE_BUDGET;
      const attempt = (facts: WorkbookFacts | undefined) =>
        this.excel.run((context) => writeSheetModel(context, counter, model, { budget, isApiSupported: this.isApiSupported, facts }));
      try {
        outcome = await attempt(known);
      } catch (e) {
        // Remembered facts may be stale (a sheet renamed or added, a name defined since): learn them and write again.
        if (!known || !(e instanceof SheetWriteError) || !e.cleanedUp || !STALE_CODES.has(e.code)) throw e;
        outcome = await attempt(undefined);
      }
      this.ownSheetIds.add(outcome.sheetId);
      if (outcome.removedSheetId) this.ownSheetIds.add(outcome.removedSheetId);
      this.learnt(outcome.facts, sheetEvents);
      return { sheetName: outcome.sheetName, replaced: outcome.replaced };
    } catch (e) {
      this.facts = null;
      throw e;
    } finally {
      this.count(counter, 'lastWrite');
      this.writing--;
      if (this.writing === 0) {
        const held = this.held;
        this.held = [];
        for (const event of held) event();
      }
    }
  }

  /**
   * Calls back when a cell changes on any sheet except those this host wrote, or a sheet is added or
   * deleted (workbook.worksheets.onChanged, onAdded, onDeleted). One subscription serves every callback;
   * it ends with the last one. Without ExcelApi 1.9 the returned function does nothing.
   */
  async onChange(callback: () => void): Promise<() => void> {
    if (!this.isApiSupported('1.9')) return () => undefined;
    this.listeners.add(callback);
    try {
      await (this.subscription ??= this.subscribe());
    } catch (e) {
      this.listeners.delete(callback);
      throw e;
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(callback);
      if (this.listeners.size === 0) this.unsubscribe();
    };
  }

  private async subscribe(): Promise<Registration[]> {
    const counter = new SyncCounter();
    try {
      return await this.excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const registrations: Registration[] = [
          sheets.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => this.event(args.worksheetId, () => this.tracker.changed(args.worksheetId, args.address, args.changeType))),
          sheets.onAdded.add(async (args: Excel.WorksheetAddedEventArgs) => this.event(args.worksheetId, () => this.sheetAdded(args.worksheetId))),
          sheets.onDeleted.add(async (args: Excel.WorksheetDeletedEventArgs) => this.event(args.worksheetId, () => this.sheetDeleted(args.worksheetId))),
        ];
        // The facts learnt in the same sync save the first read its probe.
        const sheetEvents = this.sheetEvents;
        const facts = queueFacts(context);
        // Changes are followed from this sync on (no event can come before the handlers are registered).
        this.tracker.start();
        try {
          await counter.counted(context.sync());
        } catch (e) {
          this.tracker.stop();
          throw e;
        }
        this.learnt(facts.take(), sheetEvents);
        return registrations;
      });
    } catch (e) {
      this.subscription = null;
      throw e;
    } finally {
      this.count(counter, 'lastSubscribe');
    }
  }

  private unsubscribe(): void {
    const pending = this.subscription;
    this.subscription = null;
    this.tracker.stop();
    if (!pending) return;
    void pending
      .then((registrations) =>
        this.excel.run(registrations[0].context, async (context) => {
          for (const r of registrations) r.remove();
          await context.sync();
        }),
      )
      .catch(() => undefined);
  }

  private learnt(facts: WorkbookFacts, sheetEvents: number): void {
    this.facts = facts;
    this.factsAt = sheetEvents;
  }

  private sheetAdded(id: string): void {
    this.sheetEvents++;
    this.tracker.sheetAdded(id);
  }

  private sheetDeleted(id: string): void {
    this.sheetEvents++;
    this.tracker.sheetDeleted(id);
  }

  /** One event: recorded for the next read, and the listeners told (not for our own sheets; held during a write). */
  private event(worksheetId: string, record: () => void): void {
    const handle = (): void => {
      if (this.ownSheetIds.has(worksheetId) || this.listeners.size === 0) return;
      record();
      for (const l of [...this.listeners]) l();
    };
    if (this.writing > 0) this.held.push(handle);
    else handle();
  }
}
