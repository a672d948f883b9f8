/**
 * The target planner (gap analysis): what to raise, by how much, in which evaluation cycle, to reach a goal.
 *
 * Steps. One step raises one indicator by one level, at most to 5; a pemdi2026 decimal first rises to the
 * next whole level (1.26 -> 2 is one step worth 0.74 × weight).
 *
 * One level per indicator per evaluation cycle. Levels are cumulative (an assessor accepts level N only with
 * accepted evidence for every level below it), and one evaluation cycle rarely moves an indicator more than
 * one level. So a plan raises an indicator by at most `maxRaise` steps per cycle (PlanOptions.maxRaise,
 * default 1). The cap counts steps: a decimal's first step 2.4 -> 3 is that cycle's raise, so 2.4 -> 3 -> 4
 * is two levels of raise. No chain is longer than 4 steps, so `maxRaise` ≥ 4 lifts the cap (one cycle,
 * exactly the unconstrained plan).
 *
 * Goals:
 * - an index (`--target 2.6`), a predicate (its lower bound), or nothing (the next predicate above the
 *   current one): the plan with
 *     1. the fewest cycles (C cycles allow C × maxRaise steps per indicator), then
 *     2. the fewest steps under that cap, then
 *     3. the strategy's choice (below).
 *   When one cycle is not enough this is a roadmap: each indicator rises `maxRaise` levels per cycle from
 *   the first cycle until it reaches its target (as early as possible), and the plan reports each cycle's
 *   steps and the index reached after it (GapPlan.roadmap).
 * - a uniform level (`--target-level 3`): every indicator below 3 is raised to 3.
 * - the worksheet's own Target column: each indicator to its written target (never below its current value).
 *   These two fix every target; the cap only decides how many cycles they take.
 *
 * Strategies (PlanOptions.strategy), among the plans with the fewest cycles and then the fewest steps:
 * - 'fewest-steps' (default): write every possible step as (level it starts from, indicator number, entry);
 *   a plan is the sorted list of its steps; the plan chosen is the lexicographically smallest such list.
 *   In words: steps on indicators at a lower current level come first, then lower indicator numbers.
 * - 'balanced': the aspect indices the plan reaches, sorted from the lowest up, compared lexicographically:
 *   the plan chosen makes the lowest aspect index as high as possible, then the second lowest, and so on
 *   (the leximin order; aspect index = Σ value × weight / aspect weight, exact). Among plans with the same
 *   sorted aspect indices, the same tie rule as 'fewest-steps'.
 * The optimiser (plan-search.ts) is exact; test/core/planner*.test.ts check it against brute force.
 *
 * Indicators the plan leaves alone:
 * - valued by another agency (IndicatorDef.valuedBy: pemdi2026 5, 6, 7, 18 take their value from the SDI,
 *   geospatial, statistics and data-interoperability indices): never planned (unless
 *   `includeExternal: true`), `IndicatorGap.outOfHands`; a goal only they could close is unreachable with
 *   TARGET_NEEDS_OTHER_AGENCIES naming them.
 * - locked by the team (PlanOptions.locks, entry keys such as '12', '35-2'): never planned, in any cycle of
 *   the roadmap (the plan is made again each cycle, when a lock can be lifted), `IndicatorGap.locked`; a
 *   goal the locks block is unreachable with TARGET_NEEDS_LOCKED naming them.
 *
 * Everything is exact: amounts are integers in one common unit (plan-units.ts), rationals at the edges; the
 * predicate basis decides whether a goal is reached by the exact index or by the index rounded half-up to
 * 2 decimals.
 */
import type { AssessmentEntry, Framework, IndicatorDef, Lang, PredicateBasis, Rational } from './types';
import { ceil, cmp, div, floor, fromNumber, mul, R0, rational, roundHalfUp, sub, sum, toFixed, toNumber } from './rational';
import { entryWeights, predicateFor } from './scoring';
import { text } from './i18n';
import { searchPlan, type PlanStrategy, type SearchAspects, type SearchItem } from './plan-search';
import { unitsOf, type Units } from './plan-units';

export type { PlanStrategy } from './plan-search';
export { levelName } from './level-names';

/** Levels one indicator may rise per evaluation cycle unless told otherwise. */
export const DEFAULT_MAX_RAISE = 1;
/** The longest chain of steps (1 -> 2 -> 3 -> 4 -> 5): a cap this high is no cap. */
export const LONGEST_CHAIN = 4;
export const STRATEGIES: ReadonlyArray<PlanStrategy> = ['fewest-steps', 'balanced'];

// ---------------------------------------------------------------------------------------------
// The exact step model: items with a current value and a weight
// ---------------------------------------------------------------------------------------------

