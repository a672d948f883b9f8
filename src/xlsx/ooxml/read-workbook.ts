/**
 * The workbook reader made for our job: the bytes of an .xlsx / .xlsm workbook -> the core's `Grid`s (one per
 * worksheet, tab order), without exceljs. Runs in Node and in the browser (no file system here; see ../read-file.ts).
 *
 * It unzips with fflate and reads only the parts it needs, each streamed once: the package relationships (to find
 * the workbook part), the workbook (sheets in tab order, hidden / veryHidden, workbook-scoped defined names, the
 * 1904 date system), its relationships (the sheets' parts, shared strings, styles), the styles (only which cell
 * formats are dates), each worksheet (sheet.ts says what its cells become) and last the shared strings, of which
 * only those the kept cells refer to are decoded. Parts are found through the relationships, as Excel does, so
 * workbooks saved by openpyxl, pandas, LibreOffice or .NET libraries read as well as Excel's, Strict OOXML
 * (purl.oclc.org namespaces) included; comments, drawings, charts, pictures, external links, macros (.xlsm) and
 * everything else in the package are never opened.
 *
 * The gap sheet this tool wrote earlier (the sheet whose A1 the workbook-scoped name GAP_SHEET_MARKER points at,
 * decided by `markedSheet` in the core, as in the Excel adapter) is left out: an output, never the assessment.
 *
 * Memory stays bounded by what is kept: at most `limits.maxRows` rows with content (and `limits.maxCells` cells)
 * per sheet; the rest of a bigger sheet is skipped unread and its Grid carries `truncated` (the core says so).
 *
 * Anything that is not a readable workbook throws a `WorkbookReadError` with a stable reason (see sniff.ts for what
 * is recognised before unzipping; a zip without a workbook part is "not-xlsx", a workbook without worksheets
 * "no-sheets", and any part that does not unzip or parse "damaged").
 */
import type { Grid } from '../../core/types';
import { GAP_SHEET_MARKER, markedSheet, OUR_MARKERS } from '../../core/gap-names';
import { WorkbookReadError } from '../errors';
import { sniffWorkbook, toBytes } from '../sniff';
import { readCentralDirectory } from './zip';
import type { Package, Relationship } from './parts';
import { findPart, readDateStyles, readRelationships, readSharedStrings, readWorkbookPart, relKind, scanPart } from './parts';
import type { SheetData, SheetLimits } from './sheet';
import { SheetReader, finishSheet } from './sheet';

export type { SheetLimits } from './sheet';

/**
 * Rows with content kept per sheet: an assessment table has fewer than 200 rows, templates a few hundred; a sheet
 * longer than this is a data sheet, and reading all of a million rows would only cost time and memory.
 */
export const DEFAULT_LIMITS: SheetLimits = { maxRows: 20000, maxCells: 1000000 };

/** Shared-string indices above this are not believed (a damaged cell), so the marks stay small. */
const MAX_SST_INDEX = 1 << 24;

