import { parseIndicatorCode, parseIndicatorKey, parseLevel } from '../../src/core/levels';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { rational } from '../../src/core/rational';
import type { CellValue, Framework } from '../../src/core/types';

function level(v: CellValue, fw: Framework | null = SPBE2020, no?: number) {
  const r = parseLevel(v, fw, no);
  if (!r.ok) throw new Error(`${JSON.stringify(v)} -> ${r.code}`);
  return r.level;
}
function code(v: CellValue, fw: Framework | null = SPBE2020, no?: number) {
  const r = parseLevel(v, fw, no);
  return r.ok ? 'ok' : r.code;
}

describe('indicator numbers', () => {
  test.each([
    [7, '7'], ['7', '7'], ['7.', '7'], [' 7 ', '7'], ['Indikator 7', '7'], ['indikator 7', '7'], ['I7', '7'], ['I 7', '7'],
    ['No. 7', '7'], ['47', '47'], [35, '35'], ['35-2', '35-2'], ['35 - 2', '35-2'], ['35–3', '35-3'], ['35b', '35-2'], ['35a', '35'],
    ['35-1', '35'], [7.0, '7'], ['7)', '7'], ['No 12', '12'], ['Indicator 3', '3'],
  ])('%j is indicator %s', (value, key) => {
    expect(parseIndicatorKey(value as CellValue)?.key).toBe(key);
  });

  test('entries', () => {
    expect(parseIndicatorKey('35-3')).toEqual({ no: 35, entry: 3, key: '35-3' });
    expect(parseIndicatorKey(12)).toEqual({ no: 12, entry: 1, key: '12' });
  });

  test.each([
    ['Aspek 2 - Perencanaan Strategis SPBE'], ['DOMAIN 1 : KEBIJAKAN INTERNAL SPBE'], ['JUMLAH'], ['INDEKS'], ['RATA-RATA'],
    [''], [null], [0], [-3], [2.5], ['3.2'], ['1.1'], ['No'], ['Indikator'], [true], [{ error: '#N/A' }], ['35-0'], ['abc7'],
  ])('%j is no indicator number', (value) => {
    expect(parseIndicatorKey(value as CellValue)).toBeNull();
  });

  test('aspect-indicator codes', () => {
    expect(parseIndicatorCode('3.2')).toEqual({ aspect: 3, index: 2 });
    expect(parseIndicatorCode('4.10')).toEqual({ aspect: 4, index: 10 });
    expect(parseIndicatorCode('7')).toBeNull();
    expect(parseIndicatorCode(3.2)).toBeNull();
  });
});

