/**
 * Round trips of the Excel adapter (src/excel) on the strict fake of the Excel object model
 * (test/excel/fake-excel.ts), counted in context.sync() calls (the figure that matters on Excel on the
 * web), plus the largest request:
 * - each example workbook read and its gap sheet written, cold (nothing known beforehand) and followed
 *   as the task pane follows it (subscribe first, read, re-read after the user edits a level, write);
 * - a workbook of 1,000 sheets, cold and followed (the read once failed above ~450 sheets: request > 5 MB).
 * Issue 14's goal: first read ≤ 2, re-read 1, write 1; any number of sheets reads.
 */
import type { BenchSection } from '../bench-lib';
import { fmt } from '../bench-lib';
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../make-examples';
import { workbookToGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import { buildGapSheet } from '../../src/core/gap-sheet';
import type { Grid } from '../../src/core/types';
import { measureExcelSyncs, measureManySheets } from '../../test/excel/sync-bench';
import { sampleModel } from '../../test/excel/fixtures';
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';

function gapModel(id: string, read: Grid[]) {
  const a = assess(read);
  if (!a.framework) throw new Error(`${id}: not assessed`);
  const plan = planGap(a.framework, a.entries, { mode: 'next' });
  if (isPlanUsageError(plan)) throw new Error(plan.message.en);
  return buildGapSheet(a, plan, { lang: 'id', date: '2026-11-27' });
}

/** The user changes the first indicator's level. */
function editFirstLevel(read: Grid[]) {
  const a = assess(read);
  const entry = a.entries[0];
  const level = typeof entry.raw === 'number' ? entry.raw : 3;
  return { sheet: a.table!.sheet, cell: entry.cell, value: level >= 5 ? level - 1 : level + 1 };
}

const MIB = 1024 * 1024;

export const section: BenchSection = {
  title: 'Excel adapter: context.sync() calls of reading, re-reading and writing (strict fake)',
  async run(ctx) {
    for (const [id, example] of [['spbe2018', example2018], ['spbe2020', example2020], ['pemdi2026', example2026]] as const) {
      const grids = workbookToGrids(buildAssessmentWorkbook(example()));
      const cold = await measureExcelSyncs(grids, (read) => gapModel(id, read));
      const followed = await measureExcelSyncs(grids, (read) => gapModel(id, read), { follow: true, edit: editFirstLevel });
      if (id === 'spbe2020') {
        ctx.row({ figure: 'Office.js round trips: first read (spbe2020, followed)', value: followed.readSyncs, unit: 'syncs', reference: { label: 'cold read', value: cold.readSyncs }, goal: { op: '<=', limit: 2 } });
        ctx.row({ figure: 'Office.js round trips: re-read after an edit', value: followed.reReadSyncs ?? NaN, unit: 'syncs', reference: { label: 'first read', value: followed.readSyncs }, goal: { op: '<=', limit: 1 } });
        ctx.row({ figure: 'Office.js round trips: write the gap sheet', value: followed.writeSyncs, unit: 'syncs', reference: { label: 'cold write', value: cold.writeSyncs }, goal: { op: '<=', limit: 1 } });
      }
      ctx.print(
        `${id} (${grids.length} sheets): cold read ${cold.readSyncs}, write ${cold.writeSyncs} | followed: subscribe ${followed.subscribeSyncs}, ` +
          `first read ${followed.readSyncs}, re-read after an edit ${followed.reReadSyncs}, write ${followed.writeSyncs}` +
          ` — largest request ${fmt(Math.max(cold.largestRequestBytes, followed.largestRequestBytes) / 1024, 1)} KiB of 5120; fake time read ${fmt(cold.readMs, 1)} ms, write ${fmt(cold.writeMs, 1)} ms`,
      );
    }
    const model = sampleModel({ marker: GAP_SHEET_MARKER });
    for (const [n, rows] of [[1_000, 8], [1_000, 60]] as const) {
      const r = await measureManySheets(n, rows, model);
      ctx.row({ figure: `Office.js: ${fmt(n)} sheets of ${rows} rows, requests refused (> 5 MB)`, value: r.refused, unit: 'refused', reference: { label: 'cold read', value: r.firstRead, unit: 'syncs' }, goal: { op: '<=', limit: 0 } });
      ctx.print(
        `${fmt(n)} sheets of ${rows} rows (${fmt(r.totalResponseBytes / MIB, 1)} MiB of cells): cold read ${r.firstRead} syncs (${r.refused} refused), ` +
          `largest request ${fmt(r.largestRequestBytes / 1024, 1)} KiB, response ${fmt(r.largestResponseBytes / 1024, 1)} KiB of 5120 | followed: subscribe ${r.followed.subscribe}, ` +
          `first read ${r.followed.read}, re-read after an edit ${r.followed.reRead}, write ${r.followed.write}`,
      );
    }
  },
};
