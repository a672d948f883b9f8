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

/** Calls `fn` repeatedly: `warmupMs` without measuring, then at least `minMs`; returns calls per second. */
export function rate(fn: () => unknown, minMs = 2000, warmupMs = 500): { perSecond: number; calls: number; ms: number } {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (let i = 0; i < 100; i++) fn();
    calls += 100;
    now = performance.now();
  }
  const ms = now - start;
  return { perSecond: (calls * 1000) / ms, calls, ms };
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
