/** Free sheet and table names under Excel's rules. */
import { freeSheetName, freeTableName, isValidDefinedName, sanitizeSheetName, sheetNameProblem, sheetOfReference } from '../../src/excel/names';
import { fakeSheetNameProblem } from './fake-excel';

describe('sheet names', () => {
  test('the preferred name when free, else numbered, case-insensitively', () => {
    expect(freeSheetName('Analisis Gap', ['Penilaian Mandiri'])).toBe('Analisis Gap');
    expect(freeSheetName('Analisis Gap', ['analisis gap'])).toBe('Analisis Gap (2)');
    expect(freeSheetName('Analisis Gap', ['Analisis Gap', 'ANALISIS GAP (2)'])).toBe('Analisis Gap (3)');
  });

  test('the number always fits in 31 characters', () => {
    const long = 'A'.repeat(31);
    const names = [long];
    for (let i = 2; i <= 12; i++) {
      const n = freeSheetName(long, names);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(sheetNameProblem(n)).toBeNull();
      names.push(n);
    }
    expect(names[names.length - 1]).toBe(`${'A'.repeat(26)} (12)`);
  });

  test('forbidden characters, apostrophes at the edges and over-long names are cleaned', () => {
    expect(sanitizeSheetName("'Gap: 2025/2026?'")).toBe('Gap- 2025-2026-');
    expect(sanitizeSheetName('[x]*\\y')).toBe('-x---y');
    expect(sanitizeSheetName('History')).toBe('Sheet');
    expect(sanitizeSheetName('   ')).toBe('Sheet');
    expect(sanitizeSheetName('x'.repeat(40))).toHaveLength(31);
    // Whatever comes in, Excel (the strict fake's rule) accepts what goes out.
    for (const s of ["''", "a'", 'x'.repeat(35) + "'", 'Σ'.repeat(40), 'a/b\\c[d]e:f*g?h']) {
      expect(fakeSheetNameProblem(sanitizeSheetName(s))).toBeNull();
    }
  });

  test('a reference names its sheet', () => {
    expect(sheetOfReference("='Analisis Gap'!$A$1")).toBe('Analisis Gap');
    expect(sheetOfReference("'It''s'!A1")).toBe("It's");
    expect(sheetOfReference('Sheet1!A1')).toBe('Sheet1');
    expect(sheetOfReference('#REF!')).toBe('#REF');
    expect(sheetOfReference('A1')).toBeNull();
  });
});

describe('table and defined names', () => {
  test('valid names', () => {
    expect(isValidDefinedName('SPBE_Gap')).toBe(true);
    expect(isValidDefinedName('A1')).toBe(false);
    expect(isValidDefinedName('R1C1')).toBe(false);
    expect(isValidDefinedName('1abc')).toBe(false);
    expect(isValidDefinedName('a b')).toBe(false);
  });

  test('a free table name', () => {
    expect(freeTableName('TabelGap', [])).toBe('TabelGap');
    expect(freeTableName('TabelGap', ['tabelgap'])).toBe('TabelGap_2');
    expect(freeTableName('Tabel Gap 2025', [])).toBe('Tabel_Gap_2025');
    expect(freeTableName('2025', [])).toBe('T_2025');
  });
});
