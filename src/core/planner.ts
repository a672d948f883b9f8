/**
 * The target planner (gap analysis): what to raise, by how much, and in which order, to reach a target.
 *
 * Targets:
 * - an index (`--target 2.6`) or a predicate (`--target-predicate Baik`, its lower bound in the framework):
 *   the MINIMAL number of whole-level steps that reaches it. One step raises one indicator by one level, at
 *   most to 5; a pemdi2026 decimal first rises to the next whole level (1.26 -> 2 is one step worth
 *   0.74 × weight). Greedy by gain is not optimal when first steps are smaller, so the minimal count comes
 *   from an exact dynamic programme over the number of steps given to each indicator (a grouped knapsack:
 *   the largest gain reachable with at most s steps, for every s).
 * - a uniform level (`--target-level 3`): every indicator below 3 is raised to 3.
 * - the worksheet's own Target column: each indicator to its written target (never below its current value).
 * - nothing given: the lower bound of the next predicate above the current one (or the current index at the top).
 *
 * Ties between plans with the same (minimal) number of steps are broken deterministically: write every
 * possible step as (level it starts from, indicator number, entry); a plan is the sorted list of its steps;
 * the plan chosen is the lexicographically smallest such list among all minimal plans that reach the target.
 * In words: steps on indicators at a lower current level come first, then lower indicator numbers.
 * It is built greedily in that order with an exact feasibility test (the same knapsack on what is left),
 * so it is minimal AND tie-broken; test/core/planner.property.test.ts checks both against brute force.
 *
 * Indicators valued by another agency (IndicatorDef.valuedBy: pemdi2026 5, 6, 7, 18 take their value from
 * the SDI, geospatial, statistics and data-interoperability indices) cannot be raised by the agency's own
 * work: by default the planner never plans a step on them, in every target mode (they are `locked` inputs
 * of the knapsack and keep their current value as target; `IndicatorGap.outOfHands` marks them). A goal
 * that only they could close is unreachable with the reason TARGET_NEEDS_OTHER_AGENCIES naming them.
 * `planGap(…, { includeExternal: true })` plans them like any other indicator.
 *
 * Everything is exact (bigint rationals); the predicate basis decides whether a target is reached by the
 * exact index or by the index rounded half-up to 2 decimals.
 */
import type { AssessmentEntry, Framework, IndicatorDef, Lang, PredicateBasis, Rational } from './types';
import { ceil, cmp, div, floor, fromNumber, mul, R0, rational, roundHalfUp, sub, sum, toFixed, toNumber } from './rational';
import { entryWeights, predicateFor } from './scoring';
import { text } from './i18n';

// ---------------------------------------------------------------------------------------------
// The exact core: items with a current value and a weight, a threshold to reach
// ---------------------------------------------------------------------------------------------

/** One entry to plan for. `weight` is its share of the whole index in percent (1.3 = 1.30 %). */
export interface PlanInput {
  readonly key: string;
  readonly no: number;
  /** 1 for the first entry of an indicator, 2.. for repeats (spbe2018 35-2). */
  readonly entry: number;
  readonly current: Rational;
  readonly weight: Rational;
  /** True when the planner may not raise it (its value comes from another agency's index): no steps at all. */
  readonly locked?: boolean;
}

/** One whole-level step: raises `key` from `from` to `to` (the next whole level, at most 5). */
export interface LevelStep {
  readonly item: number;
  readonly from: Rational;
  readonly to: Rational;
  /** Index points this step adds: (to − from) × weight / 100. */
  readonly gain: Rational;
}

const FIVE = rational(5);
const HUNDRED = rational(100);

/** The chain of steps one item can take, in order: from its current value to the next whole level, … up to 5. */
export function stepChain(current: Rational, weight: Rational, item = 0): LevelStep[] {
  const steps: LevelStep[] = [];
  let from = current;
  while (cmp(from, FIVE) < 0) {
    const to = rational(floor(from) + BigInt(1));
    steps.push({ item, from, to, gain: div(mul(sub(to, from), weight), HUNDRED) });
    from = to;
  }
  return steps;
}

