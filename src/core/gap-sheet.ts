/**
 * The gap-analysis sheet as a pure SheetModel (see sheet-model.ts). Built once here; written to a file by
 * src/xlsx/package (added to the original file) and into the open workbook by the Office.js adapter.
 *
 * Layout (rows are 1-based as the user sees them), made to fit a laptop screen with the pane open and an A4 page:
 *   1–7      a compact header block: title; agency; source (sheet, column, file, regulation, date); the current
 *            index + predicate; the goal + its predicate; the index with the targets + predicate, the level steps
 *            and the evaluation cycles; the shortfall after the targets (green at 0) + whether they reach the goal
 *            (and why a goal is out of reach when it is)
 *   8        the table's title; 9 its header (an Excel table, filterable; frozen with columns A:B, repeated on
 *            every printed page), one row per indicator entry below
 *            columns: the working ones first (No, Indikator, level now, Target, Gap, points, priority, cycle),
 *            then the team's (owner OPD/PIC, deadline, evidence status, evidence link, Lock — carried over from
 *            an earlier gap sheet, ./team-columns.ts), then the reference ones (aspect, domain, weight,
 *            self-assessment stage, steps, notes)
 *   …        aspect summary, domain summary (not for pemdi2026), the top priorities (only ranked rows), with the
 *            two charts beside them in J:N (a radar of the aspects now vs with the targets, a bar of the largest gaps)
 * Printing: A4 landscape, one page wide, the table header repeated, the print area the working and team columns
 * and the charts, a footer "Simulasi — bukan nilai resmi" with page numbers.
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
import type { Assessment, AssessmentEntry, CellRange, Framework, Lang, LevelColumn, PredicateBasis, Problem, Rational } from './types';
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
import { evidenceNeeded } from './planner';
import { levelName, wholeLevel } from './level-names';
import { evidenceOf, type TeamColumns, type TeamEntry } from './team-columns';
import { add, cmp, div, mul, R0, rational, roundHalfUp, sub, sum, toNumber } from './rational';
import { cellRef, columnLetter } from './address';
import { text, type Catalogue } from './i18n';
import { GAP_SHEET_MARKER, GAP_TABLE_NAME } from './gap-names';

// Sheet names and the marker live in ./gap-names (no gap builder needed to read a workbook); re-exported here.
export { GAP_SHEET_MARKER, GAP_TABLE_NAME, sanitizeSheetName, chooseSheetName, sheetOfReference, markedSheet } from './gap-names';
export { SPBE_COMPARE_MARKER, OUR_MARKERS } from './gap-names';

export interface GapSheetOptions {
  readonly lang?: Lang;
  /** Date shown in the header, ISO "YYYY-MM-DD" (the caller's today; the core has no clock). */
  readonly date: string;
  /** File name of the source workbook, shown in the header. */
  readonly sourceFile?: string;
  /** The team's entries of the earlier gap sheet, carried over into the team's columns. */
  readonly team?: TeamColumns;
}

// ---------------------------------------------------------------------------------------------
// Cells: a value and the formula that computes it, made together
// ---------------------------------------------------------------------------------------------

const NINE = 9;

type GapKey = keyof Catalogue['gap'];

/** What a cell holds: its (cached) value, its style, and the formula that computes it or a note. */
interface CellSpec {
  readonly value: ModelValue;
  readonly style?: StyleName;
  readonly formula?: string;
  readonly comment?: string;
}

/** A number as a cell holds it: the exact value rounded half-up to 9 decimals, as the nearest double. */
export function num9(r: Rational): number {
  return toNumber(roundHalfUp(r, NINE));
}

/**
 * A computed number: `ROUND(expression, 9)` with its value, the exact result rounded half-up to 9 decimals —
 * exactly what the formula returns, so Excel, LibreOffice and the cached value agree and floating-point
 * noise cannot move a predicate boundary or a priority tie. Every index-like cell is made here.
 */
function formulaCell(exact: Rational, expression: string, style: StyleName): CellSpec {
  return { value: num9(exact), formula: `ROUND(${expression},${NINE})`, style };
}

/** The predicate of the value in `ref` as a formula, with the predicate of `exact` as its value. */
function predicateCell(fw: Framework, exact: Rational, ref: string, basis: PredicateBasis): CellSpec {
  return { value: predicateName(fw, exact, basis), formula: predicateFormula(fw, ref, basis), style: 'predicate' };
}

