/**
 * Writing a SheetModel into the open workbook with Office.js.
 *
 * Round trips: the write itself in ONE sync, unless Excel on the web's 5 MB request limit demands
 * more: the write is a list of operations with an estimated payload size each (cell blocks are split
 * into row bands), packed greedily into syncs under a budget (4 MB by default). Calculation is
 * suspended for every write sync (`suspendApiCalculationUntilNextSync` lasts one sync only).
 * What the write must know first (sheet names and ids, our marker, table and defined names: the
 * workbook facts, src/excel/facts.ts) is given by the caller when it knows it (ExcelHost: from its
 * last read, write or change subscription); otherwise a probe sync learns it. Remembered facts may be
 * stale (a sheet renamed or added, a name defined since): the write then meets the clash inside its
 * batch (the preferred sheet name, a table name or our marker taken), cleans up as below, and the
 * caller writes again after a probe (SheetWriteError.code tells). The marker and the sheet it marks
 * are looked up first in the batch, so a marker or sheet gone since fails the batch before anything
 * is changed; a sheet moved since is put back in place by one more sync. The facts after the write
 * are loaded at the end of its last sync.
 *
 * All or nothing: the new sheet is created under a temporary name nobody uses ("Analisis Gap ~k3f9").
 * A sheet marked by our defined name (model.marker, referring to its A1) is replaced only at the very
 * end of the last sync: the marker is re-pointed, the old sheet deleted, the new sheet takes the
 * preferred name. If any sync fails, a cleanup deletes the sheet this write created: the one under the
 * temporary name or, if the batch got as far as renaming it, the one the marker was re-pointed to, and
 * never a sheet that existed before; so no half sheet remains and no other sheet is touched, however
 * stale the facts were. The assessment sheet is never written.
 *
 * Text stays text: Excel parses strings written through `values`/`formulas` like typed input
 * ("=…" becomes a formula, "1/2" a date, "TRUE" a boolean, "+62…" a number). A model string that
 * could be parsed is written with a leading apostrophe, which Excel stores as a quote prefix: the
 * cell's value is exactly the string (the apostrophe is not part of it). This is what Excel itself
 * does when a user types '=HYPERLINK(…), and it works on every platform, unlike formatting cells
 * as text first (which would also turn later formulas in those cells into text).
 */
import type { ProblemError, ProblemFacts } from '../core/problems';
import type { CellRange } from '../core/types';
import type { CellStyle, ChartModel, ConditionalRule, ModelCell, PageSetupModel, SheetModel, ValidationModel } from '../core/sheet-model';
import { chooseSheetName, markedSheet, sanitizeSheetName } from '../core/gap-names';
import { clipCellText, headerFooterSection, MAX_HEADER_FOOTER } from '../core/sheet-text';
import { a1 } from '../core/address';
import { freeTableName } from './names';
import { SyncCounter } from './sync';
import { markedSheetFact, markerRefOf, nameFact, queueFacts } from './facts';
import type { WorkbookFacts } from './facts';

/** Default bytes per write sync: under Excel on the web's 5 MB request limit with room for protocol overhead. */
export const DEFAULT_WRITE_BUDGET = 4_000_000;
/** Excel's limits on data-validation texts. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
/** The comment stored on our marker name. */
export const MARKER_COMMENT = 'spbe-excel-addin: gap sheet';

// ---------------------------------------------------------------------------------------------
// Pure helpers (tested directly)
// ---------------------------------------------------------------------------------------------

/**
 * True when Excel could read this text as something other than text (a formula, number, date,
 * time, percentage, boolean or error literal, in any locale): anything not starting with a letter,
 * anything containing a digit, and any single word (TRUE, BENAR, WAHR …). Multi-word plain text is
 * left alone so its formula bar shows no apostrophe.
 */
export function needsTextProtection(s: string): boolean {
  if (s.length === 0) return false;
  if (!/^\p{L}/u.test(s)) return true;
  if (/\p{N}/u.test(s)) return true;
  if (!/\s/.test(s)) return true;
  return false;
}

