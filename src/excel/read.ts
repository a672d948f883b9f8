/**
 * Reading the open workbook as grids, in as few `context.sync()` calls as Excel allows.
 *
 * What a read loads, per sheet (by its id): the used range (values only: address, values, formulas,
 * value types), its merged areas (ExcelApi 1.13) and whether each of the first columns is hidden (one
 * RangeAreas of single columns, ExcelApi 1.9). Besides, the workbook facts (src/excel/facts.ts): the
 * sheets in tab order, the defined names (our marker) and the tables.
 *
 * Round trips:
 * - nothing known yet: sync 1 learns the facts, sync 2 loads every sheet;
 * - facts known (from an earlier read, the change subscription or our last write): ONE sync loads the
 *   sheets and, alongside, the facts again to check them; a sheet that appeared meanwhile, or that our
 *   marker no longer hides, is loaded in one more sync (rare);
 * - a re-read with a trusted cache (every change since was reported, src/excel/changes.ts) loads only
 *   what an edit can have changed, in that one sync: the areas Excel named for edited sheets without
 *   formulas (patched into the cached block), sheets with formulas whole (recalculation changes their
 *   results without an event), added sheets and sheets with rows or columns inserted or deleted
 *   whole; the other sheets' cells come from the cache. Merged areas and hidden columns are loaded
 *   again for every sheet (they change without a change event; their probe is small). The grids are
 *   the ones a full read would give; a patch that cannot be trusted (a formula typed into an edited
 *   area may spill; the used range grew where nothing was edited) is replaced by a whole read.
 *
 * Excel on the web refuses a request or a response above 5 MB. The sheets are packed into syncs whose
 * estimated request and response stay under the budget (4 MB): a thousand sheets need no more than a
 * few syncs. A sync still refused for its size is split in two; a single sheet too big for one response
 * is read as its size first, then in row bands that fit.
 *
 * Hidden columns: Excel has no per-column "hidden" list, only `columnHidden` of a range, so the reader
 * asks each of the first `hiddenColumnScan` columns (A..BL by default). Hidden columns further right
 * are not reported. Hidden rows are not reported.
 *
 * The gap sheet this tool wrote earlier (the sheet whose A1 the workbook-scoped defined name
 * GAP_SHEET_MARKER refers to, however the user renamed it) is left out: it is never an assessment.
 */
import type { CellRange, Grid } from '../core/types';
import { columnLetter } from '../core/address';
import { parseAreas, parseChangedArea } from './a1';
import type { ChangeSet } from './changes';
import { areaOf, hasFormulaCell, patchUsed, rawBytes, toGrid } from './cells';
import type { AreaRead, RawUsed, UsedDims } from './cells';
import { FACTS_REQUEST_BYTES, factsResponseBytes, markedSheetFact, queueFacts } from './facts';
import { OUR_MARKERS } from '../core/gap-names';
import type { WorkbookFacts } from './facts';
import { SyncCounter, errorCode, isPayloadError } from './sync';

/** The ids of the sheets our markers mark (the gap sheet, the comparison sheet): outputs, never read as the assessment. */
function ourSheetIds(facts: WorkbookFacts): string[] {
  return OUR_MARKERS.map((m) => markedSheetFact(facts, m)?.id).filter((id): id is string => id !== undefined);
}

export { toCellValue, toFormula } from './cells';

export interface ReadOptions {
  /** True when the host supports this ExcelApi requirement set (e.g. "1.13" for merged areas). */
  readonly isApiSupported: (version: string) => boolean;
  /** Columns checked for being hidden, from A. Default 64. */
  readonly hiddenColumnScan?: number;
  /** Estimated bytes per read sync, each way (request and response). Default 4 MB, under Excel on the web's 5 MB. */
  readonly budget?: number;
}

/** One sheet as last read: its cells as Excel gave them, and what the grid needs besides. */
export interface SheetSnapshot {
  readonly used: RawUsed | null;
  readonly merges: ReadonlyArray<CellRange>;
  readonly hiddenColumns: ReadonlyArray<number>;
  /** Some cell holds a formula: the sheet is read whole every time (results change without events). */
  readonly hasFormula: boolean;
  /** Approximate size of `used` as Excel sends it, to size the next request. */
  readonly bytes: number;
}

