/**
 * Workbooks the reading tests build (read.test.ts), exported so the two-reader equality test
 * (reader-equality.test.ts) reads the same ones.
 */
import { Workbook } from 'exceljs';

/** Every kind of cell the reader converts: text, rich text, hyperlinks, numbers, booleans, errors, dates, formulas (plain, shared, never calculated), merges, hidden rows and columns, a hidden sheet. */
export function cellValuesWorkbook(): Workbook {
  const wb = new Workbook();
  const intro = wb.addWorksheet('Petunjuk');
  intro.getCell('A1').value = 'Isi kolom Tingkat dengan 1–5';

  const ws = wb.addWorksheet('Penilaian Mandiri');
  ws.getCell('B1').value = 'PEMERINTAH KOTA CONTOH';
  ws.mergeCells('B1:E1');
  ws.getCell('B3').value = 'No';
  ws.getCell('C3').value = { richText: [{ text: 'Indi', font: { bold: true } }, { text: 'kator' }] };
  ws.getCell('D3').value = 'Tingkat';
  ws.getCell('E3').value = 'Bukti';
  ws.getCell('B4').value = 1;
  ws.getCell('C4').value = 'Kebijakan Internal Arsitektur SPBE';
  ws.getCell('D4').value = 3;
  ws.getCell('E4').value = { text: 'bukti-1.pdf', hyperlink: 'https://example.invalid/bukti-1.pdf' };
  ws.getCell('B5').value = '35-2';
  ws.getCell('D5').value = { formula: 'D4+1', result: 4 };
  ws.getCell('B6').value = '3.';
  ws.getCell('D6').value = { error: '#N/A' };
  ws.getCell('B7').value = true;
  ws.getCell('D7').value = new Date(Date.UTC(2024, 0, 15));
  ws.getCell('D8').value = { formula: 'SUM(D4:D5)', result: 7 };
  ws.getCell('D9').value = { formula: 'NA()', result: { error: '#N/A' } };
  ws.getCell('D10').value = { formula: 'D4&"x"', result: '3x' };
  ws.getCell('D11').value = { formula: 'D4' }; // never calculated: no cached result
  ws.getCell('D12').value = '3,0';
  ws.getCell('D13').value = 2.5;
  // a shared formula F4:F6 (=D4*2, =D5*2, =D6*2)
  ws.getCell('F4').value = { formula: 'D4*2', result: 6, shareType: 'shared', ref: 'F4:F6' } as never;
  ws.getCell('F5').value = { sharedFormula: 'F4', result: 8 } as never;
  ws.getCell('F6').value = { sharedFormula: 'F4', result: { error: '#N/A' } } as never;
  ws.getCell('H20').value = 'far away';
  ws.mergeCells('C14:C16');
  ws.getCell('C14').value = 'Aspek 1';
  ws.getColumn('G').hidden = true;
  ws.getRow(13).hidden = true;

  const rekap = wb.addWorksheet('Rekap', { state: 'hidden' });
  rekap.getCell('A1').value = 'INDEKS';
  rekap.getCell('B1').value = { formula: "'Penilaian Mandiri'!D4", result: 3 };

  return wb;
}

/** A date in a workbook of the 1904 date system. */
export function workbook1904(): Workbook {
  const wb = new Workbook();
  (wb.properties as { date1904?: boolean }).date1904 = true;
  wb.addWorksheet('S').getCell('A1').value = new Date(Date.UTC(2024, 0, 15));
  return wb;
}

/** Fifty plain rows (the base of the unreadable-file cases). */
export function fiftyRowsWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Penilaian');
  for (let r = 1; r <= 50; r++) ws.getRow(r).values = [r, `Indikator ${r}`, (r % 5) + 1];
  return wb;
}

/** A workbook whose defined name SPBE_GAP_MARKER refers to `reference` (none when null); the gap sheet renamed if asked. */
export function markerWorkbook(reference: string | null, rename?: string): Workbook {
  const wb = new Workbook();
  wb.addWorksheet('Penilaian').getCell('A1').value = 'No';
  wb.addWorksheet('Analisis Gap').getCell('A1').value = 'Analisis Gap';
  if (rename) wb.getWorksheet('Analisis Gap')!.name = rename;
  if (reference !== null) wb.definedNames.add(reference, 'SPBE_GAP_MARKER');
  return wb;
}
