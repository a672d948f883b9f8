/**
 * Round trips of the Excel adapter (src/excel) on the strict fake of the Excel object model
 * (test/excel/fake-excel.ts): reading each example workbook and writing its gap sheet, counted in
 * context.sync() calls (the figure that matters on Excel on the web), plus the largest request.
 */
import type { BenchSection } from '../bench-lib';
import { fmt } from '../bench-lib';
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../make-examples';
import { workbookToGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import { buildGapSheet } from '../../src/core/gap-sheet';
import { measureExcelSyncs } from '../../test/excel/sync-bench';

export const section: BenchSection = {
  title: 'Excel adapter: context.sync() calls of a full read-and-write (strict fake)',
  async run(ctx) {
    for (const [id, example] of [['spbe2018', example2018], ['spbe2020', example2020], ['pemdi2026', example2026]] as const) {
      const grids = workbookToGrids(buildAssessmentWorkbook(example()));
      const r = await measureExcelSyncs(grids, (read) => {
        const a = assess(read);
        if (!a.framework) throw new Error(`${id}: not assessed`);
        const plan = planGap(a.framework, a.entries, { mode: 'next' });
        if (isPlanUsageError(plan)) throw new Error(plan.message.en);
        return buildGapSheet(a, plan, { lang: 'id', date: '2026-11-27' });
      });
      ctx.print(
        `${id} (${grids.length} sheets): read ${r.readSyncs} syncs, write "${r.sheetName}" ${r.writeSyncs} syncs, total ${r.fakeSyncs}` +
          ` — largest request ${fmt(r.largestRequestBytes / 1024, 1)} KiB of 5120; fake time read ${fmt(r.readMs, 1)} ms, write ${fmt(r.writeMs, 1)} ms`,
      );
    }
  },
};