/** The last read's sheets by worksheet id (never holding our gap sheet). */
export type ReadCache = ReadonlyMap<string, SheetSnapshot>;

export interface ReadInput {
  /** The workbook facts, when known; null: learnt in a first sync. */
  readonly facts: WorkbookFacts | null;
  /** The previous read, when every change since is in `changes`; null: every sheet is read. */
  readonly cache: ReadCache | null;
  readonly changes: ChangeSet | null;
}

export interface ReadOutcome {
  readonly grids: Grid[];
  readonly cache: Map<string, SheetSnapshot>;
  readonly facts: WorkbookFacts;
  /** Sheets whose cells were read whole, patched from edited areas, or taken from the cache. */
  readonly sheets: { readonly full: number; readonly patched: number; readonly kept: number };
}

export const DEFAULT_READ_BUDGET = 4_000_000;
/** Estimated bytes of one action or object path in an Office.js request (JSON, with ids and names). */
const ACTION_BYTES = 250;
/** Response guessed for a sheet never read (the sync is split if the guess was too low). */
const UNKNOWN_SHEET_BYTES = 8_000;
/** Response of one cell (value, formula, type), for the row bands of a sheet too big for one response. */
const BYTES_PER_CELL = 120;

/** Reads every sheet of the workbook (in tab order) as a Grid with absolute origin, except our gap sheet. */
export async function readGrids(context: Excel.RequestContext, counter: SyncCounter, options: ReadOptions): Promise<Grid[]> {
  return (await readWorkbook(context, counter, { facts: null, cache: null, changes: null }, options)).grids;
}

