/**
 * Sides for the comparison tests, as entries (no workbook needed), and builders. The published cases
 * (Kota Denpasar 2018, official 2.64 "Baik"; Kab. Aceh Tengah 2025, official 2.59 "Cukup"; the pemdi2026
 * sample, official 2.02 "Cukup") are the project's own golden data in grid-builders.ts; everything
 * else here is constructed, and says so.
 */
import type { Framework, Rational } from '../../src/core/types';
import { fromNumber, rational } from '../../src/core/rational';
import type { ComparedSide, SideEntry } from '../../src/core/compare';

export { ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026 } from './grid-builders';

export const lv = (x: number): Rational => fromNumber(x)!;
export const R = (n: number, d = 1): Rational => rational(n, d);

/** Entries from a key → level record ("35", "35-2" …). */
export function entriesOf(values: Readonly<Record<string, number | Rational>>): SideEntry[] {
  return Object.entries(values).map(([key, v]) => {
    const [no, entry] = key.split('-').map(Number);
    return { key, no, entry: entry ?? 1, level: typeof v === 'number' ? lv(v) : v };
  });
}

/** A side from a key → level record. */
export function sideOf(framework: Framework, values: Readonly<Record<string, number | Rational>>): ComparedSide {
  return { framework, entries: entriesOf(values) };
}

/** Every indicator of `fw` at `level`, then the keys of `levels` (which may add "35-2" …). */
export function uniform(fw: Framework, level: number, levels: Readonly<Record<string, number | Rational>> = {}): Record<string, number | Rational> {
  const out: Record<string, number | Rational> = {};
  for (const ind of fw.indicators) out[String(ind.no)] = level;
  return { ...out, ...levels };
}
