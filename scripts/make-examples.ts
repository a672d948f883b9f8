/**
 * The project's own example workbooks, one per framework, laid out as agencies keep them (title rows,
 * merged two-row headers, group rows, an evidence column, stage columns in one of them, an instructions
 * sheet and a summary sheet with formulas). All names and numbers are invented.
 *
 *   npm run examples      (= node scripts/run-ts.js scripts/make-examples.ts [OUT_DIR], default examples/)
 *
 * writes examples/spbe2018-contoh.xlsx, examples/spbe2020-contoh.xlsx, examples/pemdi2026-contoh.xlsx.
 * `npm run demo` then writes the gap sheet of the spbe2020 one (examples/spbe2020-contoh-gap.xlsx).
 *
 * The builder `buildAssessmentWorkbook` is also what the gap tests use to make their own workbooks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import type { Worksheet, Borders } from 'exceljs';
import type { Framework } from '../src/core/types';
import { SPBE2018, SPBE2020, PEMDI2026 } from '../src/core/frameworks';

export interface AssessmentSpec {
  readonly framework: Framework;
  /** Name of the assessment sheet. */
  readonly sheetName: string;
  /** Title rows above the table (agency, form name …). */
  readonly titles: ReadonlyArray<string>;
  /** Empty columns to the left of the table. */
  readonly margin?: number;
  /** Level cell values by entry key ("7", "35-2"): numbers, or text such as "Tingkat 3" or "1,26". */
  readonly levels: Readonly<Record<string, number | string>>;
  /** A self-assessment column before the final one: makes a two-row "Penilaian Mandiri | Nilai Akhir" header. */
  readonly self?: Readonly<Record<string, number | string>>;
  readonly evidence?: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly targets?: Readonly<Record<string, number>>;
  /** "DOMAIN 1 : …" / "Aspek 2 - …" group rows between the indicators. */
  readonly groupRows?: boolean;
  /** An instructions sheet before the assessment sheet. */
  readonly instructions?: boolean;
  /** A summary sheet after it with formulas over the level cells. */
  readonly summary?: boolean;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function keysOf(fw: Framework, levels: Readonly<Record<string, unknown>>): string[] {
  const keys: string[] = [];
  for (const ind of fw.indicators) {
    if (String(ind.no) in levels) keys.push(String(ind.no));
    for (let e = 2; e <= 5; e++) if (`${ind.no}-${e}` in levels) keys.push(`${ind.no}-${e}`);
  }
  return keys;
}

