/**
 * A STRICT fake of the Excel JavaScript API (Office.js), for tests of src/excel and for the
 * end-to-end page (bundled into a browser page, so: no imports, no Node or jest APIs, no globals
 * touched, nothing runs at import time).
 *
 * It enforces what Excel enforces, unlike office-addin-mock:
 * - queued semantics: every call or property write on a proxy is queued and applied at the next
 *   `context.sync()`, in order; objects (sheets, ranges, used ranges, null objects) are materialised
 *   only at sync; `Excel.run` syncs what is still queued when the batch returns;
 * - a property of a proxy read before it was `load()`-ed and synced throws PropertyNotLoaded
 *   (a value set locally on the proxy is readable, as in Office.js);
 * - a 2-D `values`/`formulas`/`numberFormat` array must have exactly the range's shape (InvalidArgument);
 * - `null` in a written array leaves the cell unchanged, `''` clears it;
 * - strings written through `values` or `formulas` are parsed like typed input: "=…" becomes a formula,
 *   "12" a number, "TRUE" a boolean, a leading apostrophe makes the rest text (quote prefix),
 *   and in a cell formatted as text ("@") everything stays text;
 * - sheet names: 1..31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe,
 *   not "History", unique case-insensitively; defined and table names share one namespace;
 * - defined names are workbook-scoped (workbook.names lists only those) or worksheet-scoped (given
 *   at creation with `scope`; a sheet-scoped name may repeat a workbook name and goes with its sheet);
 *   a name whose sheet is deleted stays, as #REF! (type "Error");
 * - a failing sync applies the operations queued before the failing one and none after it (Excel
 *   does not roll a batch back); a failure can be injected on the Nth sync;
 * - request and response payloads are measured (JSON size) against Excel on the web's 5 MB limit;
 * - tables cannot overlap merged cells or other tables; validation prompt titles ≤ 32 and messages
 *   ≤ 255 characters; conditional-format and validation operators are checked against their own enums;
 * - page layout (ExcelApi 1.9): orientation and paper size from their enums, zoom set as one object
 *   (a scale 10–400 or whole pages to fit, not both), print title rows only as whole rows, header and
 *   footer sections ≤ 255 characters; chart axes: numeric bounds with minimum below maximum, a
 *   positive major unit, position from its enum; series fill and line colours checked as colours.
 *
 * - events as ExcelApi 1.9 gives them: onChanged (worksheetId, address, changeType) for API writes and
 *   the user's edits, onAdded / onDeleted for sheets added or deleted (by the API or the user), all
 *   delivered asynchronously; none for renaming, moving or hiding a sheet, hiding columns, merging or
 *   recalculation (`fake.user.*`); a renamed sheet's references in formulas and chart series follow it;
 * - Worksheet.getRanges (ExcelApi 1.9) with RangeAreas.areas as a loadable collection.
 *
 * Usage: `const fake = createFakeExcel([{ name: 'Sheet1', cells: [['No', 'Tingkat'], [1, 3]] }]);`
 * then pass `fake` where the code expects the `Excel` namespace; inspect with `fake.syncCount`,
 * `fake.sheet('Sheet1')`, `fake.snapshot('Sheet1')`, `fake.failOnSync(n)`, `fake.userEdit(...)`.
 */

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type FakeScalar = string | number | boolean | null;
/** A cell given to the fake: a constant, an error, a formula with its cached value, or explicit text. */
export type FakeCellInput =
  | FakeScalar
  | { readonly error: string }
  | { readonly formula: string; readonly value?: FakeScalar | { readonly error: string } }
  | { readonly text: string };

export interface FakeSheetInit {
  readonly name: string;
  /** Rows of cells starting at `origin` (default "A1"). A string starting with "=" is a formula (cached value null). */
  readonly cells?: ReadonlyArray<ReadonlyArray<FakeCellInput>>;
  readonly origin?: string;
  /** Merged areas, e.g. ["A1:C1"]. */
  readonly merges?: ReadonlyArray<string>;
  /** Zero-based column indices. */
  readonly hiddenColumns?: ReadonlyArray<number>;
  readonly hiddenRows?: ReadonlyArray<number>;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Number formats by A1 address of single cells, e.g. { B2: '@' }. */
  readonly numberFormats?: Readonly<Record<string, string>>;
}

export interface FakeOptions {
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  readonly requestLimit?: number;
  /** Response payload limit in bytes (Excel on the web: 5 MB). */
  readonly responseLimit?: number;
  /** Highest ExcelApi requirement set the fake claims (default "1.18"). */
  readonly apiVersion?: string;
  /** Computes the value of a formula written through the API (default: null, i.e. not calculated). */
  readonly evaluate?: (formula: string, sheet: string, address: string) => FakeScalar;
  /**
   * Defined names the workbook already has (as in a file saved earlier), e.g.
   * `{ name: 'SPBE_GAP_MARKER', refersTo: "'Analisis Gap'!$A$1" }`; `scope` names the sheet of a
   * worksheet-scoped name. Checked like Excel checks them (name rules, uniqueness in the scope).
   */
  readonly names?: ReadonlyArray<FakeNameInit>;
}

export interface FakeNameInit {
  readonly name: string;
  /** A sheet-qualified reference: "'My sheet'!$A$1" or "Data!B2:C9". */
  readonly refersTo: string;
  /** The sheet of a worksheet-scoped name; absent for a workbook-scoped one. */
  readonly scope?: string;
  readonly comment?: string;
}

export interface FakeSyncRecord {
  readonly n: number;
  readonly operations: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly calculationSuspended: boolean;
  readonly failed: string | null;
}

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(code: string, message: string, location = '') {
    super(`${code}: ${message}${location ? ` (${location})` : ''}`);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

function rectA1(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "$A$1:B2", "A:C", "3:5", optionally prefixed by a sheet ("'My sheet'!A1"). */
function parseAddress(text: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let rest = text.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    let s = rest.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    rest = rest.slice(bang + 1);
  }
  rest = rest.replace(/\$/g, '').toUpperCase();
  const parts = rest.split(':');
  if (parts.length > 2 || parts[0] === '') throw new FakeExcelError('InvalidArgument', `bad address "${text}"`);
  const cell = /^([A-Z]{1,3})([0-9]+)$/;
  const colOnly = /^([A-Z]{1,3})$/;
  const rowOnly = /^([0-9]+)$/;
  const p0 = parts[0];
  const p1 = parts.length === 2 ? parts[1] : parts[0];
  let rect: Rect | null = null;
  const c0 = cell.exec(p0);
  const c1 = cell.exec(p1);
  if (c0 && c1) {
    rect = { top: +c0[2] - 1, left: lettersCol(c0[1]), bottom: +c1[2] - 1, right: lettersCol(c1[1]) };
  } else if (colOnly.test(p0) && colOnly.test(p1) && parts.length === 2) {
    rect = { top: 0, left: lettersCol(p0), bottom: MAX_ROWS - 1, right: lettersCol(p1) };
  } else if (rowOnly.test(p0) && rowOnly.test(p1) && parts.length === 2) {
    rect = { top: +p0 - 1, left: 0, bottom: +p1 - 1, right: MAX_COLS - 1 };
  }
  if (!rect) throw new FakeExcelError('InvalidArgument', `bad address "${text}"`);
  const norm = {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
  if (norm.top < 0 || norm.left < 0 || norm.bottom >= MAX_ROWS || norm.right >= MAX_COLS) {
    throw new FakeExcelError('InvalidArgument', `address out of the sheet "${text}"`);
  }
  return { sheet, rect: norm };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.top && r <= outer.bottom && c >= outer.left && c <= outer.right;
}

function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}
function cols(r: Rect): number {
  return r.right - r.left + 1;
}

// ---------------------------------------------------------------------------------------------
// Name rules (what Excel enforces)
// ---------------------------------------------------------------------------------------------

export function fakeSheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'not a string';
  if (name.length === 0) return 'empty';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved';
  return null;
}

function definedNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'empty';
  if (name.length > 255) return 'longer than 255 characters';
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return 'invalid characters';
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return 'looks like a cell reference';
  if (/^[RrCc]$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return 'looks like an R1C1 reference';
  return null;
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const NAMED_COLORS = new Set(['red', 'green', 'blue', 'yellow', 'black', 'white', 'orange', 'purple', 'gray', 'grey']);
function checkColor(v: unknown, where: string): void {
  if (typeof v !== 'string' || !(COLOR.test(v) || NAMED_COLORS.has(v.toLowerCase()))) {
    throw new FakeExcelError('InvalidArgument', `bad colour ${JSON.stringify(v)}`, where);
  }
}

function checkFormulaSyntax(f: string, where: string): void {
  // f includes the leading "=". Balanced parentheses outside string literals, closed quotes.
  let depth = 0;
  let inStr = false;
  let inSheet = false;
  for (let i = 1; i < f.length; i++) {
    const ch = f[i];
    if (inStr) {
      if (ch === '"') {
        if (f[i + 1] === '"') i++;
        else inStr = false;
      }
    } else if (inSheet) {
      if (ch === "'") {
        if (f[i + 1] === "'") i++;
        else inSheet = false;
      }
    } else if (ch === '"') inStr = true;
    else if (ch === "'") inSheet = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) break;
    }
  }
  if (f.length < 2 || depth !== 0 || inStr || inSheet) {
    throw new FakeExcelError('InvalidArgument', `the formula is not valid: ${f}`, where);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook state
// ---------------------------------------------------------------------------------------------

interface Cell {
  v: string | number | boolean | null;
  err?: string;
  f?: string;
  nf?: string;
  quotePrefix?: boolean;
  fmt?: Record<string, unknown>;
}

interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  rect: Rect;
  style: string;
  deleted: boolean;
}

interface NameState {
  name: string;
  /** The sheet of a worksheet-scoped name, null for a workbook-scoped one. */
  scope: SheetState | null;
  sheet: SheetState | null;
  rect: Rect | null;
  formula: string;
  comment: string;
}

export interface FakeValidation {
  readonly address: string;
  rule: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
}
export interface FakeConditionalFormat {
  readonly address: string;
  readonly type: string;
  readonly settings: Record<string, unknown>;
}
export interface FakeChart {
  readonly id: string;
  name: string;
  readonly type: string;
  title: string;
  position: { start: string; end: string | null } | null;
  series: Array<{ name: string; values: string | null; xValues: string | null; fill: string | null; line: string | null }>;
  /** Axis settings written (chart.axes.valueAxis / categoryAxis), by property. */
  readonly axes: { value: Record<string, unknown>; category: Record<string, unknown> };
}

/** A sheet's print settings (worksheet.pageLayout, ExcelApi 1.9). */
export interface FakePageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  /** "$14:$14", or null. */
  printTitleRows: string | null;
  /** "A1:N80", or null. */
  printArea: string | null;
  /** Rows (1-based) a manual page break is above: worksheet.horizontalPageBreaks.add("A57"). */
  readonly rowBreaks: number[];
  /** headersFooters.defaultForAllPages: leftHeader … rightFooter. */
  readonly headersFooters: Record<string, string>;
}

class SheetState {
  readonly cells = new Map<number, Cell>();
  merges: Rect[] = [];
  readonly hiddenCols = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  tabColor = '';
  freeze: { rows: number; cols: number } | null = null;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly validations: Array<FakeValidation & { rect: Rect }> = [];
  readonly conditionalFormats: Array<FakeConditionalFormat & { rect: Rect }> = [];
  readonly charts: FakeChart[] = [];
  readonly notes: Array<{ address: string; content: string }> = [];
  readonly pageLayout: FakePageLayout = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, centerHorizontally: false, printTitleRows: null, printArea: null, rowBreaks: [], headersFooters: {} };
  deleted = false;
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }
  get(r: number, c: number): Cell | undefined {
    return this.cells.get(this.key(r, c));
  }
  cell(r: number, c: number): Cell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { v: null };
      this.cells.set(k, cell);
    }
    return cell;
  }
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [k, cell] of this.cells) {
      const has = cell.v !== null || cell.f !== undefined || cell.err !== undefined;
      const formatted = cell.nf !== undefined || (cell.fmt !== undefined && Object.keys(cell.fmt).length > 0);
      if (!has && !(formatted && !valuesOnly)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (!rect) rect = { top: r, left: c, bottom: r, right: c };
      else {
        rect.top = Math.min(rect.top, r);
        rect.bottom = Math.max(rect.bottom, r);
        rect.left = Math.min(rect.left, c);
        rect.right = Math.max(rect.right, c);
      }
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        if (!rect) rect = { ...m };
        else {
          rect.top = Math.min(rect.top, m.top);
          rect.bottom = Math.max(rect.bottom, m.bottom);
          rect.left = Math.min(rect.left, m.left);
          rect.right = Math.max(rect.right, m.right);
        }
      }
    }
    return rect;
  }
}

interface ChangeEvent {
  sheet: SheetState;
  rect: Rect;
  triggerSource: 'ThisLocalAddin' | 'Unknown';
  /** Excel.DataChangeType; RangeEdited when absent. */
  changeType?: string;
  /** The address Excel reports when it is not the rectangle's A1 form ("C:C", "5:6"). */
  address?: string;
}

/** A worksheet added to or deleted from the workbook (WorksheetCollection.onAdded / onDeleted, ExcelApi 1.7). */
interface SheetEvent {
  type: 'WorksheetAdded' | 'WorksheetDeleted';
  id: string;
}

export type FakeEventType = 'WorksheetChanged' | SheetEvent['type'];

interface Handler {
  fn: (args: unknown) => unknown;
  active: boolean;
  type: FakeEventType;
}

