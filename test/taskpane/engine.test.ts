/** The pane's use of the core: which sheets it assesses, and how a target choice becomes a plan request. */
import { assessableGrids, isGapSheet, targetRequest, defaultEngine } from '../../src/taskpane/engine';
import { DEFAULT_SETTINGS } from '../../src/taskpane/controller';
import { SPBE2018 } from '../../src/core/frameworks';
import type { Grid } from '../../src/core/types';
import { assessmentGrid } from './grids';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

function gapSheetGrid(lang: 'id' | 'en'): Grid {
  const grid = assessmentGrid({ fw: SPBE2018, levels: () => 3 });
  const settings = { ...DEFAULT_SETTINGS, lang };
  const model = defaultEngine.gapSheet(defaultEngine.assess([grid], settings), settings, { date: '2026-01-31' });
  const values: (string | number | boolean | null)[][] = [];
  for (const c of model.cells) {
    while (values.length <= c.row) values.push([]);
    values[c.row][c.col] = c.value;
  }
  return { name: model.name, values: values.map((r) => Array.from(r, (v) => v ?? null)) };
}

test('the tool\'s own gap sheets (either language) are never assessed; other sheets are', () => {
  const source = assessmentGrid({ fw: SPBE2018, levels: () => 3 });
  const id = gapSheetGrid('id');
  const en = gapSheetGrid('en');
  expect([isGapSheet(id), isGapSheet(en), isGapSheet(source)]).toEqual([true, true, false]);
  expect(isGapSheet({ name: 'Catatan', values: [['Analisis gap kami sendiri']] })).toBe(false);
  expect(assessableGrids([id, source, en])).toEqual([source]);
  // a workbook holding nothing else is still read as it is
  expect(assessableGrids([id])).toEqual([id]);
});

test('target choices become planner requests; an index is typed with a comma or a point, between 1 and 5', () => {
  expect(targetRequest({ kind: 'next' }, 'id')).toEqual({ mode: 'next' });
  expect(targetRequest({ kind: 'level', level: 4 }, 'id')).toEqual({ mode: 'level', level: 4 });
  expect(targetRequest({ kind: 'index', text: '2,6' }, 'id')).toMatchObject({ mode: 'index' });
  expect(targetRequest({ kind: 'index', text: '2.60' }, 'en')).toMatchObject({ mode: 'index' });
  expect(targetRequest({ kind: 'index', text: '5,01' }, 'en')).toEqual({ invalid: 'Type an index between 1 and 5, e.g. 2.60.' });
  expect(targetRequest({ kind: 'index', text: '' }, 'id')).toEqual({ invalid: 'Tulis indeks antara 1 dan 5, misalnya 2,60.' });
});