/** One entry to plan for. `weight` is its share of the whole index in percent (1.3 = 1.30 %). */
export interface PlanInput {
  readonly key: string;
  readonly no: number;
  /** 1 for the first entry of an indicator, 2.. for repeats (spbe2018 35-2). */
  readonly entry: number;
  readonly current: Rational;
  readonly weight: Rational;
  /** True when the planner may not raise it (valued by another agency, or locked by the team): no steps at all. */
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

/** Compares two candidate steps in the tie-break order: lower starting level, then number, then entry. */
export function compareSteps(items: ReadonlyArray<PlanInput>, a: LevelStep, b: LevelStep): number {
  return cmp(a.from, b.from) || items[a.item].no - items[b.item].no || items[a.item].entry - items[b.item].entry || a.item - b.item;
}

/** The steps the planner may take on an item: its whole chain, or none when it is locked. */
export function plannableChain(it: PlanInput, item = 0): LevelStep[] {
  return it.locked ? [] : stepChain(it.current, it.weight, item);
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
  /** Evaluation cycles the plan needs under the cap (0 for an empty plan). */
  readonly cycles: number;
}

export interface SearchOptions {
  /** Most steps per item per cycle (default: no cap). */
  readonly maxRaise?: number;
  readonly strategy?: PlanStrategy;
  /** Aspect of each item and the aspects' weights in basis points (needed by 'balanced'). */
  readonly aspects?: { readonly of: ReadonlyArray<number>; readonly weight: ReadonlyArray<number> };
  /** 'bigint' skips the JS-number fast path (plan-units.ts); the tests check that both give the same plans. */
  readonly arithmetic?: 'auto' | 'bigint';
}

/**
 * The plan whose gains add up to at least `needed` index points: fewest cycles under the cap, then fewest
 * steps, then the strategy (see the top of this file); null when even raising every unlocked item to 5 is
 * not enough. Locked items never get a step. Without a cap this is the unconstrained minimal plan.
 */
export function minimalPlan(items: ReadonlyArray<PlanInput>, needed: Rational, options: SearchOptions = {}): MinimalPlan | null {
  const maxRaise = options.maxRaise ?? LONGEST_CHAIN;
  const strategy = options.strategy ?? 'fewest-steps';
  const units = unitsOf(items, strategy === 'balanced' ? maxWeight(options.aspects?.weight) : 1, options.arithmetic);
  const solve = <T>(u: Units<T>): MinimalPlan | null => {
    const need = u.ceilUnits(needed);
    const search = searchItems(u, items, items.map((it) => it.locked === true));
    const aspects = options.aspects ? searchAspects(u, options.aspects.of, options.aspects.weight) : undefined;
    const r = searchPlan(u.A, search, need, maxRaise, strategy, aspects);
    if (!r) return null;
    const steps = items.flatMap((it, i) => stepChain(it.current, it.weight, i).slice(0, r.counts[i])).sort((a, b) => compareSteps(items, a, b));
    return { counts: r.counts, steps, total: r.total, gain: sum(steps.map((s) => s.gain)), cycles: r.cycles };
  };
  return units.A.kind === 'number' ? solve(units as Units<number>) : solve(units as Units<bigint>);
}

function maxWeight(weights: ReadonlyArray<number> | undefined): number {
  let m = 1;
  for (const w of weights ?? []) m = Math.max(m, w);
  return m;
}

/**
 * The optimiser's view of the items: chain gains in units (none for an item that is never planned) and
 * each step's position in the tie order (starting value, number, entry), as one number per step.
 */
function searchItems<T>(u: Units<T>, items: ReadonlyArray<Pick<PlanInput, 'no' | 'entry'>>, frozen: ReadonlyArray<boolean>): SearchItem<T>[] {
  let maxNo = 0;
  let maxEntry = 0;
  for (const it of items) {
    maxNo = Math.max(maxNo, it.no);
    maxEntry = Math.max(maxEntry, it.entry);
  }
  const noSpan = maxNo + 1;
  const entrySpan = maxEntry + 1;
  // The starting value is at most 5·L units; one number holds (start, number, entry) exactly when small enough.
  const top = Number(u.den) / 2000; // = 5·L·B ≥ 5·L
  if (u.A.kind === 'number' && top * noSpan * entrySpan < Number.MAX_SAFE_INTEGER) {
    const startOf = u.startOf as unknown as (i: number, j: number) => number;
    return items.map((it, i) => {
      if (frozen[i]) return NO_STEPS as SearchItem<T>;
      const n = u.chain[i].length;
      const ranks = new Array<number>(n);
      for (let j = 0; j < n; j++) ranks[j] = (startOf(i, j) * noSpan + it.no) * entrySpan + it.entry;
      return { gains: u.chain[i], ranks };
    });
  }
  // Otherwise: sort every step once and number them.
  const all: Array<{ i: number; j: number }> = [];
  items.forEach((_, i) => {
    if (!frozen[i]) u.chain[i].forEach((_g, j) => all.push({ i, j }));
  });
  all.sort((a, b) => u.A.cmp(u.startOf(a.i, a.j), u.startOf(b.i, b.j)) || items[a.i].no - items[b.i].no || items[a.i].entry - items[b.i].entry || a.i - b.i);
  const ranks = items.map(() => [] as number[]);
  all.forEach(({ i, j }, p) => (ranks[i][j] = p));
  return items.map((_, i) => (frozen[i] ? { gains: [], ranks: [] } : { gains: u.chain[i], ranks: ranks[i] }));
}

const NO_STEPS: SearchItem<never> = Object.freeze({ gains: Object.freeze([]), ranks: Object.freeze([]) });

/** Aspect bases (Σ current shares) in units, for the balanced strategy. */
function searchAspects<T>(u: Units<T>, of: ReadonlyArray<number>, weight: ReadonlyArray<number>): SearchAspects<T> {
  const base: T[] = weight.map(() => u.A.zero);
  of.forEach((a, i) => (base[a] = u.A.add(base[a], u.share[i])));
  return { of, base, weight };
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

/** What one evaluation cycle does to one indicator entry. */
export interface CycleRaise {
  /** 1 = the coming evaluation cycle, 2 = the one after, … */
  readonly cycle: number;
  readonly from: Rational;
  readonly to: Rational;
  /** Whole-level steps in this cycle (at most maxRaise). */
  readonly steps: number;
  /** Index points this cycle's raise adds. */
  readonly points: Rational;
}

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
  /** Whole-level steps from current to target (over all cycles). */
  readonly steps: number;
  /** Index points gained by closing the gap: gap × weight / 100. */
  readonly points: Rational;
  /** Priority, 1 = first: by points (desc), then current level (asc), then number; null when there is no gap. */
  readonly rank: number | null;
  /** The other agency's index this indicator takes its value from (IndicatorDef.valuedBy), or null. */
  readonly valuedBy: Readonly<Record<Lang, string>> | null;
  /** True when the plan leaves it alone because the agency cannot raise it (valued by another agency). */
  readonly outOfHands: boolean;
  /** True when the team locked it (PlanOptions.locks): the plan leaves it alone. */
  readonly locked: boolean;
  /** The first evaluation cycle in which the plan raises it, or null when it is not raised. */
  readonly cycle: number | null;
  /** Its raise in each cycle, in order (one entry when one cycle suffices; none when it is not raised). */
  readonly raises: ReadonlyArray<CycleRaise>;
}

/** One evaluation cycle of the plan: its steps and the index reached after it. */
export interface PlanCycle {
  readonly cycle: number;
  /** Whole-level steps in this cycle. */
  readonly steps: number;
  /** Indicator entries raised in this cycle. */
  readonly raised: number;
  /** The exact index after this cycle's raises. */
  readonly index: Rational;
  readonly predicate: string;
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
  /** Most levels one indicator rises per evaluation cycle in this plan. */
  readonly maxRaise: number;
  readonly strategy: PlanStrategy;
  /** Entry keys the team locked (as given, each once), in framework order. */
  readonly locks: ReadonlyArray<string>;
  /** Evaluation cycles the plan takes: 1 when one cycle suffices, 0 when there is nothing to do. */
  readonly cycles: number;
  /** Each cycle's steps and the index reached after it (`cycles` entries). */
  readonly roadmap: ReadonlyArray<PlanCycle>;
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
  return fw.indicators[no - 1]?.no === no ? fw.indicators[no - 1] : (fw.indicators.find((d) => d.no === no) ?? null);
}

const REASON_KEYS = {
  TARGET_ABOVE_MAXIMUM: 'unreachableAboveMax',
  TARGET_ABOVE_ALL_FIVE: 'unreachableAllFive',
  TARGET_NEEDS_OTHER_AGENCIES: 'unreachableOtherAgencies',
  TARGET_NEEDS_LOCKED: 'unreachableLocked',
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

/** "indikator 12" / "indicators 12 and 31". */
function indicatorsWord(lang: Lang, keys: ReadonlyArray<string>): string {
  return text(lang, 'gap', keys.length === 1 ? 'indicatorsOne' : 'indicatorsMany', { list: listOf(lang, keys) });
}

interface Blocker {
  readonly key: string;
  readonly def: IndicatorDef | null;
}

/**
 * Why a goal is out of reach, in both languages. `external`: the entries valued by other agencies that
 * could still rise (TARGET_NEEDS_OTHER_AGENCIES); `locked`: the team's locks that could still rise
 * (named by TARGET_NEEDS_LOCKED, and mentioned when other agencies' indices are needed as well).
 */
function reasonOf(
  code: ReasonCode,
  goal: Rational,
  max: Rational,
  external: ReadonlyArray<Blocker> = [],
  locked: ReadonlyArray<Blocker> = [],
): NonNullable<GapPlan['reason']> {
  const message = (lang: Lang): string => {
    const params: Record<string, string> = { target: fmt2(goal, lang), max: fmt2(max, lang) };
    if (code === 'TARGET_NEEDS_LOCKED') params.indicators = indicatorsWord(lang, locked.map((x) => x.key));
    if (code === 'TARGET_NEEDS_OTHER_AGENCIES') {
      params.indicators = indicatorsWord(lang, external.map((x) => x.key));
      const sources: string[] = [];
      for (const x of external) {
        const src = x.def?.valuedBy?.[lang];
        if (src && !sources.includes(src)) sources.push(src);
      }
      params.sources = sources.join('; ');
    }
    let m = text(lang, 'gap', REASON_KEYS[code], params);
    if (code === 'TARGET_NEEDS_OTHER_AGENCIES' && locked.length > 0) m += text(lang, 'gap', 'alsoLocked', { indicators: indicatorsWord(lang, locked.map((x) => x.key)) });
    return m;
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
  /**
   * Most levels one indicator rises per evaluation cycle (a whole number ≥ 1; default 1). A decimal's first
   * step to the next whole level counts as one. 4 or more: no cap (the plan of one cycle, fewest steps).
   */
  readonly maxRaise?: number;
  /** 'fewest-steps' (default) or 'balanced' (weakest aspects first); see the top of this file. */
  readonly strategy?: PlanStrategy;
  /** Entry keys ('12', '35-2') the team cannot move: the plan leaves them alone. */
  readonly locks?: ReadonlyArray<string>;
  /** 'bigint' skips the JS-number fast path (plan-units.ts): the same plan, slower; for the tests and the benchmark. */
  readonly arithmetic?: 'auto' | 'bigint';
}

/** What the planner reads of an entry: any AssessmentEntry is one; callers without a worksheet (SPBE.PLAN) build just this. */
export type PlanEntry = Pick<AssessmentEntry, 'key' | 'no' | 'entry' | 'level' | 'target'>;

/** The plan's decision for one item: its target and how many steps it takes in total. */
interface Decision {
  readonly target: Rational;
  readonly steps: number;
}

/**
 * Plans the gap of an assessment (all entries must have a level). Returns a usage error for a request that
 * makes no sense (unknown predicate, level outside 1–5, index not a positive number, a cap below 1, an
 * unknown strategy, a lock on an entry the assessment does not have).
 */
export function planGap(
  fw: Framework,
  entries: ReadonlyArray<PlanEntry>,
  request: TargetRequest,
  options: PlanOptions = {},
): GapPlan | PlanUsageError {
  const basis: PredicateBasis = options.basis ?? 'exact';
  const includeExternal = options.includeExternal ?? false;
  const maxRaise = options.maxRaise ?? DEFAULT_MAX_RAISE;
  const strategy: PlanStrategy = options.strategy ?? 'fewest-steps';
  if (!Number.isInteger(maxRaise) || maxRaise < 1) return usage('MAX_RAISE_RANGE', { value: String(maxRaise) });
  if (!STRATEGIES.includes(strategy)) return usage('UNKNOWN_STRATEGY', { strategy: String(strategy), strategies: STRATEGIES.join(', ') });
  const sorted = plannedEntries(entries);
  const lockSet = new Set<string>();
  for (const raw of options.locks ?? []) {
    const key = String(raw).trim();
    if (!entries.some((e) => e.key === key)) return usage('UNKNOWN_LOCK', { key });
    lockSet.add(key);
  }
  const weightMap = weightsOf(fw, sorted);
  const n = sorted.length;
  const defs = new Array<IndicatorDef | null>(n);
  const external = new Array<boolean>(n);
  const held = new Array<boolean>(n);
  const inputs = new Array<PlanInput>(n);
  for (let i = 0; i < n; i++) {
    const e = sorted[i];
    const def = indicatorDef(fw, e.no);
    defs[i] = def;
    external[i] = !includeExternal && def?.valuedBy !== undefined;
    held[i] = lockSet.size > 0 && lockSet.has(e.key);
    inputs[i] = { key: e.key, no: e.no, entry: e.entry, current: e.level as Rational, weight: weightMap.get(e.key) ?? R0, locked: external[i] || held[i] };
  }
  // (a framework without aspects is one aspect of everything)
  const aspectWeights = strategy !== 'balanced' ? [] : fw.aspects.length > 0 ? fw.aspects.map((a) => a.weight) : [10000];
  const units = unitsOf(inputs, strategy === 'balanced' ? maxWeight(aspectWeights) : 1, options.arithmetic);
  const ctx: PlanContext = { fw, basis, maxRaise, strategy, inputs, defs, external, held, aspectWeights, sorted };
  return units.A.kind === 'number' ? planWith(ctx, request, units as Units<number>) : planWith(ctx, request, units as Units<bigint>);
}

/**
 * The entries with a level, each key once (a duplicate with the same level is only a warning and counts
 * once), by number and entry. A sheet's entries usually come in that order already: sorted only if not.
 */
function plannedEntries(entries: ReadonlyArray<PlanEntry>): PlanEntry[] {
  const seen = new Set<string>();
  const out: PlanEntry[] = [];
  let ordered = true;
  for (const e of entries) {
    if (e.level === null || seen.has(e.key)) continue;
    seen.add(e.key);
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && (last.no - e.no || last.entry - e.entry) > 0) ordered = false;
    out.push(e);
  }
  return ordered ? out : out.sort((a, b) => a.no - b.no || a.entry - b.entry);
}

/** The last entry weights per framework: a plan is often made again for the same entries (the pane, SPBE.PLAN). */
const lastWeights = new WeakMap<Framework, { readonly keys: string; readonly map: Map<string, Rational> }>();

/** entryWeights (scoring.ts, the one place of the weight rule), remembered for the same entry keys. */
function weightsOf(fw: Framework, sorted: ReadonlyArray<PlanEntry>): Map<string, Rational> {
  let keys = '';
  for (const e of sorted) keys += e.key + ',';
  const last = lastWeights.get(fw);
  if (last && last.keys === keys) return last.map;
  const map = entryWeights(fw, sorted);
  lastWeights.set(fw, { keys, map });
  return map;
}

interface PlanContext {
  readonly fw: Framework;
  readonly basis: PredicateBasis;
  readonly maxRaise: number;
  readonly strategy: PlanStrategy;
  readonly inputs: ReadonlyArray<PlanInput>;
  readonly defs: ReadonlyArray<IndicatorDef | null>;
  readonly external: ReadonlyArray<boolean>;
  readonly held: ReadonlyArray<boolean>;
  /** The framework's aspect weights in basis points (only for the balanced strategy's aspect indices). */
  readonly aspectWeights: ReadonlyArray<number>;
  readonly sorted: ReadonlyArray<PlanEntry>;
}

/** Each entry's aspect, as a position in the framework's aspect list. */
function aspectPositions(ctx: PlanContext): number[] {
  const pos = new Map(ctx.fw.aspects.map((a, i) => [a.no, i]));
  return ctx.defs.map((d) => pos.get(d?.aspect ?? -1) ?? 0);
}

function planWith<T>(ctx: PlanContext, request: TargetRequest, u: Units<T>): GapPlan | PlanUsageError {
  const { fw, basis, inputs } = ctx;
  const A = u.A;
  const current = u.toRational(u.index);
  const unchanged = (): Decision[] => inputs.map((it) => ({ target: it.current, steps: 0 }));
  let decisions: Decision[];
  let goal: Rational;
  let goalPredicate: string;
  let reason: GapPlan['reason'] = null;
  let targetLevel: number | null = null;
  let cycles = 0;
  /** Steps per item when the optimiser made the plan (index modes): points and the roadmap then come from units. */
  let counts: ReadonlyArray<number> | null = null;

  const planTowards = (g: Rational): Decision[] => {
    const threshold = thresholdFor(g, basis);
    const need = A.sub(u.ceilUnits(threshold), u.index);
    if (cmp(g, FIVE) > 0) {
      reason = unreachable(ctx, g, threshold);
      return unchanged();
    }
    const search = searchItems(u, inputs, inputs.map((it) => it.locked === true));
    const aspects = ctx.strategy === 'balanced' ? searchAspects(u, aspectPositions(ctx), ctx.aspectWeights) : undefined;
    const r = searchPlan(A, search, need, ctx.maxRaise, ctx.strategy, aspects);
    if (r === null) {
      reason = unreachable(ctx, g, threshold);
      return unchanged();
    }
    cycles = r.cycles;
    counts = r.counts;
    return inputs.map((it, i) => {
      const n = r.counts[i];
      return n === 0 ? { target: it.current, steps: 0 } : { target: wholeLevel(floor(it.current) + BigInt(n)), steps: n };
    });
  };
  /** A fixed target per item (level and column modes): the cap decides the cycles only. */
  const fixed = (targets: ReadonlyArray<Rational>): Decision[] => {
    const out = inputs.map((it, i) => {
      const t = it.locked || cmp(targets[i], it.current) <= 0 ? it.current : targets[i];
      return { target: t, steps: t === it.current ? 0 : Number(ceil(t) - floor(it.current)) };
    });
    for (const d of out) cycles = Math.max(cycles, Math.ceil(d.steps / ctx.maxRaise));
    return out;
  };

  switch (request.mode) {
    case 'index': {
      if (cmp(request.value, R0) <= 0) return usage('TARGET_NOT_POSITIVE', { target: toNumber(request.value) });
      goal = request.value;
      goalPredicate = predicateOf(fw, goal, basis);
      decisions = planTowards(goal);
      break;
    }
    case 'predicate': {
      const band = findPredicate(fw, request.name);
      if (!band) return usage('UNKNOWN_PREDICATE', { predicate: request.name, predicates: fw.predicates.map((p) => p.name).join(', ') });
      goal = rational(band.min, 100);
      goalPredicate = band.name;
      decisions = planTowards(goal);
      break;
    }
    case 'next': {
      const cur = basis === 'rounded' ? roundHalfUp(current, 2) : current;
      const next = fw.predicates.find((p) => cmp(rational(p.min, 100), cur) > 0);
      if (next) {
        goal = rational(next.min, 100);
        goalPredicate = next.name;
        decisions = planTowards(goal);
      } else {
        goal = current;
        goalPredicate = predicateOf(fw, current, basis);
        decisions = unchanged();
      }
      break;
    }
    case 'level': {
      if (!Number.isInteger(request.level) || request.level < 1 || request.level > 5) return usage('TARGET_LEVEL_RANGE', { level: String(request.level) });
      targetLevel = request.level;
      const lv = rational(request.level);
      decisions = fixed(inputs.map(() => lv));
      goal = indexOf(decisions.map((d) => d.target), inputs.map((i) => i.weight));
      goalPredicate = predicateOf(fw, goal, basis);
      break;
    }
    case 'column': {
      const byKey = new Map(ctx.sorted.map((e) => [e.key, e.target]));
      decisions = fixed(
        inputs.map((i) => {
          const t = byKey.get(i.key);
          return !t ? i.current : cmp(t, FIVE) > 0 ? FIVE : t;
        }),
      );
      goal = indexOf(decisions.map((d) => d.target), inputs.map((i) => i.weight));
      goalPredicate = predicateOf(fw, goal, basis);
      break;
    }
  }

  const threshold = thresholdFor(goal, basis);
  const built = buildIndicators(ctx, u, decisions, counts);
  const planned = built.planned;
  const needed = sub(threshold, current);
  const roadmap = roadmapOf(ctx, u, decisions, counts, cycles);
  return {
    framework: fw,
    basis,
    mode: request.mode,
    goal,
    goalPredicate,
    targetLevel,
    threshold,
    current,
    currentPredicate: predicateOf(fw, current, basis),
    planned,
    plannedPredicate: predicateOf(fw, planned, basis),
    reachable: reason === null,
    reason,
    steps: built.steps,
    pointsNeeded: cmp(needed, R0) > 0 ? needed : R0,
    indicators: built.indicators,
    maxRaise: ctx.maxRaise,
    strategy: ctx.strategy,
    locks: ctx.sorted.filter((_, i) => ctx.held[i]).map((e) => e.key),
    cycles,
    roadmap,
  };
}

/**
 * Why no plan reaches the goal. Above 5: TARGET_ABOVE_MAXIMUM. Above every indicator at 5:
 * TARGET_ABOVE_ALL_FIVE. Reachable if the team lifted its locks: TARGET_NEEDS_LOCKED naming them. Else
 * it needs other agencies' indices: TARGET_NEEDS_OTHER_AGENCIES naming them (and the locks, if any could rise).
 */
function unreachable(ctx: PlanContext, goal: Rational, threshold: Rational): NonNullable<GapPlan['reason']> {
  const { inputs } = ctx;
  const weights = inputs.map((i) => i.weight);
  const maxIndex = indexOf(inputs.map(() => FIVE), weights);
  if (cmp(goal, FIVE) > 0) return reasonOf('TARGET_ABOVE_MAXIMUM', goal, maxIndex);
  if (cmp(threshold, maxIndex) > 0) return reasonOf('TARGET_ABOVE_ALL_FIVE', goal, maxIndex);
  const below = (i: number) => cmp(inputs[i].current, FIVE) < 0;
  const blockers = (flags: ReadonlyArray<boolean>): Blocker[] =>
    inputs.flatMap((it, i) => (flags[i] && below(i) ? [{ key: it.key, def: ctx.defs[i] }] : []));
  const lockedBlockers = blockers(ctx.held.map((h, i) => h && !ctx.external[i]));
  const maxOwn = indexOf(inputs.map((it) => (it.locked ? it.current : FIVE)), weights);
  const maxUnlocked = indexOf(inputs.map((it, i) => (ctx.external[i] ? it.current : FIVE)), weights);
  if (lockedBlockers.length > 0 && cmp(threshold, maxUnlocked) <= 0) return reasonOf('TARGET_NEEDS_LOCKED', goal, maxOwn, [], lockedBlockers);
  return reasonOf('TARGET_NEEDS_OTHER_AGENCIES', goal, maxOwn, blockers(ctx.external), lockedBlockers);
}

/** The cycle of the j-th step (1-based) of an item: each cycle takes the next maxRaise steps. */
function cycleOfStep(j: number, maxRaise: number): number {
  return Math.ceil(j / maxRaise);
}

/** The value of an item after `done` of its steps towards `target` (the last step may end at a decimal target). */
function valueAfter(it: PlanInput, d: Decision, done: number): Rational {
  if (done <= 0) return it.current;
  if (done >= d.steps) return d.target;
  return wholeLevel(floor(it.current) + BigInt(done));
}

/** The whole levels 0..5 as rationals, made once (a plan's targets and cycle ends are whole levels). */
const WHOLE_LEVELS: ReadonlyArray<Rational> = [0, 1, 2, 3, 4, 5].map((k) => rational(k));

const BIG0 = BigInt(0);
const BIG5 = BigInt(5);

function wholeLevel(k: bigint): Rational {
  return k >= BIG0 && k <= BIG5 ? WHOLE_LEVELS[Number(k)] : rational(k);
}

function buildIndicators<T>(
  ctx: PlanContext,
  u: Units<T>,
  decisions: ReadonlyArray<Decision>,
  counts: ReadonlyArray<number> | null,
): { indicators: IndicatorGap[]; planned: Rational; steps: number } {
  const { inputs, defs, maxRaise } = ctx;
  const A = u.A;
  let plannedUnits = u.index;
  let steps = 0;
  /** The raised entries: their gap and points (units in index modes, for the priority order without rationals). */
  const raised: Array<{ i: number; gap: Rational; points: Rational; units: T | null }> = [];
  inputs.forEach((it, i) => {
    const d = decisions[i];
    if (d.steps === 0) return;
    const gap = gapOf(d.target, it.current);
    let units: T | null = null;
    let points: Rational;
    if (counts) {
      units = A.zero;
      for (let j = 0; j < d.steps; j++) units = A.add(units, u.chain[i][j]);
      plannedUnits = A.add(plannedUnits, units);
      points = u.toRational(units);
    } else {
      points = div(mul(gap, it.weight), HUNDRED);
    }
    raised.push({ i, gap, points, units });
    steps += d.steps;
  });
  raised.sort(
    (a, b) =>
      (a.units !== null && b.units !== null ? A.cmp(b.units, a.units) : cmp(b.points, a.points)) ||
      cmp(inputs[a.i].current, inputs[b.i].current) ||
      a.i - b.i,
  );
  const byItem = new Array<(typeof raised)[number] | undefined>(inputs.length);
  const rankOf = new Array<number>(inputs.length);
  raised.forEach((x, r) => {
    byItem[x.i] = x;
    rankOf[x.i] = r + 1;
  });
  const indicators = inputs.map((it, i): IndicatorGap => {
    const def = defs[i];
    const d = decisions[i];
    const x = byItem[i];
    const raises = x ? raisesOf(it, d, maxRaise, x.points, counts ? u.chain[i] : null, u) : NO_RAISES;
    return {
      key: it.key,
      no: it.no,
      entry: it.entry,
      name: def?.name ?? '',
      aspect: def?.aspect ?? 0,
      domain: def?.domain ?? null,
      weight: it.weight,
      current: it.current,
      target: d.target,
      gap: x ? x.gap : R0,
      steps: d.steps,
      points: x ? x.points : R0,
      rank: x ? rankOf[i] : null,
      valuedBy: def?.valuedBy ?? null,
      outOfHands: ctx.external[i],
      locked: ctx.held[i],
      cycle: raises.length > 0 ? raises[0].cycle : null,
      raises,
    };
  });
  const planned = counts ? u.toRational(plannedUnits) : indexOf(decisions.map((d) => d.target), inputs.map((it) => it.weight));
  return { indicators, planned, steps };
}

const NO_RAISES: ReadonlyArray<CycleRaise> = Object.freeze([]);

/**
 * target − current. For a whole target m and current a/b in lowest terms, (m·b − a)/b is in lowest terms
 * already (a common factor of m·b − a and b would divide a): no gcd needed.
 */
function gapOf(target: Rational, current: Rational): Rational {
  return target.den === BIG1 ? { num: target.num * current.den - current.num, den: current.den } : sub(target, current);
}

const BIG1 = BigInt(1);


/**
 * The raise of each cycle: maxRaise steps per cycle from the first, until the target. `gains`: the item's
 * step gains in units when the optimiser made the plan (index modes): a cycle's points are then the sum
 * of its steps' gains (the same exact number as (to − from) × weight / 100, with one reduction).
 */
function raisesOf<T>(it: PlanInput, d: Decision, maxRaise: number, total: Rational, gains: ReadonlyArray<T> | null, u: Units<T>): CycleRaise[] {
  const last = cycleOfStep(d.steps, maxRaise);
  if (last === 1) return [{ cycle: 1, from: it.current, to: d.target, steps: d.steps, points: total }];
  const out: CycleRaise[] = [];
  for (let c = 1; c <= last; c++) {
    const first = (c - 1) * maxRaise;
    const end = Math.min(d.steps, c * maxRaise);
    const from = valueAfter(it, d, first);
    const to = valueAfter(it, d, end);
    let points: Rational;
    if (gains) {
      let units = u.A.zero;
      for (let j = first; j < end; j++) units = u.A.add(units, gains[j]);
      points = u.toRational(units);
    } else points = div(mul(sub(to, from), it.weight), HUNDRED);
    out.push({ cycle: c, from, to, steps: end - first, points });
  }
  return out;
}

/** The index after each cycle. */
function roadmapOf<T>(
  ctx: PlanContext,
  u: Units<T>,
  decisions: ReadonlyArray<Decision>,
  counts: ReadonlyArray<number> | null,
  cycles: number,
): PlanCycle[] {
  const { inputs, maxRaise, fw, basis } = ctx;
  const out: PlanCycle[] = [];
  let unitsSoFar = u.index;
  for (let c = 1; c <= cycles; c++) {
    let steps = 0;
    let raisedCount = 0;
    const values: Rational[] = [];
    inputs.forEach((it, i) => {
      const d = decisions[i];
      const before = Math.min(d.steps, (c - 1) * maxRaise);
      const after = Math.min(d.steps, c * maxRaise);
      if (after > before) {
        steps += after - before;
        raisedCount++;
        if (counts) for (let j = before; j < after; j++) unitsSoFar = u.A.add(unitsSoFar, u.chain[i][j]);
      }
      if (!counts) values.push(valueAfter(it, d, after));
    });
    const index = counts ? u.toRational(unitsSoFar) : indexOf(values, inputs.map((it) => it.weight));
    out.push({ cycle: c, steps, raised: raisedCount, index, predicate: predicateOf(fw, index, basis) });
  }
  return out;
}

function usage(code: string, params: Record<string, string | number>): PlanUsageError {
  const keys: Record<string, 'unknownPredicate' | 'targetLevelRange' | 'targetNotPositive' | 'maxRaiseRange' | 'unknownStrategy' | 'unknownLock'> = {
    UNKNOWN_PREDICATE: 'unknownPredicate',
    TARGET_LEVEL_RANGE: 'targetLevelRange',
    TARGET_NOT_POSITIVE: 'targetNotPositive',
    MAX_RAISE_RANGE: 'maxRaiseRange',
    UNKNOWN_STRATEGY: 'unknownStrategy',
    UNKNOWN_LOCK: 'unknownLock',
  };
  const key = keys[code];
  return { code, message: { id: text('id', 'gap', key, params), en: text('en', 'gap', key, params) } };
}

export function isPlanUsageError(x: GapPlan | PlanUsageError): x is PlanUsageError {
  return !('indicators' in x);
}

/** One item of the plan as `spbe gap --json` lists it. */
export interface PlanStepJson {
  /** The indicator number, or the entry key ("35-2") for a repeated entry (as in the index JSON). */
  readonly no: number | string;
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
  /** Index points gained. */
  readonly uplift: number;
  /** The entry's priority (IndicatorGap.rank). */
  readonly rank: number;
  /** The evaluation cycle (with `byCycle: false`: the first cycle the entry is raised in). */
  readonly cycle: number;
}

/**
 * The plan as the JSON of `spbe gap --json`: one item per entry and cycle (that cycle's raise), by cycle
 * and then priority; with one cycle, one item per raised entry in priority order. `byCycle: false` gives one
 * item per entry from its current value to its target, in priority order (for a table without a cycle
 * column, such as SPBE.PLAN's).
 */
export function planSteps(p: GapPlan, options: { readonly byCycle?: boolean } = {}): PlanStepJson[] {
  const byCycle = options.byCycle ?? true;
  return p.indicators
    .filter((g) => g.rank !== null)
    .flatMap((g) => {
      const item = (from: Rational, to: Rational, steps: number, points: Rational, cycle: number): PlanStepJson => ({
        no: g.entry > 1 ? g.key : g.no,
        key: g.key,
        from: toNumber(from),
        to: toNumber(to),
        steps,
        uplift: toNumber(points),
        rank: g.rank as number,
        cycle,
      });
      if (!byCycle) return [item(g.current, g.target, g.steps, g.points, g.cycle ?? 1)];
      return g.raises.map((r) => item(r.from, r.to, r.steps, r.points, r.cycle));
    })
    .sort((a, b) => (byCycle ? a.cycle - b.cycle : 0) || a.rank - b.rank);
}

/** Each cycle of the plan as JSON: its steps, the entries raised, and the index reached after it. */
export function planRoadmap(p: GapPlan): Array<{ cycle: number; steps: number; raised: number; index: number; indexRounded: number; predicate: string }> {
  return p.roadmap.map((c) => ({
    cycle: c.cycle,
    steps: c.steps,
    raised: c.raised,
    index: toNumber(c.index),
    indexRounded: toNumber(roundHalfUp(c.index, 2)),
    predicate: c.predicate,
  }));
}

/**
 * Does a planned step rely on evidence the sheet does not show? An assessor accepts level N only with
 * accepted evidence for level N − 1 (levels are cumulative). The step an entry takes first, from its
 * current value, relies on the evidence of its current whole level; that level must be 2 or more (level 1
 * is the floor of every scale, met without evidence) and the entry's evidence cell (Bukti Dukung) empty.
 * Returns that level (N − 1), or null. Later steps of a roadmap rely on the plan's own earlier steps.
 */
export function evidenceNeeded(
  entry: { readonly level: Rational | null; readonly evidence?: string | null },
  step: { readonly from: Rational; readonly to: Rational },
): number | null {
  if (entry.level === null || cmp(step.to, step.from) <= 0 || cmp(step.from, entry.level) !== 0) return null;
  const below = Number(floor(step.from));
  if (below < 2) return null;
  return (entry.evidence ?? '').trim() === '' ? below : null;
}
