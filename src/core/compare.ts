/**
 * Comparing two assessments, exactly: year over year within one regulation, and across a change of
 * regulation (5/2018 → 59/2020, 59/2020 → 8/2026, or both at once).
 *
 * Notation: I_b and I_a are the before and after indices; w_j the weight of the newer framework's
 * indicator j in percent; a_j its after level; b_j its before level.
 *
 * Same framework. b_j is the before side's level of j. contribution_j = (a_j − b_j) × w_j / 100 and
 * the contributions add up to delta = I_a − I_b; effects = { levels: delta, framework: 0 }.
 * (spbe2018 only: when indicator 35 has a different number of entries on the two sides, aspect 7's
 * weight is spread over a different number of entries, so an indicator's weight differs between the
 * sides: contribution_j = (a_j × w_j(after) − b_j × w_j(before)) / 100, which still adds up to delta;
 * a note says so.)
 *
 * Different frameworks. Each newer indicator is matched by the crosswalk to the older indicators
 * covering its subject; a matched indicator's b_j is the mean of their levels (an older indicator with
 * several entries — spbe2018's 35, 35-2, 35-3 — counts once, at the mean of its entries). Then
 *   C = Σ_matched w_j b_j / 100 + Σ_new w_j a_j / 100   (the newer framework applied to the old levels)
 *   effects.framework = C − I_b    (what the change of regulation alone did)
 *   effects.levels    = I_a − C = Σ_matched (a_j − b_j) w_j / 100 = Σ contributions
 * and the two add up to delta exactly. The framework effect is split over the newer indicators as
 *   frameworkShare_j = w_j (x_j − I_b) / 100, x_j = b_j when matched, a_j when new,
 * which adds up to C − I_b because the weights add up to 100: every indicator pulls the index towards
 * its own level in proportion to its weight, so a new domain at level 1 under an old index of 2.26
 * costs its weight × 1.26 (16.5 % × 1.26 ≈ 0.21: the national fall of 2021).
 *
 * Aspects and domains are compared on the newer framework; across regulations their before value is the
 * weighted mean of the MATCHED indicators' before levels (null when none is matched), labelled so.
 */
import type { Assessment, Framework, Lang, Rational, Scores } from './types';
import { cmp, div, mul, rational, sub, sum, R0 } from './rational';
import { entryWeights, score, type ScoredEntry } from './scoring';
import { text } from './i18n';
import type { Catalogue } from './i18n';
import { crosswalkBetween, type Bilingual, type Crosswalk, type CrosswalkRow, type MatchBasis, type MatchRelation } from './crosswalks';
import { decimal, numberList, signed } from './compare-format';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** One entry of a side: what an AssessmentEntry has (a level that could not be read is null). */
export interface SideEntry {
  readonly key: string;
  readonly no: number;
  readonly entry: number;
  readonly level: Rational | null;
}

/** One side of a comparison: an assessment's framework, entries and (optionally) its scores. */
export interface ComparedSide {
  readonly framework: Framework;
  readonly entries: ReadonlyArray<SideEntry>;
  /** The side's scores when already computed (an Assessment's); computed from the entries otherwise. */
  readonly scores?: Scores | null;
}

/** One entry's level, as read. */
export interface EntryLevel {
  readonly key: string;
  readonly level: Rational;
}

/** An older indicator as a source of a newer one's before level. */
export interface OldLevel {
  readonly no: number;
  readonly name: string;
  /** Its level: the mean of its entries (one entry but for spbe2018's repeated 35). */
  readonly level: Rational;
  /** Its weight in the old index, percent (all its entries). */
  readonly weight: Rational;
  readonly entries: ReadonlyArray<EntryLevel>;
}

export interface ComparedIndicator {
  /** The newer framework's indicator. */
  readonly no: number;
  readonly name: string;
  readonly aspect: number;
  readonly domain: number | null;
  readonly relation: MatchRelation;
  readonly basis: MatchBasis;
  /** The older indicators its before level comes from ([] when new; itself when `same`). */
  readonly from: ReadonlyArray<OldLevel>;
  /** Exact before level: the mean of `from` levels; null when new. */
  readonly before: Rational | null;
  /** Weight, percent, that the before level carries in its own index: `weight` except in the spbe2018 case above. */
  readonly beforeWeight: Rational | null;
  /** Exact after level (the mean of its entries). */
  readonly after: Rational;
  /** Weight in the after index, percent (1.3 for 1.30 %). */
  readonly weight: Rational;
  readonly afterEntries: ReadonlyArray<EntryLevel>;
  /** after − before; null when new. */
  readonly change: Rational | null;
  /** Index points this indicator's own level change moved the index (part of effects.levels); null when new. */
  readonly contribution: Rational | null;
  /** Its part of effects.framework, w (x − I_b) / 100; 0 within one framework. */
  readonly frameworkShare: Rational;
  /** Set when the newer framework takes this indicator's value from another agency's index. */
  readonly valuedBy: Bilingual | null;
  readonly note: Bilingual;
}

