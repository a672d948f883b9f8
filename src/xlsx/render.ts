/**
 * The xlsx rendering adapter: writes a SheetModel (src/core/sheet-model.ts) as a new worksheet into an
 * exceljs Workbook, and `renderGapWorkbook(bytes, model)` does it on the bytes of a workbook file.
 *
 * - The sheet gets the model's name, or a numbered one ("Analisis Gap (2)") when a sheet the user made has
 *   it. A sheet this tool made earlier (its A1 carries the workbook defined name `model.marker`) is
 *   replaced instead; no other sheet is ever touched.
 * - Cells: constants as they are (a string is ALWAYS written as a text cell, so "=HYPERLINK(…)", "+62 …",
 *   "-" or "@user" never become formulas), formulas with their cached results, styles, notes.
 * - Column widths, merges, the Excel table (filter buttons), data validations, conditional formats,
 *   frozen panes, tab colour and the marker defined name. Charts are skipped: exceljs cannot write them
 *   (the Office.js renderer draws them).
 *
 * Browser-safe (no file system): see write-file.ts for writing to a path.
 */
import type { Workbook, Worksheet, Style, Fill, Font, Alignment, Borders, CellValue as XCellValue } from 'exceljs';
import type { CellStyle, ConditionalRule, ModelCell, SheetModel } from '../core/sheet-model';
import type { CellRange } from '../core/types';
import type { WriteResult } from '../core/host';
import { chooseSheetName } from '../core/gap-sheet';
import { columnLetter } from '../core/address';
import { loadWorkbook, markedSheetName } from './read';

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function rangeA1(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

function toExcelStyle(s: CellStyle): Partial<Style> {
  const style: Partial<Style> = {};
  const font: Partial<Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } } as Fill;
  if (s.numberFormat) style.numFmt = s.numberFormat;
  const al: Partial<Alignment> = {};
  if (s.horizontal) al.horizontal = s.horizontal;
  if (s.vertical) al.vertical = s.vertical;
  if (s.wrap) al.wrapText = true;
  if (Object.keys(al).length) style.alignment = al;
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin } as Borders;
  }
  if (s.input) style.protection = { locked: false };
  return style;
}

/** A differential style for conditional formats (fill as bgColor, as Excel's dxf wants). */
function toDxf(s: CellStyle | undefined): Partial<Style> {
  const style: Partial<Style> = {};
  if (!s) return style;
  const font: Partial<Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.fill) } } as Fill;
  return style;
}

function cellValue(c: ModelCell): XCellValue {
  if (c.formula !== undefined) {
    const result = c.value === null ? undefined : c.value;
    return { formula: c.formula, result } as XCellValue;
  }
  // A string stays a string: exceljs writes it as a shared string, never parsing it as a formula.
  return c.value as XCellValue;
}

/** Names of every Excel table in the workbook (they must be unique across sheets). */
function tableNames(wb: Workbook): Set<string> {
  const names = new Set<string>();
  wb.eachSheet((ws) => {
    const tables = (ws as unknown as { getTables?: () => Array<{ name?: string; table?: { name?: string } }> }).getTables?.() ?? [];
    for (const t of tables) {
      const name = t.table?.name ?? t.name;
      if (name) names.add(name.toLowerCase());
    }
  });
  return names;
}

function uniqueTableName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z_]/, '_') || 'Table';
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The sheet this tool made earlier (one rule for every adapter: see `markedSheetName` in ./read). */
export { markedSheetName };

