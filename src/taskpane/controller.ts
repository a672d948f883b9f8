/**
 * The task pane's state and behaviour, in plain TypeScript (no DOM, no React, no Office): it reads the
 * workbook through a WorkbookHost, assesses it with the core, re-evaluates (debounced) when the user
 * edits cells, previews the plan for the chosen target and writes the gap sheet. The React view only
 * renders `getState()` and calls the methods below, so everything a user can do is testable here.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Assessment, FrameworkId, Grid, Lang, PredicateBasis, Problem } from '../core/types';
import { text } from '../core/i18n';
import { describe, problemOfError } from '../core/problems';
import type { Engine, PlanPreview, TargetChoice } from './engine';
import { sortProblems } from './format';
import type { PlanStrategy } from '../core/planner';
import type { TeamColumns } from '../core/team-columns';

/** No team entries (no earlier gap sheet, or a host that cannot read it). */
const NO_TEAM: TeamColumns = { entries: new Map(), count: 0 };

/** The engine (reader checks, planner, gap builder: src/app) is a lazy chunk, fetched while the workbook is read. */
const loadDefaultEngine = (): Promise<Engine> => import(/* webpackChunkName: "pane-engine" */ './engine').then((m) => m.defaultEngine);

export type { PlanPreview, TargetChoice } from './engine';

export interface PaneSettings {
  readonly lang: Lang;
  /** The sheet chosen among the assessment sheets, or null for the application's choice (the newest year, else the best table). */
  readonly sheet: string | null;
  /** Forced framework, or null to use the detected one. */
  readonly framework: FrameworkId | null;
  /** Chosen level column (absolute zero-based column index), or null for the default (most advanced stage with values). */
  readonly column: number | null;
  readonly basis: PredicateBasis;
  readonly target: TargetChoice;
  /** Most levels one indicator rises per evaluation cycle (1 by default; 5: no cap). */
  readonly maxRaise: number;
  /** 'fewest-steps' (default) or 'balanced' (the weakest aspects first). */
  readonly strategy: PlanStrategy;
}

export type Phase = 'idle' | 'reading' | 'ready' | 'failed';

export type WriteState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'writing' }
  | { readonly phase: 'done'; readonly result: WriteResult; readonly message: string }
  | { readonly phase: 'blocked'; readonly message: string }
  | { readonly phase: 'failed'; readonly message: string };

export interface PaneState {
  readonly phase: Phase;
  readonly settings: PaneSettings;
  readonly assessment: Assessment | null;
  /** Problems with errors first. */
  readonly problems: ReadonlyArray<Problem>;
  readonly preview: PlanPreview | null;
  readonly write: WriteState;
  /** Why the workbook could not be read (in the user's language), when phase is 'failed'. */
  readonly readError: string | null;
  /** The cell last selected from the problem list ("Sheet!A1"). */
  readonly selected: string | null;
  /** Bumped on every evaluation (tests and the view use it to notice a re-evaluation). */
  readonly evaluations: number;
  /** The target kind the choice stands for on this assessment ('default' resolved: the Target column or the next predicate). */
  readonly targetKind: Exclude<TargetChoice['kind'], 'default'>;
  /** Why "Buat Sheet Gap" cannot be used now (errors, no index, a target that cannot be used), shown beside the disabled button; null when it can. */
  readonly blocked: string | null;
  /** With errors: what to do next (in Excel: click a problem to go to its cell; outside: fix the file, save it and open it again). */
  readonly guidance: string | null;
}

export interface ControllerOptions {
  readonly engine?: Engine;
  /** Loads the engine when none is given (default: the lazy chunk "pane-engine"). */
  readonly loadEngine?: () => Promise<Engine>;
  /** Delay between the last change in the workbook and the re-evaluation, in ms (default 300). */
  readonly debounceMs?: number;
  readonly settings?: Partial<PaneSettings>;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  lang: 'id',
  sheet: null,
  framework: null,
  column: null,
  basis: 'exact',
  target: { kind: 'default' },
  maxRaise: 1,
  strategy: 'fewest-steps',
};

