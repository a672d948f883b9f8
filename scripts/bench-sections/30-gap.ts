/**
 * The gap analysis of one spbe2020 workbook (47 indicators, the example regency): plan the minimal steps to
 * "Baik", build the gap sheet, add it to the workbook's bytes (src/xlsx/package) and write the file atomically — in process, and
 * as the `spbe gap` command (one node process). Prints the times (best of several runs, the machine is
 * shared) and the size of the written workbook next to the input's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { BenchSection } from '../bench-lib';
import { fmt, timeAsync } from '../bench-lib';
import { buildAssessmentWorkbook, example2020 } from '../make-examples';
import { loadWorkbook, workbookToGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import { buildGapSheet } from '../../src/core/gap-sheet';
import { writeSheetPackage } from '../../src/xlsx/package';
import { writeFileAtomic } from '../../src/xlsx/write-file';

export const section: BenchSection = {
  title: 'spbe gap: plan and write one gap workbook (47 indicators)',
  async run(ctx) {
    const input = path.join(ctx.tmp, 'spbe2020-contoh.xlsx');
    await buildAssessmentWorkbook(example2020()).xlsx.writeFile(input);
    const bytes = fs.readFileSync(input);
    const out = path.join(ctx.tmp, 'spbe2020-contoh-gap.xlsx');

    const phases = { load: Infinity, plan: Infinity, sheet: Infinity, render: Infinity, write: Infinity, total: Infinity };
    let size = 0;
    let steps = 0;
    for (let round = 0; round < 7; round++) {
      const t0 = performance.now();
      const wb = await loadWorkbook(bytes);
      const a = assess(workbookToGrids(wb));
      const t1 = performance.now();
      if (!a.framework) throw new Error('example not assessed');
      const plan = planGap(a.framework, a.entries, { mode: 'predicate', name: 'Baik' });
      if (isPlanUsageError(plan)) throw new Error(plan.message.en);
      const t2 = performance.now();
      const model = buildGapSheet(a, plan, { lang: 'id', date: '2026-11-27' });
      const t3 = performance.now();
      const outBytes = writeSheetPackage(bytes, model).bytes;
      const t4 = performance.now();
      await writeFileAtomic(out, outBytes);
      const t5 = performance.now();
      phases.load = Math.min(phases.load, t1 - t0);
      phases.plan = Math.min(phases.plan, t2 - t1);
      phases.sheet = Math.min(phases.sheet, t3 - t2);
      phases.render = Math.min(phases.render, t4 - t3);
      phases.write = Math.min(phases.write, t5 - t4);
      phases.total = Math.min(phases.total, t5 - t0);
      size = outBytes.length;
      steps = plan.steps;
    }
    ctx.print(`in process (best of 7): ${fmt(phases.total, 1)} ms total — load+assess ${fmt(phases.load, 1)} ms, plan (${steps} steps to Baik) ${fmt(phases.plan, 2)} ms, sheet model ${fmt(phases.sheet, 2)} ms, package write ${fmt(phases.render, 1)} ms, atomic write ${fmt(phases.write, 1)} ms`);
    ctx.print(`gap workbook: ${fmt(size)} bytes (${fmt(size / 1024, 1)} KiB; the input is ${fmt(bytes.length)} bytes)`);

    // Planning alone on the harder target (every indicator to 5: the largest exact DP).
    const wb = await loadWorkbook(bytes);
    const a = assess(workbookToGrids(wb));
    let hard = Infinity;
    for (let i = 0; i < 3; i++) hard = Math.min(hard, await timeAsync(async () => planGap(a.framework!, a.entries, { mode: 'index', value: { num: BigInt(5), den: BigInt(1) } })));
    ctx.print(`planning to 5.00 (every indicator to 5, the largest search): ${fmt(hard, 1)} ms`);

    const bin = path.join(ctx.root, 'bin', 'spbe.js');
    if (fs.existsSync(path.join(ctx.root, 'lib', 'cli', 'main.js'))) {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [bin, 'gap', input, '--target-predicate', 'Baik', '--out', out, '--json'], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`spbe gap failed: ${r.stderr}`);
        best = Math.min(best, performance.now() - t);
      }
      ctx.print(`\`spbe gap\` command (new node process, best of 3): ${fmt(best, 0)} ms`);
    }
  },
};
