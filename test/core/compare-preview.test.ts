/**
 * The transition preview: a 59/2020 assessment seen under 8/2026 (and a 5/2018 one under 59/2020), as a
 * range with both ends worked out by hand, labelled an estimate, listing what must now be assessed.
 * The rule under test: an indicator valued by another agency counts as its given value, else 1, at both
 * ends (even when the crosswalk matches it); a matched indicator carries the mean of its old levels; a new
 * one is 1 at the low end and 5 at the high end.
 */
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { div, mul, rational, sum, toFixed } from '../../src/core/rational';
import type { Framework, Rational } from '../../src/core/types';
import { previewTransition } from '../../src/core/compare-preview';
import { describePreview } from '../../src/core/compare-text';
import { ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026, R, sideOf, uniform } from './compare-data';

function indexOn(fw: Framework, levels: Record<number, Rational>): Rational {
  return div(sum(fw.indicators.map((i) => mul(rational(i.weight, 100), levels[i.no]))), rational(100));
}

describe('Aceh Tengah 2025 (59/2020, official 2.59) previewed under 8/2026', () => {
  const p = previewTransition(sideOf(SPBE2020, ACEH_TENGAH_2025))!;
  // Carried by hand from the crosswalk (see compare.test.ts); 5, 6, 7, 18 valued elsewhere: 1; 8 and 20 unknown.
  const known: Record<number, Rational> = {
    1: R(7, 5), 2: R(1), 3: R(1), 4: R(3), 5: R(1), 6: R(1), 7: R(1), 9: R(1), 10: R(3, 2), 11: R(1), 12: R(1),
    13: R(1), 14: R(5, 2), 15: R(1), 16: R(2), 17: R(19, 5), 18: R(1), 19: R(5, 2),
  };

  test('a range, never one value: 1.517 (Cukup) to 2.277 (Cukup)', () => {
    const low = indexOn(PEMDI2026, { ...known, 8: R(1), 20: R(1) });
    const high = indexOn(PEMDI2026, { ...known, 8: R(5), 20: R(5) });
    expect(p.low.exact).toEqual(low);
    expect(p.high.exact).toEqual(high);
    expect([toFixed(low, 3), toFixed(high, 3)]).toEqual(['1.517', '2.277']);
    expect([p.low.predicate, p.high.predicate]).toEqual(['Cukup', 'Cukup']);
    expect([p.low.indexRounded, p.high.indexRounded]).toEqual([1.52, 2.28]);
    expect(p.low.domains).toEqual([]);
    expect(p.low.aspects.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('labelled an estimate, not an official value, in both languages', () => {
    expect(p.estimate).toBe(true);
    expect(p.label).toEqual({ id: 'Perkiraan, bukan nilai resmi', en: 'An estimate, not an official value' });
    expect([p.from.id, p.to.id]).toEqual(['spbe2020', 'pemdi2026']);
  });

  test('what the agency must now assess: 8 Pelindungan Data Pribadi and 20 Pengelolaan Kepuasan Pengguna (19 %)', () => {
    expect(p.mustAssess.map((r) => [r.no, r.status, r.low, r.high])).toEqual([
      [8, 'unknown', R(1), R(5)],
      [20, 'unknown', R(1), R(5)],
    ]);
    expect(sum(p.mustAssess.map((r) => r.weight))).toEqual(R(19));
  });

  test('indicators valued by other agencies count as 1 at both ends, even 5 and 18 that the crosswalk matches', () => {
    expect(p.valuedElsewhere.map((r) => [r.no, r.status, r.low, r.high])).toEqual([
      [5, 'valued-elsewhere', R(1), R(1)],
      [6, 'valued-elsewhere', R(1), R(1)],
      [7, 'valued-elsewhere', R(1), R(1)],
      [18, 'valued-elsewhere', R(1), R(1)],
    ]);
    // the carried level is still shown, for the record
    expect(p.indicators[4].carried).toEqual(R(8, 3));
    expect(p.indicators[17].carried).toEqual(R(2));
    expect(p.partial.map((r) => r.no)).toEqual([1, 2, 4, 5, 11, 12, 15, 16, 17, 18, 19]);
    expect(p.removed).toEqual([]);
  });

  test('a known value of an indicator valued elsewhere counts at both ends', () => {
    const given = previewTransition(sideOf(SPBE2020, ACEH_TENGAH_2025), { valued: new Map([[5, R(35, 10)], [6, R(2)]]) })!;
    expect(given.valuedElsewhere.map((r) => r.status)).toEqual(['given', 'given', 'valued-elsewhere', 'valued-elsewhere']);
    // + 5 % × 2.5 + 3 % × 1
    expect(given.low.exact).toEqual(R(1517 + 155, 1000));
    expect(given.high.exact).toEqual(R(2277 + 155, 1000));
    expect(() => previewTransition(sideOf(SPBE2020, ACEH_TENGAH_2025), { valued: new Map([[8, R(2)]]) })).toThrow(/not valued by another agency/);
    expect(() => previewTransition(sideOf(SPBE2020, ACEH_TENGAH_2025), { valued: new Map([[5, R(6)]]) })).toThrow(/outside 1–5/);
  });

  test('in words, both languages: estimate, range, rule, what to assess, who values what', () => {
    const id = describePreview(p, 'id').join('\n');
    expect(id).toContain('Perkiraan, bukan nilai resmi');
    expect(id).toContain('antara 1,52 (Cukup) dan 2,28 (Cukup)');
    expect(id).toContain('Harus dinilai untuk pertama kali: 2 indikator, bobot 19 %');
    expect(id).toContain('Pelindungan Data Pribadi (4 %)');
    expect(id).toContain('Tata Kelola Data — indeks Satu Data Indonesia (SDI): dihitung 1 sampai nilainya tersedia');
    const en = describePreview(p, 'en').join('\n');
    expect(en).toContain('An estimate, not an official value');
    expect(en).toContain('between 1.52 (Cukup) and 2.28 (Cukup)');
    expect(en).toContain('the low end counts them at 1, the high end at 5');
    expect(en).toContain('Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah (15 %)');
    expect(`${id}\n${en}`).not.toMatch(/\{\w+\}/);
  });
});

describe('other previews', () => {
  test('a perfect 59/2020 agency cannot reach 5 before the other agencies\' values arrive: 3.68 to 4.44', () => {
    const p = previewTransition(sideOf(SPBE2020, uniform(SPBE2020, 5)))!;
    // valued elsewhere (5 + 3 + 3 + 3 = 14 %) at 1; unknown (19 %) at 1 or 5; the rest (67 %) at 5
    expect(p.low.exact).toEqual(R(368, 100));
    expect(p.high.exact).toEqual(R(444, 100));
    expect([p.low.predicate, p.high.predicate]).toEqual(['Sangat Baik', 'Memuaskan']);
  });

  test('Denpasar 2018 previewed under 59/2020: the 19 new indicators span 2.075 (Cukup) to 3.373 (Baik)', () => {
    const p = previewTransition(sideOf(SPBE2018, DENPASAR_2018))!;
    expect(p.to.id).toBe('spbe2020');
    expect(p.low.exact).toEqual(R(2075, 1000)); // matched Σ 1.7505 + 32.45 % × 1
    expect(p.high.exact).toEqual(R(3373, 1000)); // + 32.45 % × 5
    expect([p.low.predicate, p.high.predicate]).toEqual(['Cukup', 'Baik']);
    expect(p.mustAssess).toHaveLength(19);
    expect(p.valuedElsewhere).toEqual([]);
    expect(p.removed.map((r) => r.no)).toEqual([2, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(describePreview(p, 'en').join('\n')).toContain('No longer counted: 12 indicators (2, 4, 8–17).');
  });

  test('the newest regulation has nothing to preview; a regulation can be chosen', () => {
    expect(previewTransition(sideOf(PEMDI2026, PEMDI_SAMPLE_2026))).toBeNull();
    expect(previewTransition(sideOf(SPBE2020, ACEH_TENGAH_2025), { to: SPBE2018 })).toBeNull();
    const twoSteps = previewTransition(sideOf(SPBE2018, DENPASAR_2018), { to: PEMDI2026, basis: 'rounded' })!;
    expect(twoSteps.to.id).toBe('pemdi2026');
    expect(twoSteps.basis).toBe('rounded');
  });
});
