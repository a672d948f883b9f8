/**
 * Workbooks the command-line tests build (index-command.test.ts), exported so the two-reader equality test
 * (test/xlsx/reader-equality.test.ts) reads the same ones.
 */
import { Workbook } from 'exceljs';
import type { Framework } from '../../src/core/types';

/** A plain assessment sheet: a title, then No | Indikator | Tingkat from row 3, levels by key. */
export function assessmentSheetWorkbook(fw: Framework, level: (no: number) => number | string | null, extra: Array<[string, number | string]> = [], extraRows = 0): Workbook {
  const wb = new Workbook();
  wb.addWorksheet('Petunjuk').getCell('A1').value = 'Isi tingkat 1 sampai 5.';
  const ws = wb.addWorksheet('Penilaian Mandiri');
  ws.getCell('B1').value = 'LEMBAR KERJA PENILAIAN MANDIRI';
  ws.getRow(3).values = [null, 'No', 'Indikator', 'Tingkat'] as never;
  let r = 4;
  for (const ind of fw.indicators) {
    const v = level(ind.no);
    ws.getRow(r++).values = [null, ind.no, ind.name, v] as never;
  }
  for (const [key, v] of extra) {
    const no = Number(key.split('-')[0]);
    ws.getRow(r++).values = [null, key, fw.indicators[no - 1].name, v] as never;
  }
  for (let k = 0; k < extraRows; k++) ws.getRow(r + 2 + k).values = [null, null, null, null, null, null, `catatan ${k}`] as never;
  return wb;
}

/** all 1, except 11..18 = 4, 19 = 3, 32 = 2, 42 = 5: exactly 1.7975 (Kurang; rounded 1.80 is Cukup). */
export const boundary = (no: number): number => (no >= 11 && no <= 18 ? 4 : no === 19 ? 3 : no === 32 ? 2 : no === 42 ? 5 : 1);