/** The entry written through `Range.formulas` for one model cell (null leaves the cell empty). */
export function cellEntry(cell: ModelCell): string | number | boolean | null {
  if (cell.formula !== undefined && cell.formula !== '') return `=${cell.formula.replace(/^=/, '')}`;
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  const t = clipCellText(v);
  return needsTextProtection(t) ? `'${t}` : t;
}

/** Column width in Excel characters → Office.js points (Calibri 11: 7 px per character + 5 px padding, 0.75 pt per px). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

/** Rectangles covering the cells of each style: horizontal runs merged vertically when identical. */
export function styleRectangles(cells: ReadonlyArray<ModelCell>): Map<string, CellRange[]> {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    if (!c.style) continue;
    let rowsMap = byStyle.get(c.style);
    if (!rowsMap) byStyle.set(c.style, (rowsMap = new Map()));
    let cols = rowsMap.get(c.row);
    if (!cols) rowsMap.set(c.row, (cols = []));
    cols.push(c.col);
  }
  const out = new Map<string, CellRange[]>();
  for (const [style, rowsMap] of byStyle) {
    const rects: CellRange[] = [];
    const open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    const rowNums = [...rowsMap.keys()].sort((a, b) => a - b);
    for (const row of rowNums) {
      const cols = [...new Set(rowsMap.get(row)!)].sort((a, b) => a - b);
      const runs: Array<[number, number]> = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else runs.push([c, c]);
      }
      const seen = new Set<string>();
      for (const [l, r] of runs) {
        const key = `${l}:${r}`;
        seen.add(key);
        const o = open.get(key);
        if (o && o.bottom === row - 1) o.bottom = row;
        else {
          if (o) rects.push({ ...o });
          open.set(key, { top: row, left: l, bottom: row, right: r });
        }
      }
      for (const [key, o] of open) {
        if (!seen.has(key) && o.bottom < row) {
          rects.push({ ...o });
          open.delete(key);
        }
      }
    }
    for (const o of open.values()) rects.push({ ...o });
    rects.sort((a, b) => a.top - b.top || a.left - b.left);
    out.set(style, rects);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The plan: operations with estimated sizes
// ---------------------------------------------------------------------------------------------

interface Op {
  readonly bytes: number;
  readonly apply: (ws: Excel.Worksheet, context: Excel.RequestContext) => void;
}

const OP_OVERHEAD = 120;