/** The index of a set of items: Σ value × weight / 100. */
export function indexOf(values: ReadonlyArray<Rational>, weights: ReadonlyArray<Rational>): Rational {
  return div(sum(values.map((v, i) => mul(v, weights[i]))), HUNDRED);
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < BigInt(0)) a = -a;
  if (b < BigInt(0)) b = -b;
  while (b !== BigInt(0)) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/**
 * Largest total gain reachable with at most s steps, for s = 0..budget, over groups whose k-step gains are
 * the prefix sums `prefix[g][k]` (scaled to integers). Grouped knapsack, O(groups × budget × steps).
 */
function bestGains(prefix: ReadonlyArray<ReadonlyArray<bigint>>, budget: number): bigint[] {
  let dp: bigint[] = new Array<bigint>(budget + 1).fill(BigInt(0));
  for (const p of prefix) {
    const m = p.length - 1;
    if (m <= 0) continue;
    const next = dp.slice();
    for (let s = 1; s <= budget; s++) {
      let best = next[s];
      const kmax = Math.min(m, s);
      for (let k = 1; k <= kmax; k++) {
        const v = dp[s - k] + p[k];
        if (v > best) best = v;
      }
      next[s] = best;
    }
    dp = next;
  }
  return dp;
}

export interface MinimalPlan {
  /** Number of steps given to each item (same order as the input). */
  readonly counts: ReadonlyArray<number>;
  /** The steps chosen, in the tie-break order (from level, number, entry). */
  readonly steps: ReadonlyArray<LevelStep>;
  /** Total number of whole-level steps (minimal). */
  readonly total: number;
  /** Index points gained. */
  readonly gain: Rational;
}

/** Compares two candidate steps in the tie-break order: lower starting level, then number, then entry. */
export function compareSteps(items: ReadonlyArray<PlanInput>, a: LevelStep, b: LevelStep): number {
  return cmp(a.from, b.from) || items[a.item].no - items[b.item].no || items[a.item].entry - items[b.item].entry || a.item - b.item;
}

/** The steps the planner may take on an item: its whole chain, or none when it is locked. */
export function plannableChain(it: PlanInput, item = 0): LevelStep[] {
  return it.locked ? [] : stepChain(it.current, it.weight, item);
}

/**
 * The minimal set of whole-level steps whose gains add up to at least `needed` index points, tie-broken
 * as described at the top of this file; null when even raising every unlocked item to 5 is not enough.
 * Locked items never get a step.
 */
export function minimalPlan(items: ReadonlyArray<PlanInput>, needed: Rational): MinimalPlan | null {
  const chains = items.map((it, i) => plannableChain(it, i));
  if (cmp(needed, R0) <= 0) return { counts: items.map(() => 0), steps: [], total: 0, gain: R0 };
  // Scale every gain and the need to integers.
  let den = needed.den;
  for (const c of chains) for (const s of c) den = lcm(den, s.gain.den);
  const scaled = (r: Rational): bigint => (r.num * den) / r.den;
  const need = scaled(needed);
  const gains = chains.map((c) => c.map((s) => scaled(s.gain)));
  const prefixOf = (g: ReadonlyArray<bigint>, from: number): bigint[] => {
    const p = [BigInt(0)];
    for (let k = from; k < g.length; k++) p.push(p[p.length - 1] + g[k]);
    return p;
  };
  const budgetAll = chains.reduce((n, c) => n + c.length, 0);
  const dp = bestGains(gains.map((g) => prefixOf(g, 0)), budgetAll);
  let total = -1;
  for (let s = 0; s <= budgetAll; s++) {
    if (dp[s] >= need) {
      total = s;
      break;
    }
  }
  if (total < 0) return null;

  // Greedy in tie-break order with an exact feasibility test.
  const all: LevelStep[] = chains.flat().sort((a, b) => compareSteps(items, a, b));
  const taken = items.map(() => 0);
  const blocked = items.map(() => false);
  const chosen: LevelStep[] = [];
  let got = BigInt(0);
  let left = total;
  for (const step of all) {
    if (left === 0) break;
    const i = step.item;
    if (blocked[i]) continue;
    const gain = gains[i][taken[i]];
    // Can the rest (after taking this step) still reach the need within left − 1 steps?
    const restPrefix: bigint[][] = [];
    for (let j = 0; j < items.length; j++) {
      if (blocked[j]) continue;
      restPrefix.push(prefixOf(gains[j], j === i ? taken[j] + 1 : taken[j]));
    }
    const rest = left - 1 > 0 ? bestGains(restPrefix, left - 1)[left - 1] : BigInt(0);
    if (got + gain + rest >= need) {
      chosen.push(step);
      taken[i]++;
      got += gain;
      left--;
    } else {
      blocked[i] = true;
    }
  }
  if (left !== 0 || got < need) throw new Error('planner: internal inconsistency');
  return { counts: taken, steps: chosen, total, gain: sum(chosen.map((s) => s.gain)) };
}