/** An older indicator no newer one covers: listed with its before level, after null. */
export interface RemovedIndicator {
  readonly no: number;
  readonly name: string;
  readonly aspect: number;
  readonly before: Rational;
  /** Its weight in the old index, percent. */
  readonly weight: Rational;
  readonly entries: ReadonlyArray<EntryLevel>;
  readonly after: null;
  readonly note: Bilingual;
}

/** An aspect or domain of the newer framework, before and after. */
export interface ComparedGroup {
  readonly no: number;
  readonly name: string;
  /** Weight in the index, percent. */
  readonly weight: Rational;
  /**
   * Before value: the before side's own aspect/domain value (`assessment`, same framework) or the
   * weighted mean of its matched indicators' before levels (`matched`, across regulations; null when
   * none of its indicators is matched).
   */
  readonly before: Rational | null;
  readonly beforeBasis: 'assessment' | 'matched';
  /** Percent of the index weight in this group whose before level is known (= weight within one framework). */
  readonly matchedWeight: Rational;
  readonly after: Rational;
  readonly change: Rational | null;
  /** The group's parts of the two effects, index points; they add up over the groups to the effects. */
  readonly levels: Rational;
  readonly framework: Rational;
}

export type ComparisonNoteCode =
  | 'CROSSWALK_BY_SUBJECT'
  | 'CROSSWALK_COMPOSED'
  | 'INDICATORS_NEW'
  | 'INDICATORS_PARTIAL'
  | 'INDICATORS_REMOVED'
  | 'INDICATORS_VALUED_ELSEWHERE'
  | 'SERVICES_AVERAGED'
  | 'SERVICES_COUNT_CHANGED'
  | 'YEARS_CONTRADICT_REGULATIONS'
  | 'SAME_YEAR'
  | 'ORDER_OF_ARGUMENTS';

/** Something the reader of a comparison must know to read it right (no error: the comparison stands). */
export interface ComparisonNote {
  readonly code: ComparisonNoteCode;
  readonly severity: 'info' | 'warning';
  readonly message: Bilingual;
  /** Newer-framework indicator numbers it is about (older ones for INDICATORS_REMOVED). */
  readonly indicators: ReadonlyArray<number>;
}

export interface ComparedSummary {
  readonly framework: Framework;
  readonly index: Rational;
  readonly scores: Scores;
}

export interface Comparison {
  readonly kind: 'same-framework' | 'across-regulations';
  readonly before: ComparedSummary;
  readonly after: ComparedSummary;
  readonly crosswalk: Crosswalk;
  /** after.index − before.index, exact. */
  readonly delta: Rational;
  /** levels + framework = delta, exactly. */
  readonly effects: { readonly levels: Rational; readonly framework: Rational };
  /** The part of effects.levels from indicators valued by other agencies (not the agency's own work). */
  readonly levelsValuedElsewhere: Rational;
  /** C: the newer framework's index on the old levels (new indicators at their after level); I_b within one framework. */
  readonly regulationIndex: Rational;
  /** One row per indicator of the newer framework, in number order. */
  readonly indicators: ReadonlyArray<ComparedIndicator>;
  /** Older indicators without a successor (across regulations only). */
  readonly removed: ReadonlyArray<RemovedIndicator>;
  readonly aspects: ReadonlyArray<ComparedGroup>;
  /** [] when the newer framework has no domains (pemdi2026). */
  readonly domains: ReadonlyArray<ComparedGroup>;
  readonly notes: ReadonlyArray<ComparisonNote>;
}

// ---------------------------------------------------------------------------------------------
// Sides
// ---------------------------------------------------------------------------------------------

/** An Assessment as a comparison side; null when it has no framework or no index (it has errors). */
export function comparableSide(a: Assessment): ComparedSide | null {
  if (!a.framework || !a.scores || a.problems.some((p) => p.severity === 'error')) return null;
  return { framework: a.framework, entries: a.entries, scores: a.scores };
}

