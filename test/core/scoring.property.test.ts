/**
 * Properties of the scoring engine over random valid level sets of each framework: whole levels for
 * spbe2018/spbe2020 (spbe2018 with 1–3 entries of indicator 35), decimals with at most 2 decimals
 * in [1, 5] for pemdi2026.
 */
import fc from 'fast-check';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { add, cmp, div, mul, rational, R0, sub, toFixed, toNumber } from '../../src/core/rational';
import { indicatorUplift, score, scoreIndex, type ScoredEntry } from '../../src/core/scoring';
import type { Framework, Rational } from '../../src/core/types';

const FIVE = rational(5);
const ONE = rational(1);

/** Hundredths 100..500 for pemdi2026, whole levels 1..5 otherwise. */
function levelArb(fw: Framework): fc.Arbitrary<Rational> {
  return fw.values === 'decimal'
    ? fc.integer({ min: 100, max: 500 }).map((h) => rational(h, 100))
    : fc.integer({ min: 1, max: 5 }).map((n) => rational(n));
}

function entriesArb(fw: Framework): fc.Arbitrary<ScoredEntry[]> {
  const base = fc.array(levelArb(fw), { minLength: fw.indicators.length, maxLength: fw.indicators.length });
  const rep = fw.repeatable;
  const extra = rep ? fc.array(levelArb(fw), { minLength: 0, maxLength: rep.maxEntries - 1 }) : fc.constant([] as Rational[]);
  return fc.tuple(base, extra).map(([levels, more]) => {
    const out: ScoredEntry[] = levels.map((level, i) => ({ key: String(i + 1), no: i + 1, entry: 1, level }));
    more.forEach((level, k) => out.push({ key: `${rep!.indicator}-${k + 2}`, no: rep!.indicator, entry: k + 2, level }));
    return out;
  });
}

/** The regulation's formula, written independently: Σ(value × weight %) / 100, aspect weights spread where repeated. */
function referenceIndex(fw: Framework, entries: ReadonlyArray<ScoredEntry>): Rational {
  const rep = fw.repeatable;
  const spreadAspect = rep ? fw.indicators[rep.indicator - 1].aspect : -1;
  const inSpread = entries.filter((e) => fw.indicators[e.no - 1].aspect === spreadAspect).length;
  let total = R0;
  for (const e of entries) {
    const ind = fw.indicators[e.no - 1];
    const weightBp =
      ind.aspect === spreadAspect ? rational(fw.aspects[ind.aspect - 1].weight, inSpread) : rational(ind.weight);
    total = add(total, mul(e.level, weightBp));
  }
  return div(total, rational(10000));
}

const FRAMEWORKS: ReadonlyArray<readonly [string, Framework]> = [
  ['spbe2018', SPBE2018],
  ['spbe2020', SPBE2020],
  ['pemdi2026', PEMDI2026],
];

describe.each(FRAMEWORKS)('%s', (_id, fw) => {
  test('the index lies in [1, 5], equals the regulation\'s formula, and its numbers are its exact value', () => {
    fc.assert(
      fc.property(entriesArb(fw), (entries) => {
        const s = score(fw, entries);
        expect(cmp(s.exact, ONE) >= 0 && cmp(s.exact, FIVE) <= 0).toBe(true);
        expect(s.exact).toEqual(referenceIndex(fw, entries));
        expect(scoreIndex(fw, entries)).toEqual(s.exact);
        expect(s.index).toBe(toNumber(s.exact));
        expect(s.indexRounded).toBe(Number(toFixed(s.exact, 2)));
        for (const part of [...s.aspects, ...s.domains]) {
          expect(cmp(part.exact, ONE) >= 0 && cmp(part.exact, FIVE) <= 0).toBe(true);
          expect(part.indexRounded).toBe(Number(toFixed(part.exact, 2)));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the index equals the weighted mean of the aspect indices, and of the domain indices, exactly', () => {
    fc.assert(
      fc.property(entriesArb(fw), (entries) => {
        const s = score(fw, entries);
        const byAspects = div(s.aspects.reduce((acc, a) => add(acc, mul(a.exact, rational(a.weight))), R0), rational(10000));
        expect(byAspects).toEqual(s.exact);
        if (fw.domains.length > 0) {
          const byDomains = div(s.domains.reduce((acc, d) => add(acc, mul(d.exact, rational(d.weight))), R0), rational(10000));
          expect(byDomains).toEqual(s.exact);
          // and each domain is the weighted mean of its aspects
          for (const d of s.domains) {
            const mine = s.aspects.filter((a) => fw.aspects[a.no - 1].domain === d.no);
            const mean = div(mine.reduce((acc, a) => add(acc, mul(a.exact, rational(a.weight))), R0), rational(d.weight));
            expect(mean).toEqual(d.exact);
          }
        } else {
          expect(s.domains).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('raising any one level never decreases the index (it strictly increases it), by exactly the uplift', () => {
    fc.assert(
      fc.property(entriesArb(fw), fc.nat(), levelArb(fw), (entries, pick, raiseTo) => {
        const i = pick % entries.length;
        const target = entries[i];
        const newLevel = cmp(raiseTo, target.level) > 0 ? raiseTo : target.level;
        const before = score(fw, entries);
        const raised = entries.map((e, k) => (k === i ? { ...e, level: newLevel } : e));
        const after = score(fw, raised);
        const rose = cmp(newLevel, target.level) > 0;
        expect(cmp(after.exact, before.exact)).toBe(rose ? 1 : 0);
        expect(sub(after.exact, before.exact)).toEqual(indicatorUplift(fw, entries, target.key, newLevel));
        // no aspect or domain falls either
        after.aspects.forEach((a, k) => expect(cmp(a.exact, before.aspects[k].exact)).toBeGreaterThanOrEqual(0));
        after.domains.forEach((d, k) => expect(cmp(d.exact, before.domains[k].exact)).toBeGreaterThanOrEqual(0));
      }),
      { numRuns: 300 },
    );
  });

  test('the fast integer path and the bigint path (levels given over a 10^40 denominator) agree', () => {
    const big = BigInt(10) ** BigInt(40);
    fc.assert(
      fc.property(entriesArb(fw), (entries) => {
        const unreduced = entries.map((e) => ({ ...e, level: { num: e.level.num * (big / e.level.den), den: big } }));
        expect(score(fw, unreduced)).toEqual(score(fw, entries));
      }),
      { numRuns: 100 },
    );
  });

  test('the order of the entries does not matter', () => {
    fc.assert(
      fc.property(entriesArb(fw), fc.nat(), (entries, seed) => {
        const shuffled = [...entries].sort((a, b) => ((a.no * 7919 + a.entry * 31 + seed) % 97) - ((b.no * 7919 + b.entry * 31 + seed) % 97));
        expect(score(fw, shuffled)).toEqual(score(fw, entries));
      }),
      { numRuns: 100 },
    );
  });
});
