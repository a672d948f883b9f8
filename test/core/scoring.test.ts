import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { fromNumber, rational, toFixed } from '../../src/core/rational';
import { entryWeights, indicatorUplift, predicateFor, score, scoreIndex, type ScoredEntry } from '../../src/core/scoring';
import type { Framework, Rational } from '../../src/core/types';

const lv = (x: number): Rational => fromNumber(x)!;

function uniform(fw: Framework, level: number | Rational, repeats = 1): ScoredEntry[] {
  const l = typeof level === 'number' ? lv(level) : level;
  const out: ScoredEntry[] = fw.indicators.map((i) => ({ key: String(i.no), no: i.no, entry: 1, level: l }));
  for (let k = 2; k <= repeats; k++) out.push({ key: `${fw.repeatable!.indicator}-${k}`, no: fw.repeatable!.indicator, entry: k, level: l });
  return out;
}

function withLevel(entries: ScoredEntry[], key: string, level: number | Rational): ScoredEntry[] {
  return entries.map((e) => (e.key === key ? { ...e, level: typeof level === 'number' ? lv(level) : level } : e));
}

describe('entryWeights', () => {
  test('spbe2020: the regulation\'s weights in percent, exactly (1.30 %, 3.00 % for 42–47)', () => {
    const w = entryWeights(SPBE2020, uniform(SPBE2020, 1));
    expect(w.get('1')).toEqual(rational(13, 10));
    expect(w.get('21')).toEqual(rational(3, 2));
    expect(w.get('32')).toEqual(rational(11, 4));
    expect(w.get('47')).toEqual(rational(3));
    expect(w.size).toBe(47);
  });

  test('spbe2018: aspect 7\'s 20 % is spread evenly over 32, 33, 34 and every indicator-35 entry', () => {
    expect(entryWeights(SPBE2018, uniform(SPBE2018, 1)).get('35')).toEqual(rational(5));
    const two = entryWeights(SPBE2018, uniform(SPBE2018, 1, 2));
    expect(['32', '33', '34', '35', '35-2'].map((k) => two.get(k))).toEqual(Array(5).fill(rational(4)));
    const three = entryWeights(SPBE2018, uniform(SPBE2018, 1, 3));
    expect(['32', '35', '35-3'].map((k) => three.get(k))).toEqual(Array(3).fill(rational(10, 3)));
    // Other aspects are untouched, and the total stays 100 %.
    expect(three.get('31')).toEqual(rational(5));
    let total = rational(0);
    for (const v of three.values()) total = { num: total.num * v.den + v.num * total.den, den: total.den * v.den };
    expect(toFixed(total, 10)).toBe('100.0000000000');
  });

  test('pemdi2026 weights', () => {
    const w = entryWeights(PEMDI2026, uniform(PEMDI2026, 1));
    expect([w.get('6'), w.get('19'), w.get('20')]).toEqual([rational(3), rational(10), rational(15)]);
  });
});

