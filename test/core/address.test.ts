import { a1, cellRef, columnLetter, parseA1, rangeA1, sheetRef } from '../../src/core/address';

describe('A1 addresses', () => {
  test('column letters', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
    expect(() => columnLetter(-1)).toThrow();
  });

  test('cell addresses round-trip', () => {
    expect(a1(6, 6)).toBe('G7');
    expect(a1(0, 0)).toBe('A1');
    expect(parseA1('G7')).toEqual({ row: 6, col: 6 });
    expect(parseA1('$AA$10')).toEqual({ row: 9, col: 26 });
    expect(parseA1(' g7 ')).toEqual({ row: 6, col: 6 });
    for (const [r, c] of [[0, 0], [99, 27], [1048575, 16383]]) expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
  });

  test('non-addresses are null', () => {
    for (const t of ['', 'G', '7', 'G0', 'XFE1', 'A1:B2', 'Tingkat', 'A1048577']) expect(parseA1(t)).toBeNull();
  });

  test('ranges and sheet references', () => {
    expect(rangeA1({ top: 6, left: 1, bottom: 11, right: 5 })).toBe('B7:F12');
    expect(rangeA1({ top: 6, left: 6, bottom: 6, right: 6 })).toBe('G7');
    expect(sheetRef('Rekap')).toBe('Rekap');
    expect(sheetRef('Penilaian Mandiri')).toBe("'Penilaian Mandiri'");
    expect(sheetRef("Kab's")).toBe("'Kab''s'");
    expect(cellRef('Penilaian Mandiri', 'F7')).toBe("'Penilaian Mandiri'!F7");
  });
});
