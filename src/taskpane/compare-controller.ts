/**
 * The pane's "Bandingkan" (Compare) section, in plain TypeScript (no DOM, no React, no Office), like
 * controller.ts: the assessment of this workbook (the host's) compared with another one — another assessment
 * sheet of the same workbook (in Excel, "Penilaian 2023" beside "Penilaian 2024") or a workbook file the user
 * opens (in Excel or in the browser page). The application layer (src/app/compare.ts) chooses, orders and
 * compares; this controller keeps the state, words the result for the view (change per index, aspect and
 * domain, the top movers, the estimate) and writes the comparison sheet through the host: into the open
 * workbook in Excel, into the downloaded copy in the browser.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid, Lang, PredicateBasis } from '../core/types';
import { text, type Catalogue } from '../core/i18n';
import { describe, problemOfError } from '../core/problems';
import { compact, decimal, signed } from '../core/compare-format';
import { describeComparison } from '../core/compare-text';
import { topMovers } from '../core/compare';
import type { ComparedGroup, Comparison } from '../core/compare';
import { compareSheetFor, openComparison, type ComparisonOutcome, type CompareSource } from '../app/compare';
import { openAssessment } from '../app/assessment';

export type CompareWith = { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'file'; readonly name: string };

export interface GroupView {
  readonly no: number;
  readonly name: string;
  /** "2,10", or "–" when no indicator of it is matched. */
  readonly before: string;
  readonly after: string;
  readonly change: string;
}

export interface SideView {
  /** "Penilaian 2023", "file.xlsx · Rekap". */
  readonly where: string;
  readonly index: string;
  readonly predicate: string;
  readonly framework: string;
}

/** The comparison in words and figures for the view, in the user's language. */
export interface CompareView {
  readonly title: string;
  readonly before: SideView;
  readonly after: SideView;
  readonly delta: string;
  /** The change of regulation's part; null within one framework. */
  readonly framework: string | null;
  readonly levels: string;
  readonly movers: ReadonlyArray<{ readonly no: number; readonly name: string; readonly levels: string; readonly points: string }>;
  readonly aspects: ReadonlyArray<GroupView>;
  readonly domains: ReadonlyArray<GroupView>;
  /** The transition preview as one line (a range, labelled an estimate), or null. */
  readonly estimate: string | null;
  /** Notes (which side is before, the crosswalk's basis …). */
  readonly notes: ReadonlyArray<string>;
  /** The whole readable comparison (as `spbe compare` prints it). */
  readonly lines: ReadonlyArray<string>;
}

export type CompareWrite =
  | { readonly phase: 'idle' }
  | { readonly phase: 'writing' }
  | { readonly phase: 'done'; readonly result: WriteResult; readonly message: string }
  | { readonly phase: 'failed'; readonly message: string };

export interface CompareState {
  readonly lang: Lang;
  /** idle: nothing chosen; comparing; ready: `view` holds the comparison; blocked: `message` says why not. */
  readonly phase: 'idle' | 'comparing' | 'ready' | 'blocked';
  /** The other assessment sheets of this workbook, newest first (empty outside Excel or with one assessment). */
  readonly sheets: ReadonlyArray<{ readonly sheet: string; readonly year: number | null }>;
  /** The sheet of this workbook's own assessment (the application's choice), when known. */
  readonly current: string | null;
  readonly with: CompareWith | null;
  readonly view: CompareView | null;
  readonly message: string | null;
  readonly write: CompareWrite;
  /** True once this workbook's assessments are known (the section is shown from then on). */
  readonly listed: boolean;
}

export interface CompareControllerOptions {
  readonly lang?: Lang;
  readonly basis?: PredicateBasis;
  /** Reads a workbook file's bytes into grids (default: the OOXML reader, loaded on first use). */
  readonly readFile?: (bytes: Uint8Array) => Promise<Grid[]>;
  /** Today, ISO "YYYY-MM-DD", for the sheet (default: the local date). */
  readonly date?: () => string;
  /**
   * This workbook's grids as the pane last read them (PaneController.workbookGrids): used instead of reading the
   * workbook again, so the Compare section costs Excel no sync of its own. The host is read when it gives none.
   */
  readonly grids?: () => Grid[] | null;
}

async function defaultReadFile(bytes: Uint8Array): Promise<Grid[]> {
  const reader = await import(/* webpackChunkName: "xlsx-read" */ '../xlsx/ooxml/read-workbook');
  return reader.readWorkbookGrids(bytes);
}

type Key = keyof Catalogue['compare'];

function errorText(e: unknown, lang: Lang): string {
  const problem = problemOfError(e);
  if (problem) return describe(problem, lang, 'pane');
  return e instanceof Error ? e.message : String(e);
}

