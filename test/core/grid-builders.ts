/**
 * Builders of in-memory worksheet grids for tests (any helper may reuse them). They mimic the
 * layouts users have: title blocks, left margins, merged headers (value only in the top-left cell,
 * as Excel and the xlsx adapter give them), domain/aspect columns, group rows, stage columns.
 * No file is read: the three sample layouts are rebuilt here from their published figures.
 */
import type { CellRange, CellValue, Framework, Grid, IndicatorDef } from '../../src/core/types';
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';

export type Row = CellValue[];

/** A grid from rows (row 0 = sheet row 1 unless origin says otherwise). */
export function sheet(name: string, rows: Row[], extra: Partial<Omit<Grid, 'name' | 'values'>> = {}): Grid {
  return { name, values: rows, ...extra };
}

/** Shifts rows right by `cols` empty columns (a left margin). */
export function withMargin(rows: Row[], cols: number): Row[] {
  return rows.map((r) => (r.length === 0 ? r : [...Array<CellValue>(cols).fill(null), ...r]));
}

/** Official name of an indicator without the "Tingkat Kematangan " prefix. */
export function shortName(ind: IndicatorDef): string {
  return ind.name.replace(/^Tingkat Kematangan\s+/, '');
}

/** The keys of a framework's indicators: "1".."47", plus extra repeat keys (spbe2018 "35-2"). */
export function keysOf(fw: Framework, extraKeys: string[] = []): string[] {
  return [...fw.indicators.map((i) => String(i.no)), ...extraKeys];
}

export function indicatorOf(fw: Framework, key: string): IndicatorDef {
  const no = parseInt(key, 10);
  const ind = fw.indicators.find((i) => i.no === no);
  if (!ind) throw new Error(`no indicator ${key} in ${fw.id}`);
  return ind;
}

export interface SimpleTableSpec {
  readonly fw: Framework;
  /** Level cell value by key; keys not listed get `fill`. */
  readonly levels?: Readonly<Record<string, CellValue>>;
  readonly fill?: CellValue;
  /** Row keys in order (default: every indicator in order). */
  readonly keys?: string[];
  /** Header of the level column (default "Tingkat"). */
  readonly levelHeader?: string;
  /** Title rows above the header (each one cell), then one blank row. */
  readonly titles?: string[];
  /** Extra columns after the level column: header and value per key. */
  readonly extra?: ReadonlyArray<{ header: string; value: (key: string, ind: IndicatorDef) => CellValue }>;
  /** Write names (default true). */
  readonly names?: boolean;
}

/** A plain table "No | Indikator | Tingkat | …" with an optional title block; returns the rows. */
export function simpleRows(spec: SimpleTableSpec): Row[] {
  const rows: Row[] = [];
  for (const t of spec.titles ?? []) rows.push([t]);
  if (spec.titles?.length) rows.push([]);
  const extra = spec.extra ?? [];
  rows.push(['No', ...(spec.names === false ? [] : ['Indikator']), spec.levelHeader ?? 'Tingkat', ...extra.map((e) => e.header)]);
  for (const key of spec.keys ?? keysOf(spec.fw)) {
    const ind = indicatorOf(spec.fw, key);
    const level = spec.levels && key in spec.levels ? spec.levels[key] : (spec.fill ?? 3);
    const no: CellValue = /^\d+$/.test(key) ? parseInt(key, 10) : key;
    rows.push([no, ...(spec.names === false ? [] : [shortName(ind)]), level, ...extra.map((e) => e.value(key, ind))]);
  }
  return rows;
}

export function simpleGrid(spec: SimpleTableSpec & { readonly sheetName?: string }): Grid {
  return sheet(spec.sheetName ?? 'Penilaian', simpleRows(spec));
}

// ---------------------------------------------------------------------------------------------
// Golden data (published results; see the project's own golden tests)
// ---------------------------------------------------------------------------------------------

