/**
 * Generates realistic assessment worksheets, as in-memory grids or as .xlsx files (exceljs), for the
 * benchmark (and for anyone who wants a pile of workbooks to try `spbe index` on):
 *
 *   node scripts/run-ts.js scripts/generate-workbooks.ts OUT_DIR [COUNT] [SEED]
 *
 * Layouts follow what agencies keep (see docs and worksheets.md): a plain table from A1; a titled sheet
 * with a left margin, Domain/Aspek columns merged over their indicators, weights, explanations and evidence;
 * group rows ("DOMAIN 1 : …", "Aspek 2 - …") with "1." numbers, "Tingkat 3" levels and summary rows;
 * two-row merged stage headers (Penilaian Mandiri … Nilai Akhir) behind an instructions sheet, with a
 * hidden helper column; rows sorted by level with Roman numerals and capability names.
 * Frameworks: spbe2018 (sometimes with 35-2/35-3), spbe2020, pemdi2026 (decimal values).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import type { CellRange, CellValue, Framework, Grid } from '../src/core/types';
import { FRAMEWORKS } from '../src/core/frameworks';

export type Layout = 'plain' | 'titled' | 'grouped' | 'stages' | 'sorted';
export const LAYOUTS: ReadonlyArray<Layout> = ['plain', 'titled', 'grouped', 'stages', 'sorted'];

/** A worksheet as plain data, absolute from A1; merged areas carry their value in the top-left cell only. */
export interface SheetSpec {
  readonly name: string;
  readonly rows: CellValue[][];
  /** Formulas (without "=") by "row,col", with their cached result in `rows`. */
  readonly formulas: Map<string, string>;
  readonly merges: CellRange[];
  readonly hiddenColumns: number[];
  readonly hidden?: boolean;
}

export interface WorkbookSpec {
  readonly framework: Framework;
  readonly layout: Layout;
  readonly sheets: SheetSpec[];
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

function sheet(name: string): SheetSpec {
  return { name, rows: [], formulas: new Map(), merges: [], hiddenColumns: [] };
}

function put(s: SheetSpec, r: number, c: number, v: CellValue, formula?: string): void {
  while (s.rows.length <= r) s.rows.push([]);
  const row = s.rows[r];
  while (row.length < c) row.push(null);
  row[c] = v;
  if (formula) s.formulas.set(`${r},${c}`, formula);
}

function merge(s: SheetSpec, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) s.merges.push({ top, left, bottom, right });
}

function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Entry {
  key: string;
  no: number;
  name: string;
  aspect: number;
  domain?: number;
  weight: number;
  level: number;
}

function entriesFor(fw: Framework, rnd: () => number): Entry[] {
  const out: Entry[] = [];
  for (const ind of fw.indicators) {
    const level = fw.values === 'decimal' ? Math.round((1 + rnd() * 4) * 100) / 100 : 1 + Math.floor(rnd() * 5);
    out.push({ key: String(ind.no), no: ind.no, name: ind.name, aspect: ind.aspect, domain: ind.domain, weight: ind.weight / 100, level });
  }
  const rep = fw.repeatable;
  if (rep && rnd() < 0.5) {
    const base = out.find((e) => e.no === rep.indicator)!;
    const extra = 1 + Math.floor(rnd() * (rep.maxEntries - 1));
    for (let k = 2; k <= 1 + extra; k++) out.push({ ...base, key: `${rep.indicator}-${k}`, level: 1 + Math.floor(rnd() * 5) });
  }
  return out;
}

function levelText(fw: Framework, e: Entry, style: number): CellValue {
  if (fw.values === 'decimal') return style % 2 === 0 ? e.level : String(e.level).replace('.', ',');
  switch (style % 5) {
    case 0:
      return e.level;
    case 1:
      return `Tingkat ${e.level}`;
    case 2:
      return ROMAN[e.level - 1];
    case 3: {
      const ind = fw.indicators[e.no - 1];
      const names = fw.levelNames[ind.levelNames];
      return names ? `${e.level} - ${names[e.level - 1]}` : e.level;
    }
    default:
      return String(e.level);
  }
}

function titleBlock(s: SheetSpec, fw: Framework, left: number, width: number, rnd: () => number): number {
  const year = fw.id === 'spbe2018' ? 2018 : fw.id === 'pemdi2026' ? 2026 : 2021 + Math.floor(rnd() * 5);
  put(s, 0, left, `PEMERINTAH KABUPATEN CONTOH ${1 + Math.floor(rnd() * 500)}`);
  merge(s, 0, left, 0, left + width - 1);
  put(s, 1, left, `LEMBAR KERJA PENILAIAN MANDIRI ${fw.id === 'pemdi2026' ? 'PEMERINTAH DIGITAL' : 'SPBE'} TAHUN ${year}`);
  merge(s, 1, left, 1, left + width - 1);
  put(s, 3, left, 'Unit kerja: Dinas Komunikasi dan Informatika');
  return 5;
}

