/**
 * The plan's options as every entry point takes them (the command's --max-raise / --strategy / --lock, the
 * pane's settings), parsed and checked once here so that they mean the same everywhere:
 *
 *   maxRaise   the most levels one indicator rises per evaluation cycle: a whole number ≥ 1 (default 1;
 *              4 or more is no cap: the unconstrained plan of one cycle)
 *   strategy   'fewest' (the fewest whole-level steps, default) or 'balanced' (the weakest aspects first);
 *              the planner's own names ('fewest-steps') are accepted too
 *   locks      entry keys the team cannot move this cycle: "12,31", "35-2" (commas, semicolons or spaces)
 *
 * A bad value is a usage error with its message in both languages (the command exits 1 with it).
 */
import type { Lang } from '../core/types';
import type { PlanStrategy } from '../core/planner';
import { DEFAULT_MAX_RAISE } from '../core/planner';
import { bilingual } from '../core/i18n';

export interface PlanChoices {
  readonly maxRaise: number;
  readonly strategy: PlanStrategy;
  /** Entry keys, each once, as the planner takes them ("12", "35-2"). */
  readonly locks: ReadonlyArray<string>;
}

export const DEFAULT_PLAN_CHOICES: PlanChoices = { maxRaise: DEFAULT_MAX_RAISE, strategy: 'fewest-steps', locks: [] };

/** The options as given: text from a command line or a form, numbers from settings; absent = the default. */
export interface PlanOptionsInput {
  readonly maxRaise?: string | number | null;
  readonly strategy?: string | null;
  readonly lock?: string | ReadonlyArray<string> | null;
}

export type PlanOptionsResult =
  | { readonly ok: true; readonly choices: PlanChoices }
  | { readonly ok: false; readonly code: 'BAD_MAX_RAISE' | 'BAD_STRATEGY' | 'BAD_LOCK'; readonly message: Readonly<Record<Lang, string>> };

/** The strategies by the names users type. */
const STRATEGY_NAMES: Readonly<Record<string, PlanStrategy>> = {
  fewest: 'fewest-steps',
  'fewest-steps': 'fewest-steps',
  balanced: 'balanced',
};

/** The name a user types for a strategy ('fewest' | 'balanced'). */
export function strategyName(s: PlanStrategy): 'fewest' | 'balanced' {
  return s === 'balanced' ? 'balanced' : 'fewest';
}

/** Parses and checks the plan's options. */
export function parsePlanOptions(input: PlanOptionsInput): PlanOptionsResult {
  let maxRaise = DEFAULT_MAX_RAISE;
  if (input.maxRaise !== undefined && input.maxRaise !== null && input.maxRaise !== '') {
    const t = String(input.maxRaise).trim();
    if (!/^\d+$/.test(t) || Number(t) < 1 || !Number.isSafeInteger(Number(t))) return { ok: false, code: 'BAD_MAX_RAISE', message: bilingual('gap', 'cliBadMaxRaise', { value: t }) };
    // any cap of 4 or more is no cap (no chain is longer than 4 steps)
    maxRaise = Number(t);
  }
  let strategy: PlanStrategy = 'fewest-steps';
  if (input.strategy !== undefined && input.strategy !== null && input.strategy.trim() !== '') {
    const found = STRATEGY_NAMES[input.strategy.trim().toLowerCase()];
    if (!found) return { ok: false, code: 'BAD_STRATEGY', message: bilingual('gap', 'cliBadStrategy', { value: input.strategy }) };
    strategy = found;
  }
  const locks: string[] = [];
  if (input.lock !== undefined && input.lock !== null) {
    const parts = (typeof input.lock === 'string' ? [input.lock] : input.lock).flatMap((x) => x.split(/[\s,;]+/)).filter((x) => x !== '');
    for (const part of parts) {
      const m = /^0*(\d+)(?:[-.](\d+))?$/.exec(part);
      if (!m || Number(m[1]) < 1) return { ok: false, code: 'BAD_LOCK', message: bilingual('gap', 'cliBadLock', { value: typeof input.lock === 'string' ? input.lock : part }) };
      // "35-1" is indicator 35's first entry, written "35"
      const key = m[2] === undefined || Number(m[2]) <= 1 ? m[1] : `${m[1]}-${Number(m[2])}`;
      if (!locks.includes(key)) locks.push(key);
    }
  }
  return { ok: true, choices: { maxRaise, strategy, locks } };
}
