/** Assessment grids built by the pane's tests (a title row, a header row, one row per indicator). */
import type { CellValue, Grid } from '../../src/core/types';
import type { Framework } from '../../src/core/types';

export interface SheetSpec {
  readonly fw: Framework;
  /** Level of each indicator in framework order; a function of the indicator number, or a constant. */
  readonly levels: ReadonlyArray<CellValue> | ((no: number) => CellValue);
  readonly name?: string;
  /** A second (earlier-stage) level column: "Penilaian Mandiri" beside "Nilai Akhir". */
  readonly selfAssessment?: ReadonlyArray<CellValue> | ((no: number) => CellValue);
}

/**
 * A sheet laid out as agencies keep it: title in A1, header in row 3, indicators from row 4.
 * Columns: A No, B Indikator, C Tingkat (or C Penilaian Mandiri, D Nilai Akhir with stages).
 * The level of indicator n (framework order index i) is in row 4 + i, column C (or D).
 */
export function assessmentGrid(spec: SheetSpec): Grid {
  const levelOf = (list: SheetSpec['levels'], i: number, no: number): CellValue => (typeof list === 'function' ? list(no) : list[i] ?? null);
  const rows: CellValue[][] = [['LEMBAR KERJA PENILAIAN MANDIRI SPBE — PEMERINTAH KABUPATEN CONTOH'], []];
  if (spec.selfAssessment) rows.push(['No', 'Indikator', 'Penilaian Mandiri', 'Nilai Akhir']);
  else rows.push(['No', 'Indikator', 'Tingkat']);
  spec.fw.indicators.forEach((ind, i) => {
    const row: CellValue[] = [ind.no, `Tingkat Kematangan ${ind.name}`];
    if (spec.selfAssessment) row.push(levelOf(spec.selfAssessment, i, ind.no));
    row.push(levelOf(spec.levels, i, ind.no));
    rows.push(row);
  });
  return { name: spec.name ?? 'Penilaian', values: rows };
}

/** Row (1-based, as Excel shows it) of indicator `no` in a grid made by assessmentGrid. */
export function rowOf(fw: Framework, no: number): number {
  return 4 + fw.indicators.findIndex((d) => d.no === no);
}

/** Returns a copy of `grid` with one cell replaced (zero-based row/col). */
export function withCell(grid: Grid, row: number, col: number, value: CellValue): Grid {
  const values = grid.values.map((r) => [...r]);
  while (values.length <= row) values.push([]);
  const r = values[row];
  while (r.length <= col) r.push(null);
  r[col] = value;
  return { ...grid, values };
}
