/**
 * The JSON contract of `spbe compare --json` (one object), built from a Comparison. Exact values are
 * given as numbers (the nearest double of the exact value), as the index contract does; `deltaRounded`
 * is rounded half-up to 2 decimals from the exact delta.
 *
 *   { before, after,                       // the index objects of the two sides (toIndexReport)
 *     kind: "same-framework" | "across-regulations",
 *     delta, deltaRounded, effects: { levels, framework }, regulationIndex,
 *     indicators: [{ no, name, before, after, change, contribution, relation, from,
 *                    weight, frameworkShare, basis, valuedElsewhere }],   // removed ones last, after: null
 *     aspects: [{ no, name, before, after, change, beforeBasis, levels, framework }],
 *     domains: [ … ],                      // [] for pemdi2026
 *     estimate: null | { … the transition preview … },
 *     issues: [{ severity: "info", code, message, cell: null, indicator: null, indicators }] }
 */
import type { Lang, Rational } from './types';
import type { IndexReport } from './report';
import { toNumber, toRoundedNumber } from './rational';
import type { MatchBasis, Relation } from './crosswalks';
import type { Comparison, ComparedGroup, ComparisonNote } from './compare';
import type { PreviewEnd, PreviewStatus, TransitionPreview } from './compare-preview';

export interface ComparedIndicatorReport {
  /** The newer framework's indicator number; the older one's for a removed indicator. */
  readonly no: number;
  readonly name: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
  readonly contribution: number | null;
  readonly relation: Relation;
  /** The older indicators compared with it. */
  readonly from: ReadonlyArray<number>;
  /** Weight in percent: in the newer index, or in the older one for a removed indicator. */
  readonly weight: number;
  /** Its part of effects.framework (0 within one framework); null for a removed indicator. */
  readonly frameworkShare: number | null;
  readonly basis: MatchBasis | null;
  /** True when the newer framework takes its value from another agency's index. */
  readonly valuedElsewhere: boolean;
}

export interface ComparedGroupReport {
  readonly no: number;
  readonly name: string;
  readonly before: number | null;
  readonly after: number;
  readonly change: number | null;
  /** "assessment": the before side's own value; "matched": from the matched indicators' levels. */
  readonly beforeBasis: 'assessment' | 'matched';
  readonly levels: number;
  readonly framework: number;
}

export interface PreviewEndReport {
  readonly index: number;
  readonly indexRounded: number;
  readonly predicate: string;
}

export interface PreviewReport {
  readonly estimate: true;
  readonly label: string;
  readonly from: string;
  readonly framework: string;
  readonly low: PreviewEndReport;
  readonly high: PreviewEndReport;
  readonly indicators: ReadonlyArray<{
    readonly no: number;
    readonly name: string;
    readonly weight: number;
    readonly relation: Relation;
    readonly from: ReadonlyArray<number>;
    readonly carried: number | null;
    readonly status: PreviewStatus;
    readonly low: number;
    readonly high: number;
  }>;
  readonly mustAssess: ReadonlyArray<{ readonly no: number; readonly name: string; readonly weight: number }>;
  readonly valuedElsewhere: ReadonlyArray<{ readonly no: number; readonly name: string; readonly weight: number; readonly source: string; readonly value: number | null }>;
  readonly partial: ReadonlyArray<number>;
  readonly removed: ReadonlyArray<number>;
}

export interface ComparisonIssueReport {
  readonly severity: 'info' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly cell: null;
  readonly indicator: null;
  readonly indicators: ReadonlyArray<number>;
}

export interface ComparisonReport<S = IndexReport> {
  readonly before: S;
  readonly after: S;
  readonly kind: Comparison['kind'];
  readonly delta: number;
  readonly deltaRounded: number;
  readonly effects: { readonly levels: number; readonly framework: number };
  /** The newer framework's index on the old levels (C); the before index within one framework. */
  readonly regulationIndex: number;
  readonly indicators: ReadonlyArray<ComparedIndicatorReport>;
  readonly aspects: ReadonlyArray<ComparedGroupReport>;
  readonly domains: ReadonlyArray<ComparedGroupReport>;
  readonly estimate: PreviewReport | null;
  readonly issues: ReadonlyArray<ComparisonIssueReport>;
}

