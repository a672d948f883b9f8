/**
 * The pane's use of the application layer (src/app) in one place: open the assessment with the pane's
 * settings, preview the plan for the chosen target, build the gap-sheet model. Plain functions of data;
 * the controller calls them. Nothing here decides a rule: the sheet, the default target and the plan are
 * the application layer's, as for the command and the ribbon.
 */
import type { Assessment, Grid, Lang, PredicateBasis, FrameworkId } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import type { PlanStrategy, TargetRequest } from '../core/planner';
import { teamColumnsOf, type TeamColumns } from '../core/team-columns';
import { levelName, parseTargetIndex } from '../core/planner';
import { cmp, rational, toNumber } from '../core/rational';
import { text } from '../core/i18n';
import { defaultTarget, gapSheetFor, openAssessment, planFor, withTeamEntries } from '../app/assessment';
import type { GapPlan } from '../core/planner';
import { formatExact, formatPoints } from './format';

export type TargetChoice =
  /** What the application chooses: the sheet's Target column when it has one, else the next predicate. */
  | { readonly kind: 'default' }
  /** The targets written in the sheet's Target column. */
  | { readonly kind: 'column' }
  | { readonly kind: 'next' }
  /** An index typed by the user ("2,6" or "2.6"). */
  | { readonly kind: 'index'; readonly text: string }
  | { readonly kind: 'level'; readonly level: number };

export interface PreviewStep {
  readonly key: string;
  readonly no: number;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** The words of those levels ("Terkelola", "Transaksi"; core/level-names.ts), or null where there is none. */
  readonly fromName: string | null;
  readonly toName: string | null;
  /** Index points gained at 2 decimals, "+0,03". */
  readonly points: string;
  /** The exact points, "+0,0275" (the tooltip of `points`). */
  readonly pointsExact: string;
}

export type PlanPreview =
  /** No index (errors), nothing to plan. */
  | { readonly status: 'unavailable' }
  /** The target as typed cannot be understood. */
  | { readonly status: 'invalid'; readonly message: string }
  /** "Next predicate" while already in the top band. */
  | { readonly status: 'top'; readonly message: string }
  | { readonly status: 'reached'; readonly target: string; readonly message: string; readonly goal: number }
  | { readonly status: 'unreachable'; readonly target: string; readonly message: string; readonly goal: number }
  | {
      readonly status: 'plan';
      readonly target: string;
      readonly message: string;
      readonly indicators: number;
      readonly steps: ReadonlyArray<PreviewStep>;
      readonly goal: number;
      /** Evaluation cycles the plan takes, and the line saying so (cap per cycle, strategy). */
      readonly cycles: number;
      readonly cyclesText: string;
    };

export interface EngineSettings {
  readonly lang: Lang;
  /** The sheet chosen in the pane, or null/absent for the application's choice. */
  readonly sheet?: string | null;
  readonly framework: FrameworkId | null;
  readonly column: number | null;
  readonly basis: PredicateBasis;
  readonly target: TargetChoice;
  /** Most levels one indicator rises per evaluation cycle (default 1). */
  readonly maxRaise?: number;
  /** 'fewest-steps' (default) or 'balanced'. */
  readonly strategy?: PlanStrategy;
}

export interface Engine {
  assess(grids: ReadonlyArray<Grid>, settings: EngineSettings): Assessment;
  preview(assessment: Assessment, settings: EngineSettings): PlanPreview;
  gapSheet(assessment: Assessment, settings: EngineSettings, context?: GapContext): SheetModel;
  /** The team's entries of an earlier gap sheet's grid (core/team-columns.ts); optional for engines that carry nothing over. */
  teamColumns?(grid: Grid | null): TeamColumns;
  /** The target kind a choice stands for on this assessment (effectiveKind). */
  targetKind(choice: TargetChoice, assessment: Assessment | null): Exclude<TargetChoice['kind'], 'default'>;
}

export interface GapContext {
  /** Today, ISO "YYYY-MM-DD" (default: the local date now). */
  readonly date?: string;
  /** The workbook's file name, when known (outside Excel). */
  readonly sourceFile?: string;
  /** The team's entries of the earlier gap sheet (carried over; their targets and locks feed the plan). */
  readonly team?: TeamColumns | null;
}

/** The target kind a choice stands for on this assessment ('default' resolved). */
export function effectiveKind(choice: TargetChoice, assessment: Assessment | null): Exclude<TargetChoice['kind'], 'default'> {
  if (choice.kind !== 'default') return choice.kind;
  return assessment && defaultTarget(assessment).mode === 'column' ? 'column' : 'next';
}

