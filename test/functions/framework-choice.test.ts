/**
 * How a function without a framework argument picks the framework: by more than the number of values, so
 * a new framework with as many indicators as an older one is never silently taken for it. A framework of
 * 47 indicators is added to the registry for these tests only.
 */
import { FRAMEWORKS, PEMDI2026, SPBE2020 } from '../../src/core/frameworks';
import type { Framework } from '../../src/core/types';
import { isFnError, readValues, spbeCheck, spbeIndex, type FnError } from '../../src/functions/impl';

/** A decimal framework with spbe2020's 47 indicators and weights (a stand-in for a future regulation). */
const DECIMAL47: Framework = {
  ...SPBE2020,
  id: 'uji-desimal',
  name: 'Indeks Uji (PermenPANRB 1/2030)',
  regulation: { ...SPBE2020.regulation, number: '1/2030', year: 2030 },
  values: 'decimal',
};
/** A whole-level twin of spbe2020 under another id. */
const WHOLE47: Framework = { ...SPBE2020, id: 'uji-kembar', name: 'Indeks Kembar', regulation: { ...SPBE2020.regulation, number: '2/2031', year: 2031 } };

const registry = FRAMEWORKS as Framework[];
function withFrameworks<T>(extra: Framework[], body: () => T): T {
  registry.push(...extra);
  try {
    return body();
  } finally {
    registry.splice(registry.length - extra.length, extra.length);
  }
}

const column = (xs: ReadonlyArray<unknown>): unknown[][] => xs.map((x) => [x]);
const threes = Array(47).fill(3);

test('one framework with that many indicators: it is taken (spbe2020 for 47 values, pemdi2026 for 20)', () => {
  expect(readValues(column(threes), undefined)).toMatchObject({ fw: { id: 'spbe2020' } });
  expect(readValues(column(Array(PEMDI2026.indicators.length).fill(2)), undefined)).toMatchObject({ fw: { id: 'pemdi2026' } });
});

test('two frameworks with 47 indicators: the levels decide when only one fits them (a decimal level fits only the decimal one)', () => {
  withFrameworks([DECIMAL47], () => {
    const decimals = [...threes];
    decimals[4] = 2.5;
    expect(readValues(column(decimals), undefined)).toMatchObject({ fw: { id: 'uji-desimal' } });
  });
});

test('values that fit several frameworks alike: an error that asks for the framework argument, never a guess', () => {
  withFrameworks([WHOLE47], () => {
    const r = spbeIndex(column(threes));
    expect(isFnError(r)).toBe(true);
    expect(r).toMatchObject({ code: '#VALUE!', problem: 'FRAMEWORK_AMBIGUOUS' });
    expect((r as FnError).message).toContain('spbe2020');
    expect((r as FnError).message).toContain('uji-kembar');
    expect(spbeCheck(column(threes), undefined, 'en')).toContain('Name the framework');
    // the argument settles it
    expect(spbeIndex(column(threes), 'spbe2020')).toBe(3);
    expect(spbeIndex(column(threes), 'uji-kembar')).toBe(3);
    // two columns alike
    const pairs = threes.map((v, i) => [i + 1, v]);
    expect(spbeIndex(pairs)).toMatchObject({ problem: 'FRAMEWORK_AMBIGUOUS' });
  });
  // and without the twin, as before
  expect(spbeIndex(column(threes))).toBe(3);
});

test('the counts named in a message come from the framework data', () => {
  const counts = (): string => {
    const items = FRAMEWORKS.map((f) => `${f.indicators.length} (${f.id})`);
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
  };
  const before = counts();
  expect(before).toContain('35 (spbe2018), 47 (spbe2020)');
  expect((spbeIndex(column(Array(10).fill(1)), undefined, 'en') as FnError).message).toContain(before);
  withFrameworks([DECIMAL47], () => {
    const r = spbeIndex(column(Array(10).fill(1)), undefined, 'en');
    expect(counts()).toContain('47 (uji-desimal)');
    expect(isFnError(r) && r.message).toContain(counts());
  });
});
