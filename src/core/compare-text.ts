/**
 * A comparison and a transition preview in words, for the `spbe compare` command and the task pane, in
 * the user's language (every word from the `compare` section of the message catalogue). Lines of text;
 * the front end adds its own framing (file names, headings, colours).
 *
 * A comparison says: how the index moved; how much of the move each effect accounts for; the indicators
 * that moved it most; what is new (grouped by aspect, with what it cost); across regulations also which
 * indicators matched only partly, which no longer count, and that the crosswalk is a correspondence by
 * subject; then aspects and domains, before and after.
 */
import type { Lang } from './types';
import { text } from './i18n';
import type { Catalogue } from './i18n';
import { div, eq, mul, roundHalfUp, sub, sum } from './rational';
import { compact, decimal, exact, numberList, signed } from './compare-format';
import { newIndicators, partialIndicators, topMovers, type ComparedGroup, type ComparedIndicator, type Comparison } from './compare';
import type { TransitionPreview } from './compare-preview';

type Key = keyof Catalogue['compare'];
type Params = Readonly<Record<string, string | number>>;

/** Notes that the sections below do not already say. */
const NOTES_SHOWN = new Set(['CROSSWALK_BY_SUBJECT', 'CROSSWALK_COMPOSED', 'SERVICES_AVERAGED', 'SERVICES_COUNT_CHANGED', 'INDICATORS_VALUED_ELSEWHERE']);

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function padStart(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** The short name of an indicator (without the "Tingkat Kematangan" every official name begins with). */
function shortName(name: string): string {
  return name.replace(/^Tingkat Kematangan\s+/, '');
}

export interface DescribeOptions {
  /** How many top movers to list (default 5). */
  readonly top?: number;
}

/** The readable comparison, one string per line. */
export function describeComparison(c: Comparison, lang: Lang, options: DescribeOptions = {}): string[] {
  const t = (key: Key, params?: Params): string => text(lang, 'compare', key, params);
  const across = c.kind === 'across-regulations';
  const b = c.before;
  const a = c.after;
  const lines: string[] = [];

  lines.push(across ? t('titleAcross', { before: b.framework.name, after: a.framework.name }) : t('titleSame', { framework: a.framework.name }));
  lines.push(
    t('indexLine', {
      before: decimal(b.index, lang),
      beforePredicate: b.scores.predicate,
      after: decimal(a.index, lang),
      afterPredicate: a.scores.predicate,
      delta: signed(c.delta, lang),
    }),
  );
  const shownDifference = sub(roundHalfUp(a.index, 2), roundHalfUp(b.index, 2));
  if (!eq(shownDifference, roundHalfUp(c.delta, 2))) lines.push(`  ${t('roundingNote', { delta: exact(c.delta, lang) })}`);

  // How much each effect accounts for.
  if (across) {
    lines.push(
      `  ${t('effectRegulation', {
        points: signed(c.effects.framework, lang),
        to: a.framework.regulation.number,
        index: decimal(c.regulationIndex, lang),
      })}`,
    );
  }
  const elsewhere = c.indicators.filter((r) => r.valuedBy && r.contribution !== null);
  lines.push(
    `  ${
      elsewhere.length
        ? t('effectLevelsElsewhere', {
            points: signed(c.effects.levels, lang),
            elsewhere: signed(c.levelsValuedElsewhere, lang),
            nos: numberList(elsewhere.map((r) => r.no)),
          })
        : t(across ? 'effectLevels' : 'effectLevelsOnly', { points: signed(c.effects.levels, lang) })
    }`,
  );

  // The indicators that moved the index most.
  const movers = topMovers(c, options.top ?? 5);
  lines.push(movers.length ? t('moversTitle', { count: movers.length }) : t('moversNone'));
  for (const r of movers) lines.push(moverLine(r, lang, across));

  if (across) {
    lines.push(...whatIsNew(c, lang));
    const partial = partialIndicators(c);
    if (partial.length) lines.push(t('partialLine', { count: partial.length, nos: numberList(partial.map((r) => r.no)) }));
    if (c.removed.length) {
      lines.push(
        t('removedLine', {
          count: c.removed.length,
          nos: numberList(c.removed.map((r) => r.no)),
          from: b.framework.regulation.number,
          to: a.framework.regulation.number,
        }),
      );
    }
  }

  lines.push(...groupLines(c.aspects, lang, across ? t('aspectsMatched', { from: b.framework.regulation.number }) : t('aspectsTitle')));
  if (c.domains.length) lines.push(...groupLines(c.domains, lang, across ? t('domainsMatched', { from: b.framework.regulation.number }) : t('domainsTitle')));

  const notes = c.notes.filter((n) => NOTES_SHOWN.has(n.code));
  if (notes.length) {
    lines.push(t('notesTitle'));
    for (const n of notes) lines.push(`  ${n.message[lang]}`);
  }
  return lines;
}

function moverLine(r: ComparedIndicator, lang: Lang, across: boolean): string {
  // Across regulations an old number is another indicator, even when it is the same number: always say which.
  const from = across ? ` ${text(lang, 'compare', 'fromNos', { nos: numberList(r.from.map((f) => f.no)) })}` : '';
  const elsewhere = r.valuedBy ? ` ${text(lang, 'compare', 'moverValuedElsewhere')}` : '';
  const levels = `${compact(r.before!, lang)} → ${compact(r.after, lang)}`;
  return `  ${padStart(String(r.no), 3)}  ${pad(levels, 13)} ${pad(signed(r.contribution!, lang, 3), 7)} ${shortName(r.name)}${from}${elsewhere}`;
}

/** The new indicators grouped by aspect: numbers, average level now, and what they cost (their framework shares). */
function whatIsNew(c: Comparison, lang: Lang): string[] {
  const t = (key: Key, params?: Params): string => text(lang, 'compare', key, params);
  const fresh = newIndicators(c);
  if (!fresh.length) return [t('newNone', { to: c.after.framework.regulation.number })];
  const lines = [
    t('newTitle', {
      count: fresh.length,
      to: c.after.framework.regulation.number,
      weight: compact(sum(fresh.map((r) => r.weight)), lang),
      points: signed(sum(fresh.map((r) => r.frameworkShare)), lang),
    }),
  ];
  for (const aspect of c.after.framework.aspects) {
    const rows = fresh.filter((r) => r.aspect === aspect.no);
    if (!rows.length) continue;
    const whole = rows.length === c.indicators.filter((r) => r.aspect === aspect.no).length;
    const weight = sum(rows.map((r) => r.weight));
    const level = div(sum(rows.map((r) => mul(r.after, r.weight))), weight);
    lines.push(
      `  ${t(whole ? 'newAspectWhole' : 'newAspect', {
        aspect: aspect.no,
        name: aspect.name,
        nos: numberList(rows.map((r) => r.no)),
        level: decimal(level, lang),
        points: signed(sum(rows.map((r) => r.frameworkShare)), lang),
      })}`,
    );
  }
  const rest = sub(c.effects.framework, sum(fresh.map((r) => r.frameworkShare)));
  if (rest.num !== BigInt(0)) lines.push(`  ${t('reweightLine', { points: signed(rest, lang) })}`);
  return lines;
}

function groupLines(groups: ReadonlyArray<ComparedGroup>, lang: Lang, title: string): string[] {
  const lines = [title];
  const dash = text(lang, 'compare', 'noBefore');
  for (const g of groups) {
    const before = g.before === null ? dash : decimal(g.before, lang);
    const change = g.change === null ? '' : signed(g.change, lang);
    lines.push(`  ${padStart(String(g.no), 2)}  ${padStart(before, 5)} → ${padStart(decimal(g.after, lang), 5)}  ${pad(change, 6)} ${g.name}`);
  }
  return lines;
}

/** The readable transition preview, one string per line: always a range, always labelled an estimate. */
export function describePreview(p: TransitionPreview, lang: Lang): string[] {
  const t = (key: Key, params?: Params): string => text(lang, 'compare', key, params);
  const lines = [
    t('previewTitle', { to: p.to.name, from: p.from.regulation.number, label: p.label[lang] }),
    `  ${t('previewRange', {
      low: decimal(p.low.exact, lang),
      lowPredicate: p.low.predicate,
      high: decimal(p.high.exact, lang),
      highPredicate: p.high.predicate,
    })}`,
    `  ${t('previewRule')}`,
  ];
  const carried = p.indicators.filter((r) => r.status === 'carried');
  if (carried.length) lines.push(`  ${t('previewCarried', { count: carried.length, nos: numberList(carried.map((r) => r.no)) })}`);
  if (p.mustAssess.length) {
    lines.push(`  ${t('previewMustAssess', { count: p.mustAssess.length, weight: compact(sum(p.mustAssess.map((r) => r.weight)), lang) })}`);
    for (const r of p.mustAssess) lines.push(`    ${padStart(String(r.no), 2)}  ${shortName(r.name)} (${compact(r.weight, lang)} %)`);
  }
  if (p.valuedElsewhere.length) {
    lines.push(`  ${t('previewValuedElsewhere')}`);
    for (const r of p.valuedElsewhere) {
      const value = r.status === 'given' ? t('previewGiven', { value: compact(r.low, lang) }) : t('previewCountsOne');
      lines.push(`    ${padStart(String(r.no), 2)}  ${shortName(r.name)} — ${r.valuedBy![lang]}: ${value}`);
    }
  }
  if (p.partial.length) lines.push(`  ${t('previewPartial', { count: p.partial.length, nos: numberList(p.partial.map((r) => r.no)) })}`);
  if (p.removed.length) lines.push(`  ${t('previewRemoved', { count: p.removed.length, nos: numberList(p.removed.map((r) => r.no)) })}`);
  return lines;
}
