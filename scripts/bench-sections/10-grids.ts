/**
 * Sheets parsed + validated + scored per second from in-memory grids (no exceljs): assess() on
 * realistic worksheets of each framework (47-indicator spbe2020, 35-indicator spbe2018, 20-indicator
 * pemdi2026) in several layouts. Aim: ≥ 20,000 grids/s. Printed: the rate over 2 s, the best 250 ms window (closest
 * to the code's own cost when other programs share the CPUs) and the rate per second of this process's CPU time.
 */
import type { BenchSection } from '../bench-lib';
import { fmt, rate } from '../bench-lib';
import { buildWorkbook, specToGrids, LAYOUTS } from '../generate-workbooks';
import type { Layout } from '../generate-workbooks';
import { FRAMEWORKS } from '../../src/core/frameworks';
import { assess } from '../../src/core/assess';
import type { Grid } from '../../src/core/types';

export const section: BenchSection = {
  title: 'assess(): grids parsed + validated + scored per second (in memory)',
  async run(ctx) {
    const order = ['spbe2020', 'spbe2018', 'pemdi2026'];
    for (const id of order) {
      const fw = FRAMEWORKS.find((f) => f.id === id);
      if (!fw) continue;
      // A rotation of workbooks in every layout, so no single shape is measured.
      const workbooks: Grid[][] = [];
      for (let i = 0; i < 20; i++) workbooks.push(specToGrids(buildWorkbook(fw, LAYOUTS[i % LAYOUTS.length] as Layout, 7000 + i)));
      let computed = 0;
      for (const w of workbooks) if (assess(w).scores) computed++;
      let k = 0;
      const r = rate(() => assess(workbooks[k++ % workbooks.length]));
      // The reference: one pass over the same workbooks' cells (each value's type looked at once), nothing else.
      let j = 0;
      let sink = 0;
      const pass = rate(() => {
        for (const g of workbooks[j++ % workbooks.length]) for (const row of g.values) for (const v of row) if (v !== null && typeof v !== 'object') sink++;
      });
      if (sink < 0) ctx.print('');
      ctx.row({ figure: `assess() on grids, ${fw.id} (per CPU-s)`, value: r.perCpuSecond, unit: '/s', reference: { label: 'one pass over the cells', value: pass.perCpuSecond }, goal: { op: '>=', limit: 60000 } });
      ctx.print(
        `${fw.id.padEnd(10)} ${String(fw.indicators.length).padStart(2)} indicators: ${fmt(r.perSecond).padStart(8)} grids/s  (best 250 ms window ${fmt(r.bestPerSecond)}/s; ${fmt(r.perCpuSecond)} per CPU-second; ${fmt(r.calls)} calls in ${fmt(r.ms)} ms; ${computed}/${workbooks.length} layouts give an index) | one pass over the cells ${fmt(pass.perCpuSecond)} per CPU-second`,
      );
    }
  },
};
