/**
 * The one table of problems, in the way HyperFormula keeps its error types: every code the product can
 * report, with its severity, the Excel error value a custom function returns for it, and the catalogue
 * messages that say it (the first is the default; the others are variants the rules choose, e.g. a zero
 * level in spbe2018). `ProblemCode` is the type of those codes; no other list of codes exists.
 *
 * One function renders any problem as text: `describe(facts, lang, context)`. The facts are data (the
 * code, a variant, where it is, and parameters that may be words, decimals, lists or places to be written
 * in the reader's language), so the same problem reads right in every context:
 * - 'command': the `spbe` command (names its options, e.g. "--sheet");
 * - 'pane': the task pane (names its settings, never a command-line option);
 * - 'function': a custom function's error message ("Value 12 (indicator 12): …").
 *
 * Every other error shape is built from this table: worksheet problems (`Problem`), the custom functions'
 * error values (src/functions), a file that cannot be opened (`WorkbookReadError`, src/xlsx), a failed
 * write in Excel (`SheetWriteError`, src/excel), and the planner's usage errors and unreachable goals
 * (adapted in src/app). An error object that carries `problem` facts (`ProblemError`) is recognised by
 * that, never by its class name.
 */
import type { Lang, Problem } from './types';
import { catalogues, format, type Catalogue } from './i18n';
import { a1, cellRef } from './address';

export type Severity = 'error' | 'warning' | 'info';

/** The Excel errors a custom function returns: only the two that carry a message (#NUM! shows none). */
export type ExcelError = '#VALUE!' | '#N/A';

/** Where a message is said. */
export type MessageContext = 'command' | 'pane' | 'function';

type Section = keyof Catalogue;
/** A catalogue message: "section.key", checked against the catalogue by the compiler. */
export type MessageRef = { [S in Section]: `${S}.${keyof Catalogue[S] & string}` }[Section];

/** Sentences that name how to choose something: one per context that can choose (see the `hints` catalogue section). */
export type Hint = 'noTable' | 'nameColumn' | 'useOtherColumn' | 'chooseFramework' | 'useOtherSheet';

interface ProblemSpec {
  readonly severity: Severity;
  readonly excel: ExcelError;
  /** The messages of this code, default first. */
  readonly messages: ReadonlyArray<MessageRef>;
  /** Context-dependent sentences the messages use as {hint} parameters. */
  readonly hints?: ReadonlyArray<Hint>;
}

const V = '#VALUE!';
const NA = '#N/A';

/**
 * Every problem. Severity: an error stops the index (or, in a function, is its result); a warning leaves
 * the index computed but asks for a correction; an info only says what was done (which level column,
 * which sheet) and needs no action.
 */
