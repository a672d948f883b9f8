/**
 * The planner alone: gap plans per second (issue 14: ≥ 20,000/s for the next predicate) on the example
 * workbooks as `assess()` reads them, with the default rule (one level per indicator per cycle). Beside
 * it, for context: the unconstrained plan (maxRaise 5, the plan before issue 12), the balanced strategy,
 * a roadmap (Sangat Baik takes two cycles) and the largest search (every indicator to 5); and the same
 * plans on the bigint path (the exact fallback of plan-units.ts) as the reference the JS-number path is
 * measured against (the planner before issue 14 ran a bigint knapsack for every greedy step: ~1,000/s). Wall-clock calls per second over the run, per second of this process's CPU, and the
 * best 250 ms window (the machine is shared).
 */
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
    const line = (label: string, a: Assessment, request: TargetRequest, options: PlanOptions = {}, goal = false) => {
      const fw = a.framework!;
      const probe = planGap(fw, a.entries, request, options);
      if (isPlanUsageError(probe)) throw new Error(probe.message.en);
      const r = rate(() => planGap(fw, a.entries, request, options), 1500, 300);
      // The verdict on plans per second of this process's CPU: the machine is shared, and wall-clock rates
      // measure the other programs as much as this one.
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

    // The reference: the same plans on the bigint path (plan-units.ts's exact fallback).
    for (const [label, a, options] of [
      ['spbe2020, next predicate', s2020, {}],
      ['pemdi2026, next predicate', p2026, {}],
      ['spbe2018, next predicate', s2018, {}],
      ['spbe2020, next predicate, maxRaise 5', s2020, { maxRaise: 5 }],
    ] as const) {
      const fast = rate(() => planGap(a.framework!, a.entries, { mode: 'next' }, options), 1000, 200);
      const exact = rate(() => planGap(a.framework!, a.entries, { mode: 'next' }, { ...options, arithmetic: 'bigint' }), 1000, 200);
      if (label.endsWith('next predicate')) {
        ctx.row({ figure: `gap plans per second (next predicate), ${label.split(',')[0]} (per CPU-s)`, value: fast.perCpuSecond, unit: '/s', reference: { label: 'the bigint path', value: exact.perCpuSecond }, goal: { op: '>=', limit: GOAL } });
      }
      ctx.print(`${label}: JS numbers ${fmt(fast.perCpuSecond)}/s vs bigints ${fmt(exact.perCpuSecond)}/s (per CPU second; ${fmt(fast.perCpuSecond / exact.perCpuSecond, 1)}×)`);
    }
  },
};
