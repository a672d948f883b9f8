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
 * Environment: BENCH_FILES=N changes the number of generated workbooks of the CLI section (default 1000).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BenchContext, BenchSection } from './bench-lib';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const dir = path.join(__dirname, 'bench-sections');
  const filters = process.argv.slice(2).map((f) => f.toLowerCase());
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.toLowerCase().includes(x)))
    .sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-bench-'));
  let failures = 0;
  console.log(`spbe benchmark — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load avg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  try {
    for (const f of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, f)) as { section?: BenchSection };
      if (!mod.section) continue;
      console.log(`\n## ${mod.section.title}  (${f})`);
      const sectionTmp = fs.mkdtempSync(path.join(tmp, 'section-'));
      const ctx: BenchContext = { root, tmp: sectionTmp, print: (line) => console.log(`  ${line}`) };
      try {
        await mod.section.run(ctx);
      } catch (e) {
        failures++;
        console.log(`  FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return failures ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