function removeMarker(wb: Workbook, marker: string): void {
  const names = wb.definedNames as unknown as { matrixMap?: Record<string, unknown> };
  if (names.matrixMap) delete names.matrixMap[marker];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Writes the model as a new worksheet of `wb` (replacing the sheet this tool made earlier, if any) and
 * returns the name it got. All or nothing is the caller's job (nothing is saved here).
 */
export function renderSheetModel(wb: Workbook, model: SheetModel): WriteResult {
  // 1. A sheet made earlier by this tool may be replaced; a user's sheet never.
  let replaced = false;
  let replacedOrder: number | null = null;
  const ours = markedSheetName(wb, model.marker);
  if (ours !== null) {
    const old = wb.worksheets.find((w) => w.name === ours);
    if (old) {
      replacedOrder = (old as unknown as { orderNo?: number }).orderNo ?? null;
      wb.removeWorksheet(old.id);
      replaced = true;
    }
  }
  // A marker that marks no sheet of ours (a deleted sheet, another cell) is dropped too: one marker, on this sheet.
  removeMarker(wb, model.marker);
  const existing: string[] = [];
  wb.eachSheet((ws) => existing.push(ws.name));
  const name = chooseSheetName(model.name, existing, null);

  const ws: Worksheet = wb.addWorksheet(name, {
    properties: model.tabColor ? { tabColor: { argb: argb(model.tabColor) } } : undefined,
    views: model.freeze ? [{ state: 'frozen', xSplit: model.freeze.cols, ySplit: model.freeze.rows, topLeftCell: a1(model.freeze.rows, model.freeze.cols), activeCell: 'A1' }] : [],
  } as Parameters<Workbook['addWorksheet']>[1]);
  if (replacedOrder !== null) (ws as unknown as { orderNo: number }).orderNo = replacedOrder;

  for (const w of model.columnWidths) ws.getColumn(w.col + 1).width = w.width;

  // 2. The table first (exceljs writes its header and rows into the cells), then every cell with its style.
  const byPos = new Map<string, ModelCell>();
  for (const c of model.cells) byPos.set(`${c.row},${c.col}`, c);
  const taken = tableNames(wb);
  for (const t of model.tables) {
    const tableName = uniqueTableName(t.name, taken);
    taken.add(tableName.toLowerCase());
    const rows: XCellValue[][] = [];
    for (let r = t.range.top + 1; r <= t.range.bottom; r++) {
      const row: XCellValue[] = [];
      for (let c = t.range.left; c <= t.range.right; c++) {
        const cell = byPos.get(`${r},${c}`);
        row.push(cell ? cellValue(cell) : null);
      }
      rows.push(row);
    }
    ws.addTable({
      name: tableName,
      displayName: tableName,
      ref: a1(t.range.top, t.range.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as never, showRowStripes: true, showFirstColumn: false, showLastColumn: false, showColumnStripes: false },
      columns: t.columns.map((c) => ({ name: c, filterButton: true })),
      rows,
    } as Parameters<Worksheet['addTable']>[0]);
  }

  const styleCache = new Map<string, Partial<Style>>();
  const styleOf = (key: string | undefined): Partial<Style> | undefined => {
    if (!key) return undefined;
    let s = styleCache.get(key);
    if (!s) {
      const def = model.styles[key];
      if (!def) return undefined;
      s = toExcelStyle(def);
      styleCache.set(key, s);
    }
    return s;
  };
  for (const c of model.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = cellValue(c);
    const st = styleOf(c.style);
    if (st) cell.style = JSON.parse(JSON.stringify(st)) as Partial<Style>;
    if (c.comment) cell.note = c.comment;
  }

  // 3. Merges, validations, conditional formats.
  for (const m of model.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  for (const v of model.validations) {
    const dv = {
      type: v.type,
      allowBlank: true,
      operator: 'between' as const,
      formulae: v.type === 'list' ? [`"${(v.list ?? []).join(',')}"`] : [v.min ?? 1, v.max ?? 5],
      showInputMessage: !!v.prompt,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: 'stop' as const,
      errorTitle: v.errorTitle,
      error: v.error,
    };
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++) (ws as unknown as { dataValidations: { add(address: string, v: unknown): void } }).dataValidations.add(a1(r, c), { ...dv });
    }
  }

  let priority = 1;
  for (const cf of model.conditionalFormats) {
    const rules = cf.rules.map((rule: ConditionalRule) => {
      switch (rule.type) {
        case 'cellIs':
          return { type: 'cellIs', operator: rule.operator, formulae: [...rule.formulas], style: toDxf(model.styles[rule.style]), priority: priority++ };
        case 'expression':
          return { type: 'expression', formulae: [rule.formula], style: toDxf(model.styles[rule.style]), priority: priority++ };
        case 'dataBar':
          return {
            type: 'dataBar',
            minLength: 0,
            maxLength: 100,
            gradient: true,
            border: false,
            cfvo: [{ type: 'min' }, { type: 'max' }],
            color: { argb: argb(rule.color) },
            priority: priority++,
          };
        case 'colorScale':
          return {
            type: 'colorScale',
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: rule.colors.map((c) => ({ argb: argb(c) })),
            priority: priority++,
          };
      }
    });
    ws.addConditionalFormatting({ ref: rangeA1(cf.range), rules } as never);
  }

  // 4. The marker: a workbook defined name on this sheet's A1.
  wb.definedNames.add(`${quoteSheet(name)}!$A$1`, model.marker);

  return { sheetName: name, replaced };
}

export interface RenderedWorkbook extends WriteResult {
  readonly bytes: Uint8Array;
}

/** Serialises a workbook to .xlsx bytes. */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/** Loads the workbook `inputBytes`, adds the model's sheet, and returns the new workbook's bytes. */
export async function renderGapWorkbook(inputBytes: ArrayBuffer | Uint8Array, model: SheetModel): Promise<RenderedWorkbook> {
  const wb = await loadWorkbook(inputBytes);
  const result = renderSheetModel(wb, model);
  return { ...result, bytes: await workbookBytes(wb) };
}
