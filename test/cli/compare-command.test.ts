/**
 * `spbe compare`: the command end to end, in-process (runCompare / main with an in-memory Io), on workbooks
 * the tests build: the same framework in every layout the reader handles, as two files and as one workbook
 * with a sheet per year, in either order; 5/2018 → 59/2020 with Kota Denpasar 2018 (golden data) as the
 * before side; 59/2020 → 8/2026 (Aceh Tengah 2025 → the pemdi2026 sample); exit codes; --out.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Grid } from '../../src/core/types';
import { runCompare } from '../../src/cli/compare-command';
import { main, memoryIo } from '../../src/cli/main';
import { SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { buildAssessmentWorkbook } from '../../scripts/make-examples';
import type { AssessmentSpec } from '../../scripts/make-examples';
import { NO_FEATURES, buildWorkbook } from '../xlsx/package-builder';
import { acehTengahGrid, denpasarGrid, pemdiGrid, simpleGrid, ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026 } from '../core/grid-builders';
import { readWorkbookGridsSync } from '../../src/xlsx/ooxml/read-workbook';
import { WorkbookPackage } from '../../src/xlsx/package';
import { SPBE_COMPARE_MARKER } from '../../src/core/compare-sheet';
import { openAssessment } from '../../src/app/assessment';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-compare-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeGrids(name: string, grids: ReadonlyArray<Grid>): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, buildWorkbook(grids, NO_FEATURES).bytes);
  return p;
}

async function writeSpec(name: string, spec: AssessmentSpec): Promise<string> {
  const p = path.join(dir, name);
  await buildAssessmentWorkbook(spec).xlsx.writeFile(p);
  return p;
}

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await runCompare(argv, io, { now: () => new Date(2026, 0, 15) });
  return { code, out: io.stdout(), err: io.stderr() };
}

async function json(argv: string[]) {
  const r = await run([...argv, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out.trim());
}

const named = (g: Grid, name: string): Grid => ({ ...g, name });
const shift = (levels: Readonly<Record<string, number>>, by: Readonly<Record<string, number>>): Record<string, number> => ({ ...levels, ...by });

/** The JSON object's own arithmetic: contributions add up to the level effect, effects to delta. */
function expectSums(o: { delta: number; effects: { levels: number; framework: number }; indicators: Array<{ contribution: number | null }> }) {
  const contributions = o.indicators.reduce((s, r) => s + (r.contribution ?? 0), 0);
  expect(contributions).toBeCloseTo(o.effects.levels, 12);
  expect(o.effects.levels + o.effects.framework).toBeCloseTo(o.delta, 12);
}

// ---------------------------------------------------------------------------------------------
// The same framework in every layout, two files and one workbook, either order
// ---------------------------------------------------------------------------------------------

interface Layout {
  readonly name: string;
  readonly framework: string;
  /** The workbook's assessment sheet for a set of levels, named `sheet`. */
  readonly grid: (levels: Readonly<Record<string, number>>, sheet: string) => Grid;
  readonly older: Readonly<Record<string, number>>;
  readonly newer: Readonly<Record<string, number>>;
  /** The indicator that moved the index most. */
  readonly top: number;
}

const LAYOUTS: ReadonlyArray<Layout> = [
  {
    name: 'Denpasar 2018 layout (merged domain/aspect, 35-2, 35-3)',
    framework: 'spbe2018',
    grid: (l, s) => named(denpasarGrid(l), s),
    older: DENPASAR_2018,
    newer: shift(DENPASAR_2018, { '1': 3, '35': 3 }),
    top: 35,
  },
  {
    name: 'Aceh Tengah layout (group rows, "1." numbers, "Tingkat 2")',
    framework: 'spbe2020',
    grid: (l, s) => named(acehTengahGrid(l), s),
    older: shift(ACEH_TENGAH_2025, { '13': 1, '32': 2 }),
    newer: shift(ACEH_TENGAH_2025, { '13': 2, '32': 4 }),
    top: 32,
  },
  {
    name: 'pemdi2026 sample layout (Kode, decimal levels)',
    framework: 'pemdi2026',
    grid: (l, s) => named(pemdiGrid(l), s),
    older: PEMDI_SAMPLE_2026,
    newer: shift(PEMDI_SAMPLE_2026, { '13': 3.5, '1': 2 }),
    top: 1,
  },
  {
    name: 'plain table',
    framework: 'spbe2020',
    grid: (l, s) => simpleGrid({ fw: SPBE2020, levels: l, sheetName: s }),
    older: shift(ACEH_TENGAH_2025, { '47': 2 }),
    newer: ACEH_TENGAH_2025,
    top: 47,
  },
];

