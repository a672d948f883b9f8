/**
 * The custom functions and the add-in bundle:
 * - SPBE.INDEX calls per second on a 47-cell range (what Excel does on every recalculation of a
 *   cell holding =SPBE.INDEX(G7:G53)); aim ≥ 200,000/s. Also the same range spelled as text
 *   ("Tingkat 3", "III", names) and as two columns, and SPBE.CHECK.
 * - a production build (webpack, into a scratch directory; dist/ is not touched) and the raw and
 *   gzip size of every JavaScript file, marking what taskpane.html loads at start (initial) and what
 *   is loaded on demand (lazy, e.g. the xlsx adapter).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { BenchSection } from '../bench-lib';
import { fmt, rate } from '../bench-lib';
import { check, index } from '../../src/functions/functions';
import { PEMDI2026, SPBE2020 } from '../../src/core/frameworks';

const ACEH_TENGAH_2025 = [
  2, 2, 4, 1, 3, 3, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 3, 4,
  4, 4,
];

/** Twenty Pemdi values as assessors write them (decimals). */
const PEMDI_DECIMALS = [2.5, 3.1, 1.75, 4, 3.25, 2.8, 1.5, 3.9, 4.2, 2.05, 3.33, 1.1, 2.2, 4.75, 3.6, 2.45, 1.95, 3.05, 4.5, 2.65];

/** The least any SPBE.INDEX must do: check each value is a number in 1..5 and sum value × weight (floating point). */
function minimalIndex(values: ReadonlyArray<ReadonlyArray<unknown>>, weights: ReadonlyArray<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i][0];
    if (typeof v !== 'number' || !(v >= 1 && v <= 5)) return -1;
    sum += v * weights[i];
  }
  return sum / 10000;
}

function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`;
}

export const section: BenchSection = {
  title: 'custom functions (SPBE.INDEX calls/s) and production bundle sizes',
  async run(ctx) {
    // Ranges as Excel passes them: one row array per cell of a column.
    const numbers = ACEH_TENGAH_2025.map((v) => [v]);
    const spellings = ['Tingkat 1', 'II', '3', 'Terpadu dan Terukur', '5,0'];
    const texts = ACEH_TENGAH_2025.map((v, i) => [i % 3 === 0 ? spellings[v - 1] : v]);
    const pairs = ACEH_TENGAH_2025.map((v, i) => [i + 1, v]).reverse();
    const expected = index(numbers);
    if (typeof expected !== 'number' || Math.abs(expected - 2.594) > 1e-12) throw new Error(`SPBE.INDEX gave ${String(expected)}, expected 2.594`);

    const runs: Array<[string, () => unknown]> = [
      ['SPBE.INDEX, 47 numbers (column)       ', () => index(numbers)],
      ['SPBE.INDEX, 47 cells, a third as text ', () => index(texts)],
      ['SPBE.INDEX, two columns (no, level)   ', () => index(pairs)],
      ['SPBE.CHECK, 47 numbers                ', () => check(numbers)],
    ];
    for (const [label, fn] of runs) {
      const r = rate(fn, 1500, 300);
      ctx.print(`${label} ${fmt(r.perSecond).padStart(10)} calls/s (CPU ${fmt(r.perCpuSecond)}/s)`);
    }

    // Issue 14's rows: SPBE.INDEX per CPU second beside a minimal loop over the same range (check each value, sum
    // level × weight: what any implementation must at least do).
    const pemdi = PEMDI_DECIMALS.map((v) => [v]);
    const pemdiExpected = index(pemdi);
    if (typeof pemdiExpected !== 'number') throw new Error(`SPBE.INDEX on the Pemdi decimals gave ${JSON.stringify(pemdiExpected)}`);
    for (const [figure, values, fw, goal] of [
      ['SPBE.INDEX, 47 levels (calls per CPU-s)', numbers, SPBE2020, 2_000_000],
      ['SPBE.INDEX, 20 Pemdi decimals (calls per CPU-s)', pemdi, PEMDI2026, 1_000_000],
    ] as const) {
      const weights = fw.indicators.map((i) => i.weight);
      const r = rate(() => index(values), 1500, 300);
      const loop = rate(() => minimalIndex(values, weights), 1500, 300);
      ctx.print(`${figure}: ${fmt(r.perCpuSecond)}/s | minimal loop ${fmt(loop.perCpuSecond)}/s (goal ≥ ${fmt(goal)}/s: ${r.perCpuSecond >= goal ? 'met' : 'NOT met'})`);
      ctx.row({ figure, value: r.perCpuSecond, unit: '/s', reference: { label: 'minimal loop', value: loop.perCpuSecond }, goal: { op: '>=', limit: goal } });
    }
    if (ctx.runIndex > 0) return; // the bundle does not change between runs

    // Production bundle into a scratch directory.
    const out = path.join(ctx.tmp, 'dist');
    const started = performance.now();
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
      cwd: ctx.root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ADDIN_URL: '' },
    });
    ctx.print(`production build (npm run build): ${fmt((performance.now() - started) / 1000, 1)} s`);
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const initial = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => path.basename(m[1])));
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.js') || f.endsWith('.json') || f.endsWith('.html'));
    let initialRaw = 0;
    let initialGz = 0;
    const rows = files
      .map((f) => {
        const buf = fs.readFileSync(path.join(out, f));
        return { f, raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length };
      })
      .sort((a, b) => b.gz - a.gz);
    for (const r of rows) {
      const kind = r.f.endsWith('.js') ? (initial.has(r.f) ? 'initial' : 'lazy') : '';
      if (kind === 'initial') {
        initialRaw += r.raw;
        initialGz += r.gz;
      }
      ctx.print(`${r.f.padEnd(34)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzip  ${kind}`);
    }
    ctx.print(`initial JavaScript of taskpane.html (${initial.size} files): ${kb(initialRaw)} raw, ${kb(initialGz)} gzip`);
  },
};