// ---------------------------------------------------------------------------------------------
// Targets and the plan of an assessment
// ---------------------------------------------------------------------------------------------

export type TargetRequest =
  | { readonly mode: 'index'; readonly value: Rational }
  | { readonly mode: 'predicate'; readonly name: string }
  | { readonly mode: 'level'; readonly level: number }
  | { readonly mode: 'column' }
  | { readonly mode: 'next' };

export type TargetMode = TargetRequest['mode'];

/** One indicator entry of the plan (every entry of the assessment, in framework order). */
export interface IndicatorGap {
  readonly key: string;
  readonly no: number;
  readonly entry: number;
  readonly name: string;
  readonly aspect: number;
  readonly domain: number | null;
  /** Share of the index in percent. */
  readonly weight: Rational;
  readonly current: Rational;
  readonly target: Rational;
  /** target − current (0 when nothing to do). */
  readonly gap: Rational;
  /** Whole-level steps from current to target. */
  readonly steps: number;
  /** Index points gained by closing the gap: gap × weight / 100. */
  readonly points: Rational;
  /** Priority, 1 = first: by points (desc), then current level (asc), then number; null when there is no gap. */
  readonly rank: number | null;
  /** The other agency's index this indicator takes its value from (IndicatorDef.valuedBy), or null. */
  readonly valuedBy: Readonly<Record<Lang, string>> | null;
  /** True when the plan leaves it alone because the agency cannot raise it (valued by another agency). */
  readonly outOfHands: boolean;
}

export interface GapPlan {
  readonly framework: Framework;
  readonly basis: PredicateBasis;
  readonly mode: TargetMode;
  /** The index the user aims at (the predicate's lower bound, the --target value, or what the targets give). */
  readonly goal: Rational;
  /** Predicate name of the goal (for a predicate target: that predicate). */
  readonly goalPredicate: string;
  /** For a uniform-level target. */
  readonly targetLevel: number | null;
  /** The exact index that has to be reached (goal, or goal − 0.005 rounded up when the basis is rounded). */
  readonly threshold: Rational;
  readonly current: Rational;
  readonly currentPredicate: string;
  /** The index when every target of the plan is met. */
  readonly planned: Rational;
  readonly plannedPredicate: string;
  readonly reachable: boolean;
  /** Why not (reachable false), in both languages, with a stable code. */
  readonly reason: { readonly code: string; readonly message: Readonly<Record<Lang, string>> } | null;
  /** Total whole-level steps in the plan. */
  readonly steps: number;
  /** max(0, threshold − current): index points still needed. */
  readonly pointsNeeded: Rational;
  readonly indicators: ReadonlyArray<IndicatorGap>;
}

/** A plan request that cannot be understood (unknown predicate, level outside 1–5 …): a usage error. */
export interface PlanUsageError {
  readonly code: string;
  readonly message: Readonly<Record<Lang, string>>;
}

function predicateOf(fw: Framework, value: Rational, basis: PredicateBasis): string {
  return predicateFor(fw, value, basis).name;
}

