import { rate } from './bench-lib';
import { buildAssessmentWorkbook, example2018, example2020, example2026, type AssessmentSpec } from './make-examples';
import { loadWorkbook, workbookToGrids } from '../src/xlsx/read';
import { assess } from '../src/core/assess';
import { planGap } from '../src/core/planner';
async function assessed(spec: AssessmentSpec) {
  const buffer = await buildAssessmentWorkbook(spec).xlsx.writeBuffer();
  return assess(workbookToGrids(await loadWorkbook(new Uint8Array(buffer as ArrayBuffer))));
}
(async () => {
  const ex = await Promise.all([example2020(), example2026(), example2018()].map(assessed));
  const which = process.argv[2];
  if (which === 'prof') { const t = Date.now(); while (Date.now() - t < 4000) for (const a of ex) planGap(a.framework!, a.entries, { mode: 'next' }); return; }
  for (const a of ex) { const r = rate(() => planGap(a.framework!, a.entries, { mode: 'next' }), 1500, 500); console.log(a.framework!.id, Math.round(r.perSecond), Math.round(r.perCpuSecond), Math.round(r.bestPerSecond)); }
})();