/** Kota Denpasar 2018, values by row key (35, 35-2, 35-3 are three public services). Official index 2.64 "Baik". */
export const DENPASAR_2018: Readonly<Record<string, number>> = {
  '1': 1, '2': 1, '3': 1, '4': 3, '5': 2, '6': 3, '7': 3, '8': 2, '9': 1, '10': 1, '11': 1, '12': 3, '13': 3,
  '14': 3, '15': 1, '16': 3, '17': 3, '18': 1, '19': 3, '20': 2, '21': 3, '22': 3, '23': 2, '24': 2, '25': 3,
  '26': 1, '27': 4, '28': 4, '29': 4, '30': 3, '31': 4, '32': 3, '33': 2, '34': 3, '35': 1, '35-2': 3, '35-3': 3,
};

/** Kab. Aceh Tengah 2025 (spbe2020): exact index 2.594 → 2.59 "Cukup"; domains 2.30/1.70/1.00/3.75. */
export const ACEH_TENGAH_2025: Readonly<Record<string, number>> = {
  '1': 2, '2': 2, '3': 4, '4': 1, '5': 3, '6': 3, '7': 2, '8': 2, '9': 1, '10': 3, '11': 1, '12': 1, '13': 1,
  '14': 1, '15': 1, '16': 1, '17': 3, '18': 2, '19': 3, '20': 3, '21': 1, '22': 1, '23': 1, '24': 1, '25': 1,
  '26': 1, '27': 1, '28': 1, '29': 1, '30': 1, '31': 1, '32': 4, '33': 4, '34': 4, '35': 4, '36': 4, '37': 4,
  '38': 2, '39': 4, '40': 4, '41': 4, '42': 4, '43': 3, '44': 3, '45': 4, '46': 4, '47': 4,
};

/** The pemdi2026 sample's decimal levels (index 2.022 → 2.02 "Cukup"). */
export const PEMDI_SAMPLE_2026: Readonly<Record<string, number>> = {
  '1': 2.5, '2': 1.75, '3': 3, '4': 2.2, '5': 1, '6': 1, '7': 1, '8': 1.5, '9': 2, '10': 1.8, '11': 1, '12': 2.25,
  '13': 3.1, '14': 2, '15': 1.4, '16': 1.6, '17': 3, '18': 1, '19': 2.6, '20': 2.15,
};

// ---------------------------------------------------------------------------------------------
// The three sample layouts
// ---------------------------------------------------------------------------------------------

/** Vertical merges over consecutive rows holding the same value in column `col` (value kept only in the top cell). */
function mergeRuns(rows: Row[], col: number, firstRow: number): CellRange[] {
  const merges: CellRange[] = [];
  let start = firstRow;
  for (let r = firstRow + 1; r <= rows.length; r++) {
    if (r === rows.length || rows[r][col] !== rows[start][col]) {
      if (r - 1 > start) {
        merges.push({ top: start, left: col, bottom: r - 1, right: col });
        for (let k = start + 1; k < r; k++) rows[k][col] = null;
      }
      start = r;
    }
  }
  return merges;
}

/**
 * Denpasar 2018 layout: title block (rows 1–2 merged A:H, unit on row 4), header on row 6
 * "No | Domain | Aspek | Indikator | Bobot (%) | Tingkat Kematangan | Penjelasan | Bukti Dukung",
 * domain (B) and aspect (C) merged vertically, rows 35, "35-2", "35-3", sheet weights 3.33 for aspect 7.
 */
export function denpasarGrid(levels: Readonly<Record<string, CellValue>> = DENPASAR_2018): Grid {
  const fw = SPBE2018;
  const rows: Row[] = [
    ['PEMERINTAH KOTA DENPASAR'],
    ['LEMBAR KERJA PENILAIAN MANDIRI SPBE TAHUN 2018'],
    [],
    ['Unit kerja: Dinas Komunikasi dan Informatika'],
    [],
    ['No', 'Domain', 'Aspek', 'Indikator', 'Bobot (%)', 'Tingkat Kematangan', 'Penjelasan', 'Bukti Dukung'],
  ];
  const sheetWeight: Record<number, number> = { 1: 1, 2: 1, 3: 4, 4: 4, 5: 4, 6: 5, 7: 3.33 };
  for (const key of keysOf(fw, ['35-2', '35-3'])) {
    const ind = indicatorOf(fw, key);
    const aspect = fw.aspects.find((a) => a.no === ind.aspect)!;
    const domain = fw.domains.find((d) => d.no === aspect.domain)!;
    rows.push([
      /^\d+$/.test(key) ? parseInt(key, 10) : key,
      domain.name,
      aspect.name,
      shortName(ind),
      sheetWeight[ind.aspect],
      levels[key] ?? null,
      'Sesuai bukti dukung terlampir',
      `bukti-${key}.pdf`,
    ]);
  }
  const merges: CellRange[] = [
    { top: 0, left: 0, bottom: 0, right: 7 },
    { top: 1, left: 0, bottom: 1, right: 7 },
    ...mergeRuns(rows, 1, 6),
    ...mergeRuns(rows, 2, 6),
  ];
  return sheet('Penilaian Mandiri', rows, { merges });
}

