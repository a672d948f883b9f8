/**
 * The planner's reference for the benchmark (scripts/bench-sections/32-planner.ts): gap plans per second on the
 * bigint path (plan-units.ts's exact fallback) for the three examples, in a process of its own so the JS-number
 * path measured by the benchmark never shares the optimiser's type feedback with bigints (in the add-in and the
 * command the bigint path practically never runs). Prints one JSON object: { spbe2020, pemdi2026, spbe2018 } in
 * plans per CPU second. `node scripts/run-ts.js scripts/planner-bigint-rates.ts`
 */
import { rate } from './bench-lib';
import { buildAssessmentWorkbook, example2018, example2020, example2026, type AssessmentSpec } from './make-examples';
import { loadWorkbook, workbookToGrids } from '../src/xlsx/read';
import { assess } from '../src/core/assess';
import { planGap } from '../src/core/planner';
import type { Assessment } from '../src/core/types';

async function assessed(spec: AssessmentSpec): Promise<Assessment> {
  const buffer = await buildAssessmentWorkbook(spec).xlsx.writeBuffer();
  return assess(workbookToGrids(await loadWorkbook(new Uint8Array(buffer as ArrayBuffer))));
}

async function main(): Promise<void> {
  const examples = await Promise.all([example2020(), example2026(), example2018()].map(assessed));
  const out: Record<string, number> = {};
  for (const a of examples) {
    const r = rate(() => planGap(a.framework!, a.entries, { mode: 'next' }, { arithmetic: 'bigint' }), 1000, 300);
    out[a.framework!.id] = r.perCpuSecond;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