function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** "A1:N80" */
function rangeAddress(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

function rowsOf(r: CellRange): number {
  return r.bottom - r.top + 1;
}
function colsOf(r: CellRange): number {
  return r.right - r.left + 1;
}

function jsonBytes(v: unknown): number {
  return JSON.stringify(v).length;
}

/** Splits a 2-D block (one row per entry) into row bands of at most `maxBytes` each. */
function bands<T>(rows: T[][], maxBytes: number): Array<{ start: number; rows: T[][]; bytes: number }> {
  const out: Array<{ start: number; rows: T[][]; bytes: number }> = [];
  let cur: T[][] = [];
  let bytes = 0;
  let start = 0;
  rows.forEach((row, i) => {
    const b = jsonBytes(row) + 1;
    if (cur.length > 0 && bytes + b > maxBytes) {
      out.push({ start, rows: cur, bytes });
      cur = [];
      bytes = 0;
      start = i;
    }
    cur.push(row);
    bytes += b;
  });
  if (cur.length > 0) out.push({ start, rows: cur, bytes });
  return out;
}

const H_ALIGN: Record<NonNullable<CellStyle['horizontal']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Record<NonNullable<CellStyle['vertical']>, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

function styleOps(rect: CellRange, style: CellStyle, maxBytes: number): Op[] {
  const ops: Op[] = [];
  const fmtBytes = OP_OVERHEAD * 4;
  ops.push({
    bytes: fmtBytes,
    apply: (ws) => {
      const f = rangeOf(ws, rect).format;
      if (style.bold !== undefined) f.font.bold = style.bold;
      if (style.italic !== undefined) f.font.italic = style.italic;
      if (style.fontSize !== undefined) f.font.size = style.fontSize;
      if (style.fontColor !== undefined) f.font.color = style.fontColor;
      if (style.fill !== undefined) f.fill.color = style.fill;
      if (style.horizontal !== undefined) f.horizontalAlignment = H_ALIGN[style.horizontal];
      if (style.vertical !== undefined) f.verticalAlignment = V_ALIGN[style.vertical];
      if (style.wrap !== undefined) f.wrapText = style.wrap;
      if (style.input) f.protection.locked = false;
      if (style.border) {
        const edges: Excel.BorderIndex[] = [
          'EdgeTop' as Excel.BorderIndex,
          'EdgeBottom' as Excel.BorderIndex,
          'EdgeLeft' as Excel.BorderIndex,
          'EdgeRight' as Excel.BorderIndex,
        ];
        if (colsOf(rect) > 1) edges.push('InsideVertical' as Excel.BorderIndex);
        if (rowsOf(rect) > 1) edges.push('InsideHorizontal' as Excel.BorderIndex);
        for (const e of edges) {
          const b = f.borders.getItem(e);
          b.style = 'Continuous';
          b.weight = 'Thin';
        }
      }
    },
  });
  if (style.numberFormat !== undefined) {
    const fmt = style.numberFormat;
    const rowArr = Array.from({ length: colsOf(rect) }, () => fmt);
    const all = Array.from({ length: rowsOf(rect) }, () => rowArr);
    for (const band of bands(all, maxBytes)) {
      const r: CellRange = { top: rect.top + band.start, left: rect.left, bottom: rect.top + band.start + band.rows.length - 1, right: rect.right };
      ops.push({
        bytes: band.bytes + OP_OVERHEAD,
        apply: (ws) => {
          rangeOf(ws, r).numberFormat = band.rows;
        },
      });
    }
  }
  return ops;
}

function validationRule(v: ValidationModel): Excel.DataValidationRule | null {
  if (v.type === 'list') {
    const items = (v.list ?? []).map((x) => x.replace(/,/g, ' '));
    const source = items.join(',');
    if (source.length === 0 || source.length > 255) return null;
    return { list: { inCellDropDown: true, source } };
  }
  const body = (): Excel.BasicDataValidation | null => {
    if (v.min !== undefined && v.max !== undefined) return { formula1: v.min, formula2: v.max, operator: 'Between' };
    if (v.min !== undefined) return { formula1: v.min, operator: 'GreaterThanOrEqualTo' };
    if (v.max !== undefined) return { formula1: v.max, operator: 'LessThanOrEqualTo' };
    return null;
  };
  const b = body();
  if (!b) return null;
  return v.type === 'whole' ? { wholeNumber: b } : { decimal: b };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function validationOps(v: ValidationModel): Op[] {
  const rule = validationRule(v);
  if (!rule) return [];
  return [
    {
      bytes: OP_OVERHEAD * 3 + jsonBytes(rule) + (v.prompt?.length ?? 0) + (v.error?.length ?? 0),
      apply: (ws) => {
        const dv = rangeOf(ws, v.range).dataValidation;
        dv.rule = rule;
        if (v.prompt !== undefined || v.promptTitle !== undefined) {
          dv.prompt = { showPrompt: true, title: clip(v.promptTitle ?? '', PROMPT_TITLE_MAX), message: clip(v.prompt ?? '', PROMPT_MESSAGE_MAX) };
        }
        if (v.error !== undefined || v.errorTitle !== undefined) {
          dv.errorAlert = { showAlert: true, style: 'Stop', title: clip(v.errorTitle ?? '', PROMPT_TITLE_MAX), message: clip(v.error ?? '', PROMPT_MESSAGE_MAX) };
        }
      },
    },
  ];
}

const CF_OPERATOR: Record<Extract<ConditionalRule, { type: 'cellIs' }>['operator'], string> = {
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  between: 'Between',
  equal: 'EqualTo',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
};

function applyCfStyle(format: Excel.ConditionalRangeFormat, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
}

function conditionalOps(model: SheetModel): Op[] {
  const ops: Op[] = [];
  for (const cf of model.conditionalFormats) {
    for (const rule of cf.rules) {
      ops.push({
        bytes: OP_OVERHEAD * 4 + jsonBytes(rule),
        apply: (ws) => {
          const cfs = rangeOf(ws, cf.range).conditionalFormats;
          switch (rule.type) {
            case 'cellIs': {
              const c = cfs.add('CellValue' as Excel.ConditionalFormatType);
              const [f1, f2] = rule.formulas.map((f) => `=${f.replace(/^=/, '')}`);
              c.cellValue.rule = { formula1: f1, ...(f2 !== undefined ? { formula2: f2 } : {}), operator: CF_OPERATOR[rule.operator] as Excel.ConditionalCellValueOperator };
              applyCfStyle(c.cellValue.format, model.styles[rule.style]);
              break;
            }
            case 'expression': {
              const c = cfs.add('Custom' as Excel.ConditionalFormatType);
              c.custom.rule.formula = `=${rule.formula.replace(/^=/, '')}`;
              applyCfStyle(c.custom.format, model.styles[rule.style]);
              break;
            }
            case 'dataBar': {
              const c = cfs.add('DataBar' as Excel.ConditionalFormatType);
              c.dataBar.positiveFormat.fillColor = rule.color;
              break;
            }
            case 'colorScale': {
              const c = cfs.add('ColorScale' as Excel.ConditionalFormatType);
              const v = rule.values;
              const num = 'Number' as Excel.ConditionalFormatColorCriterionType;
              c.colorScale.criteria = v
                ? {
                    minimum: { type: num, formula: String(v[0]), color: rule.colors[0] },
                    midpoint: { type: num, formula: String(v[1]), color: rule.colors[1] },
                    maximum: { type: num, formula: String(v[2]), color: rule.colors[2] },
                  }
                : {
                    minimum: { type: 'LowestValue' as Excel.ConditionalFormatColorCriterionType, color: rule.colors[0] },
                    midpoint: { type: 'Percentile' as Excel.ConditionalFormatColorCriterionType, formula: '50', color: rule.colors[1] },
                    maximum: { type: 'HighestValue' as Excel.ConditionalFormatColorCriterionType, color: rule.colors[2] },
                  };
              break;
            }
          }
        },
      });
    }
  }
  return ops;
}

const CHART_TYPE: Record<ChartModel['type'], string> = { bar: 'BarClustered', column: 'ColumnClustered', radar: 'RadarMarkers' };

function chartOps(model: SheetModel): Op[] {
  return model.charts
    .filter((c) => c.series.length > 0)
    .map((chart) => ({
      bytes: OP_OVERHEAD * (6 + chart.series.length * 3) + jsonBytes(chart),
      apply: (ws: Excel.Worksheet) => {
        const first = chart.series[0];
        const byColumns = colsOf(first.values) === 1;
        const ch = ws.charts.add(CHART_TYPE[chart.type] as Excel.ChartType, rangeOf(ws, first.values), byColumns ? 'Columns' : 'Rows');
        ch.title.text = chart.title;
        const categories = rangeOf(ws, chart.categories);
        const s0 = ch.series.getItemAt(0);
        s0.name = first.name;
        s0.setXAxisValues(categories);
        const all = [s0];
        for (const s of chart.series.slice(1)) {
          const added = ch.series.add(s.name);
          added.setValues(rangeOf(ws, s.values));
          added.setXAxisValues(categories);
          all.push(added);
        }
        chart.series.forEach((s, i) => {
          if (!s.color) return;
          if (chart.type === 'radar') all[i].format.line.color = s.color;
          else all[i].format.fill.setSolidColor(s.color);
        });
        // a legend names the series when there are several (the radar: now and with the targets), as in files
        ch.legend.visible = chart.series.length > 1;
        if (chart.series.length > 1) ch.legend.position = 'Bottom';
        if (chart.type === 'bar') {
          // categories top-down, as in the sheet, with the value axis at the bottom (crossing at the last category)
          ch.axes.categoryAxis.reversePlotOrder = true;
          ch.axes.categoryAxis.position = 'Maximum';
        }
        const va = chart.valueAxis;
        if (va) {
          const axis = ch.axes.valueAxis;
          if (va.min !== undefined) axis.minimum = va.min;
          if (va.max !== undefined) axis.maximum = va.max;
          if (va.majorUnit !== undefined) axis.majorUnit = va.majorUnit;
          if (va.numberFormat !== undefined) axis.numberFormat = va.numberFormat;
        }
        ch.setPosition(rangeOf(ws, { top: chart.anchor.top, left: chart.anchor.left, bottom: chart.anchor.top, right: chart.anchor.left }), rangeOf(ws, {
          top: chart.anchor.bottom,
          left: chart.anchor.right,
          bottom: chart.anchor.bottom,
          right: chart.anchor.right,
        }));
      },
    }));
}

const PAPER: Record<NonNullable<PageSetupModel['paperSize']>, Excel.PaperType | 'A4' | 'A3' | 'Letter' | 'Legal'> = { A4: 'A4', A3: 'A3', letter: 'Letter', legal: 'Legal' };

/** Page setup (ExcelApi 1.9 pageLayout): paper, orientation, fit to pages, print titles, header and footer. */
function pageOps(page: PageSetupModel): Op[] {
  const sections: Array<[keyof Excel.HeaderFooter & string, string]> = [];
  for (const [where, model] of [['Header', page.header], ['Footer', page.footer]] as const) {
    if (!model) continue;
    if (model.left) sections.push([`left${where}` as keyof Excel.HeaderFooter & string, headerFooterSection(model.left)]);
    if (model.center) sections.push([`center${where}` as keyof Excel.HeaderFooter & string, headerFooterSection(model.center)]);
    if (model.right) sections.push([`right${where}` as keyof Excel.HeaderFooter & string, headerFooterSection(model.right)]);
  }
  return [
    {
      bytes: OP_OVERHEAD * (5 + sections.length) + sections.reduce((n, [, t]) => n + t.length, 0),
      apply: (ws) => {
        const pl = ws.pageLayout;
        if (page.orientation) pl.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        if (page.paperSize) pl.paperSize = PAPER[page.paperSize];
        const zoom: Excel.PageLayoutZoomOptions = {};
        // 0 pages tall means "as many as needed": left out, so only the width is fitted
        if (page.fitToWidth !== undefined && page.fitToWidth > 0) zoom.horizontalFitToPages = page.fitToWidth;
        if (page.fitToHeight !== undefined && page.fitToHeight > 0) zoom.verticalFitToPages = page.fitToHeight;
        if (Object.keys(zoom).length > 0) pl.zoom = zoom;
        if (page.centerHorizontally !== undefined) pl.centerHorizontally = page.centerHorizontally;
        if (page.printArea) pl.setPrintArea(rangeAddress(page.printArea));
        for (const r of page.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
        if (page.printTitleRows) pl.setPrintTitleRows(`$${page.printTitleRows.top + 1}:$${page.printTitleRows.bottom + 1}`);
        const hf = pl.headersFooters.defaultForAllPages as unknown as Record<string, string>;
        for (const [key, text] of sections) hf[key] = text.slice(0, MAX_HEADER_FOOTER);
      },
    },
  ];
}

/** Row heights, one operation per run of consecutive rows with the same height. */
function rowHeightOps(model: SheetModel): Op[] {
  const rows = [...(model.rowHeights ?? [])].filter((h) => h.height >= 0 && h.height <= 409).sort((a, b) => a.row - b.row);
  const ops: Op[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].row === rows[j].row + 1 && rows[j + 1].height === rows[i].height) j++;
    const top = rows[i].row;
    const count = rows[j].row - top + 1;
    const height = rows[i].height;
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        ws.getRangeByIndexes(top, 0, count, 1).format.rowHeight = height;
      },
    });
    i = j + 1;
  }
  return ops;
}

