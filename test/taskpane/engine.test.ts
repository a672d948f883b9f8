/** The pane's use of the application layer: which sheets it assesses, and how a target choice becomes a plan request. */
import { targetRequest, defaultEngine, effectiveKind } from '../../src/taskpane/engine';
import { DEFAULT_SETTINGS } from '../../src/taskpane/controller';
import { openAssessment } from '../../src/app/assessment';
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

test('the marker is the only rule for "our sheet": the pane reads what the command reads, whatever a sheet\'s title says', () => {
  const source = assessmentGrid({ fw: SPBE2018, levels: () => 3 });
  // A user's own sheet whose title happens to read like ours is an ordinary sheet (the adapters leave out
  // only the sheet the marker name points at); here it is the only table, so it is read.
  const lookalike: Grid = { ...source, name: 'Catatan', values: [['Analisis Gap — catatan kami'], ...source.values.slice(1)] };
  for (const grids of [[lookalike], [gapSheetGrid('id'), source], [source, gapSheetGrid('en')]]) {
    const pane = defaultEngine.assess(grids, DEFAULT_SETTINGS);
    const command = openAssessment(grids);
    expect(pane.table?.sheet).toBe(command.table?.sheet);
    expect(pane.scores?.exact).toEqual(command.scores?.exact);
    expect(pane.problems.map((p) => p.code)).toEqual(command.problems.map((p) => p.code));
  }
  expect(defaultEngine.assess([lookalike], DEFAULT_SETTINGS).table?.sheet).toBe('Catatan');
});

test('target choices become planner requests; an index is typed with a comma or a point, between 1 and 5', () => {
  expect(targetRequest({ kind: 'next' }, 'id')).toEqual({ mode: 'next' });
  expect(targetRequest({ kind: 'column' }, 'id')).toEqual({ mode: 'column' });
  expect(targetRequest({ kind: 'level', level: 4 }, 'id')).toEqual({ mode: 'level', level: 4 });
  expect(targetRequest({ kind: 'index', text: '2,6' }, 'id')).toMatchObject({ mode: 'index' });
  expect(targetRequest({ kind: 'index', text: '2.60' }, 'en')).toMatchObject({ mode: 'index' });
  expect(targetRequest({ kind: 'index', text: '5,01' }, 'en')).toEqual({ invalid: 'Type an index between 1 and 5, e.g. 2.60.' });
  expect(targetRequest({ kind: 'index', text: '' }, 'id')).toEqual({ invalid: 'Tulis indeks antara 1 dan 5, misalnya 2,60.' });
});

test('the default target is the application\'s: the sheet\'s Target column when it has one, else the next predicate', () => {
  const plain = assessmentGrid({ fw: SPBE2018, levels: () => 3 });
  const withTargets: Grid = {
    ...plain,
    values: plain.values.map((r, i) => (i === 2 ? [...r, 'Target'] : i > 2 ? [...r, i === 3 ? 4 : null] : r)),
  };
  const a = defaultEngine.assess([plain], DEFAULT_SETTINGS);
  const b = defaultEngine.assess([withTargets], DEFAULT_SETTINGS);
  expect(targetRequest({ kind: 'default' }, 'id', a)).toEqual({ mode: 'next' });
  expect(targetRequest({ kind: 'default' }, 'id', b)).toEqual({ mode: 'column' });
  expect([effectiveKind({ kind: 'default' }, a), effectiveKind({ kind: 'default' }, b)]).toEqual(['next', 'column']);
});
