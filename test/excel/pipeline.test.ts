/**
 * The whole inside-Excel path on the strict fake: an example assessment workbook (built by the
 * project's own example generator) is opened in the fake Excel, read through ExcelHost, assessed,
 * planned, turned into the gap sheet by the core, and written back — with the sync counts the
 * issue asks for, and the assessment sheet unchanged.
 */
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../../scripts/make-examples';
import { workbookToGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import { buildGapSheet } from '../../src/core/gap-sheet';
import type { Grid } from '../../src/core/types';
import { measureExcelSyncs } from './sync-bench';
import { hostOn } from './fixtures';

// Generous per-test time: the suite may share two cores with a webpack build and Chromium.
jest.setTimeout(30_000);

function gapModel(grids: Grid[]) {
  const a = assess(grids);
  if (!a.framework) throw new Error('no framework');
  const plan = planGap(a.framework, a.entries, { mode: 'next' });
  if (isPlanUsageError(plan)) throw new Error(plan.message.en);
  return buildGapSheet(a, plan, { lang: 'id', date: '2026-11-27' });
}

describe.each([
  ['spbe2018', example2018],
  ['spbe2020', example2020],
  ['pemdi2026', example2026],
])('%s example through the Excel adapter', (_id, example) => {
  test('read in 2 syncs gives the same assessment as the file; the gap sheet is written in 2 syncs', async () => {
    const grids = workbookToGrids(buildAssessmentWorkbook(example()));
    const direct = assess(grids);
    let viaExcel: ReturnType<typeof assess> | null = null;
    let before: string[] = [];
    const report = await measureExcelSyncs(grids, (read, fake) => {
      viaExcel = assess(read);
      before = fake.sheetNames().map((n) => fake.snapshot(n));
      return gapModel(read);
    });
    expect(report.readSyncs).toBe(2);
    expect(report.writeSyncs).toBe(2);
    expect(report.fakeSyncs).toBe(4);
    expect(viaExcel!.problems.map((p) => p.code)).toEqual(direct.problems.map((p) => p.code));
    expect(viaExcel!.scores?.exact).toEqual(direct.scores?.exact);
    expect(viaExcel!.table?.levelColumn.letter).toBe(direct.table?.levelColumn.letter);
    const gap = report.fake.sheet(report.sheetName)!;
    expect(gap).not.toBeNull();
    expect(report.fake.activeSheet()).toBe(report.sheetName);
    expect(gap.charts.length).toBeGreaterThan(0);
    // Every sheet that was there is exactly as it was.
    expect(before).toHaveLength(grids.length);
    expect(report.fake.sheetNames().slice(0, grids.length).map((n) => report.fake.snapshot(n))).toEqual(before);
    // Reading again (the pane re-reads after every change) leaves the gap sheet out: same sheets, same result.
    const again = hostOn(report.fake);
    const reread = await again.readGrids();
    expect(again.stats.lastRead).toBe(2);
    expect(reread.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    expect(assess(reread).scores?.exact).toEqual(direct.scores?.exact);
  }, 60_000); // generous: the machine running the suite may be shared
});