class WorkbookState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  tables: TableState[] = [];
  active: SheetState | null = null;
  /** Review > Protect Workbook (structure): no sheet may be added, as in Excel. */
  structureProtected = false;
  selection: { sheet: SheetState; rect: Rect } | null = null;
  handlers: Handler[] = [];
  syncCount = 0;
  readonly syncLog: FakeSyncRecord[] = [];
  readonly failures = new Map<number, { afterOperations: number | null; code: string }>();
  private nextId = 1;
  pendingEvents: Array<ChangeEvent | SheetEvent> = [];
  constructor(readonly options: Required<Omit<FakeOptions, 'evaluate' | 'names'>> & Pick<FakeOptions, 'evaluate'>) {}
  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(4, '0')}}`;
  }
  live(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  findSheet(nameOrId: string): SheetState | null {
    const low = nameOrId.toLowerCase();
    return this.live().find((s) => s.name.toLowerCase() === low || s.id === nameOrId) ?? null;
  }
  /** True when a defined name (in `scope`, or in any scope) or a table already has this name. */
  nameTaken(name: string, except?: unknown, scope: SheetState | null | 'any' = 'any'): boolean {
    const low = name.toLowerCase();
    return (
      this.names.some((n) => n !== except && (scope === 'any' || n.scope === scope) && n.name.toLowerCase() === low) ||
      this.tables.some((t) => t !== except && !t.deleted && t.name.toLowerCase() === low)
    );
  }
  addSheet(name: string): SheetState {
    const problem = fakeSheetNameProblem(name);
    if (problem) throw new FakeExcelError('InvalidArgument', `sheet name "${name}": ${problem}`, 'WorksheetCollection.add');
    if (this.findSheet(name)) throw new FakeExcelError('ItemAlreadyExists', `a sheet named "${name}" already exists`, 'WorksheetCollection.add');
    const s = new SheetState(this.newId('sheet'), name);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }
  deleteSheet(s: SheetState): void {
    const live = this.live();
    if (live.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
      throw new FakeExcelError('InvalidOperation', 'a workbook must keep at least one visible sheet', 'Worksheet.delete');
    }
    s.deleted = true;
    for (const t of this.tables) if (t.sheet === s) t.deleted = true;
    this.names = this.names.filter((n) => n.scope !== s); // its own names go with the sheet
    for (const n of this.names) {
      if (n.sheet === s) {
        n.sheet = null;
        n.rect = null;
        n.formula = '=#REF!';
      }
    }
    if (this.active === s) this.active = this.live().find((x) => x.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === s) this.selection = null;
    this.emit({ type: 'WorksheetDeleted', id: s.id });
  }
  emit(ev: ChangeEvent | SheetEvent): void {
    this.pendingEvents.push(ev);
  }
  flushEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length === 0) return;
    const handlers = this.handlers.filter((h) => h.active);
    for (const ev of events) {
      if ('type' in ev) {
        deliverSheetEvent(handlers, ev);
        continue;
      }
      if (ev.sheet.deleted) continue;
      const args = {
        type: 'WorksheetChanged',
        worksheetId: ev.sheet.id,
        address: ev.address ?? rectA1(ev.rect),
        changeType: ev.changeType ?? 'RangeEdited',
        source: 'Local',
        triggerSource: ev.triggerSource,
      };
      for (const h of handlers) {
        if (h.type !== 'WorksheetChanged') continue;
        setTimeout(() => {
          if (h.active) void h.fn(args);
        }, 0);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Value parsing (what typing into a cell does)
// ---------------------------------------------------------------------------------------------

const ERROR_LITERALS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

function writeInput(
  wb: WorkbookState,
  sheet: SheetState,
  r: number,
  c: number,
  input: unknown,
  where: string,
): boolean {
  if (input === null || input === undefined) return false; // null: leave unchanged
  const cell = sheet.cell(r, c);
  delete cell.err;
  delete cell.f;
  delete cell.quotePrefix;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeExcelError('InvalidArgument', `not a finite number: ${input}`, where);
    cell.v = input;
    return true;
  }
  if (typeof input === 'boolean') {
    cell.v = input;
    return true;
  }
  if (typeof input !== 'string') throw new FakeExcelError('InvalidArgument', `unsupported cell value ${JSON.stringify(input)}`, where);
  if (input === '') {
    cell.v = null;
    return true;
  }
  if (cell.nf === '@') {
    cell.v = input;
    return true;
  }
  if (input.startsWith("'")) {
    cell.v = input.slice(1);
    cell.quotePrefix = true;
    return true;
  }
  if (input.startsWith('=') && input.length > 1) {
    checkFormulaSyntax(input, where);
    cell.f = input;
    cell.v = wb.options.evaluate ? wb.options.evaluate(input, sheet.name, a1(r, c)) : null;
    return true;
  }
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(pct ? t.slice(0, -1) : t);
    cell.v = pct ? n / 100 : n;
    return true;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.v = t.toLowerCase() === 'true';
    return true;
  }
  if (ERROR_LITERALS.has(t.toUpperCase())) {
    cell.v = null;
    cell.err = t.toUpperCase();
    return true;
  }
  cell.v = input;
  return true;
}

function displayValue(cell: Cell | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.err) return cell.err;
  return cell.v === null ? '' : cell.v;
}

function valueType(cell: Cell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.err) return 'Error';
  if (cell.v === null) return 'Empty';
  if (typeof cell.v === 'number') return 'Double';
  if (typeof cell.v === 'boolean') return 'Boolean';
  return 'String';
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies
// ---------------------------------------------------------------------------------------------

interface Operation {
  bytes: number;
  where: string;
  run: () => void;
}

function jsonSize(v: unknown): number {
  try {
    return JSON.stringify(v ?? null).length;
  } catch {
    return 64;
  }
}

function notLoaded(cls: string, prop: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${cls}.${prop}`,
  );
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  /** @internal */ queue: Operation[] = [];
  /** @internal */ responseBytes = 0;
  /** @internal */ calcSuspended = false;
  constructor(readonly wb: WorkbookState) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }
  /** @internal */ enqueue(where: string, bytes: number, run: () => void): void {
    this.queue.push({ bytes: bytes + 40, where, run });
  }
  trackedObjects = { add(): void {}, remove(): void {} };
  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const wb = this.wb;
    wb.syncCount += 1;
    const n = wb.syncCount;
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    this.calcSuspended = false;
    const requestBytes = ops.reduce((s, o) => s + o.bytes, 0);
    const record = (failed: string | null): void => {
      wb.syncLog.push({ n, operations: ops.length, requestBytes, responseBytes: this.responseBytes, calculationSuspended: this.calcSuspended, failed });
    };
    await Promise.resolve();
    if (requestBytes > wb.options.requestLimit) {
      record('RequestPayloadSizeLimitExceeded');
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.', 'RequestContext.sync');
    }
    const failure = wb.failures.get(n);
    const stopAt = failure ? Math.min(ops.length, failure.afterOperations ?? Math.floor(ops.length / 2)) : ops.length;
    try {
      for (let i = 0; i < stopAt; i++) ops[i].run();
      if (failure) throw new FakeExcelError(failure.code, `injected failure on sync ${n}`, 'RequestContext.sync');
      if (this.responseBytes > wb.options.responseLimit) {
        throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.', 'RequestContext.sync');
      }
    } catch (e) {
      record(e instanceof FakeExcelError ? e.code : String(e));
      wb.flushEvents();
      throw e;
    }
    record(null);
    wb.flushEvents();
    return passThrough;
  }
  /** @internal */ addResponse(v: unknown): void {
    this.responseBytes += jsonSize(v);
  }
}

type Resolver<T> = () => T | null;