export const PROBLEMS = {
  // ---- the worksheet and its table (reader) ------------------------------------------------------
  NO_TABLE: { severity: 'error', excel: V, messages: ['problems.NO_TABLE', 'problems.NO_TABLE_NO_ROWS'], hints: ['noTable'] },
  SHEET_NOT_FOUND: { severity: 'error', excel: V, messages: ['problems.SHEET_NOT_FOUND'] },
  COLUMN_NOT_FOUND: { severity: 'error', excel: V, messages: ['problems.COLUMN_NOT_FOUND'], hints: ['nameColumn'] },
  FRAMEWORK_UNKNOWN: { severity: 'error', excel: V, messages: ['problems.FRAMEWORK_UNKNOWN', 'functions.FRAMEWORK_UNKNOWN'] },
  FRAMEWORK_MISMATCH: { severity: 'error', excel: V, messages: ['problems.FRAMEWORK_MISMATCH'], hints: ['chooseFramework'] },
  NO_LEVEL_COLUMN: { severity: 'error', excel: V, messages: ['problems.NO_LEVEL_COLUMN'] },
  LEVEL_COLUMN_CHOSEN: { severity: 'info', excel: V, messages: ['problems.LEVEL_COLUMN_CHOSEN'], hints: ['useOtherColumn'] },
  OTHER_TABLES: { severity: 'info', excel: V, messages: ['problems.OTHER_TABLES', 'problems.OTHER_TABLES_NEWEST'], hints: ['useOtherSheet'] },
  SHEET_TRUNCATED: { severity: 'warning', excel: V, messages: ['problems.SHEET_TRUNCATED'] },
  TABLES_ON_SHEET: { severity: 'error', excel: V, messages: ['problems.TABLES_ON_SHEET'] },
  TABLE_NEWEST_ON_SHEET: { severity: 'warning', excel: V, messages: ['problems.TABLE_NEWEST_ON_SHEET'] },
  LEVEL_COLUMN_NEWEST: { severity: 'info', excel: V, messages: ['problems.LEVEL_COLUMN_NEWEST'], hints: ['useOtherColumn'] },
  PARTS_COMBINED: { severity: 'info', excel: V, messages: ['problems.PARTS_COMBINED'] },
  ROWS_NOT_INDICATORS: { severity: 'info', excel: V, messages: ['problems.ROWS_NOT_INDICATORS'] },

  // ---- levels (any source: a worksheet cell, a function argument) --------------------------------
  LEVEL_BLANK: { severity: 'error', excel: NA, messages: ['problems.LEVEL_BLANK', 'problems.LEVEL_BLANK_MERGED', 'functions.LEVEL_BLANK', 'problems.LEVEL_BLANK_FORMULA'] },
  LEVEL_NOT_A_LEVEL: { severity: 'error', excel: V, messages: ['problems.LEVEL_NOT_A_LEVEL', 'functions.LEVEL_NOT_A_LEVEL'] },
  LEVEL_ERROR_VALUE: { severity: 'error', excel: V, messages: ['problems.LEVEL_ERROR_VALUE', 'functions.LEVEL_ERROR_VALUE'] },
  LEVEL_OUT_OF_RANGE: {
    severity: 'error',
    excel: V,
    messages: [
      'problems.LEVEL_OUT_OF_RANGE',
      'problems.LEVEL_ZERO',
      'problems.LEVEL_ZERO_2018',
      'functions.LEVEL_OUT_OF_RANGE',
      'functions.LEVEL_ZERO',
      'functions.LEVEL_ZERO_2018',
    ],
  },
  LEVEL_FRACTIONAL: { severity: 'error', excel: V, messages: ['problems.LEVEL_FRACTIONAL', 'functions.LEVEL_FRACTIONAL'] },
  LEVEL_AMBIGUOUS: { severity: 'error', excel: V, messages: ['problems.LEVEL_AMBIGUOUS', 'functions.LEVEL_AMBIGUOUS'] },

  // ---- entries: which indicators, how often (the entry collector) --------------------------------
  INDICATOR_MISSING: { severity: 'error', excel: NA, messages: ['problems.INDICATOR_MISSING', 'functions.INDICATOR_MISSING'] },
  INDICATOR_DUPLICATE_CONFLICT: {
    severity: 'error',
    excel: V,
    messages: [
      'problems.INDICATOR_DUPLICATE_CONFLICT',
      'problems.INDICATOR_DUPLICATE_CONFLICT_REPEATABLE',
      'functions.INDICATOR_DUPLICATE_CONFLICT',
      'functions.INDICATOR_DUPLICATE_CONFLICT_REPEATABLE',
    ],
  },
  INDICATOR_DUPLICATE: { severity: 'warning', excel: V, messages: ['problems.INDICATOR_DUPLICATE'] },
  INDICATOR_UNKNOWN: {
    severity: 'error',
    excel: V,
    messages: [
      'problems.INDICATOR_UNKNOWN',
      'problems.INDICATOR_UNKNOWN_ENTRY',
      'problems.INDICATOR_UNKNOWN_NO_REPEAT',
      'functions.INDICATOR_UNKNOWN',
      'functions.INDICATOR_UNKNOWN_ENTRY',
      'functions.INDICATOR_UNKNOWN_NO_REPEAT',
      'functions.INDICATOR_UNKNOWN_ARGUMENT',
    ],
  },
  ROWS_IGNORED: { severity: 'info', excel: V, messages: ['problems.ROWS_IGNORED'] },

  // ---- what else a worksheet row says ------------------------------------------------------------
  WEIGHT_MISMATCH: { severity: 'warning', excel: V, messages: ['problems.WEIGHT_MISMATCH'] },
  NAME_MISMATCH: { severity: 'warning', excel: V, messages: ['problems.NAME_MISMATCH', 'problems.NAME_MISMATCH_NONE'] },
  EVIDENCE_MISSING: { severity: 'warning', excel: V, messages: ['problems.EVIDENCE_MISSING'] },
  TARGET_UNREADABLE: { severity: 'warning', excel: V, messages: ['problems.TARGET_UNREADABLE'] },

  // ---- custom-function arguments ------------------------------------------------------------------
  BAD_SHAPE: { severity: 'error', excel: V, messages: ['functions.BAD_SHAPE'] },
  BAD_COUNT: { severity: 'error', excel: V, messages: ['functions.BAD_COUNT', 'functions.BAD_COUNT_PLAIN', 'functions.BAD_COUNT_FOR_FRAMEWORK', 'functions.BAD_COUNT_FOR_FRAMEWORK_REPEATS', 'functions.BAD_COUNT_PAIRS'] },
  FRAMEWORK_AMBIGUOUS: { severity: 'error', excel: V, messages: ['functions.FRAMEWORK_AMBIGUOUS'] },
  INDICATOR_NOT_A_NUMBER: { severity: 'error', excel: V, messages: ['functions.INDICATOR_NOT_A_NUMBER'] },
  ARGUMENT_MISSING: { severity: 'error', excel: V, messages: ['functions.ARGUMENT_MISSING'] },
  NOT_A_NUMBER: { severity: 'error', excel: V, messages: ['functions.NOT_A_NUMBER'] },
  ASPECT_UNKNOWN: { severity: 'error', excel: V, messages: ['functions.ASPECT_UNKNOWN'] },
  DOMAIN_UNKNOWN: { severity: 'error', excel: V, messages: ['functions.DOMAIN_UNKNOWN'] },
  NO_DOMAINS: { severity: 'error', excel: NA, messages: ['functions.NO_DOMAINS'] },
  INDEX_OUT_OF_RANGE: { severity: 'error', excel: V, messages: ['functions.INDEX_OUT_OF_RANGE'] },
  BASIS_UNKNOWN: { severity: 'error', excel: V, messages: ['functions.BASIS_UNKNOWN'] },
  WEIGHT_OF_ENTRY: { severity: 'error', excel: V, messages: ['functions.WEIGHT_OF_ENTRY'] },
  NOT_IN_VALUES: { severity: 'error', excel: NA, messages: ['functions.NOT_IN_VALUES'] },
  TARGET_UNKNOWN: { severity: 'error', excel: V, messages: ['functions.TARGET_UNKNOWN'] },
  INTERNAL: { severity: 'error', excel: V, messages: ['functions.INTERNAL'] },

  // ---- goals and plans (the planner's usage errors and unreachable goals) ------------------------
  UNKNOWN_PREDICATE: { severity: 'error', excel: V, messages: ['gap.unknownPredicate'] },
  TARGET_LEVEL_RANGE: { severity: 'error', excel: V, messages: ['gap.targetLevelRange'] },
  TARGET_NOT_POSITIVE: { severity: 'error', excel: V, messages: ['gap.targetNotPositive'] },
  TARGET_ABOVE_MAXIMUM: { severity: 'error', excel: NA, messages: ['gap.unreachableAboveMax'] },
  TARGET_ABOVE_ALL_FIVE: { severity: 'error', excel: NA, messages: ['gap.unreachableAllFive'] },
  TARGET_NEEDS_OTHER_AGENCIES: { severity: 'error', excel: NA, messages: ['gap.unreachableOtherAgencies'] },
  TARGET_NEEDS_LOCKED: { severity: 'error', excel: NA, messages: ['gap.unreachableLocked'] },
  MAX_RAISE_RANGE: { severity: 'error', excel: V, messages: ['gap.maxRaiseRange'] },
  UNKNOWN_STRATEGY: { severity: 'error', excel: V, messages: ['gap.unknownStrategy'] },
  UNKNOWN_LOCK: { severity: 'error', excel: V, messages: ['gap.unknownLock'] },
  TARGET_UNREACHABLE: { severity: 'error', excel: NA, messages: ['functions.TARGET_UNREACHABLE'] },

  // ---- a workbook file that cannot be opened (src/xlsx's WorkbookReadError) ----------------------
  WORKBOOK_NOT_FOUND: { severity: 'error', excel: V, messages: ['cli.readNotFound'] },
  WORKBOOK_NOT_A_FILE: { severity: 'error', excel: V, messages: ['cli.readNotAFile'] },
  WORKBOOK_NO_ACCESS: { severity: 'error', excel: V, messages: ['cli.readNoAccess'] },
  WORKBOOK_EMPTY: { severity: 'error', excel: V, messages: ['cli.readEmpty'] },
  WORKBOOK_ENCRYPTED: { severity: 'error', excel: V, messages: ['cli.readEncrypted'] },
  WORKBOOK_XLS: { severity: 'error', excel: V, messages: ['cli.readXls'] },
  WORKBOOK_ODS: { severity: 'error', excel: V, messages: ['cli.readOds'] },
  WORKBOOK_XLSB: { severity: 'error', excel: V, messages: ['cli.readXlsb'] },
  WORKBOOK_TEXT: { severity: 'error', excel: V, messages: ['cli.readText'] },
  WORKBOOK_NOT_XLSX: { severity: 'error', excel: V, messages: ['cli.readNotXlsx'] },
  WORKBOOK_DAMAGED: { severity: 'error', excel: V, messages: ['cli.readDamaged'] },
  WORKBOOK_NO_SHEETS: { severity: 'error', excel: V, messages: ['cli.readNoSheets'] },

  // ---- writing the gap sheet into the open workbook (src/excel's SheetWriteError) ----------------
  WRITE_REFUSED: { severity: 'error', excel: V, messages: ['pane.writeFailedExcel'] },
  WORKBOOK_STRUCTURE_LOCKED: { severity: 'error', excel: V, messages: ['problems.WORKBOOK_STRUCTURE_LOCKED'] },
} as const satisfies Readonly<Record<string, ProblemSpec>>;

