/**
 * Property: through the application layer (openComparison on grids a workbook would give), for any levels on
 * both sides — within one framework and across each pair of regulations — the contributions add up to the
 * level effect and the two effects add up to delta, EXACTLY (rationals), and the comparison sheet's cached
 * contributions add up to its level effect to 9 decimals per row.
 */
import fc from 'fast-check';
import type { Framework } from '../../src/core/types';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { add, eq, sub, sum, R0 } from '../../src/core/rational';
import { openComparison } from '../../src/app/compare';
import { compareSheetFor } from '../../src/app/compare';
import { simpleGrid } from '../core/grid-builders';

function levelsArb(fw: Framework): fc.Arbitrary<Record<string, number>> {
  const level = fw.values === 'decimal' ? fc.integer({ min: 100, max: 500 }).map((h) => h / 100) : fc.integer({ min: 1, max: 5 });
  return fc.array(level, { minLength: fw.indicators.length, maxLength: fw.indicators.length }).map((ls) => Object.fromEntries(ls.map((l, i) => [String(i + 1), l])));
}

const PAIRS: ReadonlyArray<[Framework, Framework]> = [
  [SPBE2018, SPBE2018],
  [SPBE2020, SPBE2020],
  [PEMDI2026, PEMDI2026],
  [SPBE2018, SPBE2020],
  [SPBE2020, PEMDI2026],
  [SPBE2018, PEMDI2026],
];

describe.each(PAIRS.map(([o, n]) => [o.id, n.id, o, n] as const))('%s → %s', (_o, _n, older, newer) => {
  test('contributions add up to the level effect; the effects add up to delta; exactly', () => {
    fc.assert(
      fc.property(levelsArb(older), levelsArb(newer), fc.boolean(), (lb, la, swap) => {
        const b = { grids: [simpleGrid({ fw: older, levels: lb, sheetName: 'Penilaian 2023' })], file: 'a.xlsx' };
        const a = { grids: [simpleGrid({ fw: newer, levels: la, sheetName: 'Penilaian 2024' })], file: 'b.xlsx' };
        const o = openComparison(swap ? [a, b] : [b, a], { framework: older.id === newer.id ? older.id : null });
        if (o.kind !== 'compared') throw new Error(`not compared: ${o.kind}`);
        const c = o.comparison;
        expect(o.before.sheet).toBe('Penilaian 2023');
        expect(eq(sub(c.after.index, c.before.index), c.delta)).toBe(true);
        expect(eq(add(c.effects.levels, c.effects.framework), c.delta)).toBe(true);
        expect(eq(sum(c.indicators.map((r) => r.contribution ?? R0)), c.effects.levels)).toBe(true);
        expect(eq(sum(c.indicators.map((r) => r.frameworkShare)), c.effects.framework)).toBe(true);
        if (older.id === newer.id) expect(eq(c.effects.framework, R0)).toBe(true);
        // The sheet: its contribution cells (9 decimals each) add up to its level-effect cell within n × 1e-9.
        const model = compareSheetFor(o, { lang: 'en', date: '2026-01-15' });
        const head = model.cells.filter((x) => x.row === 14);
        const col = head.find((x) => x.value === 'Contribution (points)')!.col;
        const contributions = model.cells.filter((x) => x.col === col && x.row > 14 && x.row <= 14 + c.indicators.length);
        const total = contributions.reduce((s, x) => s + (typeof x.value === 'number' ? x.value : 0), 0);
        const levelsCell = model.cells.find((x) => x.row === 10 && x.col === 2)!;
        expect(Math.abs(total - (levelsCell.value as number))).toBeLessThan(1e-9 * (c.indicators.length + 2));
      }),
      { numRuns: 40 },
    );
  });
});
