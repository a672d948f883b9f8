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

/** The user raises the first indicator by one level (or lowers a 5), in its level cell. */
function editFirstLevel(read: Grid[]) {
  const a = assess(read);
  const entry = a.entries[0];
  const level = typeof entry.raw === 'number' ? entry.raw : 3;
  return { sheet: a.table!.sheet, cell: entry.cell, value: level >= 5 ? level - 1 : level + 1 };
}

describe.each([
  ['spbe2018', example2018],
  ['spbe2020', example2020],
  ['pemdi2026', example2026],
])('%s example through the Excel adapter', (_id, example) => {
  test('read in 2 syncs (nothing known beforehand) gives the same assessment as the file; the gap sheet is written in 1 sync', async () => {
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
    expect(report.writeSyncs).toBe(1); // what the read learnt stands in for the write's probe
    expect(report.fakeSyncs).toBe(3);
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

  test('followed as the pane follows it: subscribe 1, read 1, re-read after an edit 1, write 1; the index follows the edit', async () => {
    const grids = workbookToGrids(buildAssessmentWorkbook(example()));
    let edited: Grid[] = [];
    const report = await measureExcelSyncs(
      grids,
      (read) => {
        edited = read;
        return gapModel(read);
      },
      { follow: true, edit: editFirstLevel },
    );
    expect([report.subscribeSyncs, report.readSyncs, report.reReadSyncs, report.writeSyncs]).toEqual([1, 1, 1, 1]);
    expect(report.fakeSyncs).toBe(4);
    // The re-read grids are those of a fresh full read of the edited workbook.
    expect(edited).toEqual(await hostOn(report.fake).readGrids());
    expect(report.fake.sheetNames()).toContain(report.sheetName);
  }, 60_000);
});