/** Finds a predicate band by name or alias, case- and space-insensitive. */
export function findPredicate(fw: Framework, name: string): { name: string; min: number } | null {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const want = norm(name);
  for (const band of fw.predicates) {
    if (norm(band.name) === want || (band.aliases ?? []).some((a) => norm(a) === want)) return { name: band.name, min: band.min };
  }
  return null;
}

/** The exact index at which `goal` counts as reached under `basis`. */
export function thresholdFor(goal: Rational, basis: PredicateBasis): Rational {
  if (basis === 'exact') return goal;
  // roundHalfUp(x, 2) >= goal  <=>  x >= ceil(goal·100)/100 − 1/200
  const c = rational(ceil(mul(goal, HUNDRED)), 100);
  return sub(c, rational(1, 200));
}

/** The framework's definition of indicator `no`, or null. */
function indicatorDef(fw: Framework, no: number): IndicatorDef | null {
  return fw.indicators.find((d) => d.no === no) ?? null;
}

const REASON_KEYS = {
  TARGET_ABOVE_MAXIMUM: 'unreachableAboveMax',
  TARGET_ABOVE_ALL_FIVE: 'unreachableAllFive',
  TARGET_NEEDS_OTHER_AGENCIES: 'unreachableOtherAgencies',
} as const;
type ReasonCode = keyof typeof REASON_KEYS;

/** A number with 2 decimals as the language writes it (2,60 in Indonesian, 2.60 in English). */
function fmt2(r: Rational, lang: Lang): string {
  return toFixed(r, 2, lang === 'id' ? ',' : '.');
}

