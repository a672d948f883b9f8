/**
 * The application layer: the one workflow of the product — open an assessment, choose the goal, plan,
 * build the gap sheet — that the `spbe` command (src/cli), the task pane (src/taskpane) and the ribbon
 * button (src/commands) all call, so they agree by construction. Entry points call this layer and never
 * one another (test/app/layers.test.ts checks the imports).
 *
 *   openAssessment(grids, options)  which sheet (the one chosen, else the newest year, else the best
 *                                   table), which level column and framework; problems worded for the
 *                                   context (the command names its options, the pane its settings)
 *   defaultTarget(assessment)       the sheet's own Target column when it has one, else the next predicate
 *   withTeamEntries(assessment, team) what the team typed into an earlier gap sheet (targets, locks), carried over
 *   planFor(assessment, request, options) the planner (cap per cycle, strategy, locks: ./plan-options.ts), with
 *                                   its usage errors as problems of the table
 *   gapSheetFor(assessment, plan)   the gap sheet as a SheetModel (rendered by src/xlsx or src/excel)
 *
 * Pure functions of data, like the core; only gapSheetFor reads the clock (today's date on the sheet) when
 * no date is given.
 */
import type { Assessment, FrameworkId, Lang, PredicateBasis, WorkbookGrids } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { assess } from '../core/assess';
import { isPlanUsageError, planGap, type GapPlan, type TargetRequest } from '../core/planner';
import { buildGapSheet } from '../core/gap-sheet';
import { hasRaisedTargets, type TeamColumns } from '../core/team-columns';

export { teamColumnsOf } from '../core/team-columns';
import { planProblem, type PlanProblem } from './plan';
import type { PlanChoices } from './plan-options';

/** Where an assessment is shown: it decides the wording of its problems. */
export type AssessmentContext = 'command' | 'pane';

export interface OpenOptions {
  /** The sheet the user chose (--sheet, the pane's sheet chooser), by name, any case. Default: see openAssessment. */
  readonly sheet?: string | null;
  /** The framework the user chose (an id or a regulation number). Default: detected from the rows. */
  readonly framework?: FrameworkId | null;
  /** The level column by (part of) its header text or its letter (--column). */
  readonly column?: string | null;
  /** The level column by its absolute zero-based index (the pane's column chooser; a stale index is ignored). */
  readonly columnIndex?: number | null;
  /** The predicate on the exact index (default) or on the index rounded half-up to 2 decimals. */
  readonly basis?: PredicateBasis;
  /** Whose words the problems use (default 'command'). */
  readonly context?: AssessmentContext;
}

/**
 * Reads, checks and scores the assessment in `grids` (the adapters have already left out the tool's own
 * gap sheet: the marker name is the only rule for that). The sheet: the one chosen; otherwise, when the
 * workbook keeps several assessments alike (a sheet per year), the newest year from the sheet names or the
 * titles above the tables; otherwise the best table (a level column, visible, longest, fullest). The other
 * candidates are named in a note (OTHER_TABLES) and listed in `assessment.candidates`.
 */
export function openAssessment(grids: WorkbookGrids, options: OpenOptions = {}): Assessment {
  return assess(grids, {
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.framework ? { framework: options.framework } : {}),
    ...(options.column ? { column: options.column } : {}),
    ...(options.columnIndex !== null && options.columnIndex !== undefined ? { columnIndex: options.columnIndex } : {}),
    basis: options.basis ?? 'exact',
    context: options.context ?? 'command',
  });
}

/** True when the assessment has an index (no errors), so a plan can be made. */
export function hasIndex(a: Assessment): boolean {
  return a.framework !== null && a.scores !== null && !a.problems.some((p) => p.severity === 'error');
}

/** The goal when the user names none: the sheet's own Target column when any row has a readable target, else the next predicate up. */
export function defaultTarget(a: Assessment): TargetRequest {
  return a.entries.some((e) => e.target !== null) ? { mode: 'column' } : { mode: 'next' };
}

export type PlanOutcome =
  | { readonly kind: 'plan'; readonly plan: GapPlan }
  /** The assessment has errors: there is no index to plan from. */
  | { readonly kind: 'no-index' }
  /** The goal makes no sense (an unknown predicate, a level outside 1–5 …): a problem of the table, worded by the planner. */
  | { readonly kind: 'invalid'; readonly problem: PlanProblem };

/** The options of a plan: the predicate basis, and the cap per cycle, the strategy and the locks (./plan-options.ts). */
export interface PlanForOptions extends Partial<PlanChoices> {
  readonly basis?: PredicateBasis;
  /** The team's entries of the earlier gap sheet: their locks are kept (added to `locks`). */
  readonly team?: TeamColumns | null;
}

/** Plans the goal `request` (default: defaultTarget) on the assessment's entries. */
export function planFor(a: Assessment, request: TargetRequest | null = null, options: PlanForOptions = {}): PlanOutcome {
  if (!hasIndex(a) || a.framework === null) return { kind: 'no-index' };
  const known = new Set(a.entries.map((e) => e.key));
  const locks = [...(options.locks ?? [])];
  for (const e of options.team?.entries.values() ?? []) if (e.lock && known.has(e.key) && !locks.includes(e.key)) locks.push(e.key);
  const p = planGap(a.framework, a.entries, request ?? defaultTarget(a), {
    basis: options.basis ?? 'exact',
    ...(options.maxRaise !== undefined ? { maxRaise: options.maxRaise } : {}),
    ...(options.strategy !== undefined ? { strategy: options.strategy } : {}),
    ...(locks.length > 0 ? { locks } : {}),
  });
  if (isPlanUsageError(p)) return { kind: 'invalid', problem: planProblem(p) };
  return { kind: 'plan', plan: p };
}

export interface GapSheetOptions {
  readonly lang: Lang;
  /** The date on the sheet, ISO "YYYY-MM-DD" (default: today, local time). */
  readonly date?: string;
  /** The workbook's file name, when known. */
  readonly sourceFile?: string;
  /** The team's entries of the earlier gap sheet, carried over into the new one's team columns. */
  readonly team?: TeamColumns | null;
}

/** The gap sheet of a plan made from the assessment. */
export function gapSheetFor(a: Assessment, plan: GapPlan, options: GapSheetOptions): SheetModel {
  return buildGapSheet(a, plan, {
    lang: options.lang,
    date: options.date ?? isoDate(new Date()),
    ...(options.sourceFile ? { sourceFile: options.sourceFile } : {}),
    ...(options.team ? { team: options.team } : {}),
  });
}

/**
 * The assessment with the targets the team wrote into the earlier gap sheet (team-columns.ts), when they
 * raise at least one entry above its level: they are the Target column then, so the default goal
 * (defaultTarget) keeps the team's plan on a rerun. An explicit goal still wins. Unchanged otherwise.
 */
export function withTeamEntries(a: Assessment, team: TeamColumns | null | undefined): Assessment {
  if (!team || team.entries.size === 0) return a;
  const byKey = new Map(a.entries.map((e) => [e.key, e]));
  if (!hasRaisedTargets(team, (k) => byKey.get(k)?.level ?? null)) return a;
  const entries = a.entries.map((e) => {
    const t = team.entries.get(e.key)?.target;
    return t ? { ...e, target: t } : e;
  });
  return { ...a, entries };
}

/** A local date as ISO "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