abstract class ClientObject<T> {
  /** @internal */ _loaded: Record<string, unknown> = {};
  /** @internal */ private _state: 'pending' | 'ok' | 'null' = 'pending';
  /** @internal */ private _target: T | null = null;
  constructor(
    readonly context: FakeContext,
    /** @internal */ private readonly _resolver: Resolver<T>,
    /** @internal */ readonly _nullable: boolean,
    /** @internal */ readonly _cls: string,
    materialize = true,
  ) {
    if (materialize) context.enqueue(`${_cls}`, 60, () => void this._resolve());
  }
  /** @internal */ _resolve(): T | null {
    if (this._state === 'pending') {
      const t = this._resolver();
      if (t === null) {
        if (!this._nullable) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist.`, this._cls);
        this._state = 'null';
      } else {
        this._state = 'ok';
        this._target = t;
      }
    }
    return this._target;
  }
  /** @internal */ _t(): T {
    const t = this._resolve();
    if (t === null) throw new FakeExcelError('InvalidOperation', 'the object is a null object', this._cls);
    this._check(t);
    return t;
  }
  /** @internal */ _check(_t: T): void {}
  get isNullObject(): boolean {
    if (this._state === 'pending') throw notLoaded(this._cls, 'isNullObject');
    return this._state === 'null';
  }
  /** @internal */ _get(prop: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this._loaded, prop)) return this._loaded[prop];
    throw notLoaded(this._cls, prop);
  }
  /** @internal */ _set(prop: string, value: unknown, apply: (t: T) => void): void {
    this._loaded[prop] = value;
    this.context.enqueue(`${this._cls}.${prop}`, jsonSize(value), () => apply(this._t()));
  }
  /** @internal */ _call(name: string, args: unknown, apply: (t: T) => void): void {
    this.context.enqueue(`${this._cls}.${name}`, jsonSize(args), () => apply(this._t()));
  }
  /** @internal */ abstract _scalarProps(): string[];
  /** @internal */ abstract _read(prop: string, t: T): unknown;
  /** @internal */ _child(_name: string): ClientObject<unknown> | null {
    return null;
  }
  load(spec?: string | string[] | Record<string, unknown>): this {
    const paths = normalizeLoad(spec);
    const own: string[] = [];
    for (const p of paths) {
      const slash = p.indexOf('/');
      if (slash >= 0) {
        const child = this._child(p.slice(0, slash));
        if (!child) throw new FakeExcelError('InvalidArgument', `cannot load "${p}"`, `${this._cls}.load`);
        child.load(p.slice(slash + 1));
      } else own.push(p);
    }
    const list = own.length === 0 && paths.length === 0 ? this._scalarProps() : own;
    const known = new Set(this._scalarProps());
    for (const p of list) {
      if (!known.has(p)) {
        if (this._child(p)) continue;
        throw new FakeExcelError('InvalidArgument', `unknown property "${p}"`, `${this._cls}.load`);
      }
    }
    this.context.enqueue(`${this._cls}.load`, 30 + list.join(',').length, () => {
      const t = this._resolve();
      for (const p of list) {
        if (!known.has(p)) continue;
        const v = t === null ? null : this._read(p, t);
        this._loaded[p] = v;
        this.context.addResponse(v);
      }
    });
    return this;
  }
  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

function normalizeLoad(spec?: string | string[] | Record<string, unknown>): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => normalizeLoad(s));
  if (typeof spec === 'object' && spec !== null) {
    if ('select' in spec) return normalizeLoad(spec.select as string | string[]);
    return Object.keys(spec).filter((k) => spec[k]);
  }
  return [];
}

function defineProps(cls: { prototype: object }, names: string[], writable: string[] = []): void {
  for (const name of names) {
    if (Object.getOwnPropertyDescriptor(cls.prototype, name)) continue;
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ClientObject<unknown>) {
        return this._get(name);
      },
      set: writable.includes(name)
        ? function (this: ClientObject<unknown> & { _write(p: string, v: unknown): void }, v: unknown) {
            this._write(name, v);
          }
        : function (this: ClientObject<unknown>) {
            throw new FakeExcelError('InvalidArgument', `property "${name}" is read-only`, this._cls);
          },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, collections
// ---------------------------------------------------------------------------------------------

class FakeApplication extends ClientObject<WorkbookState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, false, 'Application', false);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue('Application.suspendApiCalculationUntilNextSync', 10, () => {
      this.context.calcSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue('Application.suspendScreenUpdatingUntilNextSync', 10, () => undefined);
  }
  calculate(_type: string): void {
    this.context.enqueue('Application.calculate', 10, () => undefined);
  }
  _scalarProps(): string[] {
    return ['calculationMode'];
  }
  _read(prop: string): unknown {
    return prop === 'calculationMode' ? 'Automatic' : null;
  }
}
defineProps(FakeApplication, ['calculationMode']);

class FakeWorkbookProtection extends ClientObject<WorkbookState> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, false, 'WorkbookProtection', false);
  }
  _scalarProps(): string[] {
    return ['protected'];
  }
  _read(prop: string): unknown {
    return prop === 'protected' ? this.context.wb.structureProtected : null;
  }
}
defineProps(FakeWorkbookProtection, ['protected']);

class FakeWorkbook extends ClientObject<WorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, false, 'Workbook', false);
    this.protection = new FakeWorkbookProtection(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.application = new FakeApplication(ctx);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.context.wb.selection;
      return sel ? { sheet: sel.sheet, rect: sel.rect } : null;
    });
  }
  _scalarProps(): string[] {
    return ['name'];
  }
  _read(): unknown {
    return 'Book1.xlsx';
  }
}
defineProps(FakeWorkbook, ['name']);

abstract class FakeCollection<T, P extends ClientObject<unknown>> extends ClientObject<WorkbookState> {
  abstract _list(): T[];
  abstract _wrap(t: T): P;
  override load(spec?: string | string[] | Record<string, unknown>): this {
    const paths = normalizeLoad(spec).map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    this.context.enqueue(`${this._cls}.load`, 40, () => {
      const items = this._list().map((t) => this._wrap(t));
      this._loaded.items = items;
      this._loaded.count = items.length;
      for (const item of items) {
        const own = paths.length ? paths : item._scalarProps();
        for (const p of own) {
          const slash = p.indexOf('/');
          let target: ClientObject<unknown> = item;
          let prop = p;
          if (slash >= 0) {
            const child = item._child(p.slice(0, slash));
            if (!child) throw new FakeExcelError('InvalidArgument', `cannot load "${p}"`, `${this._cls}.load`);
            target = child;
            prop = p.slice(slash + 1);
          }
          if (!target._scalarProps().includes(prop)) throw new FakeExcelError('InvalidArgument', `unknown property "${p}"`, `${this._cls}.load`);
          const v = target._read(prop, target._t());
          target._loaded[prop] = v;
          this.context.addResponse(v);
        }
      }
    });
    return this;
  }
  get items(): P[] {
    return this._get('items') as P[];
  }
  get count(): number {
    return this._get('count') as number;
  }
  getCount(): { value: number } {
    const result: { _v?: number; readonly value: number } = {
      get value(): number {
        if (this._v === undefined) throw notLoaded('ClientResult', 'value');
        return this._v;
      },
    };
    this.context.enqueue(`${this._cls}.getCount`, 10, () => {
      result._v = this._list().length;
    });
    return result;
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly filter: (args: { worksheetId: string }) => boolean,
    private readonly type: FakeEventType = 'WorksheetChanged',
  ) {}
  add(fn: (args: unknown) => unknown): { context: FakeContext; remove(): void } {
    const handler: Handler = { fn: (args) => (this.filter(args as { worksheetId: string }) ? fn(args) : undefined), active: false, type: this.type };
    const ctx = this.ctx;
    ctx.enqueue('EventHandlers.add', 20, () => {
      handler.active = true;
      ctx.wb.handlers.push(handler);
    });
    return {
      context: ctx,
      remove(): void {
        ctx.enqueue('EventHandlerResult.remove', 20, () => {
          handler.active = false;
          ctx.wb.handlers = ctx.wb.handlers.filter((h) => h !== handler);
        });
      },
    };
  }
}

class FakeWorksheetCollection extends FakeCollection<SheetState, FakeWorksheet> {
  readonly onChanged: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, false, 'WorksheetCollection', false);
    this.onChanged = new FakeEventHandlers(ctx, () => true);
    this.onAdded = new FakeEventHandlers(ctx, () => true, 'WorksheetAdded');
    this.onDeleted = new FakeEventHandlers(ctx, () => true, 'WorksheetDeleted');
  }
  _list(): SheetState[] {
    return this.context.wb.live();
  }
  _wrap(s: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, () => s, false, false);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.wb.findSheet(key), false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.wb.findSheet(key), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.wb.active, false);
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.wb.live()[0] ?? null, false);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    const ws = new FakeWorksheet(this.context, () => created, false, false);
    this.context.enqueue('WorksheetCollection.add', jsonSize(name), () => {
      const wb = this.context.wb;
      if (wb.structureProtected) throw new FakeExcelError('InvalidOperation', 'The workbook structure is protected.', 'WorksheetCollection.add');
      let n = name;
      if (n === undefined) {
        let i = wb.live().length + 1;
        while (wb.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = wb.addSheet(n);
      wb.emit({ type: 'WorksheetAdded', id: created.id });
      ws._resolve();
    });
    return ws;
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet
// ---------------------------------------------------------------------------------------------

class FakeWorksheet extends ClientObject<SheetState> {
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;
  private _freeze?: FakeFreezePanes;
  private _notes?: FakeNoteCollection;
  private _pageLayout?: FakePageLayout$;
  readonly onChanged: FakeEventHandlers;
  constructor(ctx: FakeContext, resolver: Resolver<SheetState>, nullable: boolean, materialize = true) {
    super(ctx, resolver, nullable, 'Worksheet', materialize);
    this.onChanged = new FakeEventHandlers(ctx, (args) => {
      const t = this._resolve();
      return t !== null && args.worksheetId === t.id;
    });
  }
  override _check(s: SheetState): void {
    if (s.deleted) throw new FakeExcelError('ItemNotFound', `the sheet "${s.name}" was deleted`, 'Worksheet');
  }
  _scalarProps(): string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'];
  }
  _read(prop: string, s: SheetState): unknown {
    switch (prop) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.context.wb.live().indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      case 'showGridlines':
        return true;
    }
    return null;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (s) => {
      const wb = this.context.wb;
      if (prop === 'name') {
        const problem = fakeSheetNameProblem(v);
        if (problem) throw new FakeExcelError('InvalidArgument', `sheet name ${JSON.stringify(v)}: ${problem}`, 'Worksheet.name');
        const other = wb.findSheet(v as string);
        if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `a sheet named "${String(v)}" already exists`, 'Worksheet.name');
        followRename(wb, s, v as string);
      } else if (prop === 'position') {
        const live = wb.live();
        if (typeof v !== 'number' || v < 0 || v >= live.length) throw new FakeExcelError('InvalidArgument', 'bad position', 'Worksheet.position');
        const without = wb.sheets.filter((x) => x !== s);
        const liveWithout = without.filter((x) => !x.deleted);
        const anchor = liveWithout[v];
        const idx = anchor ? without.indexOf(anchor) : without.length;
        without.splice(idx, 0, s);
        wb.sheets = without;
      } else if (prop === 'visibility') {
        if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeExcelError('InvalidArgument', 'bad visibility', 'Worksheet.visibility');
        s.visibility = v;
      } else if (prop === 'tabColor') {
        if (v !== '') checkColor(v, 'Worksheet.tabColor');
        s.tabColor = v as string;
      } else if (prop === 'showGridlines') {
        // accepted, not modelled
      }
    });
  }
  override _child(name: string): ClientObject<unknown> | null {
    return name === 'tables' ? this.tables : name === 'charts' ? this.charts : null;
  }
  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this.context, this));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, this));
  }
  get freezePanes(): FakeFreezePanes {
    return (this._freeze ??= new FakeFreezePanes(this.context, this));
  }
  /** worksheet.horizontalPageBreaks (ExcelApi 1.9): only `add` of an A1 cell is modelled. */
  get horizontalPageBreaks(): { add(at: string): void } {
    if (!apiAtLeast(this.context.wb.options.apiVersion, '1.9')) {
      throw new FakeExcelError('ApiNotFound', 'horizontalPageBreaks needs ExcelApi 1.9', 'Worksheet.horizontalPageBreaks');
    }
    const layout = this.pageLayout;
    return {
      add: (at: string) =>
        (layout as unknown as { _call(n: string, a: unknown, f: (s: SheetState) => void): void })._call('horizontalPageBreaks.add', at, (s) => {
          const m = /^\$?[A-Z]{1,3}\$?(\d+)$/.exec(at);
          if (!m) throw new FakeExcelError('InvalidArgument', `a page break is added at a cell, not ${JSON.stringify(at)}`, 'PageBreakCollection.add');
          s.pageLayout.rowBreaks.push(Number(m[1]));
        }),
    };
  }
  get pageLayout(): FakePageLayout$ {
    if (!apiAtLeast(this.context.wb.options.apiVersion, '1.9')) {
      throw new FakeExcelError('ApiNotFound', 'pageLayout needs ExcelApi 1.9', 'Worksheet.pageLayout');
    }
    return (this._pageLayout ??= new FakePageLayout$(this.context, this));
  }
  get notes(): FakeNoteCollection {
    if (!apiAtLeast(this.context.wb.options.apiVersion, '1.18')) {
      throw new FakeExcelError('ApiNotFound', 'notes need ExcelApi 1.18', 'Worksheet.notes');
    }
    return (this._notes ??= new FakeNoteCollection(this.context, this));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._t();
      if (address === undefined) return { sheet: s, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const p = parseAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new FakeExcelError('InvalidArgument', `address "${address}" is on another sheet`, 'Worksheet.getRange');
      }
      return { sheet: s, rect: p.rect };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._t();
      if (
        ![startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) ||
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > MAX_ROWS ||
        startColumn + columnCount > MAX_COLS
      ) {
        throw new FakeExcelError('InvalidArgument', `bad indexes ${startRow},${startColumn},${rowCount},${columnCount}`, 'Worksheet.getRangeByIndexes');
      }
      return { sheet: s, rect: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._t();
      return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this._t();
        const rect = s.usedRect(!!valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }
  getRanges(address: string): FakeRangeAreas {
    return worksheetRanges(this, address);
  }
  activate(): void {
    this._call('activate', null, (s) => {
      if (s.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'cannot activate a hidden sheet', 'Worksheet.activate');
      this.context.wb.active = s;
      this.context.wb.selection = { sheet: s, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  delete(): void {
    this._call('delete', null, (s) => this.context.wb.deleteSheet(s));
  }
}
defineProps(FakeWorksheet, ['id', 'name', 'position', 'visibility', 'tabColor', 'showGridlines'], ['name', 'position', 'visibility', 'tabColor', 'showGridlines']);

class FakeFreezePanes extends ClientObject<SheetState> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws._t(), false, 'WorksheetFreezePanes', false);
  }
  freezeRows(count: number): void {
    this._call('freezeRows', count, (s) => {
      if (!Number.isInteger(count) || count < 0) throw new FakeExcelError('InvalidArgument', 'bad row count', 'freezeRows');
      s.freeze = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count: number): void {
    this._call('freezeColumns', count, (s) => {
      if (!Number.isInteger(count) || count < 0) throw new FakeExcelError('InvalidArgument', 'bad column count', 'freezeColumns');
      s.freeze = { rows: 0, cols: count };
    });
  }
  freezeAt(range: FakeRange | string): void {
    this._call('freezeAt', typeof range === 'string' ? range : null, (s) => {
      const rect = typeof range === 'string' ? parseAddress(range).rect : range._t().rect;
      if (rect.top !== 0 || rect.left !== 0) throw new FakeExcelError('InvalidArgument', 'the frozen range must start at A1', 'freezeAt');
      s.freeze = { rows: rect.bottom + 1, cols: rect.right + 1 };
    });
  }
  unfreeze(): void {
    this._call('unfreeze', null, (s) => {
      s.freeze = null;
    });
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

/** Excel.PaperType values. */
const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro',
  'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet',
  'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6',
  'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
];
const HEADER_FOOTER_KEYS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

/** Zoom must be set as one object: a scale (10–400) or pages to fit (whole numbers ≥ 1), not both. */
function zoomProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'zoom must be set as an object';
  const z = v as Record<string, unknown>;
  const keys = Object.keys(z);
  if (keys.some((k) => !['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k))) return `unknown zoom option in ${JSON.stringify(v)}`;
  if (z.scale !== undefined && z.scale !== null) {
    if (keys.length > 1) return 'a scale and pages to fit exclude each other';
    return typeof z.scale === 'number' && z.scale >= 10 && z.scale <= 400 ? null : 'scale must be 10–400';
  }
  for (const k of ['horizontalFitToPages', 'verticalFitToPages']) {
    const n = z[k];
    if (n !== undefined && n !== null && !(typeof n === 'number' && Number.isInteger(n) && n >= 1)) return `${k} must be a whole number ≥ 1`;
  }
  return keys.length > 0 ? null : 'empty zoom';
}

class FakePageLayout$ extends ClientObject<SheetState> {
  readonly headersFooters: { readonly defaultForAllPages: Record<string, unknown> };
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws._t(), false, 'PageLayout', false);
    const schema: Record<string, unknown> = {};
    for (const k of HEADER_FOOTER_KEYS) schema[k] = (v: unknown) => typeof v === 'string' && v.length <= 255;
    this.headersFooters = {
      defaultForAllPages: settingsProxy(
        (where, bytes, run) => ctx.enqueue(where, bytes, run),
        (path, v) => {
          this.ws._t().pageLayout.headersFooters[path] = v as string;
        },
        '',
        schema,
        'HeaderFooter',
      ),
    };
  }
  _scalarProps(): string[] {
    return ['orientation', 'paperSize', 'zoom', 'centerHorizontally'];
  }
  _read(prop: string, s: SheetState): unknown {
    const pl = s.pageLayout as unknown as Record<string, unknown>;
    return prop === 'zoom' ? { ...s.pageLayout.zoom } : pl[prop];
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (s) => {
      const where = `PageLayout.${prop}`;
      if (prop === 'orientation') {
        if (v !== 'Portrait' && v !== 'Landscape') throw new FakeExcelError('InvalidArgument', `bad orientation ${JSON.stringify(v)}`, where);
        s.pageLayout.orientation = v;
      } else if (prop === 'paperSize') {
        if (!PAPER_TYPES.includes(v as string)) throw new FakeExcelError('InvalidArgument', `bad paper size ${JSON.stringify(v)}`, where);
        s.pageLayout.paperSize = v as string;
      } else if (prop === 'zoom') {
        const problem = zoomProblem(v);
        if (problem) throw new FakeExcelError('InvalidArgument', problem, where);
        s.pageLayout.zoom = { ...(v as FakePageLayout['zoom']) };
      } else if (prop === 'centerHorizontally') {
        if (!isBool(v)) throw new FakeExcelError('InvalidArgument', 'centerHorizontally must be a boolean', where);
        s.pageLayout.centerHorizontally = v as boolean;
      }
    });
  }
  /** The print area as an A1 address on this sheet ("A1:N80"; a Range is not modelled). */
  setPrintArea(area: string): void {
    this._call('setPrintArea', area, (s) => {
      if (typeof area !== 'string' || !/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(area)) throw new FakeExcelError('InvalidArgument', `print area must be an A1 range, not ${JSON.stringify(area)}`, 'PageLayout.setPrintArea');
      s.pageLayout.printArea = area.replace(/\$/g, '');
    });
  }
  /** Only whole rows can repeat: "$14:$14", "14:15", or a range spanning every column of its rows. */
  setPrintTitleRows(rows: FakeRange | string): void {
    this._call('setPrintTitleRows', typeof rows === 'string' ? rows : null, (s) => {
      let top: number;
      let bottom: number;
      if (typeof rows === 'string') {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
        if (!m) throw new FakeExcelError('InvalidArgument', `print title rows must be whole rows ("$1:$1"), not ${JSON.stringify(rows)}`, 'PageLayout.setPrintTitleRows');
        top = Number(m[1]) - 1;
        bottom = Number(m[2]) - 1;
      } else {
        const t = rows._t();
        if (t.sheet !== s) throw new FakeExcelError('InvalidArgument', 'the rows are on another sheet', 'PageLayout.setPrintTitleRows');
        if (t.rect.left !== 0 || t.rect.right !== MAX_COLS - 1) throw new FakeExcelError('InvalidArgument', 'print title rows must be whole rows', 'PageLayout.setPrintTitleRows');
        top = t.rect.top;
        bottom = t.rect.bottom;
      }
      if (top < 0 || bottom < top || bottom >= MAX_ROWS) throw new FakeExcelError('InvalidArgument', 'bad rows', 'PageLayout.setPrintTitleRows');
      s.pageLayout.printTitleRows = `$${top + 1}:$${bottom + 1}`;
    });
  }
}
defineProps(FakePageLayout$, ['orientation', 'paperSize', 'zoom', 'centerHorizontally'], ['orientation', 'paperSize', 'zoom', 'centerHorizontally']);

class FakeNoteCollection extends ClientObject<SheetState> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws._t(), false, 'NoteCollection', false);
  }
  add(cellAddress: FakeRange | string, content: string): void {
    this._call('add', [typeof cellAddress === 'string' ? cellAddress : null, content], (s) => {
      const addr = typeof cellAddress === 'string' ? parseAddress(cellAddress) : { sheet: null, rect: cellAddress._t().rect };
      if (rows(addr.rect) !== 1 || cols(addr.rect) !== 1) throw new FakeExcelError('InvalidArgument', 'a note belongs to one cell', 'NoteCollection.add');
      if (typeof content !== 'string') throw new FakeExcelError('InvalidArgument', 'note content must be text', 'NoteCollection.add');
      const address = rectA1(addr.rect);
      if (s.notes.some((x) => x.address === address)) throw new FakeExcelError('InvalidOperation', 'the cell already has a note', 'NoteCollection.add');
      s.notes.push({ address, content });
    });
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const RANGE_PROPS = [
  'address',
  'addressLocal',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
  'values',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'valueTypes',
  'text',
  'columnHidden',
  'rowHidden',
  'isEntireColumn',
  'isEntireRow',
];
const MAX_READ_CELLS = 5_000_000;

function grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

class FakeRange extends ClientObject<RangeTarget> {
  private _format?: FakeRangeFormat;
  private _dv?: FakeDataValidation;
  private _cf?: FakeConditionalFormatCollection;
  private _ws?: FakeWorksheet;
  constructor(ctx: FakeContext, resolver: Resolver<RangeTarget>, nullable = false, materialize = true) {
    super(ctx, resolver, nullable, 'Range', materialize);
  }
  override _check(t: RangeTarget): void {
    if (t.sheet.deleted) throw new FakeExcelError('ItemNotFound', 'the range is on a deleted sheet', 'Range');
  }
  _scalarProps(): string[] {
    return RANGE_PROPS;
  }
  _read(prop: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    const big = rows(rect) * cols(rect);
    const cellProps = ['values', 'formulas', 'formulasLocal', 'numberFormat', 'valueTypes', 'text'];
    if (cellProps.includes(prop) && big > MAX_READ_CELLS) {
      throw new FakeExcelError('InvalidOperation', 'a range read is limited to five million cells', `Range.${prop}`);
    }
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rows(rect);
      case 'columnCount':
        return cols(rect);
      case 'cellCount':
        return big;
      case 'isEntireColumn':
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case 'isEntireRow':
        return rect.left === 0 && rect.right === MAX_COLS - 1;
      case 'values':
        return grid(rect, (r, c) => displayValue(sheet.get(r, c)));
      case 'text':
        return grid(rect, (r, c) => String(displayValue(sheet.get(r, c))));
      case 'formulas':
      case 'formulasLocal':
        return grid(rect, (r, c) => {
          const cell = sheet.get(r, c);
          return cell?.f ?? displayValue(cell);
        });
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.get(r, c)?.nf ?? 'General');
      case 'valueTypes':
        return grid(rect, (r, c) => valueType(sheet.get(r, c)));
      case 'columnHidden': {
        let hidden = 0;
        for (let c = rect.left; c <= rect.right; c++) if (sheet.hiddenCols.has(c)) hidden++;
        return hidden === 0 ? false : hidden === cols(rect) ? true : null;
      }
      case 'rowHidden': {
        let hidden = 0;
        for (const r of sheet.hiddenRows) if (r >= rect.top && r <= rect.bottom) hidden++;
        return hidden === 0 ? false : hidden === rows(rect) ? true : null;
      }
    }
    return null;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (t) => {
      const where = `Range.${prop}`;
      const { sheet, rect } = t;
      if (prop === 'columnHidden' || prop === 'rowHidden') {
        if (typeof v !== 'boolean') throw new FakeExcelError('InvalidArgument', 'expected a boolean', where);
        if (prop === 'columnHidden') for (let c = rect.left; c <= rect.right; c++) v ? sheet.hiddenCols.add(c) : sheet.hiddenCols.delete(c);
        else for (let r = rect.top; r <= rect.bottom; r++) v ? sheet.hiddenRows.add(r) : sheet.hiddenRows.delete(r);
        return;
      }
      const at = shapeChecked(v, rect, where);
      const wb = this.context.wb;
      let changed = false;
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const x = at(r - rect.top, c - rect.left);
          if (prop === 'numberFormat') {
            if (x === null || x === undefined) continue;
            if (typeof x !== 'string') throw new FakeExcelError('InvalidArgument', 'a number format is text', where);
            sheet.cell(r, c).nf = x;
            changed = true;
          } else if (prop === 'values' || prop === 'formulas' || prop === 'formulasLocal') {
            if (writeInput(wb, sheet, r, c, x, where)) changed = true;
          }
        }
      }
      if (changed && prop !== 'numberFormat') wb.emit({ sheet, rect, triggerSource: 'ThisLocalAddin' });
    });
  }
  override _child(name: string): ClientObject<unknown> | null {
    return name === 'format' ? this.format : name === 'worksheet' ? this.worksheet : null;
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this));
  }
  get dataValidation(): FakeDataValidation {
    return (this._dv ??= new FakeDataValidation(this.context, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cf ??= new FakeConditionalFormatCollection(this.context, this));
  }
  get worksheet(): FakeWorksheet {
    return (this._ws ??= new FakeWorksheet(this.context, () => this._t().sheet, false, false));
  }
  private derived(fn: (t: RangeTarget) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._t();
        const rect = fn(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }
  getCell(row: number, column: number): FakeRange {
    return this.derived((t) => {
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new FakeExcelError('InvalidArgument', 'cell out of the sheet', 'Range.getCell');
      return { top: r, left: c, bottom: r, right: c };
    });
  }
  getRow(row: number): FakeRange {
    return this.derived((t) => {
      if (row < 0 || row >= rows(t.rect)) throw new FakeExcelError('InvalidArgument', 'row out of the range', 'Range.getRow');
      return { ...t.rect, top: t.rect.top + row, bottom: t.rect.top + row };
    });
  }
  getColumn(column: number): FakeRange {
    return this.derived((t) => {
      if (column < 0 || column >= cols(t.rect)) throw new FakeExcelError('InvalidArgument', 'column out of the range', 'Range.getColumn');
      return { ...t.rect, left: t.rect.left + column, right: t.rect.left + column };
    });
  }
  getEntireColumn(): FakeRange {
    return this.derived((t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }
  getEntireRow(): FakeRange {
    return this.derived((t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLS - 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((t) => {
      const r = { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns };
      if (r.bottom < r.top || r.right < r.left || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) {
        throw new FakeExcelError('InvalidArgument', 'bad resize', 'Range.getResizedRange');
      }
      return r;
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((t) => {
      const r = { top: t.rect.top + rowOffset, bottom: t.rect.bottom + rowOffset, left: t.rect.left + columnOffset, right: t.rect.right + columnOffset };
      if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) throw new FakeExcelError('InvalidArgument', 'bad offset', 'Range.getOffsetRange');
      return r;
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.derived((t) => {
      const used = t.sheet.usedRect(!!valuesOnly);
      const r = used && intersect(used, t.rect);
      if (!r) throw new FakeExcelError('ItemNotFound', 'the range has no used cells', 'Range.getUsedRange');
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derived((t) => {
      const used = t.sheet.usedRect(!!valuesOnly);
      return used && intersect(used, t.rect);
    }, true);
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!apiAtLeast(this.context.wb.options.apiVersion, '1.13')) {
      throw new FakeExcelError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13', 'Range.getMergedAreasOrNullObject');
    }
    return new FakeRangeAreas(this.context, () => {
      const t = this._t();
      // Like Excel: the merged areas whose top-left cell lies in the range.
      const areas = t.sheet.merges.filter((m) => contains(t.rect, m.top, m.left));
      return areas.length ? { sheet: t.sheet, areas } : null;
    });
  }
  merge(across?: boolean): void {
    this._call('merge', across ?? false, (t) => {
      const { sheet, rect } = t;
      const pieces: Rect[] = across ? Array.from({ length: rows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const p of pieces) {
        if (rows(p) === 1 && cols(p) === 1) continue;
        if (sheet.merges.some((m) => overlaps(m, p))) throw new FakeExcelError('InvalidOperation', `the range ${rectA1(p)} overlaps a merged area`, 'Range.merge');
        if (this.context.wb.tables.some((tb) => !tb.deleted && tb.sheet === sheet && overlaps(tb.rect, p))) {
          throw new FakeExcelError('InvalidOperation', 'cannot merge cells in a table', 'Range.merge');
        }
        for (let r = p.top; r <= p.bottom; r++) {
          for (let c = p.left; c <= p.right; c++) {
            if (r === p.top && c === p.left) continue;
            const cell = sheet.get(r, c);
            if (cell) {
              cell.v = null;
              delete cell.f;
              delete cell.err;
            }
          }
        }
        sheet.merges.push({ ...p });
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', null, (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }
  select(): void {
    this._call('select', null, (t) => {
      if (t.sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', 'cannot select on a hidden sheet', 'Range.select');
      if (this.context.wb.active !== t.sheet) throw new FakeExcelError('InvalidOperation', 'select() needs the range on the active sheet', 'Range.select');
      this.context.wb.selection = { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
  clear(applyTo?: string): void {
    this._call('clear', applyTo ?? 'All', (t) => {
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.get(r, c);
          if (!cell) continue;
          if (applyTo === undefined || applyTo === 'All' || applyTo === 'Contents') {
            cell.v = null;
            delete cell.f;
            delete cell.err;
          }
          if (applyTo === undefined || applyTo === 'All' || applyTo === 'Formats') {
            delete cell.nf;
            delete cell.fmt;
          }
        }
      }
    });
  }
}
defineProps(FakeRange, RANGE_PROPS, ['values', 'formulas', 'formulasLocal', 'numberFormat', 'columnHidden', 'rowHidden']);

function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

function shapeChecked(v: unknown, rect: Rect, where: string): (r: number, c: number) => unknown {
  if (!Array.isArray(v)) {
    if (v !== null && typeof v === 'object') throw new FakeExcelError('InvalidArgument', 'expected a 2-D array or a single value', where);
    return () => v; // a single value applies to every cell
  }
  const want = `${rows(rect)}x${cols(rect)}`;
  const bad = (): FakeExcelError =>
    new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (range ${want}, array ${v.length}x${Array.isArray(v[0]) ? v[0].length : '?'}).`, where);
  if (v.length !== rows(rect)) throw bad();
  for (const row of v) if (!Array.isArray(row) || row.length !== cols(rect)) throw bad();
  return (r, c) => (v[r] as unknown[])[c];
}

function apiAtLeast(have: string, want: string): boolean {
  const [a1v, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1v > b1 || (a1v === b1 && a2 >= b2);
}

class FakeRangeAreas extends ClientObject<{ sheet: SheetState; areas: Rect[] }> {
  private _areas?: FakeRangeCollection;
  constructor(ctx: FakeContext, resolver: Resolver<{ sheet: SheetState; areas: Rect[] }>) {
    super(ctx, resolver, true, 'RangeAreas');
  }
  /** The rectangular ranges, in the order of the address (RangeAreas.areas, ExcelApi 1.9). */
  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, this));
  }
  _scalarProps(): string[] {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }
  _read(prop: string, t: { sheet: SheetState; areas: Rect[] }): unknown {
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return t.areas.map((r) => `${quoteSheet(t.sheet.name)}!${rectA1(r)}`).join(',');
      case 'areaCount':
        return t.areas.length;
      case 'cellCount':
        return t.areas.reduce((s, r) => s + rows(r) * cols(r), 0);
    }
    return null;
  }
}
defineProps(FakeRangeAreas, ['address', 'addressLocal', 'areaCount', 'cellCount']);

