/**
 * The workbook reader made for our job (issue 14's reading rows), each figure paired with its reference measured in
 * the same run, every measure taken BENCH_ROUNDS times (default 3) and the median printed:
 * - `spbe index --json` on 1,234 small workbooks on one thread (SPBE_JOBS=1) vs a bare exceljs load of the same
 *   files (both a new node process given every file): aim ≤ 0.35×;
 * - one small file, the whole process (examples/spbe2020-contoh.xlsx) vs `node -e 0` and vs only loading exceljs:
 *   aim ≤ 0.25 s; and whether the process loaded exceljs at all;
 * - a workbook with 100,000 rows beside the table: time and peak memory vs a bare exceljs load: aim ≤ 1.5 s,
 *   ≤ 250 MiB;
 * - the browser page's code to read a workbook (gzip) vs the exceljs chunk it loaded before: aim ≤ 60 KB.
 * BENCH_READER_FILES=N changes the number of small workbooks.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawn } from 'child_process';
import type { BenchSection } from '../bench-lib';
import { fmt, median, timeAsync } from '../bench-lib';
import { generateWorkbooks } from '../generate-workbooks';
import { BIG_CASES, bigWorkbook } from '../big-workbooks';
import { chromiumAvailable, ensureProductionBuild, launchChromium, openPane, serveDist } from '../../test/taskpane/e2e-support';
import { assessmentGrid } from '../../test/taskpane/grids';
import { SPBE2020 } from '../../src/core/frameworks';

/** Preloaded into measured processes (node -r): at exit, CPU ms, peak RSS (KiB) and whether exceljs was loaded, on fd 3. */
const PRELOAD = `process.on('exit', () => {
  const u = process.cpuUsage();
  const exceljs = Object.keys(require.cache).some((k) => k.includes('/node_modules/exceljs/'));
  try { require('fs').writeSync(3, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, exceljs, modules: Object.keys(require.cache).length })); } catch (e) {}
});`;

interface Run {
  code: number;
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  exceljs: boolean;
  modules: number;
  stdout: string;
}

