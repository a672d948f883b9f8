/**
 * The comparison workflow of the application layer (src/app/compare.ts): which sheets, which side is before,
 * the options applied to both sides, the outcomes (side errors, usage), and the comparison sheet it builds
 * (marker, name, text kept as text, formulas with cached values, the chart of aspects).
 */
import type { Grid } from '../../src/core/types';
import { SPBE2020 } from '../../src/core/frameworks';
import { openComparison, compareSheetFor, sideYear } from '../../src/app/compare';
import { openAssessment } from '../../src/app/assessment';
import { SPBE_COMPARE_MARKER } from '../../src/core/compare-sheet';
import { GAP_SHEET_MARKER, OUR_MARKERS } from '../../src/core/gap-sheet';
import { ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026, acehTengahGrid, denpasarGrid, pemdiGrid, simpleGrid } from '../core/grid-builders';

const named = (g: Grid, name: string): Grid => ({ ...g, name });
const aceh = (levels: Record<string, number> = {}, sheetName = 'Rekap'): Grid => simpleGrid({ fw: SPBE2020, levels: { ...ACEH_TENGAH_2025, ...levels }, sheetName });

function compared(o: ReturnType<typeof openComparison>) {
  if (o.kind !== 'compared') throw new Error(`expected a comparison, got ${o.kind}`);
  return o;
}

describe('which assessments, in which order', () => {
  test('one workbook, sheets per year in any tab order: the two newest, older first', () => {
    const grids = [aceh({}, 'Penilaian 2024'), aceh({ 4: 2 }, 'Penilaian 2022'), aceh({ 4: 3 }, 'Penilaian 2023')];
    const o = compared(openComparison([{ grids, file: 'pm.xlsx' }]));
    expect([o.before.sheet, o.after.sheet]).toEqual(['Penilaian 2023', 'Penilaian 2024']);
    expect([o.before.year, o.after.year]).toEqual([2023, 2024]);
    expect(o.orderNotes).toEqual([]);
  });

  test('the year from the title above the table, then from the file name', () => {
    const titled = simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, titles: ['PENILAIAN MANDIRI SPBE TAHUN 2021'], sheetName: 'Rekap' });
    expect(sideYear(openAssessment([titled]), 'x-2019.xlsx')).toBe(2021);
    expect(sideYear(openAssessment([aceh()]), '/data/pm-2019.xlsx')).toBe(2019);
    expect(sideYear(openAssessment([aceh()]), null)).toBeNull();
  });

  test('across regulations the older regulation is before whatever the argument order; years that contradict are a warning', () => {
    const d = { grids: [named(denpasarGrid(), 'Penilaian 2025')], file: 'denpasar.xlsx' };
    const a = { grids: [named(acehTengahGrid(), 'Penilaian 2020')], file: 'aceh.xlsx' };
    const o = compared(openComparison([a, d]));
    expect(o.before.assessment.framework?.id).toBe('spbe2018');
    expect(o.before.source).toBe(1);
    expect(o.orderNotes.map((n) => [n.code, n.severity])).toEqual([['YEARS_CONTRADICT_REGULATIONS', 'warning']]);
  });

  test('--framework, --column, --predicate-basis apply to both sides', () => {
    const b = { grids: [simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, levelHeader: 'Nilai Akhir', sheetName: 'PM 2023' })] };
    const a = { grids: [simpleGrid({ fw: SPBE2020, levels: { ...ACEH_TENGAH_2025, 4: 2 }, levelHeader: 'Nilai Akhir', sheetName: 'PM 2024' })] };
    const o = compared(openComparison([b, a], { framework: 'spbe2020', column: 'Nilai Akhir', basis: 'rounded' }));
    for (const s of [o.before, o.after]) {
      expect(s.assessment.frameworkSource).toBe('option');
      expect(s.assessment.table?.levelColumn.header).toMatch(/Nilai Akhir/);
    }
    expect(o.basis).toBe('rounded');
  });

  test('a side with errors: which one, with its problems; usage: one assessment only, the same sheet twice', () => {
    const bad = { grids: [aceh({ 5: 9 }, 'PM 2024')], file: 'bad.xlsx' };
    const good = { grids: [aceh({}, 'PM 2023')], file: 'good.xlsx' };
    const o = openComparison([bad, good]);
    expect(o.kind).toBe('side-errors');
    if (o.kind !== 'side-errors') return;
    expect(o.sides.map((s) => [s.role, s.side.file, s.errors.map((p) => p.code)])).toEqual([['after', 'bad.xlsx', ['LEVEL_OUT_OF_RANGE']]]);
    const one = openComparison([{ grids: [aceh()], file: 'one.xlsx' }]);
    expect(one.kind).toBe('usage');
    if (one.kind === 'usage') expect(one.message.en).toMatch(/one\.xlsx holds only one assessment/);
    const same = openComparison([{ grids: [aceh({}, 'A 2023'), aceh({}, 'B 2024')] }], { sheet: 'A 2023', beforeSheet: 'a 2023' });
    expect(same.kind).toBe('usage');
  });
});