describe('score', () => {
  test.each([SPBE2018, SPBE2020, PEMDI2026].map((fw) => [fw.id, fw] as const))(
    '%s: every level 1 → 1.00 Kurang, every level 5 → 5.00 Memuaskan; every aspect and domain equal',
    (_id, fw) => {
      for (const [level, predicate] of [[1, 'Kurang'], [5, 'Memuaskan']] as const) {
        const s = score(fw, uniform(fw, level));
        expect(s.exact).toEqual(rational(level));
        expect([s.index, s.indexRounded, s.predicate]).toEqual([level, level, predicate]);
        expect(s.aspects.map((a) => a.index)).toEqual(fw.aspects.map(() => level));
        expect(s.domains.map((d) => d.index)).toEqual(fw.domains.map(() => level));
        expect(s.domains.length).toBe(fw.domains.length);
      }
    },
  );

  test('aspects and domains carry number, official name and weight', () => {
    const s = score(SPBE2020, uniform(SPBE2020, 2));
    expect(s.aspects[7]).toMatchObject({ no: 8, name: 'Layanan Publik Berbasis Elektronik', weight: 1800, indexRounded: 2 });
    expect(s.domains[2]).toMatchObject({ no: 3, name: 'Manajemen SPBE', weight: 1650 });
  });

  test('entries in any order give the same result', () => {
    const e = uniform(SPBE2020, 1).map((x, i) => ({ ...x, level: lv((i % 5) + 1) }));
    const reversed = [...e].reverse();
    expect(score(SPBE2020, reversed)).toEqual(score(SPBE2020, e));
  });

  test('index is not a mean of indicator values: heavy indicators count more', () => {
    // Only indicator 20 of pemdi2026 (15 %) at 5: index = 1 + 4 × 0.15 = 1.6
    const s = score(PEMDI2026, withLevel(uniform(PEMDI2026, 1), '20', 5));
    expect(s.exact).toEqual(rational(16, 10));
    expect(s.predicate).toBe('Cukup');
  });

  test('the fast integer path and the bigint path agree (very fine decimals take the bigint path)', () => {
    const fine = rational(BigInt('12345678901234567'), BigInt('10000000000000000')); // 1.2345678901234567
    const e = withLevel(withLevel(uniform(PEMDI2026, 2.5), '3', fine), '20', lv(4.99));
    const s = score(PEMDI2026, e);
    // (2.5·(100 − 5 − 15) + fine·5 + 4.99·15) / 100
    const expected = (BigInt(25) * BigInt(80) * BigInt('1000000000000000') + BigInt('12345678901234567') * BigInt(5) + BigInt(499) * BigInt(15) * BigInt('100000000000000')) ;
    expect(s.exact).toEqual(rational(expected, BigInt('10000000000000000') * BigInt(100)));
    expect(scoreIndex(PEMDI2026, e)).toEqual(s.exact);
    expect(s.aspects[1].exact).toEqual(rational(BigInt('12345678901234567') + BigInt(25) * BigInt('1000000000000000'), BigInt('20000000000000000')));
    expect(s.indexRounded).toBe(Number(toFixed(s.exact, 2)));
  });

  test('spbe2018 with repeats: unreduced or huge-denominator levels (bigint path) give the same result', () => {
    const e = uniform(SPBE2018, 2, 3).map((x, i) => ({ ...x, level: lv((i % 5) + 1) }));
    const big = BigInt(10) ** BigInt(40);
    const unreduced = e.map((x) => ({ ...x, level: { num: x.level.num * big, den: big } }));
    expect(score(SPBE2018, unreduced)).toEqual(score(SPBE2018, e));
    expect(scoreIndex(SPBE2018, unreduced)).toEqual(score(SPBE2018, e).exact);
  });

  test('misuse throws a plain Error: missing, unknown, duplicated or wrongly repeated indicators', () => {
    const e = uniform(SPBE2020, 3);
    expect(() => score(SPBE2020, e.slice(1))).toThrow(/indicator 1 .*missing/);
    expect(() => score(SPBE2020, [...e, { key: '48', no: 48, entry: 1, level: lv(1) }])).toThrow(/no indicator 48/);
    expect(() => score(SPBE2020, [...e, e[4]])).toThrow(/twice/);
    expect(() => score(SPBE2020, [...e, { key: '35-2', no: 35, entry: 2, level: lv(1) }])).toThrow(/entry 2/);
    expect(() => score(SPBE2018, [...uniform(SPBE2018, 1, 3), { key: '35-4', no: 35, entry: 4, level: lv(1) }])).toThrow(/entry 4/);
    expect(() => score(SPBE2018, [...uniform(SPBE2018, 1, 2), { key: '35-2b', no: 35, entry: 2, level: lv(1) }])).toThrow(/twice/);
  });
});

describe('scoreIndex', () => {
  test('equals score().exact', () => {
    const e = uniform(SPBE2018, 1, 3).map((x, i) => ({ ...x, level: lv((i * 7) % 5 + 1) }));
    expect(scoreIndex(SPBE2018, e)).toEqual(score(SPBE2018, e).exact);
  });
});

describe('predicateFor', () => {
  test('returns the band with its aliases; below 1 still the lowest band', () => {
    expect(predicateFor(PEMDI2026, lv(4))).toEqual({ name: 'Memuaskan', aliases: ['Unggul', 'Leading'], min: 400 });
    expect(predicateFor(SPBE2020, lv(0.5)).name).toBe('Kurang');
    expect(predicateFor(SPBE2020, lv(2.6)).name).toBe('Baik');
    expect(predicateFor(SPBE2020, rational(2599999, 1000000)).name).toBe('Cukup');
    expect(predicateFor(SPBE2020, rational(2599999, 1000000), 'rounded').name).toBe('Baik');
  });
});