describe('levels: every spelling', () => {
  test.each([
    [3], ['3'], [3.0], ['3,0'], ['3.00'], ['Tingkat 3'], ['tingkat 3'], ['Level 3'], ['LEVEL 3'], ['III'], ['iii'], ['Tingkat III'],
    ['3 - Terdefinisi'], ['3. Terdefinisi'], ['3 (Terdefinisi)'], ['Tingkat 3 - Terdefinisi'], ['Terdefinisi'], ['TERDEFINISI'],
    ['  Terdefinisi '], ['Tingkat Kematangan 3'], ['Nilai 3'],
  ])('%j is level 3 (process indicator 5)', (v) => {
    expect(level(v as CellValue, SPBE2020, 5)).toEqual(rational(3));
  });

  test('capability names of the indicator’s own set', () => {
    expect(level('Transaksi', SPBE2020, 40)).toEqual(rational(3));
    expect(level('Informasi', SPBE2020, 32)).toEqual(rational(1));
    expect(level('Terpadu dan Terukur', SPBE2020, 3)).toEqual(rational(4));
    expect(level('terpadu & terukur', SPBE2020, 3)).toEqual(rational(4));
    expect(level('Optimum', SPBE2020, 40)).toEqual(rational(5));
    expect(level('Rintisan', SPBE2018, 1)).toEqual(rational(1));
    expect(level('Kolaborasi', SPBE2018, 33)).toEqual(rational(4));
    expect(level('Merintis', PEMDI2026, 3)).toEqual(rational(1));
    expect(level('Transformative', PEMDI2026, 3)).toEqual(rational(5));
    expect(level('Terdefinisi', null)).toEqual(rational(3));
    expect(level('IV', null)).toEqual(rational(4));
  });

  test('pemdi decimals are exact', () => {
    expect(level('1,26', PEMDI2026)).toEqual(rational(126, 100));
    expect(level('1.26', PEMDI2026)).toEqual(rational(126, 100));
    expect(level(1.26, PEMDI2026)).toEqual(rational(126, 100));
    expect(level(2.5, PEMDI2026)).toEqual(rational(5, 2));
    expect(level(5, PEMDI2026)).toEqual(rational(5));
    expect(level(1, PEMDI2026)).toEqual(rational(1));
  });

  test('errors with stable codes', () => {
    expect(code(null)).toBe('LEVEL_BLANK');
    expect(code('')).toBe('LEVEL_BLANK');
    expect(code('   ')).toBe('LEVEL_BLANK');
    expect(code('belum')).toBe('LEVEL_NOT_A_LEVEL');
    expect(code('-')).toBe('LEVEL_NOT_A_LEVEL');
    expect(code('n/a')).toBe('LEVEL_NOT_A_LEVEL');
    expect(code(true)).toBe('LEVEL_NOT_A_LEVEL');
    expect(code({ error: '#N/A' })).toBe('LEVEL_ERROR_VALUE');
    expect(code('#VALUE!')).toBe('LEVEL_ERROR_VALUE');
    expect(code(0)).toBe('LEVEL_OUT_OF_RANGE');
    expect(code(-1)).toBe('LEVEL_OUT_OF_RANGE');
    expect(code('-1')).toBe('LEVEL_OUT_OF_RANGE');
    expect(code(6)).toBe('LEVEL_OUT_OF_RANGE');
    expect(code('Tingkat 6')).toBe('LEVEL_OUT_OF_RANGE');
    expect(code(0.5, PEMDI2026)).toBe('LEVEL_OUT_OF_RANGE');
    expect(code(5.01, PEMDI2026)).toBe('LEVEL_OUT_OF_RANGE');
    expect(code(2.5, SPBE2020)).toBe('LEVEL_FRACTIONAL');
    expect(code('2,5', SPBE2018)).toBe('LEVEL_FRACTIONAL');
    expect(code('Leading', PEMDI2026, 3)).toBe('LEVEL_AMBIGUOUS');
    expect(code('leading', PEMDI2026)).toBe('LEVEL_AMBIGUOUS');
    expect(code('3 - Optimum', SPBE2020, 5)).toBe('LEVEL_AMBIGUOUS');
    expect(code(Number.NaN)).toBe('LEVEL_NOT_A_LEVEL');
  });

  test('failure parameters say why', () => {
    const zero = parseLevel(0, SPBE2018, 1);
    expect(zero).toEqual({ ok: false, code: 'LEVEL_OUT_OF_RANGE', params: { value: '0', reason: 'zero' } });
    const amb = parseLevel('Leading', PEMDI2026, 3);
    expect(amb.ok).toBe(false);
    if (!amb.ok) expect(amb.params.levels).toBe('4, 5');
    const err = parseLevel({ error: '#N/A' }, SPBE2020);
    if (!err.ok) expect(err.params.value).toBe('#N/A');
  });

  test('a number with a name that is another level is ambiguous, the same level is fine', () => {
    expect(code('4 - Terpadu dan Terukur', SPBE2020, 1)).toBe('ok');
    expect(code('2 - Interaksi', SPBE2020, 40)).toBe('ok');
  });

  test('repeated calls give equal results (cached parse)', () => {
    for (let i = 0; i < 3; i++) {
      expect(level('Tingkat 2', SPBE2020, 1)).toEqual(rational(2));
      expect(code('belum', SPBE2020, 1)).toBe('LEVEL_NOT_A_LEVEL');
    }
  });
});