/** Index points of closing a gap, as the points column computes them: ROUND(ROUND(gap, 9) × weight / 100, 9). */
function pointsOf(gp: IndicatorGap): Rational {
  return div(mul(roundHalfUp(gp.gap, NINE), gp.weight), rational(100));
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

export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The predicate of a cell's value as a nested IF on the framework's bands (highest first). */
export function predicateFormula(fw: Framework, ref: string, basis: PredicateBasis): string {
  const bands = [...fw.predicates].sort((a, b) => b.min - a.min);
  const v = basis === 'rounded' ? `ROUND(${ref},2)` : `ROUND(${ref},${NINE})`;
  let f = str(bands[bands.length - 1].name);
  for (let i = bands.length - 2; i >= 0; i--) {
    f = `IF(${v}>=${bands[i].min / 100},${str(bands[i].name)},${f})`;
  }
  return f;
}

export function predicateName(fw: Framework, value: Rational, basis: PredicateBasis): string {
  // Mirrors predicateFormula: the formula sees ROUND(value, 9) (exact basis) or ROUND(value, 2).
  const v = roundHalfUp(value, basis === 'rounded' ? 2 : NINE);
  const bands = [...fw.predicates].sort((a, b) => a.min - b.min);
  let name = bands[0].name;
  for (const b of bands) if (cmp(v, rational(b.min, 100)) >= 0) name = b.name;
  return name;
}

const PREDICATE_FILLS = ['#F8CBAD', '#FCE4D6', '#FFF2CC', '#E2EFDA', '#C6EFCE'];

const STYLES = {
  title: { bold: true, fontSize: 14, fontColor: '#1F4E78' },
  subtitle: { bold: true, fontSize: 12 },
  label: { bold: true, vertical: 'top' },
  value: { horizontal: 'left', vertical: 'top', wrap: false },
  valueWrap: { horizontal: 'left', vertical: 'top', wrap: true },
  index: { bold: true, numberFormat: '0.00', horizontal: 'left' },
  index4: { numberFormat: '0.0000', horizontal: 'left' },
  goal: { bold: true, numberFormat: '0.00', horizontal: 'left', fill: '#FFF2CC', border: true, input: true },
  predicate: { bold: true, horizontal: 'center', border: true },
  steps: { numberFormat: '0', horizontal: 'right', bold: true },
  status: { italic: true, wrap: false },
  reason: { italic: true, fontColor: '#C00000', wrap: false },
  section: { bold: true, fontSize: 12, fontColor: '#1F4E78' },
  th: { bold: true, fill: '#1F4E78', fontColor: '#FFFFFF', wrap: true, vertical: 'middle', horizontal: 'center', border: true },
  // one line per row (a row as tall as the screen shows, printed without overlapping lines); the full text is in the cell
  cellText: { wrap: false, vertical: 'top', border: true },
  cellNo: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '@' },
  cellNoNum: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '0' },
  teamText: { wrap: false, vertical: 'top', border: true, input: true },
  teamDate: { numberFormat: 'yyyy-mm-dd', horizontal: 'center', vertical: 'top', border: true, input: true },
  teamLock: { horizontal: 'center', vertical: 'top', border: true, input: true, bold: true },
  cycle: { horizontal: 'center', vertical: 'top', border: true, numberFormat: '0' },
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
  rankOut: { horizontal: 'center', vertical: 'top', border: true, italic: true, wrap: false, fontColor: '#7F7F7F' },
  sumIndex: { numberFormat: '0.00', horizontal: 'center', border: true },
  sumText: { border: true, wrap: false, vertical: 'top' },
  sumNum: { numberFormat: '0.00', border: true },
  cfGap: { fill: '#F8CBAD', fontColor: '#9C0006' },
  cfDone: { fill: '#C6EFCE', fontColor: '#006100' },
  cfTop: { bold: true, fill: '#FFD966' },
  cfP0: { fill: PREDICATE_FILLS[0], fontColor: '#9C0006' },
  cfP1: { fill: PREDICATE_FILLS[1], fontColor: '#833C0B' },
  cfP2: { fill: PREDICATE_FILLS[2], fontColor: '#7F6000' },
  cfP3: { fill: PREDICATE_FILLS[3], fontColor: '#375623' },
  cfP4: { fill: PREDICATE_FILLS[4], fontColor: '#006100' },
} as const satisfies Record<string, CellStyle>;

type StyleName = keyof typeof STYLES;

function g(lang: Lang, key: GapKey, params?: Record<string, string | number>): string {
  return text(lang, 'gap', key, params);
}

/** The sheet being built: cells and merged areas, in the order they are made. */
class SheetBuilder {
  readonly cells: ModelCell[] = [];
  readonly merges: CellRange[] = [];
  /** Header rows of the table and the blocks below it: two lines tall (their headers wrap). */
  readonly tall: number[] = [];

  put(row: number, col: number, spec: CellSpec): void {
    const cell: { -readonly [K in keyof ModelCell]: ModelCell[K] } = { row, col, value: spec.value };
    if (spec.style) cell.style = spec.style;
    if (spec.formula !== undefined) cell.formula = spec.formula;
    if (spec.comment) cell.comment = spec.comment;
    this.cells.push(cell);
  }

  merge(row: number, left: number, right: number): void {
    this.merges.push({ top: row, left, bottom: row, right });
  }
}

// ---------------------------------------------------------------------------------------------
// The indicator table: its columns as data
// ---------------------------------------------------------------------------------------------

type ColumnId =
  | 'no' | 'name' | 'current' | 'target' | 'gap' | 'points' | 'rank' | 'cycle'
  | 'owner' | 'deadline' | 'evidenceStatus' | 'evidenceLink' | 'lock'
  | 'levelNames' | 'aspect' | 'domain' | 'weight' | 'self' | 'steps' | 'notes' | 'sheetNote';

/** Everything a row's cells are made from. */
interface RowContext {
  readonly gp: IndicatorGap;
  readonly entry: AssessmentEntry | undefined;
  /** Zero-based row in the sheet. */
  readonly row: number;
  /** The cell of another column in this row ("J15"). */
  readonly at: (id: ColumnId) => string;
  /** The validation notes of the row (problems, the framework's note, why a level is not linked). */
  readonly notes: ReadonlyArray<string>;
  /** Set when the current level is copied rather than linked: the note on that cell. */
  readonly copiedNote: string | null;
  /** The team's entry carried over from the earlier gap sheet, if any. */
  readonly team: TeamEntry | undefined;
}

/** Everything the sheet is made from. */
interface Layout {
  readonly lang: Lang;
  readonly fw: Framework;
  readonly plan: GapPlan;
  readonly assessment: Assessment;
  readonly basis: PredicateBasis;
  readonly decimal: boolean;
  readonly sourceSheet: string;
  /** The self-assessment column beside the final value, when the sheet has stages. */
  readonly selfCol: LevelColumn | null;
  readonly columns: ReadonlyArray<ColumnSpec>;
  readonly col: Readonly<Partial<Record<ColumnId, number>>>;
  /** Zero-based rows: the table header, the first and last indicator rows. */
  readonly head: number;
  readonly first: number;
  readonly last: number;
  readonly rows: ReadonlyArray<{ readonly gp: IndicatorGap; readonly entry: AssessmentEntry | undefined }>;
  /** Absolute range of a column over the indicator rows ("$J$15:$J$61"). */
  readonly range: (id: ColumnId) => string;
  /** (No<>5)*(No<>6)*…: rows left out of the priority ranking (not in the agency's hands); empty when none. */
  readonly rankMask: string;
  readonly team: TeamColumns | undefined;
  /** The entry keys the plan leaves alone because the team locked them. */
  readonly locks: ReadonlySet<string>;
}