export type ProblemCode = keyof typeof PROBLEMS;

type RefsOf<C extends ProblemCode> = (typeof PROBLEMS)[C]['messages'][number];
/** The message keys (without section) a code may be said with: its variants. */
export type VariantOf<C extends ProblemCode> = RefsOf<C> extends `${string}.${infer K}` ? K : never;
/** Any variant of any code. */
export type MessageVariant = { [C in ProblemCode]: VariantOf<C> }[ProblemCode];

const CODES: ReadonlySet<string> = new Set(Object.keys(PROBLEMS));

export function isProblemCode(x: unknown): x is ProblemCode {
  return typeof x === 'string' && CODES.has(x);
}

export function severityOf(code: ProblemCode): Severity {
  return PROBLEMS[code].severity;
}

export function excelErrorOf(code: ProblemCode): ExcelError {
  return PROBLEMS[code].excel;
}

// ---------------------------------------------------------------------------------------------
// Facts: a problem as data
// ---------------------------------------------------------------------------------------------

/** Where a problem is: a cell or a whole sheet of a workbook, or a value of a custom function's arguments. */
export type Location =
  | { readonly kind: 'cell'; readonly sheet: string; readonly row: number; readonly col: number }
  | { readonly kind: 'sheet'; readonly sheet: string }
  /** The pos-th value (1-based) of a one-row or one-column range. */
  | { readonly kind: 'value'; readonly pos: number }
  /** The pos-th row (1-based) of a two-column range. */
  | { readonly kind: 'pair'; readonly pos: number }
  /** A scalar argument, by its declared name. */
  | { readonly kind: 'argument'; readonly name: Readonly<Record<Lang, string>> };

