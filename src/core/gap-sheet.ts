/**
 * The gap-analysis sheet as a pure SheetModel (see sheet-model.ts). Built once here; written to a file by
 * src/xlsx/package (added to the original file) and into the open workbook by the Office.js adapter.
 *
 * Layout (rows are 1-based as the user sees them):
 *   1        title
 *   2        agency (from the worksheet's title rows, when found)
 *   3–12     header block: agency, framework + regulation, source sheet and level column, date,
 *            current index + predicate, goal + its predicate, index with the targets + predicate,
 *            points still needed + whether the targets reach the goal, whole-level steps, and why a goal
 *            is out of reach when it is
 *   14       the indicator table header (an Excel table, filterable), one row per indicator entry below
 *   …        aspect summary, domain summary (not for pemdi2026), the top priorities
 *
 * Every computed cell is a plain spreadsheet formula (SUMPRODUCT, IF, INDEX/MATCH, ROUND, MAX, IFERROR …,
 * all in Excel 2007+ and LibreOffice) written together with the value it computes, derived here from the
 * exact rationals: index-like results are wrapped in ROUND(…, 9) so that floating-point noise cannot move a
 * predicate boundary or a priority tie, and the cached value is the exact value rounded half-up to 9
 * decimals (exactly what the formula returns). Editing a Target cell recalculates the whole sheet.
 *
 * A current level links to its source cell ('Sheet'!G7) when that cell holds a plain number; otherwise it
 * holds the parsed value and a note says so. Text taken from the user's workbook (names, notes, the agency)
 * is always a string value, never a formula, whatever it begins with.
 *
 * Indicators the plan leaves alone because another agency's index gives their value (IndicatorGap.outOfHands:
 * pemdi2026 5, 6, 7, 18) say "di luar kendali instansi" / "not in the agency's hands" in the priority column
 * (a constant: it stays true whatever the targets), and their notes give the index points at stake if that
 * value reached 5. The priority formulas of the other rows leave these rows out (a mask on the number
 * column), so that ranks stay 1, 2, 3 … even when a user types a target into such a row.
 */
import type { Assessment, AssessmentEntry, CellRange, Framework, Lang, Problem, Rational } from './types';
import type {
  CellStyle,
  ChartModel,
  HeaderFooterPart,
  ConditionalFormatModel,
  ModelCell,
  ModelValue,
  SheetModel,
  TableModel,
  ValidationModel,
} from './sheet-model';
import type { GapPlan, IndicatorGap } from './planner';
import { add, cmp, div, mul, R0, rational, roundHalfUp, sub, sum, toNumber } from './rational';
import { cellRef, columnLetter } from './address';
import { text } from './i18n';

/** The defined name that marks a sheet this tool wrote (a later run may replace that sheet). */
export const GAP_SHEET_MARKER = 'SPBE_GAP_MARKER';
/** The preferred Excel table name (renderers suffix it when the workbook already has one). */
export const GAP_TABLE_NAME = 'SPBE_Gap';

export interface GapSheetOptions {
  readonly lang?: Lang;
  /** Date shown in the header, ISO "YYYY-MM-DD" (the caller's today; the core has no clock). */
  readonly date: string;
  /** File name of the source workbook, shown in the header. */
  readonly sourceFile?: string;
}

// ---------------------------------------------------------------------------------------------
// Names: sheets and references
// ---------------------------------------------------------------------------------------------

const MAX_SHEET_NAME = 31;