function aspectName(fw: Framework, no: number): string {
  return fw.aspects.find((a) => a.no === no)?.name ?? '';
}
function domainName(fw: Framework, no: number | undefined): string {
  return fw.domains.find((d) => d.no === no)?.name ?? '';
}

/** The assessment sheet(s) of one workbook. */
export function buildWorkbook(fw: Framework, layout: Layout, seed: number): WorkbookSpec {
  const rnd = prng(seed);
  const entries = entriesFor(fw, rnd);
  const style = Math.floor(rnd() * 5);
  const sheets: SheetSpec[] = [];

  if (layout === 'plain') {
    const s = sheet('Sheet1');
    ['No', 'Indikator', 'Tingkat'].forEach((h, c) => put(s, 0, c, h));
    entries.forEach((e, i) => {
      put(s, i + 1, 0, e.key === String(e.no) ? e.no : e.key);
      put(s, i + 1, 1, e.name);
      put(s, i + 1, 2, fw.values === 'decimal' ? e.level : e.level);
    });
    sheets.push(s);
  } else if (layout === 'titled') {
    const s = sheet('Penilaian Mandiri');
    const L = 1;
    const hasDomains = fw.domains.length > 0;
    const headers = ['No', hasDomains ? 'Domain' : 'Kode', 'Aspek', 'Indikator', 'Bobot (%)', 'Tingkat Kematangan', 'Penjelasan', 'Bukti Dukung'];
    const h = titleBlock(s, fw, L - 1, headers.length + 1, rnd);
    headers.forEach((t, c) => put(s, h, L + c, t));
    let r = h + 1;
    let aspStart = r;
    let domStart = r;
    entries.sort((a, b) => a.no - b.no || a.key.localeCompare(b.key));
    entries.forEach((e, i) => {
      const prev = entries[i - 1];
      const next = entries[i + 1];
      put(s, r, L, e.key === String(e.no) ? e.no : e.key);
      if (hasDomains) {
        if (!prev || prev.domain !== e.domain) {
          domStart = r;
          put(s, r, L + 1, domainName(fw, e.domain));
        }
        if (!next || next.domain !== e.domain) merge(s, domStart, L + 1, r, L + 1);
      } else {
        put(s, r, L + 1, `${e.aspect}.${e.no}`);
      }
      if (!prev || prev.aspect !== e.aspect) {
        aspStart = r;
        put(s, r, L + 2, aspectName(fw, e.aspect));
      }
      if (!next || next.aspect !== e.aspect) merge(s, aspStart, L + 2, r, L + 2);
      put(s, r, L + 3, e.name);
      put(s, r, L + 4, Math.round(e.weight * 100) / 100);
      put(s, r, L + 5, levelText(fw, e, style === 3 ? 0 : style));
      put(s, r, L + 6, 'Sesuai bukti dukung terlampir');
      put(s, r, L + 7, `bukti-${e.key}.pdf`);
      r++;
    });
    sheets.push(s);
  } else if (layout === 'grouped') {
    const s = sheet('Rekap');
    put(s, 0, 0, 'Rekapitulasi Penilaian Mandiri');
    ['No.', 'Indikator', 'Nilai Tingkat', 'Keterangan'].forEach((t, c) => put(s, 2, c, t));
    let r = 3;
    let lastDomain: number | undefined;
    let lastAspect: number | undefined;
    entries.sort((a, b) => a.no - b.no || a.key.localeCompare(b.key));
    const first = r;
    for (const e of entries) {
      if (e.domain !== undefined && e.domain !== lastDomain) {
        put(s, r, 0, `DOMAIN ${e.domain} : ${domainName(fw, e.domain).toUpperCase()}`);
        merge(s, r, 0, r, 3);
        r++;
        lastDomain = e.domain;
      }
      if (e.aspect !== lastAspect) {
        put(s, r, 0, `Aspek ${e.aspect} - ${aspectName(fw, e.aspect)}`);
        merge(s, r, 0, r, 3);
        r++;
        lastAspect = e.aspect;
      }
      put(s, r, 0, e.key === String(e.no) ? `${e.no}.` : e.key);
      put(s, r, 1, e.name);
      put(s, r, 2, levelText(fw, e, style === 2 ? 1 : style));
      put(s, r, 3, '');
      r++;
    }
    r++;
    put(s, r, 0, 'JUMLAH');
    put(s, r, 2, entries.length, `COUNTA(C${first + 1}:C${r - 1})`);
    sheets.push(s);
  } else if (layout === 'stages') {
    const intro = sheet('Petunjuk');
    put(intro, 0, 0, 'Petunjuk pengisian: isi tingkat kematangan 1 sampai 5 untuk setiap indikator.');
    sheets.push(intro);
    const s = sheet('Penilaian');
    const L = 2;
    const h = titleBlock(s, fw, L, 9, rnd);
    put(s, h, L, 'No');
    merge(s, h, L, h + 1, L);
    put(s, h, L + 1, 'Indikator');
    merge(s, h, L + 1, h + 1, L + 1);
    put(s, h, L + 2, 'Penilaian');
    merge(s, h, L + 2, h, L + 5);
    ['Mandiri', 'Dokumen', 'Interviu', 'Nilai Akhir'].forEach((t, k) => put(s, h + 1, L + 2 + k, t));
    put(s, h, L + 6, 'Bantu');
    merge(s, h, L + 6, h + 1, L + 6);
    put(s, h, L + 7, 'Keterangan');
    merge(s, h, L + 7, h + 1, L + 7);
    s.hiddenColumns.push(L + 6);
    const finalFilled = rnd() < 0.5;
    let r = h + 2;
    for (const e of entries) {
      put(s, r, L, e.key === String(e.no) ? e.no : e.key);
      put(s, r, L + 1, e.name);
      const self = fw.values === 'decimal' ? e.level : Math.min(5, e.level + (rnd() < 0.3 ? 1 : 0));
      put(s, r, L + 2, self);
      put(s, r, L + 3, e.level);
      put(s, r, L + 4, e.level);
      if (finalFilled) put(s, r, L + 5, e.level, `${colLetter(L + 4)}${r + 1}`);
      put(s, r, L + 6, e.aspect);
      put(s, r, L + 7, rnd() < 0.2 ? 'Perlu perbaikan dokumen' : '');
      r++;
    }
    sheets.push(s);
  } else {
    const s = sheet('Hasil');
    ['Nomor Indikator', 'Nama Indikator', 'Level', 'PJ/Unit', 'Target'].forEach((t, c) => put(s, 1, 1 + c, t));
    const sorted = [...entries].sort((a, b) => b.level - a.level || a.no - b.no);
    sorted.forEach((e, i) => {
      const r = 2 + i;
      put(s, r, 1, e.key === String(e.no) ? `Indikator ${e.no}` : e.key);
      put(s, r, 2, e.name);
      put(s, r, 3, levelText(fw, e, style === 3 ? 2 : style));
      put(s, r, 4, ['Diskominfo', 'Bappeda', 'BKPSDM', 'Inspektorat'][i % 4]);
      put(s, r, 5, fw.values === 'decimal' ? Math.min(5, e.level + 0.5) : Math.min(5, e.level + 1));
    });
    sheets.push(s);
  }
  return { framework: fw, layout, sheets };
}

