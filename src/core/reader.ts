/**
 * Finding the assessment table in a workbook's grids, wherever it is (worksheets.md): any sheet,
 * any header row under a title block, left margins, two-row merged headers, domain/aspect columns
 * or group rows, spacer and summary rows, any row order, hidden helper columns, several stage
 * columns. The reader trusts headers first: a column becomes the level column only because its
 * header says so, never because it holds small numbers. What it cannot decide it says, never guesses in
 * silence: two tables on one sheet without a newest year, parts that overlap, a data list.
 *
 * Speed: each string cell of a candidate header row is normalised once and its role cached by
 * text; data rows cost one indicator-key parse per number column and one level parse.
 */
import type {
  AssessmentEntry,
  CellValue,
  Framework,
  Grid,
  LevelColumn,
  ReadOptions,
  Rational,
  SheetCandidate,
  TableLocation,
  WorkbookGrids,
} from './types';
import { a1, columnLetter, rangeA1 } from './address';
import { hasValue, indicatorKey, parseIndicatorCode, parseIndicatorKey, parseLevel, type IndicatorKey } from './levels';
import { fromDecimalString, isInteger } from './rational';
import { FRAMEWORKS, getFramework } from './frameworks';
import { entryStatus, frameworkIndex } from './framework-index';
import { facts, type Location, type ProblemFacts } from './problems';
import { assessmentYear, yearIn } from './year';

// ---------------------------------------------------------------------------------------------
// Header roles
// ---------------------------------------------------------------------------------------------

type Role =
  | { readonly kind: 'number'; readonly prio: number }
  | { readonly kind: 'level'; readonly stage: number }
  | { readonly kind: 'name' | 'weight' | 'evidence' | 'note' | 'target' | 'domain' | 'aspect' | 'unit' | 'ignore' | 'other' };

/** Stage names by rank (0 Penilaian Mandiri … 4 Nilai Akhir): the regulation's own terms. */
export const STAGE_NAMES: ReadonlyArray<string> = [
  'Penilaian Mandiri',
  'Penilaian Dokumen',
  'Penilaian Interviu',
  'Penilaian Visitasi',
  'Nilai Akhir',
];

const NORM_RE = /[^a-z0-9#%]+/g;

/** Lower case, every run of punctuation/space one space, trimmed: "No. Ind." → "no ind". */
function normHeader(text: string): string {
  return text.toLowerCase().replace(NORM_RE, ' ').trim();
}

const W = (words: string): ReadonlyArray<string> => words.split(' ');
const IGNORE_WORDS = W('tertimbang weighted indeks index predikat predicate gap selisih kesenjangan persentase');
const NOTE_WORDS = W(
  'keterangan ket penjelasan catatan rekomendasi komentar justifikasi alasan note notes remark remarks explanation comment comments recommendation recommendations tanggapan',
);
const UNIT_WORDS = W('pj pic unit opd penanggung responsible owner pelaksana');
const NUMBER_FIRST = W('no nomor nr number num kode code #');
const LEVEL_WORDS = W(
  'tingkat level nilai kematangan maturity capability penilaian skor score hasil mandiri dokumen interviu wawancara interview visitasi visit akhir final evaluator asesor assessor evaluasi assessment self verifikasi validasi',
);
const NAME_WORDS = W('indikator indicator uraian nama name');

function hasAny(words: ReadonlyArray<string>, list: ReadonlyArray<string>): boolean {
  for (let i = 0; i < words.length; i++) if (list.includes(words[i])) return true;
  return false;
}

function stageOf(words: ReadonlyArray<string>): number {
  const has = (w: string): boolean => words.includes(w);
  if (has('akhir') || has('final') || has('evaluator') || has('asesor') || has('assessor') || has('verifikasi') || has('validasi'))
    return 4;
  if (has('hasil') && has('evaluasi')) return 4;
  if (has('visitasi') || has('visit') || has('lapangan')) return 3;
  if (has('interviu') || has('wawancara') || has('interview')) return 2;
  if (has('dokumen') || has('document') || has('desk')) return 1;
  if (has('mandiri') || has('self')) return 0;
  return -1;
}

/** The role of a column from its (normalised) header text, or null. */
function classifyNorm(t: string): Role | null {
  if (t === '') return null;
  const words = t.split(' ');
  const first = words[0];
  const has = (w: string): boolean => words.includes(w);
  if (hasAny(words, IGNORE_WORDS) || (has('bobot') && (has('x') || has('nilai') || has('skor')))) return { kind: 'ignore' };
  if (has('bobot') || has('weight') || has('%')) return { kind: 'weight' };
  if (has('bukti') || has('evidence') || t.includes('data dukung') || t.includes('dokumen pendukung')) return { kind: 'evidence' };
  if (hasAny(words, NOTE_WORDS) || t.includes('tindak lanjut')) return { kind: 'note' };
  if (has('target') || has('sasaran')) return { kind: 'target' };
  if (hasAny(words, UNIT_WORDS) || t.includes('perangkat daerah')) return { kind: 'unit' };
  if (NUMBER_FIRST.includes(first) || t === 'indicator no' || t === 'indikator no' || t.endsWith(' no')) {
    const kode = first === 'kode' || first === 'code';
    const specific = has('indikator') || has('indicator') || has('ind');
    return { kind: 'number', prio: kode ? 0 : specific ? 2 : 1 };
  }
  if (has('domain')) return { kind: 'domain' };
  if (has('aspek') || has('aspect')) return { kind: 'aspect' };
  if (hasAny(words, LEVEL_WORDS)) return { kind: 'level', stage: stageOf(words) };
  if (hasAny(words, NAME_WORDS)) return { kind: 'name' };
  return null;
}

const OTHER: Role = { kind: 'other' };
const roleCache = new Map<string, Role | null>();
const ROLE_CACHE_MAX = 4096;

/** The role of a header text as written (cached by text). */
function classify(text: string): Role | null {
  let r = roleCache.get(text);
  if (r !== undefined) return r;
  r = text.length > 80 ? null : classifyNorm(normHeader(text));
  if (roleCache.size >= ROLE_CACHE_MAX) roleCache.clear();
  roleCache.set(text, r);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Names of indicators: tokens and similarity (used for framework detection and NAME_MISMATCH)
// ---------------------------------------------------------------------------------------------

const STOP = new Set(W('tingkat kematangan dan untuk yang di ke dari pada atau serta the of and for in'));
const TOKEN_SPLIT_RE = /[^a-z0-9]+/;
const tokenCache = new Map<string, ReadonlyArray<string>>();

/** Distinct content words of an indicator name, lower case ("Tingkat Kematangan" and small words dropped). */
export function nameTokens(name: string): ReadonlyArray<string> {
  let t = tokenCache.get(name);
  if (t) return t;
  const out: string[] = [];
  for (const w of name.toLowerCase().split(TOKEN_SPLIT_RE)) if (w !== '' && !STOP.has(w) && !out.includes(w)) out.push(w);
  if (tokenCache.size >= 8192) tokenCache.clear();
  tokenCache.set(name, out);
  t = out;
  return t;
}

/** Dice similarity of two token lists in [0, 1]. */
export function tokenSimilarity(a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) common++;
  return (2 * common) / (a.length + b.length);
}

const idfCache = new WeakMap<Framework, { readonly weights: Map<string, number>; readonly unknown: number }>();

/** Rarity weights of the words of a framework's official names (rare words tell indicators apart). */
function idfOf(fw: Framework): { readonly weights: Map<string, number>; readonly unknown: number } {
  let idf = idfCache.get(fw);
  if (!idf) {
    const df = new Map<string, number>();
    for (const t of officialNameTokens(fw).values()) for (const w of t) df.set(w, (df.get(w) ?? 0) + 1);
    const n = fw.indicators.length;
    const weights = new Map<string, number>();
    for (const [w, d] of df) weights.set(w, Math.log((n + 1) / d));
    idf = { weights, unknown: Math.log(2 * (n + 1)) };
    idfCache.set(fw, idf);
  }
  return idf;
}

/**
 * Similarity in [0, 1] of a written name with an official name of `fw`: Dice over content words,
 * each word weighted by its rarity among the framework's names (so "Penerapan Manajemen …" shared
 * by many indicators counts little, "Risiko" much).
 */
export function nameSimilarity(fw: Framework, a: ReadonlyArray<string>, b: ReadonlyArray<string>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const { weights, unknown } = idfOf(fw);
  let common = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    const w = weights.get(a[i]) ?? unknown;
    sa += w;
    if (b.includes(a[i])) common += w;
  }
  for (let i = 0; i < b.length; i++) sb += weights.get(b[i]) ?? unknown;
  return sa + sb === 0 ? 0 : (2 * common) / (sa + sb);
}

