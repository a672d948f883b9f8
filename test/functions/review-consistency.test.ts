/**
 * For the same levels, the worksheet path (assess, as `spbe index` and the gap sheet use it), the task
 * pane's engine and the custom functions give the same figures and predicates, in every framework and on
 * both predicate bases. Since issue 9 there is one entry collector and one scoring path behind all three,
 * so this is a regression guard rather than the glue that kept three computations agreeing. Levels are
 * random but seeded (deterministic): whole levels, pemdi decimals as numbers and as text with a decimal
 * comma, repeating decimals such as =AVERAGE results, and spbe2018's indicator 35 scored for two or three
 * public services.
 */
import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { spbeAspect, spbeDomain, spbeIndex, spbePredicate } from '../../src/functions/impl';
import { defaultEngine } from '../../src/taskpane/engine';
import { simpleGrid } from '../core/grid-builders';

let seed = 12345;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

describe.each([SPBE2018, SPBE2020, PEMDI2026])('%s: one figure whatever the path', (fw) => {
  test.each(['exact', 'rounded'] as const)('basis %s', (basis) => {
    for (let t = 0; t < 60; t++) {
      const extra = fw === SPBE2018 && rnd() < 0.5 ? ['35-2', '35-3'].slice(0, 1 + Math.floor(rnd() * 2)) : [];
      const keys = [...fw.indicators.map((i) => String(i.no)), ...extra];
      const levels: Record<string, number | string> = {};
      for (const k of keys) {
        if (fw !== PEMDI2026) levels[k] = 1 + Math.floor(rnd() * 5);
        else {
          const mode = rnd();
          const v = 1 + Math.floor(rnd() * 401) / 100;
          levels[k] = mode < 0.3 ? String(v).replace('.', ',') : mode < 0.45 ? 1 + Math.floor(rnd() * 4) + (1 + Math.floor(rnd() * 2)) / 3 : v;
        }
      }
      const grid = simpleGrid({ fw, levels, keys });
      const a = assess([grid], { basis });
      const e = defaultEngine.assess([grid], { lang: 'id', framework: null, column: null, basis, target: { kind: 'next' } });
      const twoColumns = keys.map((k) => [k, levels[k]]);
      expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const scores = a.scores!;
      const idx = spbeIndex(twoColumns, fw.id);
      expect(idx).toBe(scores.index);
      expect(e.scores?.index).toBe(scores.index);
      expect(e.scores?.predicate).toBe(scores.predicate);
      expect(spbePredicate(idx, fw.id, basis)).toBe(scores.predicate);
      for (const s of scores.aspects) expect(spbeAspect(twoColumns, s.no, fw.id)).toBe(s.index);
      for (const s of scores.domains) expect(spbeDomain(twoColumns, s.no, fw.id)).toBe(s.index);
    }
  });
});