/** RangeAreas.areas: the areas as ranges, loadable as a collection (`load('items/columnHidden')`). */
class FakeRangeCollection extends FakeCollection<Rect, FakeRange> {
  constructor(
    ctx: FakeContext,
    private readonly parent: FakeRangeAreas,
  ) {
    super(ctx, () => ctx.wb, false, 'RangeCollection', false);
  }
  _list(): Rect[] {
    return this.parent._t().areas;
  }
  _wrap(rect: Rect): FakeRange {
    const sheet = this.parent._t().sheet;
    return new FakeRange(this.context, () => ({ sheet, rect }), false, false);
  }
}

/** Worksheet.getRanges (ExcelApi 1.9): "A:A, C3:D4" as one RangeAreas, its areas in the order given. */
function worksheetRanges(ws: FakeWorksheet, address: string): FakeRangeAreas {
  if (!apiAtLeast(ws.context.wb.options.apiVersion, '1.9')) {
    throw new FakeExcelError('ApiNotFound', 'getRanges needs ExcelApi 1.9', 'Worksheet.getRanges');
  }
  return new FakeRangeAreas(ws.context, () => {
    const sheet = ws._t();
    const areas = address.split(',').map((part) => {
      const p = parseAddress(part);
      if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeExcelError('InvalidArgument', `address "${part}" is on another sheet`, 'Worksheet.getRanges');
      }
      return p.rect;
    });
    return { sheet, areas };
  });
}