/** What one indicator's rows said so far: a value per name written, and the last name apart. */
interface NameSlot {
  lastName: string | null;
  last: number;
  readonly byName: Map<string, number>;
}

/** The slots of one framework's indicators, by number. */
export type NameSlots = Array<NameSlot | undefined>;

/**
 * A number worked out from an indicator and the name written in its row (a similarity, a verdict), remembered
 * per framework and indicator. A sheet read again names its rows the same way, so the last name of each indicator
 * is kept apart: comparing one string costs less than a look-up by it. At most 256 names per indicator.
 */
export class IndicatorNameMemo {
  private readonly byFramework = new WeakMap<Framework, NameSlots>();

  constructor(private readonly compute: (fw: Framework, no: number, name: string) => number) {}

  /** The framework's slots: look them up once per sheet, not once per row. */
  slotsOf(fw: Framework): NameSlots {
    let slots = this.byFramework.get(fw);
    if (!slots) this.byFramework.set(fw, (slots = []));
    return slots;
  }

  get(fw: Framework, no: number, name: string, slots: NameSlots = this.slotsOf(fw)): number {
    if (!(Number.isInteger(no) && no >= 0 && no < 1000)) return this.compute(fw, no, name);
    const slot = (slots[no] ??= { lastName: null, last: 0, byName: new Map() });
    if (slot.lastName === name) return slot.last;
    let value = slot.byName.get(name);
    if (value === undefined) {
      value = this.compute(fw, no, name);
      if (slot.byName.size >= 256) slot.byName.clear();
      slot.byName.set(name, value);
    }
    slot.lastName = name;
    slot.last = value;
    return value;
  }
}

const similarities = new IndicatorNameMemo(similarityOf);

/** Similarity of a name written in a row with the official name of indicator `no` of `fw` (cached; 0 if no such indicator). */
export function ownNameSimilarity(fw: Framework, no: number, name: string): number {
  return similarities.get(fw, no, name);
}

function similarityOf(fw: Framework, no: number, name: string): number {
  const off = officialNameTokens(fw).get(no);
  return off ? nameSimilarity(fw, nameTokens(name), off) : 0;
}

const officialTokens = new WeakMap<Framework, Map<number, ReadonlyArray<string>>>();

/** Tokens of the official names of a framework's indicators, by number (cached). */
export function officialNameTokens(fw: Framework): Map<number, ReadonlyArray<string>> {
  let m = officialTokens.get(fw);
  if (!m) {
    m = new Map();
    for (const ind of fw.indicators) m.set(ind.no, nameTokens(ind.name));
    officialTokens.set(fw, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/**
 * Something the reader could not do or wants said (NO_TABLE, SHEET_NOT_FOUND, COLUMN_NOT_FOUND,
 * FRAMEWORK_UNKNOWN, NO_LEVEL_COLUMN, FRAMEWORK_MISMATCH, OTHER_TABLES, SHEET_TRUNCATED, TABLES_ON_SHEET,
 * TABLE_NEWEST_ON_SHEET, LEVEL_COLUMN_NEWEST, PARTS_COMBINED, ROWS_NOT_INDICATORS): problem facts, which validate.ts
 * lists with the rest.
 */
export type ReadIssue = ProblemFacts;

export interface ReadResult {
  readonly framework: Framework | null;
  readonly frameworkSource: 'detected' | 'option';
  readonly table: TableLocation | null;
  /** One per indicator row, in sheet row order. */
  readonly entries: ReadonlyArray<AssessmentEntry>;
  readonly titles: ReadonlyArray<string>;
  readonly issues: ReadonlyArray<ReadIssue>;
  /** Header text of every header column of the chosen table, by absolute column. */
  readonly headers: ReadonlyMap<number, string>;
  /** Number of sheets looked at (for messages). */
  readonly sheetsSearched: ReadonlyArray<string>;
  /** Empty level cells that lie inside a merged area (not its top-left cell): A1 cell -> the merged range, e.g. "C5" -> "C4:C5". */
  readonly mergedLevelCells?: ReadonlyMap<string, string>;
  /** The sheets holding a full assessment table (the one read included), in tab order. */
  readonly candidates: ReadonlyArray<SheetCandidate>;
  /** Level cells whose formula was never calculated (no cached value), keyed as mergedLevelCells ("G7"; "Sheet!G7" in another part). */
  readonly uncalculatedLevelCells?: ReadonlySet<string>;
}

interface HeaderCol {
  readonly col: number; // relative
  readonly text: string;
  readonly role: Role;
}

interface Candidate {
  readonly grid: Grid;
  readonly gridIndex: number;
  readonly headerRows: number[]; // relative
  readonly cols: HeaderCol[];
  readonly numberCol: number; // relative
  readonly codeMode: boolean;
  readonly rows: number[]; // relative, in order
  /** Parsed keys of `rows` (null in code mode). */
  readonly keys: Array<IndicatorKey | null>;
  readonly levelCols: HeaderCol[];
  readonly filled: number[]; // per levelCols
  readonly constants: number;
  readonly hidden: ReadonlySet<number>; // absolute hidden columns
  /** Relative row where this table's title rows start: 0, or the row after the table above it on the same sheet. */
  readonly titleFrom: number;
}

function cellOf(values: Grid['values'], r: number, c: number): CellValue {
  const row = values[r];
  if (row === undefined || c >= row.length) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** Text of a header cell, taking a merged area's top-left value when the cell itself is empty. */
function headerText(grid: Grid, r: number, c: number, or: number, oc: number): string {
  let v = cellOf(grid.values, r, c);
  if ((v === null || v === '') && grid.merges) {
    const ar = r + or;
    const ac = c + oc;
    for (const m of grid.merges) {
      if (ar >= m.top && ar <= m.bottom && ac >= m.left && ac <= m.right) {
        v = cellOf(grid.values, m.top - or, m.left - oc);
        break;
      }
    }
  }
  if (typeof v === 'string') return v.trim();
  return '';
}

function rowWidth(grid: Grid, r: number): number {
  const row = grid.values[r];
  return row ? row.length : 0;
}

/** A row such as "(1) (2) (3) …" or 1 2 3 … under a header: column numbering, not data. */
function isNumberingRow(grid: Grid, r: number): boolean {
  const row = grid.values[r];
  if (!row) return false;
  let run = 0;
  let prev = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    let n: number | null = null;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(v.trim());
      if (m) n = parseInt(m[1], 10);
    }
    if (n === null) {
      if (v !== null && v !== '' && v !== undefined) run = 0;
      continue;
    }
    run = run > 0 && n === prev + 1 ? run + 1 : 1;
    prev = n;
    if (run >= 3) return true;
  }
  return false;
}

interface HeaderInfo {
  readonly rows: number[];
  readonly cols: HeaderCol[];
}

/** Whether row r is a header row (a number column and a level or name column); with its sub-row. */
function detectHeader(grid: Grid, r: number, or: number, oc: number): HeaderInfo | null {
  const row = grid.values[r];
  if (!row) return null;
  let hasNumber = false;
  let hasOther = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v.length > 80) continue;
    const role = classify(v);
    if (!role) continue;
    if (role.kind === 'number') hasNumber = true;
    else if (role.kind === 'level' || role.kind === 'name') hasOther = true;
  }
  if (!hasNumber || !hasOther) return null;

  // A second header row under merged group headers ("Penilaian" over "Tingkat | Keterangan").
  const width = Math.max(rowWidth(grid, r), rowWidth(grid, r + 1));
  let sub = false;
  const next = grid.values[r + 1];
  if (next) {
    const distinct: string[] = [];
    let ok = true;
    for (let c = 0; c < next.length && ok; c++) {
      const v = next[c];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v !== 'string' || v.length > 40) {
        ok = false;
        break;
      }
      const t = v.trim();
      if (t === '') continue;
      const top = headerText(grid, r, c, or, oc);
      if (t === top) continue; // a merged header cell repeated by the adapter
      if (!classify(t)) ok = false;
      else if (!distinct.includes(t)) distinct.push(t);
    }
    sub = ok && distinct.length >= 2;
  }
  const rows = sub ? [r, r + 1] : [r];
  const cols: HeaderCol[] = [];
  for (let c = 0; c < width; c++) {
    const top = headerText(grid, r, c, or, oc);
    const below = sub ? headerText(grid, r + 1, c, or, oc) : '';
    const text = below === '' || below === top ? top : top === '' ? below : `${top} / ${below}`;
    if (text === '') continue;
    let role = classify(text);
    // "Penilaian / Keterangan" is a note, "Penilaian / Tingkat" a level: the joined text decides,
    // but a lower cell that is itself a number header ("No") keeps that role.
    if (sub && below !== '' && below !== top) {
      const lower = classify(below);
      if (lower && lower.kind === 'number') role = lower;
    }
    // unrecognised headers are kept (a level column may be named by the user)
    cols.push({ col: c, text, role: role ?? OTHER });
  }
  return { rows, cols };
}

