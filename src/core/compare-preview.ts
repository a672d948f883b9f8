/**
 * The transition preview: what an assessment under one regulation would roughly score under the next
 * (a 59/2020 workbook → the Indeks Pemerintah Digital of 8/2026). Always a RANGE, never one value, and
 * always labelled an estimate, not an official value.
 *
 * The rule, per indicator of the newer framework (exact):
 * 1. Valued by another agency's index (IndicatorDef.valuedBy: pemdi2026 5, 6, 7, 18): its value as
 *    given in `options.valued` when known, else 1 — at both ends of the range, whether or not the
 *    crosswalk matches it: its value will come from that index, not from the agency's own old levels,
 *    and until it arrives it counts as 1 (as in the official computation).
 * 2. Matched by the crosswalk: the mean of its matched old levels (as in a comparison), at both ends.
 * 3. New: unknown — 1 at the low end, 5 at the high end.
 * Each end is scored by the one scoring engine, with its predicate on the chosen basis.
 */
import type { Framework, PredicateBasis, Rational, Scores } from './types';
import { cmp, rational, R1 } from './rational';
import { score, type ScoredEntry } from './scoring';
import { text } from './i18n';
import { crosswalkBetween, successorOf, type Bilingual, type Crosswalk, type MatchBasis, type MatchRelation } from './crosswalks';
import { matchedLevels, oldLevel, sideLevels, type ComparedSide, type OldLevel } from './compare';

const FIVE = rational(5);

/** How an indicator's value in the preview was decided. */
export type PreviewStatus = 'carried' | 'unknown' | 'valued-elsewhere' | 'given';

export interface PreviewIndicator {
  readonly no: number;
  readonly name: string;
  readonly aspect: number;
  /** Weight in the newer index, percent. */
  readonly weight: Rational;
  readonly relation: MatchRelation;
  readonly basis: MatchBasis;
  readonly from: ReadonlyArray<OldLevel>;
  /** The mean of the matched old levels, or null when new (shown even when rule 1 overrides it). */
  readonly carried: Rational | null;
  readonly status: PreviewStatus;
  readonly low: Rational;
  readonly high: Rational;
  readonly valuedBy: Bilingual | null;
}

/** One end of the range: the newer framework's scores with the unknown indicators at 1 (low) or 5 (high). */
export type PreviewEnd = Scores;

export interface TransitionPreview {
  /** Always true: a preview is an estimate, never an official value. */
  readonly estimate: true;
  /** "Perkiraan, bukan nilai resmi" / "An estimate, not an official value". */
  readonly label: Bilingual;
  readonly from: Framework;
  readonly to: Framework;
  readonly crosswalk: Crosswalk;
  readonly basis: PredicateBasis;
  /** Every unknown new indicator at 1. */
  readonly low: PreviewEnd;
  /** Every unknown new indicator at 5. */
  readonly high: PreviewEnd;
  /** One per indicator of the newer framework, in number order. */
  readonly indicators: ReadonlyArray<PreviewIndicator>;
  /** What the agency must now assess that it never did: new indicators it values itself. */
  readonly mustAssess: ReadonlyArray<PreviewIndicator>;
  /** Indicators valued by other agencies (status valued-elsewhere or given). */
  readonly valuedElsewhere: ReadonlyArray<PreviewIndicator>;
  /** Matched only partly: their carried level is a rough comparison. */
  readonly partial: ReadonlyArray<PreviewIndicator>;
  /** Older indicators that no longer count. */
  readonly removed: ReadonlyArray<{ readonly no: number; readonly name: string; readonly level: Rational }>;
}

export interface PreviewOptions {
  /** The regulation to preview (default: the successor of the side's framework). */
  readonly to?: Framework;
  /** Predicate basis of both ends (default exact). */
  readonly basis?: PredicateBasis;
  /** Known values of indicators valued by other agencies, by indicator number (each in [1, 5]). */
  readonly valued?: ReadonlyMap<number, Rational>;
}

/**
 * The preview of `side` under the next regulation (or `options.to`); null when there is none (the side
 * already follows the newest regulation). Throws when the side is incomplete or a given value is not
 * of an indicator valued elsewhere, or outside 1–5.
 */
export function previewTransition(side: ComparedSide, options: PreviewOptions = {}): TransitionPreview | null {
  const to = options.to ?? successorOf(side.framework);
  if (!to || to.id === side.framework.id) return null;
  const cw = crosswalkBetween(side.framework, to);
  if (!cw) return null;
  const before = sideLevels(side, 'previewed');
  const valued = options.valued ?? new Map<number, Rational>();
  for (const [no, v] of valued) {
    const ind = to.indicators[no - 1];
    if (!ind || !ind.valuedBy) throw new Error(`preview: ${to.id} indicator ${no} is not valued by another agency`);
    if (cmp(v, R1) < 0 || cmp(v, FIVE) > 0) throw new Error(`preview: the value of indicator ${no} is outside 1–5`);
  }
  const indicators: PreviewIndicator[] = to.indicators.map((ind) => {
    const row = cw.rows[ind.no - 1];
    const { from, mean: carried } = matchedLevels(before, row);
    const given = valued.get(ind.no);
    const [status, low, high]: [PreviewStatus, Rational, Rational] = ind.valuedBy
      ? given
        ? ['given', given, given]
        : ['valued-elsewhere', R1, R1]
      : carried
        ? ['carried', carried, carried]
        : ['unknown', R1, FIVE];
    return {
      no: ind.no,
      name: ind.name,
      aspect: ind.aspect,
      weight: rational(ind.weight, 100),
      relation: row.relation,
      basis: row.basis,
      from,
      carried,
      status,
      low,
      high,
      valuedBy: ind.valuedBy ?? null,
    };
  });
  const basis = options.basis ?? 'exact';
  const end = (pick: (r: PreviewIndicator) => Rational): PreviewEnd => {
    const entries: ScoredEntry[] = indicators.map((r) => ({ key: String(r.no), no: r.no, entry: 1, level: pick(r) }));
    return score(to, entries, basis);
  };
  return {
    estimate: true,
    label: { id: text('id', 'compare', 'previewLabel'), en: text('en', 'compare', 'previewLabel') },
    from: side.framework,
    to,
    crosswalk: cw,
    basis,
    low: end((r) => r.low),
    high: end((r) => r.high),
    indicators,
    mustAssess: indicators.filter((r) => r.status === 'unknown'),
    valuedElsewhere: indicators.filter((r) => r.valuedBy !== null),
    partial: indicators.filter((r) => r.relation === 'partial'),
    removed: cw.removed.map((r) => {
      const o = oldLevel(before, r.no);
      return { no: o.no, name: o.name, level: o.level };
    }),
  };
}
