/** Shared test data for the planner and gap-sheet tests (not a test file). */
import { fromDecimalString } from '../../src/core/rational';
import type { Assessment, AssessmentEntry, Framework, LevelColumn, Problem, Rational } from '../../src/core/types';

/** Kab. Aceh Tengah 2025 (spbe2020): official exact index 2.594 (2.59 Cukup). */
export const ACEH: Record<string, number> = {
  1: 2, 2: 2, 3: 4, 4: 1, 5: 3, 6: 3, 7: 2, 8: 2, 9: 1, 10: 3, 11: 1, 12: 1, 13: 1, 14: 1, 15: 1, 16: 1, 17: 3, 18: 2, 19: 3, 20: 3,
  21: 1, 22: 1, 23: 1, 24: 1, 25: 1, 26: 1, 27: 1, 28: 1, 29: 1, 30: 1, 31: 1, 32: 4, 33: 4, 34: 4, 35: 4, 36: 4, 37: 4, 38: 2, 39: 4,
  40: 4, 41: 4, 42: 4, 43: 3, 44: 3, 45: 4, 46: 4, 47: 4,
};

/** Entries as the reader would give them: level cells G7, G8, … ; text values are not plain numbers. */
export function entriesOf(values: Record<string, number | string>, targets: Record<string, number> = {}, notes: Record<string, string> = {}): AssessmentEntry[] {
  return Object.entries(values).map(([key, v], i) => {
    const [noText, entryText] = key.split('-');
    const text = typeof v === 'number' ? String(v) : v.replace(/^Tingkat\s+/i, '').replace(',', '.');
    const level = fromDecimalString(text) as Rational;
    return {
      key,
      no: Number(noText),
      entry: entryText ? Number(entryText) : 1,
      row: 6 + i,
      cell: `G${7 + i}`,
      raw: v,
      plainNumber: typeof v === 'number',
      level,
      name: null,
      stages: [],
      sheetWeight: null,
      evidence: null,
      target: targets[key] !== undefined ? (fromDecimalString(String(targets[key])) as Rational) : null,
      note: notes[key] ?? null,
    };
  });
}

const LEVEL_COL: LevelColumn = { col: 6, letter: 'G', header: 'Nilai Akhir', stage: 4, stageName: 'Nilai Akhir', filled: 47 };
const SELF_COL: LevelColumn = { col: 5, letter: 'F', header: 'Penilaian Mandiri', stage: 0, stageName: 'Penilaian Mandiri', filled: 47 };

/** An assessment of `entries` as the reader gives it (table on "Penilaian Mandiri", level column G), without scores unless given. */
export function assessmentOf(
  fw: Framework,
  entries: AssessmentEntry[],
  opts: { sheet?: string; titles?: string[]; problems?: Problem[]; stages?: boolean; scores?: Assessment['scores'] } = {},
): Assessment {
  return {
    framework: fw,
    frameworkSource: 'detected',
    table: {
      sheet: opts.sheet ?? 'Penilaian Mandiri',
      headerRows: [5],
      firstRow: 6,
      lastRow: 6 + entries.length,
      numberColumn: 1,
      nameColumn: 2,
      weightColumn: null,
      evidenceColumn: null,
      targetColumn: null,
      noteColumns: [],
      levelColumns: opts.stages ? [SELF_COL, LEVEL_COL] : [LEVEL_COL],
      levelColumn: LEVEL_COL,
    },
    entries,
    problems: opts.problems ?? [],
    scores: opts.scores ?? null,
    titles: opts.titles ?? ['PEMERINTAH KABUPATEN ACEH TENGAH', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE 2025'],
  };
}
