import { FRAMEWORKS, getFramework, PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import type { Framework } from '../../src/core/types';

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0);

describe.each(FRAMEWORKS.map((fw) => [fw.id, fw] as const))('framework %s', (_id, fw: Framework) => {
  test('indicator weights sum to exactly 100 % (10000 basis points), all integers', () => {
    expect(fw.indicators.every((i) => Number.isInteger(i.weight) && i.weight > 0)).toBe(true);
    expect(sum(fw.indicators.map((i) => i.weight))).toBe(10000);
  });

  test('each aspect weight is the sum of its indicators, and aspects sum to 100 %', () => {
    for (const a of fw.aspects) {
      expect([a.no, sum(fw.indicators.filter((i) => i.aspect === a.no).map((i) => i.weight))]).toEqual([a.no, a.weight]);
    }
    expect(sum(fw.aspects.map((a) => a.weight))).toBe(10000);
  });

  test('each domain weight is the sum of its aspects; indicators repeat their aspect\'s domain', () => {
    for (const d of fw.domains) {
      expect([d.no, sum(fw.aspects.filter((a) => a.domain === d.no).map((a) => a.weight))]).toEqual([d.no, d.weight]);
    }
    if (fw.domains.length > 0) expect(sum(fw.domains.map((d) => d.weight))).toBe(10000);
    for (const i of fw.indicators) {
      const aspect = fw.aspects.find((a) => a.no === i.aspect);
      expect(aspect).toBeDefined();
      expect(i.domain).toBe(aspect!.domain);
    }
  });

  test('indicator, aspect and domain numbers are 1..N and contiguous', () => {
    expect(fw.indicators.map((i) => i.no)).toEqual(fw.indicators.map((_, k) => k + 1));
    expect(fw.aspects.map((a) => a.no)).toEqual(fw.aspects.map((_, k) => k + 1));
    expect(fw.domains.map((d) => d.no)).toEqual(fw.domains.map((_, k) => k + 1));
  });

  test('every indicator has a full official name beginning "Tingkat Kematangan" and a known level-name set', () => {
    for (const i of fw.indicators) {
      expect(i.name).toMatch(/^Tingkat Kematangan \S/);
      expect(i.name).not.toContain('…');
      expect(fw.levelNames[i.levelNames]).toHaveLength(5);
    }
    expect(new Set(fw.indicators.map((i) => i.name)).size).toBe(fw.indicators.length);
  });

  test('predicate bands ascend, start at 1.00 and end with Memuaskan', () => {
    const mins = fw.predicates.map((p) => p.min);
    expect(mins).toEqual([...mins].sort((a, b) => a - b));
    expect(mins[0]).toBe(100);
    expect(fw.predicates.map((p) => p.name)).toEqual(['Kurang', 'Cukup', 'Baik', 'Sangat Baik', 'Memuaskan']);
  });

  test('cites its regulation', () => {
    expect(fw.regulation.title).toMatch(/^Peraturan Menteri PANRB Nomor \d+ Tahun \d{4}$/);
    expect(fw.regulation.number).toBe(`${/Nomor (\d+)/.exec(fw.regulation.title)![1]}/${fw.regulation.year}`);
    expect(fw.name).toContain(fw.regulation.number);
  });
});

describe('spbe2020 (PermenPANRB 59/2020)', () => {
  const w = (no: number) => SPBE2020.indicators[no - 1].weight;
  test('structure and weights of the regulation', () => {
    expect([SPBE2020.domains.length, SPBE2020.aspects.length, SPBE2020.indicators.length]).toEqual([4, 8, 47]);
    expect(w(1)).toBe(130);
    expect(w(11)).toBe(250);
    expect(w(21)).toBe(150);
    expect(w(32)).toBe(275);
    expect(SPBE2020.domains.map((d) => d.weight)).toEqual([1300, 2500, 1650, 4550]);
  });
  test('indicators 42–47 weigh 3.00 %, not the 3.50 % typo of the 2023/2024 reports', () => {
    for (let no = 42; no <= 47; no++) expect(w(no)).toBe(300);
  });
  test('"…" in names is expanded to "Instansi Pusat/Pemerintah Daerah"', () => {
    expect(SPBE2020.indicators[0].name).toBe('Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah');
    expect(SPBE2020.indicators[18].name).toBe('Tingkat Kematangan Pelaksanaan Tim Koordinasi SPBE Instansi Pusat/Pemerintah Daerah');
    expect(SPBE2020.indicators[43].name).toBe('Tingkat Kematangan Jaringan Dokumentasi dan Informasi Hukum (JDIH)');
  });
  test('process level names for 1–31, service level names for 32–47', () => {
    expect(SPBE2020.levelNames[SPBE2020.indicators[30].levelNames]).toEqual(['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum']);
    expect(SPBE2020.levelNames[SPBE2020.indicators[31].levelNames]).toEqual(['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimum']);
  });
  test('predicate bands: Kurang <1.8, Cukup 1.8, Baik 2.6, Sangat Baik 3.5, Memuaskan 4.2', () => {
    expect(SPBE2020.predicates.map((p) => p.min)).toEqual([100, 180, 260, 350, 420]);
    expect(SPBE2020.values).toBe('whole');
    expect(SPBE2020.repeatable).toBeUndefined();
  });
});

