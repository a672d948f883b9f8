/** Free sheet and table names under Excel's rules, and the sheet our marker name marks. */
import { freeTableName, isValidDefinedName, markerReference } from '../../src/excel/names';
import { chooseSheetName, markedSheet, sanitizeSheetName, sheetOfReference } from '../../src/core/gap-sheet';
import { fakeSheetNameProblem } from './fake-excel';

describe('sheet names (chosen by the core, checked against what Excel accepts)', () => {
  test('the preferred name when free, else numbered, case-insensitively', () => {
    expect(chooseSheetName('Analisis Gap', ['Penilaian Mandiri'])).toBe('Analisis Gap');
    expect(chooseSheetName('Analisis Gap', ['analisis gap'])).toBe('Analisis Gap (2)');
    expect(chooseSheetName('Analisis Gap', ['Analisis Gap', 'ANALISIS GAP (2)'])).toBe('Analisis Gap (3)');
  });

  test('the number always fits in 31 characters', () => {
    const long = 'A'.repeat(31);
    const names = [long];
    for (let i = 2; i <= 12; i++) {
      const n = chooseSheetName(long, names);
      expect(fakeSheetNameProblem(n)).toBeNull();
      names.push(n);
    }
    expect(names[names.length - 1]).toBe(`${'A'.repeat(26)} (12)`);
  });

  test("whatever comes in, Excel (the strict fake's rule) accepts what goes out", () => {
    for (const s of ["''", "a'", "' 'x' '", 'x'.repeat(35) + "'", 'x'.repeat(30) + "'y", 'Σ'.repeat(40), 'a/b\\c[d]e:f*g?h', 'History', '   ']) {
      const name = sanitizeSheetName(s);
      expect(fakeSheetNameProblem(name)).toBeNull();
      expect(fakeSheetNameProblem(chooseSheetName(s, [name]))).toBeNull();
    }
    // An emoji is never cut in half.
    const emoji = sanitizeSheetName(`${'x'.repeat(30)}\u{1F600}`);
    expect(emoji).toBe('x'.repeat(30));
  });

  test('a reference names its sheet', () => {
    expect(sheetOfReference("='Analisis Gap'!$A$1")).toBe('Analisis Gap');
    expect(sheetOfReference("'It''s'!A1")).toBe("It's");
    expect(sheetOfReference('Sheet1!A1')).toBe('Sheet1');
    expect(sheetOfReference('#REF!')).toBe('#REF');
    expect(sheetOfReference('A1')).toBeNull();
  });

  test('the marker marks the sheet whose A1 it refers to, spelled as the workbook spells it', () => {
    const sheets = ['Penilaian Mandiri', "Gap Lama's"];
    const ref = (type: string, value: unknown, isNullObject = false) => markerReference({ isNullObject, type, value });
    expect(markedSheet(ref('Range', "'gap lama''s'!$A$1"), sheets)).toBe("Gap Lama's");
    expect(markedSheet(ref('Range', "='Penilaian Mandiri'!A1"), sheets)).toBe('Penilaian Mandiri');
    // Not ours to skip or replace: another cell, a deleted sheet (#REF!), a sheet that is gone, no marker.
    expect(markedSheet(ref('Range', "'Penilaian Mandiri'!$B$5"), sheets)).toBeNull();
    expect(markedSheet(ref('Error', '#REF!'), sheets)).toBeNull();
    expect(markedSheet(ref('Range', 'Hilang!$A$1'), sheets)).toBeNull();
    expect(markedSheet(ref('Range', "'Gap Lama''s'!$A$1", true), sheets)).toBeNull();
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