/** Builds an assessment workbook (exceljs) from a spec. */
export function buildAssessmentWorkbook(spec: AssessmentSpec): Workbook {
  const wb = new Workbook();
  wb.creator = 'spbe-excel-addin examples';
  const fw = spec.framework;
  if (spec.instructions) {
    const ins = wb.addWorksheet('Petunjuk');
    ins.getColumn(1).width = 100;
    const lines = [
      'PETUNJUK PENGISIAN',
      '1. Isi kolom tingkat dengan angka 1 sampai 5 sesuai kriteria tingkat kematangan.',
      '2. Lampirkan bukti dukung untuk setiap tingkat 2 ke atas.',
      '3. Jangan mengubah nomor dan nama indikator.',
    ];
    lines.forEach((l, i) => {
      const c = ins.getCell(i + 1, 1);
      c.value = l;
      if (i === 0) c.font = { bold: true, size: 14 };
    });
  }
  const ws: Worksheet = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: spec.titles.length + 3 }] });
  const m = spec.margin ?? 0;
  const col = (i: number) => m + i + 1; // 1-based exceljs column of table column i
  let row = 1;
  for (const t of spec.titles) {
    const c = ws.getCell(row, col(0));
    c.value = t;
    c.font = { bold: true, size: row === 1 ? 14 : 12 };
    row++;
  }
  row++; // blank row before the table

  // Columns: No | Indikator | [Penilaian Mandiri] | level | [Target] | [Bukti Dukung] | [Keterangan]
  const headers: Array<{ id: string; top: string; sub?: string; width: number }> = [
    { id: 'no', top: 'No.', width: 7 },
    { id: 'name', top: 'Indikator', width: 60 },
  ];
  const finalHeader = fw.values === 'decimal' ? 'Nilai' : 'Tingkat Kematangan';
  if (spec.self) {
    headers.push({ id: 'self', top: 'Tingkat Kematangan', sub: 'Penilaian Mandiri', width: 14 });
    headers.push({ id: 'level', top: 'Tingkat Kematangan', sub: 'Nilai Akhir', width: 14 });
  } else {
    headers.push({ id: 'level', top: finalHeader, width: 14 });
  }
  if (spec.targets) headers.push({ id: 'target', top: 'Target', width: 10 });
  if (spec.evidence) headers.push({ id: 'evidence', top: 'Bukti Dukung', width: 40 });
  if (spec.notes) headers.push({ id: 'note', top: 'Keterangan', width: 36 });
  const two = !!spec.self;
  const headRow = row;
  headers.forEach((h, i) => {
    const c = ws.getCell(headRow, col(i));
    c.value = h.top;
    ws.getColumn(col(i)).width = h.width;
    if (two) {
      const s = ws.getCell(headRow + 1, col(i));
      if (h.sub) s.value = h.sub;
    }
  });
  if (two) {
    // merge the shared top header over its sub-headers, and single headers over both rows
    let i = 0;
    while (i < headers.length) {
      let j = i;
      while (j + 1 < headers.length && headers[j + 1].sub && headers[i].sub && headers[j + 1].top === headers[i].top) j++;
      if (headers[i].sub) {
        if (j > i) ws.mergeCells(headRow, col(i), headRow, col(j));
      } else {
        ws.mergeCells(headRow, col(i), headRow + 1, col(i));
      }
      i = j + 1;
    }
  }
  const lastHeadRow = two ? headRow + 1 : headRow;
  for (let r = headRow; r <= lastHeadRow; r++) {
    headers.forEach((_, i) => {
      const c = ws.getCell(r, col(i));
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = BORDER;
    });
  }
  row = lastHeadRow + 1;

  const idx = (id: string) => headers.findIndex((h) => h.id === id);
  const levelCells: string[] = [];
  let lastAspect = -1;
  let lastDomain = -1;
  for (const key of keysOf(fw, spec.levels)) {
    const [noText, entryText] = key.split('-');
    const def = fw.indicators.find((d) => d.no === Number(noText))!;
    if (spec.groupRows && def.aspect !== lastAspect) {
      if (def.domain !== undefined && def.domain !== lastDomain) {
        const d = fw.domains.find((x) => x.no === def.domain)!;
        const c = ws.getCell(row, col(0));
        c.value = `DOMAIN ${d.no} : ${d.name.toUpperCase()}`;
        c.font = { bold: true };
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        ws.mergeCells(row, col(0), row, col(headers.length - 1));
        row++;
        lastDomain = def.domain;
      }
      const a = fw.aspects.find((x) => x.no === def.aspect)!;
      const c = ws.getCell(row, col(0));
      c.value = `Aspek ${a.no} - ${a.name}`;
      c.font = { bold: true, italic: true };
      ws.mergeCells(row, col(0), row, col(headers.length - 1));
      row++;
      lastAspect = def.aspect;
    }
    const cells: Record<string, unknown> = {
      no: entryText ? key : `${def.no}.`,
      name: entryText ? `${def.name} (layanan ${entryText})` : def.name,
      level: spec.levels[key],
      self: spec.self?.[key] ?? null,
      target: spec.targets?.[key] ?? null,
      evidence: spec.evidence?.[key] ?? null,
      note: spec.notes?.[key] ?? null,
    };
    headers.forEach((h, i) => {
      const c = ws.getCell(row, col(i));
      const v = cells[h.id];
      if (v !== null && v !== undefined) c.value = v as string | number;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: h.id === 'name' || h.id === 'evidence' || h.id === 'note', horizontal: h.id === 'level' || h.id === 'self' || h.id === 'no' ? 'center' : undefined };
      if ((h.id === 'level' || h.id === 'self') && typeof v === 'number') c.numFmt = fw.values === 'decimal' ? '0.00' : '0';
    });
    levelCells.push(ws.getCell(row, col(idx('level'))).address);
    row++;
  }

  if (spec.summary) {
    const rek = wb.addWorksheet('Rekap');
    rek.getColumn(1).width = 30;
    rek.getColumn(2).width = 14;
    const q = `'${spec.sheetName.replace(/'/g, "''")}'`;
    const numeric = keysOf(fw, spec.levels).map((k, i) => ({ k, cell: levelCells[i] })).filter((x) => typeof spec.levels[x.k] === 'number');
    const sumCells = numeric.map((x) => `${q}!${x.cell}`);
    const total = numeric.reduce((s, x) => s + (spec.levels[x.k] as number), 0);
    rek.getCell('A1').value = 'REKAPITULASI';
    rek.getCell('A1').font = { bold: true };
    rek.getCell('A2').value = 'Jumlah nilai (sel angka)';
    rek.getCell('B2').value = { formula: sumCells.length ? `SUM(${sumCells.join(',')})` : '0', result: total } as never;
    rek.getCell('A3').value = 'Banyak indikator angka';
    rek.getCell('B3').value = { formula: sumCells.length ? `COUNT(${sumCells.join(',')})` : '0', result: numeric.length } as never;
    rek.getCell('A4').value = 'Rata-rata';
    rek.getCell('B4').value = { formula: 'IF(B3>0,B2/B3,0)', result: numeric.length ? total / numeric.length : 0 } as never;
    rek.getCell('B4').numFmt = '0.00';
    rek.mergeCells('A6:B6');
    rek.getCell('A6').value = 'Dihitung otomatis; jangan diubah.';
    rek.getCell('A6').font = { italic: true, color: { argb: 'FF7F7F7F' } };
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------
// The three examples
// ---------------------------------------------------------------------------------------------

function levelsFrom(fw: Framework, pick: (no: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ind of fw.indicators) out[String(ind.no)] = pick(ind.no);
  return out;
}

/** spbe2018: a city, group rows, three public services for indicator 35, evidence and notes. */
export function example2018(): AssessmentSpec {
  const fw = SPBE2018;
  const base = [2, 2, 1, 3, 2, 3, 3, 2, 2, 1, 2, 3, 3, 3, 1, 3, 2, 2, 3, 2, 3, 3, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2];
  const levels: Record<string, number | string> = levelsFrom(fw, (no) => base[no - 1]);
  levels['35-2'] = 3;
  levels['35-3'] = 1;
  const evidence: Record<string, string> = {};
  for (const k of Object.keys(levels)) if (Number(String(levels[k])) >= 2) evidence[k] = `Perwal No. ${10 + Number(k.split('-')[0])}/2018; notulen rapat`;
  return {
    framework: fw,
    sheetName: 'Penilaian SPBE 2018',
    titles: ['PEMERINTAH KOTA CONTOH', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2018'],
    margin: 1,
    levels,
    evidence,
    notes: { '1': 'Tim pengarah dibentuk 2017', '35': 'Layanan perizinan', '35-2': 'Layanan kependudukan', '35-3': 'Layanan kesehatan' },
    groupRows: true,
    instructions: true,
  };
}

/** spbe2020: a regency, self-assessment beside the final value (two-row merged header), a summary sheet. */
export function example2020(): AssessmentSpec {
  const fw = SPBE2020;
  const final = [2, 2, 3, 2, 2, 2, 2, 2, 1, 3, 2, 1, 2, 1, 2, 2, 3, 2, 3, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2];
  const levels: Record<string, number | string> = levelsFrom(fw, (no) => final[no - 1]);
  levels['12'] = 'Tingkat 1'; // written as text: the gap sheet copies its value and says so
  const self = levelsFrom(fw, (no) => Math.min(5, final[no - 1] + (no % 3 === 0 ? 1 : 0)));
  const evidence: Record<string, string> = {};
  for (let no = 1; no <= 47; no++) if (final[no - 1] >= 2) evidence[String(no)] = `Dokumen pendukung indikator ${no} (SK/Perbup/laporan)`;
  return {
    framework: fw,
    sheetName: 'Penilaian Mandiri',
    titles: ['PEMERINTAH KABUPATEN CONTOH', 'LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2024', 'Unit: Dinas Komunikasi dan Informatika'],
    margin: 1,
    levels,
    self,
    evidence,
    notes: { '9': 'Audit TIK belum diatur', '21': 'Manajemen risiko belum ada', '45': 'Layanan perizinan terpadu' },
    instructions: true,
    summary: true,
  };
}

/** pemdi2026: decimal values from the external assessors, some written with a decimal comma. */
export function example2026(): AssessmentSpec {
  const fw = PEMDI2026;
  const vals = [2.15, 1.8, 1.5, 2.26, 1, 1, 1, 1.6, 1.26, 2.04, 1.17, 1.5, 2.5, 2.32, 1.88, 1.6, 2.71, 1, 2.1, 1.95];
  const levels: Record<string, number | string> = levelsFrom(fw, (no) => vals[no - 1]);
  levels['17'] = '2,71';
  return {
    framework: fw,
    sheetName: 'Evaluasi 2026',
    titles: ['PEMERINTAH PROVINSI CONTOH', 'HASIL EVALUASI KINERJA PEMERINTAH DIGITAL TAHUN 2026'],
    levels,
    evidence: levelsToEvidence(vals),
    notes: { '5': 'Nilai dari indeks SDI; sementara 1', '6': 'Menunggu nilai geospasial', '7': 'Menunggu nilai statistik', '18': 'Menunggu nilai interoperabilitas' },
  };
}

function levelsToEvidence(vals: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  vals.forEach((v, i) => {
    if (v >= 2) out[String(i + 1)] = 'Laporan capaian dan dokumen kebijakan';
  });
  return out;
}

export const EXAMPLES: ReadonlyArray<{ file: string; spec: () => AssessmentSpec }> = [
  { file: 'spbe2018-contoh.xlsx', spec: example2018 },
  { file: 'spbe2020-contoh.xlsx', spec: example2020 },
  { file: 'pemdi2026-contoh.xlsx', spec: example2026 },
];

/** Writes the examples to `dir`; returns the paths. */
export async function writeExamples(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const ex of EXAMPLES) {
    const wb = buildAssessmentWorkbook(ex.spec());
    // Fixed dates so that regenerating gives the same content.
    wb.created = new Date(Date.UTC(2026, 0, 1));
    wb.modified = new Date(Date.UTC(2026, 0, 1));
    const p = path.join(dir, ex.file);
    await wb.xlsx.writeFile(p);
    out.push(p);
  }
  return out;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'examples'));
  writeExamples(dir).then(
    (files) => {
      for (const f of files) console.log(`wrote ${path.relative(process.cwd(), f)}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
