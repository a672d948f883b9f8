/**
 * The comparison workflow of the application layer (issue 11), for the `spbe compare` command and the task
 * pane alike: choose the two assessments, open both with the same options, put them in order, compare
 * them exactly, preview the next regulation, and build the comparison sheet.
 *
 *   openComparison(sources, options)   one workbook with two assessment sheets ("Penilaian 2023",
 *                                      "Penilaian 2024"), or two workbooks; --sheet/--before-sheet,
 *                                      --framework, --column, --predicate-basis apply to both sides
 *   compareSheetFor(outcome, options)  the comparison sheet as a SheetModel
 *
 * Which side is before: across regulations the older regulation (the crosswalk leads from it); within one
 * regulation the older year — from the sheet's name, the title above its table, or the file's name
 * (src/core/year.ts) —; without two different years the order of the sources. A sheet the user named as the
 * before sheet (--before-sheet) is before within one regulation.
 *
 * Pure functions of data, like the core.
 */
import type { Assessment, FrameworkId, Lang, PredicateBasis, Problem, WorkbookGrids } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { assessmentYear, yearIn } from '../core/year';
import { comparableSide, compareAssessments, orderNotes, orderSides, type Comparison, type ComparisonNote, type SideCandidate } from '../core/compare';
import { previewTransition, type TransitionPreview } from '../core/compare-preview';
import { crosswalkBetween, type Bilingual } from '../core/crosswalks';
import { buildCompareSheet } from '../core/compare-sheet';
import { text } from '../core/i18n';
import { isoDate, openAssessment, type AssessmentContext } from './assessment';

/** A workbook to compare: its grids (our own sheets already left out) and its file name when known. */
export interface CompareSource {
  readonly grids: WorkbookGrids;
  readonly file?: string | null;
  /** With two sources: this source's assessment sheet (before the options' sheets; the pane compares two sheets of one workbook so). */
  readonly sheet?: string | null;
}

export interface ComparisonOptions {
  /** The assessment sheet: with one source the "after" candidate; with two, the sheet of the second (of both without beforeSheet). */
  readonly sheet?: string | null;
  /** The "before" sheet: with one source, that sheet is before (within one regulation); with two, the sheet of the first. */
  readonly beforeSheet?: string | null;
  readonly framework?: FrameworkId | null;
  readonly column?: string | null;
  readonly basis?: PredicateBasis;
  readonly context?: AssessmentContext;
}

/** One side as opened. */
export interface ComparedSource {
  readonly assessment: Assessment;
  readonly file: string | null;
  readonly sheet: string | null;
  /** The assessment's year (sheet name, title above the table, file name), or null. */
  readonly year: number | null;
  /** Index of its source in the arguments (0 or 1). */
  readonly source: number;
}

export type ComparisonOutcome =
  | {
      readonly kind: 'compared';
      readonly comparison: Comparison;
      readonly before: ComparedSource;
      readonly after: ComparedSource;
      /** What the reader must know about the order (no years, years contradicting the regulations …). */
      readonly orderNotes: ReadonlyArray<ComparisonNote>;
      /** The after side's preview of the next regulation (an estimate), or null when there is none. */
      readonly preview: TransitionPreview | null;
      readonly basis: PredicateBasis;
    }
  /** A side has errors (no index): nothing compared. `sides` in order (before first when it can be told). */
  | { readonly kind: 'side-errors'; readonly sides: ReadonlyArray<{ readonly role: 'before' | 'after'; readonly side: ComparedSource; readonly errors: ReadonlyArray<Problem> }> }
  /** Wrong usage: one workbook with a single assessment, the same sheet twice, no crosswalk. */
  | { readonly kind: 'usage'; readonly message: Bilingual };

function usage(key: 'cliOneAssessment' | 'cliSameSheet' | 'cliNoCrosswalk', params: Record<string, string>): ComparisonOutcome {
  return { kind: 'usage', message: { id: text('id', 'compare', key, params), en: text('en', 'compare', key, params) } };
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}

/** The year of an opened assessment: its sheet name, else the title above its table, else its file's name. */
export function sideYear(a: Assessment, file: string | null): number | null {
  const fromSheet = a.table ? assessmentYear(a.table.sheet, a.titles) : null;
  if (fromSheet) return fromSheet.year;
  return file ? yearIn(baseName(file).replace(/\.(xlsx|xlsm)$/i, '')) : null;
}

function open(src: CompareSource, index: number, sheet: string | null | undefined, options: ComparisonOptions): ComparedSource {
  const assessment = openAssessment(src.grids, {
    sheet: sheet ?? null,
    framework: options.framework ?? null,
    column: options.column ?? null,
    basis: options.basis ?? 'exact',
    context: options.context ?? 'command',
  });
  const file = src.file ?? null;
  return { assessment, file, sheet: assessment.table?.sheet ?? null, year: sideYear(assessment, file), source: index };
}

