/**
 * A SheetModel as a SpreadsheetML worksheet part, written directly (no object model in between):
 * cells with formulas and their cached values, styles (indexes from the StyleBook), column widths,
 * row heights, merges, frozen panes, the selected tab, conditional formats, data validations, page
 * setup, and the references to the sheet's table, drawing (charts) and notes parts.
 *
 * Text is always text: a string constant is an inline string (t="inlineStr"), which a spreadsheet
 * program never parses, so "=HYPERLINK(…)", "+62 …", "-" or "@user" stay exactly what they are.
 * Characters XML cannot hold are written with Excel's _xHHHH_ escape; text longer than a cell can hold
 * is cut with "…" (clipCellText).
 */
import type { CellRange } from '../../core/types';
import type { ConditionalRule, HeaderFooterModel, ModelCell, SheetModel, ValidationModel } from '../../core/sheet-model';
import { clipCellText, headerFooterSection, MAX_HEADER_FOOTER } from '../../core/sheet-text';
import { columnLetter } from '../../core/address';
import { escapeAttr, excelAttr, excelText } from './xml';
import { fileFormula } from './formula';

/** Excel's limits on data-validation texts (a longer one makes Excel repair the file). */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

const LETTERS: string[] = [];

/** The column's letters (cached: a sheet asks for the same few columns thousands of times). */
function letters(col: number): string {
  return LETTERS[col] ?? (LETTERS[col] = columnLetter(col));
}

export function a1(row: number, col: number): string {
  return `${letters(col)}${row + 1}`;
}