export interface PlanOptions {
  /** Bytes per write sync. */
  readonly budget: number;
  /** Notes (cell comments) need ExcelApi 1.18; without it they are left out. */
  readonly notes: boolean;
  /** The table names to use, by model table index (already made unique). */
  readonly tableNames: ReadonlyArray<string>;
  /** Page setup needs ExcelApi 1.9 (worksheet.pageLayout); without it the model's page setup is left out. */
  readonly pageLayout?: boolean;
}

/** The operations that fill an (empty, new) worksheet with the model, in a safe order. */
export function planSheet(model: SheetModel, options: PlanOptions): Op[] {
  const ops: Op[] = [];
  const half = Math.max(1000, Math.floor(options.budget / 2));

  // 1. Cells: one rectangular block over the model's bounding box, split into row bands.
  if (model.cells.length > 0) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const c of model.cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const width = right - left + 1;
    const block: Array<Array<string | number | boolean | null>> = Array.from({ length: bottom - top + 1 }, () => new Array<string | number | boolean | null>(width).fill(null));
    for (const c of model.cells) block[c.row - top][c.col - left] = cellEntry(c);
    for (const band of bands(block, half)) {
      const r: CellRange = { top: top + band.start, left, bottom: top + band.start + band.rows.length - 1, right };
      ops.push({
        bytes: band.bytes + OP_OVERHEAD,
        apply: (ws) => {
          rangeOf(ws, r).formulas = band.rows;
        },
      });
    }
  }

  // 2. Styles and number formats (after the values, so a text format never swallows a formula).
  for (const [styleKey, rects] of styleRectangles(model.cells)) {
    const style = model.styles[styleKey];
    if (!style) continue;
    for (const rect of rects) ops.push(...styleOps(rect, style, half));
  }

  // 3. Column widths, row heights.
  for (const w of model.columnWidths) {
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = widthToPoints(w.width);
      },
    });
  }
  ops.push(...rowHeightOps(model));

  // 4. Merges (skipping single cells and any overlapping an earlier merge, which Excel refuses).
  const merged: CellRange[] = [];
  for (const m of model.merges) {
    if (rowsOf(m) === 1 && colsOf(m) === 1) continue;
    if (merged.some((x) => overlap(x, m))) continue;
    merged.push(m);
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        rangeOf(ws, m).merge(false);
      },
    });
  }

  // 5. Tables (Excel refuses a table over merged cells or over another table: those are skipped).
  const tabled: CellRange[] = [];
  model.tables.forEach((t, i) => {
    if (merged.some((m) => overlap(m, t.range)) || tabled.some((x) => overlap(x, t.range))) return;
    tabled.push(t.range);
    const name = options.tableNames[i] ?? t.name;
    ops.push({
      bytes: OP_OVERHEAD * 3,
      apply: (ws) => {
        const table = ws.tables.add(rangeOf(ws, t.range), true);
        table.name = name;
        table.style = t.style;
      },
    });
  });

  // 6. Validations, conditional formats, charts, notes.
  for (const v of model.validations) ops.push(...validationOps(v));
  ops.push(...conditionalOps(model));
  ops.push(...chartOps(model));
  if (options.notes) {
    for (const c of model.cells) {
      if (!c.comment) continue;
      const comment = clipCellText(c.comment);
      ops.push({
        bytes: OP_OVERHEAD + comment.length,
        apply: (ws) => {
          ws.notes.add(a1(c.row, c.col), comment);
        },
      });
    }
  }

  // 7. Sheet settings.
  if (model.freeze && (model.freeze.rows > 0 || model.freeze.cols > 0)) {
    const fr = model.freeze;
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        if (fr.rows > 0 && fr.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr.rows, fr.cols));
        else if (fr.rows > 0) ws.freezePanes.freezeRows(fr.rows);
        else ws.freezePanes.freezeColumns(fr.cols);
      },
    });
  }
  if (model.page && options.pageLayout) ops.push(...pageOps(model.page));
  if (model.tabColor) {
    const color = model.tabColor;
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (ws) => {
        ws.tabColor = color;
      },
    });
  }
  return ops;
}

function overlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Groups operations into syncs of at most `budget` estimated bytes each (an oversized op gets its own sync). */
export function packOps(ops: ReadonlyArray<Op>, budget: number, reserve = 0): Op[][] {
  const groups: Op[][] = [[]];
  let bytes = reserve;
  for (const op of ops) {
    const cur = groups[groups.length - 1];
    if (cur.length > 0 && bytes + op.bytes > budget) {
      groups.push([op]);
      bytes = op.bytes;
    } else {
      cur.push(op);
      bytes += op.bytes;
    }
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Executing the write
// ---------------------------------------------------------------------------------------------

export interface WriteOptions {
  readonly budget: number;
  readonly isApiSupported: (version: string) => boolean;
  /** The workbook facts when the caller knows them (no probe sync); see the module comment. */
  readonly facts?: WorkbookFacts;
}

export interface WriteOutcome {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly sheetId: string;
  /** Syncs used by the write (probe included; cleanup after a failure included). */
  readonly syncs: number;
  /** The sheet the new one replaced (deleted), if any. */
  readonly removedSheetId: string | null;
  /** The workbook facts after the write (loaded in its last sync). */
  readonly facts: WorkbookFacts;
}

/** Error thrown when a write failed; `cleanedUp` tells whether the half-written sheet was removed; `problem` says it in the table's words (WRITE_REFUSED). */
export class SheetWriteError extends Error implements ProblemError {
  readonly problem: ProblemFacts;
  readonly code: string;
  readonly cleanedUp: boolean;
  readonly cause: unknown;
  /** The name the new sheet had while it was written (what may remain when `cleanedUp` is false). */
  readonly sheetName: string;
  /** `locked`: the workbook's structure is protected (Review > Protect Workbook), which is why Excel refused: WORKBOOK_STRUCTURE_LOCKED. */
  constructor(cause: unknown, cleanedUp: boolean, sheetName = '', locked = false) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(`Writing the sheet failed (${typeof code === 'string' ? code : 'error'}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SheetWriteError';
    this.code = typeof code === 'string' ? code : 'Unknown';
    this.cleanedUp = cleanedUp;
    this.cause = cause;
    this.sheetName = sheetName;
    this.problem = locked ? { code: 'WORKBOOK_STRUCTURE_LOCKED' } : { code: 'WRITE_REFUSED', args: { code: this.code } };
  }
}

export async function writeSheetModel(context: Excel.RequestContext, counter: SyncCounter, model: SheetModel, options: WriteOptions): Promise<WriteOutcome> {
  const start = counter.count;
  const wb = context.workbook;

  // What exists: remembered by the caller, or learnt by a probe sync.
  let facts = options.facts;
  if (!facts) {
    const probe = queueFacts(context);
    await counter.counted(context.sync());
    facts = probe.take();
  }

  const existing = facts.sheets.map((s, position) => ({ name: s.name, id: s.id, position }));
  const existingIds = new Set(existing.map((s) => s.id));
  const oldName = markedSheet(markerRefOf(facts, model.marker), existing.map((s) => s.name));
  const old = existing.find((s) => s.name === oldName) ?? null;
  // Sheet names are chosen as the CLI chooses them (src/core/gap-sheet.ts). The new sheet is created under a
  // name nobody else uses (so a failed write can only ever remove its own sheet), and at the switch-over
  // takes the preferred name (free once our old sheet is gone).
  const createdName = temporarySheetName(model.name, existing.map((s) => s.name));
  const finalName = chooseSheetName(model.name, existing.map((s) => s.name), oldName);

  const tableItems = facts.tables;
  const definedNames = facts.names.map((n) => n.name);
  const takenNow = [...tableItems.map((t) => t.name), ...definedNames, model.marker];
  const takenAfter = [...tableItems.filter((t) => oldName === null || t.sheet.toLowerCase() !== oldName.toLowerCase()).map((t) => t.name), ...definedNames, model.marker];
  const tableNamesNow: string[] = [];
  const tableRenames: Array<{ index: number; name: string }> = [];
  model.tables.forEach((t, i) => {
    const wanted = freeTableName(t.name, [...takenAfter, ...tableNamesNow]);
    const now = freeTableName(wanted, [...takenNow, ...tableNamesNow]);
    tableNamesNow.push(now);
    if (now !== wanted) tableRenames.push({ index: i, name: wanted });
  });

  const ops = planSheet(model, { budget: options.budget, notes: options.isApiSupported('1.18'), tableNames: tableNamesNow, pageLayout: options.isApiSupported('1.9') });
  const groups = packOps(ops, options.budget, 2000);

  // First in the batch: the marker and the sheet it marks, which the switch-over needs (gone since: the batch fails here, having changed nothing).
  const marker = nameFact(facts, model.marker) ? wb.names.getItem(model.marker) : null;
  if (marker) marker.load('type');
  const oldSheet = old ? wb.worksheets.getItem(old.id) : null;
  if (oldSheet) oldSheet.load('position');
  let after: { take(): WorkbookFacts } | null = null;
  let ws: Excel.Worksheet | null = null;
  try {
    for (let g = 0; g < groups.length; g++) {
      context.application.suspendApiCalculationUntilNextSync();
      if (g === 0) {
        ws = wb.worksheets.add(createdName);
        ws.load('id');
      }
      const sheet = ws!;
      for (const op of groups[g]) op.apply(sheet, context);
      if (g === groups.length - 1) {
        // The switch-over, last: marker, old sheet, names, activation.
        if (old) sheet.position = old.position;
        if (marker) marker.delete();
        wb.names.add(model.marker, sheet.getRange('A1'), MARKER_COMMENT);
        if (oldSheet) oldSheet.delete();
        if (finalName !== createdName) sheet.name = finalName;
        for (const r of tableRenames) {
          const t = sheet.tables.getItem(tableNamesNow[r.index]);
          t.name = r.name;
        }
        sheet.activate();
        sheet.getRange('A1').select();
        after = queueFacts(context);
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-bounded group: a single group unless the write exceeds Excel on the web's 5 MB request limit
      await counter.counted(context.sync());
    }
    let factsAfter = after!.take();
    if (oldSheet && old && oldSheet.position !== old.position) {
      // The old sheet had been moved since the facts were learnt: the new one goes where it was.
      factsAfter = await moveSheet(context, counter, ws!, oldSheet.position, factsAfter);
    }
    return { sheetName: finalName, replaced: old !== null, sheetId: ws!.id, syncs: counter.count - start, removedSheetId: old?.id ?? null, facts: factsAfter };
  } catch (e) {
    const { cleanedUp, locked } = await cleanup(context, counter, createdName, model.marker, existingIds);
    throw new SheetWriteError(e, cleanedUp, createdName, locked);
  }
}

/** Puts the written sheet at `position` (one sync) and returns the facts with the sheets in their new order. */
async function moveSheet(context: Excel.RequestContext, counter: SyncCounter, ws: Excel.Worksheet, position: number, facts: WorkbookFacts): Promise<WorkbookFacts> {
  const id = ws.id;
  ws.position = position;
  await counter.counted(context.sync());
  const moved = facts.sheets.find((s) => s.id === id);
  if (!moved) return facts;
  const others = facts.sheets.filter((s) => s.id !== id);
  others.splice(Math.min(position, others.length), 0, moved);
  return { ...facts, sheets: others };
}

/**
 * The name the new sheet is written under: the preferred one with a random tag ("Analisis Gap ~k3f9"),
 * unlike any sheet's name, so that the clean-up of a failed write can tell its own sheet from the user's.
 */
export function temporarySheetName(preferred: string, existing: ReadonlyArray<string>): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(preferred).slice(0, 24).trim();
  for (;;) {
    const name = `${base} ~${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Deletes the sheet this write created, never another: the sheet still under its temporary name, or,
 * when the batch got as far as renaming it, the sheet our marker was re-pointed to (both only if the
 * sheet did not exist before). A user's sheet can have neither, however the workbook changed meanwhile.
 */
async function cleanup(context: Excel.RequestContext, counter: SyncCounter, createdName: string, marker: string, existingIds: ReadonlySet<string>): Promise<{ cleanedUp: boolean; locked: boolean }> {
  let locked = false;
  try {
    const temporary = context.workbook.worksheets.getItemOrNullObject(createdName);
    temporary.load('id');
    // Why it failed, learnt in the same sync: a protected structure refuses every new sheet (no sync on success).
    const protection = context.workbook.protection;
    protection.load('protected');
    const now = queueFacts(context);
    await counter.counted(context.sync());
    locked = protection.protected === true;
    const marked = markedSheetFact(now.take(), marker);
    const doomed = !temporary.isNullObject ? temporary.id : marked && !existingIds.has(marked.id) ? marked.id : null;
    if (doomed === null || existingIds.has(doomed)) return { cleanedUp: true, locked };
    context.workbook.worksheets.getItem(doomed).delete();
    await counter.counted(context.sync());
    return { cleanedUp: true, locked };
  } catch {
    return { cleanedUp: false, locked };
  }
}