describe('spbe2018 (PermenPANRB 5/2018)', () => {
  test('structure, weights and the repeatable indicator 35', () => {
    expect([SPBE2018.domains.length, SPBE2018.aspects.length, SPBE2018.indicators.length]).toEqual([3, 7, 35]);
    expect(SPBE2018.domains.map((d) => d.weight)).toEqual([1700, 2800, 5500]);
    expect(SPBE2018.aspects.map((a) => a.weight)).toEqual([700, 1000, 800, 800, 1200, 3500, 2000]);
    expect(SPBE2018.repeatable).toEqual({ indicator: 35, maxEntries: 3, rule: 'spread-aspect-evenly' });
    expect(SPBE2018.indicators[34].name).toBe('Tingkat Kematangan Layanan Publik Instansi Pemerintah');
    expect(SPBE2018.predicates.map((p) => p.min)).toEqual([100, 180, 260, 350, 420]);
  });
});

describe('pemdi2026 (PermenPANRB 8/2026)', () => {
  test('structure: 7 aspects, 20 indicators, no domains, decimal values', () => {
    expect([PEMDI2026.domains.length, PEMDI2026.aspects.length, PEMDI2026.indicators.length]).toEqual([0, 7, 20]);
    expect(PEMDI2026.values).toBe('decimal');
    expect(PEMDI2026.indicators.every((i) => i.domain === undefined && i.aspect >= 1)).toBe(true);
    expect(PEMDI2026.indicators.map((i) => i.weight / 100)).toEqual([5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15]);
  });
  test('notes on indicators fed by other indices (5, 6, 7, 18) and on IKASANDI (10–12)', () => {
    const noted = PEMDI2026.indicators.filter((i) => i.note).map((i) => i.no);
    expect(noted).toEqual([5, 6, 7, 10, 11, 12, 18]);
    for (const no of [5, 6, 7, 18]) expect(PEMDI2026.indicators[no - 1].note?.id).toMatch(/dihitung 1/);
    for (const no of [10, 11, 12]) expect(PEMDI2026.indicators[no - 1].note?.en).toMatch(/IKASANDI/);
  });
  test('5, 6, 7 and 18 are valued by another agency\'s index, named in both languages and in their note', () => {
    expect(PEMDI2026.indicators.filter((i) => i.valuedBy).map((i) => i.no)).toEqual([5, 6, 7, 18]);
    for (const no of [5, 6, 7, 18]) {
      const d = PEMDI2026.indicators[no - 1];
      expect(d.note?.id).toContain(d.valuedBy!.id);
      expect(d.note?.en).toContain(d.valuedBy!.en);
    }
    expect(PEMDI2026.indicators[4].valuedBy).toEqual({ id: 'indeks Satu Data Indonesia (SDI)', en: 'the One Data Indonesia (SDI) index' });
    // IKASANDI is related, but indicators 10–12 are assessed at the agency: not valued by another index
    for (const no of [10, 11, 12]) expect(PEMDI2026.indicators[no - 1].valuedBy).toBeUndefined();
    for (const fw of [SPBE2018, SPBE2020]) expect(fw.indicators.some((i) => i.valuedBy)).toBe(false);
  });
  test('predicates with their alternative labels; "Leading" is an ambiguous level word', () => {
    expect(PEMDI2026.predicates.map((p) => [p.name, p.min, p.aliases])).toEqual([
      ['Kurang', 100, ['Merintis', 'Initiate']],
      ['Cukup', 150, ['Membangun', 'Emerging']],
      ['Baik', 250, ['Berkembang', 'Developing']],
      ['Sangat Baik', 350, ['Melembaga', 'Embedded']],
      ['Memuaskan', 400, ['Unggul', 'Leading']],
    ]);
    expect(PEMDI2026.ambiguousLevelWords).toEqual(['Leading']);
    const sets = Object.values(PEMDI2026.levelNames);
    expect(sets.filter((s) => s.includes('Leading')).map((s) => s.indexOf('Leading') + 1).sort()).toEqual([4, 5]);
  });
});

describe('getFramework', () => {
  test.each([
    ['spbe2020', 'spbe2020'],
    ['SPBE2020', 'spbe2020'],
    ['  Spbe2018 ', 'spbe2018'],
    ['PEMDI2026', 'pemdi2026'],
    ['spbe-2020', 'spbe2020'],
    ['59/2020', 'spbe2020'],
    ['59 2020', 'spbe2020'],
    ['PermenPANRB 59/2020', 'spbe2020'],
    ['Permen PAN-RB No. 59 Tahun 2020', 'spbe2020'],
    ['Nomor 59 Tahun 2020', 'spbe2020'],
    ['Peraturan Menteri PANRB Nomor 59 Tahun 2020', 'spbe2020'],
    ['5/2018', 'spbe2018'],
    ['PermenPANRB 5/2018', 'spbe2018'],
    ['8/2026', 'pemdi2026'],
    ['Nomor 8 Tahun 2026', 'pemdi2026'],
  ])('%j → %s', (text, id) => {
    expect(getFramework(text)?.id).toBe(id);
  });

  test.each(['', '   ', 'spbe', '2020', '59', '60/2020', '59/2021', 'spbe2019', 'hello 59/2020 world'])('%j → null', (text) => {
    expect(getFramework(text)).toBeNull();
  });
});