/**
 * Words for a failure: an error that carries a problem of the table (an unreadable file, a write Excel
 * refused) in the pane's words and the user's language, else the error's own message.
 */
function errorText(e: unknown, lang: Lang = 'id'): string {
  const problem = problemOfError(e);
  if (problem) return describe(problem, lang, 'pane');
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The sheet a failed write may have left behind (src/excel's SheetWriteError says so), or null. */
function leftover(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const { cleanedUp, sheetName } = e as { cleanedUp?: unknown; sheetName?: unknown };
  return cleanedUp === false && typeof sheetName === 'string' && sheetName !== '' ? sheetName : null;
}

/** The message of a failed write, in `lang`: the workbook was not changed, or (rarely) an incomplete sheet may remain. */
function writeFailureText(e: unknown, lang: Lang): string {
  const reason = errorText(e, lang);
  const sheet = leftover(e);
  if (sheet !== null) return text(lang, 'pane', 'writeFailedLeftover', { reason, sheet });
  return text(lang, 'pane', 'writeFailed', { reason });
}

export class PaneController {
  private state: PaneState;
  private grids: Grid[] | null = null;
  private readonly listeners = new Set<() => void>();
  private engine: Engine | null;
  private readonly loadEngine: () => Promise<Engine>;
  private enginePromise: Promise<Engine> | null = null;
  private readonly debounceMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private disposed = false;
  /** Serial number of the latest read, so a slow earlier read never overwrites a newer one. */
  private readSerial = 0;
  /** What made the last read or evaluation fail (its message is rebuilt when the language changes). */
  private failure: unknown = null;
  /** What made the last write fail (its message is rebuilt when the language changes). */
  private writeFailure: unknown = null;

  constructor(private readonly host: WorkbookHost, options: ControllerOptions = {}) {
    this.engine = options.engine ?? null;
    this.loadEngine = options.loadEngine ?? loadDefaultEngine;
    this.debounceMs = options.debounceMs ?? 300;
    this.setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimeout ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.state = {
      phase: 'idle',
      settings: { ...DEFAULT_SETTINGS, ...options.settings },
      assessment: null,
      problems: [],
      preview: null,
      write: { phase: 'idle' },
      readError: null,
      selected: null,
      evaluations: 0,
      targetKind: 'next',
      blocked: null,
      guidance: null,
    };
  }

  /** The engine, loaded once (a failed load is tried again on the next read). */
  private ensureEngine(): Promise<Engine> {
    if (this.engine) return Promise.resolve(this.engine);
    if (!this.enginePromise) {
      this.enginePromise = this.loadEngine().then(
        (e) => (this.engine = e),
        (e: unknown) => {
          this.enginePromise = null;
          throw e;
        },
      );
    }
    return this.enginePromise;
  }

  get hostKind(): WorkbookHost['kind'] {
    return this.host.kind;
  }

  getState = (): PaneState => this.state;
  /** The workbook's grids as last read (the Compare section uses them instead of reading the workbook again). */
  readonly workbookGrids = (): Grid[] | null => this.grids;
  readonly workbookHost = (): WorkbookHost => this.host;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<PaneState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /**
   * Starts listening to edits, then reads the workbook and assesses it. Listening first means no edit
   * made during the first read goes unnoticed, and lets the host re-read only what changed from then on.
   */
  async start(): Promise<void> {
    if (!this.unsubscribe) {
      try {
        const off = await this.host.onChange(() => this.changed());
        if (this.disposed) off();
        else this.unsubscribe = off;
      } catch {
        // A host that cannot report changes still works; the user re-reads by re-opening the pane.
      }
    }
    if (this.disposed) return;
    await this.refresh();
  }

  /** Called by the host on every edit: re-evaluates once the edits pause. */
  changed(): void {
    if (this.disposed) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, this.debounceMs);
  }

  /** Re-reads the workbook and re-evaluates now. */
  async refresh(): Promise<void> {
    const serial = ++this.readSerial;
    if (this.state.phase !== 'ready') this.set({ phase: 'reading' });
    let grids: Grid[];
    try {
      // the engine's chunk is fetched while the workbook is read
      const engine = this.ensureEngine();
      engine.catch(() => undefined);
      grids = await this.host.readGrids();
      await engine;
    } catch (e) {
      if (serial !== this.readSerial) return;
      this.fail(e);
      return;
    }
    if (serial !== this.readSerial || this.disposed) return;
    this.grids = grids;
    this.failure = null;
    this.evaluate({ phase: 'ready', readError: null });
  }

  private fail(e: unknown, extra: Partial<PaneState> = {}): void {
    this.failure = e;
    const lang = this.state.settings.lang;
    this.set({ ...extra, phase: 'failed', readError: text(lang, 'pane', 'readFailed', { reason: errorText(e, lang) }), assessment: null, problems: [], preview: null, blocked: null, guidance: null });
  }

  private evaluate(extra: Partial<PaneState> = {}): void {
    if (!this.grids || !this.engine) {
      this.set(extra);
      return;
    }
    const settings = this.state.settings;
    let assessment: Assessment;
    try {
      assessment = this.engine.assess(this.grids, settings);
    } catch (e) {
      this.fail(e, extra);
      return;
    }
    const preview = this.engine.preview(assessment, settings);
    const base = extra.write ?? this.state.write;
    const write = base.phase === 'writing' ? base : this.keepWriteMessage(assessment, base);
    const targetKind = this.engine.targetKind(settings.target, assessment);
    const next: PaneState = {
      ...this.state,
      ...extra,
      assessment,
      problems: sortProblems(assessment.problems),
      preview,
      write,
      targetKind,
      evaluations: this.state.evaluations + 1,
    };
    this.set({ ...next, blocked: blockReasonOf(next), guidance: this.guidanceText(next) });
  }

  /** With errors, what to do next: in Excel a problem leads to its cell; a file is fixed, saved and opened again. */
  private guidanceText(state: PaneState): string | null {
    const a = state.assessment;
    if (!a || (a.scores && !a.problems.some((p) => p.severity === 'error'))) return null;
    return text(state.settings.lang, 'pane', this.host.kind === 'excel' ? 'guidanceExcel' : 'guidanceFile');
  }

  /** A success message stays until the next write; a "blocked" message goes once the errors are fixed. */
  private keepWriteMessage(assessment: Assessment, w: WriteState): WriteState {
    if (w.phase === 'blocked' && !assessment.problems.some((p) => p.severity === 'error')) return { phase: 'idle' };
    return w;
  }

  /** Changes settings; the workbook is not read again, only re-evaluated. */
  update(patch: Partial<PaneSettings>): void {
    const prev = this.state.settings;
    const settings = { ...prev, ...patch };
    // Another framework changes the table's meaning, another sheet the table: the column choice no longer applies.
    const tableChanged = (patch.framework !== undefined && patch.framework !== prev.framework) || (patch.sheet !== undefined && patch.sheet !== prev.sheet);
    if (tableChanged && patch.column === undefined) {
      (settings as { column: number | null }).column = null;
    }
    const languageOnly = Object.keys(patch).every((k) => k === 'lang');
    this.state = { ...this.state, settings };
    if (languageOnly && this.state.phase === 'failed' && this.failure !== null) {
      this.fail(this.failure);
    } else if (languageOnly) {
      // Messages of a finished, blocked or failed write are rebuilt in the new language.
      this.evaluate();
      this.set({ write: this.translateWrite(this.state.write) });
    } else {
      this.evaluate({ write: this.state.write.phase === 'writing' ? this.state.write : { phase: 'idle' } });
    }
  }

  private translateWrite(w: WriteState): WriteState {
    if (w.phase === 'done') return { ...w, message: this.successMessage(w.result) };
    if (w.phase === 'blocked') {
      const reason = this.blockReason();
      return reason ? { phase: 'blocked', message: reason } : { phase: 'idle' };
    }
    if (w.phase === 'failed') return { phase: 'failed', message: writeFailureText(this.writeFailure, this.state.settings.lang) };
    return w;
  }

  private failWrite(e: unknown): WriteState {
    this.writeFailure = e;
    const w: WriteState = { phase: 'failed', message: writeFailureText(e, this.state.settings.lang) };
    this.set({ write: w });
    return w;
  }

  private successMessage(result: WriteResult): string {
    const lang = this.state.settings.lang;
    const done = text(lang, 'pane', result.replaced ? 'writeReplaced' : 'writeDone', { sheet: result.sheetName });
    // the team's entries carried over from the sheet this write replaced
    return this.teamCarried > 0 ? `${done} ${text(lang, 'gap', 'cliTeam', { count: this.teamCarried })}` : done;
  }

  /** Rows of the team's entries the last write carried over from the earlier gap sheet. */
  private teamCarried = 0;

  /** The team's entries of the earlier gap sheet, when the host can read it (never fails the write). */
  private async teamColumns(): Promise<TeamColumns> {
    const engine = this.engine;
    if (!this.host.readGapSheet || !engine?.teamColumns) return NO_TEAM;
    try {
      return engine.teamColumns(await this.host.readGapSheet());
    } catch {
      return NO_TEAM;
    }
  }

  /** Selects the problem's cell in the workbook. */
  async selectProblem(problem: Problem): Promise<void> {
    if (!problem.cell || !problem.sheet) return;
    this.set({ selected: `${problem.sheet}!${problem.cell}` });
    try {
      await this.host.selectCell(problem.sheet, problem.cell);
    } catch {
      // Selecting is a convenience; the address stays visible in the list.
    }
  }

  /** Writes the gap sheet for the current target, or says what blocks it. */
  async generate(): Promise<WriteState> {
    const { assessment, settings } = this.state;
    if (this.state.write.phase === 'writing') return this.state.write;
    const blocked = this.blockReason();
    if (blocked) {
      const w: WriteState = { phase: 'blocked', message: blocked };
      this.set({ write: w });
      return w;
    }
    let model;
    const team = await this.teamColumns();
    try {
      const sourceFile = (this.host as { fileName?: unknown }).fileName;
      model = (this.engine as Engine).gapSheet(assessment as Assessment, settings, { ...(typeof sourceFile === 'string' ? { sourceFile } : {}), team });
      this.teamCarried = team.count;
    } catch (e) {
      return this.failWrite(e);
    }
    this.set({ write: { phase: 'writing' } });
    try {
      const result = await this.host.writeSheet(model);
      const w: WriteState = { phase: 'done', result, message: this.successMessage(result) };
      this.set({ write: w });
      return w;
    } catch (e) {
      return this.failWrite(e);
    }
  }

  /** Shows the outcome of a write made elsewhere (the ribbon's one-click command) as if the button had been pressed. */
  showWriteResult(result: WriteResult, teamEntries = 0): void {
    this.teamCarried = teamEntries;
    this.set({ write: { phase: 'done', result, message: this.successMessage(result) } });
  }

  /** Shows why a write made elsewhere (the ribbon's command) failed: what was thrown, or a reason in words. */
  showWriteFailure(error: unknown): void {
    this.failWrite(error);
  }

  /** Why the gap sheet cannot be written now (in the user's language), or null. */
  blockReason(): string | null {
    return blockReasonOf(this.state);
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
    this.disposed = true;
  }
}

/** Why the gap sheet cannot be written in this state (in the user's language), or null. */
function blockReasonOf(state: PaneState): string | null {
  const { assessment, settings, phase } = state;
  const lang = settings.lang;
  if (phase !== 'ready' || !assessment) return text(lang, 'pane', 'blockedNotRead');
  const errors = assessment.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !assessment.scores) return text(lang, 'pane', 'blockedErrors', { count: Math.max(errors, 1) });
  const preview = state.preview;
  if (preview && preview.status === 'invalid') return preview.message;
  return null;
}
