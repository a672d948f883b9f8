/** Formulas as a file stores them: functions newer than Excel 2007 get their _xlfn. prefix, nothing else changes. */
import { fileFormula } from '../../../src/xlsx/package/formula';

test('future functions are prefixed outside string literals and sheet names; the others are left as written', () => {
  expect(fileFormula('=IFERROR(CONCAT(A1,"IFS("),1)+textjoin(",",TRUE,A1:A3)')).toBe('IFERROR(_xlfn.CONCAT(A1,"IFS("),1)+_xlfn.textjoin(",",TRUE,A1:A3)');
  expect(fileFormula("'CONCAT(x'!A1+FILTER(A1:A3,B1:B3)")).toBe("'CONCAT(x'!A1+_xlfn._xlws.FILTER(A1:A3,B1:B3)");
  expect(fileFormula('_xlfn.XLOOKUP(1,A:A,B:B)')).toBe('_xlfn.XLOOKUP(1,A:A,B:B)');
  expect(fileFormula('ROUND(SUMPRODUCT($E$15:$E$34,$D$15:$D$34)/100,9)')).toBe('ROUND(SUMPRODUCT($E$15:$E$34,$D$15:$D$34)/100,9)');
  expect(fileFormula('MYCONCAT(1)+CONCATENATE(A1,B1)')).toBe('MYCONCAT(1)+CONCATENATE(A1,B1)');
});
