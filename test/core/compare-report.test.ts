/**
 * The comparison in words (id and en) and as the JSON object of `spbe compare --json`: what a user reads
 * must say how the index moved, what each effect accounts for, the top movers, what is new, and across
 * regulations that the crosswalk is a correspondence by subject; the JSON keeps exact values as numbers.
 */
import { assess } from '../../src/core/assess';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { toNumber } from '../../src/core/rational';
import { toIndexReport } from '../../src/core/report';
import { comparableSide, compareAssessments, orderNotes, orderSides } from '../../src/core/compare';
import { describeComparison } from '../../src/core/compare-text';
import { previewTransition } from '../../src/core/compare-preview';
import { toComparisonReport } from '../../src/core/compare-report';
import { acehTengahGrid, denpasarGrid } from './grid-builders';
import { ACEH_TENGAH_2025, DENPASAR_2018, PEMDI_SAMPLE_2026, R, sideOf, uniform } from './compare-data';

const later = { ...ACEH_TENGAH_2025, 11: 2, 21: 2, 22: 2, 23: 2, 38: 1 };
const sameFw = compareAssessments(sideOf(SPBE2020, ACEH_TENGAH_2025), sideOf(SPBE2020, later));

const DENPASAR_AFTER = uniform(SPBE2020, 1, {
  1: 1, 2: 1, 4: 3, 5: 2, 7: 3, 10: 1, 11: 2, 12: 2, 13: 3, 14: 3, 15: 2, 16: 3, 18: 2, 19: 1,
  32: 4, 33: 4, 34: 4, 35: 4, 36: 1, 37: 3, 39: 3, 40: 3, 41: 3, 42: 3, 44: 2, 45: 3, 46: 3, 47: 3,
});
const across = compareAssessments(sideOf(SPBE2018, DENPASAR_2018), sideOf(SPBE2020, DENPASAR_AFTER));
const toPemdi = compareAssessments(sideOf(SPBE2020, ACEH_TENGAH_2025), sideOf(PEMDI2026, PEMDI_SAMPLE_2026));

const all = (lines: string[]): string => lines.join('\n');