describe.each(LAYOUTS)('same framework: $name', (layout) => {
  test('two files, either order: the older year is before; contributions and effects add up to delta', async () => {
    const a = writeGrids('a.xlsx', [layout.grid(layout.older, 'Penilaian 2023')]);
    const b = writeGrids('b.xlsx', [layout.grid(layout.newer, 'Penilaian 2024')]);
    const forward = await json([a, b]);
    const backward = await json([b, a]);
    for (const o of [forward, backward]) {
      expect(o.kind).toBe('same-framework');
      expect(o.before.sheet).toBe('Penilaian 2023');
      expect(o.after.sheet).toBe('Penilaian 2024');
      expect(o.before.framework).toBe(layout.framework);
      expect(o.delta).toBeCloseTo(o.after.index - o.before.index, 12);
      expect(o.effects.framework).toBe(0);
      expect(o.effects.levels).toBe(o.delta);
      expect(o.indicators.every((r: { relation: string }) => r.relation === 'same')).toBe(true);
      expect(o.estimate === null).toBe(layout.framework === 'pemdi2026');
      expectSums(o);
    }
    const { indicators, issues, ...rest } = forward;
    const { indicators: ib, issues: sb, ...restB } = backward;
    expect({ ...rest, before: { ...rest.before, file: '' }, after: { ...rest.after, file: '' } }).toEqual({ ...restB, before: { ...restB.before, file: '' }, after: { ...restB.after, file: '' } });
    expect(indicators).toEqual(ib);
    expect(issues).toEqual(sb);
    const mover = [...forward.indicators].sort((x: { contribution: number }, y: { contribution: number }) => Math.abs(y.contribution) - Math.abs(x.contribution))[0];
    expect(mover.no).toBe(layout.top);
  });

  test('one workbook with a sheet per year, either tab order', async () => {
    for (const order of [0, 1]) {
      const sheets = [layout.grid(layout.older, 'Penilaian 2023'), layout.grid(layout.newer, 'Penilaian 2024')];
      const file = writeGrids(`one-${order}.xlsx`, order ? sheets.reverse() : sheets);
      const o = await json([file]);
      expect([o.before.sheet, o.after.sheet]).toEqual(['Penilaian 2023', 'Penilaian 2024']);
      expect(o.delta).toBeCloseTo(o.after.index - o.before.index, 12);
      expect(o.issues.map((i: { code: string }) => i.code)).not.toContain('ORDER_OF_ARGUMENTS');
      expectSums(o);
    }
  });
});

test('the make-examples layout (margin, self-assessment stage, group rows): the final values are compared', async () => {
  const spec = (levels: Record<string, number>, year: number): AssessmentSpec => ({
    framework: SPBE2020,
    sheetName: `PM ${year}`,
    titles: ['PEMERINTAH KABUPATEN CONTOH', `Penilaian Mandiri SPBE ${year}`],
    margin: 1,
    levels,
    self: Object.fromEntries(Object.keys(levels).map((k) => [k, 5])),
    groupRows: true,
  });
  const a = await writeSpec('x.xlsx', spec(shift(ACEH_TENGAH_2025, { '1': 1 }), 2024));
  const b = await writeSpec('y.xlsx', spec(ACEH_TENGAH_2025, 2025));
  const o = await json([b, a]);
  expect([o.before.sheet, o.after.sheet]).toEqual(['PM 2024', 'PM 2025']);
  expect(o.after.index).toBe(2.594);
  expect(o.indicators.find((r: { no: number }) => r.no === 1)).toMatchObject({ before: 1, after: 2, change: 1 });
  expectSums(o);
});

