/**
 * `spbe index --json` on 1,000 generated workbooks (one process, every file an argument) next to the
 * time exceljs alone needs to load the same files (same run). Aim: ratio ≤ 1.3.
 * Like for like: "exceljs alone" is also a new node process given every file on its command line, so both
 * include starting node, loading exceljs and its just-in-time warm-up; the difference is what the command
 * adds (converting cells, finding and checking the table, scoring, writing JSON). The load in this already
 * warm process is printed for reference.
 * Both are measured BENCH_ROUNDS times (default 2), alternately, and the faster of each is reported; CPU
 * times (user + system, all threads) are reported too, as they are steadier when the machine is busy.
 * The command runs with worker threads (its default for many files) and on one thread (SPBE_JOBS=1).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { Workbook } from 'exceljs';
import type { BenchSection } from '../bench-lib';
import { fmt, timeAsync } from '../bench-lib';
import { generateWorkbooks } from '../generate-workbooks';

/** Preloaded into the command's process (node -r): reports its CPU time (all threads) on fd 3 at exit. */
const CPU_PRELOAD = `process.on('exit', () => { const u = process.cpuUsage(); try { require('fs').writeSync(3, String((u.user + u.system) / 1000)); } catch (e) {} });`;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs: number;
}

/** exceljs alone, as a command: a new node process that loads every workbook named on its command line. */
function loadOnlyScript(root: string): string {
  const exceljs = require.resolve('exceljs', { paths: [root] });
  return `'use strict';
const { Workbook } = require(${JSON.stringify(exceljs)});
(async () => {
  for (const f of process.argv.slice(2)) await new Workbook().xlsx.readFile(f);
})();
`;
}

function runNode(script: string, preload: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', preload, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const cpu: Buffer[] = [];
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (b: Buffer) => cpu.push(b));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - start,
        cpuMs: Number(Buffer.concat(cpu).toString('utf8')) || NaN,
      }),
    );
  });
}

export const section: BenchSection = {
  title: 'spbe index --json on many workbooks vs. exceljs load alone',
  rounds: 'internal',
  async run(ctx) {
    if (!fs.existsSync(path.join(ctx.root, 'lib', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build:cli`');
    const count = Number(process.env.BENCH_FILES || 1000);
    const genMs = await timeAsync(async () => {
      await generateWorkbooks(path.join(ctx.tmp, 'wb'), count, 1);
    });
    const files = fs.readdirSync(path.join(ctx.tmp, 'wb')).sort().map((f) => path.join(ctx.tmp, 'wb', f));
    const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
    ctx.print(`generated ${files.length} workbooks (${fmt(bytes / files.length / 1024, 1)} KiB each, spbe2020/spbe2018/pemdi2026 in 5 layouts) in ${fmt(genMs / 1000, 1)} s`);

    const preload = path.join(ctx.tmp, 'cpu-preload.js');
    fs.writeFileSync(preload, CPU_PRELOAD);
    const loadOnly = path.join(ctx.tmp, 'exceljs-load-only.js');
    fs.writeFileSync(loadOnly, loadOnlyScript(ctx.root));
    const bin = path.join(ctx.root, 'bin', 'spbe.js');

    // In this (warm) process, for reference: exceljs's code is already optimised here.
    const warmLoad = async (): Promise<number> =>
      timeAsync(async () => {
        for (const f of files) await new Workbook().xlsx.readFile(f);
      });
    await warmLoad(); // also warms the file cache
    const warm = await warmLoad();

    const rounds = Number(process.env.BENCH_ROUNDS || 2);
    const loads: number[] = [];
    const loadCpu: number[] = [];
    const clis: number[] = [];
    const singles: number[] = [];
    const singleCpu: number[] = [];
    const parallel: number[] = [];
    const cpus = os.cpus().length;
    let last: CliRun | null = null;
    let single: CliRun | null = null;
    for (let round = 0; round < rounds; round++) {
      const l = await runNode(loadOnly, preload, files);
      if (l.code !== 0) throw new Error(`the exceljs-only load failed: ${l.stderr.split('\n')[0]}`);
      loads.push(l.ms);
      loadCpu.push(l.cpuMs);
      last = await runNode(bin, preload, ['index', '--json', ...files]);
      clis.push(last.ms);
      single = await runNode(bin, preload, ['index', '--json', ...files], { SPBE_JOBS: '1' });
      singles.push(single.ms);
      singleCpu.push(single.cpuMs);
      if (cpus > 1) parallel.push((await runNode(bin, preload, ['index', '--json', ...files], { SPBE_JOBS: String(Math.min(cpus, 4)) })).ms);
    }
    const lines = last!.stdout.split('\n').filter((l) => l.startsWith('{'));
    const objs = lines.map((l) => JSON.parse(l) as { file: string; index?: number | null; error?: string });
    const inOrder = objs.every((o, i) => o.file === files[i]);
    const computed = objs.filter((o) => typeof o.index === 'number').length;
    const unreadable = objs.filter((o) => o.error).length;
    const load = Math.min(...loads);
    const cli = Math.min(...clis);
    const one = Math.min(...singles);
    ctx.print(`exceljs load alone:      ${fmt(load / 1000, 2)} s  (${fmt(load / files.length, 2)} ms per file; a new node process loading every file, like the command; runs ${loads.map((x) => fmt(x / 1000, 2)).join(', ')} s)`);
    ctx.print(`  … in a warm process:   ${fmt(warm / 1000, 2)} s  (${fmt(warm / files.length, 2)} ms per file; exceljs already loaded and optimised: reference only)`);
    ctx.print(`spbe index --json:       ${fmt(cli / 1000, 2)} s  (${fmt(cli / files.length, 2)} ms per file; runs ${clis.map((x) => fmt(x / 1000, 2)).join(', ')} s; exit ${last!.code}; default: worker threads, one per idle CPU of ${cpus}, at most 4; load avg ${os.loadavg()[0].toFixed(1)})`);
    ctx.print(`  … on one thread:       ${fmt(one / 1000, 2)} s  (SPBE_JOBS=1; runs ${singles.map((x) => fmt(x / 1000, 2)).join(', ')} s)`);
    if (parallel.length) {
      const par = Math.min(...parallel);
      ctx.print(`  … on ${Math.min(cpus, 4)} worker threads:  ${fmt(par / 1000, 2)} s  (SPBE_JOBS=${Math.min(cpus, 4)}; runs ${parallel.map((x) => fmt(x / 1000, 2)).join(', ')} s; ratio ${fmt(par / load, 2)})`);
    }
    ctx.print(`ratio command / load:    ${fmt(cli / load, 2)}  (aim ≤ 1.30; on one thread ${fmt(one / load, 2)}) — wall-clock, best runs`);
    const lc = Math.min(...loadCpu);
    const sc = Math.min(...singleCpu);
    ctx.print(`CPU time, one thread:    load ${fmt(lc / 1000, 2)} s, command ${fmt(sc / 1000, 2)} s: ratio ${fmt(sc / lc, 2)} — steadier than wall-clock on a busy machine`);
    if (single!.stdout !== last!.stdout) ctx.print('WARNING: the one-thread output differs from the default output');
    ctx.print(`output: ${objs.length} JSON lines, ${inOrder ? 'in argument order' : 'NOT in argument order'}, ${computed} with an index, ${objs.length - computed - unreadable} with errors, ${unreadable} unreadable`);
    if (last!.stderr.trim()) ctx.print(`stderr: ${last!.stderr.trim().split('\n')[0]}`);
  },
};