function runNode(args: string[], preload: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', preload, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const info: Buffer[] = [];
    const out: Buffer[] = [];
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (b: Buffer) => info.push(b));
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let i = { cpuMs: NaN, maxRssKiB: NaN, exceljs: false, modules: 0 };
      try {
        i = JSON.parse(Buffer.concat(info).toString('utf8'));
      } catch {
        /* the process died before its exit handler */
      }
      resolve({ code: code ?? -1, ms, cpuMs: i.cpuMs, maxRssMiB: i.maxRssKiB / 1024, exceljs: i.exceljs, modules: i.modules, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}


const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export const section: BenchSection = {
  title: 'the workbook reader (src/xlsx/ooxml): batch, one file, a big workbook, the browser chunk — each beside its reference',
  rounds: 'internal',
  async run(ctx) {
    if (!fs.existsSync(path.join(ctx.root, 'lib', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build:cli`');
    const rounds = Number(process.env.BENCH_ROUNDS || 3);
    const bin = path.join(ctx.root, 'bin', 'spbe.js');
    const preload = path.join(ctx.tmp, 'preload.js');
    fs.writeFileSync(preload, PRELOAD);
    const exceljsPath = require.resolve('exceljs', { paths: [ctx.root] });
    const loadOnly = path.join(ctx.tmp, 'exceljs-load-only.js');
    fs.writeFileSync(loadOnly, `'use strict';\nconst { Workbook } = require(${JSON.stringify(exceljsPath)});\n(async () => { for (const f of process.argv.slice(2)) await new Workbook().xlsx.readFile(f); })();\n`);
    const requireOnly = path.join(ctx.tmp, 'exceljs-require-only.js');
    fs.writeFileSync(requireOnly, `require(${JSON.stringify(exceljsPath)});\n`);
    const nothing = path.join(ctx.tmp, 'nothing.js');
    fs.writeFileSync(nothing, '');

    // 1. Many small workbooks, one thread.
    const count = Number(process.env.BENCH_READER_FILES || 1234);
    const dir = path.join(ctx.tmp, 'wb');
    const genMs = await timeAsync(() => generateWorkbooks(dir, count, 3));
    const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
    ctx.print(`${files.length} small workbooks generated in ${fmt(genMs / 1000, 1)} s (${fmt(files.reduce((s, f) => s + fs.statSync(f).size, 0) / files.length / 1024, 1)} KiB each)`);
    const load: Run[] = [];
    const cli: Run[] = [];
    for (let k = 0; k < rounds; k++) {
      load.push(await runNode([loadOnly, ...files], preload));
      cli.push(await runNode([bin, 'index', '--json', ...files], preload, { SPBE_JOBS: '1' }));
    }
    const lines = cli[0].stdout.split('\n').filter((l) => l.startsWith('{'));
    const computed = lines.filter((l) => /"index":\d/.test(l)).length;
    const loadMs = median(load.map((r) => r.ms));
    const cliMs = median(cli.map((r) => r.ms));
    const loadCpu = median(load.map((r) => r.cpuMs));
    const cliCpu = median(cli.map((r) => r.cpuMs));
    ctx.print(`spbe index --json, ${files.length} files, one thread: ${fmt(cliMs / 1000, 2)} s wall, ${fmt(cliCpu / 1000, 2)} s CPU (median of ${rounds}; ${lines.length} JSON lines, ${computed} with an index; exceljs loaded: ${cli[0].exceljs ? 'YES' : 'no'})`);
    ctx.print(`  reference, a bare exceljs load of the same files: ${fmt(loadMs / 1000, 2)} s wall, ${fmt(loadCpu / 1000, 2)} s CPU`);
    ctx.print(`  ratio command / exceljs load: ${fmt(cliMs / loadMs, 2)} wall, ${fmt(cliCpu / loadCpu, 2)} CPU (aim ≤ 0.35: ${cliCpu / loadCpu <= 0.35 ? 'met' : 'NOT met'})`);
    ctx.row({
      figure: `spbe index, ${files.length} small workbooks, one thread (CPU)`,
      value: cliCpu / loadCpu,
      unit: '× exceljs load',
      digits: 2,
      reference: { label: 'bare exceljs load', value: loadCpu / 1000, unit: 's CPU', digits: 2 },
      goal: { op: '<=', limit: 0.35 },
    });

    // 2. One small file, the whole process.
    const example = path.join(ctx.root, 'examples', 'spbe2020-contoh.xlsx');
    const one: Run[] = [];
    const bare: Run[] = [];
    const req: Run[] = [];
    for (let k = 0; k < Math.max(rounds, 5); k++) {
      bare.push(await runNode([nothing], preload));
      one.push(await runNode([bin, 'index', '--json', example], preload));
      req.push(await runNode([requireOnly], preload));
    }
    const oneMs = median(one.map((r) => r.ms));
    const cpu = (rs: Run[]) => fmt(median(rs.map((r) => r.cpuMs)) / 1000, 3);
    ctx.print(`one small file (examples/spbe2020-contoh.xlsx), whole process: ${fmt(oneMs / 1000, 3)} s wall, ${cpu(one)} s CPU (median of ${one.length}; ${one[0].modules} modules, exceljs loaded: ${one[0].exceljs ? 'YES' : 'no'}; aim ≤ 0.25 s: ${oneMs <= 250 ? 'met' : 'NOT met'})`);
    ctx.row({ figure: 'one small file, whole process', value: oneMs / 1000, unit: 's', digits: 3, reference: { label: '`node -e 0`', value: median(bare.map((r) => r.ms)) / 1000 }, goal: { op: '<=', limit: 0.25 } });
    ctx.print(`  references: node with nothing to do ${fmt(median(bare.map((r) => r.ms)) / 1000, 3)} s wall, ${cpu(bare)} s CPU (command ${fmt(oneMs / median(bare.map((r) => r.ms)), 1)}×); node only loading exceljs ${fmt(median(req.map((r) => r.ms)) / 1000, 3)} s wall, ${cpu(req)} s CPU`);

    // 3. 100,000 rows beside the table.
    const bigCase = BIG_CASES.find((c) => c.name === 'rows-100k')!;
    const big = await bigWorkbook(bigCase, path.join(ctx.root, '.tmp', 'big'));
    const bigRuns: Run[] = [];
    const bigRef: Run[] = [];
    for (let k = 0; k < rounds; k++) {
      bigRuns.push(await runNode([bin, 'index', '--json', big], preload));
      bigRef.push(await runNode([loadOnly, big], preload));
    }
    const o = JSON.parse(bigRuns[0].stdout.trim()) as { index: number | null; issues: Array<{ code: string }> };
    const bigMs = median(bigRuns.map((r) => r.ms));
    const bigRss = median(bigRuns.map((r) => r.maxRssMiB));
    ctx.print(
      `${bigCase.about} (${fmt(fs.statSync(big).size / 1e6, 1)} MB): ${fmt(bigMs / 1000, 2)} s, ${fmt(median(bigRuns.map((r) => r.cpuMs)) / 1000, 2)} s CPU, peak ${fmt(bigRss, 0)} MiB ` +
        `(median of ${rounds}; index ${o.index}; ${o.issues.filter((i) => i.code === 'SHEET_TRUNCATED').length} sheet cut; aim ≤ 1.5 s and ≤ 250 MiB: ${bigMs <= 1500 && bigRss <= 250 ? 'met' : 'NOT met'})`,
    );
    ctx.row({ figure: 'a workbook with 100,000 rows beside the table: time', value: bigMs / 1000, unit: 's', digits: 2, reference: { label: 'bare exceljs load', value: median(bigRef.map((r) => r.ms)) / 1000 }, goal: { op: '<=', limit: 1.5 } });
    ctx.row({ figure: 'a workbook with 100,000 rows beside the table: peak memory', value: bigRss, unit: 'MiB', reference: { label: 'bare exceljs load', value: median(bigRef.map((r) => r.maxRssMiB)) }, goal: { op: '<=', limit: 250 } });
    ctx.print(`  reference, a bare exceljs load of the same file: ${fmt(median(bigRef.map((r) => r.ms)) / 1000, 2)} s, ${fmt(median(bigRef.map((r) => r.cpuMs)) / 1000, 2)} s CPU, peak ${fmt(median(bigRef.map((r) => r.maxRssMiB)), 0)} MiB`);

    // 4. The browser page's code to read a workbook.
    const build = ensureProductionBuild((line) => ctx.print(line));
    const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(build.dir, f)), { level: 9 }).length;
    const scripts = fs.readdirSync(build.dir).filter((f) => f.endsWith('.js'));
    const exceljsChunks = scripts.filter((f) => fs.readFileSync(path.join(build.dir, f), 'utf8').includes('exceljs'));
    const reader = scripts.filter((f) => f.startsWith('xlsx-read'));
    // the chunks the reader needs besides its own: those only split out of it (fflate's inflate), never the writer's or exceljs's
    const shared = scripts.filter(
      (f) => !exceljsChunks.includes(f) && !reader.includes(f) && !f.startsWith('xlsx-write') && /inflate|invalid block type/.test(fs.readFileSync(path.join(build.dir, f), 'utf8')) && !/^(taskpane|functions|commands|runtime)\b/.test(f),
    );
    const readGz = [...reader, ...shared].reduce((n, f) => n + gz(f), 0);
    // The reference: all of exceljs as a browser loads it (its own minified bundle), what the page loaded to read before.
    const exceljsDist = path.join(path.dirname(require.resolve('exceljs/package.json', { paths: [ctx.root] })), 'dist', 'exceljs.min.js');
    const exGz = zlib.gzipSync(fs.readFileSync(exceljsDist), { level: 9 }).length;
    ctx.print(`browser page, code to read a workbook: ${kb(readGz)} gzip (${[...reader, ...shared].join(' + ')}; aim ≤ 60 KB: ${readGz <= 60 * 1024 ? 'met' : 'NOT met'})`);
    ctx.print(`  reference, all of exceljs (exceljs/dist/exceljs.min.js, what the page loaded to read before): ${kb(exGz)} gzip; exceljs chunks in the bundle now: ${exceljsChunks.join(', ') || 'none'}`);
    const row = (fetchedGz: number | null) =>
      ctx.row({ figure: 'browser page: the code to read a workbook (gzip)', value: (fetchedGz ?? readGz) / 1024, unit: 'KB', digits: 1, reference: { label: 'all of exceljs', value: exGz / 1024 }, goal: { op: '<=', limit: 60 } });
    if (!chromiumAvailable()) {
      ctx.print('NOTICE: Chromium is missing: the scripts a page really fetches to read a file are not measured.');
      row(null);
      return;
    }
    const server = await serveDist(build.dir);
    const browser = await launchChromium();
    try {
      const { page } = await openPane(browser, server, { mode: 'browser' });
      await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
      const loaded = async () =>
        (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((u) => u.startsWith(server.url + '/') && u.endsWith('.js')).map((u) => u.slice(server.url.length + 1));
      const before = await loaded();
      await page.setInputFiles('[data-testid="file-input"]', example);
      await page.waitForSelector('[data-testid="index-value"]', { timeout: 60_000 });
      const fetched = (await loaded()).filter((f) => !before.includes(f));
      await page.close();
      // The pane's body (Fluent, the engine) is lazy too: it comes with the first index, read from a file or
      // from Excel. What reading a file costs is what the page fetches beyond what the pane fetches in
      // (simulated) Excel to show an index of the same workbook.
      const grid = assessmentGrid({ fw: SPBE2020, levels: (n) => (n % 5) + 1 });
      const excel = await openPane(browser, server, { mode: 'excel', sheets: [{ name: grid.name, cells: grid.values }] });
      await excel.page.waitForSelector('[data-testid="index-value"]', { timeout: 60_000 });
      const display = await (async () => {
        const all = (await excel.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((u) => u.startsWith(server.url + '/') && u.endsWith('.js'));
        return all.map((u) => u.slice(server.url.length + 1)).filter((f) => !before.includes(f));
      })();
      await excel.page.close();
      const forReading = fetched.filter((f) => !display.includes(f));
      row(forReading.reduce((n, f) => n + gz(f), 0));
      ctx.print(
        `  in Chromium, opening a file fetched: ${forReading.join(', ')} = ${kb(forReading.reduce((n, f) => n + gz(f), 0))} gzip to read; ` +
          `besides the pane's body, fetched in Excel too: ${display.join(', ')} = ${kb(display.reduce((n, f) => n + gz(f), 0))} gzip; exceljs among them: ${fetched.some((f) => exceljsChunks.includes(f)) ? 'YES' : 'no'}`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
