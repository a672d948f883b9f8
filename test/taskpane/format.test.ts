import { barPercent, bandColours, bandIndex, formatCompact, formatDate, formatExact, formatPoints, groupProblems, indexTitle, outputFileName, parseUserNumber, sortProblems } from '../../src/taskpane/format';
import { SPBE2018 } from '../../src/core/frameworks';
import { PEMDI2026, SPBE2020 } from '../../src/core/frameworks';
import { fromDecimalString, rational } from '../../src/core/rational';
import type { Problem } from '../../src/core/types';

test('figures are written the way each language writes them, rounded half-up from the exact value', () => {
  expect(formatExact(fromDecimalString('2.595')!, 'id')).toBe('2,60');
  expect(formatExact(fromDecimalString('2.594')!, 'en')).toBe('2.59');
  expect(formatExact(rational(1, 3), 'id', 4)).toBe('0,3333');
  expect(formatCompact(3, 'id')).toBe('3');
  expect(formatCompact(2.5, 'id')).toBe('2,5');
  expect(formatCompact(0.0275, 'en', 4)).toBe('0.0275');
});

test('numbers typed with a comma or a point are understood', () => {
  expect(parseUserNumber('2,6')).toBe(2.6);
  expect(parseUserNumber(' 2.60 ')).toBe(2.6);
  expect(parseUserNumber('dua')).toBeNull();
  expect(parseUserNumber('')).toBeNull();
});

test('each predicate band has its own colour, text readable on it', () => {
  const names = SPBE2020.predicates.map((p) => p.name);
  const colours = names.map((n) => bandColours(SPBE2020, n).background);
  expect(new Set(colours).size).toBe(names.length);
  expect(bandIndex(SPBE2020, 'sangat baik')).toBe(3);
  expect(bandIndex(SPBE2020, 'nonsense')).toBe(-1);
  // pemdi2026 aliases name the same bands
  const alias = PEMDI2026.predicates.find((p) => (p.aliases ?? []).length > 0);
  if (alias) expect(bandColours(PEMDI2026, alias.aliases![0])).toEqual(bandColours(PEMDI2026, alias.name));
  // contrast of text on every band colour ≥ 4.5 (WCAG AA)
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  for (const n of names) {
    const { background, foreground } = bandColours(SPBE2020, n);
    const [a, b] = [lum(background), lum(foreground)].sort((x, y) => y - x);
    expect((a + 0.05) / (b + 0.05)).toBeGreaterThanOrEqual(4.5);
  }
});

test('bars are on the 0–5 scale', () => {
  expect(barPercent(1)).toBe(20);
  expect(barPercent(5)).toBe(100);
  expect(barPercent(7)).toBe(100);
});

test('errors are listed before warnings, warnings before notes, otherwise in reading order', () => {
  const p = (severity: Problem['severity'], code: Problem['code']): Problem => ({ severity, code, cell: null, sheet: null, indicator: null, message: { id: code, en: code } });
  const list = [p('info', 'LEVEL_COLUMN_CHOSEN'), p('warning', 'NAME_MISMATCH'), p('error', 'LEVEL_BLANK'), p('warning', 'EVIDENCE_MISSING'), p('error', 'INDICATOR_MISSING')];
  expect(sortProblems(list).map((x) => x.code)).toEqual(['LEVEL_BLANK', 'INDICATOR_MISSING', 'NAME_MISMATCH', 'EVIDENCE_MISSING', 'LEVEL_COLUMN_CHOSEN']);
});

test('the download is named after the opened file', () => {
  expect(outputFileName('Penilaian 2024.xlsx')).toBe('Penilaian 2024-gap.xlsx');
  expect(outputFileName('DATA.XLSX')).toBe('DATA-gap.xlsx');
  // a macro-enabled workbook keeps its macros, so its copy stays .xlsm
  expect(outputFileName('Penilaian dengan makro.xlsm')).toBe('Penilaian dengan makro-gap.xlsm');
});

test("the index card's title is the framework's own index, from its name", () => {
  expect(indexTitle(PEMDI2026)).toBe('Indeks Pemerintah Digital');
  expect(indexTitle(SPBE2020)).toBe('Indeks SPBE');
  expect(indexTitle(SPBE2018)).toBe('Indeks SPBE');
});

test('plan points: 2 decimals to read, the exact value (fewest decimals) for the tooltip', () => {
  expect(formatPoints(fromDecimalString('0.0275')!, 'id')).toEqual({ shown: '+0,03', exact: '+0,0275' });
  expect(formatPoints(fromDecimalString('0.06')!, 'en')).toEqual({ shown: '+0.06', exact: '+0.06' });
  expect(formatPoints(rational(1, 3), 'en')).toEqual({ shown: '+0.33', exact: '+0.333333333' });
});

test("dates in the user's language (Intl)", () => {
  const d = new Date(2026, 11, 5);
  expect(formatDate(d, 'id')).toMatch(/^5 Desember 2026$/);
  expect(formatDate(d, 'en')).toBe('December 5, 2026');
  expect(formatDate(d, 'en', 'en-GB')).toBe('5 December 2026');
  expect(formatDate(d, 'en', 'id-ID')).toBe('December 5, 2026');
});

test('problems grouped by code: error groups first, in the order their first problem came', () => {
  const p = (severity: Problem['severity'], code: string, cell: string): Problem => ({ severity, code: code as Problem['code'], cell, sheet: 'S', indicator: null, message: { id: code, en: code } });
  const groups = groupProblems([p('warning', 'EVIDENCE_MISSING', 'D1'), p('error', 'LEVEL_BLANK', 'C2'), p('warning', 'EVIDENCE_MISSING', 'D3'), p('error', 'LEVEL_OUT_OF_RANGE', 'C4'), p('error', 'LEVEL_BLANK', 'C5')]);
  expect(groups.map((g) => [g.severity, g.code, g.problems.map((x) => x.cell)])).toEqual([
    ['error', 'LEVEL_BLANK', ['C2', 'C5']],
    ['error', 'LEVEL_OUT_OF_RANGE', ['C4']],
    ['warning', 'EVIDENCE_MISSING', ['D1', 'D3']],
  ]);
});