/** The core's grid of a sheet spec (what the xlsx adapter reads back from the written file). */
export function specToGrid(s: SheetSpec): Grid {
  const formulas: Array<Array<string | null>> = [];
  for (const [key, f] of s.formulas) {
    const [r, c] = key.split(',').map(Number);
    while (formulas.length <= r) formulas.push([]);
    while (formulas[r].length < c) formulas[r].push(null);
    formulas[r][c] = '=' + f;
  }
  return {
    name: s.name,
    values: s.rows,
    ...(formulas.length ? { formulas } : {}),
    origin: { row: 0, col: 0 },
    merges: s.merges,
    hiddenColumns: s.hiddenColumns,
    hidden: s.hidden ?? false,
  };
}

export function specToGrids(w: WorkbookSpec): Grid[] {
  return w.sheets.map(specToGrid);
}

/** Writes a workbook spec as an .xlsx file with exceljs. */
export async function writeWorkbook(w: WorkbookSpec, file: string): Promise<void> {
  const wb = new Workbook();
  for (const s of w.sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const f = s.formulas.get(`${r},${c}`);
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = f ? ({ formula: f, result: v } as never) : (v as never);
      });
    });
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const c of s.hiddenColumns) ws.getColumn(c + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}

/** The framework and layout of the i-th generated workbook (varied, deterministic). */
export function planFor(i: number): { framework: Framework; layout: Layout } {
  // Mostly spbe2020 (the current framework), then spbe2018 and pemdi2026.
  const f = i % 10;
  const framework = f < 6 ? FRAMEWORKS.find((x) => x.id === 'spbe2020')! : f < 8 ? FRAMEWORKS.find((x) => x.id === 'spbe2018')! : FRAMEWORKS.find((x) => x.id === 'pemdi2026')!;
  return { framework, layout: LAYOUTS[Math.floor(i / 10) % LAYOUTS.length] };
}

/** Writes `count` varied workbooks into `dir`; returns their paths. */
export async function generateWorkbooks(dir: string, count: number, seed = 1): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const { framework, layout } = planFor(i);
    const file = path.join(dir, `${String(i + 1).padStart(4, '0')}-${framework.id}-${layout}.xlsx`);
    await writeWorkbook(buildWorkbook(framework, layout, seed * 100003 + i), file);
    files.push(file);
  }
  return files;
}

if (require.main === module) {
  const [dir, count = '20', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node scripts/run-ts.js scripts/generate-workbooks.ts OUT_DIR [COUNT] [SEED]\n');
    process.exit(1);
  }
  generateWorkbooks(dir, Number(count), Number(seed)).then(
    (files) => process.stdout.write(`${files.length} workbooks in ${dir}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
