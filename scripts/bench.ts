/**
 * The benchmark: `npm run bench` (builds the CLI, then runs this file with scripts/run-ts.js).
 * A benchmark is never a test: it prints figures and fails only when something cannot run.
 *
 * SECTIONS: every file in scripts/bench-sections/ (in file-name order) that exports
 *   export const section: BenchSection = { title: '…', async run(ctx) { …; ctx.print('…') } };
 * (types in scripts/bench-lib.ts: ctx.root = project root, ctx.tmp = scratch dir removed afterwards,
 * ctx.print(line); helpers rate(), timeAsync(), fmt()). To add a section, add a file there, e.g.
 * scripts/bench-sections/30-gap.ts; nothing here needs to change.
 *
 * Run only some sections: `npm run bench -- grids cli` (matches parts of the file names).
 * `npm run bench -- --runs 3`: every section runs 3 times (a section that takes rounds itself, `rounds: 'internal'`,
 * runs once with BENCH_ROUNDS=3), and the closing table of issue 14's figures (ctx.row) gives the median of the
 * runs for each figure and its reference.
 * Environment: BENCH_FILES=N changes the number of generated workbooks of the CLI section (default 1000).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BenchContext, BenchSection, TableRow } from './bench-lib';
import { fmt, median } from './bench-lib';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const dir = path.join(__dirname, 'bench-sections');
  const argv = process.argv.slice(2);
  let runs = 1;
  const at = argv.indexOf('--runs');
  if (at >= 0) {
    runs = Math.max(1, parseInt(argv[at + 1] ?? '1', 10) || 1);
    argv.splice(at, 2);
  }
  if (runs > 1 && !process.env.BENCH_ROUNDS) process.env.BENCH_ROUNDS = String(runs);
  const filters = argv.map((f) => f.toLowerCase());
  const rows = new Map<string, TableRow[]>();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.toLowerCase().includes(x)))
    .sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-bench-'));
  let failures = 0;
  console.log(`spbe benchmark — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load avg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  try {
    for (let run = 0; run < runs; run++) {
      for (const f of files) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(path.join(dir, f)) as { section?: BenchSection };
        if (!mod.section) continue;
        if (run > 0 && mod.section.rounds === 'internal') continue;
        console.log(`\n## ${mod.section.title}  (${f}${runs > 1 ? `; run ${run + 1} of ${mod.section.rounds === 'internal' ? 1 : runs}` : ''})`);
        const sectionTmp = fs.mkdtempSync(path.join(tmp, 'section-'));
        const ctx: BenchContext = {
          root,
          tmp: sectionTmp,
          print: (line) => console.log(`  ${line}`),
          runIndex: run,
          runs,
          row: (r) => {
            const list = rows.get(r.figure) ?? [];
            list.push(r);
            rows.set(r.figure, list);
          },
        };
        try {
          await mod.section.run(ctx);
        } catch (e) {
          failures++;
          console.log(`  FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
        fs.rmSync(sectionTmp, { recursive: true, force: true });
      }
    }
    printTable(rows, runs);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return failures ? 1 : 0;
}

/** The closing table: each figure of issue 14's table with its reference, medians of the runs. */
function printTable(rows: ReadonlyMap<string, TableRow[]>, runs: number): void {
  if (rows.size === 0) return;
  console.log(`\n## Issue 14's table${runs > 1 ? ` (median of ${runs} runs; a section that takes its own rounds reports their median once)` : ''}`);
  const num = (v: number, digits = 0) => fmt(v, digits);
  for (const [figure, list] of rows) {
    const first = list[0];
    const value = median(list.map((r) => r.value));
    const ref = first.reference;
    const refValue = ref ? median(list.map((r) => r.reference?.value ?? NaN)) : NaN;
    const goal = first.goal;
    const met = goal ? (goal.op === '<=' ? value <= goal.limit : value >= goal.limit) : null;
    const values = list.length > 1 ? ` [${list.map((r) => num(r.value, first.digits)).join(', ')}]` : '';
    const refText = ref ? ` | ${ref.label}: ${num(refValue, ref.digits ?? first.digits)} ${ref.unit ?? first.unit}` : '';
    const goalText = goal ? ` | goal ${goal.op === '<=' ? '≤' : '≥'} ${num(goal.limit, first.digits)} ${first.unit}: ${met ? 'met' : 'NOT met'}` : '';
    console.log(`  ${figure.padEnd(66)} ${num(value, first.digits)} ${first.unit}${values}${refText}${goalText}`);
  }
}

main().then((code) => {
  process.exitCode = code;
});