/** A word of the `problems` catalogue section (written in the reader's language). */
export type WordKey = 'rangeWhole' | 'rangeDecimal' | 'noValues' | 'blank';

/**
 * A message parameter. Plain strings and numbers are written as they are; the others are written in the
 * reader's language: a catalogue word, a decimal ("2.5" → "2,5" in Indonesian), a list ("5, 6, 7 dan 18"),
 * parts written one after another, or a place.
 */
export type MessageArg =
  | string
  | number
  | { readonly word: WordKey }
  /** A decimal in JS notation ("2.5"): the command and the pane write it the language's way ("2,5"); a function's message as Excel passed it. */
  | { readonly decimal: string }
  | { readonly list: ReadonlyArray<MessageArg>; readonly last?: 'and' | 'or' }
  | { readonly concat: ReadonlyArray<MessageArg> }
  | { readonly at: Location };

export type MessageArgs = Readonly<Record<string, MessageArg>>;

/** A problem as data: what `describe` renders. */
export interface ProblemFacts<C extends ProblemCode = ProblemCode> {
  readonly code: C;
  /** Which of the code's messages (default: the first in the context's section). */
  readonly variant?: VariantOf<C>;
  readonly at?: Location | null;
  /** Indicator key ("7", "35-2"), or null. */
  readonly indicator?: string | null;
  readonly args?: MessageArgs;
}