/** Reads the workbook, re-reading only what changed when `input` allows it (see the module comment). */
export async function readWorkbook(context: Excel.RequestContext, counter: SyncCounter, input: ReadInput, options: ReadOptions): Promise<ReadOutcome> {
  try {
    return await readOnce(context, counter, input, options);
  } catch (e) {
    // A sheet the remembered facts name was deleted meanwhile (getItem failed): learn the sheets again.
    if (input.facts && errorCode(e) === 'ItemNotFound') return readOnce(context, counter, { ...input, facts: null }, options);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Plans: what to load for each sheet
// ---------------------------------------------------------------------------------------------

interface SheetPlan {
  readonly id: string;
  /** full: every cell; patch: the edited areas and the new used-range size; keep: cells from the cache. */
  readonly kind: 'full' | 'patch' | 'keep';
  readonly areas?: ReadonlyArray<string>;
  /** Probe hidden columns one range each (the one-RangeAreas probe was not conclusive). */
  readonly perColumn?: boolean;
}

function planFor(id: string, cache: ReadCache | null, changes: ChangeSet | null): SheetPlan {
  const snap = cache?.get(id);
  if (!cache || !changes || !snap) return { id, kind: 'full' };
  if (changes.whole.has(id) || changes.added.has(id) || snap.hasFormula) return { id, kind: 'full' };
  const areas = changes.areas.get(id);
  if (!areas || areas.length === 0) return { id, kind: 'keep' };
  return areas.every((a) => parseChangedArea(a) !== null) ? { id, kind: 'patch', areas } : { id, kind: 'full' };
}

function usesAreasProbe(options: ReadOptions): boolean {
  return options.isApiSupported('1.9');
}

function scanOf(options: ReadOptions): number {
  return options.hiddenColumnScan ?? 64;
}

function requestBytes(plan: SheetPlan, options: ReadOptions): number {
  const scan = scanOf(options);
  let actions = 1; // the worksheet
  let text = 0;
  if (options.isApiSupported('1.13')) actions += 3;
  if (usesAreasProbe(options) && !plan.perColumn) {
    actions += 3;
    text += scan * 8;
  } else actions += 2 * scan;
  if (plan.kind === 'full') actions += 2;
  if (plan.kind === 'patch') {
    actions += 2 + 3 * (plan.areas?.length ?? 0);
    text += (plan.areas ?? []).reduce((n, a) => n + a.length, 0);
  }
  return actions * ACTION_BYTES + text;
}

function responseBytes(plan: SheetPlan, cache: ReadCache | null, options: ReadOptions, unknown: number): number {
  const snap = cache?.get(plan.id);
  let bytes = 300 + scanOf(options) * 24 + (snap ? snap.merges.length * 40 : 400);
  if (plan.kind === 'full') bytes += snap ? Math.ceil(snap.bytes * 1.1) + 200 : unknown;
  if (plan.kind === 'patch') {
    const old = snap?.used ? areaOf(snap.used) : null;
    const cells = snap?.used ? snap.used.values.length * (snap.used.values[0]?.length ?? 0) : 0;
    const perCell = cells > 0 ? Math.max(30, snap!.bytes / cells) : 30;
    for (const a of plan.areas ?? []) {
      const area = parseChangedArea(a);
      if (!area) continue;
      const whole = area.bottom - area.top > 100_000 || area.right - area.left > 10_000;
      const within = old ? intersectArea(area, old) : null;
      const n = whole ? (within ? sizeOf(within) : 0) : sizeOf(area);
      bytes += 300 + n * perCell;
    }
  }
  return bytes;
}

function sizeOf(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function intersectArea(a: CellRange, b: CellRange): CellRange | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/**
 * The next band: consecutive plans from `from` whose estimated request and response fit the budget
 * (at least one). `unknown` is the response guessed for a sheet never read.
 */
function nextBand(plans: ReadonlyArray<SheetPlan>, from: number, cache: ReadCache | null, options: ReadOptions, unknown: number, extra: { request: number; response: number }): SheetPlan[] {
  const budget = options.budget ?? DEFAULT_READ_BUDGET;
  const band: SheetPlan[] = [];
  let request = extra.request;
  let response = extra.response;
  for (let i = from; i < plans.length; i++) {
    const q = requestBytes(plans[i], options);
    const r = responseBytes(plans[i], cache, options, unknown);
    if (band.length > 0 && (request + q > budget || response + r > budget)) break;
    band.push(plans[i]);
    request += q;
    response += r;
  }
  return band;
}

// ---------------------------------------------------------------------------------------------
// Queueing one sheet's loads, and taking them after the sync
// ---------------------------------------------------------------------------------------------

interface QueuedExtras {
  readonly merged: Excel.RangeAreas | null;
  /** The areas of one RangeAreas of single columns (ExcelApi 1.9) … */
  readonly areas: Excel.RangeCollection | null;
  /** … or one range per column. */
  readonly columns: Excel.Range[];
}

interface Extras {
  readonly merges: CellRange[];
  /** Null when the probe was not conclusive (Excel did not keep one area per column). */
  readonly hiddenColumns: number[] | null;
}

function queueExtras(ws: Excel.Worksheet, options: ReadOptions, perColumn: boolean): QueuedExtras {
  // The used range including formats covers every merged area (and is A1, not a null object, on an empty sheet).
  const merged = options.isApiSupported('1.13') ? ws.getUsedRange(false).getMergedAreasOrNullObject() : null;
  if (merged) merged.load('address');
  const scan = scanOf(options);
  const letters = Array.from({ length: scan }, (_, c) => columnLetter(c));
  if (usesAreasProbe(options) && !perColumn) {
    // One object for all the columns: a few actions instead of two per column (what kept a thousand-sheet read over 5 MB).
    const areas = ws.getRanges(letters.map((L) => `${L}:${L}`).join(',')).areas;
    areas.load('items/columnHidden');
    return { merged, areas, columns: [] };
  }
  const columns = letters.map((L) => {
    const col = ws.getRange(`${L}:${L}`);
    col.load('columnHidden');
    return col;
  });
  return { merged, areas: null, columns };
}

/** After the sync that loaded them: the sheet's merges and hidden columns. */
function takeExtras(queued: QueuedExtras, scan: number): Extras {
  const merges = queued.merged && !queued.merged.isNullObject ? parseAreas(queued.merged.address) : [];
  if (!queued.areas) return { merges, hiddenColumns: queued.columns.flatMap((col, c) => (col.columnHidden === true ? [c] : [])) };
  // The areas come back in the order given, one per column (A, B, …); anything else is not conclusive.
  const items = queued.areas.items;
  if (items.length !== scan) return { merges, hiddenColumns: null };
  return { merges, hiddenColumns: items.flatMap((area, c) => (area.columnHidden === true ? [c] : [])) };
}

interface QueuedSheet {
  readonly plan: SheetPlan;
  readonly extras: QueuedExtras;
  readonly used: Excel.Range | null;
  readonly dims: Excel.Range | null;
  readonly parts: ReadonlyArray<{ readonly area: CellRange; readonly range: Excel.Range }>;
}

/** What one sheet's loads gave. */
interface SheetResult {
  readonly extras: Extras;
  /** A full read: the used range (null: the sheet holds no value). */
  readonly used?: RawUsed | null;
  /** A patch: the new used-range size and the edited areas' used parts. */
  readonly patch?: { readonly dims: UsedDims | null; readonly reads: AreaRead[] };
}

function queueSheet(context: Excel.RequestContext, plan: SheetPlan, options: ReadOptions): QueuedSheet {
  const ws = context.workbook.worksheets.getItem(plan.id);
  const extras = queueExtras(ws, options, plan.perColumn === true);
  let used: Excel.Range | null = null;
  let dims: Excel.Range | null = null;
  const parts: Array<{ area: CellRange; range: Excel.Range }> = [];
  if (plan.kind === 'full') {
    used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,values,formulas,valueTypes');
  } else if (plan.kind === 'patch') {
    dims = ws.getUsedRangeOrNullObject(true);
    dims.load('rowIndex,columnIndex,rowCount,columnCount');
    for (const a of plan.areas ?? []) {
      const range = ws.getRange(a.slice(a.lastIndexOf('!') + 1)).getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,values,formulas,valueTypes');
      parts.push({ area: parseChangedArea(a)!, range });
    }
  }
  return { plan, extras, used, dims, parts };
}

function rawOf(range: Excel.Range): RawUsed | null {
  if (range.isNullObject) return null;
  return { rowIndex: range.rowIndex, columnIndex: range.columnIndex, values: range.values, formulas: range.formulas, valueTypes: range.valueTypes as string[][] };
}

function takeSheet(queued: QueuedSheet, scan: number): SheetResult {
  const extras = takeExtras(queued.extras, scan);
  if (queued.used) return { extras, used: rawOf(queued.used) };
  if (queued.dims) {
    const d = queued.dims;
    const dims = d.isNullObject ? null : { rowIndex: d.rowIndex, columnIndex: d.columnIndex, rowCount: d.rowCount, columnCount: d.columnCount };
    return { extras, patch: { dims, reads: queued.parts.map((p) => ({ area: p.area, used: rawOf(p.range) })) } };
  }
  return { extras };
}

// ---------------------------------------------------------------------------------------------
// Running the plans in budget-sized syncs
// ---------------------------------------------------------------------------------------------

interface Run {
  readonly context: Excel.RequestContext;
  readonly counter: SyncCounter;
  readonly options: ReadOptions;
  readonly cache: ReadCache | null;
  readonly results: Map<string, SheetResult>;
  /** Facts loaded again alongside the sheets (when they were remembered, not learnt in this read). */
  facts: WorkbookFacts | null;
}

/**
 * Runs the plans in bands, one sync each (more only when Excel still refuses a band's size). Sheets
 * never read are guessed at UNKNOWN_SHEET_BYTES until some have been read: then at the mean size of
 * those, so a workbook of many big sheets is not refused band after band.
 */
async function runPlans(run: Run, plans: ReadonlyArray<SheetPlan>, withFacts: boolean): Promise<void> {
  if (plans.length === 0 && !withFacts) return;
  let done = 0;
  let facts = withFacts;
  const seen = { sheets: 0, bytes: 0 };
  while (done < plans.length || facts) {
    const extra = facts ? { request: FACTS_REQUEST_BYTES, response: factsResponseBytes(plans.length) } : { request: 0, response: 0 };
    const unknown = seen.sheets > 0 ? Math.max(1_000, Math.ceil((seen.bytes / seen.sheets) * 1.2)) : UNKNOWN_SHEET_BYTES;
    const band = nextBand(plans, done, run.cache, run.options, unknown, extra);
    await runBand(run, band, facts);
    facts = false;
    done += band.length;
    for (const plan of band) {
      const used = run.results.get(plan.id)?.used;
      if (plan.kind !== 'full' || run.cache?.has(plan.id) || used === undefined) continue;
      seen.sheets++;
      seen.bytes += rawBytes(used);
    }
  }
}

async function runBand(run: Run, band: ReadonlyArray<SheetPlan>, withFacts: boolean): Promise<void> {
  const { context, counter, options } = run;
  const facts = withFacts ? queueFacts(context) : null;
  const queued = band.map((plan) => queueSheet(context, plan, options));
  try {
    // One sync per budget-sized band of sheets (a single band for normal workbooks).
    await counter.counted(context.sync());
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    if (band.length > 1) {
      // The estimate was too low: the same sheets in two halves.
      const half = Math.ceil(band.length / 2);
      await runBand(run, band.slice(0, half), withFacts);
      await runBand(run, band.slice(half), false);
      return;
    }
    if (band.length === 0) throw e;
    await readSheetInBands(run, band[0], withFacts);
    return;
  }
  if (facts) run.facts = facts.take();
  const scan = scanOf(options);
  for (const q of queued) run.results.set(q.plan.id, takeSheet(q, scan));
}

/** One sheet too big for one response: its size (with merges, hidden columns) first, then its cells in row bands. */
async function readSheetInBands(run: Run, plan: SheetPlan, withFacts: boolean): Promise<void> {
  const { context, counter, options } = run;
  const facts = withFacts ? queueFacts(context) : null;
  const ws = context.workbook.worksheets.getItem(plan.id);
  const extras = queueExtras(ws, options, plan.perColumn === true);
  const size = ws.getUsedRangeOrNullObject(true);
  size.load('rowIndex,columnIndex,rowCount,columnCount');
  await counter.counted(context.sync());
  if (facts) run.facts = facts.take();
  const taken = takeExtras(extras, scanOf(options));
  if (size.isNullObject) {
    run.results.set(plan.id, { extras: taken, used: null });
    return;
  }
  const shape = { rowIndex: size.rowIndex, columnIndex: size.columnIndex, rowCount: size.rowCount, columnCount: size.columnCount };
  const budget = options.budget ?? DEFAULT_READ_BUDGET;
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const valueTypes: string[][] = [];
  let start = 0;
  let rowsPerBand = Math.max(1, Math.floor(budget / BYTES_PER_CELL / Math.max(1, shape.columnCount)));
  while (start < shape.rowCount) {
    const count = Math.min(rowsPerBand, shape.rowCount - start);
    const r = ws.getRangeByIndexes(shape.rowIndex + start, shape.columnIndex, count, shape.columnCount);
    r.load('values,formulas,valueTypes');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a sheet over the 5 MB response limit: one budget-sized row band per pass (the loop ends when every row is read)
      await counter.counted(context.sync());
    } catch (e) {
      if (!isPayloadError(e) || count === 1) throw e; // a single row is already too big
      rowsPerBand = Math.ceil(count / 2);
      continue;
    }
    values.push(...r.values);
    formulas.push(...r.formulas);
    valueTypes.push(...(r.valueTypes as string[][]));
    start += count;
  }
  run.results.set(plan.id, { extras: taken, used: { rowIndex: shape.rowIndex, columnIndex: shape.columnIndex, values, formulas, valueTypes } });
}

// ---------------------------------------------------------------------------------------------
// The read
// ---------------------------------------------------------------------------------------------

async function readOnce(context: Excel.RequestContext, counter: SyncCounter, input: ReadInput, options: ReadOptions): Promise<ReadOutcome> {
  let facts = input.facts;
  const remembered = facts !== null;
  if (!facts) {
    const probe = queueFacts(context);
    await counter.counted(context.sync());
    facts = probe.take();
  }
  const { cache, changes } = input;
  const run: Run = { context, counter, options, cache, results: new Map(), facts: null };

  // Every sheet the facts know, except our gap sheet and sheets deleted since; sheets added since.
  const gap = ourSheetIds(facts);
  const deleted = changes?.deleted ?? new Set<string>();
  const ids = facts.sheets.map((s) => s.id).filter((id) => !gap.includes(id) && !deleted.has(id));
  for (const id of changes?.added ?? []) if (!ids.includes(id) && !deleted.has(id)) ids.push(id);
  const plans = ids.map((id) => planFor(id, cache, changes));
  await runPlans(run, plans, remembered);
  const current = run.facts ?? facts;

  // Settle: a snapshot for every sheet the (fresh) facts list; what is missing or could not be patched is read whole.
  const snapshots = new Map<string, SheetSnapshot>();
  const counts = { full: 0, patched: 0, kept: 0 };
  for (let round = 0; ; round++) {
    const missing = settle(run, current, snapshots, counts);
    if (missing.length === 0) break;
    if (round >= 2) throw new Error(`Excel kept changing while the workbook was read (${missing.length} sheet(s) not read)`);
    run.results.clear();
    // Rare: sheets that appeared meanwhile or could not be patched, read whole in one more pass.
    await runPlans(run, missing, false);
  }
  const gapNow = ourSheetIds(current);
  const grids: Grid[] = [];
  const next = new Map<string, SheetSnapshot>();
  for (const s of current.sheets) {
    if (gapNow.includes(s.id)) continue;
    const snap = snapshots.get(s.id)!;
    next.set(s.id, snap);
    grids.push(toGrid({ name: s.name, hidden: s.visibility !== 'Visible', merges: snap.merges, hiddenColumns: snap.hiddenColumns }, snap.used));
  }
  return { grids, cache: next, facts: current, sheets: counts };
}

/** Turns this pass's results into snapshots; returns the plans of the sheets still to read whole. */
function settle(run: Run, facts: WorkbookFacts, snapshots: Map<string, SheetSnapshot>, counts: { full: number; patched: number; kept: number }): SheetPlan[] {
  const gap = ourSheetIds(facts);
  const missing: SheetPlan[] = [];
  for (const s of facts.sheets) {
    if (gap.includes(s.id) || snapshots.has(s.id)) continue;
    const r = run.results.get(s.id);
    if (!r) {
      missing.push({ id: s.id, kind: 'full' });
      continue;
    }
    if (r.extras.hiddenColumns === null) {
      missing.push({ id: s.id, kind: 'full', perColumn: true });
      continue;
    }
    const look = { merges: r.extras.merges, hiddenColumns: r.extras.hiddenColumns };
    const old = run.cache?.get(s.id) ?? null;
    if (r.used !== undefined) {
      snapshots.set(s.id, { ...look, used: r.used, hasFormula: hasFormulaCell(r.used), bytes: rawBytes(r.used) });
      counts.full++;
    } else if (r.patch && old) {
      const patched = patchUsed(old.used, r.patch.dims, r.patch.reads);
      if (patched === 'unsafe') {
        missing.push({ id: s.id, kind: 'full' });
        continue;
      }
      snapshots.set(s.id, { ...look, used: patched, hasFormula: false, bytes: rawBytes(patched) });
      counts.patched++;
    } else if (old) {
      snapshots.set(s.id, { ...look, used: old.used, hasFormula: old.hasFormula, bytes: old.bytes });
      counts.kept++;
    } else {
      missing.push({ id: s.id, kind: 'full' });
    }
  }
  return missing;
}
