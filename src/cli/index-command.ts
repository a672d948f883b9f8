/**
 * `spbe index [--json] [--sheet NAME] [--framework ID] [--column HEADER] [--predicate-basis B] [--lang id|en] FILE...`
 *
 * For each file: read the workbook (src/xlsx/ooxml; never exceljs), find and validate the assessment table, compute the index.
 * Prints a readable summary per file, or with --json one JSON object per file per line (src/core/report.ts).
 * Exit code: 0 every index computed; 2 some file has errors; 1 some file unreadable or bad usage; the highest wins.
 *
 * Many files: the output keeps the order of the arguments and each file's result is written as soon as its
 * turn comes (nothing is held back until the end). From POOL_MIN_FILES files on, the work is spread over
 * worker threads (one per idle CPU, at most 4; SPBE_JOBS=N overrides, SPBE_JOBS=1 keeps everything on one
 * thread); otherwise up to CONCURRENCY files are read and assessed at once on the main thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Assessment, Lang } from '../core/types';
import type { CommonOptions } from './args';
import { frameworkChoices, parseCommandArgs } from './args';
import { openAssessment } from '../app/assessment';
import { reportStatus, toIndexReport, toUnreadableReport } from '../core/report';
import type { IndexReport, UnreadableReport } from '../core/report';
import { text } from '../core/i18n';
import { isWorkbookReadError } from '../xlsx/errors';
import type { Io } from './output';
import { formatSummary, formatUnreadable } from './output';

/**
 * Files in flight at once on one thread: reading the next file overlaps parsing the current one. More does
 * not help (parsing is CPU-bound on one thread) and interleaving more parses costs a little CPU.
 */
export const CONCURRENCY = 2;

export interface FileResult {
  readonly report: IndexReport | UnreadableReport;
  /** Null when the file could not be read. */
  readonly assessment: Assessment | null;
}

/** Writes "spbe: <message>" and the hint to the command's help on stderr; returns exit code 1. */
export function usageError(io: Io, lang: Lang, message: string, command: string): number {
  io.err(`spbe: ${message}\n${text(lang, 'cli', 'seeHelp', { command })}\n`);
  return 1;
}

function internalMessage(e: unknown, lang: Lang): string {
  const message = e instanceof Error ? e.message : String(e);
  return text(lang, 'cli', 'internalError', { message });
}

type ReadFileModule = typeof import('../xlsx/read-file');
let readFileModule: ReadFileModule | null = null;
/** Loaded on first use: the coordinating thread of a worker pool never needs the reader. */
function readerModule(): ReadFileModule {
  if (!readFileModule) readFileModule = require('../xlsx/read-file') as ReadFileModule;
  return readFileModule;
}

