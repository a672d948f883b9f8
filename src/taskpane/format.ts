/**
 * Display helpers of the task pane: plain functions of core data (no DOM, no React), so they are
 * unit-tested without a browser.
 */
import type { Framework, Lang, Problem, Rational } from '../core/types';
import { fromNumber, toFixed } from '../core/rational';

/** The decimal separator users of each language expect (Indonesian writes 2,60). */
export function decimalSeparator(lang: Lang): string {
  return lang === 'id' ? ',' : '.';
}

/** An exact value rounded half-up to `digits` decimals, in the user's notation ("2,60" / "2.60"). */
export function formatExact(value: Rational, lang: Lang, digits = 2): string {
  return toFixed(value, digits, decimalSeparator(lang));
}

/** A JS number (already exact to a few decimals, e.g. a weight or level) in the user's notation, rounded half-up. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  const r = fromNumber(value);
  if (!r) return String(value);
  return toFixed(r, digits, decimalSeparator(lang));
}

/** A number in the user's notation, with the fewest decimals needed (up to `maxDigits`): 3 → "3", 2.5 → "2,5". */
export function formatCompact(value: number, lang: Lang, maxDigits = 2): string {
  const fixed = formatNumber(value, lang, maxDigits);
  const sep = decimalSeparator(lang);
  if (!fixed.includes(sep)) return fixed;
  return fixed.replace(/0+$/, '').replace(new RegExp(`\\${sep}$`), '');
}

/** Parses a number typed by the user in either notation ("2,6", "2.6", " 2,60 "); null if it is not one. */
export function parseUserNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The position of a predicate among the framework's bands (0 = lowest), or -1. Aliases count. */
export function bandIndex(fw: Framework, predicate: string | null | undefined): number {
  if (!predicate) return -1;
  const p = predicate.trim().toLowerCase();
  return fw.predicates.findIndex((b) => b.name.toLowerCase() === p || (b.aliases ?? []).some((a) => a.toLowerCase() === p));
}

/** Band colours from lowest to highest; each background keeps a contrast ratio of at least 4.5 with its text colour. */
const BAND_COLOURS: ReadonlyArray<{ readonly background: string; readonly foreground: string }> = [
  { background: '#A4262C', foreground: '#FFFFFF' },
  { background: '#A5460A', foreground: '#FFFFFF' },
  { background: '#F2C811', foreground: '#1B1A19' },
  { background: '#3B6E04', foreground: '#FFFFFF' },
  { background: '#0B5A2A', foreground: '#FFFFFF' },
];

/** Colours of a predicate's band; frameworks with another number of bands are spread over the same scale. */
export function bandColours(fw: Framework, predicate: string | null | undefined): { background: string; foreground: string } {
  const i = bandIndex(fw, predicate);
  if (i < 0) return { background: '#605E5C', foreground: '#FFFFFF' };
  const n = fw.predicates.length;
  const k = n <= 1 ? BAND_COLOURS.length - 1 : Math.round((i * (BAND_COLOURS.length - 1)) / (n - 1));
  return BAND_COLOURS[k];
}

/** Width of a score on the 0–5 scale as a percentage of a bar (1 → 20 %, 5 → 100 %; values outside are clamped). */
export function barPercent(value: number): number {
  const p = (value / 5) * 100;
  return Math.max(0, Math.min(100, p));
}

/** Problems with errors first, then warnings, then notes (info), otherwise in the order the core reported them (stable). */
export function sortProblems(problems: ReadonlyArray<Problem>): Problem[] {
  const of = (s: Problem['severity']) => problems.filter((p) => p.severity === s);
  return [...of('error'), ...of('warning'), ...of('info')];
}

/** A stable identity of a problem for list keys and selection. */
export function problemKey(p: Problem, index: number): string {
  return `${p.code}|${p.sheet ?? ''}|${p.cell ?? ''}|${p.indicator ?? ''}|${index}`;
}

/** The output file name offered for download: "Penilaian 2024.xlsx" → "Penilaian 2024-gap.xlsx" (a .xlsm stays .xlsm: its macros are kept). */
export function outputFileName(inputName: string, macroEnabled?: boolean): string {
  const m = /\.(xlsx|xlsm)$/i.exec(inputName);
  const base = inputName.replace(/\.(xlsx|xlsm)$/i, '');
  // the package's kind decides when known (a macro-enabled workbook stays .xlsm whatever it was called)
  const ext = macroEnabled === undefined ? (m ? m[1].toLowerCase() : 'xlsx') : macroEnabled ? 'xlsm' : 'xlsx';
  return `${base || 'workbook'}-gap.${ext}`;
}

/** The index's own title from the framework's name: "Indeks Pemerintah Digital (PermenPANRB 8/2026)" → "Indeks Pemerintah Digital". */
export function indexTitle(fw: Framework): string {
  return fw.name.replace(/\s*\([^)]*\)\s*$/, '').trim() || fw.name;
}

/** A date in the user's language and locale conventions (Intl), e.g. "5 Desember 2026" / "December 5, 2026" ("5 December 2026" in en-GB). */
export function formatDate(date: Date, lang: Lang, locale?: string): string {
  // the user's own locale (e.g. en-GB, id-ID) when it is of the pane's language, else the language's usual one
  const tag = locale && locale.toLowerCase().split('-')[0] === (lang === 'id' ? 'id' : 'en') ? locale : lang === 'id' ? 'id-ID' : 'en-US';
  try {
    return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** Index points: 2 decimals for reading ("+0,03"), and the exact value with the fewest decimals needed (up to 9) for the tooltip ("+0,0275"). */
export function formatPoints(value: Rational, lang: Lang): { readonly shown: string; readonly exact: string } {
  const sep = decimalSeparator(lang);
  const exact = toFixed(value, 9, sep).replace(/0+$/, '').replace(new RegExp(`\\${sep}$`), '');
  return { shown: '+' + toFixed(value, 2, sep), exact: '+' + exact };
}

/** One group of the problem list: problems of one code (and severity), in the order the core reported them. */
export interface ProblemGroup {
  readonly code: Problem['code'];
  readonly severity: Problem['severity'];
  readonly problems: ReadonlyArray<Problem>;
}

/** Problems grouped by code: error groups first, then warnings, then notes; groups in the order their first problem came. */
export function groupProblems(problems: ReadonlyArray<Problem>): ProblemGroup[] {
  const groups = new Map<string, { code: Problem['code']; severity: Problem['severity']; problems: Problem[] }>();
  for (const p of sortProblems(problems)) {
    const key = `${p.severity}|${p.code}`;
    const g = groups.get(key);
    if (g) g.problems.push(p);
    else groups.set(key, { code: p.code, severity: p.severity, problems: [p] });
  }
  return [...groups.values()];
}