test('no year anywhere: the argument order decides, and the output says so', async () => {
  const a = writeGrids('first.xlsx', [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Rekap' })]);
  const b = writeGrids('second.xlsx', [simpleGrid({ fw: SPBE2020, levels: shift(ACEH_TENGAH_2025, { '4': 2 }), sheetName: 'Rekap' })]);
  const o = await json([b, a]);
  expect(o.before.file).toBe(b);
  expect(o.issues[0].code).toBe('ORDER_OF_ARGUMENTS');
  const r = await run([b, a, '--lang', 'en']);
  expect(r.out).toMatch(/No assessment year was found: the first one given is used as "before"/);
});

test('the year from the file name when neither the sheet nor the title has one', async () => {
  const a = writeGrids('penilaian-2024.xlsx', [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Rekap' })]);
  const b = writeGrids('penilaian-2023.xlsx', [simpleGrid({ fw: SPBE2020, levels: shift(ACEH_TENGAH_2025, { '4': 2 }), sheetName: 'Rekap' })]);
  const o = await json([a, b]);
  expect([o.before.file, o.after.file]).toEqual([b, a]);
  expect(o.delta).toBeCloseTo(-0.013, 12); // indicator 4: 2 → 1 at 1.30 %
});

test('--sheet and --before-sheet choose the sheets of one workbook; --before-sheet decides within one regulation', async () => {
  const file = writeGrids('three.xlsx', [
    simpleGrid({ fw: SPBE2020, levels: shift(ACEH_TENGAH_2025, { '4': 4 }), sheetName: 'Penilaian 2022' }),
    simpleGrid({ fw: SPBE2020, levels: shift(ACEH_TENGAH_2025, { '4': 3 }), sheetName: 'Penilaian 2023' }),
    simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Penilaian 2024' }),
  ]);
  const auto = await json([file]);
  expect([auto.before.sheet, auto.after.sheet]).toEqual(['Penilaian 2023', 'Penilaian 2024']);
  const chosen = await json([file, '--before-sheet', 'penilaian 2022', '--sheet', 'Penilaian 2023']);
  expect([chosen.before.sheet, chosen.after.sheet]).toEqual(['Penilaian 2022', 'Penilaian 2023']);
  expect(chosen.delta).toBeCloseTo(-0.013, 12);
});

// ---------------------------------------------------------------------------------------------
// Across regulations
// ---------------------------------------------------------------------------------------------

/** Kota Denpasar 2018's levels carried to 59/2020 (test/core/compare.test.ts), 45–47 at 3, every new indicator at 1. */
const DENPASAR_CARRIED: Record<string, number> = {
  1: 1, 2: 1, 4: 3, 5: 2, 7: 3, 10: 1, 11: 2, 12: 2, 13: 3, 14: 3, 15: 2, 16: 3, 18: 2, 19: 1,
  32: 4, 33: 4, 34: 4, 35: 4, 36: 1, 37: 3, 39: 3, 40: 3, 41: 3, 42: 3, 44: 2, 45: 3, 46: 3, 47: 3,
};

describe('5/2018 → 59/2020 with Kota Denpasar 2018 (official 2.64) as the before side', () => {
  const after = (): Grid => simpleGrid({ fw: SPBE2020, levels: DENPASAR_CARRIED, fill: 1, sheetName: 'Penilaian 2020' });

  test('two files in either order: the regulations decide; C, both effects and delta exactly as worked out by hand', async () => {
    const denpasar = writeGrids('denpasar-2018.xlsx', [denpasarGrid()]);
    const next = writeGrids('denpasar-2020.xlsx', [after()]);
    for (const args of [[denpasar, next], [next, denpasar]]) {
      const o = await json(args);
      expect(o.kind).toBe('across-regulations');
      expect(o.before).toMatchObject({ framework: 'spbe2018', index: 2.64, indexRounded: 2.64, predicate: 'Baik' });
      expect(o.after).toMatchObject({ framework: 'spbe2020', index: 2.135 });
      expect(o.regulationIndex).toBe(2.075);
      expect(o.effects).toEqual({ framework: -0.565, levels: 0.06 });
      expect(o.delta).toBe(-0.505);
      expect(o.deltaRounded).toBe(-0.51);
      expect(o.indicators.find((r: { no: number }) => r.no === 45)).toMatchObject({ before: 7 / 3, after: 3, contribution: 0.02, relation: expect.any(String), from: [35] });
      const removed = o.indicators.filter((r: { relation: string }) => r.relation === 'removed');
      expect(removed.length).toBeGreaterThan(0);
      expect(removed.every((r: { after: null }) => r.after === null)).toBe(true);
      expect(o.indicators.filter((r: { relation: string }) => r.relation === 'new')).toHaveLength(19);
      expect(o.estimate).toMatchObject({ estimate: true, framework: 'pemdi2026' });
      expect(o.estimate.low.index).toBeLessThan(o.estimate.high.index);
      expectSums(o);
    }
  });

  test('the readable text, in Indonesian and English', async () => {
    const denpasar = writeGrids('denpasar-2018.xlsx', [denpasarGrid()]);
    const next = writeGrids('denpasar-2020.xlsx', [after()]);
    const en = await run([next, denpasar, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Before: .*denpasar-2018\.xlsx · Penilaian Mandiri/m);
    expect(en.out).toMatch(/Index: 2\.64 \(Baik\) → 2\.14 \(Cukup\), change -0\.51/);
    expect(en.out).toMatch(/The change of regulation alone: -0\.57/);
    expect(en.out).toMatch(/An estimate, not an official value/);
    const id = await run([denpasar, next]);
    expect(id.out).toMatch(/Indeks: 2,64 \(Baik\) → 2,14 \(Cukup\), perubahan -0,51/);
  });
});

describe('59/2020 → 8/2026: Aceh Tengah 2025 → the pemdi2026 sample', () => {
  test('C = 1.8228…, delta -0.572 exactly, no domains, no further estimate', async () => {
    const aceh = writeGrids('aceh.xlsx', [acehTengahGrid()]);
    const pemdi = writeGrids('pemdi.xlsx', [pemdiGrid()]);
    const o = await json([pemdi, aceh]);
    expect(o.before).toMatchObject({ framework: 'spbe2020', index: 2.594 });
    expect(o.after).toMatchObject({ framework: 'pemdi2026', index: 2.022 });
    expect(o.delta).toBe(-0.572);
    expect(o.regulationIndex.toFixed(4)).toBe('1.8228');
    expect(o.domains).toEqual([]);
    expect(o.estimate).toBeNull();
    expect(o.indicators.find((r: { no: number }) => r.no === 13)).toMatchObject({ before: 1, after: 3.1, contribution: 0.105 });
    expectSums(o);
  });

  test('one workbook holding both (2025 under 59/2020, 2026 under 8/2026)', async () => {
    const file = writeGrids('both.xlsx', [named(pemdiGrid(), 'Penilaian 2026'), named(acehTengahGrid(), 'Penilaian 2025')]);
    const o = await json([file]);
    expect([o.before.framework, o.after.framework]).toEqual(['spbe2020', 'pemdi2026']);
    expect(o.delta).toBe(-0.572);
  });
});

// ---------------------------------------------------------------------------------------------
// Exit codes, --out
// ---------------------------------------------------------------------------------------------

describe('exit codes', () => {
  test('2 when a side has errors: which side, with its problems', async () => {
    const bad = writeGrids('bad-2024.xlsx', [simpleGrid({ fw: SPBE2020, levels: { ...ACEH_TENGAH_2025, '5': 9 }, sheetName: 'Penilaian 2024' })]);
    const good = writeGrids('good-2023.xlsx', [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Penilaian 2023' })]);
    const r = await run([bad, good, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/The "after" assessment \(.*bad-2024\.xlsx · Penilaian 2024\) has errors/);
    expect(r.err).toMatch(/C6: Level 9/);
    const j = await run([bad, good, '--json']);
    expect(j.code).toBe(2);
    const o = JSON.parse(j.out);
    expect(o.sides).toHaveLength(1);
    expect(o.sides[0]).toMatchObject({ side: 'after', sheet: 'Penilaian 2024', index: null });
  });

  test('1 for usage: no file, three files, one assessment only, an unknown option; 1 for an unreadable file', async () => {
    const one = writeGrids('one.xlsx', [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025 })]);
    expect((await run([])).code).toBe(1);
    expect((await run([one, one, one])).code).toBe(1);
    const single = await run([one, '--lang', 'en']);
    expect(single.code).toBe(1);
    expect(single.err).toMatch(/holds only one assessment/);
    expect((await run([one, one, '--bogus'])).code).toBe(1);
    const missing = await run([one, path.join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.xlsx/);
  });

  test('dispatch through main, and help', async () => {
    const io = memoryIo();
    expect(await main(['compare', '--help', '--lang', 'en'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Usage: spbe compare/);
    const io2 = memoryIo();
    await main(['--help'], io2);
    expect(io2.stdout()).toMatch(/compare/);
  });
});

test('--out writes the comparison sheet into a copy of the AFTER side; the inputs stay byte-identical; a later run replaces it', async () => {
  const a = writeGrids('a.xlsx', [simpleGrid({ fw: SPBE2020, levels: shift(ACEH_TENGAH_2025, { '13': 1 }), sheetName: 'Penilaian 2023' })]);
  const b = writeGrids('b.xlsx', [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Penilaian 2024' })]);
  const ba = fs.readFileSync(a);
  const bb = fs.readFileSync(b);
  const out = path.join(dir, 'out.xlsx');
  const o = await json([b, a, '--out', out]);
  expect(o).toMatchObject({ out, compareSheet: 'Perbandingan' });
  expect(fs.readFileSync(a).equals(ba)).toBe(true);
  expect(fs.readFileSync(b).equals(bb)).toBe(true);
  const bytes = new Uint8Array(fs.readFileSync(out));
  const pkg = WorkbookPackage.open(bytes);
  expect(pkg.sheetNames).toEqual(['Penilaian 2024', 'Perbandingan']);
  expect(pkg.markedSheet(SPBE_COMPARE_MARKER)).toBe('Perbandingan');
  // The comparison sheet is never read as an assessment.
  const grids = readWorkbookGridsSync(bytes);
  expect(grids.map((g) => g.name)).toEqual(['Penilaian 2024']);
  expect(openAssessment(grids).table?.sheet).toBe('Penilaian 2024');
  // Comparing the output again: the earlier sheet is replaced, not stacked.
  const out2 = path.join(dir, 'out2.xlsx');
  const r = await run([a, out, '--out', out2, '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/The earlier comparison sheet was replaced/);
  expect(WorkbookPackage.open(new Uint8Array(fs.readFileSync(out2))).sheetNames).toEqual(['Penilaian 2024', 'Comparison']);
  // --out may not be an input.
  expect((await run([a, b, '--out', b])).code).toBe(1);
});

test('frameworks are named by --framework for both sides', async () => {
  const a = writeGrids('a.xlsx', [simpleGrid({ fw: SPBE2018, levels: DENPASAR_2018, sheetName: 'Penilaian 2017' })]);
  const b = writeGrids('b.xlsx', [simpleGrid({ fw: SPBE2018, levels: shift(DENPASAR_2018, { '2': 2 }), sheetName: 'Penilaian 2018' })]);
  const o = await json([a, b, '--framework', '5/2018']);
  expect([o.before.framework, o.after.framework]).toEqual(['spbe2018', 'spbe2018']);
});