/** The two sheets to compare in one workbook: the ones named, else the two newest candidates (by year, then tab order). */
function sheetsOf(src: CompareSource, options: ComparisonOptions): { before: string | null; after: string | null } | ComparisonOutcome {
  const probe = openAssessment(src.grids, { framework: options.framework ?? null, column: options.column ?? null, context: options.context ?? 'command' });
  const names = (probe.candidates ?? []).map((c) => c.sheet);
  const file = src.file ? baseName(src.file) : '';
  const given = [options.beforeSheet, options.sheet].filter((s): s is string => !!s);
  if (given.length === 2) {
    if (given[0].toLowerCase() === given[1].toLowerCase()) return usage('cliSameSheet', { sheet: given[0] });
    return { before: given[0], after: given[1] };
  }
  const rest = (probe.candidates ?? []).filter((c) => !given.some((g) => g.toLowerCase() === c.sheet.toLowerCase()));
  if (names.length < 2 || rest.length === 0) return usage('cliOneAssessment', { file: file || (probe.table?.sheet ?? '') });
  // The newest of the others (a year beats none; ties: the later tab).
  const ranked = rest
    .map((c, i) => ({ c, i }))
    .sort((x, y) => (y.c.year ?? -1) - (x.c.year ?? -1) || y.i - x.i)
    .map((x) => x.c.sheet);
  if (options.beforeSheet) return { before: options.beforeSheet, after: ranked[0] };
  if (options.sheet) return { before: ranked[0], after: options.sheet };
  // Neither named: the two newest, in tab order (the order decides only when no year does).
  const two = new Set(ranked.slice(0, 2));
  const inTabOrder = names.filter((n) => two.has(n));
  return { before: inTabOrder[0], after: inTabOrder[1] };
}

function errorsOf(s: ComparedSource): Problem[] {
  return s.assessment.problems.filter((p) => p.severity === 'error');
}

/**
 * Opens the two assessments of `sources` (one workbook holding two, or two workbooks), puts them in order and
 * compares them. Never throws for a user's workbook: errors of a side and wrong usage are outcomes.
 */
export function openComparison(sources: readonly [CompareSource] | readonly [CompareSource, CompareSource], options: ComparisonOptions = {}): ComparisonOutcome {
  let first: ComparedSource;
  let second: ComparedSource;
  let explicitBefore = false;
  if (sources.length === 1) {
    const chosen = sheetsOf(sources[0], options);
    if ('kind' in chosen) return chosen;
    first = open(sources[0], 0, chosen.before, options);
    second = open(sources[0], 0, chosen.after, options);
    if (first.sheet !== null && first.sheet === second.sheet) return usage('cliSameSheet', { sheet: first.sheet });
    explicitBefore = !!options.beforeSheet;
  } else {
    first = open(sources[0], 0, sources[0].sheet ?? options.beforeSheet ?? options.sheet, options);
    second = open(sources[1], 1, sources[1].sheet ?? options.sheet, options);
    if (first.sheet !== null && first.sheet === second.sheet && sources[0].grids === sources[1].grids) return usage('cliSameSheet', { sheet: first.sheet });
  }

  // Errors on either side: say which (in order when both frameworks are known).
  const firstErrors = errorsOf(first);
  const secondErrors = errorsOf(second);
  const fa = first.assessment.framework;
  const fb = second.assessment.framework;
  const candidate = (s: ComparedSource, fw: NonNullable<typeof fa>): SideCandidate<ComparedSource> => ({ side: s, framework: fw, year: explicitBefore ? null : s.year });
  const order = fa && fb ? orderSides(candidate(first, fa), candidate(second, fb)) : null;
  if (firstErrors.length || secondErrors.length || !first.assessment.scores || !second.assessment.scores) {
    const [before, after] = order ? [order.before, order.after] : [first, second];
    const sides = [
      { role: 'before' as const, side: before, errors: errorsOf(before) },
      { role: 'after' as const, side: after, errors: errorsOf(after) },
    ].filter((s) => s.errors.length > 0 || !s.side.assessment.scores);
    return { kind: 'side-errors', sides };
  }
  const before = order!.before;
  const after = order!.after;
  const bs = comparableSide(before.assessment)!;
  const as = comparableSide(after.assessment)!;
  const cw = crosswalkBetween(bs.framework, as.framework);
  if (!cw) return usage('cliNoCrosswalk', { from: bs.framework.regulation.number, to: as.framework.regulation.number });
  const comparison = compareAssessments(bs, as, { crosswalk: cw });
  const basis = options.basis ?? 'exact';
  return {
    kind: 'compared',
    comparison,
    before,
    after,
    orderNotes: orderNotes(candidate(first, fa!), candidate(second, fb!), order!),
    preview: previewTransition(as, { basis }),
    basis,
  };
}

export interface CompareSheetOptions {
  readonly lang: Lang;
  /** ISO "YYYY-MM-DD" (default: today, local time). */
  readonly date?: string;
}

/** The comparison sheet of a comparison made by openComparison. */
export function compareSheetFor(outcome: Extract<ComparisonOutcome, { kind: 'compared' }>, options: CompareSheetOptions): SheetModel {
  const side = (s: ComparedSource) => ({ file: s.file ? baseName(s.file) : null, sheet: s.sheet, year: s.year });
  return buildCompareSheet(outcome.comparison, {
    lang: options.lang,
    date: options.date ?? isoDate(new Date()),
    before: side(outcome.before),
    after: side(outcome.after),
    basis: outcome.basis,
    notes: outcome.orderNotes,
    preview: outcome.preview,
  });
}
