/**
 * The planner alone: gap plans per second (issue 14: ≥ 20,000/s for the next predicate) on the example
 * workbooks as `assess()` reads them, with the default rule (one level per indicator per cycle). Beside
 * it, for context: the unconstrained plan (maxRaise 5, the plan before issue 12), the balanced strategy,
 * a roadmap (Sangat Baik takes two cycles) and the largest search (every indicator to 5); and the same
 * plans on the bigint path (the exact fallback of plan-units.ts, in a process of its own) as the reference the JS-number path is
 * measured against (the planner before issue 14 ran a bigint knapsack for every greedy step: ~1,000/s). Wall-clock calls per second over the run, per second of this process's CPU, and the
 * best 250 ms window (the machine is shared).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import type { BenchSection } from '../bench-lib';
import { fmt, rate } from '../bench-lib';
import { buildAssessmentWorkbook, example2018, example2020, example2026, type AssessmentSpec } from '../make-examples';
import { loadWorkbook, workbookToGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { isPlanUsageError, planGap, type PlanOptions, type TargetRequest } from '../../src/core/planner';
import { rational } from '../../src/core/rational';
import type { Assessment } from '../../src/core/types';

const GOAL = 20000;

async function assessed(spec: AssessmentSpec): Promise<Assessment> {
  const buffer = await buildAssessmentWorkbook(spec).xlsx.writeBuffer();
  const a = assess(workbookToGrids(await loadWorkbook(new Uint8Array(buffer as ArrayBuffer))));
  if (!a.framework || !a.scores) throw new Error(`${spec.framework.id} example not assessed`);
  return a;
}

export const section: BenchSection = {
  title: 'planner: gap plans per second (next predicate; goal ≥ 20,000/s)',
  async run(ctx) {
    const examples = await Promise.all([example2020(), example2026(), example2018()].map(assessed));
    // Warm up every path first (the compiler, and the heap left by building the workbooks).
    const warmEnd = performance.now() + 1500;
    while (performance.now() < warmEnd) for (const a of examples) planGap(a.framework!, a.entries, { mode: 'next' });
    const goalRates: Array<[string, number]> = [];
    const line = (label: string, a: Assessment, request: TargetRequest, options: PlanOptions = {}, goal = false) => {
      const fw = a.framework!;
      const probe = planGap(fw, a.entries, request, options);
      if (isPlanUsageError(probe)) throw new Error(probe.message.en);
      const r = rate(() => planGap(fw, a.entries, request, options), 1500, 300);
      // The verdict on plans per second of this process's CPU: the machine is shared, and wall-clock rates
      // measure the other programs as much as this one.
      if (goal) goalRates.push([fw.id, r.perCpuSecond]);
      const verdict = goal ? `  (goal ≥ ${fmt(GOAL)}/s per CPU second: ${r.perCpuSecond >= GOAL ? 'met' : 'NOT met'})` : '';
      const what = `${probe.steps} steps, ${probe.cycles} cycle${probe.cycles === 1 ? '' : 's'}`;
      ctx.print(
        `${label.padEnd(58)} ${fmt(r.perSecond).padStart(8)} plans/s (CPU ${fmt(r.perCpuSecond).padStart(8)}/s, best window ${fmt(r.bestPerSecond).padStart(8)}/s; ${what})${verdict}`,
      );
    };
    const [s2020, p2026, s2018] = examples;
    line('spbe2020 example (47), next predicate, one level per cycle', s2020, { mode: 'next' }, {}, true);
    line('pemdi2026 example (20), next predicate, one level per cycle', p2026, { mode: 'next' }, {}, true);
    line('spbe2018 example (37 entries), next predicate', s2018, { mode: 'next' }, {}, true);
    line('spbe2020, next predicate, maxRaise 5 (no cap, as before)', s2020, { mode: 'next' }, { maxRaise: 5 });
    line('spbe2020, next predicate, balanced', s2020, { mode: 'next' }, { strategy: 'balanced' });
    line('spbe2020, Sangat Baik (a roadmap of two cycles)', s2020, { mode: 'predicate', name: 'Sangat Baik' });
    line('spbe2020, 5.00 (every indicator to 5, four cycles)', s2020, { mode: 'index', value: rational(5) });

    // The reference: the same plans on the bigint path (plan-units.ts's exact fallback), measured in a process of its
    // own (scripts/planner-bigint-rates.ts): here it would make the optimiser's code generic over both kinds of
    // numbers and slow the JS-number path down, which the add-in and the command never see.
    const out = execFileSync(process.execPath, [path.join(ctx.root, 'scripts', 'run-ts.js'), path.join(ctx.root, 'scripts', 'planner-bigint-rates.ts')], { cwd: ctx.root, encoding: 'utf8' });
    const bigint = JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
    for (const [id, fast] of goalRates) {
      ctx.print(`${id}, next predicate: JS numbers ${fmt(fast)}/s vs bigints ${fmt(bigint[id])}/s (per CPU second; ${fmt(fast / bigint[id], 1)}×)`);
      ctx.row({ figure: `gap plans per second (next predicate), ${id} (per CPU-s)`, value: fast, unit: '/s', reference: { label: 'the bigint path', value: bigint[id] }, goal: { op: '>=', limit: GOAL } });
    }
  },
};