function hasNumberHeader(row: ReadonlyArray<CellValue>): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.length <= 80 && classify(v)?.kind === 'number') return true;
  }
  return false;
}

/** Cells of a row that read as column headers of any kind ("No", "Domain", "Indeks"). */
function headerWords(row: ReadonlyArray<CellValue>): number {
  let k = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.length <= 80 && classify(v) !== null) k++;
  }
  return k;
}

/** "35.2" in a column of whole numbers: entry 2 of indicator 35 ("35.1" is its first entry). */
function subEntryKey(v: CellValue): IndicatorKey | null {
  const code = parseIndicatorCode(v);
  return code === null ? null : { no: code.aspect, entry: code.index, key: indicatorKey(code.aspect, code.index) };
}

const SUMMARY_RE = /^(?:jumlah|total|sub\s*total|indeks|index|rata|rerata|average|mean|nilai\s+indeks|predikat|skor\s+akhir|domain\b|aspek\b|aspect\b)/i;

/**
 * Two-letter starts of the SUMMARY_RE words ("ju" jumlah, "to" total …), lower case, as charCode pairs: an
 * indicator name ("Tingkat Kematangan …") is told apart by its first two letters, without the regular expression.
 */
const SUMMARY_STARTS = new Uint8Array(128 * 128);
for (const p of W('ju to su in ra re av me ni pr sk do as')) SUMMARY_STARTS[p.charCodeAt(0) * 128 + p.charCodeAt(1)] = 1;

function isSummaryName(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const c0 = v.charCodeAt(0);
  const c1 = v.charCodeAt(1);
  // An ASCII letter pair that starts no summary word: not a summary (`| 32` lower-cases A–Z and keeps a–z).
  // Anything else (leading space, a non-ASCII or short text) takes the regular expression.
  if (c0 > 32 && c0 < 128 && c1 > 32 && c1 < 128 && SUMMARY_STARTS[(c0 | 32) * 128 + (c1 | 32)] === 0) return false;
  return SUMMARY_RE.test(v.trimStart());
}

/** All tables of one grid: each header row with the indicator rows under it. */
function scanGrid(grid: Grid, gridIndex: number, out: Candidate[]): void {
  const or = grid.origin?.row ?? 0;
  const oc = grid.origin?.col ?? 0;
  const values = grid.values;
  const n = values.length;
  const hidden = new Set(grid.hiddenColumns ?? []);
  let r = 0;
  let titleFrom = 0;
  while (r < n) {
    const header = detectHeader(grid, r, or, oc);
    if (!header) {
      r++;
      continue;
    }
    const numberCols = header.cols.filter((h) => h.role.kind === 'number');
    const nameCol = header.cols.find((h) => h.role.kind === 'name');
    const levelCols = header.cols.filter((h) => h.role.kind === 'level');
    // Data rows: until the end of the sheet or the next header row.
    let start = r + header.rows.length;
    if (start < n && isNumberingRow(grid, start)) start++;
    const keyCounts = numberCols.map(() => 0);
    const codeCounts = numberCols.map(() => 0);
    const keysByCol: Array<Array<IndicatorKey | null>> = numberCols.map(() => []);
    const rowKeys: Array<IndicatorKey | null> = numberCols.map(() => null);
    const rowsSeen: number[] = [];
    let end = start;
    for (; end < n; end++) {
      const row = values[end];
      if (!row || row.length === 0) continue;
      let any = false;
      for (let i = 0; i < numberCols.length; i++) {
        const v = cellOf(values, end, numberCols[i].col);
        const k = parseIndicatorKey(v);
        rowKeys[i] = k;
        if (k !== null) {
          keyCounts[i]++;
          any = true;
        } else if (parseIndicatorCode(v) !== null) {
          codeCounts[i]++;
          any = true;
        }
      }
      if (!any) {
        // another header row starts another table; a recap block's header ("No | Domain | Indeks") ends this one
        if (hasNumberHeader(row) && (detectHeader(grid, end, or, oc) || headerWords(row) >= 2)) break;
        continue;
      }
      // a total row counts for its number column's choice, but is no indicator row
      if (nameCol && isSummaryName(cellOf(values, end, nameCol.col))) continue;
      for (let i = 0; i < numberCols.length; i++) keysByCol[i].push(rowKeys[i]);
      rowsSeen.push(end);
    }
    // The number column: most indicator keys; ties by header (No. Indikator > No > Kode).
    let best = -1;
    let codeMode = false;
    for (let i = 0; i < numberCols.length; i++) {
      const p = (numberCols[i].role as { prio: number }).prio;
      if (
        best < 0 ||
        keyCounts[i] > keyCounts[best] ||
        (keyCounts[i] === keyCounts[best] && p > (numberCols[best].role as { prio: number }).prio)
      )
        best = i;
    }
    if (keyCounts[best] === 0) {
      // only aspect-indicator codes ("3.2"): read them as codes
      let bc = -1;
      for (let i = 0; i < numberCols.length; i++) if (codeCounts[i] > 0 && (bc < 0 || codeCounts[i] > codeCounts[bc])) bc = i;
      if (bc >= 0) {
        best = bc;
        codeMode = true;
      }
    }
    const numberCol = numberCols[best].col;
    const colKeys = keysByCol[best];
    // mostly every row seen has its number in the chosen column: those rows and keys as they are
    const whole = !codeMode && !colKeys.includes(null);
    const rows: number[] = whole ? rowsSeen : [];
    const keys: Array<IndicatorKey | null> = whole ? colKeys : [];
    for (let i = 0; i < rowsSeen.length && !whole; i++) {
      if (codeMode ? parseIndicatorCode(cellOf(values, rowsSeen[i], numberCol)) !== null : colKeys[i] !== null) {
        rows.push(rowsSeen[i]);
        keys.push(codeMode ? null : colKeys[i]);
      } else if (!codeMode) {
        // "35.2" among whole numbers: another entry of indicator 35 (spbe2018's extra public services), never dropped
        const sub = subEntryKey(cellOf(values, rowsSeen[i], numberCol));
        if (sub !== null) {
          rows.push(rowsSeen[i]);
          keys.push(sub);
        }
      }
    }
    const filled = levelCols.map(() => 0);
    let constants = 0;
    const formulas = grid.formulas;
    for (const rr of rows) {
      for (let i = 0; i < levelCols.length; i++) {
        const c = levelCols[i].col;
        if (hasValue(cellOf(values, rr, c))) {
          filled[i]++;
          const f = formulas?.[rr]?.[c];
          if (!f) constants++;
        }
      }
    }
    out.push({ grid, gridIndex, headerRows: header.rows, cols: header.cols, numberCol, codeMode, rows, keys, levelCols, filled, constants, hidden, titleFrom });
    // continue after this table (or right after a header row that had no indicator rows)
    if (rows.length > 0) titleFrom = rows[rows.length - 1] + 1;
    r = rows.length > 0 && end > r ? end : r + 1;
  }
}

