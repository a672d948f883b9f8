/**
 * The word for a level, as assessors write it beside the number: "3 · Terdefinisi", "2,5 · Terkelola".
 *
 * - spbe2018 / spbe2020: the indicator's own scale (IndicatorDef.levelNames): process capability
 *   (Rintisan, Terkelola, Terdefinisi, Terpadu dan Terukur, Optimum) or, for the services (59/2020
 *   indicators 32–47), service capability (Informasi, Interaksi, Transaksi, Kolaborasi, Optimum).
 * - pemdi2026: the framework's level labels (Framework.levelLabels), a decimal labelled by the word of its
 *   whole part (2.5 is "Terkelola" as a level, though the index 2.5 is "Baik" as a predicate); null for a
 *   level without an attested word.
 */
import type { Framework, Rational } from './types';

/** The whole level (1..5) a value is labelled by: its whole part, within 1..5. */
export function wholeLevel(value: Rational | number): number {
  const whole = typeof value === 'number' ? Math.floor(value) : Number(value.num / value.den);
  return Math.min(5, Math.max(1, whole));
}

/**
 * The word of the level `value` of indicator `indicatorNo` (null: the framework's general scale, used to
 * label an index, known only where the framework has level labels), or null when there is none.
 */
export function levelName(fw: Framework, indicatorNo: number | null, value: Rational | number): string | null {
  const level = wholeLevel(value);
  if (fw.levelLabels) return fw.levelLabels[level - 1] ?? null;
  if (indicatorNo === null) return null;
  const def = fw.indicators.find((d) => d.no === indicatorNo);
  const set = def ? fw.levelNames[def.levelNames] : undefined;
  return set?.[level - 1] ?? null;
}