describe('the comparison sheet', () => {
  const o = compared(openComparison([{ grids: [denpasarGrid()], file: 'denpasar-2018.xlsx' }, { grids: [named(acehTengahGrid(), 'Penilaian 2025')], file: 'aceh.xlsx' }]));
  const model = compareSheetFor(o, { lang: 'id', date: '2026-01-15' });

  test('its marker, its name in the user language, a marker the readers know', () => {
    expect(model.marker).toBe(SPBE_COMPARE_MARKER);
    expect(OUR_MARKERS).toEqual([GAP_SHEET_MARKER, SPBE_COMPARE_MARKER]);
    expect(model.name).toBe('Perbandingan');
    expect(compareSheetFor(o, { lang: 'en', date: '2026-01-15' }).name).toBe('Comparison');
  });

  test('every formula carries its cached value; ROUND(…, 9) on every computed number; text stays text', () => {
    const formulas = model.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(100);
    for (const c of formulas) {
      expect(c.value).not.toBeUndefined();
      expect(c.formula!.startsWith('=')).toBe(false);
    }
    const names = model.cells.filter((c) => c.formula === undefined && typeof c.value === 'string');
    expect(names.some((c) => c.value === SPBE2020.indicators[0].name)).toBe(true);
    // The header: indices, C, the effects — cached as the formulas compute them on the 9-decimal cells.
    const at = (row: number, col: number) => model.cells.find((c) => c.row === row && c.col === col);
    expect(at(5, 2)?.value).toBe(2.64);
    expect(at(6, 2)?.value).toBe(2.594);
    expect(at(7, 2)).toMatchObject({ formula: 'ROUND(C7-C6,9)' });
    expect(at(7, 2)?.value).toBeCloseTo(-0.046, 12);
    expect(at(8, 2)?.formula).toMatch(/^ROUND\(SUMPRODUCT\(\$.+\)\/100,9\)$/);
    expect((at(9, 2)?.value as number) + (at(10, 2)?.value as number)).toBeCloseTo(at(7, 2)?.value as number, 9);
    expect(at(5, 3)?.value).toBe('Baik');
  });

  test('one row per indicator of the newer framework; new ones have no before level; a native column chart of aspects', () => {
    const rows = model.cells.filter((c) => c.col === 0 && c.row > 14 && c.row <= 14 + SPBE2020.indicators.length);
    expect(rows.map((c) => c.value)).toEqual(SPBE2020.indicators.map((i) => i.no));
    expect(model.tables[0].range).toMatchObject({ top: 14, bottom: 14 + SPBE2020.indicators.length });
    expect(model.charts).toHaveLength(1);
    expect(model.charts[0]).toMatchObject({ type: 'column', title: 'Aspek: sebelum dan sesudah' });
    expect(model.charts[0].series.map((s) => s.name)).toEqual(['Sebelum', 'Sesudah']);
    // Column A stays empty below the table.
    expect(model.cells.filter((c) => c.col === 0 && c.row > 14 + SPBE2020.indicators.length && typeof c.value === 'number')).toEqual([]);
  });

  test('pemdi2026 (no domains) and spbe2018 within one framework', () => {
    const p = compared(openComparison([{ grids: [named(pemdiGrid(), 'PM 2026')] }, { grids: [named(pemdiGrid({ ...PEMDI_SAMPLE_2026, 1: 3 }), 'PM 2027')] }]));
    const m = compareSheetFor(p, { lang: 'en', date: '2026-01-15' });
    expect(m.tables[0].columns).not.toContain('Domain');
    expect(m.tables[0].columns).not.toContain('Level compared');
    const d = compared(openComparison([{ grids: [named(denpasarGrid(), 'PM 2018')] }, { grids: [named(denpasarGrid({ ...DENPASAR_2018, '35-3': 4 }), 'PM 2019')] }]));
    expect(d.comparison.kind).toBe('same-framework');
    expect(compareSheetFor(d, { lang: 'id' }).charts).toHaveLength(1);
  });
});

describe('the command and the pane agree by construction', () => {
  test('one workbook with a sheet per year: the same sides, the same change, the same movers', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const { runCompare } = await import('../../src/cli/compare-command');
    const { memoryIo } = await import('../../src/cli/main');
    const { CompareController } = await import('../../src/taskpane/compare-controller');
    const { FakeHost } = await import('../taskpane/fake-host');
    const { buildWorkbook, NO_FEATURES } = await import('../xlsx/package-builder');
    const grids = [aceh({}, 'Penilaian 2024'), aceh({ 13: 3, 32: 1 }, 'Penilaian 2023')];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-compare-agree-'));
    try {
      const file = path.join(dir, 'pm.xlsx');
      fs.writeFileSync(file, buildWorkbook(grids, NO_FEATURES).bytes);
      const io = memoryIo();
      expect(await runCompare([file, '--json', '--lang', 'en'], io)).toBe(0);
      const cli = JSON.parse(io.stdout());
      const pane = new CompareController(new FakeHost(grids, 'excel'), { lang: 'en' });
      await pane.start();
      const v = pane.getState().view!;
      expect([v.before.where, v.after.where]).toEqual([cli.before.sheet, cli.after.sheet]);
      expect(v.after.index).toBe(cli.after.indexRounded.toFixed(2));
      const top = [...cli.indicators].filter((r: { contribution: number }) => r.contribution !== 0).sort((x: { contribution: number }, y: { contribution: number }) => Math.abs(y.contribution) - Math.abs(x.contribution));
      expect(v.movers.map((m) => m.no)).toEqual(top.slice(0, 5).map((r: { no: number }) => r.no));
      pane.dispose();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