describe('the comparison in words', () => {
  test('within one framework: the move, that it is all level changes, the top movers, aspects and domains', () => {
    const id = all(describeComparison(sameFw, 'id'));
    expect(id).toContain('Perbandingan dua penilaian, Indeks SPBE (PermenPANRB 59/2020)');
    expect(id).toContain('Indeks: 2,59 (Cukup) → 2,64 (Baik), perubahan +0,04');
    // 2.64 − 2.59 shows 0.05 while the exact change is 0.0425: said, not hidden
    expect(id).toContain('Perubahan dihitung dari nilai penuh (0,0425)');
    expect(id).toContain('Seluruh perubahan berasal dari perubahan tingkat indikator: +0,04 (kerangka yang sama).');
    const movers = describeComparison(sameFw, 'en');
    const top = movers.indexOf('The indicators that moved the index most (index points):');
    expect(movers.slice(top + 1, top + 6).map((l) => l.trim().split(/\s+/)[0])).toEqual(['38', '11', '21', '22', '23']);
    expect(movers[top + 1]).toMatch(/^\s+38\s+2 → 1\s+-0\.028\s+Layanan Pengelolaan Barang Milik Negara\/Daerah$/);
    expect(all(movers)).toMatch(/Aspects \(before → after\):\n\s+1\s+2\.30 →\s+2\.30\s+0\.00\s+Kebijakan Internal Tata Kelola SPBE/);
    expect(all(movers)).not.toMatch(/regulation/);
  });

  test('5/2018 → 59/2020 in English: both effects, top movers, what is new by aspect, partial, removed, by subject', () => {
    const en = all(describeComparison(across, 'en'));
    expect(en).toContain('A comparison across regulations: Indeks SPBE (PermenPANRB 5/2018) → Indeks SPBE (PermenPANRB 59/2020)');
    expect(en).toContain('Index: 2.64 (Baik) → 2.14 (Cukup), change -0.51');
    expect(en).toContain('The change of regulation alone: -0.57 (the index under 59/2020 on the old levels: 2.08).');
    expect(en).toContain("The agency's own level changes: +0.06.");
    expect(en).toMatch(/ 45\s+2\.33 → 3\s+\+0\.020\s+Layanan Publik Sektor 1 \(compared with 35\)/);
    expect(en).toContain('The change is computed from the full values (-0.505), so it may differ by 0.01');
    expect(en).toContain('New in 59/2020: 19 indicators, weight 32.45 %; their effect on the change of regulation -0.53:');
    expect(en).toContain('Aspect 5 Penerapan Manajemen SPBE (all new): no. 21–28, average level now 1.00: -0.20');
    expect(en).toContain('Aspect 6 Pelaksanaan Audit TIK (all new): no. 29–31, average level now 1.00: -0.07');
    expect(en).toContain('Matched only partly (11 indicators; the old level is a rough comparison): 1, 2, 4, 7, 11, 12, 15, 18, 39–41.');
    expect(en).toContain('No longer assessed in 59/2020: 12 indicators of 5/2018 (2, 4, 8–17).');
    expect(en).toMatch(/Domains \(before: from the 5\/2018 levels of the matched indicators; "–" when none is matched\):/);
    expect(en).toMatch(/\n\s+3\s+– →\s+1\.00\s+Manajemen SPBE/);
    expect(en).toContain('the crosswalk is a correspondence by subject');
    expect(en).toContain('Indicator 35 was scored for 3 services (35, 35-2, 35-3); their mean, 2.33, is the before level of no. 45–47.');
  });

  test('5/2018 → 59/2020 in Indonesian, with decimal commas', () => {
    const id = all(describeComparison(across, 'id'));
    expect(id).toContain('Indeks: 2,64 (Baik) → 2,14 (Cukup), perubahan -0,51');
    expect(id).toContain('Perubahan regulasi saja: -0,57 (indeks menurut 59/2020 dengan tingkat lama: 2,08).');
    expect(id).toContain('Perubahan tingkat indikator oleh instansi: +0,06.');
    expect(id).toContain('Aspek 5 Penerapan Manajemen SPBE (seluruhnya baru): nomor 21–28, tingkat rata-rata sekarang 1,00: -0,20');
    expect(id).toContain('padanan indikator adalah kesesuaian menurut pokok bahasan');
    expect(id).toContain('Hanya sebagian cocok (11 indikator; tingkat lamanya pembanding kasar)');
    expect(id).toContain('Tidak dinilai lagi dalam 59/2020: 12 indikator 5/2018 (2, 4, 8–17).');
  });

  test('59/2020 → 8/2026: the part of the level change from indicators valued by other agencies; no domains', () => {
    const en = all(describeComparison(toPemdi, 'en'));
    expect(en).toContain('Index: 2.59 (Cukup) → 2.02 (Cukup), change -0.57');
    expect(en).toContain('The change of regulation alone: -0.77 (the index under 8/2026 on the old levels: 1.82).');
    expect(en).toContain('Level changes: +0.20, of which -0.11 from indicators valued by other agencies (no. 5, 18).');
    expect(en).toContain('New in 8/2026: 4 indicators, weight 25 %');
    expect(en).not.toContain('Domains');
    const id = all(describeComparison(toPemdi, 'id'));
    expect(id).toContain('di antaranya -0,11 dari indikator yang dinilai instansi lain (nomor 5, 18)');
  });

  test('no placeholder, "undefined" or "NaN" reaches a reader', () => {
    for (const c of [sameFw, across, toPemdi]) {
      for (const lang of ['id', 'en'] as const) expect(all(describeComparison(c, lang))).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });
});

describe('the JSON object of `spbe compare --json`', () => {
  const before = assess([denpasarGrid()]);
  const after = assess([acehTengahGrid()]);
  const c = compareAssessments(comparableSide(before)!, comparableSide(after)!);
  const sides = { before: toIndexReport('denpasar-2018.xlsx', before, 'en'), after: toIndexReport('aceh-tengah-2025.xlsx', after, 'en') };
  const preview = previewTransition(comparableSide(after)!)!;
  const report = toComparisonReport(c, sides, { lang: 'en', estimate: preview });

  test('plain data: JSON keeps it whole, with the fields of the contract', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(Object.keys(report)).toEqual(['before', 'after', 'kind', 'delta', 'deltaRounded', 'effects', 'regulationIndex', 'indicators', 'aspects', 'domains', 'estimate', 'issues']);
    expect(report.before.file).toBe('denpasar-2018.xlsx');
    expect(report.after.index).toBe(2.594);
    expect(report.delta).toBe(toNumber(c.delta));
    expect(report.effects).toEqual({ levels: toNumber(c.effects.levels), framework: toNumber(c.effects.framework) });
  });

  test('indicators: one per 59/2020 indicator with exact numbers, then the removed ones with after null', () => {
    expect(report.indicators).toHaveLength(47 + 12);
    expect(report.indicators[44]).toEqual({
      no: 45, name: 'Tingkat Kematangan Layanan Publik Sektor 1', before: 7 / 3, after: 4, change: 5 / 3, contribution: 0.05,
      relation: 'same-subject', from: [35], weight: 3, frameworkShare: toNumber(c.indicators[44].frameworkShare), basis: 'subject', valuedElsewhere: false,
    });
    expect(report.indicators[0]).toMatchObject({ no: 1, before: 1, after: 2, relation: 'partial', from: [3], basis: 'official' });
    expect(report.indicators[2]).toMatchObject({ no: 3, before: null, change: null, contribution: null, relation: 'new', from: [] });
    expect(report.indicators[47]).toEqual({
      no: 2, name: 'Tingkat Kematangan Kebijakan Internal Inovasi Proses Bisnis Terintegrasi', before: 1, after: null, change: null,
      contribution: null, relation: 'removed', from: [2], weight: 1, frameworkShare: null, basis: null, valuedElsewhere: false,
    });
  });

  test('aspects and domains say where their before value comes from; the estimate is the preview, labelled', () => {
    expect(report.aspects[4]).toMatchObject({ no: 5, before: null, change: null, beforeBasis: 'matched' });
    expect(report.domains).toHaveLength(4);
    expect(report.estimate).toMatchObject({
      estimate: true, label: 'An estimate, not an official value', from: 'spbe2020', framework: 'pemdi2026',
      low: { index: 1.517, indexRounded: 1.52, predicate: 'Cukup' }, high: { index: 2.277, indexRounded: 2.28, predicate: 'Cukup' },
      partial: [1, 2, 4, 5, 11, 12, 15, 16, 17, 18, 19], removed: [],
    });
    expect(report.estimate!.mustAssess.map((r) => r.no)).toEqual([8, 20]);
    expect(report.estimate!.valuedElsewhere[0]).toEqual({ no: 5, name: 'Tingkat Kematangan Tata Kelola Data', weight: 5, source: 'the One Data Indonesia (SDI) index', value: null });
  });

  test('issues: the notes in the chosen language, order notes first', () => {
    expect(report.issues.map((i) => i.code)).toEqual(['CROSSWALK_BY_SUBJECT', 'INDICATORS_NEW', 'INDICATORS_PARTIAL', 'INDICATORS_REMOVED', 'SERVICES_AVERAGED']);
    expect(report.issues[0]).toMatchObject({ severity: 'info', cell: null, indicator: null, indicators: [] });
    expect(report.issues[1].indicators).toHaveLength(19);
    const a = { side: 'x', framework: SPBE2020, year: null };
    const b = { side: 'y', framework: SPBE2020, year: null };
    const id = toComparisonReport(sameFw, { before: null, after: null }, { notes: orderNotes(a, b, orderSides(a, b)) });
    expect(id.issues.map((i) => [i.code, i.message])).toEqual([['ORDER_OF_ARGUMENTS', 'Tahun penilaian tidak ditemukan: yang disebut pertama dipakai sebagai "sebelum".']]);
    expect(id.estimate).toBeNull();
    expect(id.kind).toBe('same-framework');
    expect(id.effects.framework).toBe(0);
  });

  test('deltaRounded is half-up from the exact delta (0.005 → 0.01, -0.005 → -0.01)', () => {
    const base = uniform(PEMDI2026, 1);
    const up = compareAssessments(sideOf(PEMDI2026, base), sideOf(PEMDI2026, { ...base, 1: R(11, 10) }));
    expect(up.delta).toEqual(R(5, 1000));
    expect(toComparisonReport(up, { before: null, after: null }).deltaRounded).toBe(0.01);
    const down = compareAssessments(sideOf(PEMDI2026, { ...base, 1: R(11, 10) }), sideOf(PEMDI2026, base));
    expect(toComparisonReport(down, { before: null, after: null }).deltaRounded).toBe(-0.01);
  });
});
