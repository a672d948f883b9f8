/**
 * The `functions` section of the message catalogues: the same keys in Indonesian and English, the same
 * {placeholders} in both, and nothing left unfilled in the messages the functions actually produce.
 */
import { catalogues } from '../../src/core/i18n';
import { spbeCheck, spbeIndex, spbeLevel, spbePlan, isFnError } from '../../src/functions/impl';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('same keys and placeholders in id and en', () => {
  const id = catalogues.id.functions as Record<string, string>;
  const en = catalogues.en.functions as Record<string, string>;
  expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  for (const k of Object.keys(id)) expect({ k, p: placeholders(en[k]) }).toEqual({ k, p: placeholders(id[k]) });
});

test('messages produced by the functions have every placeholder filled, in both languages', () => {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  const samples: unknown[] = [];
  for (const lang of ['id', 'en'] as const) {
    const v: unknown[] = Array(47).fill(2);
    for (const bad of ['belum', null, { code: '#N/A' }, 0, 7, 2.5, 'Leading']) {
      const w = [...v];
      w[3] = bad;
      samples.push(spbeIndex(col(w), undefined, lang));
    }
    samples.push(spbeIndex(col(Array(30).fill(1)), undefined, lang));
    samples.push(spbeIndex(col(Array(37).fill(1)), 'spbe2018', lang));
    samples.push(spbeIndex([[1, 2, 3], [1, 2, 3], [1, 2, 3]], undefined, lang));
    samples.push(spbeIndex(col(v), 'x', lang));
    samples.push(spbeIndex([[1, 2], [1, 3]], undefined, lang));
    samples.push(spbeIndex([[48, 2], [1, 3]], 'spbe2020', lang));
    samples.push(spbeIndex([['7-2', 2], [1, 3]], 'spbe2020', lang));
    samples.push(spbeIndex([['35-9', 2], [1, 3]], 'spbe2018', lang));
    samples.push(spbeIndex([['abc', 2], [1, 3], ['q', 1]], 'spbe2020', lang));
    samples.push(spbeLevel('x', undefined, undefined, lang));
    samples.push(spbePlan(col(v), 'Tingkat 9', undefined, lang));
    samples.push(spbeCheck(col(v), undefined, lang));
  }
  for (const s of samples) {
    const text = isFnError(s) ? s.message : String(s);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text.length).toBeGreaterThan(1);
  }
});