export function rangeRef(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function absoluteRef(r: CellRange): string {
  const tl = `$${columnLetter(r.left)}$${r.top + 1}`;
  const br = `$${columnLetter(r.right)}$${r.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

/** A sheet name as formulas and defined names quote it: 'Analisis Gap' (apostrophes doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A number for a cell position (row-major, Excel's 16,384 columns). */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The merges a renderer can write: no single cells, none overlapping an earlier one (Excel refuses both). */
export function usableMerges(model: SheetModel): CellRange[] {
  const out: CellRange[] = [];
  for (const m of model.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    if (out.some((x) => overlaps(x, m))) continue;
    out.push(m);
  }
  return out;
}

/** Column width in characters → the width stored in a file (Excel adds 5 px of padding to a Calibri 11 digit width of 7 px). */
export function fileColumnWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/** A number as a cell value: the shortest text that reads back as the same double. */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface WorksheetParts {
  /** The cellXfs index of a model style key (0 for none). */
  readonly xf: (styleKey: string | undefined) => number;
  /** The dxfs index of a model style key (conditional formats). */
  readonly dxf: (styleKey: string) => number;
  /** Text written into cells instead of the model's (table header names made valid), by cellKey(row, col). */
  readonly headerText: ReadonlyMap<number, string>;
  readonly mainNs: string;
  readonly relNs: string;
  readonly tableRelIds: ReadonlyArray<string>;
  readonly drawingRelId: string | null;
  readonly legacyDrawingRelId: string | null;
}

/** The worksheet part's XML. */
export function worksheetXml(model: SheetModel, parts: WorksheetParts): string {
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${parts.mainNs}" xmlns:r="${parts.relNs}">`);

  // sheetPr: tab colour, fit-to-page flag
  const fit = model.page && (model.page.fitToWidth !== undefined || model.page.fitToHeight !== undefined);
  if (model.tabColor || fit) {
    out.push('<sheetPr>');
    if (model.tabColor) out.push(`<tabColor rgb="FF${model.tabColor.replace('#', '').toUpperCase()}"/>`);
    if (fit) out.push('<pageSetUpPr fitToPage="1"/>');
    out.push('</sheetPr>');
  }

  // cells, sorted; the last model cell at a position wins
  const byPos = new Map<number, ModelCell>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of model.cells) {
    byPos.set(c.row * 16384 + c.col, c);
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  out.push(`<dimension ref="${byPos.size ? rangeRef({ top: 0, left: 0, bottom: maxRow, right: maxCol }) : 'A1'}"/>`);
  out.push(sheetViewsXml(model));
  out.push('<sheetFormatPr defaultRowHeight="15"/>');

  if (model.columnWidths.length > 0) {
    const cols = [...model.columnWidths].sort((x, y) => x.col - y.col);
    out.push('<cols>');
    let last = -1;
    for (const w of cols) {
      if (w.col === last || !(w.width >= 0)) continue;
      last = w.col;
      out.push(`<col min="${w.col + 1}" max="${w.col + 1}" width="${fileColumnWidth(Math.min(255, w.width))}" customWidth="1"/>`);
    }
    out.push('</cols>');
  }

  out.push(sheetDataXml(byPos, model, parts));

  const merges = usableMerges(model);
  if (merges.length > 0) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`);

  out.push(conditionalFormatsXml(model, parts));
  out.push(validationsXml(model.validations));

  // printing
  const page = model.page;
  if (page?.centerHorizontally) out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (page) {
    const a: string[] = [];
    const paper = { A4: 9, A3: 8, letter: 1, legal: 5 } as const;
    if (page.paperSize) a.push(`paperSize="${paper[page.paperSize]}"`);
    if (page.fitToWidth !== undefined) a.push(`fitToWidth="${page.fitToWidth}"`);
    if (page.fitToHeight !== undefined) a.push(`fitToHeight="${page.fitToHeight}"`);
    if (page.orientation) a.push(`orientation="${page.orientation}"`);
    if (a.length) out.push(`<pageSetup ${a.join(' ')}/>`);
    const hf = (tag: string, m: HeaderFooterModel | undefined) => {
      if (!m) return '';
      const code = (m.left ? `&L${headerFooterSection(m.left)}` : '') + (m.center ? `&C${headerFooterSection(m.center)}` : '') + (m.right ? `&R${headerFooterSection(m.right)}` : '');
      return code ? `<${tag}>${excelText(code.slice(0, MAX_HEADER_FOOTER))}</${tag}>` : '';
    };
    const header = hf('oddHeader', page.header);
    const footer = hf('oddFooter', page.footer);
    if (header || footer) out.push(`<headerFooter>${header}${footer}</headerFooter>`);
    const breaks = [...new Set(page.rowBreaks ?? [])].filter((r) => Number.isInteger(r) && r > 0 && r < 1048576).sort((x, y) => x - y);
    if (breaks.length > 0) out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }

  if (parts.drawingRelId) out.push(`<drawing r:id="${parts.drawingRelId}"/>`);
  if (parts.legacyDrawingRelId) out.push(`<legacyDrawing r:id="${parts.legacyDrawingRelId}"/>`);
  if (parts.tableRelIds.length > 0) out.push(`<tableParts count="${parts.tableRelIds.length}">${parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  out.push('</worksheet>');
  return out.join('');
}

function sheetViewsXml(model: SheetModel): string {
  const fr = model.freeze;
  if (!fr || (fr.rows <= 0 && fr.cols <= 0)) {
    return '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>';
  }
  const rows = Math.max(0, fr.rows);
  const cols = Math.max(0, fr.cols);
  const topLeft = a1(rows, cols);
  const active = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  let sel = '';
  if (rows > 0 && cols > 0) sel += `<selection pane="topRight"/><selection pane="bottomLeft"/>`;
  sel += `<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return (
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>` +
    `${sel}</sheetView></sheetViews>`
  );
}

function sheetDataXml(byPos: Map<number, ModelCell>, model: SheetModel, parts: WorksheetParts): string {
  const heights = new Map<number, number>();
  for (const h of model.rowHeights ?? []) if (h.height >= 0 && h.height <= 409) heights.set(h.row, h.height);
  const rows = new Map<number, ModelCell[]>();
  for (const c of byPos.values()) {
    let list = rows.get(c.row);
    if (!list) rows.set(c.row, (list = []));
    list.push(c);
  }
  for (const r of heights.keys()) if (!rows.has(r)) rows.set(r, []);
  const out: string[] = ['<sheetData>'];
  for (const r of [...rows.keys()].sort((x, y) => x - y)) {
    const h = heights.get(r);
    out.push(h === undefined ? `<row r="${r + 1}">` : `<row r="${r + 1}" ht="${h}" customHeight="1">`);
    for (const c of rows.get(r)!.sort((x, y) => x.col - y.col)) out.push(cellXml(c, parts));
    out.push('</row>');
  }
  out.push('</sheetData>');
  return out.join('');
}

