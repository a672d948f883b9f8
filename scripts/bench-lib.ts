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
}

export interface BenchSection {
  /** Shown as the section heading. */
  readonly title: string;
  run(ctx: BenchContext): Promise<void>;
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