export interface IndicatorLevel {
  readonly level: Rational;
  readonly weight: Rational;
  readonly entries: ReadonlyArray<EntryLevel>;
}

/** A side as the comparison reads it (also used by the transition preview). */
export interface SideLevels {
  readonly framework: Framework;
  readonly scores: Scores;
  readonly index: Rational;
  readonly byNo: ReadonlyMap<number, IndicatorLevel>;
}

const HUNDRED = rational(100);

/**
 * Per indicator: its level (the mean of its entries) and weight (the sum of its entries' weights, in
 * percent), so that index = Σ level × weight / 100 holds for every framework, spbe2018's spread aspect
 * included. An entry key given twice counts once, and unreadable levels are skipped, as assess() does.
 */
function indicatorLevels(fw: Framework, entries: ReadonlyArray<SideEntry>): { byNo: Map<number, IndicatorLevel>; kept: ScoredEntry[] } {
  const seen = new Set<string>();
  const kept: ScoredEntry[] = [];
  for (const e of entries) {
    if (e.level === null || seen.has(e.key)) continue;
    seen.add(e.key);
    kept.push({ key: e.key, no: e.no, entry: e.entry, level: e.level });
  }
  const weights = entryWeights(fw, kept);
  const grouped = new Map<number, ScoredEntry[]>();
  for (const e of kept) grouped.set(e.no, [...(grouped.get(e.no) ?? []), e]);
  const byNo = new Map<number, IndicatorLevel>();
  for (const [no, list] of grouped) {
    byNo.set(no, {
      level: div(sum(list.map((e) => e.level)), rational(list.length)),
      weight: sum(list.map((e) => weights.get(e.key)!)),
      entries: list.map((e) => ({ key: e.key, level: e.level })),
    });
  }
  return { byNo, kept };
}

/**
 * Reads a side: per indicator its level and weight; checks that every indicator has a level and that
 * the given scores belong to the entries. Throws otherwise.
 */
