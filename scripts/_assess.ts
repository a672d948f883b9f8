import { buildWorkbook, specToGrids, LAYOUTS } from './generate-workbooks';
import type { Layout } from './generate-workbooks';
import { FRAMEWORKS } from '../src/core/frameworks';
import { assess } from '../src/core/assess';
import type { Grid } from '../src/core/types';
const id = process.argv[2] || 'spbe2020';
const fw = FRAMEWORKS.find((f) => f.id === id)!;
const wbs: Grid[][] = [];
for (let i = 0; i < 20; i++) wbs.push(specToGrids(buildWorkbook(fw, LAYOUTS[i % LAYOUTS.length] as Layout, 7000 + i)));
const per = wbs.map((w, i) => { const t = process.cpuUsage(); for (let k = 0; k < 300; k++) assess(w); const u = process.cpuUsage(t); return [LAYOUTS[i % LAYOUTS.length], Math.round(300 / ((u.user + u.system) / 1e6))]; });
const t0 = Date.now(); let n = 0; while (Date.now() - t0 < 3000) { for (const w of wbs) assess(w); n += wbs.length; }
console.log(id, Math.round(n / 3), 'per s wall'); console.log(JSON.stringify(per));
