/**
 * The integer fast paths (issue 14) give exactly what the exact rational path gives: SPBE.INDEX on a column of
 * numbers (linearIndex, milliPoints), the collector's memoised decimal entries and score()'s shared-entry path,
 * against entries built by hand (no shared objects: scoring's general path).
 */
import fc from 'fast-check';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { collectEntries } from '../../src/core/entries';
import { parseLevel } from '../../src/core/levels';
import { eq } from '../../src/core/rational';
import { score, scoreIndex, type ScoredEntry } from '../../src/core/scoring';
import type { Framework } from '../../src/core/types';
import { spbeIndex } from '../../src/functions/impl';

/** The entries of plain level values as fresh objects (never the framework index's shared ones). */
function plainEntries(fw: Framework, values: number[]): ScoredEntry[] {
  return values.map((v, i) => {
    const p = parseLevel(v, fw, i + 1);
    if (!p.ok) throw new Error(`not a level: ${v}`);
    return { key: String(i + 1), no: i + 1, entry: 1, level: p.level };
  });
}

const thousandths = fc.integer({ min: 1000, max: 5000 }).map((m) => m / 1000);
const odd = fc.oneof(thousandths, fc.integer({ min: 10000, max: 50000 }).map((m) => m / 10000), fc.constantFrom(1, 2, 3, 4, 5));

describe('integer fast paths equal the exact path', () => {
  for (const fw of [PEMDI2026, SPBE2020, SPBE2018]) {
    const n = fw.indicators.length;
    const levels = fw.values === 'decimal' ? odd : fc.constantFrom(1, 2, 3, 4, 5);
    test(`${fw.id}: SPBE.INDEX, the collector and score()`, () => {
      fc.assert(
        fc.property(fc.array(levels, { minLength: n, maxLength: n }), (values) => {
          const plain = plainEntries(fw, values);
          const exact = score(fw, plain);
          const column = values.map((v) => [v]);
          expect(spbeIndex(column)).toBe(exact.index);
          expect(spbeIndex(column, fw.id)).toBe(exact.index);
          const c = collectEntries(fw, { count: n, level: (i) => values[i], at: (i) => ({ kind: 'value', pos: i + 1 }) });
          expect(c.problems).toHaveLength(0);
          c.entries.forEach((e, i) => expect(eq(e.level, plain[i].level)).toBe(true));
          expect(eq(scoreIndex(fw, c.entries), exact.exact)).toBe(true);
          const fast = score(fw, c.entries);
          expect(fast.index).toBe(exact.index);
          expect(fast.indexRounded).toBe(exact.indexRounded);
          expect(fast.predicate).toBe(exact.predicate);
          expect(eq(fast.exact, exact.exact)).toBe(true);
          fast.aspects.forEach((a, i) => {
            expect(eq(a.exact, exact.aspects[i].exact)).toBe(true);
            expect(a.index).toBe(exact.aspects[i].index);
          });
          fast.domains.forEach((d, i) => expect(eq(d.exact, exact.domains[i].exact)).toBe(true));
        }),
        { numRuns: 300 },
      );
    });
  }

  test('a value that is no level still gets its error', () => {
    const values: unknown[][] = PEMDI2026.indicators.map(() => [2.5]);
    values[3] = [7.25];
    expect(spbeIndex(values)).toMatchObject({ kind: 'fn-error', problem: 'LEVEL_OUT_OF_RANGE' });
    values[3] = [Number.NaN];
    expect(spbeIndex(values)).toMatchObject({ kind: 'fn-error' });
    const whole: unknown[][] = SPBE2020.indicators.map(() => [3]);
    whole[5] = [2.5];
    expect(spbeIndex(whole)).toMatchObject({ kind: 'fn-error', problem: 'LEVEL_FRACTIONAL' });
  });
});