/** "5, 6, 7 dan 18" / "5, 6, 7 and 18". */
function listOf(lang: Lang, items: ReadonlyArray<string>): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${text(lang, 'gap', 'listAnd')} ${items[items.length - 1]}`;
}

/** Why a goal is out of reach, in both languages. `external` are the locked inputs (for TARGET_NEEDS_OTHER_AGENCIES). */
function reasonOf(
  code: ReasonCode,
  goal: Rational,
  max: Rational,
  external: ReadonlyArray<{ key: string; def: IndicatorDef | null }> = [],
): NonNullable<GapPlan['reason']> {
  const message = (lang: Lang): string => {
    const params: Record<string, string> = { target: fmt2(goal, lang), max: fmt2(max, lang) };
    if (code === 'TARGET_NEEDS_OTHER_AGENCIES') {
      const keys = external.map((x) => x.key);
      params.indicators = text(lang, 'gap', keys.length === 1 ? 'indicatorsOne' : 'indicatorsMany', { list: listOf(lang, keys) });
      const sources: string[] = [];
      for (const x of external) {
        const src = x.def?.valuedBy?.[lang];
        if (src && !sources.includes(src)) sources.push(src);
      }
      params.sources = sources.join('; ');
    }
    return text(lang, 'gap', REASON_KEYS[code], params);
  };
  return { code, message: { id: message('id'), en: message('en') } };
}

/** Parses a target index written by a user ("2.6", "2,6"). */
export function parseTargetIndex(textValue: string): Rational | null {
  const t = textValue.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return fromNumber(n);
}

export interface PlanOptions {
  readonly basis?: PredicateBasis;
  /**
   * Plan steps on indicators valued by another agency's index too (IndicatorDef.valuedBy). Default false:
   * the agency cannot raise them by its own work, so they keep their current value.
   */
  readonly includeExternal?: boolean;
}

/**
 * Plans the gap of an assessment (all entries must have a level). Returns a usage error for a request that
 * makes no sense (unknown predicate, level outside 1–5, index not a positive number).
 */
/** What the planner reads of an entry: any AssessmentEntry is one; callers without a worksheet (SPBE.PLAN) build just this. */
export type PlanEntry = Pick<AssessmentEntry, 'key' | 'no' | 'entry' | 'level' | 'target'>;

export function planGap(
  fw: Framework,
  entries: ReadonlyArray<PlanEntry>,
  request: TargetRequest,
  options: PlanOptions = {},
): GapPlan | PlanUsageError {
  const basis: PredicateBasis = options.basis ?? 'exact';
  const includeExternal = options.includeExternal ?? false;
  // Each entry key once (a duplicate with the same level is only a warning and counts once).
  const seen = new Set<string>();
  const sorted = entries
    .filter((e) => e.level !== null && !seen.has(e.key) && (seen.add(e.key), true))
    .sort((a, b) => a.no - b.no || a.entry - b.entry);
  const weightMap = entryWeights(fw, sorted);
  const inputs: PlanInput[] = sorted.map((e) => ({
    key: e.key,
    no: e.no,
    entry: e.entry,
    current: e.level as Rational,
    weight: weightMap.get(e.key) ?? R0,
    locked: !includeExternal && indicatorDef(fw, e.no)?.valuedBy !== undefined,
  }));
  const weights = inputs.map((i) => i.weight);
  const current = indexOf(inputs.map((i) => i.current), weights);
  const maxIndex = indexOf(inputs.map(() => FIVE), weights);
  /** The highest index the agency can reach by its own work: every unlocked entry at 5, locked ones as they are. */
  const maxOwn = indexOf(inputs.map((i) => (i.locked ? i.current : FIVE)), weights);
  /** What the plan may set: the wanted value, but a locked entry keeps its current value. */
  const own = (it: PlanInput, wanted: Rational): Rational => (it.locked ? it.current : wanted);

  let targets: Rational[];
  let goal: Rational;
  let goalPredicate: string;
  let reachable = true;
  let reason: GapPlan['reason'] = null;
  let targetLevel: number | null = null;
  let mode: TargetMode = request.mode;

  const planTowards = (g: Rational): Rational[] => {
    const threshold = thresholdFor(g, basis);
    if (cmp(g, FIVE) > 0 || cmp(threshold, maxOwn) > 0) {
      reachable = false;
      if (cmp(g, FIVE) > 0) reason = reasonOf('TARGET_ABOVE_MAXIMUM', g, maxIndex);
      else if (cmp(threshold, maxIndex) > 0) reason = reasonOf('TARGET_ABOVE_ALL_FIVE', g, maxIndex);
      else {
        // Reachable only if indicators valued by other agencies rose: name them.
        const external = inputs.filter((i) => i.locked && cmp(i.current, FIVE) < 0).map((i) => ({ key: i.key, def: indicatorDef(fw, i.no) }));
        reason = reasonOf('TARGET_NEEDS_OTHER_AGENCIES', g, maxOwn, external);
      }
      return inputs.map((i) => i.current);
    }
    const mp = minimalPlan(inputs, sub(threshold, current));
    if (!mp) throw new Error('planner: reachable target without a plan');
    return inputs.map((it, i) => {
      const n = mp.counts[i];
      if (n === 0) return it.current;
      return rational(floor(it.current) + BigInt(n));
    });
  };

  switch (request.mode) {
    case 'index': {
      if (cmp(request.value, R0) <= 0) return usage('TARGET_NOT_POSITIVE', { target: toNumber(request.value) });
      goal = request.value;
      goalPredicate = predicateOf(fw, goal, basis);
      targets = planTowards(goal);
      break;
    }
    case 'predicate': {
      const band = findPredicate(fw, request.name);
      if (!band) return usage('UNKNOWN_PREDICATE', { predicate: request.name, predicates: fw.predicates.map((p) => p.name).join(', ') });
      goal = rational(band.min, 100);
      goalPredicate = band.name;
      targets = planTowards(goal);
      break;
    }
    case 'next': {
      const cur = basis === 'rounded' ? roundHalfUp(current, 2) : current;
      const next = fw.predicates.find((p) => cmp(rational(p.min, 100), cur) > 0);
      if (next) {
        goal = rational(next.min, 100);
        goalPredicate = next.name;
        mode = 'next';
        targets = planTowards(goal);
      } else {
        goal = current;
        goalPredicate = predicateOf(fw, current, basis);
        targets = inputs.map((i) => i.current);
      }
      break;
    }
    case 'level': {
      if (!Number.isInteger(request.level) || request.level < 1 || request.level > 5) return usage('TARGET_LEVEL_RANGE', { level: String(request.level) });
      targetLevel = request.level;
      const lv = rational(request.level);
      targets = inputs.map((i) => (cmp(i.current, lv) < 0 ? own(i, lv) : i.current));
      goal = indexOf(targets, weights);
      goalPredicate = predicateOf(fw, goal, basis);
      break;
    }
    case 'column': {
      const byKey = new Map(sorted.map((e) => [e.key, e.target]));
      targets = inputs.map((i) => {
        const t = byKey.get(i.key);
        if (!t) return i.current;
        const clamped = cmp(t, FIVE) > 0 ? FIVE : t;
        return cmp(clamped, i.current) > 0 ? own(i, clamped) : i.current;
      });
      goal = indexOf(targets, weights);
      goalPredicate = predicateOf(fw, goal, basis);
      break;
    }
  }

  const planned = indexOf(targets, weights);
  const threshold = thresholdFor(goal, basis);
  const gaps: Omit<IndicatorGap, 'rank'>[] = inputs.map((it, i) => {
    const def = indicatorDef(fw, it.no);
    const gap = sub(targets[i], it.current);
    const steps = cmp(gap, R0) > 0 ? Number(ceil(targets[i]) - floor(it.current)) : 0;
    return {
      key: it.key,
      no: it.no,
      entry: it.entry,
      name: def?.name ?? '',
      aspect: def?.aspect ?? 0,
      domain: def?.domain ?? null,
      weight: it.weight,
      current: it.current,
      target: targets[i],
      gap,
      steps,
      points: div(mul(gap, it.weight), HUNDRED),
      valuedBy: def?.valuedBy ?? null,
      outOfHands: it.locked === true,
    };
  });
  const ranked = gaps
    .map((g, i) => ({ g, i }))
    .filter((x) => cmp(x.g.gap, R0) > 0)
    .sort((a, b) => cmp(b.g.points, a.g.points) || cmp(a.g.current, b.g.current) || a.i - b.i);
  const rankOf = new Map<number, number>();
  ranked.forEach((x, r) => rankOf.set(x.i, r + 1));
  const indicators: IndicatorGap[] = gaps.map((g, i) => ({ ...g, rank: rankOf.get(i) ?? null }));
  const needed = sub(threshold, current);

  return {
    framework: fw,
    basis,
    mode,
    goal,
    goalPredicate,
    targetLevel,
    threshold,
    current,
    currentPredicate: predicateOf(fw, current, basis),
    planned,
    plannedPredicate: predicateOf(fw, planned, basis),
    reachable,
    reason,
    steps: indicators.reduce((n, g) => n + g.steps, 0),
    pointsNeeded: cmp(needed, R0) > 0 ? needed : R0,
    indicators,
  };
}

function usage(code: string, params: Record<string, string | number>): PlanUsageError {
  const key = code === 'UNKNOWN_PREDICATE' ? 'unknownPredicate' : code === 'TARGET_LEVEL_RANGE' ? 'targetLevelRange' : 'targetNotPositive';
  return { code, message: { id: text('id', 'gap', key, params), en: text('en', 'gap', key, params) } };
}

export function isPlanUsageError(x: GapPlan | PlanUsageError): x is PlanUsageError {
  return !('indicators' in x);
}

/**
 * The plan as the JSON of `spbe gap --json`: entries with a gap, in priority order. `no` follows the index
 * JSON: the indicator number, or the entry key ("35-2") for a repeated entry.
 */
export function planSteps(p: GapPlan): Array<{ no: number | string; key: string; from: number; to: number; steps: number; uplift: number; rank: number }> {
  return p.indicators
    .filter((g) => g.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((g) => ({ no: g.entry > 1 ? g.key : g.no, key: g.key, from: toNumber(g.current), to: toNumber(g.target), steps: g.steps, uplift: toNumber(g.points), rank: g.rank as number }));
}