export function sideLevels(s: ComparedSide, label = 'compared'): SideLevels {
  const { byNo, kept } = indicatorLevels(s.framework, s.entries);
  const missing = s.framework.indicators.filter((ind) => !byNo.has(ind.no)).map((ind) => ind.no);
  if (missing.length) throw new Error(`compare: the ${label} side (${s.framework.id}) has no level for indicator(s) ${numberList(missing)}`);
  const scores = s.scores ?? score(s.framework, kept);
  const index = div(sum([...byNo.values()].map((l) => mul(l.level, l.weight))), HUNDRED);
  if (cmp(index, scores.exact) !== 0) throw new Error(`compare: the ${label} side's scores do not belong to its entries`);
  return { framework: s.framework, scores, index, byNo };
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

export interface CompareOptions {
  /** Use this crosswalk instead of the registry's (it must go from the before to the after framework). */
  readonly crosswalk?: Crosswalk;
}

/**
 * Compares two valid assessments, `before` the older. Throws when a side is incomplete or when no
 * crosswalk leads from the before framework to the after framework (order the sides with orderSides()).
 */
export function compareAssessments(beforeSide: ComparedSide, afterSide: ComparedSide, options: CompareOptions = {}): Comparison {
  const before = sideLevels(beforeSide, 'before');
  const after = sideLevels(afterSide, 'after');
  const cw = options.crosswalk ?? crosswalkBetween(before.framework, after.framework);
  if (!cw || cw.from.id !== before.framework.id || cw.to.id !== after.framework.id) {
    throw new Error(`compare: no crosswalk from ${before.framework.id} to ${after.framework.id} (is the older assessment first?)`);
  }
  const same = before.framework.id === after.framework.id;
  const indicators = compareIndicators(before, after, cw, same);
  const removed = removedIndicators(before, cw);
  // C as the issue defines it: the newer framework on the old levels, new indicators at their after level.
  const regulationIndex = same ? before.index : div(sum(indicators.map((r) => mul(r.before ?? r.after, r.weight))), HUNDRED);
  const delta = sub(after.index, before.index);
  const framework = sub(regulationIndex, before.index);
  const levels = sub(after.index, regulationIndex);
  const aspects = same ? sameGroups(before, after, indicators, 'aspects') : matchedGroups(after, indicators, 'aspects');
  const domains = same ? sameGroups(before, after, indicators, 'domains') : matchedGroups(after, indicators, 'domains');
  const body: Omit<Comparison, 'notes'> = {
    kind: same ? 'same-framework' : 'across-regulations',
    before: { framework: before.framework, index: before.index, scores: before.scores },
    after: { framework: after.framework, index: after.index, scores: after.scores },
    crosswalk: cw,
    delta,
    effects: { levels, framework },
    levelsValuedElsewhere: sum(indicators.filter((r) => r.valuedBy).map((r) => r.contribution ?? R0)),
    regulationIndex,
    indicators,
    removed,
    aspects,
    domains,
  };
  return { ...body, notes: notesOf(body, before) };
}

/** An older indicator of a side as the source of a newer one's level. */
export function oldLevel(side: SideLevels, no: number): OldLevel {
  const ind = side.framework.indicators[no - 1];
  const l = side.byNo.get(no)!;
  return { no, name: ind.name, level: l.level, weight: l.weight, entries: l.entries };
}

/**
 * The older indicators a crosswalk row names, and the before level they give: the mean of their levels
 * (each at the mean of its own entries), or null when the row is new. One rule for comparisons and previews.
 */
export function matchedLevels(side: SideLevels, row: CrosswalkRow): { readonly from: OldLevel[]; readonly mean: Rational | null } {
  const from = row.from.map((no) => oldLevel(side, no));
  return { from, mean: from.length ? div(sum(from.map((f) => f.level)), rational(from.length)) : null };
}

function compareIndicators(before: SideLevels, after: SideLevels, cw: Crosswalk, same: boolean): ComparedIndicator[] {
  return after.framework.indicators.map((ind) => {
    const row = cw.rows[ind.no - 1];
    if (!row || row.no !== ind.no) throw new Error(`compare: crosswalk ${cw.from.id} → ${cw.to.id} has no row ${ind.no} in place`);
    const a = after.byNo.get(ind.no)!;
    const { from, mean: b } = matchedLevels(before, row);
    // Within one framework a level's weight is its own side's (they differ only in spbe2018's spread case).
    const beforeWeight = b === null ? null : same ? from[0].weight : a.weight;
    const contribution = b === null ? null : div(sub(mul(a.level, a.weight), mul(b, beforeWeight!)), HUNDRED);
    const x = b ?? a.level;
    return {
      no: ind.no,
      name: ind.name,
      aspect: ind.aspect,
      domain: ind.domain ?? null,
      relation: row.relation,
      basis: row.basis,
      from,
      before: b,
      beforeWeight,
      after: a.level,
      weight: a.weight,
      afterEntries: a.entries,
      change: b === null ? null : sub(a.level, b),
      contribution,
      frameworkShare: same ? R0 : div(mul(a.weight, sub(x, before.index)), HUNDRED),
      valuedBy: ind.valuedBy ?? null,
      note: row.note,
    };
  });
}

function removedIndicators(before: SideLevels, cw: Crosswalk): RemovedIndicator[] {
  return cw.removed.map((r) => {
    const o = oldLevel(before, r.no);
    return { no: r.no, name: o.name, aspect: before.framework.indicators[r.no - 1].aspect, before: o.level, weight: o.weight, entries: o.entries, after: null, note: r.note };
  });
}

type GroupKind = 'aspects' | 'domains';

function memberOf(kind: GroupKind, r: ComparedIndicator, no: number): boolean {
  return kind === 'aspects' ? r.aspect === no : r.domain === no;
}

/** Within one framework: each side's own aspect/domain values; the level effect is their weighted change. */
function sameGroups(before: SideLevels, after: SideLevels, rows: ReadonlyArray<ComparedIndicator>, kind: GroupKind): ComparedGroup[] {
  const defs = after.framework[kind];
  return defs.map((def, i) => {
    const b = before.scores[kind][i].exact;
    const a = after.scores[kind][i].exact;
    const weight = rational(def.weight, 100);
    return {
      no: def.no,
      name: def.name,
      weight,
      before: b,
      beforeBasis: 'assessment',
      matchedWeight: weight,
      after: a,
      change: sub(a, b),
      levels: sum(rows.filter((r) => memberOf(kind, r, def.no)).map((r) => r.contribution!)),
      framework: R0,
    };
  });
}

/** Across regulations: the before value is the weighted mean of the matched indicators' before levels. */
function matchedGroups(after: SideLevels, rows: ReadonlyArray<ComparedIndicator>, kind: GroupKind): ComparedGroup[] {
  const defs = after.framework[kind];
  return defs.map((def, i) => {
    const members = rows.filter((r) => memberOf(kind, r, def.no));
    const matched = members.filter((r) => r.before !== null);
    const matchedWeight = sum(matched.map((r) => r.weight));
    const b = matched.length ? div(sum(matched.map((r) => mul(r.before!, r.weight))), matchedWeight) : null;
    const a = after.scores[kind][i].exact;
    return {
      no: def.no,
      name: def.name,
      weight: rational(def.weight, 100),
      before: b,
      beforeBasis: 'matched',
      matchedWeight,
      after: a,
      change: b === null ? null : sub(a, b),
      levels: sum(matched.map((r) => r.contribution!)),
      framework: sum(members.map((r) => r.frameworkShare)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

type CompareKey = keyof Catalogue['compare'];

function message(key: CompareKey, params: (lang: Lang) => Record<string, string | number>): Bilingual {
  return { id: text('id', 'compare', key, params('id')), en: text('en', 'compare', key, params('en')) };
}

function note(
  code: ComparisonNoteCode,
  key: CompareKey,
  indicators: ReadonlyArray<number>,
  params: (lang: Lang) => Record<string, string | number>,
  severity: ComparisonNote['severity'] = 'info',
): ComparisonNote {
  return { code, severity, message: message(key, params), indicators };
}

function notesOf(c: Omit<Comparison, 'notes'>, before: SideLevels): ComparisonNote[] {
  const notes: ComparisonNote[] = [];
  const after = c.after.framework;
  const from = c.before.framework;
  const nos = (rows: ReadonlyArray<{ no: number }>) => rows.map((r) => r.no);
  if (c.kind === 'across-regulations') {
    const cw = c.crosswalk;
    notes.push(
      note('CROSSWALK_BY_SUBJECT', 'noteBySubject', [], (lang) => ({
        from: from.regulation.number,
        to: after.regulation.number,
        basis: cw.basisNote[lang],
      })),
    );
    if (cw.via.length) {
      notes.push(note('CROSSWALK_COMPOSED', 'noteComposed', [], () => ({ via: cw.via.map((f) => f.regulation.number).join(', ') })));
    }
    const fresh = c.indicators.filter((r) => r.relation === 'new');
    if (fresh.length) {
      notes.push(
        note('INDICATORS_NEW', 'noteNew', nos(fresh), (lang) => ({
          count: fresh.length,
          nos: numberList(nos(fresh)),
          to: after.regulation.number,
          weight: decimal(sum(fresh.map((r) => r.weight)), lang),
        })),
      );
    }
    const partial = c.indicators.filter((r) => r.relation === 'partial');
    if (partial.length) {
      notes.push(note('INDICATORS_PARTIAL', 'notePartial', nos(partial), () => ({ count: partial.length, nos: numberList(nos(partial)) })));
    }
    if (c.removed.length) {
      notes.push(
        note('INDICATORS_REMOVED', 'noteRemoved', nos(c.removed), () => ({
          count: c.removed.length,
          nos: numberList(nos(c.removed)),
          from: from.regulation.number,
        })),
      );
    }
    const rep = from.repeatable;
    const repLevel = rep ? before.byNo.get(rep.indicator) : undefined;
    if (rep && repLevel && repLevel.entries.length > 1) {
      const users = c.indicators.filter((r) => r.from.some((f) => f.no === rep.indicator));
      if (users.length) {
        notes.push(
          note('SERVICES_AVERAGED', 'noteServicesAveraged', nos(users), (lang) => ({
            indicator: rep.indicator,
            count: repLevel.entries.length,
            keys: repLevel.entries.map((e) => e.key).join(', '),
            mean: decimal(repLevel.level, lang),
            nos: numberList(nos(users)),
          })),
        );
      }
    }
  } else {
    const rep = after.repeatable;
    const changed = rep ? c.indicators.find((r) => r.no === rep.indicator && r.from[0].entries.length !== r.afterEntries.length) : undefined;
    if (rep && changed) {
      const spread = c.indicators.filter((r) => r.aspect === changed.aspect);
      notes.push(
        note('SERVICES_COUNT_CHANGED', 'noteServicesCount', nos(spread), () => ({
          indicator: rep.indicator,
          before: changed.from[0].entries.length,
          after: changed.afterEntries.length,
          aspect: changed.aspect,
          nos: numberList(nos(spread)),
        })),
      );
    }
  }
  const elsewhere = c.indicators.filter((r) => r.valuedBy && r.contribution !== null);
  if (elsewhere.length) {
    notes.push(
      note('INDICATORS_VALUED_ELSEWHERE', 'noteValuedElsewhere', nos(elsewhere), (lang) => ({
        nos: numberList(nos(elsewhere)),
        points: signed(c.levelsValuedElsewhere, lang),
      })),
    );
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Views of a comparison
// ---------------------------------------------------------------------------------------------

function absCmp(x: Rational, y: Rational): number {
  const ax = x.num < BigInt(0) ? { num: -x.num, den: x.den } : x;
  const ay = y.num < BigInt(0) ? { num: -y.num, den: y.den } : y;
  return cmp(ax, ay);
}

/**
 * The indicators whose own level change moved the index most: by |contribution|, larger first, ties by
 * the lower number; indicators that did not move it (0, or new) are left out.
 */
export function topMovers(c: Comparison, limit = 5): ComparedIndicator[] {
  return c.indicators
    .filter((r) => r.contribution !== null && r.contribution.num !== BigInt(0))
    .sort((x, y) => absCmp(y.contribution!, x.contribution!) || x.no - y.no)
    .slice(0, Math.max(0, limit));
}

/** What is new: the newer framework's indicators no older indicator covers (none within one framework). */
export function newIndicators(c: Comparison): ComparedIndicator[] {
  return c.indicators.filter((r) => r.relation === 'new');
}

/** The indicators matched only partly (their before level is a rough comparison). */
export function partialIndicators(c: Comparison): ComparedIndicator[] {
  return c.indicators.filter((r) => r.relation === 'partial');
}

// ---------------------------------------------------------------------------------------------
// Which side is before
// ---------------------------------------------------------------------------------------------

export interface SideCandidate<T> {
  readonly side: T;
  readonly framework: Framework;
  /** The assessment's year when one was found (sheet name, title, file name), else null. */
  readonly year: number | null;
}

export interface SideOrder<T> {
  readonly before: T;
  readonly after: T;
  /** True when the second argument became the before side. */
  readonly swapped: boolean;
  /** What decided: the regulations (different frameworks), the years, or the argument order. */
  readonly by: 'regulation' | 'year' | 'arguments';
  /** Years that contradict the regulations (the older regulation has the later year); the regulations decide. */
  readonly yearsContradict: boolean;
  /** Both sides have the same year (same framework): the argument order decided. */
  readonly sameYear: boolean;
}

/** Position of a framework among the regulations: later regulations are newer. */
function age(fw: Framework): number {
  return fw.regulation.year;
}

/**
 * Orders two assessments: across regulations the older regulation is before (a crosswalk leads from the
 * older to the newer one; years that say otherwise are reported, not followed); within one regulation
 * the earlier year is before, and without two different years the argument order stands.
 */
export function orderSides<T>(first: SideCandidate<T>, second: SideCandidate<T>): SideOrder<T> {
  const result = (swapped: boolean, by: SideOrder<T>['by'], yearsContradict = false, sameYear = false): SideOrder<T> => ({
    before: swapped ? second.side : first.side,
    after: swapped ? first.side : second.side,
    swapped,
    by,
    yearsContradict,
    sameYear,
  });
  const bothYears = first.year !== null && second.year !== null;
  if (first.framework.id !== second.framework.id && age(first.framework) !== age(second.framework)) {
    const swapped = age(first.framework) > age(second.framework);
    const [older, newer] = swapped ? [second, first] : [first, second];
    return result(swapped, 'regulation', bothYears && older.year! > newer.year!);
  }
  if (bothYears && first.year !== second.year) return result(first.year! > second.year!, 'year');
  return result(false, 'arguments', false, bothYears);
}

/**
 * What the reader must know about the order orderSides() chose: years that contradict the regulations
 * (a warning: the regulations decided), two assessments of the same year, or no years at all (the
 * argument order decided). [] when the years or the regulations decided without doubt.
 */
export function orderNotes<T>(first: SideCandidate<T>, second: SideCandidate<T>, order: SideOrder<T>): ComparisonNote[] {
  const [older, newer] = order.swapped ? [second, first] : [first, second];
  if (order.yearsContradict) {
    return [
      note(
        'YEARS_CONTRADICT_REGULATIONS',
        'orderYearsContradict',
        [],
        () => ({ older: older.framework.regulation.number, newer: newer.framework.regulation.number, olderYear: older.year ?? '', newerYear: newer.year ?? '' }),
        'warning',
      ),
    ];
  }
  if (order.by !== 'arguments') return [];
  if (order.sameYear) return [note('SAME_YEAR', 'orderSameYear', [], () => ({ year: first.year ?? '' }))];
  return [note('ORDER_OF_ARGUMENTS', 'orderArguments', [], () => ({}))];
}