describe('indicatorUplift', () => {
  test('spbe2020: raising indicator 47 from 1 to 4 gains 3 × 3 % = 0.09 index points', () => {
    expect(indicatorUplift(SPBE2020, uniform(SPBE2020, 1), '47', lv(4))).toEqual(rational(9, 100));
    expect(indicatorUplift(SPBE2020, uniform(SPBE2020, 1), '1', lv(2))).toEqual(rational(13, 1000));
  });

  test('equals the change in the exact index, also for spread entries and decimals', () => {
    const cases: Array<[Framework, ScoredEntry[], string, number]> = [
      [SPBE2018, uniform(SPBE2018, 2, 3), '35-3', 5],
      [SPBE2018, uniform(SPBE2018, 2, 2), '32', 4],
      [SPBE2018, uniform(SPBE2018, 2), '35', 3],
      [PEMDI2026, uniform(PEMDI2026, 1.26), '12', 2],
      [SPBE2020, uniform(SPBE2020, 3), '14', 1],
    ];
    for (const [fw, e, key, to] of cases) {
      const before = score(fw, e).exact;
      const after = score(fw, withLevel(e, key, to)).exact;
      const diff = rational(after.num * before.den - before.num * after.den, after.den * before.den);
      expect([fw.id, key, indicatorUplift(fw, e, key, lv(to))]).toEqual([fw.id, key, diff]);
    }
  });

  test('an unknown key throws', () => {
    expect(() => indicatorUplift(SPBE2020, uniform(SPBE2020, 1), '35-2', lv(2))).toThrow(/no entry/);
  });
});

describe('a new framework is data only', () => {
  // A toy regulation: 2 domains, 3 aspects, 5 indicators, indicator 5 repeatable twice.
  const TOY: Framework = {
    id: 'toy2030',
    name: 'Toy (PermenPANRB 99/2030)',
    regulation: { title: 'Peraturan Menteri PANRB Nomor 99 Tahun 2030', number: '99/2030', year: 2030, subject: 'Toy', usedFor: '2031–' },
    values: 'whole',
    domains: [
      { no: 1, name: 'D1', weight: 4000 },
      { no: 2, name: 'D2', weight: 6000 },
    ],
    aspects: [
      { no: 1, name: 'A1', weight: 4000, domain: 1 },
      { no: 2, name: 'A2', weight: 2000, domain: 2 },
      { no: 3, name: 'A3', weight: 4000, domain: 2 },
    ],
    indicators: [
      { no: 1, name: 'Tingkat Kematangan Satu', aspect: 1, domain: 1, weight: 1000, levelNames: 'x' },
      { no: 2, name: 'Tingkat Kematangan Dua', aspect: 1, domain: 1, weight: 3000, levelNames: 'x' },
      { no: 3, name: 'Tingkat Kematangan Tiga', aspect: 2, domain: 2, weight: 2000, levelNames: 'x' },
      { no: 4, name: 'Tingkat Kematangan Empat', aspect: 3, domain: 2, weight: 2000, levelNames: 'x' },
      { no: 5, name: 'Tingkat Kematangan Lima', aspect: 3, domain: 2, weight: 2000, levelNames: 'x' },
    ],
    levelNames: { x: ['a', 'b', 'c', 'd', 'e'] },
    predicates: [
      { name: 'Low', min: 100 },
      { name: 'High', min: 300 },
    ],
    repeatable: { indicator: 5, maxEntries: 2, rule: 'spread-aspect-evenly' },
  };

  test('scores with the same engine, no code change', () => {
    const e: ScoredEntry[] = [1, 5, 2, 3, 4, 1].map((v, i) =>
      i < 5 ? { key: String(i + 1), no: i + 1, entry: 1, level: lv(v) } : { key: '5-2', no: 5, entry: 2, level: lv(v) },
    );
    const s = score(TOY, e);
    // A1 = (1·10 + 5·30)/40 = 4; A2 = 2; A3 = mean(3, 4, 1) = 8/3; D1 = 4; D2 = (2·20 + 8/3·40)/60 = 2.4444…
    expect(s.aspects.map((a) => a.exact)).toEqual([rational(4), rational(2), rational(8, 3)]);
    expect(s.domains.map((d) => d.exact)).toEqual([rational(4), rational(22, 9)]);
    expect(s.exact).toEqual(rational(3 * 160 + 3 * 40 + 320, 300)); // (160 + 40 + 320/3) / 100
    expect([toFixed(s.exact, 2), s.predicate]).toEqual(['3.07', 'High']);
    expect(entryWeights(TOY, e).get('5-2')).toEqual(rational(40, 3));
  });
});
