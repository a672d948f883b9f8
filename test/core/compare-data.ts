/**
 * Assessments for the comparison tests, as entries (no workbook needed) plus builders. Published facts
 * are copied here (the project must not read anything outside it):
 * - Kota Denpasar 2018 (spbe2018; official index 2.64 "Baik"; indicator 35 scored for three public
 *   services). Source: putuokky/monev-spbe-dps, database/indeksdp_db_indeks.sql.
 * - Kab. Aceh Tengah 2025 (spbe2020; official 2.59 "Cukup"). Source: Niumination/PemdiAcehTengah, citing
 *   the 2025 Laporan Hasil Pemantauan SPBE (indicators 1,2,5–8 and 43+44 known only as group sums; the
 *   split is illustrative and every split gives the same official figures).
 * - The pemdi2026 sample worksheet ("Pemerintah Kabupaten Contoh", official 2.02 "Cukup").
 * Everything else here is constructed, and says so.
 */
import type { Framework, Rational } from '../../src/core/types';
import { fromNumber, rational } from '../../src/core/rational';
import type { ComparedSide, SideEntry } from '../../src/core/compare';

export const DENPASAR_2018: Readonly<Record<string, number>> = {
  1: 1, 2: 1, 3: 1, 4: 3, 5: 2, 6: 3, 7: 3, 8: 2, 9: 1, 10: 1, 11: 1, 12: 3, 13: 3, 14: 3, 15: 1, 16: 3, 17: 3,
  18: 1, 19: 3, 20: 2, 21: 3, 22: 3, 23: 2, 24: 2, 25: 3, 26: 1, 27: 4, 28: 4, 29: 4, 30: 3, 31: 4,
  32: 3, 33: 2, 34: 3,
  // indicator 35 scored for three public services
  '35': 1, '35-2': 3, '35-3': 3,
};

export const ACEH_TENGAH_2025: Readonly<Record<string, number>> = {
  1: 2, 2: 2, 3: 4, 4: 1, 5: 3, 6: 3, 7: 2, 8: 2, 9: 1, 10: 3,
  11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 16: 1, 17: 3, 18: 2, 19: 3, 20: 3,
  21: 1, 22: 1, 23: 1, 24: 1, 25: 1, 26: 1, 27: 1, 28: 1, 29: 1, 30: 1, 31: 1,
  32: 4, 33: 4, 34: 4, 35: 4, 36: 4, 37: 4, 38: 2, 39: 4, 40: 4, 41: 4,
  42: 4, 43: 3, 44: 3, 45: 4, 46: 4, 47: 4,
};

/** The pemdi2026 sample worksheet's 20 values (official 2.02 "Cukup"). */
export const PEMDI_SAMPLE: ReadonlyArray<number> = [2.5, 1.75, 3, 2.2, 1, 1, 1, 1.5, 2, 1.8, 1, 2.25, 3.1, 2, 1.4, 1.6, 3, 1, 2.6, 2.15];

export const lv = (x: number): Rational => fromNumber(x)!;

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

/** Every indicator of `fw` at `level`, overridden by `levels`. */
export function uniform(fw: Framework, level: number, levels: Readonly<Record<string, number | Rational>> = {}): Record<string, number | Rational> {
  const out: Record<string, number | Rational> = {};
  for (const ind of fw.indicators) out[String(ind.no)] = level;
  return { ...out, ...levels };
}

export const R = (n: number, d = 1): Rational => rational(n, d);