interface ColumnSpec {
  readonly id: ColumnId;
  readonly header: GapKey;
  readonly width: number;
  /** False: the column is left out (domains in pemdi2026, the self-assessment without stages). */
  readonly shown?: (l: Layout) => boolean;
  readonly cell: (r: RowContext, l: Layout) => CellSpec | null;
}

const levelStyle = (l: Layout): StyleName => (l.decimal ? 'levelDec' : 'levelWhole');

/** A value carried over from the team's earlier sheet (text, or a date serial). */
function teamCell(v: TeamEntry[keyof TeamEntry] | undefined, style: StyleName): CellSpec {
  return { value: v === undefined || v === null || typeof v === 'object' ? null : (v as string | number | boolean), style };
}

/** The evaluation cycle(s) of a row: 1, or "1–2" for a raise spread over cycles; empty when not raised. */
function cycleCell(gp: IndicatorGap): CellSpec {
  if (gp.raises.length === 0) return { value: null, style: 'cycle' };
  const first = gp.raises[0].cycle;
  const last = gp.raises[gp.raises.length - 1].cycle;
  return { value: first === last ? first : `${first}–${last}`, style: 'cycle' };
}

/**
 * The words of the current level and the target ("Terkelola → Terdefinisi"; the service scale of 59/2020 for
 * 32–47, Pemdi's labels by the whole part), a formula on the two cells so that it follows an edited target.
 */
function levelNamesCell({ gp, at }: RowContext, l: Layout): CellSpec {
  // a level without an attested word (pemdi2026) shows its number
  const names = [1, 2, 3, 4, 5].map((v) => levelName(l.fw, gp.no, v) ?? String(v));
  const choose = (ref: string) => `CHOOSE(MIN(5,MAX(1,INT(${ref}))),${names.map(str).join(',')})`;
  const word = (v: Rational) => names[wholeLevel(v) - 1];
  return { value: `${word(gp.current)} → ${word(gp.target)}`, style: 'cellText', formula: `${choose(at('current'))}&" → "&${choose(at('target'))}` };
}

/** The table's columns, left to right: working, then the team's, then reference. */
const COLUMNS: ReadonlyArray<ColumnSpec> = [
  {
    id: 'no',
    header: 'colNo',
    width: 6,
    cell: ({ gp }) => (gp.entry === 1 ? { value: gp.no, style: 'cellNoNum' } : { value: gp.key, style: 'cellNo' }),
  },
  { id: 'name', header: 'colName', width: 52, cell: ({ gp }, l) => ({ value: indicatorName(gp, l.lang), style: 'cellText' }) },
  {
    id: 'current',
    header: 'colCurrent',
    width: 11,
    // a link to the source cell when it holds a plain number; otherwise the level read, and a note says why
    cell: ({ gp, entry, copiedNote }, l) =>
      copiedNote === null && entry
        ? { value: entry.raw as number, style: levelStyle(l), formula: cellRef(entry.sheet ?? l.sourceSheet, entry.cell) }
        : { value: toNumber(gp.current), style: 'levelNote', comment: copiedNote ?? undefined },
  },
  { id: 'target', header: 'colTarget', width: 10, cell: ({ gp }, l) => ({ value: toNumber(gp.target), style: l.decimal ? 'inputDec' : 'inputWhole' }) },
  { id: 'gap', header: 'colGap', width: 12, cell: ({ gp, at }) => formulaCell(gp.gap, `MAX(0,${at('target')}-${at('current')})`, 'gap') },
  { id: 'points', header: 'colPoints', width: 12, cell: ({ gp, at }) => formulaCell(pointsOf(gp), `${at('gap')}*${at('weight')}/100`, 'points') },
  { id: 'rank', header: 'colRank', width: 12, cell: (r, l) => rankCell(r, l) },
  { id: 'cycle', header: 'colCycle', width: 9, cell: ({ gp }) => cycleCell(gp) },
  { id: 'owner', header: 'colOwner', width: 18, cell: ({ team }) => teamCell(team?.owner, 'teamText') },
  { id: 'deadline', header: 'colDeadline', width: 12, cell: ({ team }) => teamCell(team?.deadline, 'teamDate') },
  { id: 'evidenceStatus', header: 'colEvidenceStatus', width: 14, cell: ({ team }) => teamCell(team?.evidenceStatus, 'teamText') },
  { id: 'evidenceLink', header: 'colEvidenceLink', width: 20, cell: ({ team }) => teamCell(team?.evidenceLink, 'teamText') },
  { id: 'lock', header: 'colLock', width: 8, cell: ({ gp }, l) => ({ value: l.locks.has(gp.key) ? g(l.lang, 'lockYes') : null, style: 'teamLock' }) },
  { id: 'levelNames', header: 'colLevelNames', width: 28, cell: (r, l) => levelNamesCell(r, l) },
  { id: 'aspect', header: 'colAspect', width: 28, cell: ({ gp }, l) => ({ value: aspectLabel(l.fw, gp.aspect), style: 'cellText' }) },
  {
    id: 'domain',
    header: 'colDomain',
    width: 22,
    shown: (l) => l.fw.domains.length > 0,
    cell: ({ gp }, l) => ({ value: domainLabel(l.fw, gp.domain), style: 'cellText' }),
  },
  { id: 'weight', header: 'colWeight', width: 10, cell: ({ gp }, l) => weightCell(gp, l) },
  { id: 'self', header: 'colSelf', width: 12, shown: (l) => l.selfCol !== null, cell: (r, l) => selfCell(r, l) },
  {
    id: 'steps',
    header: 'colSteps',
    width: 9,
    cell: ({ gp, at }) => ({ value: gp.steps, style: 'stepsCell', formula: `IF(${at('target')}>${at('current')},ROUNDUP(${at('target')},0)-INT(${at('current')}),0)` }),
  },
  { id: 'notes', header: 'colNotes', width: 44, cell: ({ notes }) => ({ value: notes.join('\n'), style: 'cellText' }) },
  { id: 'sheetNote', header: 'colSheetNote', width: 32, cell: ({ entry }) => ({ value: entry?.note ?? '', style: 'cellText' }) },
];