/** A valid sheet name: no []:*?/\, no leading/trailing apostrophe, at most 31 characters, not empty. */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ');
  s = s.replace(/^[\s']+|[\s']+$/g, '');
  // Cutting may leave an apostrophe at the end again ("…'x" cut before the x): strip it too.
  if (s.length > MAX_SHEET_NAME) s = cutUnits(s, MAX_SHEET_NAME).replace(/[\s']+$/, '');
  if (s === '' || s.toLowerCase() === 'history') s = 'Gap';
  return s;
}

/** The first `max` UTF-16 units of `s`, without splitting a surrogate pair (an emoji, say). */
function cutUnits(s: string, max: number): string {
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The name the gap sheet gets: `preferred` when free (or when it is the sheet this tool made earlier,
 * `ours`), otherwise "preferred (2)", "(3)" … — shortened so that it stays within 31 characters.
 * Sheet names compare case-insensitively, as in Excel.
 */
export function chooseSheetName(preferred: string, existing: ReadonlyArray<string>, ours?: string | null): string {
  const base = sanitizeSheetName(preferred);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (ours) taken.delete(ours.toLowerCase());
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cutUnits(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The sheet part of a reference such as "'Analisis Gap'!$A$1", "=Sheet1!A1", unquoted; null if none. */
export function sheetOfReference(reference: string): string | null {
  const text = reference.startsWith('=') ? reference.slice(1) : reference;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const s = text.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/**
 * The sheet the marker name (GAP_SHEET_MARKER) marks, given what the name refers to: it must be A1 of
 * one of `sheets` (compared case-insensitively), as the renderers write it. Returns the sheet's name as
 * the workbook spells it, or null (no marker, "#REF!" after the sheet was deleted, another cell).
 * That sheet is never read as an assessment, and a later run may replace it.
 */
export function markedSheet(reference: string | null, sheets: ReadonlyArray<string>): string | null {
  if (reference === null) return null;
  const sheet = sheetOfReference(reference);
  const area = reference.slice(reference.lastIndexOf('!') + 1).replace(/\$/g, '');
  if (sheet === null || area.toUpperCase() !== 'A1') return null;
  return sheets.find((s) => s.toLowerCase() === sheet.toLowerCase()) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const NINE = 9;

/** A number as a cell holds it: the exact value rounded half-up to 9 decimals, as the nearest double. */
function num9(r: Rational): number {
  return toNumber(roundHalfUp(r, NINE));
}

function pct(bp: number): Rational {
  return rational(bp, 100);
}

function abs(row: number, col: number): string {
  return `$${columnLetter(col)}$${row + 1}`;
}

function rel(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function rng(top: number, bottom: number, col: number): string {
  return `${abs(top, col)}:${abs(bottom, col)}`;
}

function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The predicate of a cell's value as a nested IF on the framework's bands (highest first). */
function predicateFormula(fw: Framework, ref: string, basis: 'exact' | 'rounded'): string {
  const bands = [...fw.predicates].sort((a, b) => b.min - a.min);
  const v = basis === 'rounded' ? `ROUND(${ref},2)` : `ROUND(${ref},${NINE})`;
  let f = str(bands[bands.length - 1].name);
  for (let i = bands.length - 2; i >= 0; i--) {
    f = `IF(${v}>=${bands[i].min / 100},${str(bands[i].name)},${f})`;
  }
  return f;
}

function predicateName(fw: Framework, value: Rational, basis: 'exact' | 'rounded'): string {
  // Mirrors predicateFormula: the formula sees ROUND(value, 9) (exact basis) or ROUND(value, 2).
  const v = roundHalfUp(value, basis === 'rounded' ? 2 : NINE);
  const bands = [...fw.predicates].sort((a, b) => a.min - b.min);
  let name = bands[0].name;
  for (const b of bands) if (cmp(v, rational(b.min, 100)) >= 0) name = b.name;
  return name;
}

const PREDICATE_FILLS = ['#F8CBAD', '#FCE4D6', '#FFF2CC', '#E2EFDA', '#C6EFCE'];

const STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 14, fontColor: '#1F4E78' },
  subtitle: { bold: true, fontSize: 12 },
  label: { bold: true, vertical: 'top' },
  value: { horizontal: 'left', vertical: 'top', wrap: false },
  valueWrap: { horizontal: 'left', vertical: 'top', wrap: true },
  index: { bold: true, numberFormat: '0.00', horizontal: 'left' },
  index4: { numberFormat: '0.0000', horizontal: 'left' },
  goal: { bold: true, numberFormat: '0.00', horizontal: 'left', fill: '#FFF2CC', border: true, input: true },
  predicate: { bold: true, horizontal: 'center', border: true },
  steps: { numberFormat: '0', horizontal: 'left' },
  status: { italic: true, wrap: false },
  reason: { italic: true, fontColor: '#C00000', wrap: false },
  section: { bold: true, fontSize: 12, fontColor: '#1F4E78' },
  th: { bold: true, fill: '#1F4E78', fontColor: '#FFFFFF', wrap: true, vertical: 'middle', horizontal: 'center', border: true },
  cellText: { wrap: true, vertical: 'top', border: true },
  cellNo: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  cellNoNum: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '0' },
  weight: { numberFormat: '0.00', vertical: 'top', border: true },
  levelWhole: { numberFormat: '0', horizontal: 'center', vertical: 'top', border: true },
  levelDec: { numberFormat: '0.00', horizontal: 'center', vertical: 'top', border: true },
  levelNote: { numberFormat: 'General', horizontal: 'center', vertical: 'top', border: true, italic: true, fontColor: '#7F6000' },
  inputWhole: { numberFormat: '0', horizontal: 'center', vertical: 'top', border: true, fill: '#FFF2CC', input: true, bold: true },
  inputDec: { numberFormat: '0.00', horizontal: 'center', vertical: 'top', border: true, fill: '#FFF2CC', input: true, bold: true },
  gap: { numberFormat: '0.00', horizontal: 'center', vertical: 'top', border: true },
  stepsCell: { numberFormat: '0', horizontal: 'center', vertical: 'top', border: true },
  points: { numberFormat: '0.0000', vertical: 'top', border: true },
  rank: { numberFormat: '0', horizontal: 'center', vertical: 'top', border: true, bold: true },
  rankOut: { horizontal: 'center', vertical: 'top', border: true, italic: true, wrap: true, fontColor: '#7F7F7F' },
  sumIndex: { numberFormat: '0.00', horizontal: 'center', border: true },
  sumText: { border: true, wrap: true, vertical: 'top' },
  sumNum: { numberFormat: '0.00', border: true },
  cfGap: { fill: '#F8CBAD', fontColor: '#9C0006' },
  cfDone: { fill: '#C6EFCE', fontColor: '#006100' },
  cfTop: { bold: true, fill: '#FFD966' },
  cfP0: { fill: PREDICATE_FILLS[0], fontColor: '#9C0006' },
  cfP1: { fill: PREDICATE_FILLS[1], fontColor: '#833C0B' },
  cfP2: { fill: PREDICATE_FILLS[2], fontColor: '#7F6000' },
  cfP3: { fill: PREDICATE_FILLS[3], fontColor: '#375623' },
  cfP4: { fill: PREDICATE_FILLS[4], fontColor: '#006100' },
};

type ColumnId = 'no' | 'name' | 'aspect' | 'domain' | 'weight' | 'self' | 'current' | 'target' | 'gap' | 'steps' | 'points' | 'rank' | 'notes' | 'sheetNote';

const WIDTHS: Record<ColumnId, number> = {
  no: 7,
  name: 48,
  aspect: 30,
  domain: 24,
  weight: 11,
  self: 12,
  current: 12,
  target: 11,
  gap: 9,
  steps: 9,
  points: 12,
  rank: 11,
  notes: 48,
  sheetNote: 36,
};

function g(lang: Lang, key: string, params?: Record<string, string | number>): string {
  return text(lang, 'gap', key as never, params);
}

function problemsFor(entry: AssessmentEntry, problems: ReadonlyArray<Problem>, lang: Lang): string[] {
  return problems
    .filter((p) => p.indicator === entry.key || (entry.entry === 1 && p.indicator === String(entry.no)))
    .map((p) => p.message[lang]);
}

/** A level as written in a cell: whole numbers stay whole. */
function levelNumber(r: Rational): number {
  return toNumber(r);
}

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/**
 * Builds the gap sheet of an assessment and its plan. The assessment must have a framework and a table
 * (the plan was made from it); entries without a level are left out (the plan cannot exist then anyway).
 */
export function buildGapSheet(assessment: Assessment, plan: GapPlan, options: GapSheetOptions): SheetModel {
  const lang: Lang = options.lang ?? 'id';
  const fw = plan.framework;
  const basis = plan.basis;
  const table = assessment.table;
  const sourceSheet = table?.sheet ?? '';
  const decimal = fw.values === 'decimal';
  const hasDomains = fw.domains.length > 0;

  const entryByKey = new Map(assessment.entries.map((e) => [e.key, e]));
  const rows: Array<{ gap: IndicatorGap; entry: AssessmentEntry | undefined }> = plan.indicators.map((gp) => ({ gap: gp, entry: entryByKey.get(gp.key) }));

  // Self-assessment column beside the final value when the sheet has stages.
  const selfCol =
    table && table.levelColumns.length > 1 ? table.levelColumns.find((c) => c.stage === 0 && c.col !== table.levelColumn.col) ?? null : null;

  const columns: ColumnId[] = ['no', 'name', 'aspect'];
  if (hasDomains) columns.push('domain');
  columns.push('weight');
  if (selfCol) columns.push('self');
  columns.push('current', 'target', 'gap', 'steps', 'points', 'rank', 'notes', 'sheetNote');
  const C = {} as Record<ColumnId, number>;
  columns.forEach((id, i) => (C[id] = i));
  const lastCol = columns.length - 1;

  const cells: ModelCell[] = [];
  const merges: CellRange[] = [];
  const put = (row: number, col: number, value: ModelValue, style?: string, formula?: string, comment?: string) => {
    const cell: { -readonly [K in keyof ModelCell]: ModelCell[K] } = { row, col, value };
    if (style) cell.style = style;
    if (formula !== undefined) cell.formula = formula;
    if (comment) cell.comment = comment;
    cells.push(cell);
  };

  // ---- Geometry ------------------------------------------------------------------------------
  const HEAD = 13; // zero-based row of the table header (row 14)
  const first = HEAD + 1;
  const n = rows.length;
  const last = first + n - 1;
  const colRange = (id: ColumnId) => rng(first, last, C[id]);

  // ---- Title and header block ----------------------------------------------------------------
  const agency = findAgency(assessment.titles);
  put(0, 0, g(lang, 'title', { framework: fw.name }), 'title');
  merges.push({ top: 0, left: 0, bottom: 0, right: Math.min(lastCol, 6) });
  if (agency) {
    put(1, 0, agency, 'subtitle');
    merges.push({ top: 1, left: 0, bottom: 1, right: Math.min(lastCol, 6) });
  }
  const LABEL = 0; // labels in A:B (merged), values in C, extras in D onwards
  const VAL = 2;
  const EXTRA = 3;
  const label = (row: number, key: string) => {
    put(row, LABEL, g(lang, key), 'label');
    merges.push({ top: row, left: LABEL, bottom: row, right: 1 });
  };
  const R = { agency: 2, framework: 3, source: 4, date: 5, current: 6, goal: 7, planned: 8, needed: 9, steps: 10, reason: 11 };

  label(R.agency, 'labelAgency');
  put(R.agency, VAL, agency ?? g(lang, 'agencyUnknown'), agency ? 'value' : 'status');

  label(R.framework, 'labelFramework');
  put(R.framework, VAL, `${fw.name}`, 'value');
  put(R.framework, EXTRA, `${fw.regulation.title} — ${fw.regulation.subject}`, 'value');

  label(R.source, 'labelSource');
  const lc = table?.levelColumn;
  put(
    R.source,
    VAL,
    g(lang, 'sourceText', { sheet: sourceSheet, column: lc ? lc.letter : '?', header: lc ? lc.header : '' }),
    'value',
  );
  if (options.sourceFile) put(R.source, EXTRA, g(lang, 'sourceFile', { file: options.sourceFile }), 'value');

  label(R.date, 'labelDate');
  put(R.date, VAL, options.date, 'value');
  put(R.date, EXTRA, g(lang, basis === 'rounded' ? 'basisRounded' : 'basisExact'), 'status');

  // Current index and predicate.
  const wRange = colRange('weight');
  const curRange = colRange('current');
  const tgtRange = colRange('target');
  const curCell = abs(R.current, VAL);
  const goalCell = abs(R.goal, VAL);
  const planCell = abs(R.planned, VAL);
  label(R.current, 'labelCurrent');
  put(R.current, VAL, num9(plan.current), 'index', `ROUND(SUMPRODUCT(${curRange},${wRange})/100,${NINE})`);
  put(R.current, EXTRA, predicateName(fw, plan.current, basis), 'predicate', predicateFormula(fw, curCell, basis));

  label(R.goal, 'labelGoal');
  put(R.goal, VAL, num9(plan.goal), 'goal');
  put(R.goal, EXTRA, predicateName(fw, plan.goal, basis), 'predicate', predicateFormula(fw, goalCell, basis));
  put(R.goal, EXTRA + 1, goalDescription(lang, plan), 'status');

  label(R.planned, 'labelPlanned');
  put(R.planned, VAL, num9(plan.planned), 'index', `ROUND(SUMPRODUCT(${tgtRange},${wRange})/100,${NINE})`);
  put(R.planned, EXTRA, predicateName(fw, plan.planned, basis), 'predicate', predicateFormula(fw, planCell, basis));

  // Points still needed (goal − current, at least 0), and whether the targets reach the goal.
  label(R.needed, 'labelNeeded');
  const goalR = roundHalfUp(plan.goal, NINE);
  const curR = roundHalfUp(plan.current, NINE);
  const planR = roundHalfUp(plan.planned, NINE);
  let neededValue: Rational;
  let neededFormula: string;
  let reached: boolean;
  let reachedFormula: string;
  if (basis === 'rounded') {
    // reached when the index rounded to 2 decimals is at least the goal rounded up to 2 decimals
    const goalUp = rational(ceilDiv(roundHalfUp(mul(goalR, rational(100)), 6)), 100);
    const thr = add(goalUp, rational(-1, 200));
    const d = add(thr, mul(curR, rational(-1)));
    neededValue = cmp(d, R0) > 0 ? d : R0;
    neededFormula = `ROUND(MAX(0,ROUNDUP(ROUND(${goalCell}*100,6),0)/100-0.005-${curCell}),${NINE})`;
    reached = cmp(roundHalfUp(planR, 2), goalUp) >= 0;
    reachedFormula = `ROUND(${planCell},2)>=ROUNDUP(ROUND(${goalCell}*100,6),0)/100`;
  } else {
    const d = add(goalR, mul(curR, rational(-1)));
    neededValue = cmp(d, R0) > 0 ? d : R0;
    neededFormula = `ROUND(MAX(0,${goalCell}-${curCell}),${NINE})`;
    reached = cmp(planR, goalR) >= 0;
    reachedFormula = `${planCell}>=${goalCell}`;
  }
  put(R.needed, VAL, num9(neededValue), 'index4', neededFormula);
  const yes = g(lang, 'statusReached');
  const no = g(lang, 'statusNotReached');
  put(R.needed, EXTRA, reached ? yes : no, 'status', `IF(${reachedFormula},${str(yes)},${str(no)})`);

  label(R.steps, 'labelSteps');
  const stepsFormula = `SUMPRODUCT((${tgtRange}>${curRange})*(ROUNDUP(${tgtRange},0)-INT(${curRange})))`;
  put(R.steps, VAL, plan.steps, 'steps', stepsFormula);
  put(R.steps, EXTRA, g(lang, 'stepsNote'), 'status');

  if (!plan.reachable && plan.reason) {
    label(R.reason, 'labelUnreachable');
    put(R.reason, VAL, plan.reason.message[lang], 'reason');
  }

  // ---- The indicator table --------------------------------------------------------------------
  const headers: Record<ColumnId, string> = {
    no: g(lang, 'colNo'),
    name: g(lang, 'colName'),
    aspect: g(lang, 'colAspect'),
    domain: g(lang, 'colDomain'),
    weight: g(lang, 'colWeight'),
    self: selfCol ? g(lang, 'colSelf') : '',
    current: g(lang, 'colCurrent'),
    target: g(lang, 'colTarget'),
    gap: g(lang, 'colGap'),
    steps: g(lang, 'colSteps'),
    points: g(lang, 'colPoints'),
    rank: g(lang, 'colRank'),
    notes: g(lang, 'colNotes'),
    sheetNote: g(lang, 'colSheetNote'),
  };
  put(HEAD - 1, 0, g(lang, 'sectionIndicators'), 'section');
  merges.push({ top: HEAD - 1, left: 0, bottom: HEAD - 1, right: Math.min(lastCol, 6) });
  columns.forEach((id, i) => put(HEAD, i, headers[id], 'th'));

  const aspectLabel = (no: number) => {
    const a = fw.aspects.find((x) => x.no === no);
    return a ? `${a.no}. ${a.name}` : String(no);
  };
  const domainLabel = (no: number | null) => {
    const d = no === null ? undefined : fw.domains.find((x) => x.no === no);
    return d ? `${d.no}. ${d.name}` : '';
  };
  // Entries of the spread aspect (spbe2018 aspect 7 with repeated indicator 35) have weight aspect/k.
  const spreadCount = (aspectNo: number) => rows.filter((r) => r.gap.aspect === aspectNo).length;

  // Rows not in the agency's hands are left out of the priority ranking: a mask on the number column,
  // (No<>5)*(No<>6)*…, multiplied into each SUMPRODUCT of the rank formula (empty when there are none).
  const noRange = colRange('no');
  const outOfHands = rows.filter((x) => x.gap.outOfHands).map((x) => x.gap);
  const mask = outOfHands.map((gp) => `*(${noRange}<>${gp.entry === 1 ? String(gp.no) : str(gp.key)})`).join('');

  rows.forEach(({ gap: gp, entry }, i) => {
    const r = first + i;
    if (gp.entry === 1) put(r, C.no, gp.no, 'cellNoNum');
    else put(r, C.no, gp.key, 'cellNo');
    put(r, C.name, gp.entry === 1 ? gp.name : g(lang, 'repeatName', { name: gp.name, entry: gp.entry }), 'cellText');
    put(r, C.aspect, aspectLabel(gp.aspect), 'cellText');
    if (hasDomains) put(r, C.domain, domainLabel(gp.domain), 'cellText');

    // Weight: a constant, or aspect weight / number of entries where the weight is spread.
    const def = fw.indicators.find((d) => d.no === gp.no);
    const asp = fw.aspects.find((a) => a.no === gp.aspect);
    if (def && asp && cmp(gp.weight, pct(def.weight)) !== 0) {
      const k = spreadCount(gp.aspect);
      put(r, C.weight, toNumber(gp.weight), 'weight', `${asp.weight / 100}/${k}`);
    } else {
      put(r, C.weight, toNumber(gp.weight), 'weight');
    }

    const notes: string[] = entry ? problemsFor(entry, assessment.problems, lang) : [];
    // The framework's own note (e.g. "the value comes from the SDI index") helps to judge a target.
    if (def?.note) notes.push(def.note[lang]);
    if (gp.outOfHands && gp.valuedBy) {
      // What is at stake, though the agency cannot raise it: (5 − current) × weight / 100.
      const stake = div(mul(sub(rational(5), gp.current), gp.weight), rational(100));
      notes.push(g(lang, 'noteOutOfHands', { source: gp.valuedBy[lang], points: decimalText(stake, 4, lang) }));
    }

    // Self-assessment.
    if (selfCol && entry) {
      const st = entry.stages.find((s) => s.col === selfCol.col);
      const addr = `${selfCol.letter}${entry.row + 1}`;
      if (st && typeof st.raw === 'number' && Number.isFinite(st.raw)) {
        put(r, C.self, st.raw, decimal ? 'levelDec' : 'levelWhole', cellRef(sourceSheet, addr));
      } else if (st && st.level) {
        put(r, C.self, levelNumber(st.level), decimal ? 'levelDec' : 'levelWhole');
      } else if (st && typeof st.raw === 'string') {
        put(r, C.self, st.raw, 'cellText');
      } else {
        put(r, C.self, null, 'cellText');
      }
    }

    // Current level: a link when the source cell is a plain number.
    const curStyle = decimal ? 'levelDec' : 'levelWhole';
    if (entry && entry.plainNumber && typeof entry.raw === 'number') {
      put(r, C.current, entry.raw, curStyle, cellRef(sourceSheet, entry.cell));
    } else {
      const where = entry ? cellRef(sourceSheet, entry.cell) : '';
      const raw = entry ? displayRaw(entry.raw) : '';
      const note = entry?.raw !== undefined && entry.raw !== null && typeof entry.raw === 'number'
        ? g(lang, 'notLinkedFormula', { cell: where })
        : g(lang, 'notLinked', { cell: where, raw });
      put(r, C.current, levelNumber(gp.current), 'levelNote', undefined, note);
      notes.push(note);
    }

    put(r, C.target, levelNumber(gp.target), decimal ? 'inputDec' : 'inputWhole');

    const cur = rel(r, C.current);
    const tgt = rel(r, C.target);
    put(r, C.gap, num9(gp.gap), 'gap', `ROUND(MAX(0,${tgt}-${cur}),${NINE})`);
    put(r, C.steps, gp.steps, 'stepsCell', `IF(${tgt}>${cur},ROUNDUP(${tgt},0)-INT(${cur}),0)`);
    const pointsExact = roundHalfUp(div(mul(roundHalfUp(gp.gap, NINE), gp.weight), rational(100)), NINE);
    put(r, C.points, toNumber(pointsExact), 'points', `ROUND(${rel(r, C.gap)}*${rel(r, C.weight)}/100,${NINE})`);

    const P = colRange('points');
    const Cu = curRange;
    const pr = rel(r, C.points);
    if (gp.outOfHands) {
      put(r, C.rank, g(lang, 'rankOutOfHands'), 'rankOut');
    } else {
      const rankFormula =
        `IF(${pr}>0,1+SUMPRODUCT(--(${P}>${pr})${mask})` +
        `+SUMPRODUCT((${P}=${pr})*(${Cu}<${cur})${mask})` +
        `+SUMPRODUCT((${P}=${pr})*(${Cu}=${cur})*(ROW(${P})<ROW(${pr}))${mask}),"")`;
      put(r, C.rank, gp.rank === null ? '' : gp.rank, 'rank', rankFormula);
    }

    put(r, C.notes, notes.join('\n'), 'cellText');
    put(r, C.sheetNote, entry?.note ?? '', 'cellText');
  });

  const tables: TableModel[] = [
    {
      name: GAP_TABLE_NAME,
      range: { top: HEAD, left: 0, bottom: Math.max(last, first), right: lastCol },
      columns: columns.map((id) => headers[id]),
      style: 'TableStyleLight9',
    },
  ];

  // ---- Summaries -------------------------------------------------------------------------------
  let row = last + 2;
  const conditionalFormats: ConditionalFormatModel[] = [];
  const predicateRanges: CellRange[] = [{ top: R.current, left: EXTRA, bottom: R.planned, right: EXTRA }];
  const charts: ChartModel[] = [];

  // Columns of a summary block: B name (with its number), C weight, D current, E predicate, F target,
  // G predicate, H change. Column A (the table's number column) stays empty below the table, so that a
  // worksheet reader never takes the summaries for more indicator rows.
  const S = { name: 1, weight: 2, cur: 3, curPred: 4, tgt: 5, tgtPred: 6, delta: 7 };
  const summaryHeaders = ['colAspect', 'colWeight', 'colCurrentIndex', 'colPredicate', 'colTargetIndex', 'colTargetPredicate', 'colChange'];

  const summary = (
    titleKey: string,
    groups: ReadonlyArray<{ no: number; label: string; weight: number }>,
    matchCol: number,
    valueOf: (no: number, which: 'current' | 'target') => Rational,
    nameKey: string,
  ) => {
    put(row, 0, g(lang, titleKey), 'section');
    merges.push({ top: row, left: 0, bottom: row, right: S.delta });
    row++;
    summaryHeaders.forEach((k, i) => put(row, S.name + i, i === 0 ? g(lang, nameKey) : g(lang, k), 'th'));
    row++;
    const top = row;
    for (const grp of groups) {
      put(row, S.name, grp.label, 'sumText');
      put(row, S.weight, grp.weight / 100, 'sumNum');
      const match = `--(${rng(first, last, matchCol)}=${abs(row, S.name)})`;
      const cv = valueOf(grp.no, 'current');
      const tv = valueOf(grp.no, 'target');
      put(row, S.cur, num9(cv), 'sumIndex', `ROUND(SUMPRODUCT(${match},${curRange},${wRange})/${abs(row, S.weight)},${NINE})`);
      put(row, S.curPred, predicateName(fw, cv, basis), 'predicate', predicateFormula(fw, rel(row, S.cur), basis));
      put(row, S.tgt, num9(tv), 'sumIndex', `ROUND(SUMPRODUCT(${match},${tgtRange},${wRange})/${abs(row, S.weight)},${NINE})`);
      put(row, S.tgtPred, predicateName(fw, tv, basis), 'predicate', predicateFormula(fw, rel(row, S.tgt), basis));
      const delta = add(roundHalfUp(tv, NINE), mul(roundHalfUp(cv, NINE), rational(-1)));
      put(row, S.delta, num9(delta), 'sumIndex', `ROUND(${rel(row, S.tgt)}-${rel(row, S.cur)},${NINE})`);
      row++;
    }
    const bottom = row - 1;
    predicateRanges.push({ top, left: S.curPred, bottom, right: S.curPred }, { top, left: S.tgtPred, bottom, right: S.tgtPred });
    conditionalFormats.push({ range: { top, left: S.delta, bottom, right: S.delta }, rules: [{ type: 'dataBar', color: '#5B9BD5' }] });
    row++;
    return { top, bottom };
  };

  const groupValue = (members: (gp: IndicatorGap) => boolean, weightBp: number) => (which: 'current' | 'target') => {
    const tot = sum(plan.indicators.filter(members).map((gp) => mul(which === 'current' ? gp.current : gp.target, gp.weight)));
    return div(tot, pct(weightBp));
  };

  const aspectBlock = summary(
    'sectionAspects',
    fw.aspects.map((a) => ({ no: a.no, label: aspectLabel(a.no), weight: a.weight })),
    C.aspect,
    (no, which) => {
      const a = fw.aspects.find((x) => x.no === no)!;
      return groupValue((gp) => gp.aspect === no, a.weight)(which);
    },
    'colAspect',
  );
  charts.push({
    type: 'radar',
    title: g(lang, 'chartAspects'),
    categories: { top: aspectBlock.top, left: S.name, bottom: aspectBlock.bottom, right: S.name },
    series: [
      { name: g(lang, 'colCurrentIndex'), values: { top: aspectBlock.top, left: S.cur, bottom: aspectBlock.bottom, right: S.cur } },
      { name: g(lang, 'colTargetIndex'), values: { top: aspectBlock.top, left: S.tgt, bottom: aspectBlock.bottom, right: S.tgt } },
    ],
    anchor: { top: aspectBlock.top - 2, left: S.delta + 2, bottom: aspectBlock.top + 16, right: S.delta + 8 },
    valueAxis: { min: 0, max: 5, majorUnit: 1, numberFormat: '0' },
  });

  if (hasDomains) {
    summary(
      'sectionDomains',
      fw.domains.map((d) => ({ no: d.no, label: domainLabel(d.no), weight: d.weight })),
      C.domain,
      (no, which) => {
        const d = fw.domains.find((x) => x.no === no)!;
        return groupValue((gp) => gp.domain === no, d.weight)(which);
      },
      'colDomain',
    );
  }

  // ---- Top priorities (INDEX/MATCH on the priority column) -------------------------------------
  const topN = Math.min(10, n);
  const T = { name: 1, rank: 2, no: 3, points: 4, cur: 5, tgt: 6 };
  put(row, 0, g(lang, 'sectionTop'), 'section');
  merges.push({ top: row, left: 0, bottom: row, right: T.tgt });
  row++;
  ['colName', 'colRank', 'colNo', 'colPoints', 'colCurrent', 'colTarget'].forEach((k, i) => put(row, T.name + i, g(lang, k), 'th'));
  row++;
  const topTop = row;
  const byRank = new Map<number, IndicatorGap>();
  plan.indicators.forEach((gp) => gp.rank !== null && byRank.set(gp.rank, gp));
  const rankRange = colRange('rank');
  for (let k = 1; k <= topN; k++) {
    const gp = byRank.get(k);
    const m = `MATCH(${abs(row, T.rank)},${rankRange},0)`;
    const pick = (col: ColumnId) => `IFERROR(INDEX(${colRange(col)},${m}),"")`;
    put(row, T.rank, k, 'rank');
    put(row, T.name, gp ? (gp.entry === 1 ? gp.name : g(lang, 'repeatName', { name: gp.name, entry: gp.entry })) : '', 'sumText', pick('name'));
    put(row, T.no, gp ? (gp.entry === 1 ? gp.no : gp.key) : '', 'cellNo', pick('no'));
    put(row, T.points, gp ? toNumber(roundHalfUp(div(mul(roundHalfUp(gp.gap, NINE), gp.weight), rational(100)), NINE)) : '', 'points', pick('points'));
    put(row, T.cur, gp ? levelNumber(gp.current) : '', decimal ? 'levelDec' : 'levelWhole', pick('current'));
    put(row, T.tgt, gp ? levelNumber(gp.target) : '', decimal ? 'levelDec' : 'levelWhole', pick('target'));
    row++;
  }
  const topBottom = row - 1;
  if (topN > 0) {
    charts.push({
      type: 'bar',
      title: g(lang, 'chartTop'),
      categories: { top: topTop, left: T.name, bottom: topBottom, right: T.name },
      series: [{ name: g(lang, 'colPoints'), values: { top: topTop, left: T.points, bottom: topBottom, right: T.points } }],
      anchor: { top: topTop - 2, left: S.delta + 2, bottom: topTop + 16, right: S.delta + 8 },
    });
  }

  // ---- Formats, validations ---------------------------------------------------------------------
  const bandsAsc = [...fw.predicates].sort((a, b) => a.min - b.min);
  const bandRules = bandsAsc.map((b, i) => ({
    type: 'cellIs' as const,
    operator: 'equal' as const,
    formulas: [str(b.name)],
    style: `cfP${Math.min(4, Math.round((i * 4) / Math.max(1, bandsAsc.length - 1)))}`,
  }));
  for (const range of predicateRanges) conditionalFormats.push({ range, rules: bandRules });
  if (n > 0) {
    conditionalFormats.push(
      { range: { top: first, left: C.gap, bottom: last, right: C.gap }, rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: 'cfGap' }] },
      { range: { top: first, left: C.points, bottom: last, right: C.points }, rules: [{ type: 'dataBar', color: '#ED7D31' }] },
      { range: { top: first, left: C.rank, bottom: last, right: C.rank }, rules: [{ type: 'cellIs', operator: 'between', formulas: ['1', '3'], style: 'cfTop' }] },
      { range: { top: first, left: C.current, bottom: last, right: C.current }, rules: [{ type: 'colorScale', colors: ['#F8696B', '#FFEB84', '#63BE7B'] }] },
      { range: { top: R.needed, left: VAL, bottom: R.needed, right: VAL }, rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: 'cfGap' }, { type: 'cellIs', operator: 'equal', formulas: ['0'], style: 'cfDone' }] },
    );
  }

  const validations: ValidationModel[] = [];
  if (n > 0) {
    validations.push({
      range: { top: first, left: C.target, bottom: last, right: C.target },
      type: decimal ? 'decimal' : 'whole',
      min: 1,
      max: 5,
      promptTitle: g(lang, 'targetPromptTitle'),
      prompt: g(lang, decimal ? 'targetPromptDecimal' : 'targetPromptWhole'),
      errorTitle: g(lang, 'targetErrorTitle'),
      error: g(lang, decimal ? 'targetErrorDecimal' : 'targetErrorWhole'),
    });
  }
  validations.push({
    range: { top: R.goal, left: VAL, bottom: R.goal, right: VAL },
    type: 'decimal',
    min: 1,
    max: 5,
    promptTitle: g(lang, 'goalPromptTitle'),
    prompt: g(lang, 'goalPrompt'),
    errorTitle: g(lang, 'targetErrorTitle'),
    error: g(lang, 'targetErrorDecimal'),
  });

  const columnWidths = columns.map((id, i) => ({ col: i, width: WIDTHS[id] }));

  return {
    name: g(lang, 'sheetName'),
    marker: GAP_SHEET_MARKER,
    cells,
    styles: STYLES,
    columnWidths,
    merges,
    tables,
    validations,
    conditionalFormats,
    charts,
    freeze: { rows: HEAD + 1, cols: 2 },
    tabColor: '#ED7D31',
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { top: HEAD, bottom: HEAD },
      footer: { left: [g(lang, 'footerSimulation')], right: withFields(g(lang, 'footerPage')) },
    },
  };
}