/** Builds facts with the variant checked against the code (a typo is a compile error). */
export function facts<C extends ProblemCode>(code: C, at: Location | null, args: MessageArgs = {}, extra: { variant?: VariantOf<C>; indicator?: string | null } = {}): ProblemFacts<C> {
  return { code, at, args, variant: extra.variant, indicator: extra.indicator ?? null };
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function sectionOrder(context: MessageContext): ReadonlyArray<Section> {
  return context === 'function' ? FUNCTION_ORDER : SHEET_ORDER;
}
const FUNCTION_ORDER: ReadonlyArray<Section> = ['functions', 'gap', 'problems', 'cli', 'pane'];
const SHEET_ORDER: ReadonlyArray<Section> = ['problems', 'gap', 'cli', 'pane', 'functions'];

/** Message refs found so far: by context, code and variant ('' for the default). */
const refs: Record<MessageContext, Map<string, Map<string, { section: Section; key: string }>>> = { command: new Map(), pane: new Map(), function: new Map() };

/** The message ref a problem is said with in a context: its variant in the first section that has it, else that section's default (cached). */
function refFor(f: ProblemFacts, context: MessageContext): { section: Section; key: string } {
  const byCode = refs[context];
  let byVariant = byCode.get(f.code);
  if (!byVariant) byCode.set(f.code, (byVariant = new Map()));
  const variant = f.variant ?? '';
  let ref = byVariant.get(variant);
  if (!ref) byVariant.set(variant, (ref = findRef(f, context)));
  return ref;
}

function findRef(f: ProblemFacts, context: MessageContext): { section: Section; key: string } {
  const refs: ReadonlyArray<string> = PROBLEMS[f.code].messages;
  for (const section of sectionOrder(context)) {
    let first: string | null = null;
    for (const r of refs) {
      const dot = r.indexOf('.');
      if (r.slice(0, dot) !== section) continue;
      const key = r.slice(dot + 1);
      if (f.variant === undefined || key === f.variant) return { section, key };
      if (first === null) first = key;
    }
    if (first !== null) return { section, key: first };
  }
  // unreachable: every code has a message (the table's type requires one)
  return { section: 'functions', key: 'INTERNAL' };
}

function decimalMark(text: string, lang: Lang): string {
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** A place in words: Sheet!A1, the sheet, "Nilai ke-12 (indikator 12)" … */
export function placeText(at: Location, lang: Lang, indicator: string | null = null): string {
  switch (at.kind) {
    case 'cell':
      return cellRef(at.sheet, a1(at.row, at.col));
    case 'sheet':
      return at.sheet;
    case 'value':
      return format(catalogues[lang].functions.posValue, { pos: at.pos, indicator: indicator ?? at.pos });
    case 'pair':
      return format(catalogues[lang].functions.posRow, { pos: at.pos, indicator: indicator ?? '' });
    case 'argument':
      return format(catalogues[lang].functions.posArgument, { name: at.name[lang] });
  }
}

function argText(arg: MessageArg, lang: Lang, context: MessageContext): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if ('word' in arg) return catalogues[lang].problems[arg.word];
  // a function's message shows a number as Excel passed it; the command and the pane write it the language's way
  if ('decimal' in arg) return context === 'function' ? arg.decimal : decimalMark(arg.decimal, lang);
  if ('concat' in arg) {
    let text = '';
    for (const a of arg.concat) text += argText(a, lang, context);
    return text;
  }
  if ('at' in arg) return arg.at.kind === 'pair' || arg.at.kind === 'value' ? String(arg.at.pos) : placeText(arg.at, lang);
  const list = arg.list;
  if (arg.last === undefined || list.length <= 1) return listText(list, list.length, lang, context);
  const word = catalogues[lang].problems[arg.last === 'and' ? 'listAnd' : 'listOr'];
  return `${listText(list, list.length - 1, lang, context)} ${word} ${argText(list[list.length - 1], lang, context)}`;
}

/** The first `count` items written and separated by ", " (a loop: joining an array costs more for the few items a message lists). */
function listText(list: ReadonlyArray<MessageArg>, count: number, lang: Lang, context: MessageContext): string {
  let text = '';
  for (let i = 0; i < count; i++) text += i === 0 ? argText(list[i], lang, context) : `, ${argText(list[i], lang, context)}`;
  return text;
}

/** The catalogue key of a hint in a context ("noTable_command"), made once: a key built anew for every look-up costs a string search. */
const hintKeys: Record<'command' | 'pane', Partial<Record<Hint, `${Hint}_${'command' | 'pane'}`>>> = { command: {}, pane: {} };

function hintKey(h: Hint, where: 'command' | 'pane'): `${Hint}_${'command' | 'pane'}` {
  return (hintKeys[where][h] ??= `${h}_${where}`);
}

/** The parameters of a message: the facts' own, the place ({where}, {sheet}, {position}, {pos}), the indicator and the context's hints. */
function paramsOf(f: ProblemFacts, lang: Lang, context: MessageContext): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  const at = f.at ?? null;
  const indicator = f.indicator ?? null;
  if (at) {
    p.where = placeText(at, lang, indicator);
    p.position = p.where;
    if (at.kind === 'cell' || at.kind === 'sheet') p.sheet = at.sheet;
    if (at.kind === 'value' || at.kind === 'pair') p.pos = at.pos;
  } else {
    p.where = '';
    p.sheet = '';
  }
  if (indicator !== null) p.indicator = indicator;
  if (f.args) for (const k of Object.keys(f.args)) p[k] = argText(f.args[k], lang, context);
  const hints = (PROBLEMS[f.code] as ProblemSpec).hints;
  if (hints) {
    const where = context === 'pane' ? 'pane' : 'command';
    for (const h of hints) p[h] = format(catalogues[lang].hints[hintKey(h, where)], p);
  }
  return p;
}