/** The planner request for a target choice, or a message saying why the choice cannot be used. */
export function targetRequest(choice: TargetChoice, lang: Lang, assessment: Assessment | null = null): TargetRequest | { readonly invalid: string } {
  switch (choice.kind) {
    case 'default':
      return assessment ? defaultTarget(assessment) : { mode: 'next' };
    case 'column':
      return { mode: 'column' };
    case 'next':
      return { mode: 'next' };
    case 'level':
      return { mode: 'level', level: choice.level };
    case 'index': {
      const value = parseTargetIndex(choice.text);
      if (!value || cmp(value, rational(1)) < 0 || cmp(value, rational(5)) > 0) return { invalid: text(lang, 'pane', 'targetInvalidIndex') };
      return { mode: 'index', value };
    }
  }
}

/** The plan of the pane's target, null without an index, or why the target cannot be used. */
function planOf(assessment: Assessment, settings: EngineSettings, team: TeamColumns | null = null): GapPlan | { invalid: string } | null {
  const req = targetRequest(settings.target, settings.lang, assessment);
  if ('invalid' in req) return assessment.scores ? req : null;
  const outcome = planFor(assessment, req, {
    basis: settings.basis,
    ...(settings.maxRaise !== undefined ? { maxRaise: settings.maxRaise } : {}),
    ...(settings.strategy !== undefined ? { strategy: settings.strategy } : {}),
    team,
  });
  if (outcome.kind === 'no-index') return null;
  if (outcome.kind === 'invalid') return { invalid: outcome.problem.message[settings.lang] };
  return outcome.plan;
}

/** What the preview says the target is. */
function targetText(p: GapPlan, lang: Lang): string {
  if (p.mode === 'level') return `${text(lang, 'pane', 'targetLevel')} ${p.targetLevel}`;
  if (p.mode === 'column') return text(lang, 'pane', 'targetColumnIs', { predicate: p.goalPredicate, min: formatExact(p.goal, lang) });
  return text(lang, 'pane', 'targetNextIs', { predicate: p.goalPredicate, min: formatExact(p.goal, lang) });
}

export function previewOf(assessment: Assessment, settings: EngineSettings): PlanPreview {
  const lang = settings.lang;
  const p = planOf(assessment, settings);
  if (p === null) return { status: 'unavailable' };
  if ('invalid' in p) return { status: 'invalid', message: p.invalid };
  const fw = p.framework;
  const target = targetText(p, lang);
  if (p.mode === 'next' && cmp(p.goal, p.current) === 0 && p.steps === 0 && fw.predicates[fw.predicates.length - 1]?.name === p.currentPredicate) {
    return { status: 'top', message: text(lang, 'pane', 'targetTop', { predicate: p.currentPredicate }) };
  }
  // where the goal lies on the 1–5 scale (the bars' target marker); a uniform level is its own index
  const goal = p.mode === 'level' ? p.targetLevel ?? toNumber(p.goal) : toNumber(p.goal);
  if (!p.reachable) return { status: 'unreachable', target, message: text(lang, 'pane', 'planUnreachable', { reason: p.reason?.message[lang] ?? '' }), goal };
  const ranked = p.indicators.filter((g) => g.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  if (ranked.length === 0) return { status: 'reached', target, message: text(lang, 'pane', 'planReached'), goal };
  const steps: PreviewStep[] = ranked.map((g) => {
    const points = formatPoints(g.points, lang);
    return {
      key: g.key,
      no: g.no,
      name: g.name,
      from: formatExact(g.current, lang).replace(/[,.]00$/, ''),
      to: formatExact(g.target, lang).replace(/[,.]00$/, ''),
      fromName: levelName(p.framework, g.no, g.current),
      toName: levelName(p.framework, g.no, g.target),
      points: points.shown,
      pointsExact: points.exact,
    };
  });
  const message = text(lang, 'pane', 'planSummary', {
    count: ranked.length,
    steps: p.steps,
    from: formatExact(p.current, lang),
    to: formatExact(p.planned, lang),
    predicate: p.plannedPredicate,
  });
  const cyclesText = text(lang, 'gap', 'cliCycles', {
    cycles: p.cycles,
    max: p.maxRaise,
    strategy: text(lang, 'gap', p.strategy === 'balanced' ? 'strategyBalanced' : 'strategyFewest'),
  });
  return { status: 'plan', target, message, indicators: ranked.length, steps, goal, cycles: p.cycles, cyclesText };
}

export const defaultEngine: Engine = {
  assess(grids, settings) {
    return openAssessment(grids, {
      sheet: settings.sheet ?? null,
      framework: settings.framework,
      columnIndex: settings.column,
      basis: settings.basis,
      context: 'pane',
    });
  },
  preview: previewOf,
  targetKind: effectiveKind,
  teamColumns: teamColumnsOf,
  gapSheet(assessment, settings, context = {}) {
    const team = context.team ?? null;
    const a = withTeamEntries(assessment, team);
    // the team's targets are the sheet's Target column now: the default goal follows them
    const p = planOf(a, settings, team);
    if (p === null || 'invalid' in p) throw new Error(p === null ? text(settings.lang, 'pane', 'noIndex') : p.invalid);
    return gapSheetFor(a, p, { lang: settings.lang, date: context.date, sourceFile: context.sourceFile, team });
  },
};