/** Reads, validates and scores one workbook file. Never rejects: failures become `{ file, error }`. */
export async function assessFile(file: string, options: CommonOptions): Promise<FileResult> {
  try {
    const grids = await readerModule().readWorkbookFile(file);
    const assessment = openAssessment(grids, { sheet: options.sheet, framework: options.framework, column: options.column, basis: options.basis, context: 'command' });
    return { report: toIndexReport(file, assessment, options.lang), assessment };
  } catch (e) {
    if (isWorkbookReadError(e)) return { report: toUnreadableReport(file, e.reason, options.lang), assessment: null };
    if (process.env.SPBE_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    return { report: { file, error: internalMessage(e, options.lang) }, assessment: null };
  }
}

/**
 * Runs `work` on every item with at most `limit` in flight, and calls `emit` with the results in item
 * order, each as soon as it and all before it are done. `work` must not reject.
 */
export async function forEachOrdered<T, R>(
  items: ReadonlyArray<T>,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => void,
): Promise<void> {
  const pending: Array<Promise<R> | undefined> = new Array(items.length);
  let next = 0;
  const startNext = (): void => {
    if (next < items.length) {
      const i = next++;
      pending[i] = work(items[i], i);
    }
  };
  for (let k = 0; k < Math.max(1, limit); k++) startNext();
  for (let i = 0; i < items.length; i++) {
    const result = await (pending[i] as Promise<R>);
    pending[i] = undefined;
    startNext();
    emit(result, i);
  }
}

/** One file's output, rendered: its exit status and the text to print (a JSON line or a summary). */
export interface Rendered {
  readonly status: 0 | 1 | 2;
  readonly text: string;
}

export function renderResult({ report, assessment }: FileResult, options: CommonOptions): Rendered {
  const status = reportStatus(report);
  let out: string;
  if (options.json) out = JSON.stringify(report) + '\n';
  else if ('error' in report || !assessment) out = formatUnreadable(report as UnreadableReport);
  else out = formatSummary(report, assessment, options.lang, options.basis);
  return { status, text: out };
}

/** Files from which worker threads pay off (each worker starts node and loads the reader once). */
export const POOL_MIN_FILES = 50;

/**
 * How many worker threads to use: SPBE_JOBS if set (1 = none); otherwise, from POOL_MIN_FILES files on,
 * one per idle CPU (CPUs minus the 1-minute load average, at most 4): on a busy machine extra threads
 * get no CPU of their own and only add their start-up (each loads and warms up the reader), so none then.
 * Workers need the compiled command (lib/cli/index-worker.js).
 */
export function jobsFor(fileCount: number): number {
  const workerFile = path.join(__dirname, 'index-worker.js');
  if (!fs.existsSync(workerFile)) return 1;
  const env = process.env.SPBE_JOBS;
  if (env !== undefined && env.trim() !== '') {
    const n = parseInt(env, 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 16, fileCount) : 1;
  }
  if (fileCount < POOL_MIN_FILES) return 1;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const idle = Math.floor(cpus - os.loadavg()[0] + 0.5);
  const jobs = Math.max(1, Math.min(idle, 4));
  return jobs >= 2 ? jobs : 1;
}

/**
 * Assesses files on `jobs` worker threads, emitting results in file order as soon as each is ready.
 * A worker that dies takes only its files in flight with it (reported as internal errors); when no
 * worker is left, the rest is done on this thread.
 */
export function runPool(files: ReadonlyArray<string>, options: CommonOptions, jobs: number, emit: (r: Rendered, index: number) => void): Promise<void> {
  const n = files.length;
  const results: Array<Rendered | undefined> = new Array(n);
  const WINDOW = jobs * 16; // never more than this many results waiting to be printed
  const PER_WORKER = 2; // requests queued per worker, so none waits for the next message
  let nextToSend = 0;
  let nextToEmit = 0;
  interface Slot {
    worker: Worker;
    inFlight: Set<number>;
    alive: boolean;
  }
  const slots: Slot[] = [];

  return new Promise<void>((resolve) => {
    let finished = false;
    let draining = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const s of slots) if (s.alive) void s.worker.terminate();
      resolve();
    };
    const flush = (): void => {
      while (nextToEmit < n && results[nextToEmit] !== undefined) {
        const r = results[nextToEmit] as Rendered;
        results[nextToEmit] = undefined;
        emit(r, nextToEmit);
        nextToEmit++;
      }
      if (nextToEmit === n) finish();
    };
    const topUp = (): void => {
      for (const s of slots) {
        while (s.alive && s.inFlight.size < PER_WORKER && nextToSend < n && nextToSend - nextToEmit < WINDOW) {
          const i = nextToSend++;
          s.inFlight.add(i);
          s.worker.postMessage({ i, file: files[i] });
        }
      }
      if (!slots.some((s) => s.alive) && nextToSend < n && !draining) {
        // No worker left: finish on this thread, in order.
        draining = true;
        void (async () => {
          while (nextToSend < n) {
            const i = nextToSend++;
            results[i] = renderResult(await assessFile(files[i], options), options);
            flush();
          }
        })();
      }
    };
    const fail = (slot: Slot, e: unknown): void => {
      if (!slot.alive) return;
      slot.alive = false;
      const message = text(options.lang, 'cli', 'internalError', { message: e instanceof Error ? e.message : String(e) });
      for (const i of slot.inFlight) results[i] = renderResult({ report: { file: files[i], error: message }, assessment: null }, options);
      slot.inFlight.clear();
      flush();
      topUp();
    };
    for (let k = 0; k < jobs; k++) {
      const worker = new Worker(path.join(__dirname, 'index-worker.js'), { workerData: { spbeIndexWorker: true, options } });
      const slot: Slot = { worker, inFlight: new Set(), alive: true };
      slots.push(slot);
      worker.on('message', (msg: { i: number } & Rendered) => {
        slot.inFlight.delete(msg.i);
        results[msg.i] = { status: msg.status, text: msg.text };
        flush();
        topUp();
      });
      worker.on('error', (e) => fail(slot, e));
      worker.on('exit', (code) => {
        if (!finished) fail(slot, new Error(`worker stopped (${code})`));
      });
    }
    if (n === 0) finish();
    else topUp();
  });
}

export async function runIndex(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const parsed = parseCommandArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.lang, parsed.message, 'index');
  const { common, positional } = parsed;
  const lang = common.lang;
  if (common.help) {
    io.out(text(lang, 'cli', 'usageIndex', { frameworks: frameworkChoices() }) + '\n');
    return 0;
  }
  if (positional.length === 0) return usageError(io, lang, text(lang, 'cli', 'noFiles'), 'index');

  let status = 0;
  let ok = 0;
  let withErrors = 0;
  let unreadable = 0;
  const emit = (r: Rendered): void => {
    if (r.status > status) status = r.status;
    if (r.status === 0) ok++;
    else if (r.status === 2) withErrors++;
    else unreadable++;
    io.out(r.text);
  };
  const jobs = jobsFor(positional.length);
  if (jobs > 1) await runPool(positional, common, jobs, emit);
  else await forEachOrdered(positional, CONCURRENCY, async (file) => renderResult(await assessFile(file, common), common), emit);
  if (!common.json && positional.length > 1) {
    io.out(text(lang, 'cli', 'totals', { files: positional.length, ok, withErrors, unreadable }) + '\n');
  }
  return status;
}