/** The problem in words, in `lang`, as said in `context` (default: the command's wording). */
export function describe(f: ProblemFacts, lang: Lang, context: MessageContext = 'command'): string {
  const { section, key } = refFor(f, context);
  const template = (catalogues[lang][section] as Readonly<Record<string, string>>)[key];
  return format(template, paramsOf(f, lang, context));
}

/** Both languages at once, as a Problem carries them. */
export function describeBoth(f: ProblemFacts, context: MessageContext = 'command'): Record<Lang, string> {
  return { id: describe(f, 'id', context), en: describe(f, 'en', context) };
}

/** The plain parameters a Problem keeps for scripts and tests (words and places written in Indonesian). */
function plainArgs(args: MessageArgs | undefined): Record<string, string | number> | undefined {
  if (!args) return undefined;
  const out: Record<string, string | number> = {};
  for (const k of Object.keys(args)) {
    const a = args[k];
    out[k] = typeof a === 'string' || typeof a === 'number' ? a : 'decimal' in a ? Number(a.decimal) : argText(a, 'id', 'command');
  }
  return out;
}

/** A worksheet Problem (the shape of an Assessment's problems) from its facts, said in `context`. */
export function toProblem(f: ProblemFacts, context: MessageContext = 'command'): Problem {
  const at = f.at ?? null;
  const sheet = at && (at.kind === 'cell' || at.kind === 'sheet') ? at.sheet : null;
  const cell = at && at.kind === 'cell' ? a1(at.row, at.col) : null;
  const params = plainArgs(f.args);
  const severity = severityOf(f.code);
  const code = f.code;
  const indicator = f.indicator ?? null;
  const message = describeBoth(f, context);
  // the same keys in the same order either way (the command's JSON shows them in this order)
  return params ? { severity, code, cell, sheet, indicator, message, params } : { severity, code, cell, sheet, indicator, message };
}

// ---------------------------------------------------------------------------------------------
// Errors that carry a problem
// ---------------------------------------------------------------------------------------------

/** An exception that says what went wrong as problem facts (adapters throw these: unreadable file, refused write). */
export interface ProblemError {
  readonly problem: ProblemFacts;
}

/** The problem facts an error carries, or null for an error that is not one of ours (a bug). */
export function problemOfError(e: unknown): ProblemFacts | null {
  if (typeof e !== 'object' || e === null) return null;
  const p = (e as { problem?: unknown }).problem;
  if (typeof p !== 'object' || p === null) return null;
  return isProblemCode((p as { code?: unknown }).code) ? (p as ProblemFacts) : null;
}