function mainPartOf(pkg: Package): string | null {
  const rels = readRelationships(pkg, '');
  const main = rels.find((r) => relKind(r) === 'officeDocument' && r.target !== null);
  if (main && main.target && findPart(pkg, main.target)) return main.target;
  return findPart(pkg, 'xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

function partByKind(pkg: Package, rels: ReadonlyArray<Relationship>, kind: string, fallback: string): string | null {
  const rel = rels.find((r) => relKind(r) === kind && r.target !== null && findPart(pkg, r.target));
  if (rel && rel.target) return rel.target;
  return findPart(pkg, fallback) ? fallback : null;
}

/** The workbook-scoped marker name's sheet, if it names A1 of one of `sheets` (a single reference, no list). */
function gapSheetOf(names: ReadonlyMap<string, string>, sheets: ReadonlyArray<string>, marker: string): string | null {
  const ref = names.get(marker.toUpperCase());
  if (ref === undefined || ref === '') return null;
  let quoted = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref[i];
    if (c === "'") quoted = !quoted;
    else if (c === ',' && !quoted) return null;
  }
  return markedSheet(ref, sheets);
}

export interface ReadOptions {
  /** Also read the gap sheet this tool wrote earlier (for tests and tools that look at it; never for an assessment). */
  readonly includeMarkedSheet?: boolean;
  /** Read only the gap sheet this tool wrote earlier (the team's columns are carried over from it). */
  readonly onlyMarkedSheet?: boolean;
}

function readSync(bytes: Uint8Array, limits: SheetLimits, options: ReadOptions): Grid[] {
  const pkg: Package = { bytes, entries: readCentralDirectory(bytes) };
  const main = mainPartOf(pkg);
  if (main === null) throw new WorkbookReadError('not-xlsx', 'the archive has no workbook part');
  if (/\.bin$/i.test(main)) throw new WorkbookReadError('xlsb');
  const workbook = readWorkbookPart(pkg, findPart(pkg, main)!);
  if (workbook.root !== 'workbook') throw new WorkbookReadError('not-xlsx', `the main part is a ${workbook.root}, not a workbook`);
  const rels = readRelationships(pkg, main);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sheets: Array<{ name: string; hidden: boolean; part: string }> = [];
  for (const s of workbook.sheets) {
    const rel = relById.get(s.relId);
    if (!rel || rel.target === null || relKind(rel) !== 'worksheet' || !findPart(pkg, rel.target)) continue; // chart sheets, dialog sheets …
    sheets.push({ name: s.name, hidden: s.state !== null && s.state !== 'visible', part: rel.target });
  }
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  const names = sheets.map((s) => s.name);
  const marked = gapSheetOf(workbook.names, names, GAP_SHEET_MARKER);
  if (options.onlyMarkedSheet) {
    const own = sheets.filter((s) => s.name === marked);
    if (own.length === 0) return [];
    return readSheets(pkg, rels, workbook.date1904, own, limits);
  }
  // Our own sheets (the gap sheet, the comparison sheet) are outputs, never the assessment.
  const ours = options.includeMarkedSheet ? [] : OUR_MARKERS.map((m) => gapSheetOf(workbook.names, names, m));
  const wanted = sheets.filter((s) => !ours.includes(s.name));
  return readSheets(pkg, rels, workbook.date1904, wanted, limits);
}

function readSheets(
  pkg: Package,
  rels: ReadonlyArray<Relationship>,
  date1904: boolean,
  wanted: ReadonlyArray<{ name: string; hidden: boolean; part: string }>,
  limits: SheetLimits,
): Grid[] {
  const stylesPart = partByKind(pkg, rels, 'styles', 'xl/styles.xml');
  const dateStyles = stylesPart ? readDateStyles(pkg, findPart(pkg, stylesPart)!) : [];

  const read: SheetData[] = [];
  let maxSst = -1;
  for (const s of wanted) {
    const reader = new SheetReader({ date1904, dateStyles, limits });
    scanPart(pkg, findPart(pkg, s.part)!, reader);
    for (const k of reader.data.sstIndex) if (k > maxSst) maxSst = k;
    read.push(reader.data);
  }

  let strings: Array<string | null | undefined> = [];
  if (maxSst >= 0) {
    const needed = new Uint8Array(Math.min(maxSst, MAX_SST_INDEX) + 1);
    for (const d of read) for (const k of d.sstIndex) if (k <= MAX_SST_INDEX) needed[k] = 1;
    const sstPart = partByKind(pkg, rels, 'sharedStrings', 'xl/sharedStrings.xml');
    if (sstPart) strings = readSharedStrings(pkg, findPart(pkg, sstPart)!, needed);
  }
  return wanted.map((s, i) => finishSheet(s.name, s.hidden, read[i], strings));
}

/**
 * Reads every worksheet of an .xlsx / .xlsm workbook as a Grid (tab order), leaving out the gap sheet this tool
 * wrote earlier. Synchronous; throws WorkbookReadError for unreadable input.
 */
export function readWorkbookGridsSync(data: ArrayBuffer | Uint8Array, limits: SheetLimits = DEFAULT_LIMITS, options: ReadOptions = {}): Grid[] {
  const bytes = toBytes(data);
  const reason = sniffWorkbook(bytes);
  if (reason) throw new WorkbookReadError(reason);
  try {
    return readSync(bytes, limits, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError('damaged', e instanceof Error ? e.message : String(e));
  }
}

/**
 * The gap sheet this tool wrote earlier (the sheet the marker name points at) as a Grid, or null when the
 * workbook has none: what the team typed into it is carried over when a run replaces it (core/team-columns.ts).
 * Never throws: an unreadable workbook has no earlier sheet to carry anything from.
 */
export function readMarkedSheetGrid(data: ArrayBuffer | Uint8Array, limits: SheetLimits = DEFAULT_LIMITS): Grid | null {
  try {
    const bytes = toBytes(data);
    if (sniffWorkbook(bytes)) return null;
    return readSync(bytes, limits, { onlyMarkedSheet: true })[0] ?? null;
  } catch {
    return null;
  }
}

/** As readWorkbookGridsSync, as a promise (the shape every caller of a workbook reader expects). */
export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array, limits: SheetLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return readWorkbookGridsSync(data, limits);
}