/** Calls the handlers of a sheet added or deleted (asynchronously, as Excel does). */
function deliverSheetEvent(handlers: ReadonlyArray<Handler>, ev: SheetEvent): void {
  const args = { type: ev.type, worksheetId: ev.id, source: 'Local' };
  for (const h of handlers) {
    if (h.type !== ev.type) continue;
    setTimeout(() => {
      if (h.active) void h.fn(args);
    }, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];

/** A formatting proxy that writes `key` into every cell's fmt map after validating the value. */
class FakeFormatPart extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    readonly range: FakeRange,
    cls: string,
    private readonly prefix: string,
    private readonly validators: Record<string, (v: unknown) => boolean>,
  ) {
    super(ctx, () => range._t(), false, cls, false);
    for (const key of Object.keys(validators)) {
      Object.defineProperty(this, key, {
        get: () => this._get(key),
        set: (v: unknown) => this._writePart(key, v),
      });
    }
  }
  _writePart(key: string, v: unknown): void {
    this._set(key, v, (t) => {
      if (!this.validators[key](v)) throw new FakeExcelError('InvalidArgument', `bad value ${JSON.stringify(v)} for ${this._cls}.${key}`, `${this._cls}.${key}`);
      applyFmt(t, `${this.prefix}${key}`, v);
    });
  }
  _scalarProps(): string[] {
    return Object.keys(this.validators);
  }
  _read(prop: string, t: RangeTarget): unknown {
    const first = t.sheet.get(t.rect.top, t.rect.left)?.fmt?.[`${this.prefix}${prop}`];
    return first ?? null;
  }
  clear(): void {
    this._call('clear', null, (t) => {
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) {
        const fmt = t.sheet.get(r, c)?.fmt;
        if (fmt) for (const k of Object.keys(fmt)) if (k.startsWith(this.prefix)) delete fmt[k];
      }
    });
  }
}

function applyFmt(t: RangeTarget, key: string, v: unknown): void {
  const area = rows(t.rect) * cols(t.rect);
  if (area > 2_000_000) return; // whole columns/rows: not modelled per cell
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const cell = t.sheet.cell(r, c);
      (cell.fmt ??= {})[key] = v;
    }
  }
}

const isBool = (v: unknown): boolean => typeof v === 'boolean';
const isFiniteNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isColor = (v: unknown): boolean => typeof v === 'string' && (COLOR.test(v) || NAMED_COLORS.has(v.toLowerCase()));
const isPosNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 410;

class FakeRangeFormat extends ClientObject<RangeTarget> {
  readonly fill: FakeFormatPart;
  readonly font: FakeFormatPart;
  readonly protection: FakeFormatPart;
  readonly borders: { getItem(index: string): FakeFormatPart };
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, () => range._t(), false, 'RangeFormat', false);
    this.fill = new FakeFormatPart(ctx, range, 'RangeFill', 'fill.', { color: isColor });
    this.font = new FakeFormatPart(ctx, range, 'RangeFont', 'font.', {
      bold: isBool,
      italic: isBool,
      size: (v) => typeof v === 'number' && v >= 1 && v <= 409,
      color: isColor,
      name: (v) => typeof v === 'string' && v.length > 0,
      underline: (v) => ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'].includes(v as string),
    });
    this.protection = new FakeFormatPart(ctx, range, 'FormatProtection', 'protection.', { locked: isBool, formulaHidden: isBool });
    this.borders = {
      getItem: (index: string): FakeFormatPart => {
        if (!BORDER_INDEX.includes(index)) throw new FakeExcelError('InvalidArgument', `bad border index ${index}`, 'RangeBorderCollection.getItem');
        return new FakeFormatPart(ctx, range, 'RangeBorder', `border.${index}.`, {
          style: (v) => BORDER_STYLE.includes(v as string),
          color: isColor,
          weight: (v) => ['Hairline', 'Thin', 'Medium', 'Thick'].includes(v as string),
        });
      },
    };
  }
  _scalarProps(): string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  _read(prop: string, t: RangeTarget): unknown {
    if (prop === 'columnWidth') return t.sheet.colWidths.get(t.rect.left) ?? 48;
    if (prop === 'rowHeight') return t.sheet.rowHeights.get(t.rect.top) ?? 15;
    return t.sheet.get(t.rect.top, t.rect.left)?.fmt?.[prop] ?? null;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (t) => {
      const where = `RangeFormat.${prop}`;
      if (prop === 'columnWidth' || prop === 'rowHeight') {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > (prop === 'columnWidth' ? 1800 : 409)) {
          throw new FakeExcelError('InvalidArgument', `bad ${prop} ${JSON.stringify(v)}`, where);
        }
        if (prop === 'columnWidth') for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.colWidths.set(c, v);
        else for (let r = t.rect.top; r <= t.rect.bottom && r - t.rect.top < 100000; r++) t.sheet.rowHeights.set(r, v);
        return;
      }
      const ok =
        prop === 'horizontalAlignment' ? H_ALIGN.includes(v as string) : prop === 'verticalAlignment' ? V_ALIGN.includes(v as string) : prop === 'wrapText' ? isBool(v) : false;
      if (!ok) throw new FakeExcelError('InvalidArgument', `bad value ${JSON.stringify(v)}`, where);
      applyFmt(t, prop, v);
    });
  }
  autofitColumns(): void {
    this._call('autofitColumns', null, () => undefined);
  }
  autofitRows(): void {
    this._call('autofitRows', null, () => undefined);
  }
}
defineProps(FakeRangeFormat, ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'], ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText']);

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats
// ---------------------------------------------------------------------------------------------

const DV_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const CF_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

class FakeDataValidation extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, () => range._t(), false, 'DataValidation', false);
  }
  private entry(t: RangeTarget): FakeValidation & { rect: Rect } {
    const s = t.sheet;
    let e = s.validations.find((x) => x.rect.top === t.rect.top && x.rect.left === t.rect.left && x.rect.bottom === t.rect.bottom && x.rect.right === t.rect.right);
    if (!e) {
      if (s.validations.some((x) => overlaps(x.rect, t.rect))) {
        throw new FakeExcelError('InvalidOperation', 'the range overlaps another data validation', 'DataValidation');
      }
      e = { rect: { ...t.rect }, address: rectA1(t.rect), rule: null, prompt: null, errorAlert: null };
      s.validations.push(e);
    }
    return e;
  }
  _scalarProps(): string[] {
    return ['rule', 'prompt', 'errorAlert', 'type', 'valid', 'ignoreBlanks'];
  }
  _read(prop: string, t: RangeTarget): unknown {
    const e = t.sheet.validations.find((x) => overlaps(x.rect, t.rect));
    if (prop === 'type') return e?.rule ? Object.keys(e.rule)[0] : 'None';
    if (prop === 'valid') return true;
    if (prop === 'ignoreBlanks') return true;
    return e ? (e as unknown as Record<string, unknown>)[prop] : null;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (t) => {
      const where = `DataValidation.${prop}`;
      if (prop === 'ignoreBlanks') {
        if (!isBool(v)) throw new FakeExcelError('InvalidArgument', 'expected a boolean', where);
        return;
      }
      const e = this.entry(t);
      const o = v as Record<string, unknown>;
      if (typeof o !== 'object' || o === null) throw new FakeExcelError('InvalidArgument', 'expected an object', where);
      if (prop === 'rule') {
        const keys = Object.keys(o).filter((k) => o[k] !== undefined);
        if (keys.length !== 1) throw new FakeExcelError('InvalidArgument', 'a rule has exactly one type', where);
        const k = keys[0];
        const body = o[k] as Record<string, unknown>;
        if (['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(k)) {
          if (!DV_OPERATORS.includes(body.operator as string)) throw new FakeExcelError('InvalidArgument', `bad operator ${String(body.operator)}`, where);
          if (body.formula1 === undefined || body.formula1 === '') throw new FakeExcelError('InvalidArgument', 'formula1 is required', where);
          if ((body.operator === 'Between' || body.operator === 'NotBetween') && (body.formula2 === undefined || body.formula2 === '')) {
            throw new FakeExcelError('InvalidArgument', 'formula2 is required for Between', where);
          }
        } else if (k === 'list') {
          if (typeof body.source !== 'string' || body.source.length === 0) throw new FakeExcelError('InvalidArgument', 'list source is required', where);
          if (!body.source.startsWith('=') && body.source.length > 255) throw new FakeExcelError('InvalidArgument', 'list source longer than 255 characters', where);
        } else if (k === 'custom') {
          if (typeof body.formula !== 'string') throw new FakeExcelError('InvalidArgument', 'custom formula is required', where);
        } else throw new FakeExcelError('InvalidArgument', `unknown rule type ${k}`, where);
        e.rule = JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
      } else if (prop === 'prompt' || prop === 'errorAlert') {
        if (typeof o.title === 'string' && o.title.length > 32) throw new FakeExcelError('InvalidArgument', 'title longer than 32 characters', where);
        if (typeof o.message === 'string' && o.message.length > 255) throw new FakeExcelError('InvalidArgument', 'message longer than 255 characters', where);
        if (prop === 'errorAlert' && o.style !== undefined && !['Stop', 'Warning', 'Information'].includes(o.style as string)) {
          throw new FakeExcelError('InvalidArgument', 'bad alert style', where);
        }
        e[prop] = { ...o };
      }
    });
  }
  clear(): void {
    this._call('clear', null, (t) => {
      const s = t.sheet;
      const keep = s.validations.filter((x) => !overlaps(x.rect, t.rect));
      s.validations.length = 0;
      s.validations.push(...keep);
    });
  }
}
defineProps(FakeDataValidation, ['rule', 'prompt', 'errorAlert', 'type', 'valid', 'ignoreBlanks'], ['rule', 'prompt', 'errorAlert', 'ignoreBlanks']);

const CF_TYPES: Record<string, string> = {
  CellValue: 'cellValue',
  Custom: 'custom',
  DataBar: 'dataBar',
  ColorScale: 'colorScale',
  ContainsText: 'textComparison',
  TopBottom: 'topBottom',
  PresetCriteria: 'preset',
  IconSet: 'iconSet',
};

type Enqueue = (where: string, bytes: number, run: () => void) => void;

/**
 * A tree of settable settings (cf.cellValue.format.fill.color = ...): a write is readable locally
 * at once, validated and recorded into `apply` at sync.
 */
function settingsProxy(
  enqueue: Enqueue,
  apply: (path: string, v: unknown) => void,
  path: string,
  schema: Record<string, unknown>,
  where: string,
  local: Record<string, unknown> = {},
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const full = path ? `${path}.${key}` : key;
    if (typeof spec === 'function') {
      Object.defineProperty(obj, key, {
        enumerable: true,
        get: () => {
          if (full in local) return local[full];
          throw notLoaded(where, full);
        },
        set: (v: unknown) => {
          local[full] = v;
          enqueue(`${where}.${full}`, jsonSize(v), () => {
            if (!(spec as (v: unknown) => boolean)(v)) throw new FakeExcelError('InvalidArgument', `bad value ${JSON.stringify(v)} for ${full}`, where);
            apply(full, v);
          });
        },
      });
    } else {
      obj[key] = settingsProxy(enqueue, apply, full, spec as Record<string, unknown>, where, local);
    }
  }
  return obj;
}

