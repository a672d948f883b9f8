/**
 * Properties of comparisons over random valid assessments: whole levels for spbe2018/spbe2020 (spbe2018
 * with 1–3 entries of indicator 35), decimals with up to 2 places in [1, 5] for pemdi2026. For every pair
 * — one framework with itself, and every pair of regulations in order — the contributions and the two
 * effects add up to delta exactly, aspects and domains split the effects exactly, C equals the newer
 * framework's formula on the matched old levels written here again, and the transition preview's ends
 * are the formula on its rule.
 */
import fc from 'fast-check';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { add, cmp, div, eq, mul, rational, sub, sum, R0 } from '../../src/core/rational';
import { score, type ScoredEntry } from '../../src/core/scoring';
import { crosswalkBetween } from '../../src/core/crosswalks';
import { compareAssessments, topMovers, type ComparedSide, type SideEntry } from '../../src/core/compare';
import { previewTransition } from '../../src/core/compare-preview';
import type { Framework, Rational } from '../../src/core/types';

const ONE = rational(1);
const FIVE = rational(5);

function levelArb(fw: Framework): fc.Arbitrary<Rational> {
  return fw.values === 'decimal'
    ? fc.integer({ min: 100, max: 500 }).map((h) => rational(h, 100))
    : fc.integer({ min: 1, max: 5 }).map((n) => rational(n));
}

function sideArb(fw: Framework): fc.Arbitrary<ComparedSide> {
  const base = fc.array(levelArb(fw), { minLength: fw.indicators.length, maxLength: fw.indicators.length });
  const rep = fw.repeatable;
  const extra = rep ? fc.array(levelArb(fw), { minLength: 0, maxLength: rep.maxEntries - 1 }) : fc.constant([] as Rational[]);
  return fc.tuple(base, extra).map(([levels, more]) => {
    const entries: SideEntry[] = levels.map((level, i) => ({ key: String(i + 1), no: i + 1, entry: 1, level }));
    more.forEach((level, k) => entries.push({ key: `${rep!.indicator}-${k + 2}`, no: rep!.indicator, entry: k + 2, level }));
    return { framework: fw, entries };
  });
}

/** A side's entries as the scorer takes them (every level is set in these sides). */
const scored = (side: ComparedSide): ScoredEntry[] => side.entries.map((e) => ({ key: e.key, no: e.no, entry: e.entry, level: e.level! }));

/** Exact equality, cheap inside loops (toEqual on bigints is slow when run thousands of times). */
function same(what: string, actual: Rational | null, expected: Rational | null): void {
  const ok = actual === null || expected === null ? actual === expected : eq(actual, expected);
  if (!ok) expect({ what, actual, expected }).toEqual({ what, actual: expected, expected });
}

/** An indicator's level on a side: the plain mean of its entries. */
function levelOf(side: ComparedSide, no: number): Rational {
  const own = side.entries.filter((e) => e.no === no).map((e) => e.level!);
  return div(sum(own), rational(own.length));
}

/** The newer framework's index with each indicator at `x(no)`: Σ weight % × x / 100 (no repeated entries in the newer frameworks). */
function formula(fw: Framework, x: (no: number) => Rational): Rational {
  return div(sum(fw.indicators.map((i) => mul(rational(i.weight, 100), x(i.no)))), rational(100));
}

const PAIRS: ReadonlyArray<readonly [string, Framework, Framework]> = [
  ['spbe2018 → spbe2018', SPBE2018, SPBE2018],
  ['spbe2020 → spbe2020', SPBE2020, SPBE2020],
  ['pemdi2026 → pemdi2026', PEMDI2026, PEMDI2026],
  ['spbe2018 → spbe2020', SPBE2018, SPBE2020],
  ['spbe2020 → pemdi2026', SPBE2020, PEMDI2026],
  ['spbe2018 → pemdi2026', SPBE2018, PEMDI2026],
];

