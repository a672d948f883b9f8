/**
 * The planner's fewest-steps rule as the first version computed it (not a test file): an exact bigint
 * knapsack run afresh for every step of the greedy in tie order, on rationals scaled by one common
 * denominator. Slow and plain, and independent of plan-search.ts; the tests compare the two on problems too
 * large for brute force. Extended only by the per-item cap (a chain is cut at `cap` steps).
 */
import { compareSteps, stepChain, type LevelStep, type PlanInput } from '../../src/core/planner';
import { cmp, R0 } from '../../src/core/rational';
import type { Rational } from '../../src/core/types';

function gcd(a: bigint, b: bigint): bigint {
  if (a < BigInt(0)) a = -a;
  if (b < BigInt(0)) b = -b;
  while (b !== BigInt(0)) [a, b] = [b, a % b];
  return a;
}

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** Largest total gain with at most s steps, s = 0..budget, over groups with prefix gains prefix[g][k]. */
function bestGains(prefix: ReadonlyArray<ReadonlyArray<bigint>>, budget: number): bigint[] {
  let dp: bigint[] = new Array<bigint>(budget + 1).fill(BigInt(0));
  for (const p of prefix) {
    const m = p.length - 1;
    if (m <= 0) continue;
    const next = dp.slice();
    for (let s = 1; s <= budget; s++) {
      let best = next[s];
      for (let k = 1; k <= Math.min(m, s); k++) if (dp[s - k] + p[k] > best) best = dp[s - k] + p[k];
      next[s] = best;
    }
    dp = next;
  }
  return dp;
}

/** Steps per item of the fewest-steps, tie-broken plan with at most `cap` steps per item; null if none. */
export function referencePlan(items: ReadonlyArray<PlanInput>, needed: Rational, cap: number): { total: number; counts: number[] } | null {
  const chains: LevelStep[][] = items.map((it, i) => (it.locked ? [] : stepChain(it.current, it.weight, i).slice(0, cap)));
  if (cmp(needed, R0) <= 0) return { total: 0, counts: items.map(() => 0) };
  let den = needed.den;
  for (const c of chains) for (const s of c) den = lcm(den, s.gain.den);
  const scaled = (r: Rational): bigint => (r.num * den) / r.den;
  const need = scaled(needed) + ((needed.num * den) % needed.den === BigInt(0) ? BigInt(0) : BigInt(1));
  const gains = chains.map((c) => c.map((s) => scaled(s.gain)));
  const prefixOf = (g: ReadonlyArray<bigint>, from: number): bigint[] => {
    const p = [BigInt(0)];
    for (let k = from; k < g.length; k++) p.push(p[p.length - 1] + g[k]);
    return p;
  };
  const budgetAll = chains.reduce((n, c) => n + c.length, 0);
  const dp = bestGains(gains.map((g) => prefixOf(g, 0)), budgetAll);
  const total = dp.findIndex((v) => v >= need);
  if (total < 0) return null;
  const all = chains.flat().sort((a, b) => compareSteps(items, a, b));
  const taken = items.map(() => 0);
  const blocked = items.map(() => false);
  let got = BigInt(0);
  let left = total;
  for (const step of all) {
    if (left === 0) break;
    const i = step.item;
    if (blocked[i]) continue;
    const rest = items.map((_, j) => (blocked[j] ? [BigInt(0)] : prefixOf(gains[j], j === i ? taken[j] + 1 : taken[j])));
    const best = left - 1 > 0 ? bestGains(rest, left - 1)[left - 1] : BigInt(0);
    if (got + gains[i][taken[i]] + best >= need) {
      got += gains[i][taken[i]];
      taken[i]++;
      left--;
    } else {
      blocked[i] = true;
    }
  }
  return { total, counts: taken };
}