const num = (r: Rational): number => toNumber(r);
const numOrNull = (r: Rational | null): number | null => (r === null ? null : toNumber(r));

function groupReport(g: ComparedGroup): ComparedGroupReport {
  return {
    no: g.no,
    name: g.name,
    before: numOrNull(g.before),
    after: num(g.after),
    change: numOrNull(g.change),
    beforeBasis: g.beforeBasis,
    levels: num(g.levels),
    framework: num(g.framework),
  };
}

export function toIssueReport(n: ComparisonNote, lang: Lang): ComparisonIssueReport {
  return { severity: n.severity, code: n.code, message: n.message[lang] ?? n.message.id, cell: null, indicator: null, indicators: n.indicators };
}

function endReport(e: PreviewEnd): PreviewEndReport {
  return { index: e.index, indexRounded: e.indexRounded, predicate: e.predicate };
}

/** The `estimate` object: the transition preview of the newer side. */
export function toPreviewReport(p: TransitionPreview, lang: Lang = 'id'): PreviewReport {
  const brief = (r: { no: number; name: string; weight: Rational }) => ({ no: r.no, name: r.name, weight: num(r.weight) });
  return {
    estimate: true,
    label: p.label[lang],
    from: p.from.id,
    framework: p.to.id,
    low: endReport(p.low),
    high: endReport(p.high),
    indicators: p.indicators.map((r) => ({
      ...brief(r),
      relation: r.relation,
      from: r.from.map((f) => f.no),
      carried: numOrNull(r.carried),
      status: r.status,
      low: num(r.low),
      high: num(r.high),
    })),
    mustAssess: p.mustAssess.map(brief),
    valuedElsewhere: p.valuedElsewhere.map((r) => ({
      ...brief(r),
      source: r.valuedBy ? r.valuedBy[lang] : '',
      value: r.status === 'given' ? num(r.low) : null,
    })),
    partial: p.partial.map((r) => r.no),
    removed: p.removed.map((r) => r.no),
  };
}

export interface ComparisonReportOptions {
  readonly lang?: Lang;
  /** The transition preview to report as `estimate` (e.g. of a 59/2020 after side); null by default. */
  readonly estimate?: TransitionPreview | null;
  /** Further notes (e.g. from orderSides), reported first. */
  readonly notes?: ReadonlyArray<ComparisonNote>;
}

/** The `spbe compare --json` object; `sides` are the two sides' index objects, older first. */
export function toComparisonReport<S = IndexReport>(c: Comparison, sides: { before: S; after: S }, options: ComparisonReportOptions = {}): ComparisonReport<S> {
  const lang = options.lang ?? 'id';
  return {
    before: sides.before,
    after: sides.after,
    kind: c.kind,
    delta: num(c.delta),
    deltaRounded: toRoundedNumber(c.delta, 2),
    effects: { levels: num(c.effects.levels), framework: num(c.effects.framework) },
    regulationIndex: num(c.regulationIndex),
    indicators: [
      ...c.indicators.map((r) => ({
        no: r.no,
        name: r.name,
        before: numOrNull(r.before),
        after: num(r.after),
        change: numOrNull(r.change),
        contribution: numOrNull(r.contribution),
        relation: r.relation,
        from: r.from.map((f) => f.no),
        weight: num(r.weight),
        frameworkShare: num(r.frameworkShare),
        basis: r.basis,
        valuedElsewhere: r.valuedBy !== null,
      })),
      ...c.removed.map((r) => ({
        no: r.no,
        name: r.name,
        before: num(r.before),
        after: null,
        change: null,
        contribution: null,
        relation: 'removed' as const,
        from: [r.no],
        weight: num(r.weight),
        frameworkShare: null,
        basis: null,
        valuedElsewhere: false,
      })),
    ],
    aspects: c.aspects.map(groupReport),
    domains: c.domains.map(groupReport),
    estimate: options.estimate ? toPreviewReport(options.estimate, lang) : null,
    issues: [...(options.notes ?? []), ...c.notes].map((n) => toIssueReport(n, lang)),
  };
}
