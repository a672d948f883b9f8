/**
 * The pane's use of the pure core in one place: assess with the pane's settings, preview the plan for
 * the chosen target, build the gap-sheet model. Plain functions of data; the controller calls them.
 */
import type { Assessment, Grid, Lang, PredicateBasis, FrameworkId } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { assess } from '../core/assess';
import { isPlanUsageError, planGap, parseTargetIndex, type GapPlan, type TargetRequest } from '../core/planner';
import { buildGapSheet } from '../core/gap-sheet';
import { cmp, rational } from '../core/rational';
import { text } from '../core/i18n';
import { formatCompact, formatExact } from './format';

export type TargetChoice =
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
  /** Index points gained, "+0,0275". */
  readonly points: string;
}

export type PlanPreview =
  /** No index (errors), nothing to plan. */
  | { readonly status: 'unavailable' }
  /** The target as typed cannot be understood. */
  | { readonly status: 'invalid'; readonly message: string }
  /** "Next predicate" while already in the top band. */
  | { readonly status: 'top'; readonly message: string }
  | { readonly status: 'reached'; readonly target: string; readonly message: string }
  | { readonly status: 'unreachable'; readonly target: string; readonly message: string }
  | { readonly status: 'plan'; readonly target: string; readonly message: string; readonly indicators: number; readonly steps: ReadonlyArray<PreviewStep> };

export interface EngineSettings {
  readonly lang: Lang;
  readonly framework: FrameworkId | null;
  readonly column: number | null;
  readonly basis: PredicateBasis;
  readonly target: TargetChoice;
}

export interface Engine {
  assess(grids: ReadonlyArray<Grid>, settings: EngineSettings): Assessment;
  preview(assessment: Assessment, settings: EngineSettings): PlanPreview;
  gapSheet(assessment: Assessment, settings: EngineSettings, context?: GapContext): SheetModel;
}

export interface GapContext {
  /** Today, ISO "YYYY-MM-DD" (default: the local date now). */
  readonly date?: string;
  /** The workbook's file name, when known (outside Excel). */
  readonly sourceFile?: string;
}

/** The local date as ISO "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The planner request for a target choice, or a message saying why the choice cannot be used. */
export function targetRequest(choice: TargetChoice, lang: Lang): TargetRequest | { readonly invalid: string } {
  switch (choice.kind) {
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

/** Options for the core's assess(): the pane's overrides. */
export function assessOptions(grids: ReadonlyArray<Grid>, settings: EngineSettings, detected: Assessment | null) {
  const options: { framework?: FrameworkId; column?: string; sheet?: string; basis: PredicateBasis } = { basis: settings.basis };
  if (settings.framework) options.framework = settings.framework;
  if (settings.column !== null && detected?.table) {
    const col = detected.table.levelColumns.find((c) => c.col === settings.column);
    if (col) {
      options.column = col.header;
      options.sheet = detected.table.sheet;
    }
  }
  void grids;
  return options;
}

function plannerFor(assessment: Assessment, settings: EngineSettings): GapPlan | { invalid: string } | null {
  const fw = assessment.framework;
  if (!fw || !assessment.scores) return null;
  const req = targetRequest(settings.target, settings.lang);
  if ('invalid' in req) return req;
  const p = planGap(fw, assessment.entries, req, { basis: settings.basis });
  if (isPlanUsageError(p)) return { invalid: p.message[settings.lang] };
  return p;
}

export function previewOf(assessment: Assessment, settings: EngineSettings): PlanPreview {
  const lang = settings.lang;
  const p = plannerFor(assessment, settings);
  if (p === null) return { status: 'unavailable' };
  if ('invalid' in p) return { status: 'invalid', message: p.invalid };
  const fw = p.framework;
  const target =
    p.mode === 'level'
      ? `${text(lang, 'pane', 'targetLevel')} ${p.targetLevel}`
      : text(lang, 'pane', 'targetNextIs', { predicate: p.goalPredicate, min: formatExact(p.goal, lang) });
  if (p.mode === 'next' && cmp(p.goal, p.current) === 0 && p.steps === 0 && fw.predicates[fw.predicates.length - 1]?.name === p.currentPredicate) {
    return { status: 'top', message: text(lang, 'pane', 'targetTop', { predicate: p.currentPredicate }) };
  }
  if (!p.reachable) return { status: 'unreachable', target, message: text(lang, 'pane', 'planUnreachable', { reason: p.reason?.message[lang] ?? '' }) };
  const ranked = p.indicators.filter((g) => g.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  if (ranked.length === 0) return { status: 'reached', target, message: text(lang, 'pane', 'planReached') };
  const steps: PreviewStep[] = ranked.map((g) => ({
    key: g.key,
    no: g.no,
    name: g.name,
    from: formatExact(g.current, lang).replace(/[,.]00$/, ''),
    to: formatExact(g.target, lang).replace(/[,.]00$/, ''),
    points: '+' + formatCompact(Number(formatExact(g.points, 'en', 4)), lang, 4),
  }));
  const message = text(lang, 'pane', 'planSummary', {
    count: ranked.length,
    steps: p.steps,
    from: formatExact(p.current, lang),
    to: formatExact(p.planned, lang),
    predicate: p.plannedPredicate,
  });
  return { status: 'plan', target, message, indicators: ranked.length, steps };
}

/**
 * True for a sheet this tool wrote (its A1 holds the gap sheet's title, in either language). The pane never
 * reads its own output as the assessment: after "Buat Sheet Gap" the workbook holds a second table of
 * indicators and levels, which the reader would otherwise take for the assessment.
 */
export function isGapSheet(grid: Grid): boolean {
  const origin = grid.origin ?? { row: 0, col: 0 };
  if (origin.row !== 0 || origin.col !== 0) return false;
  const a1 = grid.values[0]?.[0];
  if (typeof a1 !== 'string') return false;
  return (['id', 'en'] as const).some((lang) => {
    const prefix = text(lang, 'gap', 'title', { framework: '\u0000' }).split('\u0000')[0];
    return prefix.length > 0 && a1.startsWith(prefix);
  });
}

/** The grids the pane assesses: every sheet except the tool's own gap sheets (all of them if nothing else is left). */
export function assessableGrids(grids: ReadonlyArray<Grid>): ReadonlyArray<Grid> {
  const rest = grids.filter((g) => !isGapSheet(g));
  return rest.length > 0 ? rest : grids;
}

export const defaultEngine: Engine = {
  assess(allGrids, settings) {
    const grids = assessableGrids(allGrids);
    // A column choice refers to the table found with the same framework setting; find it first.
    const base = assess(grids, { basis: settings.basis, ...(settings.framework ? { framework: settings.framework } : {}) });
    if (settings.column === null) return base;
    return assess(grids, assessOptions(grids, settings, base));
  },
  preview: previewOf,
  gapSheet(assessment, settings, context = {}) {
    const p = plannerFor(assessment, settings);
    if (p === null || 'invalid' in p) throw new Error(p === null ? text(settings.lang, 'pane', 'noIndex') : p.invalid);
    return buildGapSheet(assessment, p, {
      lang: settings.lang,
      date: context.date ?? isoDate(new Date()),
      ...(context.sourceFile ? { sourceFile: context.sourceFile } : {}),
    });
  },
};