/**
 * Aceh Tengah 2025 layout: sheet "Rekap", title on row 1, header on row 3 "No. | Indikator |
 * Nilai Tingkat | Keterangan", group rows "DOMAIN 1 : …" and "Aspek 1 - …" merged A:D, numbers
 * written "1.", levels written "Tingkat 2".
 */
export function acehTengahGrid(levels: Readonly<Record<string, CellValue>> = ACEH_TENGAH_2025): Grid {
  const fw = SPBE2020;
  const rows: Row[] = [['Rekapitulasi Penilaian Mandiri'], [], ['No.', 'Indikator', 'Nilai Tingkat', 'Keterangan']];
  const merges: CellRange[] = [];
  let lastDomain = 0;
  let lastAspect = 0;
  for (const ind of fw.indicators) {
    const aspect = fw.aspects.find((a) => a.no === ind.aspect)!;
    if (aspect.domain !== lastDomain) {
      lastDomain = aspect.domain!;
      const d = fw.domains.find((x) => x.no === lastDomain)!;
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 3 });
      rows.push([`DOMAIN ${d.no} : ${d.name.toUpperCase()}`]);
    }
    if (aspect.no !== lastAspect) {
      lastAspect = aspect.no;
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: 3 });
      rows.push([`Aspek ${aspect.no} - ${aspect.name}`]);
    }
    const v = levels[String(ind.no)];
    rows.push([`${ind.no}.`, ind.name, typeof v === 'number' ? `Tingkat ${v}` : (v ?? null), '']);
  }
  return sheet('Rekap', rows, { merges });
}

/**
 * The pemdi2026 sample layout: title block, header on row 6 "No | Kode | Aspek | Indikator |
 * Bobot (%) | Tingkat Kematangan | Penjelasan | Bukti Dukung", Kode "3.5" (aspect.indicator),
 * aspect merged vertically in C, decimal levels.
 */
export function pemdiGrid(levels: Readonly<Record<string, CellValue>> = PEMDI_SAMPLE_2026): Grid {
  const fw = PEMDI2026;
  const rows: Row[] = [
    ['PEMERINTAH KABUPATEN CONTOH'],
    ['LEMBAR KERJA PENILAIAN MANDIRI PEMERINTAH DIGITAL TAHUN 2026'],
    [],
    ['Unit kerja: Dinas Komunikasi dan Informatika'],
    [],
    ['No', 'Kode', 'Aspek', 'Indikator', 'Bobot (%)', 'Tingkat Kematangan', 'Penjelasan', 'Bukti Dukung'],
  ];
  for (const ind of fw.indicators) {
    const aspect = fw.aspects.find((a) => a.no === ind.aspect)!;
    rows.push([
      ind.no,
      `${ind.aspect}.${ind.no}`,
      aspect.name,
      ind.name,
      ind.weight / 100,
      levels[String(ind.no)] ?? null,
      'Sesuai bukti dukung terlampir',
      `bukti-${ind.no}.pdf`,
    ]);
  }
  const merges: CellRange[] = [
    { top: 0, left: 0, bottom: 0, right: 7 },
    { top: 1, left: 0, bottom: 1, right: 7 },
    ...mergeRuns(rows, 2, 6),
  ];
  return sheet('Penilaian Mandiri', rows, { merges });
}
