/**
 * The contract of the pure core. Nothing here knows Office.js, the DOM or the file system:
 * adapters (src/xlsx on exceljs, src/excel on Office.js) turn a workbook into `Grid`s and the
 * core returns plain data (assessments, problems, scores, plans, sheet models).
 */

// ---------------------------------------------------------------------------------------------
// Grids: what adapters hand the core
// ---------------------------------------------------------------------------------------------

/** An Excel error value such as #N/A, #VALUE!, #REF!, #DIV/0!. */
export interface ErrorValue {
  readonly error: string;
}

/**
 * The value of one cell, as the spreadsheet shows it after calculation:
 * numbers, text, booleans, an error value, or null for an empty cell.
 * Dates are passed as numbers (Excel serials) or ISO text; the core never needs them.
 */
export type CellValue = string | number | boolean | ErrorValue | null;

/** A rectangle of cells, zero-based and inclusive, in absolute sheet coordinates (row 0 = row 1, col 0 = column A). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * One worksheet as a row-major grid. `values[r][c]` is the cell at absolute row `origin.row + r`
 * and column `origin.col + c` (zero-based), so the A1 address of every cell is known.
 * Rows may be ragged (shorter rows mean empty cells to the right).
 */
export interface Grid {
  /** The worksheet's name, as the user sees it on the tab. */
  readonly name: string;
  readonly values: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Formulas, same shape as values where known (`=SUM(F7:F12)`), null/undefined for constants. */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | null | undefined>>;
  /** Absolute position of values[0][0]; defaults to {row: 0, col: 0} (cell A1). */
  readonly origin?: { readonly row: number; readonly col: number };
  /** Merged areas in absolute coordinates. Adapters may give each cell of a merge its own value or only the top-left one. */
  readonly merges?: ReadonlyArray<CellRange>;
  /** Absolute indices of hidden columns and rows (helper columns are often hidden). */
  readonly hiddenColumns?: ReadonlyArray<number>;
  readonly hiddenRows?: ReadonlyArray<number>;
  /** True when the sheet itself is hidden. */
  readonly hidden?: boolean;
  /**
   * Set by a reader that did not read the whole sheet (a data sheet of a million rows: memory stays bounded by
   * what is kept). Only the first `keptRows` rows with content were read, the last of them at zero-based row
   * `lastRow`; nothing below it is in the grid. The core warns about it (SHEET_TRUNCATED). Absent: the whole sheet.
   */
  readonly truncated?: { readonly keptRows: number; readonly lastRow: number };
}

/** The sheets of one workbook, in tab order. */
export type WorkbookGrids = ReadonlyArray<Grid>;

// ---------------------------------------------------------------------------------------------
// Frameworks: data, one file per regulation (src/core/frameworks/*.ts)
// ---------------------------------------------------------------------------------------------

export type FrameworkId = 'spbe2018' | 'spbe2020' | 'pemdi2026' | (string & {});

/**
 * Weights are integers in hundredths of a percent of the whole index ("basis points"):
 * 130 = 1.30 %, and every framework's indicator weights sum to exactly 10000.
 */
export type Basis = number;

export interface Regulation {
  /** e.g. "Peraturan Menteri PANRB Nomor 59 Tahun 2020" */
  readonly title: string;
  /** e.g. "59/2020"; used to accept the regulation as a framework argument */
  readonly number: string;
  readonly year: number;
  /** e.g. "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik" */
  readonly subject: string;
  /** Evaluation years this framework applies to, e.g. "2021–2025" */
  readonly usedFor: string;
}

export interface DomainDef {
  readonly no: number;
  readonly name: string;
  readonly weight: Basis;
}

export interface AspectDef {
  readonly no: number;
  readonly name: string;
  readonly weight: Basis;
  /** Domain number; absent when the framework has no domains (pemdi2026). */
  readonly domain?: number;
}

export interface IndicatorDef {
  readonly no: number;
  /** Full official name, e.g. "Tingkat Kematangan Kebijakan Internal Manajemen Data". */
  readonly name: string;
  readonly aspect: number;
  /** Domain number (repeated from the aspect for convenience); absent without domains. */
  readonly domain?: number;
  readonly weight: Basis;
  /** Which level-name set applies (key into Framework.levelNames). */
  readonly levelNames: string;
  /** Optional note shown to users, in both languages (e.g. "value comes from the SDI index; counts as 1 until it arrives"). */
  readonly note?: Readonly<Record<Lang, string>>;
  /**
   * Set when the indicator's value is not assessed at the agency but taken from ANOTHER agency's index
   * (pemdi2026 indicators 5, 6, 7, 18: Satu Data Indonesia, geospatial, statistics, data
   * interoperability): the name of that index in both languages, e.g. { id: "indeks Satu Data
   * Indonesia (SDI)", en: "the One Data Indonesia (SDI) index" }. The agency cannot raise such an
   * indicator by its own work, so the planner never plans steps on it (unless asked to) and the gap sheet
   * marks it as not in the agency's hands. Absent for ordinary indicators.
   */
  readonly valuedBy?: Readonly<Record<Lang, string>>;
}