/** A footer template with {page} and {pages} (left unfilled by the catalogue) as text and the printer's fields. */
function withFields(template: string): HeaderFooterPart[] {
  return template
    .split(/(\{pages?\})/)
    .filter((p) => p !== '')
    .map((p) => (p === '{page}' ? { field: 'page' } : p === '{pages}' ? { field: 'pages' } : p));
}

function ceilDiv(r: Rational): bigint {
  const q = r.num / r.den;
  return r.num > BigInt(0) && q * r.den !== r.num ? q + BigInt(1) : q;
}

/** An exact number rounded half-up to `places` decimals, trailing zeros dropped, written as the language does (0,2 / 0.2). */
function decimalText(r: Rational, places: number, lang: Lang): string {
  const s = toNumber(roundHalfUp(r, places)).toFixed(places).replace(/\.?0+$/, '');
  return lang === 'id' ? s.replace('.', ',') : s;
}

function displayRaw(raw: AssessmentEntry['raw']): string {
  if (raw === null) return '';
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

/** The agency from the title rows: a row naming a government body, else null. */
export function findAgency(titles: ReadonlyArray<string>): string | null {
  const re = /\b(pemerintah|kabupaten|kab\.|kota|provinsi|kementerian|badan|lembaga|sekretariat|dinas|government|ministry|agency)\b/i;
  for (const t of titles) {
    const s = t.trim();
    if (s && re.test(s)) return s;
  }
  return null;
}

function goalDescription(lang: Lang, plan: GapPlan): string {
  switch (plan.mode) {
    case 'index':
      return g(lang, 'goalIndex');
    case 'predicate':
      return g(lang, 'goalPredicate', { predicate: plan.goalPredicate });
    case 'level':
      return g(lang, 'goalLevel', { level: plan.targetLevel ?? '' });
    case 'column':
      return g(lang, 'goalColumn');
    case 'next':
      return g(lang, 'goalNext', { predicate: plan.goalPredicate });
  }
}