const FORMAT_SCHEMA = { fill: { color: isColor }, font: { color: isColor, bold: isBool, italic: isBool } };
const isFormulaText = (v: unknown): boolean => (typeof v === 'string' && v.length > 0) || typeof v === 'number';
const CF_SCHEMAS: Record<string, Record<string, unknown>> = {
  cellValue: {
    format: FORMAT_SCHEMA,
    rule: (v: unknown) => {
      const o = v as Record<string, unknown>;
      if (typeof o !== 'object' || !o || !CF_OPERATORS.includes(o.operator as string) || !isFormulaText(o.formula1)) return false;
      return !(o.operator === 'Between' || o.operator === 'NotBetween') || isFormulaText(o.formula2);
    },
  },
  custom: { format: FORMAT_SCHEMA, rule: { formula: (v: unknown) => typeof v === 'string' && v.startsWith('=') } },
  dataBar: {
    barDirection: (v: unknown) => ['Context', 'LeftToRight', 'RightToLeft'].includes(v as string),
    showDataBarOnly: isBool,
    positiveFormat: { fillColor: isColor, gradientFill: isBool, borderColor: isColor },
    negativeFormat: { fillColor: isColor },
  },
  colorScale: {
    criteria: (v: unknown) => {
      const o = v as Record<string, { type?: string; color?: string }>;
      if (typeof o !== 'object' || !o || !o.minimum || !o.maximum) return false;
      const types = ['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];
      return [o.minimum, o.midpoint, o.maximum].every((c) => c === undefined || (types.includes(c.type as string) && (c.color === undefined || isColor(c.color))));
    },
  },
};

class FakeConditionalFormatCollection extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, () => range._t(), false, 'ConditionalFormatCollection', false);
  }
  add(type: string): Record<string, unknown> {
    const key = CF_TYPES[type];
    const settings: Record<string, unknown> = {};
    const ctx = this.context;
    this._call('add', type, (t) => {
      if (!key) throw new FakeExcelError('InvalidArgument', `bad conditional format type ${type}`, 'ConditionalFormatCollection.add');
      t.sheet.conditionalFormats.push({ rect: { ...t.rect }, address: rectA1(t.rect), type, settings });
    });
    const cf: Record<string, unknown> = { type };
    for (const [k, schema] of Object.entries(CF_SCHEMAS)) {
      // Excel hands out the sub-object of another type as a null object: writing to it fails at sync.
      const enqueue: Enqueue =
        k === key
          ? (where, bytes, run) => ctx.enqueue(where, bytes, run)
          : (where, bytes) =>
              ctx.enqueue(where, bytes, () => {
                throw new FakeExcelError('InvalidOperation', `the conditional format is of type ${type}, not ${k}`, where);
              });
      cf[k] = settingsProxy(enqueue, (path, v) => (settings[path] = v), '', schema, `ConditionalFormat.${k}`);
    }
    return cf;
  }
  clearAll(): void {
    this._call('clearAll', null, (t) => {
      const s = t.sheet;
      const keep = s.conditionalFormats.filter((x) => !overlaps(x.rect, t.rect));
      s.conditionalFormats.length = 0;
      s.conditionalFormats.push(...keep);
    });
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables, names, charts
// ---------------------------------------------------------------------------------------------

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

class FakeTableCollection extends FakeCollection<TableState, FakeTable> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet | null,
  ) {
    super(ctx, () => ctx.wb, false, 'TableCollection', false);
  }
  _list(): TableState[] {
    const own = this.ws ? this.ws._t() : null;
    return this.context.wb.tables.filter((t) => !t.deleted && (!own || t.sheet === own));
  }
  _wrap(t: TableState): FakeTable {
    return new FakeTable(this.context, () => t, false, false);
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this._list().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null, false);
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this._list().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null, true);
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    const table = new FakeTable(this.context, () => created, false, false);
    this.context.enqueue('TableCollection.add', jsonSize(typeof address === 'string' ? address : null), () => {
      const wb = this.context.wb;
      let sheet: SheetState;
      let rect: Rect;
      if (typeof address === 'string') {
        const p = parseAddress(address);
        const s = p.sheet !== null ? wb.findSheet(p.sheet) : this.ws ? this.ws._t() : wb.active;
        if (!s) throw new FakeExcelError('ItemNotFound', `no sheet for ${address}`, 'TableCollection.add');
        sheet = s;
        rect = p.rect;
      } else {
        ({ sheet, rect } = address._t());
      }
      if (this.ws && this.ws._t() !== sheet) throw new FakeExcelError('InvalidArgument', 'the range is on another sheet', 'TableCollection.add');
      if (sheet.merges.some((m) => overlaps(m, rect))) throw new FakeExcelError('InvalidOperation', 'a table cannot overlap merged cells', 'TableCollection.add');
      if (wb.tables.some((t) => !t.deleted && t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new FakeExcelError('InvalidOperation', 'a table cannot overlap another table', 'TableCollection.add');
      }
      if (hasHeaders) {
        // Like Excel: headers become unique non-empty text.
        const seen = new Set<string>();
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.cell(rect.top, c);
          let text = cell.err ?? (cell.v === null ? '' : String(cell.v));
          if (text === '') text = `Column${c - rect.left + 1}`;
          let unique = text;
          for (let i = 2; seen.has(unique.toLowerCase()); i++) unique = `${text}${i}`;
          seen.add(unique.toLowerCase());
          cell.v = unique;
          delete cell.f;
          delete cell.err;
        }
      }
      let i = 1;
      while (wb.nameTaken(`Table${i}`)) i++;
      created = { id: wb.newId('table'), name: `Table${i}`, sheet, rect: { ...rect }, style: 'TableStyleMedium2', deleted: false };
      wb.tables.push(created);
      table._resolve();
    });
    return table;
  }
}

class FakeTable extends ClientObject<TableState> {
  constructor(ctx: FakeContext, resolver: Resolver<TableState>, nullable: boolean, materialize = true) {
    super(ctx, resolver, nullable, 'Table', materialize);
  }
  override _check(t: TableState): void {
    if (t.deleted) throw new FakeExcelError('ItemNotFound', 'the table was deleted', 'Table');
  }
  _scalarProps(): string[] {
    return ['id', 'name', 'style', 'showHeaders', 'showTotals', 'showBandedRows'];
  }
  _read(prop: string, t: TableState): unknown {
    return prop === 'id' ? t.id : prop === 'name' ? t.name : prop === 'style' ? t.style : prop === 'showHeaders' ? true : prop === 'showBandedRows' ? true : false;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (t) => {
      if (prop === 'name') {
        if (typeof v !== 'string' || !TABLE_NAME.test(v) || v.length > 255 || /^[A-Za-z]{1,3}[0-9]+$/.test(v) || /^[RrCc]$/.test(v)) {
          throw new FakeExcelError('InvalidArgument', `bad table name ${JSON.stringify(v)}`, 'Table.name');
        }
        if (this.context.wb.nameTaken(v, t)) throw new FakeExcelError('InvalidArgument', `the name "${v}" is already used`, 'Table.name');
        t.name = v;
      } else if (prop === 'style') {
        if (typeof v !== 'string' || !/^TableStyle(Light([1-9]|1[0-9]|2[01])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[01]))$/.test(v)) {
          throw new FakeExcelError('InvalidArgument', `unknown table style ${JSON.stringify(v)}`, 'Table.style');
        }
        t.style = v;
      } else if (!isBool(v)) throw new FakeExcelError('InvalidArgument', 'expected a boolean', `Table.${prop}`);
    });
  }
  private _ws?: FakeWorksheet;
  get worksheet(): FakeWorksheet {
    return (this._ws ??= new FakeWorksheet(this.context, () => this._t().sheet, false, false));
  }
  override _child(name: string): ClientObject<unknown> | null {
    return name === 'worksheet' ? this.worksheet : null;
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._t();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
  delete(): void {
    this._call('delete', null, (t) => {
      t.deleted = true;
    });
  }
}
defineProps(FakeTable, ['id', 'name', 'style', 'showHeaders', 'showTotals', 'showBandedRows'], ['name', 'style', 'showHeaders', 'showTotals', 'showBandedRows']);

class FakeNamedItemCollection extends FakeCollection<NameState, FakeNamedItem> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb, false, 'NamedItemCollection', false);
  }
  _list(): NameState[] {
    return this.context.wb.names.filter((n) => n.scope === null); // workbook.names: workbook-scoped only
  }
  _wrap(n: NameState): FakeNamedItem {
    return new FakeNamedItem(this.context, () => n, false, false);
  }
  private find(name: string): NameState | null {
    return this.context.wb.names.find((n) => n.scope === null && n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), true);
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameState | null = null;
    const item = new FakeNamedItem(this.context, () => created, false, false);
    this.context.enqueue('NamedItemCollection.add', jsonSize([name, typeof reference === 'string' ? reference : null, comment]), () => {
      const wb = this.context.wb;
      const problem = definedNameProblem(name);
      if (problem) throw new FakeExcelError('InvalidArgument', `name "${name}": ${problem}`, 'NamedItemCollection.add');
      if (wb.nameTaken(name, undefined, null)) throw new FakeExcelError('ItemAlreadyExists', `the name "${name}" already exists`, 'NamedItemCollection.add');
      if (typeof comment === 'string' && comment.length > 255) throw new FakeExcelError('InvalidArgument', 'comment longer than 255 characters', 'NamedItemCollection.add');
      let sheet: SheetState | null = null;
      let rect: Rect | null = null;
      let formula: string;
      if (typeof reference === 'string') {
        const text = reference.startsWith('=') ? reference.slice(1) : reference;
        const p = parseAddress(text);
        if (p.sheet === null) throw new FakeExcelError('InvalidArgument', 'a workbook name needs a sheet-qualified reference', 'NamedItemCollection.add');
        sheet = wb.findSheet(p.sheet);
        if (!sheet) throw new FakeExcelError('InvalidArgument', `no sheet "${p.sheet}"`, 'NamedItemCollection.add');
        rect = p.rect;
        formula = '';
      } else {
        ({ sheet, rect } = reference._t());
        formula = '';
      }
      created = { name, scope: null, sheet, rect, formula, comment: comment ?? '' };
      wb.names.push(created);
      item._resolve();
    });
    return item;
  }
}

function absolute(rect: Rect): string {
  const tl = `$${colLetters(rect.left)}$${rect.top + 1}`;
  return rect.top === rect.bottom && rect.left === rect.right ? tl : `${tl}:$${colLetters(rect.right)}$${rect.bottom + 1}`;
}

class FakeNamedItem extends ClientObject<NameState> {
  constructor(ctx: FakeContext, resolver: Resolver<NameState>, nullable: boolean, materialize = true) {
    super(ctx, resolver, nullable, 'NamedItem', materialize);
  }
  override _check(n: NameState): void {
    if (!this.context.wb.names.includes(n)) throw new FakeExcelError('ItemNotFound', 'the name was deleted', 'NamedItem');
  }
  _scalarProps(): string[] {
    return ['name', 'type', 'value', 'formula', 'comment', 'visible', 'scope'];
  }
  _read(prop: string, n: NameState): unknown {
    const ref = n.sheet && n.rect ? `${quoteSheet(n.sheet.name)}!${absolute(n.rect)}` : null;
    switch (prop) {
      case 'name':
        return n.name;
      case 'type':
        return ref ? 'Range' : 'Error';
      case 'value':
        return ref ?? '#REF!';
      case 'formula':
        return ref ? `=${ref}` : n.formula;
      case 'comment':
        return n.comment;
      case 'visible':
        return true;
      case 'scope':
        return n.scope ? 'Worksheet' : 'Workbook';
    }
    return null;
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const n = this._t();
      if (!n.sheet || !n.rect || n.sheet.deleted) throw new FakeExcelError('InvalidOperation', 'the name does not refer to a range', 'NamedItem.getRange');
      return { sheet: n.sheet, rect: n.rect };
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const n = this._resolve();
        return n && n.sheet && n.rect && !n.sheet.deleted ? { sheet: n.sheet, rect: n.rect } : null;
      },
      true,
    );
  }
  delete(): void {
    this._call('delete', null, (n) => {
      this.context.wb.names = this.context.wb.names.filter((x) => x !== n);
    });
  }
}
defineProps(FakeNamedItem, ['name', 'type', 'value', 'formula', 'comment', 'visible', 'scope'], []);

const CHART_TYPES = new Set([
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'LineStacked', 'LineStacked100',
  'LineMarkers', 'LineMarkersStacked', 'LineMarkersStacked100', 'PieOfPie', 'PieExploded', 'BarOfPie', 'XYScatterSmooth',
  'XYScatterSmoothNoMarkers', 'XYScatterLines', 'XYScatterLinesNoMarkers', 'AreaStacked', 'AreaStacked100', 'DoughnutExploded',
  'RadarMarkers', 'RadarFilled', 'Line', 'Pie', 'XYScatter', 'Area', 'Doughnut', 'Radar', 'Histogram', 'Pareto', 'Treemap', 'Waterfall',
  'Sunburst', 'Funnel',
]);