export class CompareController {
  private state: CompareState;
  private readonly listeners = new Set<() => void>();
  private hostGrids: Grid[] | null = null;
  private file: { name: string; grids: Grid[] } | null = null;
  private outcome: ComparisonOutcome | null = null;
  private serial = 0;
  private disposed = false;
  private readonly readFile: (bytes: Uint8Array) => Promise<Grid[]>;
  private readonly basis: PredicateBasis;

  constructor(private readonly host: WorkbookHost, private readonly options: CompareControllerOptions = {}) {
    this.readFile = options.readFile ?? defaultReadFile;
    this.basis = options.basis ?? 'exact';
    this.state = { lang: options.lang ?? 'id', phase: 'idle', sheets: [], current: null, with: null, view: null, message: null, write: { phase: 'idle' }, listed: false };
  }

  get hostKind(): WorkbookHost['kind'] {
    return this.host.kind;
  }

  getState = (): CompareState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(patch: Partial<CompareState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private t(key: Key, params?: Record<string, string | number>): string {
    return text(this.state.lang, 'compare', key, params);
  }

  /**
   * Reads this workbook and lists its other assessment sheets; when there is one (a sheet per year), compares
   * with the newest of them at once.
   */
  async start(): Promise<void> {
    let grids: Grid[];
    try {
      grids = await this.readHost();
    } catch (e) {
      this.set({ phase: 'blocked', message: errorText(e, this.state.lang) });
      return;
    }
    this.list(grids);
    if (this.state.sheets.length && this.host.kind === 'excel' && this.state.with === null) await this.chooseSheet(this.state.sheets[0].sheet);
  }

  private readHost(): Promise<Grid[]> {
    const known = this.options.grids?.();
    return known ? Promise.resolve(known) : this.host.readGrids();
  }

  /** Takes this workbook's grids: its own assessment sheet and the other assessment sheets. */
  private list(grids: Grid[]): void {
    this.hostGrids = grids;
    const a = openAssessment(grids, { basis: this.basis, context: 'pane' });
    const current = a.table?.sheet ?? null;
    const sheets = (a.candidates ?? [])
      .filter((c) => c.sheet !== current)
      .map((c, i) => ({ sheet: c.sheet, year: c.year, i }))
      .sort((x, y) => (y.year ?? -1) - (x.year ?? -1) || y.i - x.i)
      .map(({ sheet, year }) => ({ sheet, year }));
    this.set({ sheets, current, listed: true });
  }

  /** The pane read the workbook again (the user edited it): the sheets are listed and compared again. */
  async workbookChanged(): Promise<void> {
    const grids = this.options.grids?.();
    if (!grids || grids === this.hostGrids) return;
    this.list(grids);
    const w = this.state.with;
    if (w && (w.kind === 'file' || this.state.sheets.some((s) => s.sheet === w.sheet))) await this.compare(w);
  }

  /** Compares with another assessment sheet of this workbook. */
  async chooseSheet(sheet: string): Promise<void> {
    this.file = null;
    await this.compare({ kind: 'sheet', sheet });
  }

  /** Compares with a workbook file the user opened (its bytes are read here, in the page; nothing is uploaded). */
  async openFile(name: string, bytes: Uint8Array): Promise<void> {
    const serial = ++this.serial;
    this.set({ phase: 'comparing', with: { kind: 'file', name }, write: { phase: 'idle' } });
    let grids: Grid[];
    try {
      grids = await this.readFile(bytes);
    } catch (e) {
      if (serial !== this.serial) return;
      this.outcome = null;
      this.set({ phase: 'blocked', view: null, message: this.t('paneReadFailed', { reason: errorText(e, this.state.lang) }) });
      return;
    }
    if (serial !== this.serial) return;
    this.file = { name, grids };
    await this.compare({ kind: 'file', name }, serial);
  }

  /** Compares again (e.g. after edits in the workbook): this workbook is read again. */
  async refresh(): Promise<void> {
    const w = this.state.with;
    if (!w) return;
    try {
      this.hostGrids = await this.readHost();
    } catch (e) {
      this.set({ phase: 'blocked', view: null, message: errorText(e, this.state.lang) });
      return;
    }
    await this.compare(w);
  }

  private async compare(w: CompareWith, serial = ++this.serial): Promise<void> {
    this.set({ phase: 'comparing', with: w, write: { phase: 'idle' } });
    if (!this.hostGrids) this.hostGrids = await this.readHost();
    if (serial !== this.serial) return;
    const hostFile = (this.host as { fileName?: unknown }).fileName;
    const mine: CompareSource = { grids: this.hostGrids, file: typeof hostFile === 'string' ? hostFile : null, sheet: this.state.current };
    const other: CompareSource = w.kind === 'sheet' ? { grids: this.hostGrids, file: mine.file, sheet: w.sheet } : { grids: this.file!.grids, file: w.name };
    // The other one first: it is before when no year or regulation says otherwise.
    this.outcome = openComparison([other, mine], { basis: this.basis, context: 'pane' });
    this.render();
  }

  private render(): void {
    const o = this.outcome;
    if (!o) return;
    if (o.kind === 'compared') {
      this.set({ phase: 'ready', view: this.viewOf(o), message: null });
    } else if (o.kind === 'usage') {
      this.set({ phase: 'blocked', view: null, message: o.message[this.state.lang] });
    } else {
      const s = o.sides[0];
      const where = [s.side.file, s.side.sheet].filter(Boolean).join(' · ');
      this.set({
        phase: 'blocked',
        view: null,
        message: this.t('paneSideErrors', { side: this.t(s.role === 'before' ? 'cliSideBefore' : 'cliSideAfter'), where, count: Math.max(1, s.errors.length) }),
      });
    }
  }

  private viewOf(o: Extract<ComparisonOutcome, { kind: 'compared' }>): CompareView {
    const lang = this.state.lang;
    const c: Comparison = o.comparison;
    const side = (s: typeof o.before, sum: Comparison['before']): SideView => ({
      where: [s.file, s.sheet].filter(Boolean).join(' · '),
      index: decimal(sum.index, lang),
      predicate: sum.scores.predicate,
      framework: sum.framework.name,
    });
    const group = (g: ComparedGroup): GroupView => ({
      no: g.no,
      name: g.name,
      before: g.before === null ? this.t('noBefore') : decimal(g.before, lang),
      after: decimal(g.after, lang),
      change: g.change === null ? '' : signed(g.change, lang),
    });
    const lines = describeComparison(c, lang);
    const p = o.preview;
    return {
      title: lines[0],
      before: side(o.before, c.before),
      after: side(o.after, c.after),
      delta: signed(c.delta, lang),
      framework: c.kind === 'across-regulations' ? signed(c.effects.framework, lang) : null,
      levels: signed(c.effects.levels, lang),
      movers: topMovers(c, 5).map((r) => ({
        no: r.no,
        name: r.name.replace(/^Tingkat Kematangan\s+/, ''),
        levels: `${compact(r.before!, lang)} → ${compact(r.after, lang)}`,
        points: signed(r.contribution!, lang, 3),
      })),
      aspects: c.aspects.map(group),
      domains: c.domains.map(group),
      estimate: p ? this.t('paneEstimate', { to: p.to.name, low: decimal(p.low.exact, lang), high: decimal(p.high.exact, lang), label: p.label[lang] }) : null,
      notes: [...o.orderNotes, ...c.notes].map((n) => n.message[lang]),
      lines,
    };
  }

  /** Another language: everything shown is worded again. */
  setLang(lang: Lang): void {
    this.state = { ...this.state, lang };
    this.render();
    const w = this.state.write;
    if (w.phase === 'done') this.set({ write: { ...w, message: this.doneMessage(w.result) } });
    else this.set({});
  }

  private doneMessage(result: WriteResult): string {
    return this.t(this.host.kind === 'browser' ? 'paneWriteDoneFile' : 'paneWriteDone', { sheet: result.sheetName });
  }

  /** Writes the comparison sheet: into the workbook (Excel) or into the copy to download (browser). */
  async writeSheet(): Promise<CompareWrite> {
    const o = this.outcome;
    if (!o || o.kind !== 'compared' || this.state.write.phase === 'writing') return this.state.write;
    const model = compareSheetFor(o, { lang: this.state.lang, ...(this.options.date ? { date: this.options.date() } : {}) });
    this.set({ write: { phase: 'writing' } });
    try {
      const result = await this.host.writeSheet(model);
      const w: CompareWrite = { phase: 'done', result, message: this.doneMessage(result) };
      this.set({ write: w });
      return w;
    } catch (e) {
      const w: CompareWrite = { phase: 'failed', message: this.t('paneWriteFailed', { reason: errorText(e, this.state.lang) }) };
      this.set({ write: w });
      return w;
    }
  }

  /** Outside Excel: the workbook copy with the comparison sheet, to download (null in Excel or before a write). */
  output(): { readonly fileName: string; readonly bytes: Uint8Array; readonly sheetName: string } | null {
    const h = this.host as { getOutput?: () => { fileName: string; bytes: Uint8Array; sheetName: string } | null };
    return this.state.write.phase === 'done' && typeof h.getOutput === 'function' ? h.getOutput() : null;
  }

  dispose(): void {
    this.listeners.clear();
    this.disposed = true;
  }
}