function indicatorName(gp: IndicatorGap, lang: Lang): string {
  return gp.entry === 1 ? gp.name : g(lang, 'repeatName', { name: gp.name, entry: gp.entry });
}

/** "2. Kebijakan Internal": an aspect by its number and name (also the comparison sheet's label). */
export function aspectLabel(fw: Framework, no: number): string {
  const a = fw.aspects.find((x) => x.no === no);
  return a ? `${a.no}. ${a.name}` : String(no);
}

/** "1. Kebijakan SPBE": a domain by its number and name, or empty. */
export function domainLabel(fw: Framework, no: number | null): string {
  const d = no === null ? undefined : fw.domains.find((x) => x.no === no);
  return d ? `${d.no}. ${d.name}` : '';
}

/** The weight: a constant, or aspect weight / number of entries where the weight is spread (spbe2018 aspect 7 with 35-2, 35-3). */
function weightCell(gp: IndicatorGap, l: Layout): CellSpec {
  const def = l.fw.indicators.find((d) => d.no === gp.no);
  const asp = l.fw.aspects.find((a) => a.no === gp.aspect);
  if (def && asp && cmp(gp.weight, pct(def.weight)) !== 0) {
    const entries = l.rows.filter((r) => r.gp.aspect === gp.aspect).length;
    return { value: toNumber(gp.weight), style: 'weight', formula: `${asp.weight / 100}/${entries}` };
  }
  return { value: toNumber(gp.weight), style: 'weight' };
}

/** The self-assessment beside the final value: linked when its cell is a plain number. */
function selfCell({ entry }: RowContext, l: Layout): CellSpec | null {
  const selfCol = l.selfCol;
  if (!selfCol || !entry) return null;
  const st = entry.stages.find((s) => s.col === selfCol.col);
  if (st && typeof st.raw === 'number' && Number.isFinite(st.raw)) {
    return { value: st.raw, style: levelStyle(l), formula: cellRef(entry.sheet ?? l.sourceSheet, `${selfCol.letter}${entry.row + 1}`) };
  }
  if (st && st.level) return { value: toNumber(st.level), style: levelStyle(l) };
  if (st && typeof st.raw === 'string') return { value: st.raw, style: 'cellText' };
  return { value: null, style: 'cellText' };
}

/**
 * The priority: 1 + the rows with more points, then equal points at a lower current level, then earlier
 * rows; rows not in the agency's hands say so instead and are masked out of the others' counts.
 */
function rankCell({ gp, at }: RowContext, l: Layout): CellSpec {
  if (gp.outOfHands) return { value: g(l.lang, 'rankOutOfHands'), style: 'rankOut' };
  const P = l.range('points');
  const Cu = l.range('current');
  const pr = at('points');
  const cur = at('current');
  const mask = l.rankMask;
  const formula =
    `IF(${pr}>0,1+SUMPRODUCT(--(${P}>${pr})${mask})` +
    `+SUMPRODUCT((${P}=${pr})*(${Cu}<${cur})${mask})` +
    `+SUMPRODUCT((${P}=${pr})*(${Cu}=${cur})*(ROW(${P})<ROW(${pr}))${mask}),"")`;
  return { value: gp.rank === null ? '' : gp.rank, style: 'rank', formula };
}

function problemsFor(entry: AssessmentEntry, problems: ReadonlyArray<Problem>, lang: Lang): string[] {
  return problems
    .filter((p) => p.indicator === entry.key || (entry.entry === 1 && p.indicator === String(entry.no)))
    .map((p) => p.message[lang]);
}

/** What a row is made from: its notes, and whether its current level can link to its source cell. */
function rowContext(gp: IndicatorGap, entry: AssessmentEntry | undefined, row: number, l: Layout): RowContext {
  const lang = l.lang;
  const notes: string[] = entry ? problemsFor(entry, l.assessment.problems, lang) : [];
  // The framework's own note (e.g. "the value comes from the SDI index") helps to judge a target.
  const def = l.fw.indicators.find((d) => d.no === gp.no);
  if (def?.note) notes.push(def.note[lang]);
  if (gp.outOfHands && gp.valuedBy) {
    // What is at stake, though the agency cannot raise it: (5 − current) × weight / 100.
    const stake = div(mul(sub(rational(5), gp.current), gp.weight), rational(100));
    notes.push(g(lang, 'noteOutOfHands', { source: gp.valuedBy[lang], points: decimalText(stake, 4, lang) }));
  }
  let copiedNote: string | null = null;
  if (!(entry && entry.plainNumber && typeof entry.raw === 'number')) {
    const where = entry ? cellRef(entry.sheet ?? l.sourceSheet, entry.cell) : '';
    copiedNote =
      entry && typeof entry.raw === 'number' ? g(lang, 'notLinkedFormula', { cell: where }) : g(lang, 'notLinked', { cell: where, raw: entry ? displayRaw(entry.raw) : '' });
    notes.push(copiedNote);
  }
  const team = l.team?.entries.get(gp.key);
  // The first planned step relies on accepted evidence for the current level (levels are cumulative).
  const first = gp.raises[0];
  const needs = entry && first ? evidenceNeeded({ level: entry.level, evidence: evidenceOf(entry, team) }, first) : null;
  if (needs !== null) notes.push(g(lang, 'noteEvidence', { level: needs }));
  const at = (id: ColumnId): string => rel(row, l.col[id] as number);
  return { gp, entry, row, at, notes, copiedNote, team };
}

