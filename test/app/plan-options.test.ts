/**
 * The plan's options as every entry point takes them (src/app/plan-options.ts), and a property through the
 * application layer: whatever the cap, strategy and locks, every plan keeps the cap per cycle and the locks.
 */
import fc from 'fast-check';
import { parsePlanOptions, strategyName } from '../../src/app/plan-options';
import { planFor } from '../../src/app/assessment';
import { SPBE2020 } from '../../src/core/frameworks';
import type { Assessment } from '../../src/core/types';
import { rational } from '../../src/core/rational';
import { ACEH, entriesOf } from '../core/gap-helpers';

test('parsing: defaults, names, locks in any separator, repeated entries; bad values with messages in both languages', () => {
  expect(parsePlanOptions({})).toEqual({ ok: true, choices: { maxRaise: 1, strategy: 'fewest-steps', locks: [] } });
  expect(parsePlanOptions({ maxRaise: '5', strategy: 'Balanced', lock: '12, 31;035-2 35-1' })).toEqual({
    ok: true,
    choices: { maxRaise: 5, strategy: 'balanced', locks: ['12', '31', '35-2', '35'] },
  });
  expect(parsePlanOptions({ maxRaise: 2, strategy: 'fewest-steps', lock: ['4', '4'] })).toEqual({ ok: true, choices: { maxRaise: 2, strategy: 'fewest-steps', locks: ['4'] } });
  for (const [input, code] of [
    [{ maxRaise: '0' }, 'BAD_MAX_RAISE'],
    [{ maxRaise: '-1' }, 'BAD_MAX_RAISE'],
    [{ maxRaise: 'satu' }, 'BAD_MAX_RAISE'],
    [{ strategy: 'greedy' }, 'BAD_STRATEGY'],
    [{ lock: '12,abc' }, 'BAD_LOCK'],
    [{ lock: '0' }, 'BAD_LOCK'],
  ] as const) {
    const r = parsePlanOptions(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.id).not.toBe(r.message.en);
    }
  }
  expect(strategyName('fewest-steps')).toBe('fewest');
  expect(strategyName('balanced')).toBe('balanced');
});

test('property: every plan through planFor keeps the cap per cycle and the locks', () => {
  const entries = entriesOf(ACEH);
  const a = { framework: SPBE2020, entries, problems: [], scores: {} } as unknown as Assessment;
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('fewest', 'balanced'),
      fc.subarray(entries.map((e) => e.key), { maxLength: 8 }),
      fc.integer({ min: 230, max: 330 }),
      (maxRaise, strategy, locks, goal) => {
        const parsed = parsePlanOptions({ maxRaise: String(maxRaise), strategy, lock: locks.join(',') });
        if (!parsed.ok) return false;
        const out = planFor(a, { mode: 'index', value: rational(goal, 100) }, parsed.choices);
        if (out.kind !== 'plan') return false;
        const p = out.plan;
        return (
          p.maxRaise === maxRaise &&
          p.indicators.every((g) => g.raises.every((r) => r.steps >= 1 && r.steps <= maxRaise)) &&
          p.indicators.every((g) => !locks.includes(g.key) || (g.steps === 0 && g.locked)) &&
          [...p.locks].sort().join() === [...locks].sort().join()
        );
      },
    ),
    { seed: 20261205, numRuns: 60 },
  );
});