/** Rows another sheet's table needs to be mentioned as another assessment (fewer: a summary, e.g. aspects 1–8). */
const MIN_OTHER_TABLE_ROWS = 10;

/** Better table first: has a level column, a full table on a visible sheet, more indicator rows, fuller level column, more constants, visible sheet, tab order. */
function better(a: Candidate, b: Candidate): boolean {
  const la = a.levelCols.length > 0 ? 1 : 0;
  const lb = b.levelCols.length > 0 ? 1 : 0;
  if (la !== lb) return la > lb;
  // Two full tables: the one on a visible sheet (a hidden sheet is mostly an old copy or a helper).
  if (la === 1 && a.rows.length >= MIN_OTHER_TABLE_ROWS && b.rows.length >= MIN_OTHER_TABLE_ROWS && !a.grid.hidden !== !b.grid.hidden) {
    return !a.grid.hidden;
  }
  if (a.rows.length !== b.rows.length) return a.rows.length > b.rows.length;
  const fa = a.filled.length ? Math.max(...a.filled) : 0;
  const fb = b.filled.length ? Math.max(...b.filled) : 0;
  if (fa !== fb) return fa > fb;
  if (a.constants !== b.constants) return a.constants > b.constants;
  const va = a.grid.hidden ? 0 : 1;
  const vb = b.grid.hidden ? 0 : 1;
  if (va !== vb) return va > vb;
  return false;
}

/** Resolve an aspect-indicator code to an indicator number of fw: global numbering first, then position within the aspect. */
function resolveCode(fw: Framework, code: { aspect: number; index: number }): number | null {
  const direct = fw.indicators.find((i) => i.no === code.index);
  if (direct && direct.aspect === code.aspect) return direct.no;
  const inAspect = fw.indicators.filter((i) => i.aspect === code.aspect);
  const pos = inAspect[code.index - 1];
  return pos ? pos.no : null;
}

interface RowKey {
  readonly row: number;
  readonly no: number;
  readonly entry: number;
  readonly key: string;
}

function rowKeys(c: Candidate, fw: Framework | null): RowKey[] {
  const out: RowKey[] = [];
  for (let i = 0; i < c.rows.length; i++) {
    const r = c.rows[i];
    if (!c.codeMode) {
      const k = c.keys[i];
      if (k) out.push({ row: r, no: k.no, entry: k.entry, key: k.key });
      continue;
    }
    const v = cellOf(c.grid.values, r, c.numberCol);
    {
      const code = parseIndicatorCode(v);
      if (!code) continue;
      const no = fw ? resolveCode(fw, code) : null;
      // unresolvable codes keep their written form so that validation can name them
      if (no === null) out.push({ row: r, no: code.index, entry: 1, key: `${code.aspect}.${code.index}` });
      else out.push({ row: r, no, entry: 1, key: indicatorKey(no) });
    }
  }
  return out;
}

/** True when row `r` holds nothing but its indicator number (a template row left empty). */
function numberOnlyRow(values: Grid['values'], r: number, numberCol: number): boolean {
  const row = values[r];
  if (row === undefined) return true;
  for (let c = 0; c < row.length; c++) {
    if (c === numberCol) continue;
    const v = row[c];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return false;
  }
  return true;
}

/**
 * How a table's rows fit a framework: rows whose number it does not have (misfits), distinct indicators.
 * Counting stops once misfits pass `enough` (the caller only needs to know the fit is worse than that).
 */
function fitOf(
  c: Candidate,
  fw: Framework,
  enough = Infinity,
): { fw: Framework; keys: ReadonlyArray<IndicatorKey | RowKey>; misfits: number; distinct: number } {
  const values = c.grid.values;
  const fixedKeys = c.codeMode ? null : (c.keys as IndicatorKey[]);
  const keys = fixedKeys ?? rowKeys(c, fw);
  let misfits = 0;
  let distinct = 0;
  const ix = frameworkIndex(fw);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // an unresolved aspect code ("3.2") keeps its written form as key: never one of the framework's
    const known = entryStatus(ix, k.no, k.entry) === 'ok' && (fixedKeys !== null || !k.key.includes('.'));
    // A pre-numbered row with nothing else in it (a template numbered beyond the framework) says nothing.
    if (!known) {
      if (!numberOnlyRow(values, fixedKeys !== null ? c.rows[i] : (k as RowKey).row, c.numberCol) && ++misfits > enough) break;
    } else if (k.entry === 1) distinct++;
  }
  return { fw, keys, misfits, distinct };
}