class FakeChartCollection extends ClientObject<SheetState> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, () => ws._t(), false, 'ChartCollection', false);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart$ {
    let created: FakeChart | null = null;
    const chart = new FakeChart$(this.context, () => created);
    this._call('add', [type, seriesBy], (s) => {
      if (!CHART_TYPES.has(type)) throw new FakeExcelError('InvalidArgument', `bad chart type ${type}`, 'ChartCollection.add');
      if (seriesBy !== undefined && !['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new FakeExcelError('InvalidArgument', 'bad seriesBy', 'ChartCollection.add');
      const src = sourceData._t();
      const byRows = seriesBy === 'Rows' || (seriesBy !== 'Columns' && cols(src.rect) > rows(src.rect));
      const series: FakeChart['series'] = [];
      const n = byRows ? rows(src.rect) : cols(src.rect);
      for (let i = 0; i < n; i++) {
        const r: Rect = byRows ? { ...src.rect, top: src.rect.top + i, bottom: src.rect.top + i } : { ...src.rect, left: src.rect.left + i, right: src.rect.left + i };
        series.push({ name: `Series${i + 1}`, values: `${quoteSheet(src.sheet.name)}!${rectA1(r)}`, xValues: null, fill: null, line: null });
      }
      created = { id: this.context.wb.newId('chart'), name: `Chart ${s.charts.length + 1}`, type, title: '', position: null, series, axes: { value: {}, category: {} } };
      s.charts.push(created);
      chart._resolve();
    });
    return chart;
  }
  _scalarProps(): string[] {
    return [];
  }
  _read(): unknown {
    return null;
  }
}

class FakeChart$ extends ClientObject<FakeChart> {
  readonly title: { text: string; visible: boolean };
  readonly legend: { position: string; visible: boolean };
  readonly series: {
    getItemAt(i: number): FakeSeries;
    add(name?: string): FakeSeries;
  };
  readonly axes: { readonly valueAxis: Record<string, unknown>; readonly categoryAxis: Record<string, unknown> };
  constructor(ctx: FakeContext, resolver: Resolver<FakeChart>) {
    super(ctx, resolver, false, 'Chart', false);
    const chartProxy = this;
    const enqueue: Enqueue = (where, bytes, run) => ctx.enqueue(where, bytes, run);
    // ChartAxis (ExcelApi 1.7/1.8): bounds and step are numbers; minimum must stay below maximum.
    const axis = (which: 'value' | 'category') =>
      settingsProxy(
        enqueue,
        (path, v) => {
          const ax = chartProxy._t().axes[which];
          const next = { ...ax, [path]: v };
          if (typeof next.minimum === 'number' && typeof next.maximum === 'number' && next.minimum >= next.maximum) {
            throw new FakeExcelError('InvalidArgument', `axis minimum ${String(next.minimum)} is not below its maximum ${String(next.maximum)}`, 'ChartAxis');
          }
          ax[path] = v;
        },
        '',
        {
          minimum: isFiniteNumber,
          maximum: isFiniteNumber,
          majorUnit: (v: unknown) => isFiniteNumber(v) && (v as number) > 0,
          numberFormat: (v: unknown) => typeof v === 'string',
          reversePlotOrder: isBool,
          position: (v: unknown) => ['Automatic', 'Maximum', 'Minimum', 'Custom'].includes(v as string),
        },
        which === 'value' ? 'ChartAxis(value)' : 'ChartAxis(category)',
      );
    this.axes = { valueAxis: axis('value'), categoryAxis: axis('category') };
    this.title = settingsProxy(
      enqueue,
      (path, v) => {
        if (path === 'text') chartProxy._t().title = v as string;
      },
      '',
      { text: (v: unknown) => typeof v === 'string' && v.length <= 255, visible: isBool },
      'ChartTitle',
    ) as { text: string; visible: boolean };
    this.legend = settingsProxy(
      enqueue,
      () => undefined,
      '',
      { position: (v: unknown) => ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'].includes(v as string), visible: isBool },
      'ChartLegend',
    ) as { position: string; visible: boolean };
    this.series = {
      getItemAt: (i: number): FakeSeries =>
        new FakeSeries(ctx, () => {
          const c = chartProxy._t();
          if (i < 0 || i >= c.series.length) throw new FakeExcelError('InvalidArgument', `no series ${i}`, 'ChartSeriesCollection.getItemAt');
          return c.series[i];
        }),
      add: (name?: string): FakeSeries => {
        let created: FakeChart['series'][number] | null = null;
        const s = new FakeSeries(ctx, () => created, false);
        ctx.enqueue('ChartSeriesCollection.add', jsonSize(name), () => {
          created = { name: name ?? `Series${chartProxy._t().series.length + 1}`, values: null, xValues: null, fill: null, line: null };
          chartProxy._t().series.push(created);
          s._resolve();
        });
        return s;
      },
    };
  }
  _scalarProps(): string[] {
    return ['id', 'name', 'chartType'];
  }
  _read(prop: string, c: FakeChart): unknown {
    return prop === 'id' ? c.id : prop === 'name' ? c.name : c.type;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (c) => {
      if (prop === 'name') {
        if (typeof v !== 'string' || v.length === 0 || v.length > 255) throw new FakeExcelError('InvalidArgument', 'bad chart name', 'Chart.name');
        c.name = v;
      } else if (['top', 'left', 'width', 'height'].includes(prop)) {
        if (typeof v !== 'number' || v < 0) throw new FakeExcelError('InvalidArgument', `bad ${prop}`, `Chart.${prop}`);
      }
    });
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call('setPosition', [typeof startCell === 'string' ? startCell : null, typeof endCell === 'string' ? endCell : null], (c) => {
      const addr = (x: FakeRange | string): string => (typeof x === 'string' ? rectA1(parseAddress(x).rect) : rectA1(x._t().rect));
      c.position = { start: addr(startCell), end: endCell === undefined ? null : addr(endCell) };
    });
  }
  delete(): void {
    this._call('delete', null, () => undefined);
  }
}
defineProps(FakeChart$, ['id', 'name', 'chartType', 'top', 'left', 'width', 'height'], ['name', 'top', 'left', 'width', 'height']);

class FakeSeries extends ClientObject<FakeChart['series'][number]> {
  readonly format: { readonly fill: { setSolidColor(color: string): void }; readonly line: Record<string, unknown> };
  constructor(ctx: FakeContext, resolver: Resolver<FakeChart['series'][number]>, materialize = true) {
    super(ctx, resolver, false, 'ChartSeries', materialize);
    this.format = {
      fill: {
        setSolidColor: (color: string): void => {
          this._call('format.fill.setSolidColor', color, (s) => {
            checkColor(color, 'ChartFill.setSolidColor');
            s.fill = color;
          });
        },
      },
      line: settingsProxy(
        (where, bytes, run) => ctx.enqueue(where, bytes, run),
        (_path, v) => {
          this._t().line = v as string;
        },
        '',
        { color: isColor },
        'ChartLineFormat',
      ),
    };
  }
  _scalarProps(): string[] {
    return ['name'];
  }
  _read(_p: string, s: FakeChart['series'][number]): unknown {
    return s.name;
  }
  _write(prop: string, v: unknown): void {
    this._set(prop, v, (s) => {
      if (typeof v !== 'string' || v.length > 255) throw new FakeExcelError('InvalidArgument', 'bad series name', 'ChartSeries.name');
      s.name = v;
    });
  }
  setValues(range: FakeRange): void {
    this._call('setValues', null, (s) => {
      const t = range._t();
      if (rows(t.rect) !== 1 && cols(t.rect) !== 1) throw new FakeExcelError('InvalidArgument', 'series values must be one row or one column', 'ChartSeries.setValues');
      s.values = `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}`;
    });
  }
  setXAxisValues(range: FakeRange): void {
    this._call('setXAxisValues', null, (s) => {
      const t = range._t();
      if (rows(t.rect) !== 1 && cols(t.rect) !== 1) throw new FakeExcelError('InvalidArgument', 'axis values must be one row or one column', 'ChartSeries.setXAxisValues');
      s.xValues = `${quoteSheet(t.sheet.name)}!${rectA1(t.rect)}`;
    });
  }
}
defineProps(FakeSeries, ['name'], ['name']);

// ---------------------------------------------------------------------------------------------
// The fake `Excel` namespace with inspection helpers
// ---------------------------------------------------------------------------------------------

export interface FakeSheetView {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly tabColor: string;
  readonly freeze: { rows: number; cols: number } | null;
  readonly merges: string[];
  readonly hiddenColumns: number[];
  readonly columnWidths: Record<number, number>;
  readonly validations: ReadonlyArray<FakeValidation>;
  readonly conditionalFormats: ReadonlyArray<FakeConditionalFormat>;
  readonly charts: ReadonlyArray<FakeChart>;
  readonly notes: ReadonlyArray<{ address: string; content: string }>;
  readonly pageLayout: Readonly<FakePageLayout>;
  readonly rowHeights: Record<number, number>;
  readonly tables: ReadonlyArray<{ name: string; address: string; style: string }>;
  /** Value of a cell as Excel shows it (number, text, boolean, "#N/A"-style error text, or null when empty). */
  value(a1: string): string | number | boolean | null;
  /** The formula of a cell ("=SUM(A1:A3)") or null. */
  formula(a1: string): string | null;
  numberFormat(a1: string): string;
  format(a1: string): Record<string, unknown>;
  /** True when the cell holds text written with a leading apostrophe. */
  quotePrefix(a1: string): boolean;
  /** The used range's cells as a 2-D array of values from A1 (null for empty). */
  values(): Array<Array<string | number | boolean | null>>;
}

export interface FakeExcel {
  run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
  run<T>(context: unknown, batch: (context: FakeContext) => Promise<T>): Promise<T>;
  readonly RequestContext: new () => FakeContext;
  /** Number of context.sync() calls so far (including the final sync Excel.run makes). */
  readonly syncCount: number;
  readonly syncLog: ReadonlyArray<FakeSyncRecord>;
  resetSyncCount(): void;
  /** Make the Nth sync (1-based, counted over the fake's lifetime) fail after applying `afterOperations` operations (default: half). */
  failOnSync(n: number, options?: { afterOperations?: number; code?: string }): void;
  /** Review > Protect Workbook (structure) on or off: WorksheetCollection.add then fails, as in Excel. */
  protectStructure(on: boolean): void;
  sheetNames(): string[];
  sheet(name: string): FakeSheetView | null;
  /** A JSON snapshot of everything stored for one sheet (compare before/after to prove it was not touched). */
  snapshot(name: string): string;
  activeSheet(): string | null;
  /** The selected range as "Sheet!A1:B2", or null. */
  selection(): string | null;
  /** Every defined name; `scope` (the sheet) only on worksheet-scoped ones. */
  definedNames(): Array<{ name: string; refersTo: string; comment: string; scope?: string }>;
  /** Number of worksheet-changed (onChanged) handlers currently registered. */
  handlerCount(): number;
  /** Simulates the user typing into a cell: parses like Excel and fires onChanged. */
  userEdit(sheet: string, a1: string, input: string | number | boolean): void;
  /** The user's other actions, with the events Excel fires for them (see FakeUserActions). */
  readonly user: FakeUserActions;
  /** Number of handlers currently registered for an event (WorksheetChanged, WorksheetAdded, WorksheetDeleted). */
  eventHandlerCount(type: FakeEventType): number;
}

/**
 * What a user does in Excel besides typing one cell, with exactly the events ExcelApi 1.9 gives an
 * add-in (WorksheetCollection.onChanged with its address and changeType, onAdded, onDeleted) and none
 * where Excel fires none at that level (renaming, moving, hiding a sheet, hiding columns, merging:
 * their events came later or are format events; recalculation fires no change event at all).
 */
export interface FakeUserActions {
  /** Pastes a block of typed inputs at `a1` ('' clears a cell, null leaves it): one onChanged over the block. */
  paste(sheet: string, a1: string, rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): void;
  /** Clears the contents of an area ("C5:D9", "C:C", "7:9"): one onChanged with that address. */
  clear(sheet: string, address: string): void;
  /** Inserts whole rows before `row` (1-based), shifting cells, merges and hidden rows: onChanged "RowInserted". */
  insertRows(sheet: string, row: number, count: number): void;
  /** Deletes whole rows from `row` (1-based): onChanged "RowDeleted". */
  deleteRows(sheet: string, row: number, count: number): void;
  /** Adds a sheet at the end (with content, as a copy would have): onAdded. */
  addSheet(init: FakeSheetInit): void;
  /** Deletes a sheet: onDeleted. */
  deleteSheet(sheet: string): void;
  /** Renames a sheet (no event before ExcelApi 1.17). */
  renameSheet(sheet: string, name: string): void;
  /** Moves a sheet to a tab position (no event before ExcelApi 1.17). */
  moveSheet(sheet: string, position: number): void;
  /** Hides or shows a sheet (no event before ExcelApi 1.17). */
  setVisibility(sheet: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden'): void;
  /** Hides or unhides columns (zero-based; a format change, no onChanged). */
  hideColumns(sheet: string, columns: ReadonlyArray<number>, hidden: boolean): void;
  /** Merges an area whose cells other than the top-left one are empty (a format change, no onChanged). */
  merge(sheet: string, address: string): void;
  /** Excel recalculated a formula cell: its cached value changes and no event fires. */
  recalculated(sheet: string, a1: string, value: FakeScalar | { readonly error: string }): void;
}

function buildSheet(wb: WorkbookState, init: FakeSheetInit): void {
  const s = wb.addSheet(init.name);
  s.visibility = init.visibility ?? 'Visible';
  const origin = init.origin ? parseAddress(init.origin).rect : { top: 0, left: 0, bottom: 0, right: 0 };
  (init.cells ?? []).forEach((row, i) =>
    row.forEach((input, j) => {
      const r = origin.top + i;
      const c = origin.left + j;
      if (input === null || input === undefined || input === '') return;
      const cell = s.cell(r, c);
      if (typeof input === 'object') {
        if ('text' in input) {
          cell.v = input.text;
          cell.quotePrefix = input.text.startsWith('=');
        } else if ('formula' in input) {
          cell.f = input.formula.startsWith('=') ? input.formula : `=${input.formula}`;
          const v = input.value ?? null;
          if (v !== null && typeof v === 'object') cell.err = v.error;
          else cell.v = v;
        } else {
          cell.err = input.error;
        }
      } else if (typeof input === 'string' && input.startsWith('=')) {
        cell.f = input;
      } else {
        cell.v = input;
      }
    }),
  );
  for (const m of init.merges ?? []) s.merges.push(parseAddress(m).rect);
  for (const c of init.hiddenColumns ?? []) s.hiddenCols.add(c);
  for (const r of init.hiddenRows ?? []) s.hiddenRows.add(r);
  for (const [addr, nf] of Object.entries(init.numberFormats ?? {})) {
    const p = parseAddress(addr).rect;
    s.cell(p.top, p.left).nf = nf;
  }
}

/** A defined name the workbook starts with, refused as Excel would refuse it. */
function addInitialName(wb: WorkbookState, init: FakeNameInit): void {
  const where = 'createFakeExcel(names)';
  const problem = definedNameProblem(init.name);
  if (problem) throw new FakeExcelError('InvalidArgument', `name "${init.name}": ${problem}`, where);
  let scope: SheetState | null = null;
  if (init.scope !== undefined) {
    scope = wb.findSheet(init.scope);
    if (!scope) throw new FakeExcelError('ItemNotFound', `no sheet "${init.scope}" for the scope of "${init.name}"`, where);
  }
  if (wb.nameTaken(init.name, undefined, scope)) throw new FakeExcelError('ItemAlreadyExists', `the name "${init.name}" already exists in its scope`, where);
  if (typeof init.comment === 'string' && init.comment.length > 255) throw new FakeExcelError('InvalidArgument', 'comment longer than 255 characters', where);
  const p = parseAddress(init.refersTo.startsWith('=') ? init.refersTo.slice(1) : init.refersTo);
  if (p.sheet === null) throw new FakeExcelError('InvalidArgument', 'a name needs a sheet-qualified reference', where);
  const sheet = wb.findSheet(p.sheet);
  if (!sheet) throw new FakeExcelError('InvalidArgument', `no sheet "${p.sheet}"`, where);
  wb.names.push({ name: init.name, scope, sheet, rect: p.rect, formula: '', comment: init.comment ?? '' });
}

function view(wb: WorkbookState, s: SheetState): FakeSheetView {
  const at = (addr: string): Cell | undefined => {
    const p = parseAddress(addr).rect;
    return s.get(p.top, p.left);
  };
  return {
    id: s.id,
    name: s.name,
    position: wb.live().indexOf(s),
    visibility: s.visibility,
    tabColor: s.tabColor,
    freeze: s.freeze ? { ...s.freeze } : null,
    merges: s.merges.map(rectA1),
    hiddenColumns: [...s.hiddenCols].sort((x, y) => x - y),
    columnWidths: Object.fromEntries(s.colWidths),
    validations: s.validations.map(({ rect: _r, ...v }) => v),
    conditionalFormats: s.conditionalFormats.map(({ rect: _r, ...v }) => v),
    charts: s.charts,
    notes: s.notes,
    pageLayout: s.pageLayout,
    rowHeights: Object.fromEntries(s.rowHeights),
    tables: wb.tables.filter((t) => !t.deleted && t.sheet === s).map((t) => ({ name: t.name, address: rectA1(t.rect), style: t.style })),
    value: (addr) => {
      const cell = at(addr);
      if (!cell) return null;
      return cell.err ?? cell.v;
    },
    formula: (addr) => at(addr)?.f ?? null,
    numberFormat: (addr) => at(addr)?.nf ?? 'General',
    format: (addr) => ({ ...(at(addr)?.fmt ?? {}) }),
    quotePrefix: (addr) => at(addr)?.quotePrefix === true,
    values: () => {
      const used = s.usedRect(true);
      if (!used) return [];
      return grid({ top: 0, left: 0, bottom: used.bottom, right: used.right }, (r, c) => {
        const cell = s.get(r, c);
        return cell ? (cell.err ?? cell.v) : null;
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The user's actions and their events (FakeUserActions)
// ---------------------------------------------------------------------------------------------

function userSheet(wb: WorkbookState, name: string, where: string): SheetState {
  const s = wb.findSheet(name);
  if (!s) throw new FakeExcelError('ItemNotFound', `no sheet ${name}`, where);
  return s;
}

/** Moves every cell, merge and hidden row at or below `from` by `delta` rows (negative: rows [from+delta, from) are gone). */
function shiftRows(s: SheetState, from: number, delta: number): void {
  const moved = new Map<number, Cell>();
  for (const [k, cell] of s.cells) {
    const r = Math.floor(k / MAX_COLS);
    const c = k % MAX_COLS;
    if (r < from + Math.min(0, delta)) moved.set(k, cell);
    else if (r >= from) moved.set(s.key(r + delta, c), cell);
  }
  s.cells.clear();
  for (const [k, cell] of moved) s.cells.set(k, cell);
  s.merges = s.merges
    .filter((m) => delta > 0 || m.bottom < from + delta || m.top >= from)
    .map((m) => (m.top >= from ? { ...m, top: m.top + delta, bottom: m.bottom + delta } : m.bottom >= from ? { ...m, bottom: m.bottom + delta } : m));
  const hidden = [...s.hiddenRows].filter((r) => delta > 0 || r < from + delta || r >= from).map((r) => (r >= from ? r + delta : r));
  s.hiddenRows.clear();
  for (const r of hidden) s.hiddenRows.add(r);
}

/** A reference's sheet part renamed: "'Old name'!B6:B8" → "New!B6:B8" (any quoting, any case, anywhere in a formula). */
function renameInReference(text: string, from: string, to: string): string {
  const forms = new Set([quoteSheet(from), `'${from.replace(/'/g, "''")}'`]);
  let out = text;
  for (const form of forms) {
    const re = new RegExp(`(^|[^A-Za-z0-9_.'])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!`, 'gi');
    out = out.replace(re, (_m, before: string) => `${before}${quoteSheet(to)}!`);
  }
  return out;
}

/** Renames a sheet as Excel does: formulas and chart series that refer to it follow (defined names hold the sheet itself). */
function followRename(wb: WorkbookState, sheet: SheetState, name: string): void {
  const from = sheet.name;
  sheet.name = name;
  if (from === name) return;
  for (const s of wb.live()) {
    for (const cell of s.cells.values()) if (cell.f) cell.f = renameInReference(cell.f, from, name);
    for (const chart of s.charts) {
      for (const series of chart.series) {
        if (series.values) series.values = renameInReference(series.values, from, name);
        if (series.xValues) series.xValues = renameInReference(series.xValues, from, name);
      }
    }
  }
}

function userActions(wb: WorkbookState): FakeUserActions {
  const changed = (s: SheetState, rect: Rect, changeType?: string, address?: string): void => {
    wb.emit({ sheet: s, rect, triggerSource: 'Unknown', changeType, address });
    wb.flushEvents();
  };
  return {
    paste(sheet, a1, block) {
      const s = userSheet(wb, sheet, 'user.paste');
      const at = parseAddress(a1).rect;
      block.forEach((row, i) => row.forEach((input, j) => writeInput(wb, s, at.top + i, at.left + j, input, 'user.paste')));
      const width = Math.max(1, ...block.map((r) => r.length));
      changed(s, { top: at.top, left: at.left, bottom: at.top + Math.max(1, block.length) - 1, right: at.left + width - 1 });
    },
    clear(sheet, address) {
      const s = userSheet(wb, sheet, 'user.clear');
      const rect = parseAddress(address).rect;
      for (const [k, cell] of s.cells) {
        if (!contains(rect, Math.floor(k / MAX_COLS), k % MAX_COLS)) continue;
        cell.v = null;
        delete cell.f;
        delete cell.err;
        delete cell.quotePrefix;
      }
      changed(s, rect, 'RangeEdited', address.replace(/\$/g, '').toUpperCase());
    },
    insertRows(sheet, row, count) {
      const s = userSheet(wb, sheet, 'user.insertRows');
      shiftRows(s, row - 1, count);
      changed(s, { top: row - 1, left: 0, bottom: row + count - 2, right: MAX_COLS - 1 }, 'RowInserted', `${row}:${row + count - 1}`);
    },
    deleteRows(sheet, row, count) {
      const s = userSheet(wb, sheet, 'user.deleteRows');
      shiftRows(s, row - 1 + count, -count);
      changed(s, { top: row - 1, left: 0, bottom: row + count - 2, right: MAX_COLS - 1 }, 'RowDeleted', `${row}:${row + count - 1}`);
    },
    addSheet(init) {
      buildSheet(wb, init);
      wb.emit({ type: 'WorksheetAdded', id: userSheet(wb, init.name, 'user.addSheet').id });
      wb.flushEvents();
    },
    deleteSheet(sheet) {
      wb.deleteSheet(userSheet(wb, sheet, 'user.deleteSheet'));
      wb.flushEvents();
    },
    renameSheet(sheet, name) {
      const s = userSheet(wb, sheet, 'user.renameSheet');
      const problem = fakeSheetNameProblem(name);
      if (problem) throw new FakeExcelError('InvalidArgument', `sheet name "${name}": ${problem}`, 'user.renameSheet');
      const other = wb.findSheet(name);
      if (other && other !== s) throw new FakeExcelError('ItemAlreadyExists', `a sheet named "${name}" already exists`, 'user.renameSheet');
      followRename(wb, s, name);
    },
    moveSheet(sheet, position) {
      const s = userSheet(wb, sheet, 'user.moveSheet');
      const others = wb.sheets.filter((x) => x !== s);
      const anchor = others.filter((x) => !x.deleted)[position];
      others.splice(anchor ? others.indexOf(anchor) : others.length, 0, s);
      wb.sheets = others;
    },
    setVisibility(sheet, visibility) {
      userSheet(wb, sheet, 'user.setVisibility').visibility = visibility;
    },
    hideColumns(sheet, columns, hidden) {
      const s = userSheet(wb, sheet, 'user.hideColumns');
      for (const c of columns) (hidden ? s.hiddenCols.add(c) : s.hiddenCols.delete(c));
    },
    merge(sheet, address) {
      const s = userSheet(wb, sheet, 'user.merge');
      const rect = parseAddress(address).rect;
      if (s.merges.some((m) => overlaps(m, rect))) throw new FakeExcelError('InvalidOperation', `${address} overlaps a merged area`, 'user.merge');
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = s.get(r, c);
          if ((r !== rect.top || c !== rect.left) && cell && (cell.v !== null || cell.f !== undefined || cell.err !== undefined)) {
            throw new FakeExcelError('InvalidOperation', `${address}: only the top-left cell may hold a value`, 'user.merge');
          }
        }
      }
      s.merges.push(rect);
    },
    recalculated(sheet, a1, value) {
      const s = userSheet(wb, sheet, 'user.recalculated');
      const at = parseAddress(a1).rect;
      const cell = s.get(at.top, at.left);
      if (!cell?.f) throw new FakeExcelError('InvalidArgument', `${a1} holds no formula`, 'user.recalculated');
      if (value !== null && typeof value === 'object') {
        cell.v = null;
        cell.err = value.error;
      } else {
        cell.v = value;
        delete cell.err;
      }
    },
  };
}

/** Creates a fake `Excel` namespace holding a workbook with these sheets (the first one is active). */
export function createFakeExcel(initialSheets: ReadonlyArray<FakeSheetInit> = [{ name: 'Sheet1' }], options: FakeOptions = {}): FakeExcel {
  const wb = new WorkbookState({
    requestLimit: options.requestLimit ?? 5 * 1024 * 1024,
    responseLimit: options.responseLimit ?? 5 * 1024 * 1024,
    apiVersion: options.apiVersion ?? '1.18',
    evaluate: options.evaluate,
  });
  for (const init of initialSheets) buildSheet(wb, init);
  for (const init of options.names ?? []) addInitialName(wb, init);
  wb.active = wb.live().find((s) => s.visibility === 'Visible') ?? null;
  if (wb.active) wb.selection = { sheet: wb.active, rect: { top: 0, left: 0, bottom: 0, right: 0 } };

  class RequestContext extends FakeContext {
    constructor() {
      super(wb);
    }
  }

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    if (typeof batch !== 'function') throw new FakeExcelError('InvalidArgument', 'Excel.run needs a batch function', 'Excel.run');
    const given = typeof a === 'function' ? null : a;
    const ctx = given instanceof FakeContext ? given : given && (given as { context?: unknown }).context instanceof FakeContext ? ((given as { context: FakeContext }).context) : new FakeContext(wb);
    let result: T;
    try {
      result = await batch(ctx);
    } catch (e) {
      ctx.queue = [];
      throw e;
    }
    if (ctx.queue.length > 0) await ctx.sync(); // Excel.run flushes what the batch left queued
    return result;
  }

  const fake: FakeExcel = {
    run: run as FakeExcel['run'],
    RequestContext,
    get syncCount() {
      return wb.syncCount;
    },
    get syncLog() {
      return wb.syncLog;
    },
    resetSyncCount() {
      wb.syncCount = 0;
      wb.syncLog.length = 0;
      wb.failures.clear();
    },
    failOnSync(n, opts = {}) {
      wb.failures.set(n, { afterOperations: opts.afterOperations ?? null, code: opts.code ?? 'GeneralException' });
    },
    protectStructure(on) {
      wb.structureProtected = on;
    },
    sheetNames: () => wb.live().map((s) => s.name),
    sheet: (name) => {
      const s = wb.findSheet(name);
      return s ? view(wb, s) : null;
    },
    snapshot: (name) => {
      const s = wb.findSheet(name);
      if (!s) return 'null';
      const cells = [...s.cells.entries()].sort((x, y) => x[0] - y[0]);
      return JSON.stringify({
        name: s.name,
        cells,
        merges: s.merges,
        hidden: [[...s.hiddenCols], [...s.hiddenRows]],
        widths: [...s.colWidths],
        heights: [...s.rowHeights],
        tab: s.tabColor,
        freeze: s.freeze,
        visibility: s.visibility,
        validations: s.validations,
        cfs: s.conditionalFormats,
        charts: s.charts,
        notes: s.notes,
        pageLayout: s.pageLayout,
        tables: wb.tables.filter((t) => !t.deleted && t.sheet === s).map((t) => [t.name, t.rect, t.style]),
      });
    },
    activeSheet: () => wb.active?.name ?? null,
    selection: () => (wb.selection ? `${quoteSheet(wb.selection.sheet.name)}!${rectA1(wb.selection.rect)}` : null),
    definedNames: () =>
      wb.names.map((n) => ({
        name: n.name,
        refersTo: n.sheet && n.rect ? `${quoteSheet(n.sheet.name)}!${absolute(n.rect)}` : '#REF!',
        comment: n.comment,
        ...(n.scope ? { scope: n.scope.name } : {}),
      })),
    handlerCount: () => wb.handlers.filter((h) => h.active && h.type === 'WorksheetChanged').length,
    eventHandlerCount: (type) => wb.handlers.filter((h) => h.active && h.type === type).length,
    user: userActions(wb),
    userEdit(sheetName, addr, input) {
      const s = wb.findSheet(sheetName);
      if (!s) throw new FakeExcelError('ItemNotFound', `no sheet ${sheetName}`, 'userEdit');
      const rect = parseAddress(addr).rect;
      writeInput(wb, s, rect.top, rect.left, typeof input === 'string' ? input : input, 'userEdit');
      wb.pendingEvents.push({ sheet: s, rect: { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left }, triggerSource: 'Unknown' });
      wb.flushEvents();
    },
  };
  return fake;
}

/** A fake `Office` namespace to go with the fake Excel (for pages that call Office.onReady). */
export function createFakeOffice(options: { displayLanguage?: string; apiVersion?: string } = {}): {
  onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: { displayLanguage: string; requirements: { isSetSupported(name: string, version?: string): boolean } };
  HostType: { Excel: string };
} {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const api = options.apiVersion ?? '1.18';
  return {
    onReady(cb) {
      if (cb) setTimeout(() => cb(info), 0);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'id-ID',
      requirements: {
        isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && apiAtLeast(api, version ?? '1.1'),
      },
    },
    HostType: { Excel: 'Excel' },
  };
}