/** A predicate band; `min` inclusive, in hundredths (260 = 2.60). The top band has no max. */
export interface PredicateBand {
  readonly name: string;
  /** Other labels seen for this band (e.g. "Unggul", "Leading"). */
  readonly aliases?: ReadonlyArray<string>;
  readonly min: number;
}

/** One indicator that may be scored several times (spbe2018 indicator 35, per public service). */
export interface RepeatableIndicator {
  readonly indicator: number;
  readonly maxEntries: number;
  /** How the extra entries count: the aspect's weight is spread evenly over all its entries. */
  readonly rule: 'spread-aspect-evenly';
}

export interface Framework {
  readonly id: FrameworkId;
  /** e.g. "Indeks SPBE (PermenPANRB 59/2020)" */
  readonly name: string;
  readonly regulation: Regulation;
  /** 'whole' = levels 1..5 only; 'decimal' = any value in [1, 5] (pemdi2026). */
  readonly values: 'whole' | 'decimal';
  readonly domains: ReadonlyArray<DomainDef>;
  readonly aspects: ReadonlyArray<AspectDef>;
  readonly indicators: ReadonlyArray<IndicatorDef>;
  /** Level-name sets: key -> names of levels 1..5 (index 0 = level 1). Extra spellings in aliases. */
  readonly levelNames: Readonly<Record<string, ReadonlyArray<string>>>;
  /**
   * The words assessors label levels 1..5 with, when they are not the indicators' level-name sets (index 0
   * = level 1; null where no word is attested). A decimal value takes the word of its whole part. Only for
   * showing a level: reading a sheet uses `levelNames`.
   */
  readonly levelLabels?: ReadonlyArray<string | null>;
  /** Level words that are ambiguous in this framework (e.g. "Leading" in pemdi2026). */
  readonly ambiguousLevelWords?: ReadonlyArray<string>;
  /**
   * Some transcriptions of this framework's criteria describe a level 0 ("nothing exists"), although the
   * official results use levels 1–5: a 0 then gets the message that explains this (LEVEL_ZERO_2018).
   */
  readonly levelZeroInTranscriptions?: boolean;
  /** Ascending by min. */
  readonly predicates: ReadonlyArray<PredicateBand>;
  readonly repeatable?: RepeatableIndicator;
}

// ---------------------------------------------------------------------------------------------
// Exact numbers
// ---------------------------------------------------------------------------------------------

/** An exact rational number (see rational.ts). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

// ---------------------------------------------------------------------------------------------
// Problems: errors are values
// ---------------------------------------------------------------------------------------------

/** error: no index (or a function's error value); warning: the index stands but something needs correcting; info: a note, no action needed. */
export type Severity = import('./problems').Severity;
export type Lang = 'id' | 'en';

/**
 * A problem of a workbook, as an Assessment lists it. Built from the problem table (src/core/problems.ts:
 * `toProblem(facts, context)`), which gives its severity and its message; the message is worded for the
 * context the assessment was opened in (the command names its options, the pane its settings).
 */
export interface Problem {
  readonly severity: Severity;
  /** Stable code, e.g. "LEVEL_OUT_OF_RANGE" (a ProblemCode). Never renamed: users and scripts match on it. */
  readonly code: import('./problems').ProblemCode;
  /** A1 address on `sheet`, or null when the problem has no single cell. */
  readonly cell: string | null;
  readonly sheet: string | null;
  /** Indicator key ("7", "35-2"), or null. */
  readonly indicator: string | null;
  /** The message in both languages: what is wrong and what to do. */
  readonly message: Readonly<Record<Lang, string>>;
  /** The parameters the message was built from (the raw value, expected range …). */
  readonly params?: Readonly<Record<string, string | number>>;
}

// ---------------------------------------------------------------------------------------------
// Reading: what the worksheet reader found
// ---------------------------------------------------------------------------------------------

/** A level column the reader found (one per stage when the sheet has several). */
export interface LevelColumn {
  /** Absolute zero-based column index. */
  readonly col: number;
  /** Column letter(s), e.g. "G". */
  readonly letter: string;
  /** Header text as written (both header rows joined with " / " when merged over two rows). */
  readonly header: string;
  /** Stage rank: 0 Penilaian Mandiri, 1 Dokumen, 2 Interviu, 3 Visitasi, 4 Nilai Akhir; plain "Tingkat" columns rank as -1. */
  readonly stage: number;
  readonly stageName: string | null;
  /** Number of indicator rows with a non-empty value in this column. */
  readonly filled: number;
}