/** Framework from the rows: numbers, repeated entries, names, decimals. */
function detectFramework(c: Candidate, levelCol: number | null): Framework {
  const nameCol = c.cols.find((h) => h.role.kind === 'name')?.col;
  const values = c.grid.values;
  // Structure first: the frameworks whose numbers (and repeated entries) all fit the rows.
  const fixedKeys = c.codeMode ? null : (c.keys as IndicatorKey[]);
  // a framework that already fits worse than one before it is not counted to the end
  const stats: Array<ReturnType<typeof fitOf>> = [];
  let minMisfits = Infinity;
  for (const fw of FRAMEWORKS) {
    const s = fitOf(c, fw, minMisfits);
    stats.push(s);
    if (s.misfits < minMisfits) minMisfits = s.misfits;
  }
  const plausible = stats.filter((s) => s.misfits === minMisfits);
  if (plausible.length === 1) return plausible[0].fw;
  // Then decimals, the count of indicators and the names written in the rows.
  let decimals = false;
  if (levelCol !== null) {
    for (const r of c.rows) {
      const p = parseLevel(cellOf(values, r, levelCol), null);
      if (p.ok && !isInteger(p.level)) {
        decimals = true;
        break;
      }
    }
  }
  let bestFw: Framework = plausible[0].fw;
  let bestScore = -Infinity;
  for (const s of plausible) {
    const fw = s.fw;
    let score = -0.05 * Math.abs(fw.indicators.length - s.distinct);
    if (decimals) score += fw.values === 'decimal' ? 5 : -5;
    if (nameCol !== undefined) {
      const slots = similarities.slotsOf(fw);
      for (let i = 0; i < s.keys.length; i++) {
        const k = s.keys[i];
        const name = cellOf(values, fixedKeys !== null ? c.rows[i] : (k as RowKey).row, nameCol);
        if (typeof name === 'string') score += 2 * similarities.get(fw, k.no, name, slots);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      bestFw = fw;
    }
  }
  return bestFw;
}

function textOf(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const n = v.length;
    if (n === 0) return null;
    // most cells need no trimming: skip the copy
    if (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32 && v.charCodeAt(0) !== 160 && v.charCodeAt(n - 1) !== 160) return v;
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** A weight cell as written, in the sheet's own unit: 1.3, "1,30", "1.3 %". */
function weightOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.replace('%', '').trim().replace(',', '.');
  const r = fromDecimalString(t);
  return r === null || t === '' ? null : Number(t);
}

function levelColumnOf(h: HeaderCol, filled: number, oc: number): LevelColumn {
  const stage = h.role.kind === 'level' ? h.role.stage : -1;
  return {
    col: h.col + oc,
    letter: columnLetter(h.col + oc),
    header: h.text,
    stage,
    stageName: stage >= 0 ? STAGE_NAMES[stage] : null,
    filled,
  };
}

function includesCI(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/**
 * Reads the assessment table. `fwHint` (or options.framework) forces the framework; otherwise it
 * is detected from the rows. Never throws on bad input: what cannot be read is an issue.
 *
 * The steps: the framework asked for; the sheets to look at; every table on them (long data lists set
 * aside); the table to read (chooseTable: the newest year when a workbook keeps a sheet per year); its level
 * column and framework, settled (settleTable: parts of one assessment, or several tables on one sheet); a
 * note naming the other assessment tables; the rows; the title rows above the table.
 */
export function readTable(grids: WorkbookGrids, fwHint: Framework | null = null, options: ReadOptions = {}): ReadResult {
  const issues: ReadIssue[] = [];
  const forced = forcedFramework(fwHint, options, issues);
  const frameworkSource: 'detected' | 'option' = fwHint || options.framework ? 'option' : 'detected';
  const tables: Candidate[] = [];
  grids.forEach((grid, index) => scanGrid(grid, index, tables));
  const empty = (sheets: ReadonlyArray<string>): ReadResult => ({
    framework: forced,
    frameworkSource,
    table: null,
    entries: [],
    titles: [],
    issues,
    headers: new Map(),
    sheetsSearched: sheets,
    candidates: sheetCandidates(tables, null),
  });

  const sheets = sheetsToRead(grids, options.sheet, issues);
  if (sheets === null) return empty(grids.map((g) => g.name));
  noteTruncatedSheets(grids, sheets, issues);
  const searched = tables.filter((t) => sheets.includes(t.grid.name));
  noteDataLists(searched, issues);
  const choice = chooseTable(searched.filter((t) => !isDataList(t)), forced);
  if (!choice) {
    issues.push(noTableFacts(searched, sheets));
    return empty(sheets);
  }
  const { c, levels, framework, parts } = settleTable(choice.table, forced, options, searched, issues);
  noteOtherTables(c, choice, parts ?? [c], tables, issues);
  const { entries, mergedLevelCells, uncalculated } = parts ? readParts(parts, c, framework, levels, issues) : readRows(c, framework, levels);
  return {
    framework,
    frameworkSource,
    table: tableLocation(c, levels),
    entries,
    titles: titlesAbove(c.grid, c.headerRows[0], c.titleFrom),
    issues,
    headers: new Map(c.cols.map((h) => [h.col + originOf(c.grid).col, h.text])),
    sheetsSearched: sheets,
    mergedLevelCells,
    uncalculatedLevelCells: uncalculated ?? undefined,
    candidates: sheetCandidates(tables, c),
  };
}

/**
 * The table chosen, its level column and framework, settled: the parts of one assessment kept one sheet per
 * domain (combinedParts), or else the newest of several tables on its sheet (chooseOnSheet).
 */
function settleTable(
  first: Candidate,
  forced: Framework | null,
  options: ReadOptions,
  searched: ReadonlyArray<Candidate>,
  issues: ReadIssue[],
): { c: Candidate; levels: LevelChoice; framework: Framework | null; parts: Candidate[] | null } {
  let local: ReadIssue[] = [];
  let levels = chooseLevelColumn(first, options, local);
  let framework = frameworkOf(first, forced, levels.chosen ? levels.chosen.col : null, local);
  const parts = framework ? combinedParts(first, framework, levels, searched) : null;
  const c = parts ? first : chooseOnSheet(first, searched, issues);
  if (c !== first) {
    local = [];
    levels = chooseLevelColumn(c, options, local);
    framework = frameworkOf(c, forced, levels.chosen ? levels.chosen.col : null, local);
  }
  issues.push(...local);
  return { c, levels, framework, parts };
}

const NO_ORIGIN = Object.freeze({ row: 0, col: 0 });

function originOf(grid: Grid): { readonly row: number; readonly col: number } {
  return grid.origin ?? NO_ORIGIN;
}

/** The framework given (a hint or options.framework); an unknown name is an issue. */
function forcedFramework(fwHint: Framework | null, options: ReadOptions, issues: ReadIssue[]): Framework | null {
  if (fwHint) return fwHint;
  if (options.framework === undefined || options.framework === null || String(options.framework).trim() === '') return null;
  const fw = getFramework(String(options.framework));
  if (!fw) {
    const latest = FRAMEWORKS[FRAMEWORKS.length - 1].regulation.number;
    issues.push(facts('FRAMEWORK_UNKNOWN', null, { framework: String(options.framework), known: FRAMEWORKS.map((f) => f.id).join(', '), regulation: latest }));
  }
  return fw;
}

/** A sheet too long to read whole (Grid.truncated, set by the adapter): say how far it was read. */
function noteTruncatedSheets(grids: WorkbookGrids, sheets: ReadonlyArray<string>, issues: ReadIssue[]): void {
  for (const g of grids) {
    if (!g.truncated || !sheets.includes(g.name)) continue;
    issues.push(facts('SHEET_TRUNCATED', { kind: 'sheet', sheet: g.name }, { rows: g.truncated.keptRows, lastRow: g.truncated.lastRow + 1 }));
  }
}

/** The names of the sheets to read: all, or the one asked for (by name, any case); null when it does not exist. */
function sheetsToRead(grids: WorkbookGrids, sheet: string | undefined, issues: ReadIssue[]): string[] | null {
  if (sheet === undefined || sheet === '') return grids.map((g) => g.name);
  const want = sheet.trim().toLowerCase();
  const found = grids.filter((g) => g.name.trim().toLowerCase() === want).map((g) => g.name);
  if (found.length > 0) return found;
  issues.push(facts('SHEET_NOT_FOUND', { kind: 'sheet', sheet }, { sheet, sheets: grids.map((g) => g.name).join(', ') }));
  return null;
}

/** A full assessment table: a level column and at least MIN_OTHER_TABLE_ROWS indicator rows (a summary of aspects is not one), not a data list. */
function isFull(x: Candidate): boolean {
  return x.levelCols.length > 0 && x.rows.length >= MIN_OTHER_TABLE_ROWS && !isDataList(x);
}

/** Numbered rows a table may hold and still be an assessment (47 indicators, a template numbered further): more is a data list. */
const MAX_ASSESSMENT_ROWS = 200;

/** A long numbered list (a data sheet of 100,000 rows): never the assessment. */
function isDataList(x: Candidate): boolean {
  return x.rows.length > MAX_ASSESSMENT_ROWS;
}

/** Where a table is: its header's first row to its last indicator row, its first to its last header column. */
function rangeOf(c: Candidate): string {
  const { row: or, col: oc } = originOf(c.grid);
  let left = c.numberCol;
  let right = c.numberCol;
  for (const h of c.cols) {
    if (h.col < left) left = h.col;
    if (h.col > right) right = h.col;
  }
  const last = c.rows.length ? c.rows[c.rows.length - 1] : c.headerRows[c.headerRows.length - 1];
  return rangeA1({ top: c.headerRows[0] + or, left: left + oc, bottom: last + or, right: right + oc });
}

/** Long numbered lists on the sheets searched: said once each, they are not read as the assessment. */
function noteDataLists(tables: ReadonlyArray<Candidate>, issues: ReadIssue[]): void {
  for (const t of tables) {
    if (!isDataList(t)) continue;
    issues.push(facts('ROWS_NOT_INDICATORS', { kind: 'sheet', sheet: t.grid.name }, { sheet: t.grid.name, rows: t.rows.length, range: rangeOf(t), max: MAX_ASSESSMENT_ROWS }));
  }
}

/** No table to read: a header with no numbered row under it says so (with what it holds); otherwise what was looked for. */
function noTableFacts(tables: ReadonlyArray<Candidate>, sheets: ReadonlyArray<string>): ReadIssue {
  const bare = tables.find((t) => t.rows.length === 0 && t.levelCols.length > 0) ?? tables.find((t) => t.rows.length === 0);
  if (!bare) return facts('NO_TABLE', null, { sheets: sheets.join(', ') });
  const { row, col } = originOf(bare.grid);
  const at: Location = { kind: 'cell', sheet: bare.grid.name, row: bare.headerRows[0] + row, col: bare.numberCol + col };
  return facts('NO_TABLE', at, { sheets: sheets.join(', '), headers: bare.cols.map((h) => h.text).join(' | ') }, { variant: 'NO_TABLE_NO_ROWS' });
}

/** The year a table's own title rows name (rows between the table above it and its header), or null. */
function ownYear(c: Candidate): number | null {
  return assessmentYear('', titlesAbove(c.grid, c.headerRows[0], c.titleFrom))?.year ?? null;
}

/**
 * Several full tables on the chosen table's sheet: the newest, when each names its year above it and one
 * year is the latest (a warning names the others); otherwise an error naming every range (never silently the upper one).
 */
function chooseOnSheet(c: Candidate, tables: ReadonlyArray<Candidate>, issues: ReadIssue[]): Candidate {
  if (!isFull(c)) return c;
  const group = tables.filter((t) => t.grid === c.grid && (t === c || isFull(t)));
  if (group.length < 2) return c;
  const years = group.map(ownYear);
  const at: Location = { kind: 'sheet', sheet: c.grid.name };
  if (years.every((y) => y !== null)) {
    const newest = Math.max(...(years as number[]));
    const top = group.filter((_, i) => years[i] === newest);
    if (top.length === 1) {
      const pick = top[0];
      const others = group.filter((t) => t !== pick).map((t) => `${rangeOf(t)} (${years[group.indexOf(t)]})`);
      issues.push(facts('TABLE_NEWEST_ON_SHEET', at, { sheet: c.grid.name, year: newest, range: rangeOf(pick), others: others.join(', ') }));
      return pick;
    }
  }
  issues.push(facts('TABLES_ON_SHEET', at, { sheet: c.grid.name, ranges: group.map(rangeOf).join(', ') }));
  return c;
}

interface TableChoice {
  readonly table: Candidate;
  /** Why: the newest year among tables that are otherwise alike, or the usual preference (`better`). */
  readonly by: 'year' | 'rule';
  readonly year: number | null;
}

/**
 * The table to read. Between two full tables a chosen framework picks the one whose rows fit it (a 2026
 * pemdi sheet beside a 2024 spbe2020 one); otherwise `better` decides (level column, visible, longer,
 * fuller). Then, when several full tables remain alike (same visibility, same fit) and each names its year
 * (sheet name or title), the newest year wins: a workbook with "Penilaian 2023" and "Penilaian 2024" is
 * assessed on 2024, in either order.
 */
function chooseTable(tables: ReadonlyArray<Candidate>, forced: Framework | null): TableChoice | null {
  const misfits = new Map<Candidate, number>();
  const misfitsOf = (x: Candidate, fw: Framework): number => {
    let m = misfits.get(x);
    if (m === undefined) misfits.set(x, (m = fitOf(x, fw).misfits));
    return m;
  };
  let best: Candidate | null = null;
  for (const c of tables) {
    if (c.rows.length === 0) continue;
    if (best === null) best = c;
    else if (forced && isFull(c) && isFull(best) && misfitsOf(c, forced) !== misfitsOf(best, forced)) {
      if (misfitsOf(c, forced) < misfitsOf(best, forced)) best = c;
    } else if (better(c, best)) best = c;
  }
  if (best === null) return null;
  const chosen = best;
  if (!isFull(chosen)) return { table: chosen, by: 'rule', year: null };
  const alike = tables.filter(
    (x) => isFull(x) && !x.grid.hidden === !chosen.grid.hidden && (!forced || misfitsOf(x, forced) === misfitsOf(chosen, forced)),
  );
  if (alike.length < 2 || alike.some((x) => yearOf(x) === null)) return { table: chosen, by: 'rule', year: null };
  let newest = Math.max(...alike.map((x) => yearOf(x) as number));
  if (alike.every((x) => yearOf(x) === newest)) return { table: chosen, by: 'rule', year: null };
  const pick = yearOf(chosen) === newest ? chosen : alike.filter((x) => yearOf(x) === newest).reduce((p, x) => (better(x, p) ? x : p));
  newest = yearOf(pick) as number;
  return { table: pick, by: 'year', year: newest };
}

/** Years by grid and header row: a grid is immutable data, and the pane and the benchmark assess the same grids again. */
const years = new WeakMap<Grid, Map<number, number | null>>();

/** The year of a table's assessment (its sheet name or its title rows), cached. */
function yearOf(c: Candidate): number | null {
  let byRow = years.get(c.grid);
  if (!byRow) years.set(c.grid, (byRow = new Map()));
  const head = c.headerRows[0];
  let y = byRow.get(head);
  if (y === undefined) {
    y = assessmentYear(c.grid.name, titlesAbove(c.grid, head, c.titleFrom))?.year ?? null;
    byRow.set(head, y);
  }
  return y;
}

/** The sheets with a full assessment table (and the one read), once each, in tab order. */
function sheetCandidates(tables: ReadonlyArray<Candidate>, used: Candidate | null): SheetCandidate[] {
  const out: SheetCandidate[] = [];
  for (const t of tables) {
    if (t !== used && !isFull(t)) continue;
    const name = t.grid.name;
    const i = out.findIndex((x) => x.sheet === name);
    const item: SheetCandidate = { sheet: name, year: yearOf(t), rows: t.rows.length, hidden: t.grid.hidden === true, used: t === used };
    if (i < 0) out.push(item);
    else if (t === used) out[i] = item;
  }
  return out;
}

/** Other sheets with an assessment table of their own (e.g. last year's beside this year's): named in a note. */
function noteOtherTables(c: Candidate, choice: TableChoice, used: ReadonlyArray<Candidate>, tables: ReadonlyArray<Candidate>, issues: ReadIssue[]): void {
  const others: string[] = [];
  for (const o of tables) {
    if (o.grid === c.grid || !isFull(o) || used.some((u) => u.grid === o.grid)) continue;
    if (!others.includes(o.grid.name)) others.push(o.grid.name);
  }
  if (others.length === 0) return;
  const at: Location = { kind: 'sheet', sheet: c.grid.name };
  if (choice.by === 'year') issues.push(facts('OTHER_TABLES', at, { others: others.join(', '), year: choice.year ?? '' }, { variant: 'OTHER_TABLES_NEWEST' }));
  else issues.push(facts('OTHER_TABLES', at, { others: others.join(', ') }));
}

/** The table's level columns (with one named by options.column that the reader had not taken for one) and the one used. */
interface LevelChoice {
  readonly headers: ReadonlyArray<HeaderCol>;
  readonly filled: ReadonlyArray<number>;
  /** Index into headers, or -1 when there is no level column. */
  readonly index: number;
  readonly chosen: HeaderCol | null;
}

function chooseLevelColumn(c: Candidate, options: ReadOptions, issues: ReadIssue[]): LevelChoice {
  const oc = originOf(c.grid).col;
  let headers: ReadonlyArray<HeaderCol> = c.levelCols;
  let filled: ReadonlyArray<number> = c.filled;
  let index = -1;
  if (options.column !== undefined && options.column.trim() !== '') {
    const named = columnNamed(c, options.column.trim());
    if (named.kind === 'level') index = named.index;
    else if (named.kind === 'extra') {
      headers = [...headers, named.header];
      filled = [...filled, named.filled];
      index = headers.length - 1;
    } else {
      issues.push(
        facts('COLUMN_NOT_FOUND', { kind: 'sheet', sheet: c.grid.name }, {
          column: options.column.trim(),
          columns: headers.map((h) => `${h.text} (${columnLetter(h.col + oc)})`).join(', ') || '-',
        }),
      );
    }
  } else if (options.columnIndex !== undefined) {
    index = headers.findIndex((h) => h.col + oc === options.columnIndex);
  }
  if (index < 0 && headers.length > 0) {
    index = defaultLevelColumn(c, headers, filled);
    index = newestLevelColumn(c, headers, filled, index, issues);
  }
  if (index < 0) {
    const { row, col } = originOf(c.grid);
    issues.push(facts('NO_LEVEL_COLUMN', { kind: 'cell', sheet: c.grid.name, row: c.headerRows[0] + row, col: c.numberCol + col }, { headers: c.cols.map((h) => h.text).join(', ') }));
  }
  return { headers, filled, index, chosen: index >= 0 ? headers[index] : null };
}

/** A column named by (part of) its header text or by its letter: one of the level columns, another column of the table, or none. */
function columnNamed(
  c: Candidate,
  want: string,
): { kind: 'level'; index: number } | { kind: 'extra'; header: HeaderCol; filled: number } | { kind: 'none' } {
  const oc = originOf(c.grid).col;
  let index = c.levelCols.findIndex((h) => h.text.toLowerCase() === want.toLowerCase());
  if (index < 0) index = c.levelCols.findIndex((h) => includesCI(h.text, want));
  if (index >= 0) return { kind: 'level', index };
  // a column the reader did not take for a level column, named by header text or letter
  let other = c.cols.find((h) => h.role.kind !== 'number' && includesCI(h.text, want));
  if (!other && /^[A-Za-z]{1,3}$/.test(want)) {
    const letterCol = c.cols.find((h) => columnLetter(h.col + oc) === want.toUpperCase());
    other = letterCol ?? { col: letterColumn(want) - oc, text: want.toUpperCase(), role: { kind: 'level', stage: -1 } };
  }
  if (!other || other.col < 0) return { kind: 'none' };
  const header: HeaderCol = { col: other.col, text: other.text, role: { kind: 'level', stage: -1 } };
  let count = 0;
  for (const r of c.rows) if (hasValue(cellOf(c.grid.values, r, header.col))) count++;
  return { kind: 'extra', header, filled: count };
}

/**
 * Among level columns alike to the default one (values, visibility, stage), each naming a year in its header
 * ("Nilai 2023", "Nilai 2024"): the newest year's, said in a note (LEVEL_COLUMN_NEWEST). Otherwise the default.
 */
function newestLevelColumn(c: Candidate, headers: ReadonlyArray<HeaderCol>, filled: ReadonlyArray<number>, best: number, issues: ReadIssue[]): number {
  if (headers.length < 2 || best < 0) return best;
  const oc = originOf(c.grid).col;
  const stageOf = (h: HeaderCol): number => (h.role.kind === 'level' ? h.role.stage : -1);
  const b = headers[best];
  const alike: number[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (filled[i] > 0 === filled[best] > 0 && c.hidden.has(h.col + oc) === c.hidden.has(b.col + oc) && stageOf(h) === stageOf(b)) alike.push(i);
  }
  if (alike.length < 2) return best;
  const years = alike.map((i) => yearIn(headers[i].text));
  if (years.some((y) => y === null)) return best;
  const newest = Math.max(...(years as number[]));
  const top = alike.filter((_, k) => years[k] === newest);
  if (top.length !== 1) return best;
  const pick = top[0];
  const h = headers[pick];
  const { row } = originOf(c.grid);
  issues.push(
    facts('LEVEL_COLUMN_NEWEST', { kind: 'cell', sheet: c.grid.name, row: c.headerRows[c.headerRows.length - 1] + row, col: h.col + oc }, {
      header: h.text,
      letter: columnLetter(h.col + oc),
      year: newest,
      others: alike.filter((i) => i !== pick).map((i) => `"${headers[i].text}" (${columnLetter(headers[i].col + oc)})`).join(', '),
    }),
  );
  return pick;
}

/** The most advanced stage with values; visible columns before hidden ones. */
function defaultLevelColumn(c: Candidate, headers: ReadonlyArray<HeaderCol>, filled: ReadonlyArray<number>): number {
  const oc = originOf(c.grid).col;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const visible = !c.hidden.has(h.col + oc);
    const stage = h.role.kind === 'level' ? h.role.stage : -1;
    const s = (filled[i] > 0 ? 1000 : 0) + (visible ? 100 : 0) + (filled[i] > 0 ? stage * 10 : 0) - i * 0.001;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

/** The framework: the one forced (said first when the rows look like another), or the one detected. */
function frameworkOf(c: Candidate, forced: Framework | null, levelCol: number | null, issues: ReadIssue[]): Framework | null {
  if (!forced) return issues.some((i) => i.code === 'FRAMEWORK_UNKNOWN') ? null : detectFramework(c, levelCol);
  if (c.rows.length > 0) {
    const looksLike = detectFramework(c, levelCol);
    if (looksLike !== forced && fitOf(c, looksLike).misfits <= fitOf(c, forced).misfits) {
      issues.push(
        facts('FRAMEWORK_MISMATCH', { kind: 'sheet', sheet: c.grid.name }, { framework: forced.name, detected: looksLike.name, detectedId: looksLike.id }),
      );
    }
  }
  return forced;
}

interface RowsRead {
  entries: AssessmentEntry[];
  mergedLevelCells: Map<string, string>;
  /** Level cells holding a formula that was never calculated (no cached value), by the same keys as mergedLevelCells. */
  uncalculated: Set<string> | null;
}

/**
 * The indicator rows as entries: the level cell (read exactly), the other stages, name, weight, evidence, target, notes.
 * `part`: the sheet of a part read with the main table's (one sheet per domain): its entries carry it, its cells are keyed "Sheet!A1".
 */
function readRows(c: Candidate, framework: Framework | null, levels: LevelChoice, part?: string): RowsRead {
  const grid = c.grid;
  const values = grid.values;
  const { row: or, col: oc } = originOf(grid);
  const keys: ReadonlyArray<RowKey | IndicatorKey> = c.codeMode ? rowKeys(c, framework) : (c.keys as IndicatorKey[]);
  const colOf = (kind: string): number | null => {
    const h = c.cols.find((x) => x.role.kind === kind);
    return h ? h.col : null;
  };
  const nameRel = colOf('name');
  const weightRel = colOf('weight');
  const evidenceRel = colOf('evidence');
  const targetRel = colOf('target');
  const noteRels = c.cols.filter((h) => h.role.kind === 'note').map((h) => h.col);
  const formulas = grid.formulas;
  const chosenHeader = levels.chosen;
  const levelRel = chosenHeader ? chosenHeader.col : null;
  const levelHeaders = levels.headers;

  const entries: AssessmentEntry[] = [];
  const mergedLevelCells = new Map<string, string>();
  let uncalculated: Set<string> | null = null;
  const prefix = part !== undefined ? `${part}!` : '';
  const cellCol = (levelRel ?? c.numberCol) + oc;
  const cellLetter = columnLetter(cellCol);
  const single = levelHeaders.length <= 1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const r = c.codeMode ? (k as RowKey).row : c.rows[i];
    const raw = levelRel !== null ? cellOf(values, r, levelRel) : null;
    const parsed = levelRel !== null ? parseLevel(raw, framework, k.no) : null;
    const stages: Array<{ col: number; raw: CellValue; level: Rational | null }> = single ? NO_STAGES : [];
    if (!single) for (const h of levelHeaders) {
      if (h === chosenHeader) continue;
      const sv = cellOf(values, r, h.col);
      const sp = parseLevel(sv, framework, k.no);
      stages.push({ col: h.col + oc, raw: sv, level: sp.ok ? sp.level : null });
    }
    let note: string | null = null;
    for (const nc of noteRels) {
      const t = textOf(cellOf(values, r, nc));
      if (t !== null) note = note === null ? t : `${note} | ${t}`;
    }
    let target: Rational | null = null;
    const targetRaw = targetRel !== null ? cellOf(values, r, targetRel) : null;
    if (targetRel !== null) {
      const tp = parseLevel(targetRaw, framework, k.no);
      if (tp.ok) target = tp.level;
    }
    if (levelRel !== null && grid.merges && !hasValue(raw)) {
      const ar = r + or;
      const ac = levelRel + oc;
      const m = grid.merges.find((x) => x.top <= ar && ar <= x.bottom && x.left <= ac && ac <= x.right && (x.top !== ar || x.left !== ac));
      if (m) mergedLevelCells.set(prefix + cellLetter + String(ar + 1), rangeA1(m));
    }
    const f = levelRel !== null ? formulas?.[r]?.[levelRel] : null;
    if (f && (raw === null || raw === '')) (uncalculated ??= new Set()).add(prefix + cellLetter + String(r + or + 1));
    const key = k.key;
    const no = k.no;
    const entry = k.entry;
    const row = r + or;
    const cell = a1(r + or, cellCol);
    const plainNumber = typeof raw === 'number' && !f;
    const level = parsed && parsed.ok ? parsed.level : null;
    const name = nameRel !== null ? textOf(cellOf(values, r, nameRel)) : null;
    const sheetWeight = weightRel !== null ? weightOf(cellOf(values, r, weightRel)) : null;
    const evidence = evidenceRel !== null ? textOf(cellOf(values, r, evidenceRel)) : null;
    // two literals instead of a spread (an object spread is a slow path): targetRaw only with a target column
    const e: AssessmentEntry =
      targetRel !== null
        ? { key, no, entry, row, cell, raw, plainNumber, level, name, stages, sheetWeight, evidence, target, targetRaw, note }
        : { key, no, entry, row, cell, raw, plainNumber, level, name, stages, sheetWeight, evidence, target, note };
    entries.push(part !== undefined ? { ...e, sheet: part } : e);
  }
  return { entries, mergedLevelCells, uncalculated };
}

/**
 * The parts of one assessment kept one sheet per domain (or one table per domain): other tables with the
 * same columns (number column and level columns where the main table has them), every row an entry of
 * `fw`, no entry in two parts, and together every indicator of `fw`. Null when the main table is complete
 * or no such set exists. Parts in tab order, then top to bottom.
 */
function combinedParts(c: Candidate, fw: Framework, levels: LevelChoice, tables: ReadonlyArray<Candidate>): Candidate[] | null {
  if (c.codeMode || levels.index < 0 || levels.headers !== c.levelCols) return null;
  if (!tables.some((t) => t !== c && t.rows.length > 0)) return null;
  const ix = frameworkIndex(fw);
  // the main table complete (every indicator's first entry): nothing to combine
  const seen = new Uint8Array(ix.n + 1);
  let firsts = 0;
  for (const k of c.keys) {
    if (k && k.entry === 1 && k.no >= 1 && k.no <= ix.n && seen[k.no] === 0) {
      seen[k.no] = 1;
      firsts++;
    }
  }
  if (firsts >= ix.n) return null;
  const have = new Set<string>();
  for (const k of c.keys) if (k && entryStatus(ix, k.no, k.entry) === 'ok') have.add(k.key);
  const parts: Candidate[] = [c];
  for (const t of tables) {
    if (t === c || t.codeMode || t.rows.length === 0 || isDataList(t) || !sameColumns(c, t)) continue;
    const own: string[] = [];
    for (const k of t.keys) {
      if (!k || entryStatus(ix, k.no, k.entry) !== 'ok' || have.has(k.key) || own.includes(k.key)) return null;
      own.push(k.key);
    }
    for (const k of own) have.add(k);
    parts.push(t);
  }
  for (let no = 1; no <= ix.n; no++) if (!have.has(String(no))) return null;
  return parts.sort((a, b) => a.gridIndex - b.gridIndex || a.headerRows[0] - b.headerRows[0]);
}

/** Same number column and the same level columns at the same places (absolute columns). */
function sameColumns(a: Candidate, b: Candidate): boolean {
  const oa = originOf(a.grid).col;
  const ob = originOf(b.grid).col;
  if (a.numberCol + oa !== b.numberCol + ob || a.levelCols.length !== b.levelCols.length) return false;
  for (let i = 0; i < a.levelCols.length; i++) if (a.levelCols[i].col + oa !== b.levelCols[i].col + ob) return false;
  return true;
}

/** The rows of every part, in part order; entries of parts on other sheets than the main table's carry their sheet. */
function readParts(parts: ReadonlyArray<Candidate>, c: Candidate, fw: Framework | null, levels: LevelChoice, issues: ReadIssue[]): RowsRead {
  const out: RowsRead = { entries: [], mergedLevelCells: new Map(), uncalculated: null };
  for (const p of parts) {
    const own: LevelChoice = p === c ? levels : { headers: p.levelCols, filled: p.filled, index: levels.index, chosen: p.levelCols[levels.index] };
    const r = readRows(p, fw, own, p.grid === c.grid ? undefined : p.grid.name);
    out.entries.push(...r.entries);
    for (const [k, v] of r.mergedLevelCells) out.mergedLevelCells.set(k, v);
    if (r.uncalculated) for (const k of r.uncalculated) (out.uncalculated ??= new Set()).add(k);
  }
  const sheets: string[] = [];
  for (const p of parts) if (!sheets.includes(p.grid.name)) sheets.push(p.grid.name);
  issues.push(facts('PARTS_COMBINED', { kind: 'sheet', sheet: c.grid.name }, { sheets: sheets.join(', '), parts: parts.length, framework: fw ? fw.name : '', count: fw ? fw.indicators.length : 0 }));
  return out;
}

/** The title rows above a table's header (agency name, sheet title, unit), one text per row, from row `from` (after the table above). */
function titlesAbove(grid: Grid, headerRow: number, from = 0): string[] {
  const titles: string[] = [];
  for (let r = from; r < headerRow; r++) {
    const row = grid.values[r];
    if (!row) continue;
    const parts: string[] = [];
    for (const v of row) {
      const t = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
      if (t !== '' && !parts.includes(t)) parts.push(t);
    }
    if (parts.length) titles.push(parts.join(' '));
  }
  return titles;
}

/** Where the table is, in absolute coordinates. */
function tableLocation(c: Candidate, levels: LevelChoice): TableLocation {
  const { row: or, col: oc } = originOf(c.grid);
  const colOf = (kind: string): number | null => {
    const h = c.cols.find((x) => x.role.kind === kind);
    return h ? h.col + oc : null;
  };
  const levelColumns = levels.headers.map((h, i) => levelColumnOf(h, levels.filled[i], oc));
  const firstRow = c.rows.length ? c.rows[0] : c.headerRows[c.headerRows.length - 1] + 1;
  const lastRow = c.rows.length ? c.rows[c.rows.length - 1] : firstRow;
  const fallbackLevel: LevelColumn = { col: c.numberCol + oc, letter: columnLetter(c.numberCol + oc), header: '', stage: -1, stageName: null, filled: 0 };
  return {
    sheet: c.grid.name,
    headerRows: c.headerRows.map((r) => r + or),
    firstRow: firstRow + or,
    lastRow: lastRow + or,
    numberColumn: c.numberCol + oc,
    nameColumn: colOf('name'),
    weightColumn: colOf('weight'),
    evidenceColumn: colOf('evidence'),
    targetColumn: colOf('target'),
    noteColumns: c.cols.filter((h) => h.role.kind === 'note').map((h) => h.col + oc),
    levelColumns,
    levelColumn: levels.index >= 0 ? levelColumns[levels.index] : fallbackLevel,
  };
}

const NO_STAGES: Array<{ col: number; raw: CellValue; level: Rational | null }> = [];

function letterColumn(letters: string): number {
  let col = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) col = col * 26 + (up.charCodeAt(i) - 64);
  return col - 1;
}
