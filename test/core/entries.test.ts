/**
 * The entry collector (src/core/entries.ts) is the one place that decides which entries count: the same
 * values give the same problems whether they come from a worksheet's rows or a custom function's range,
 * only the place is said differently (a cell, a row of the range).
 */
import { collectEntries } from '../../src/core/entries';
import { assess } from '../../src/core/assess';
import { SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { readValues, isFnError } from '../../src/functions/impl';
import { describe as say } from '../../src/core/problems';
import { scoreIndex } from '../../src/core/scoring';
import { rational } from '../../src/core/rational';
import { sheet } from './grid-builders';
import type { CellValue } from '../../src/core/types';

type Pair = [string | number, CellValue];

const base = (): Pair[] => SPBE2020.indicators.map((d) => [d.no, 3] as Pair);

/** The codes of the errors the worksheet path finds, in order. */
function sheetCodes(pairs: Pair[]): string[] {
  const a = assess([sheet('P', [['No', 'Tingkat'], ...pairs])], { framework: 'spbe2020' });
  return a.problems.filter((p) => p.severity === 'error').map((p) => p.code);
}

/** The error a two-column range gives (a function reports the first). */
function functionCode(pairs: Pair[]): string | null {
  const r = readValues(pairs, 'spbe2020');
  return isFnError(r) ? r.problem : null;
}

test.each<[string, (p: Pair[]) => Pair[]]>([
  ['a number the framework lacks', (p) => [...p, [48, 2]]],
  ['a repeat where none may repeat', (p) => [...p, ['7-2', 2]]],
  ['a level that is not one', (p) => p.map(([k, v]) => [k, k === 12 ? 'belum' : v] as Pair)],
  ['a blank level', (p) => p.map(([k, v]) => [k, k === 3 ? null : v] as Pair)],
  ['a fractional level', (p) => p.map(([k, v]) => [k, k === 30 ? 2.5 : v] as Pair)],
  ['an indicator twice with different levels', (p) => [...p, [12, 4]]],
  ['a missing indicator', (p) => p.filter(([k]) => k !== 9)],
])('%s: the same problem from a worksheet and from a function', (_name, change) => {
  const pairs = change(base());
  const codes = sheetCodes(pairs);
  expect(codes.length).toBeGreaterThan(0);
  expect(functionCode(pairs)).toBe(codes[0]);
});

test('the same level twice counts once (a warning on a worksheet, nothing for a function)', () => {
  const pairs = [...base(), [12, 3] as Pair];
  const a = assess([sheet('P', [['No', 'Tingkat'], ...pairs])]);
  expect(a.problems.map((p) => [p.code, p.severity])).toEqual([['INDICATOR_DUPLICATE', 'warning']]);
  expect(readValues(pairs, undefined)).toMatchObject({ fw: { id: 'spbe2020' } });
});

test('places are data: a cell of a sheet, a row of a range', () => {
  const items = [
    { key: '1', no: 1, entry: 1, raw: 'x' },
    { key: '1', no: 1, entry: 1, raw: 4 },
  ];
  const c = collectEntries(SPBE2018, { items, at: (i) => ({ kind: 'pair', pos: i + 1 }) });
  expect(c.problems.map((p) => p.code).slice(0, 2)).toEqual(['LEVEL_NOT_A_LEVEL', 'INDICATOR_DUPLICATE_CONFLICT']);
  expect(say(c.problems[0], 'en', 'function')).toBe('Row 1 (indicator 1): "x" is not a level; enter a whole level 1–5.');
  const s = collectEntries(SPBE2018, { items, at: (i) => ({ kind: 'cell', sheet: 'Penilaian', row: 6 + i, col: 6 }) });
  expect(say(s.problems[0], 'en')).toBe('"x" at Penilaian!G7 (indicator 1) is not a maturity level. Enter a whole level 1–5.');
  // every other indicator is missing: reported without a place
  expect(s.problems.filter((p) => p.code === 'INDICATOR_MISSING')).toHaveLength(34);
});

test('whole levels are the framework index\'s shared entries, in framework order, scored on the fast path', () => {
  const levels = SPBE2020.indicators.map((d) => (d.no % 5) + 1);
  const c = collectEntries(SPBE2020, { count: levels.length, level: (i) => levels[i], at: (i) => ({ kind: 'value', pos: i + 1 }) });
  expect(c.problems).toEqual([]);
  expect(c.entries.map((e) => e.no)).toEqual(SPBE2020.indicators.map((d) => d.no));
  const again = collectEntries(SPBE2020, { count: levels.length, level: (i) => levels[i], at: (i) => ({ kind: 'value', pos: i + 1 }) });
  expect(again.entries.every((e, i) => e === c.entries[i])).toBe(true);
  // the fast path and the general one agree (the general one on copies that are not the shared objects)
  const copies = c.entries.map((e) => ({ key: e.key, no: e.no, entry: e.entry, level: rational(Number(e.level.num), Number(e.level.den)) }));
  expect(scoreIndex(SPBE2020, c.entries)).toEqual(scoreIndex(SPBE2020, copies));
});
