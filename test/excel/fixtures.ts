/** Workbooks and sheet models for the Excel adapter tests (built here, not read from ../shared). */
import { ExcelHost } from '../../src/excel/excel-host';
import type { ExcelApi } from '../../src/excel/excel-host';
import type { SheetModel } from '../../src/core/sheet-model';
import { createFakeExcel } from './fake-excel';
import type { FakeExcel, FakeOptions, FakeSheetInit } from './fake-excel';

export function hostOn(fake: FakeExcel, options: { writeBudget?: number; readBudget?: number; api?: string } = {}): ExcelHost {
  const api = options.api ?? '1.18';
  const [am, an] = api.split('.').map(Number);
  return new ExcelHost({
    excel: fake as unknown as ExcelApi,
    displayLanguage: 'id-ID',
    isApiSupported: (v) => {
      const [m, n] = v.split('.').map(Number);
      return m < am || (m === am && n <= an);
    },
    writeBudget: options.writeBudget,
    readBudget: options.readBudget,
  });
}

/** A small self-assessment sheet: title rows, a two-row merged header at B5, indicators from row 7, hidden helper column H. */
export function assessmentSheet(name = 'Penilaian Mandiri'): FakeSheetInit {
  return {
    name,
    origin: 'B2',
    cells: [
      ['PENILAIAN MANDIRI SPBE', null, null, null, null, null],
      ['Pemerintah Kabupaten Contoh', null, null, null, null, null],
      [null, null, null, null, null, null],
      ['No', 'Indikator', 'Bobot', 'Tingkat', null, 'Bantu'],
      [null, null, null, 'Penilaian Mandiri', 'Catatan', null],
      [1, 'Kebijakan Internal Arsitektur SPBE', 1.3, 3, { text: '=HYPERLINK("http://x")' }, { formula: 'E7*2', value: 6 }],
      [2, 'Kebijakan Internal Peta Rencana SPBE', 1.3, 4, '+62 812 555', { formula: 'E8*2', value: 8 }],
      [3, 'Kebijakan Internal Manajemen Data', 1.3, { error: '#N/A' }, null, { formula: 'E9*2', value: { error: '#N/A' } }],
    ],
    merges: ['B2:G2', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:F5'],
    hiddenColumns: [7],
  };
}

export function workbook(extra: FakeSheetInit[] = [], options: FakeOptions = {}): FakeExcel {
  return createFakeExcel([assessmentSheet(), ...extra], options);
}

/** A gap sheet model with every feature the renderers support. */
export function sampleModel(overrides: Partial<SheetModel> = {}): SheetModel {
  const rows = [
    ['Aspek', 'Saat ini', 'Target', 'Selisih'],
    ['Kebijakan Internal', 2.5, 3.5, 1],
    ['Perencanaan Strategis', 3, 3.6, 0.6],
    ['Teknologi Informasi dan Komunikasi', 1.8, 3.4, 1.6],
  ] as const;
  const cells: SheetModel['cells'][number][] = [
    { row: 0, col: 0, value: 'ANALISIS GAP INDEKS SPBE', style: 'title' },
    { row: 1, col: 0, value: '=HYPERLINK("http://evil.example","klik")' },
    { row: 1, col: 1, value: '+62 812 555 0101' },
    { row: 1, col: 2, value: '1/2' },
    { row: 1, col: 3, value: 'TRUE' },
    { row: 1, col: 4, value: "'kutip" },
    { row: 2, col: 0, value: 'Indeks saat ini', style: 'label' },
    { row: 2, col: 1, value: 2.43, formula: "'Penilaian Mandiri'!E7*1", style: 'num', comment: 'Dari sheet penilaian' },
  ];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      const row = 4 + i;
      if (i > 0 && c === 3) cells.push({ row, col: c, value: v as number, formula: `C${row + 1}-B${row + 1}`, style: 'num' });
      else cells.push({ row, col: c, value: v, style: i === 0 ? 'head' : c === 0 ? 'text' : 'num' });
    }),
  );
  return {
    name: 'Analisis Gap',
    marker: 'SPBE_GAP_SHEET',
    cells,
    styles: {
      title: { bold: true, fontSize: 14, fontColor: '#1F3864' },
      label: { bold: true },
      head: { bold: true, fill: '#D9E1F2', border: true, horizontal: 'center', wrap: true },
      text: { border: true, vertical: 'middle' },
      num: { numberFormat: '0.00', border: true, horizontal: 'right', input: false },
    },
    columnWidths: [
      { col: 0, width: 36 },
      { col: 1, width: 12 },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    tables: [{ name: 'TabelGap', range: { top: 4, left: 0, bottom: 7, right: 3 }, columns: ['Aspek', 'Saat ini', 'Target', 'Selisih'], style: 'TableStyleMedium2' }],
    validations: [
      { range: { top: 5, left: 2, bottom: 7, right: 2 }, type: 'decimal', min: 1, max: 5, promptTitle: 'Target', prompt: 'Isi target 1 sampai 5', errorTitle: 'Nilai salah', error: 'Target harus antara 1 dan 5' },
      { range: { top: 2, left: 3, bottom: 2, right: 3 }, type: 'list', list: ['Baik', 'Sangat Baik', 'Memuaskan'] },
    ],
    conditionalFormats: [
      { range: { top: 5, left: 3, bottom: 7, right: 3 }, rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['1'], style: 'head' }, { type: 'dataBar', color: '#5B9BD5' }] },
      { range: { top: 5, left: 1, bottom: 7, right: 1 }, rules: [{ type: 'colorScale', colors: ['#F8696B', '#FFEB84', '#63BE7B'] }, { type: 'expression', formula: 'B6<2', style: 'label' }] },
    ],
    charts: [
      {
        type: 'radar',
        title: 'Aspek: saat ini vs target',
        categories: { top: 5, left: 0, bottom: 7, right: 0 },
        series: [
          { name: 'Saat ini', values: { top: 5, left: 1, bottom: 7, right: 1 } },
          { name: 'Target', values: { top: 5, left: 2, bottom: 7, right: 2 } },
        ],
        anchor: { top: 10, left: 0, bottom: 25, right: 4 },
      },
      {
        type: 'bar',
        title: 'Selisih terbesar',
        categories: { top: 5, left: 0, bottom: 7, right: 0 },
        series: [{ name: 'Selisih', values: { top: 5, left: 3, bottom: 7, right: 3 } }],
        anchor: { top: 10, left: 5, bottom: 25, right: 10 },
      },
    ],
    freeze: { rows: 5, cols: 1 },
    tabColor: '#2F5597',
    ...overrides,
  };
}
