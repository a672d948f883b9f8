/**
 * Workbooks the pane tests build (browser-host.test.ts, e2e.test.ts), exported so the two-reader equality test
 * (test/xlsx/reader-equality.test.ts) reads the same ones.
 */
import * as ExcelJS from 'exceljs';
import { SPBE2020 } from '../../src/core/frameworks';

/** An instructions sheet and a spbe2020 assessment sheet with the given levels. */
export function paneWorkbook(levels: (no: number) => unknown): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('Petunjuk');
  info.getCell('A1').value = 'Isi kolom Tingkat dengan 1–5.';
  const ws = wb.addWorksheet('Penilaian Mandiri');
  ws.addRow(['PEMERINTAH KABUPATEN CONTOH']);
  ws.addRow([]);
  ws.addRow(['No', 'Indikator', 'Tingkat']);
  for (const ind of SPBE2020.indicators) ws.addRow([ind.no, ind.name, levels(ind.no) as ExcelJS.CellValue]);
  return wb;
}

export async function workbookBytes(levels: (no: number) => unknown): Promise<Uint8Array> {
  return new Uint8Array(await paneWorkbook(levels).xlsx.writeBuffer());
}

/** A spbe2020 sheet with errors (indicator 7 "belum", 12 six, 30 fractional, 41 empty) and evidence on odd rows. */
export function workbookWithErrors(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Petunjuk').getCell('A1').value = 'Isi kolom Tingkat dengan 1–5.';
  const ws = wb.addWorksheet('Penilaian Mandiri');
  ws.addRow(['PEMERINTAH KOTA CONTOH — LEMBAR KERJA PENILAIAN MANDIRI SPBE 2024']);
  ws.addRow([]);
  ws.addRow(['No', 'Indikator', 'Tingkat', 'Bukti Dukung']);
  for (const ind of SPBE2020.indicators) {
    const level: ExcelJS.CellValue = ind.no === 7 ? 'belum' : ind.no === 12 ? 6 : ind.no === 30 ? 2.5 : ind.no === 41 ? null : 3;
    ws.addRow([ind.no, ind.name, level, ind.no % 2 ? 'SK Bupati' : null]);
  }
  return wb;
}