function indicatorTable(b: SheetBuilder, l: Layout): void {
  b.put(l.head - 1, 0, { value: g(l.lang, 'sectionIndicators'), style: 'section' });
  b.merge(l.head - 1, 0, Math.min(l.columns.length - 1, 6));
  l.columns.forEach((c, i) => b.put(l.head, i, { value: g(l.lang, c.header), style: 'th' }));
  b.tall.push(l.head);
  l.rows.forEach(({ gp, entry }, i) => {
    const r = rowContext(gp, entry, l.first + i, l);
    l.columns.forEach((c, col) => {
      const spec = c.cell(r, l);
      if (spec) b.put(r.row, col, spec);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The header block (rows 1–7)
// ---------------------------------------------------------------------------------------------

/** Rows of the header block (zero-based); labels in A:B (merged), values in C, extras in D onwards. */
const R = { agency: 1, source: 2, current: 3, goal: 4, planned: 5, shortfall: 6 };
const LABEL = 0;
const VAL = 2;
const EXTRA = 3;

function label(b: SheetBuilder, lang: Lang, row: number, key: GapKey): void {
  b.put(row, LABEL, { value: g(lang, key), style: 'label' });
  b.merge(row, LABEL, 1);
}

function headerBlock(b: SheetBuilder, l: Layout, options: GapSheetOptions): void {
  const { lang, fw, plan, basis } = l;
  const agency = findAgency(l.assessment.titles);
  b.put(0, 0, { value: g(lang, 'title', { framework: fw.name }), style: 'title' });
  b.merge(0, 0, 7);

  label(b, lang, R.agency, 'labelAgency');
  b.put(R.agency, VAL, agency ? { value: agency, style: 'value' } : { value: g(lang, 'agencyUnknown'), style: 'status' });

  label(b, lang, R.source, 'labelSource');
  const lc = l.assessment.table?.levelColumn;
  const source = [
    g(lang, 'sourceText', { sheet: l.sourceSheet, column: lc ? lc.letter : '?', header: lc ? lc.header : '' }),
    ...(options.sourceFile ? [g(lang, 'sourceFile', { file: options.sourceFile })] : []),
    fw.regulation.title,
    g(lang, 'sourceDate', { date: options.date }),
  ];
  b.put(R.source, VAL, { value: source.join(' · '), style: 'value' });

  const index = (row: number, key: GapKey, exact: Rational, expression: string | null, style: StyleName): void => {
    label(b, lang, row, key);
    b.put(row, VAL, expression === null ? { value: num9(exact), style } : formulaCell(exact, expression, style));
    b.put(row, EXTRA, predicateCell(fw, exact, abs(row, VAL), basis));
  };
  index(R.current, 'labelCurrent', plan.current, `SUMPRODUCT(${l.range('current')},${l.range('weight')})/100`, 'index');
  b.put(R.current, EXTRA + 1, { value: g(lang, basis === 'rounded' ? 'basisRounded' : 'basisExact'), style: 'status' });
  index(R.goal, 'labelGoal', plan.goal, null, 'goal');
  b.put(R.goal, EXTRA + 1, { value: goalDescription(lang, plan), style: 'status' });
  index(R.planned, 'labelPlanned', plan.planned, `SUMPRODUCT(${l.range('target')},${l.range('weight')})/100`, 'index');
  const tgt = l.range('target');
  const cur = l.range('current');
  b.put(R.planned, EXTRA + 1, { value: plan.steps, style: 'steps', formula: `SUMPRODUCT((${tgt}>${cur})*(ROUNDUP(${tgt},0)-INT(${cur})))` });
  b.put(R.planned, EXTRA + 2, { value: g(lang, 'stepsCycles', { cycles: plan.cycles, max: plan.maxRaise }), style: 'status' });

  shortfallRow(b, l);
  if (!plan.reachable && plan.reason) b.put(R.shortfall, 7, { value: plan.reason.message[lang], style: 'reason' });
}

/**
 * The shortfall after the targets: goal − the index with the targets (at least 0; on the rounded basis, the
 * least index that rounds to the goal) and whether the table's targets reach the goal. Turns green at 0.
 */
function shortfallRow(b: SheetBuilder, l: Layout): void {
  const { lang, plan, basis } = l;
  label(b, lang, R.shortfall, 'labelShortfall');
  const goalCell = abs(R.goal, VAL);
  const planCell = abs(R.planned, VAL);
  const goalR = roundHalfUp(plan.goal, NINE);
  const planR = roundHalfUp(plan.planned, NINE);
  let short: Rational;
  let expression: string;
  let reached: boolean;
  let reachedFormula: string;
  if (basis === 'rounded') {
    // reached when the index rounded to 2 decimals is at least the goal rounded up to 2 decimals
    const goalUp = rational(ceilDiv(roundHalfUp(mul(goalR, rational(100)), 6)), 100);
    const d = sub(add(goalUp, rational(-1, 200)), planR);
    reached = cmp(roundHalfUp(planR, 2), goalUp) >= 0;
    short = reached || cmp(d, R0) < 0 ? R0 : d;
    expression = `IF(ROUND(${planCell},2)>=ROUNDUP(ROUND(${goalCell}*100,6),0)/100,0,MAX(0,ROUNDUP(ROUND(${goalCell}*100,6),0)/100-0.005-${planCell}))`;
    reachedFormula = `ROUND(${planCell},2)>=ROUNDUP(ROUND(${goalCell}*100,6),0)/100`;
  } else {
    const d = sub(goalR, planR);
    short = cmp(d, R0) > 0 ? d : R0;
    expression = `MAX(0,${goalCell}-${planCell})`;
    reached = cmp(planR, goalR) >= 0;
    reachedFormula = `${planCell}>=${goalCell}`;
  }
  b.put(R.shortfall, VAL, formulaCell(short, expression, 'index4'));
  const yes = g(lang, 'statusReached');
  const no = g(lang, 'statusNotReached');
  b.put(R.shortfall, EXTRA, { value: reached ? yes : no, style: 'status', formula: `IF(${reachedFormula},${str(yes)},${str(no)})` });
}

// ---------------------------------------------------------------------------------------------
// Summaries by aspect and domain, the top priorities
// ---------------------------------------------------------------------------------------------

/** Columns of a summary block: B name (with its number), C weight, D current, E predicate, F target, G predicate, H change. */
const S = { name: 1, weight: 2, cur: 3, curPred: 4, tgt: 5, tgtPred: 6, delta: 7 };
const SUMMARY_HEADERS: ReadonlyArray<GapKey> = ['colWeight', 'colCurrentIndex', 'colPredicate', 'colTargetIndex', 'colTargetPredicate', 'colChange'];

interface Group {
  readonly label: string;
  /** Basis points. */
  readonly weight: number;
  readonly members: (gp: IndicatorGap) => boolean;
}

/** What the summaries add to the sheet besides cells: ranges coloured by predicate, data bars, charts. */
interface Extras {
  readonly predicateRanges: CellRange[];
  readonly conditionalFormats: ConditionalFormatModel[];
  readonly charts: ChartModel[];
}

/** The charts' columns, J:N: beside the summaries, clear of the table's working columns. */
const CHART_LEFT = 9;
const CHART_RIGHT = 13;
/** Rows a chart spans at least. */
const CHART_ROWS = 16;

/**
 * One summary block (aspects or domains). Column A (the table's number column) stays empty below the
 * table, so that a worksheet reader never takes the summaries for more indicator rows.
 */
function summary(b: SheetBuilder, l: Layout, x: Extras, start: number, title: GapKey, nameKey: GapKey, matchCol: number, groups: ReadonlyArray<Group>): { top: number; bottom: number; next: number } {
  const { lang, fw, plan, basis } = l;
  let row = start;
  b.put(row, 0, { value: g(lang, title), style: 'section' });
  b.merge(row, 0, S.delta);
  row++;
  [nameKey, ...SUMMARY_HEADERS].forEach((k, i) => b.put(row, S.name + i, { value: g(lang, k), style: 'th' }));
  b.tall.push(row);
  row++;
  const top = row;
  const curRange = l.range('current');
  const tgtRange = l.range('target');
  const wRange = l.range('weight');
  for (const grp of groups) {
    const valueOf = (which: 'current' | 'target'): Rational =>
      div(sum(plan.indicators.filter(grp.members).map((gp) => mul(which === 'current' ? gp.current : gp.target, gp.weight))), pct(grp.weight));
    const cv = valueOf('current');
    const tv = valueOf('target');
    const match = `--(${rng(l.first, l.last, matchCol)}=${abs(row, S.name)})`;
    b.put(row, S.name, { value: grp.label, style: 'sumText' });
    b.put(row, S.weight, { value: grp.weight / 100, style: 'sumNum' });
    b.put(row, S.cur, formulaCell(cv, `SUMPRODUCT(${match},${curRange},${wRange})/${abs(row, S.weight)}`, 'sumIndex'));
    b.put(row, S.curPred, predicateCell(fw, cv, rel(row, S.cur), basis));
    b.put(row, S.tgt, formulaCell(tv, `SUMPRODUCT(${match},${tgtRange},${wRange})/${abs(row, S.weight)}`, 'sumIndex'));
    b.put(row, S.tgtPred, predicateCell(fw, tv, rel(row, S.tgt), basis));
    b.put(row, S.delta, formulaCell(sub(roundHalfUp(tv, NINE), roundHalfUp(cv, NINE)), `${rel(row, S.tgt)}-${rel(row, S.cur)}`, 'sumIndex'));
    row++;
  }
  const bottom = row - 1;
  x.predicateRanges.push({ top, left: S.curPred, bottom, right: S.curPred }, { top, left: S.tgtPred, bottom, right: S.tgtPred });
  x.conditionalFormats.push({ range: { top, left: S.delta, bottom, right: S.delta }, rules: [{ type: 'dataBar', color: '#5B9BD5' }] });
  return { top, bottom, next: row + 1 };
}

function summaries(b: SheetBuilder, l: Layout, x: Extras): number {
  const { lang, fw } = l;
  const aspects = summary(
    b,
    l,
    x,
    l.last + 2,
    'sectionAspects',
    'colAspect',
    l.col.aspect as number,
    fw.aspects.map((a) => ({ label: aspectLabel(fw, a.no), weight: a.weight, members: (gp: IndicatorGap) => gp.aspect === a.no })),
  );
  x.charts.push({
    type: 'radar',
    title: g(lang, 'chartAspects'),
    categories: { top: aspects.top, left: S.name, bottom: aspects.bottom, right: S.name },
    series: [
      { name: g(lang, 'colCurrentIndex'), values: { top: aspects.top, left: S.cur, bottom: aspects.bottom, right: S.cur } },
      { name: g(lang, 'colTargetIndex'), values: { top: aspects.top, left: S.tgt, bottom: aspects.bottom, right: S.tgt } },
    ],
    anchor: { top: aspects.top - 2, left: CHART_LEFT, bottom: Math.max(aspects.top - 2 + CHART_ROWS, aspects.bottom), right: CHART_RIGHT },
    valueAxis: { min: 0, max: 5, majorUnit: 1, numberFormat: '0' },
  });
  if (fw.domains.length === 0) return aspects.next;
  const domains = summary(
    b,
    l,
    x,
    aspects.next,
    'sectionDomains',
    'colDomain',
    l.col.domain as number,
    fw.domains.map((d) => ({ label: domainLabel(fw, d.no), weight: d.weight, members: (gp: IndicatorGap) => gp.domain === d.no })),
  );
  return domains.next;
}

/** Columns of the top-priorities block: B name, C priority, D number, E points, F current, G target. */
const T = { name: 1, rank: 2, no: 3, points: 4, cur: 5, tgt: 6 };

/** The ten first priorities, found by INDEX/MATCH on the priority column (they follow edited targets). */
function topPriorities(b: SheetBuilder, l: Layout, x: Extras, start: number): void {
  const { lang } = l;
  // only the ranked rows: no empty rows in the block
  const topN = Math.min(10, l.plan.indicators.filter((gp) => gp.rank !== null).length);
  if (topN === 0) return;
  let row = start;
  b.put(row, 0, { value: g(lang, 'sectionTop'), style: 'section' });
  b.merge(row, 0, T.tgt);
  row++;
  (['colName', 'colRank', 'colNo', 'colPoints', 'colCurrent', 'colTarget'] as const).forEach((k, i) => b.put(row, T.name + i, { value: g(lang, k), style: 'th' }));
  b.tall.push(row);
  row++;
  const top = row;
  const byRank = new Map<number, IndicatorGap>();
  l.plan.indicators.forEach((gp) => gp.rank !== null && byRank.set(gp.rank, gp));
  const level = levelStyle(l);
  for (let k = 1; k <= topN; k++) {
    const gp = byRank.get(k);
    const m = `MATCH(${abs(row, T.rank)},${l.range('rank')},0)`;
    const pick = (id: ColumnId): string => `IFERROR(INDEX(${l.range(id)},${m}),"")`;
    b.put(row, T.rank, { value: k, style: 'rank' });
    b.put(row, T.name, { value: gp ? indicatorName(gp, lang) : '', style: 'sumText', formula: pick('name') });
    b.put(row, T.no, { value: gp ? (gp.entry === 1 ? gp.no : gp.key) : '', style: 'cellNo', formula: pick('no') });
    b.put(row, T.points, { value: gp ? num9(pointsOf(gp)) : '', style: 'points', formula: pick('points') });
    b.put(row, T.cur, { value: gp ? toNumber(gp.current) : '', style: level, formula: pick('current') });
    b.put(row, T.tgt, { value: gp ? toNumber(gp.target) : '', style: level, formula: pick('target') });
    row++;
  }
  const bottom = row - 1;
  // below the radar, never overlapping it
  const after = x.charts.reduce((m, c) => Math.max(m, c.anchor.bottom + 1), 0);
  const at = Math.max(top - 2, after);
  x.charts.push({
    type: 'bar',
    title: g(lang, 'chartTop'),
    categories: { top, left: T.name, bottom, right: T.name },
    series: [{ name: g(lang, 'colPoints'), values: { top, left: T.points, bottom, right: T.points } }],
    // bars measured from 0, so that their lengths compare
    valueAxis: { min: 0 },
    anchor: { top: at, left: CHART_LEFT, bottom: at + Math.max(CHART_ROWS, topN + 3), right: CHART_RIGHT },
  });
}

// ---------------------------------------------------------------------------------------------
// Formats and validations
// ---------------------------------------------------------------------------------------------

function conditionalFormats(l: Layout, x: Extras): ConditionalFormatModel[] {
  const bandsAsc = [...l.fw.predicates].sort((a, b) => a.min - b.min);
  const bandRules = bandsAsc.map((b, i) => ({
    type: 'cellIs' as const,
    operator: 'equal' as const,
    formulas: [str(b.name)],
    style: `cfP${Math.min(4, Math.round((i * 4) / Math.max(1, bandsAsc.length - 1)))}`,
  }));
  const out = [...x.conditionalFormats];
  for (const range of x.predicateRanges) out.push({ range, rules: bandRules });
  if (l.rows.length > 0) {
    const column = (id: ColumnId): CellRange => ({ top: l.first, left: l.col[id] as number, bottom: l.last, right: l.col[id] as number });
    out.push(
      { range: column('gap'), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: 'cfGap' }] },
      { range: column('points'), rules: [{ type: 'dataBar', color: '#ED7D31' }] },
      { range: column('rank'), rules: [{ type: 'cellIs', operator: 'between', formulas: ['1', '3'], style: 'cfTop' }] },
      // by level (1 red, 3 yellow, 5 green), not relative to the sheet
      { range: column('current'), rules: [{ type: 'colorScale', colors: LEVEL_COLORS, values: [1, 3, 5] }] },
      { range: column('target'), rules: [{ type: 'colorScale', colors: LEVEL_COLORS, values: [1, 3, 5] }] },
      {
        range: { top: R.shortfall, left: VAL, bottom: R.shortfall, right: VAL },
        rules: [
          { type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: 'cfGap' },
          { type: 'cellIs', operator: 'equal', formulas: ['0'], style: 'cfDone' },
        ],
      },
    );
  }
  return out;
}

const LEVEL_COLORS = ['#F8696B', '#FFEB84', '#63BE7B'] as const;

function validations(l: Layout): ValidationModel[] {
  const { lang, decimal } = l;
  const out: ValidationModel[] = [];
  if (l.rows.length > 0) {
    const col = l.col.target as number;
    out.push({
      range: { top: l.first, left: col, bottom: l.last, right: col },
      type: decimal ? 'decimal' : 'whole',
      min: 1,
      max: 5,
      promptTitle: g(lang, 'targetPromptTitle'),
      prompt: g(lang, decimal ? 'targetPromptDecimal' : 'targetPromptWhole'),
      errorTitle: g(lang, 'targetErrorTitle'),
      error: g(lang, decimal ? 'targetErrorDecimal' : 'targetErrorWhole'),
    });
    const lock = l.col.lock as number;
    out.push({
      range: { top: l.first, left: lock, bottom: l.last, right: lock },
      type: 'list',
      list: [g(lang, 'lockYes'), g(lang, 'lockNo')],
      promptTitle: g(lang, 'lockPromptTitle'),
      prompt: g(lang, 'lockPrompt'),
    });
    const status = l.col.evidenceStatus as number;
    out.push({ range: { top: l.first, left: status, bottom: l.last, right: status }, type: 'list', list: g(lang, 'evidenceStatuses').split(',') });
  }
  out.push({
    range: { top: R.goal, left: VAL, bottom: R.goal, right: VAL },
    type: 'decimal',
    min: 1,
    max: 5,
    promptTitle: g(lang, 'goalPromptTitle'),
    prompt: g(lang, 'goalPrompt'),
    errorTitle: g(lang, 'targetErrorTitle'),
    error: g(lang, 'targetErrorDecimal'),
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/** A table longer than this many rows gets a page break before the summaries (the charts are never split). */
const LONG_TABLE = 25;

/** Zero-based row of the indicator table's header (row 9). */
const HEAD = 8;

function layoutOf(assessment: Assessment, plan: GapPlan, lang: Lang, team: TeamColumns | undefined): Layout {
  const fw = plan.framework;
  const table = assessment.table;
  const entryByKey = new Map(assessment.entries.map((e) => [e.key, e]));
  const rows = plan.indicators.map((gp) => ({ gp, entry: entryByKey.get(gp.key) }));
  // Self-assessment column beside the final value when the sheet has stages.
  const selfCol = table && table.levelColumns.length > 1 ? table.levelColumns.find((c) => c.stage === 0 && c.col !== table.levelColumn.col) ?? null : null;
  const first = HEAD + 1;
  const last = first + rows.length - 1;
  const partial = { lang, fw, plan, assessment, basis: plan.basis, decimal: fw.values === 'decimal', sourceSheet: table?.sheet ?? '', selfCol, head: HEAD, first, last, rows, team, locks: new Set(plan.locks) };
  const columns = COLUMNS.filter((c) => !c.shown || c.shown({ ...partial, columns: [], col: {}, range: () => '', rankMask: '' }));
  const col: Partial<Record<ColumnId, number>> = {};
  columns.forEach((c, i) => (col[c.id] = i));
  const range = (id: ColumnId): string => rng(first, last, col[id] as number);
  // Rows not in the agency's hands are left out of the priority ranking: a mask on the number column,
  // (No<>5)*(No<>6)*…, multiplied into each SUMPRODUCT of the rank formula (empty when there are none).
  const rankMask = rows
    .filter((x) => x.gp.outOfHands)
    .map(({ gp }) => `*(${range('no')}<>${gp.entry === 1 ? String(gp.no) : str(gp.key)})`)
    .join('');
  return { ...partial, columns, col, range, rankMask };
}

/**
 * Builds the gap sheet of an assessment and its plan. The assessment must have a framework and a table
 * (the plan was made from it); entries without a level are left out (the plan cannot exist then anyway).
 */
export function buildGapSheet(assessment: Assessment, plan: GapPlan, options: GapSheetOptions): SheetModel {
  const l = layoutOf(assessment, plan, options.lang ?? 'id', options.team);
  const b = new SheetBuilder();
  headerBlock(b, l, options);
  indicatorTable(b, l);
  const tables: TableModel[] = [
    {
      name: GAP_TABLE_NAME,
      range: { top: HEAD, left: 0, bottom: Math.max(l.last, l.first), right: l.columns.length - 1 },
      columns: l.columns.map((c) => g(l.lang, c.header)),
      style: 'TableStyleLight9',
    },
  ];
  const x: Extras = { predicateRanges: [{ top: R.current, left: EXTRA, bottom: R.planned, right: EXTRA }], conditionalFormats: [], charts: [] };
  const next = summaries(b, l, x);
  topPriorities(b, l, x, next);
  let lastRow = 0;
  for (const c of b.cells) lastRow = Math.max(lastRow, c.row);
  for (const c of x.charts) lastRow = Math.max(lastRow, c.anchor.bottom);
  const printRight = Math.max(l.col.lock as number, ...x.charts.map((c) => c.anchor.right));
  return {
    name: g(l.lang, 'sheetName'),
    marker: GAP_SHEET_MARKER,
    cells: b.cells,
    styles: STYLES,
    columnWidths: columnWidths(l),
    merges: b.merges,
    tables,
    validations: validations(l),
    conditionalFormats: conditionalFormats(l, x),
    charts: x.charts,
    // the table header and the first two columns (No, Indikator)
    freeze: { rows: HEAD + 1, cols: 2 },
    tabColor: '#ED7D31',
    rowHeights: b.tall.map((row) => ({ row, height: 30 })),
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { top: HEAD, bottom: HEAD },
      printArea: { top: 0, left: 0, bottom: lastRow, right: printRight },
      // a long table prints on its own page(s); the summaries and charts start on a fresh page, never split by a break
      ...(l.rows.length > LONG_TABLE ? { rowBreaks: [l.last + 2] } : {}),
      footer: { left: [g(l.lang, 'footerSimulation')], right: withFields(g(l.lang, 'footerPage')) },
    },
  };
}

/**
 * Column widths: the table's, widened where a summary block below needs more (the summaries' own widths:
 * predicate names, index values and their headers in columns C–H).
 */
function columnWidths(l: Layout): Array<{ col: number; width: number }> {
  const summary: Record<number, number> = { [S.weight]: 10, [S.cur]: 10, [S.curPred]: 12, [S.tgt]: 10, [S.tgtPred]: 12, [S.delta]: 10 };
  return l.columns.map((c, i) => ({ col: i, width: Math.max(c.width, summary[i] ?? 0) }));
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
