/**
 * Read + check + score in one call: the core of opening an assessment (src/app/assessment.ts adds the
 * choices a user makes; the custom functions collect their own entries from their arguments).
 */
import type { Assessment, PredicateBasis, ReadOptions } from './types';
import type { MessageContext } from './problems';
import { readTable } from './reader';
import { checkTable } from './validate';
import { score } from './scoring';

export interface AssessOptions extends ReadOptions {
  /** Predicate on the exact index (default) or on the index rounded half-up to 2 decimals. */
  readonly basis?: PredicateBasis;
  /** Whose words the problems use: the command's (default; names its options) or the pane's (names its settings). */
  readonly context?: MessageContext;
}

/**
 * Finds the assessment table, applies every rule, and computes the index when no rule is broken
 * (any error: scores null). Never throws on bad input.
 */
export function assess(grids: Parameters<typeof readTable>[0], options: AssessOptions = {}): Assessment {
  const read = readTable(grids, null, options);
  const { problems, entries } = checkTable(read, options.context ?? 'command');
  const fw = read.framework;
  const ok = fw !== null && read.table !== null && !problems.some((p) => p.severity === 'error');
  return {
    framework: fw,
    frameworkSource: read.frameworkSource,
    table: read.table,
    entries: read.entries,
    problems,
    scores: ok ? score(fw, entries, options.basis ?? 'exact') : null,
    titles: read.titles,
    candidates: read.candidates,
  };
}