function cellXml(c: ModelCell, parts: WorksheetParts): string {
  const ref = a1(c.row, c.col);
  const xf = parts.xf(c.style);
  const s = xf ? ` s="${xf}"` : '';
  const header = parts.headerText.size ? parts.headerText.get(cellKey(c.row, c.col)) : undefined;
  if (header !== undefined) return inlineString(ref, s, header);
  const v = c.value;
  if (c.formula !== undefined && c.formula.replace(/^=/, '') !== '') {
    const f = `<f>${excelText(fileFormula(c.formula))}</f>`;
    if (v === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>` : `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${excelText(clipCellText(v))}</v></c>`;
  }
  if (v === null || v === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${numberText(v)}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return inlineString(ref, s, v);
}

function inlineString(ref: string, s: string, text: string): string {
  const t = clipCellText(text);
  const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${excelText(t)}</t></is></c>`;
}

function conditionalFormatsXml(model: SheetModel, parts: WorksheetParts): string {
  const out: string[] = [];
  let priority = 1;
  for (const cf of model.conditionalFormats) {
    const rules = cf.rules.map((rule) => ruleXml(rule, priority++, parts)).join('');
    if (rules) out.push(`<conditionalFormatting sqref="${rangeRef(cf.range)}">${rules}</conditionalFormatting>`);
  }
  return out.join('');
}

function rgb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function ruleXml(rule: ConditionalRule, priority: number, parts: WorksheetParts): string {
  switch (rule.type) {
    case 'cellIs': {
      const formulas = rule.formulas.slice(0, rule.operator === 'between' ? 2 : 1).map((f) => `<formula>${excelText(fileFormula(f))}</formula>`).join('');
      return `<cfRule type="cellIs" dxfId="${parts.dxf(rule.style)}" priority="${priority}" operator="${rule.operator}">${formulas}</cfRule>`;
    }
    case 'expression':
      return `<cfRule type="expression" dxfId="${parts.dxf(rule.style)}" priority="${priority}"><formula>${excelText(fileFormula(rule.formula))}</formula></cfRule>`;
    case 'dataBar':
      return `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${rgb(rule.color)}"/></dataBar></cfRule>`;
    case 'colorScale':
      return (
        `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
        (rule.values ? rule.values.map((v) => `<cfvo type="num" val="${numberText(v)}"/>`).join('') : '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>') +
        rule.colors.map((c) => `<color rgb="${rgb(c)}"/>`).join('') +
        '</colorScale></cfRule>'
      );
  }
}

function validationsXml(validations: ReadonlyArray<ValidationModel>): string {
  const items = validations.map(validationXml).filter((x) => x !== '');
  return items.length ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>` : '';
}

function validationXml(v: ValidationModel): string {
  let formulas: string;
  let operator = '';
  if (v.type === 'list') {
    const items = (v.list ?? []).map((x) => x.replace(/,/g, ' '));
    const source = items.join(',');
    if (source.length === 0 || source.length > 255) return '';
    formulas = `<formula1>${excelText(`"${source.replace(/"/g, '""')}"`)}</formula1>`;
  } else if (v.min !== undefined && v.max !== undefined) {
    operator = ' operator="between"';
    formulas = `<formula1>${numberText(v.min)}</formula1><formula2>${numberText(v.max)}</formula2>`;
  } else if (v.min !== undefined) {
    operator = ' operator="greaterThanOrEqual"';
    formulas = `<formula1>${numberText(v.min)}</formula1>`;
  } else if (v.max !== undefined) {
    operator = ' operator="lessThanOrEqual"';
    formulas = `<formula1>${numberText(v.max)}</formula1>`;
  } else return '';
  const a: string[] = [`type="${v.type}"`, 'allowBlank="1"'];
  if (v.prompt !== undefined || v.promptTitle !== undefined) a.push('showInputMessage="1"');
  a.push('showErrorMessage="1"');
  if (v.errorTitle !== undefined) a.push(`errorTitle="${excelAttr(clip(v.errorTitle, PROMPT_TITLE_MAX))}"`);
  if (v.error !== undefined) a.push(`error="${excelAttr(clip(v.error, PROMPT_MESSAGE_MAX))}"`);
  if (v.promptTitle !== undefined) a.push(`promptTitle="${excelAttr(clip(v.promptTitle, PROMPT_TITLE_MAX))}"`);
  if (v.prompt !== undefined) a.push(`prompt="${excelAttr(clip(v.prompt, PROMPT_MESSAGE_MAX))}"`);
  a.push(`sqref="${escapeAttr(rangeRef(v.range))}"`);
  return `<dataValidation ${a.join(' ')}${operator}>${formulas}</dataValidation>`;
}