describe.each(PAIRS)('%s', (_name, older, newer) => {
  const oneFramework = older.id === newer.id;

  test('contributions add up to the level effect, shares to the framework effect, and the two effects to delta, exactly', () => {
    fc.assert(
      fc.property(sideArb(older), sideArb(newer), (before, after) => {
        const c = compareAssessments(before, after);
        const delta = sub(score(newer, scored(after)).exact, score(older, scored(before)).exact);
        expect(c.delta).toEqual(delta);
        expect(sum(c.indicators.map((r) => r.contribution ?? R0))).toEqual(c.effects.levels);
        expect(sum(c.indicators.map((r) => r.frameworkShare))).toEqual(c.effects.framework);
        expect(add(c.effects.levels, c.effects.framework)).toEqual(delta);
        // aspects and domains split both effects exactly
        expect(sum(c.aspects.map((g) => g.levels))).toEqual(c.effects.levels);
        expect(sum(c.aspects.map((g) => g.framework))).toEqual(c.effects.framework);
        if (c.domains.length) {
          expect(sum(c.domains.map((g) => g.levels))).toEqual(c.effects.levels);
          expect(sum(c.domains.map((g) => g.framework))).toEqual(c.effects.framework);
        }
      }),
      { numRuns: 60 },
    );
  });

  if (oneFramework) {
    test('within one framework: framework effect 0, and with the same entries on both sides (after − before) × weight / 100', () => {
      fc.assert(
        fc.property(sideArb(older), sideArb(newer), (before, after) => {
          const c = compareAssessments(before, after);
          expect(c.effects.framework).toEqual(R0);
          expect(c.regulationIndex).toEqual(c.before.index);
          const sameShape = before.entries.length === after.entries.length;
          for (const r of c.indicators) {
            expect(r.relation).toBe('same');
            same(`before ${r.no}`, r.before, levelOf(before, r.no));
            if (sameShape) same(`contribution ${r.no}`, r.contribution, div(mul(sub(r.after, r.before!), r.weight), rational(100)));
          }
        }),
        { numRuns: 60 },
      );
    });
  } else {
    test('across regulations: before = the mean of the matched old levels; C = the newer formula on them, new indicators at their after level', () => {
      const cw = crosswalkBetween(older, newer)!;
      fc.assert(
        fc.property(sideArb(older), sideArb(newer), (before, after) => {
          const c = compareAssessments(before, after);
          const b = (no: number): Rational | null => {
            const from = cw.rows[no - 1].from;
            return from.length ? div(sum(from.map((o) => levelOf(before, o))), rational(from.length)) : null;
          };
          for (const r of c.indicators) same(`before ${r.no}`, r.before, b(r.no));
          const C = formula(newer, (no) => b(no) ?? levelOf(after, no));
          expect(c.regulationIndex).toEqual(C);
          expect(c.effects.framework).toEqual(sub(C, c.before.index));
          expect(c.effects.levels).toEqual(sub(c.after.index, C));
          expect(c.removed.map((r) => r.no)).toEqual(cw.removed.map((r) => r.no));
        }),
        { numRuns: 60 },
      );
    });
  }

  test('top movers: by |contribution| descending, ties by number, none without a contribution', () => {
    const abs = (r: Rational): Rational => (r.num < BigInt(0) ? { num: -r.num, den: r.den } : r);
    fc.assert(
      fc.property(sideArb(older), sideArb(newer), (before, after) => {
        const movers = topMovers(compareAssessments(before, after), 10);
        for (let i = 1; i < movers.length; i++) {
          const order = cmp(abs(movers[i - 1].contribution!), abs(movers[i].contribution!));
          expect(order > 0 || (order === 0 && movers[i - 1].no < movers[i].no)).toBe(true);
        }
        for (const m of movers) expect(m.contribution!.num).not.toBe(BigInt(0));
      }),
      { numRuns: 40 },
    );
  });
});

describe.each([
  ['spbe2020 → pemdi2026', SPBE2020],
  ['spbe2018 → spbe2020', SPBE2018],
])('transition preview %s', (_name, fw) => {
  test('both ends are the formula on the rule: valued elsewhere 1, matched carried, new 1 (low) or 5 (high)', () => {
    fc.assert(
      fc.property(sideArb(fw), (side) => {
        const p = previewTransition(side)!;
        const to = p.to;
        const cw = crosswalkBetween(fw, to)!;
        const carried = (no: number): Rational | null => {
          const from = cw.rows[no - 1].from;
          return from.length ? div(sum(from.map((o) => levelOf(side, o))), rational(from.length)) : null;
        };
        const at = (unknown: Rational) => (no: number): Rational => (to.indicators[no - 1].valuedBy ? ONE : (carried(no) ?? unknown));
        expect(p.low.exact).toEqual(formula(to, at(ONE)));
        expect(p.high.exact).toEqual(formula(to, at(FIVE)));
        expect(cmp(p.low.exact, p.high.exact) <= 0).toBe(true);
        expect(sub(p.high.exact, p.low.exact)).toEqual(div(mul(sum(p.mustAssess.map((r) => r.weight)), rational(4)), rational(100)));
        expect(p.estimate).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