/** One indicator row of the assessment table. */
export interface AssessmentEntry {
  /** "7", or "35-2" for a repeated entry. */
  readonly key: string;
  readonly no: number;
  /** 1 for the first entry of an indicator, 2.. for repeats (spbe2018 35-2, 35-3). */
  readonly entry: number;
  /** Zero-based absolute row. */
  readonly row: number;
  /** A1 address of the level cell in the chosen column. */
  readonly cell: string;
  /** The raw cell value in the chosen column. */
  readonly raw: CellValue;
  /** True when the level cell holds a plain number constant (no formula): the gap sheet may link to it. */
  readonly plainNumber: boolean;
  /** The parsed level, exact, or null when it could not be read (a Problem says why). */
  readonly level: Rational | null;
  /** The name written in the row, if any. */
  readonly name: string | null;
  /** Values of the other stage columns, by column letter (parsed where possible). */
  readonly stages: ReadonlyArray<{ readonly col: number; readonly raw: CellValue; readonly level: Rational | null }>;
  /** Weight written in the sheet's own weight column, if any (percent, as written). */
  readonly sheetWeight: number | null;
  /** Evidence text (Bukti Dukung), if the sheet has such a column. */
  readonly evidence: string | null;
  /** Per-indicator target level, if the sheet has a Target column. */
  readonly target: Rational | null;
  /** The raw Target cell, when the sheet has a Target column (so an unreadable target can be reported). */
  readonly targetRaw?: CellValue;
  /** Notes from the row (Keterangan, Penjelasan, Catatan Asesor), joined, if any. */
  readonly note: string | null;
  /** The sheet of the row when it is not the table's (an assessment kept one sheet per domain); absent: the table's sheet. */
  readonly sheet?: string;
}

export interface TableLocation {
  readonly sheet: string;
  /** Zero-based absolute rows of the header (one or two) and the first/last data rows. */
  readonly headerRows: ReadonlyArray<number>;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly numberColumn: number;
  readonly nameColumn: number | null;
  readonly weightColumn: number | null;
  readonly evidenceColumn: number | null;
  readonly targetColumn: number | null;
  readonly noteColumns: ReadonlyArray<number>;
  readonly levelColumns: ReadonlyArray<LevelColumn>;
  /** The level column used. */
  readonly levelColumn: LevelColumn;
}

export interface ReadOptions {
  /** Only this sheet (by name, case-insensitive). */
  readonly sheet?: string;
  /** Force a framework instead of detecting it. */
  readonly framework?: FrameworkId;
  /** Choose the level column by (part of) its header text, case-insensitive. */
  readonly column?: string;
  /**
   * Choose the level column by its absolute zero-based index (the pane's column setting: one of the table's
   * level columns). Ignored when the table has no level column there; `column` wins when both are given.
   */
  readonly columnIndex?: number;
}

export type PredicateBasis = 'exact' | 'rounded';

export interface Score {
  readonly no: number;
  readonly name: string;
  /** Exact value. */
  readonly exact: Rational;
  /** Full precision as a JS number (nearest double of `exact`). */
  readonly index: number;
  /** Rounded half-up to 2 decimals (computed from `exact`, never from floating point). */
  readonly indexRounded: number;
  /** Weight in basis points. */
  readonly weight: Basis;
}

export interface Scores {
  readonly exact: Rational;
  readonly index: number;
  readonly indexRounded: number;
  readonly predicate: string;
  readonly domains: ReadonlyArray<Score>;
  readonly aspects: ReadonlyArray<Score>;
}

/** The result of reading, validating and scoring one workbook. */
export interface Assessment {
  /** Null only when no table was found and no framework was given. */
  readonly framework: Framework | null;
  /** How the framework was chosen. */
  readonly frameworkSource: 'detected' | 'option';
  readonly table: TableLocation | null;
  readonly entries: ReadonlyArray<AssessmentEntry>;
  readonly problems: ReadonlyArray<Problem>;
  /** Null when any problem is an error. */
  readonly scores: Scores | null;
  /** Title rows above the table (agency name etc.), top to bottom. */
  readonly titles: ReadonlyArray<string>;
  /**
   * Every sheet holding a full assessment table (the one used included), in tab order, with the year of
   * its assessment when its name or title says it (see year.ts). Absent on assessments made by hand.
   */
  readonly candidates?: ReadonlyArray<SheetCandidate>;
}

/** A sheet that holds an assessment table: one of the choices when a workbook keeps several (a sheet per year). */
export interface SheetCandidate {
  readonly sheet: string;
  /** The assessment's year, from the sheet's name or the title above its table; null when neither says one. */
  readonly year: number | null;
  /** Indicator rows of its table. */
  readonly rows: number;
  readonly hidden: boolean;
  /** True for the sheet the assessment was read from. */
  readonly used: boolean;
}
