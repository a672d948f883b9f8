/**
 * Read + validate + score in one call: what the CLI, the custom functions and the task pane use.
 */
import type { Assessment, PredicateBasis, ReadOptions, Rational, WorkbookGrids } from './types';
import { readTable } from './reader';
import { validate } from './validate';
import { score } from './scoring';

export interface AssessOptions extends ReadOptions {
  /** Predicate on the exact index (default) or on the index rounded half-up to 2 decimals. */
  readonly basis?: PredicateBasis;
}

/**
 * Finds the assessment table, applies every rule, and computes the index when no rule is broken
 * (any error: scores null). Never throws on bad input.
 */
export function assess(grids: WorkbookGrids, options: AssessOptions = {}): Assessment {
  const read = readTable(grids, null, options);
  const problems = validate(read);
  let scores: Assessment['scores'] = null;
  const fw = read.framework;
  if (fw && read.table && !problems.some((p) => p.severity === 'error')) {
    // each key once (a duplicate with the same level is a warning and counts once)
    // indexed by no * width + min(entry, 15); width = largest entry + 1 (at most 16)
    let maxNo = 0;
    let maxEntry = 1;
    for (const e of read.entries) {
      if (e.no > maxNo) maxNo = e.no;
      if (e.entry > maxEntry) maxEntry = e.entry;
    }
    const width = Math.min(maxEntry, 15) + 1;
    // a plain array: allocating a typed array costs more than filling this few slots
    const seen: boolean[] = new Array<boolean>((maxNo + 1) * width).fill(false);
    const list: Array<{ key: string; no: number; entry: number; level: Rational }> = [];
    for (const e of read.entries) {
      const slot = e.no * width + Math.min(e.entry, 15);
      if (e.level === null || seen[slot]) continue;
      seen[slot] = true;
      list.push({ key: e.key, no: e.no, entry: e.entry, level: e.level });
    }
    scores = score(fw, list, options.basis ?? 'exact');
  }
  return {
    framework: fw,
    frameworkSource: read.frameworkSource,
    table: read.table,
    entries: read.entries,
    problems,
    scores,
    titles: read.titles,
  };
}
