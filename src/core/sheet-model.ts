/**
 * A sheet model: a worksheet described as plain data (cells with cached values and formulas,
 * styles, column widths, row heights, merges, an Excel table, data validations, conditional formats,
 * charts, frozen panes, page setup). The core builds it once; renderers write it: src/xlsx/package
 * (SpreadsheetML parts added to the workbook file) and src/excel (Office.js, inside Excel). Nothing is
 * computed twice; the limits both renderers share (cell text length, header/footer codes) are in
 * ./sheet-text.ts.
 *
 * Coordinates are zero-based (row 0 = row 1, col 0 = column A) within the model's own sheet.
 * Formulas are written WITHOUT the leading "=" and in Excel's en-US syntax (comma separators),
 * as both exceljs and Office.js `formulas` expect; references to other sheets quote the name
 * ('Penilaian Mandiri'!G7). A cell with `value` of type string and no `formula` is TEXT, always:
 * renderers must make sure a string such as "=HYPERLINK(...)" or "+62..." is never parsed as a formula.
 */
import type { CellRange } from './types';

export type ModelValue = string | number | boolean | null;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** "#RRGGBB" */
  readonly fontColor?: string;
  /** "#RRGGBB" */
  readonly fill?: string;
  /** Excel number format, e.g. "0.00", "0.0000", "@", "yyyy-mm-dd". */
  readonly numberFormat?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Cell is an input (unlocked when the sheet is protected). */
  readonly input?: boolean;
}

export interface ModelCell {
  readonly row: number;
  readonly col: number;
  /** The cached (computed) value, or the constant. */
  readonly value: ModelValue;
  /** Formula without leading "=", or absent for a constant. */
  readonly formula?: string;
  /** Key into SheetModel.styles. */
  readonly style?: string;
  /** Optional note/comment shown on the cell. */
  readonly comment?: string;
}

export interface TableModel {
  /** Excel table name (unique in the workbook, letters/digits/underscore). Renderers may suffix it to make it unique. */
  readonly name: string;
  /** Header row included. */
  readonly range: CellRange;
  readonly columns: ReadonlyArray<string>;
  /** e.g. "TableStyleMedium2" */
  readonly style: string;
}

export interface ValidationModel {
  readonly range: CellRange;
  readonly type: 'whole' | 'decimal' | 'list';
  readonly min?: number;
  readonly max?: number;
  readonly list?: ReadonlyArray<string>;
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly errorTitle?: string;
  readonly error?: string;
}

export type ConditionalRule =
  | { readonly type: 'cellIs'; readonly operator: 'greaterThan' | 'lessThan' | 'between' | 'equal' | 'greaterThanOrEqual' | 'lessThanOrEqual'; readonly formulas: ReadonlyArray<string>; readonly style: string }
  | { readonly type: 'expression'; readonly formula: string; readonly style: string }
  | { readonly type: 'dataBar'; readonly color: string }
  /** `values`: the numbers the three colours stand for (e.g. levels 1, 3, 5), fixed; absent: lowest, median, highest of the range. */
  | { readonly type: 'colorScale'; readonly colors: readonly [string, string, string]; readonly values?: readonly [number, number, number] };

export interface ConditionalFormatModel {
  readonly range: CellRange;
  readonly rules: ReadonlyArray<ConditionalRule>;
}

/**
 * A native chart, drawn by both renderers (a DrawingML chart part in files, `worksheet.charts` in Excel).
 * A bar chart lists its categories top-down in the order of the sheet; a radar chart draws one line per series.
 */
export interface ChartModel {
  readonly type: 'bar' | 'radar' | 'column';
  readonly title: string;
  /** Category labels and series values, as ranges of this sheet. */
  readonly categories: CellRange;
  readonly series: ReadonlyArray<{
    readonly name: string;
    readonly values: CellRange;
    /** "#RRGGBB"; absent: the renderer's palette. */
    readonly color?: string;
  }>;
  /** Where to place it: the chart covers these cells (top-left to bottom-right, inclusive). */
  readonly anchor: CellRange;
  /** The value axis: fixed bounds (e.g. 0–5 for levels), step between gridlines, number format of its labels. */
  readonly valueAxis?: { readonly min?: number; readonly max?: number; readonly majorUnit?: number; readonly numberFormat?: string };
}

/** A part of a printed header or footer: literal text, or a field the printer fills in. */
export type HeaderFooterPart = string | { readonly field: 'page' | 'pages' | 'sheet' | 'file' | 'date' };

/** The three sections of a printed header or footer. */
export interface HeaderFooterModel {
  readonly left?: ReadonlyArray<HeaderFooterPart>;
  readonly center?: ReadonlyArray<HeaderFooterPart>;
  readonly right?: ReadonlyArray<HeaderFooterPart>;
}

/** How the sheet prints. Every field is optional: an absent one keeps the host's default. */
export interface PageSetupModel {
  readonly paperSize?: 'A4' | 'A3' | 'letter' | 'legal';
  readonly orientation?: 'portrait' | 'landscape';
  /** Scale to fit this many pages wide (e.g. 1). */
  readonly fitToWidth?: number;
  /** Scale to fit this many pages tall; 0 = as many as needed (used with fitToWidth). */
  readonly fitToHeight?: number;
  /** Rows printed at the top of every page (zero-based, inclusive), e.g. a table's header row. */
  readonly printTitleRows?: { readonly top: number; readonly bottom: number };
  readonly header?: HeaderFooterModel;
  readonly footer?: HeaderFooterModel;
  /** Manual page breaks: a new printed page starts at each of these rows (zero-based). */
  readonly rowBreaks?: ReadonlyArray<number>;
  /** The cells printed (zero-based, inclusive); absent: everything with content. */
  readonly printArea?: CellRange;
  /** Centre the printout between the left and right margins. */
  readonly centerHorizontally?: boolean;
}

export interface SheetModel {
  /** Preferred sheet name ("Analisis Gap" / "Gap Analysis"); renderers pick a free numbered name if taken by a user sheet. */
  readonly name: string;
  /**
   * Workbook-scoped defined name that marks a sheet this tool made (refers to its A1),
   * so a later run may replace it; a sheet without the marker is never overwritten.
   */
  readonly marker: string;
  readonly cells: ReadonlyArray<ModelCell>;
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Column widths in characters, by zero-based column. */
  readonly columnWidths: ReadonlyArray<{ readonly col: number; readonly width: number }>;
  readonly merges: ReadonlyArray<CellRange>;
  readonly tables: ReadonlyArray<TableModel>;
  readonly validations: ReadonlyArray<ValidationModel>;
  readonly conditionalFormats: ReadonlyArray<ConditionalFormatModel>;
  readonly charts: ReadonlyArray<ChartModel>;
  /** Freeze panes below/after this many rows/columns. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Tab colour "#RRGGBB". */
  readonly tabColor?: string;
  /** Row heights in points, by zero-based row (rows not listed keep the default height). */
  readonly rowHeights?: ReadonlyArray<{ readonly row: number; readonly height: number }>;
  /** Printing: paper, orientation, fit to page, repeated header rows, header and footer. */
  readonly page?: PageSetupModel;
}
