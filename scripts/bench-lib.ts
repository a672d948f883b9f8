/**
 * Shared pieces of the benchmark (scripts/bench.ts): the section contract and timing helpers.
 */
export interface BenchContext {
  /** The project root. */
  readonly root: string;
  /** A scratch directory for this run (removed at the end). */
  readonly tmp: string;
  /** Prints one result line (indented under the section title). */
  print(line: string): void;
  /** This run (0-based) of `npm run bench -- --runs N`, and N (default 1). */
  readonly runIndex: number;
  readonly runs: number;
  /** Records a row of issue 14's table (printed at the end, the median of every run, beside its reference). */
  row(row: TableRow): void;
}

/** One figure of issue 14's table, measured beside its reference in the same run. */
export interface TableRow {
  /** The figure, as the table names it (rows with the same figure are one row of the summary). */
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  readonly digits?: number;
  /** What the figure is compared with, measured in the same run. */
  readonly reference?: { readonly label: string; readonly value: number; readonly unit?: string; readonly digits?: number };
  /** The goal for `value`. */
  readonly goal?: { readonly op: '<=' | '>='; readonly limit: number };
}

export interface BenchSection {
  /** Shown as the section heading. */
  readonly title: string;
  /**
   * 'internal': the section measures BENCH_ROUNDS rounds itself and reports medians (it runs once whatever
   * --runs says; bench.ts sets BENCH_ROUNDS to the --runs count). Otherwise it runs once per --runs.
   */
  readonly rounds?: 'internal';
  run(ctx: BenchContext): Promise<void>;
}

export function median(xs: ReadonlyArray<number>): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Calls `fn` repeatedly: `warmupMs` without measuring, then at least `minMs` in windows of `windowMs`. Returns calls
 * per second over the whole time (wall-clock and this process's CPU time) and in the best window: on a machine
 * shared with other programs the best window is the closest to what the code itself costs (as "best of N runs").
 */
export function rate(
  fn: () => unknown,
  minMs = 2000,
  warmupMs = 500,
  windowMs = 250,
): { perSecond: number; perCpuSecond: number; bestPerSecond: number; calls: number; ms: number } {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  let best = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    const windowStart = now;
    let windowCalls = 0;
    while (now - windowStart < windowMs) {
      for (let i = 0; i < 50; i++) fn();
      windowCalls += 50;
      now = performance.now();
    }
    calls += windowCalls;
    best = Math.max(best, (windowCalls * 1000) / (now - windowStart));
  }
  const ms = now - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: (calls * 1000) / ms, perCpuSecond: (calls * 1000) / cpuMs, bestPerSecond: best, calls, ms };
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
